from __future__ import annotations

import runpy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.common.i18n import apply_language, translations_dir
from app.ui.main.main_window import MainWindow
from tests.conftest import REPO

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def open_window(qtbot: QtBot, workspace_path: Path, settings_path: Path) -> Iterator[OpenWindow]:
    """Opens the real main window on a starter workspace, as a person starting the app would."""
    opened: list[tuple[MainWindow, Workspace]] = []

    def _open(*, locked: bool = False) -> MainWindow:
        """`locked`: holding the workspace's lock, as the app does (released when the window closes)."""
        from app.ui.workspace.workspace_lock import WorkspaceLock

        lock = WorkspaceLock(workspace_path).acquire() if locked else None
        workspace = Workspace.open(workspace_path)
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(workspace, settings, lock=lock)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.ready)  # the rest of the window follows its first paint
        opened.append((window, workspace))
        return window

    yield _open
    for window, workspace in opened:
        window.close()
        window.release_lock()
        window.workspace.close()  # the one it shows now, after a switch or a restore
        workspace.close()


@pytest.fixture
def window(open_window: OpenWindow) -> MainWindow:
    return open_window()


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp: QApplication) -> None:
    """The interface as an English-speaking user starts it: compiled catalogues, English plural forms."""
    compile_translations()
    apply_language(qapp, "en")


def compile_translations() -> None:
    """Compile each .ts the code ships that is newer than its .qm, as the package build does."""
    catalogues = runpy.run_path(str(REPO / "packaging" / "catalogues.py"))
    catalogues["compile_catalogues"](translations_dir())
