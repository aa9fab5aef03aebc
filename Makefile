# The two commands of the README: `make run` and `make test`. Both create or update the
# local virtual environment from pyproject.toml first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

# The Spanish interface (and English plural forms): .ts sources in the repo, .qm compiled here.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
# The messages of the services, data and domain (app/messages.py): gettext .po in the repo, .mo compiled here.
PO_FILES := $(wildcard resources/locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test lint format clean bench screenshots bundle translations update-translations update-messages

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Policy Tracker needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

resources/locale/%.mo: resources/locale/%.po $(STAMP)
	$(PY) packaging/catalogues.py >/dev/null

translations: $(QM_FILES) $(MO_FILES)

# After changing interface texts: collect them into the .ts files (then translate the new ones).
update-translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -locations none -no-obsolete $$(find app/ui -name '*.py' | sort) -target-language es -ts resources/translations/policy_tracker_es.ts
	$(VENV)/bin/pyside6-lupdate -locations none -no-obsolete -pluralonly $$(find app/ui -name '*.py' | sort) -target-language en -ts resources/translations/policy_tracker_en.ts

# After changing messages below the window (app/domain, app/data, app/services): collect them into the
# .po files (then translate the new ones; tests/ui/common/test_i18n.py lists what is missing).
update-messages: $(STAMP)
	mkdir -p build
	$(VENV)/bin/pybabel extract --no-location --omit-header --no-default-keywords -k _ -k N_ -k ngettext:1,2 -o build/messages.pot app/domain app/data app/services app/cli.py
	$(VENV)/bin/pybabel update --width 110 --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date -D policy_tracker -i build/messages.pot -d resources/locale

run: $(STAMP) $(QM_FILES) $(MO_FILES)
	$(PY) -m app

test: $(STAMP) $(QM_FILES) $(MO_FILES)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean:
	rm -rf $(VENV) build dist .pytest_cache $(QM_FILES) $(MO_FILES)

bench: $(STAMP) $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run --size S M L --write

# The README's pictures, made by the app itself (--screenshot) on a fresh starter workspace.
screenshots: $(STAMP) $(QM_FILES)
	rm -f build/screenshots.sqlite*; mkdir -p build docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m app --language en --workspace build/screenshots.sqlite --screenshot docs/screenshots/main-window.png --select remain-in-mexico
	QT_QPA_PLATFORM=offscreen $(PY) -m app --language en --workspace build/screenshots.sqlite --screenshot docs/screenshots/history-dark.png --select texas-sb4 --show history --theme dark
	QT_QPA_PLATFORM=offscreen $(PY) -m app --language en --workspace build/screenshots.sqlite --screenshot docs/screenshots/search.png --search "court injunction" --select texas-sb4
	QT_QPA_PLATFORM=offscreen $(PY) -m app --language en --workspace build/screenshots.sqlite --screenshot docs/screenshots/timeline.png --show timeline
	QT_QPA_PLATFORM=offscreen $(PY) -m app --language en --workspace build/screenshots.sqlite --screenshot docs/screenshots/export-dialog.png --select title-42 --show export
	QT_QPA_PLATFORM=offscreen $(PY) -m app --language es --workspace build/screenshots.sqlite --screenshot docs/screenshots/main-window-es.png --select title-42
	QT_QPA_PLATFORM=offscreen $(PY) -m app --workspace build/screenshots.sqlite timeline -o docs/timeline.svg

# A one-folder app bundle in dist/policy-tracker/, then its own self-test.
bundle: $(STAMP) $(QM_FILES)
	$(PY) -m pip install --quiet -e ".[dev,team,bundle]"
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/policy-tracker.spec
	QT_QPA_PLATFORM=offscreen dist/policy-tracker/policy-tracker --self-test
