from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main_window import MainWindow

OpenWindow = Callable[[], MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def open_window(qtbot: QtBot, workspace_path: Path, settings_path: Path) -> Iterator[OpenWindow]:
    """Opens the real main window on a starter workspace, as a person starting the app would."""
    opened: list[tuple[MainWindow, Workspace]] = []

    def _open() -> MainWindow:
        workspace = Workspace.open(workspace_path)
        window = MainWindow(workspace, QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, workspace))
        return window

    yield _open
    for window, workspace in opened:
        window.close()
        workspace.close()


@pytest.fixture
def window(open_window: OpenWindow) -> MainWindow:
    return open_window()
