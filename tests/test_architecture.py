"""Dependencies point one way: only app/ui (and the export's picture raster) imports Qt; the command line
stays light; the window is known only inside its own package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _imports(file: Path) -> set[str]:
    tree = ast.parse(file.read_text(), filename=str(file))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_ui_package_imports_qt() -> None:
    offenders = []
    for file in (REPO / "app").rglob("*.py"):
        if "ui" in file.relative_to(REPO / "app").parts[:1] or file == REPO / "app/export/raster.py":
            continue
        if any(name.split(".")[0] == "PySide6" for name in _imports(file)):
            offenders.append(str(file.relative_to(REPO)))
    assert offenders == []


def test_domain_and_data_never_import_services_or_ui() -> None:
    offenders = []
    for package in ("domain", "data"):
        for file in (REPO / "app" / package).rglob("*.py"):
            for name in _imports(file):
                if name.startswith(("app.services", "app.ui", "app.cli")):
                    offenders.append(f"{file.relative_to(REPO)} imports {name}")
    assert offenders == []


def test_listing_a_current_workspace_needs_neither_qt_nor_the_orm(workspace_path: Path) -> None:
    probe = (
        "import sys; from app.cli import main; main(['list', '--workspace', sys.argv[1]]);"
        "heavy = [m for m in ('PySide6', 'sqlmodel', 'sqlalchemy', 'alembic') if m in sys.modules];"
        "print('HEAVY', heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(workspace_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "HEAVY []"


def _files_outside(*inside: str) -> list[Path]:
    return [
        file
        for file in (REPO / "app").rglob("*.py")
        if not any(file.relative_to(REPO / "app").as_posix().startswith(prefix) for prefix in inside)
    ]


def test_sqlite3_is_imported_only_by_the_sqlite_store() -> None:
    offenders = [
        str(file.relative_to(REPO))
        for file in _files_outside("data/sqlite/", "data/migrations/")
        if any(name.split(".")[0] == "sqlite3" for name in _imports(file))
    ]
    assert offenders == []


def test_the_window_reaches_the_data_only_through_services() -> None:
    offenders = [
        f"{file.relative_to(REPO)} imports {name}"
        for file in (REPO / "app" / "ui").rglob("*.py")
        for name in _imports(file)
        if name == "sqlite3" or name.startswith("app.data")
    ]
    assert offenders == []


# The window's own package: the window, its parts, and the two places that make one (the app and its
# self-test).
WINDOW_PACKAGE = REPO / "app" / "ui" / "main"


def test_no_module_outside_the_window_package_names_the_main_window() -> None:
    offenders = [
        str(file.relative_to(REPO))
        for file in (REPO / "app").rglob("*.py")
        if WINDOW_PACKAGE not in file.parents and "MainWindow" in file.read_text()
    ]
    assert offenders == []


def test_the_window_is_laid_out_in_feature_packages() -> None:
    """Each feature of the window is a package; nothing is left loose beside them."""
    ui = REPO / "app" / "ui"
    loose = sorted(p.name for p in ui.glob("*.py") if p.name != "__init__.py")
    packages = sorted(p.name for p in ui.iterdir() if (p / "__init__.py").is_file())
    assert loose == []
    assert packages == [
        "browse",
        "common",
        "detail",
        "editing",
        "main",
        "notes",
        "timeline",
        "transfer",
        "workspace",
    ]


def test_collaborators_of_the_window_get_a_context_not_the_window() -> None:
    """Dialogs, controllers and the notes and timeline windows reach the main window only through
    app.ui.main.window_context; none imports it, or keeps a `window.` handle on it to reach into."""
    offenders = []
    for file in (REPO / "app" / "ui").rglob("*.py"):
        if WINDOW_PACKAGE in file.parents:
            continue
        if "app.ui.main.main_window" in _imports(file):
            offenders.append(f"{file.relative_to(REPO)} imports app.ui.main.main_window")
        if "self.window." in file.read_text():
            offenders.append(f"{file.relative_to(REPO)} reaches into self.window")
    assert offenders == []


def test_operations_do_not_import_qt() -> None:
    """Undo and redo are plain Python: the operations load without Qt."""
    code = "import sys, app.services.operations; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False).returncode == 0


def test_the_command_line_edits_through_the_same_operations_as_the_window() -> None:
    """An edit from the command line is the window's operation (one transaction, its Changes), not a
    lower-level call the window does not make."""
    assert "app.services.editing" not in _imports(REPO / "app" / "cli.py")


def test_tests_share_helpers_from_helper_modules_not_from_other_tests() -> None:
    offenders = [
        f"{file.relative_to(REPO)} imports {name}"
        for file in (REPO / "tests").rglob("test_*.py")
        for name in _imports(file)
        if name.startswith("tests.") and name.rsplit(".", 1)[-1].startswith("test_")
    ]
    assert offenders == []
