"""Spanish: the interface switched to it, the catalogue complete, and dates and numbers in its forms."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from app.domain.vocab import Status
from app.ui.common import i18n
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow

ROOT = Path(__file__).resolve().parents[3]
SPANISH_TS = ROOT / "resources" / "translations" / "policy_tracker_es.ts"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert i18n.apply_language(qapp, "es") == "es", "the compiled Spanish translation did not load"
    yield
    i18n.apply_language(qapp, "en")


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.mark.usefixtures("spanish")
def test_switching_to_spanish_translates_the_menus_list_and_details(open_window: OpenWindow) -> None:
    window = open_window()
    assert _menu_titles(window) == ["&Archivo", "&Editar", "&Ver", "A&yuda"]
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert "&Exportar…" in texts and "&Salir" in texts
    headers = [
        window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())
    ]
    assert headers[0] == "Título" and "Estado" in headers
    window.select_policy("texas-sb4")
    tab_titles = [window.detail.tabs.tabText(i) for i in range(window.detail.tabs.count())]
    assert tab_titles[0] == "Resumen" and tab_titles[1].startswith("Historial (")
    assert "Estado actual" in window.detail.pages["Overview"].toPlainText()
    assert window.search_box.accessibleName() == "Buscar políticas"


@pytest.mark.usefixtures("spanish")
def test_spanish_vocabulary_dates_and_numbers() -> None:
    assert i18n.label(Status.BLOCKED_BY_COURT) == "Bloqueada por un tribunal"
    assert i18n.display_date("2024-03-19") == "19 mar 2024"
    assert i18n.display_date("2024-03") == "mar 2024"
    assert i18n.display_date("2024") == "2024"
    assert i18n.number(12345) == "12.345"


def test_english_keeps_its_own_words_and_plurals(qapp: QApplication) -> None:
    i18n.apply_language(qapp, "en")
    assert i18n.label(Status.BLOCKED_BY_COURT) == "Blocked by court"
    # English plural forms come from the plural-only English catalogue.
    one = QCoreApplication.translate("EditController", "%n note(s)", "", 1)
    many = QCoreApplication.translate("EditController", "%n note(s)", "", 3)
    assert (one, many) == ("1 note", "3 notes")


def test_preferences_saves_the_language_for_the_next_start(
    window: MainWindow, qtbot: QtBot, settings_path: Path
) -> None:
    dialog = window.show_preferences()
    combo = dialog.findChild(QComboBox)
    assert combo is dialog.language_combo
    assert not dialog.note.isVisible()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    assert dialog.note.isVisible() and "Español" in dialog.note.text()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert saved.value(i18n.LANGUAGE_KEY) == "es"
    assert i18n.chosen_language(saved) == "es"


def test_preferences_cancel_changes_nothing(window: MainWindow, settings_path: Path) -> None:
    dialog = window.show_preferences()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    saved = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert saved.value(i18n.LANGUAGE_KEY) is None
    assert window.parts.actions.theme_actions["system"].isChecked()


def test_system_language_is_followed_when_we_have_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("es_MX")))
    assert i18n.effective_language(i18n.SYSTEM) == "es"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.effective_language(i18n.SYSTEM) == "en"
    assert i18n.effective_language("es") == "es"


def test_a_missing_translation_leaves_english(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.apply_language(qapp, "es") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    i18n.apply_language(qapp, "en")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[name, message.findtext("source", "")] = message
    return found


def test_every_interface_text_has_a_finished_spanish_translation(tmp_path: Path) -> None:
    """Collect the texts from the code afresh; each must be in the Spanish catalogue, translated,
    with the same {placeholders}."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = _messages(fresh)
    catalogue = _messages(SPANISH_TS)
    assert len(in_code) > 300
    missing = sorted(key for key in in_code if key not in catalogue)
    assert not missing, f"not in {SPANISH_TS.name} (run make update-translations): {missing[:10]}"
    unfinished = []
    for key, message in catalogue.items():
        if key not in in_code:
            continue
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            unfinished.append(key)
            continue
        for form in forms:
            assert _placeholders(form) == _placeholders(key[1]), f"{key}: placeholders differ in {form!r}"
    assert not unfinished, f"untranslated: {unfinished[:10]}"


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[a-z_]+\}", text))


def test_preferences_labels_are_buddies(window: MainWindow) -> None:
    dialog = window.show_preferences()
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert {dialog.language_combo, dialog.theme_combo} <= buddies


@pytest.mark.usefixtures("spanish")
def test_an_import_preview_reads_in_spanish(window: MainWindow, tmp_path: Path) -> None:
    from app.services.bundle_import import ImportReport

    (tmp_path / "a.json").write_text("{}")
    dialog = window.show_import(tmp_path / "a.json")
    report = ImportReport(added={"events": 12, "policies": 1}, updated={}, conflicts=["policy “X”"])
    assert dialog.describe(report) == (
        "agrega: 12 eventos de estado, 1 política; actualiza: nada; "
        "1 modificada aquí más recientemente que en el archivo"
    )


def test_a_date_that_is_not_iso_is_shown_as_written() -> None:
    assert i18n.display_date("05/01/2024") == "05/01/2024"


@pytest.mark.usefixtures("spanish")
def test_preferences_compares_with_the_language_shown_now(window: MainWindow) -> None:
    dialog = window.show_preferences()  # saved choice: the system's (English here); shown: Spanish
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    assert not dialog.note.isVisible()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.note.isVisible()
    dialog.close()
