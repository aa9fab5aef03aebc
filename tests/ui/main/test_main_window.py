"""The first window: it opens on the workspace and lists its policies."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.cli import main
from app.services.workspace import Workspace
from app.ui.main.main_window import MainWindow
from tests.conftest import FIXTURES

pytestmark = pytest.mark.gui


def test_the_window_lists_the_workspace_policies(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=FIXTURES / "seeds_small")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.ready)
    assert window.visible_titles() == ["Alpha program", "Beta framework"]
    model = window.table.model()
    assert model.index(0, 2).data() == "Blocked by court"
    assert model.index(0, 3).data() == "Jun 2021"
    assert window.count_label.text() == "2 of 2 policies"
    assert window.windowTitle() == "w — Policy Tracker"
    workspace.close()


def test_screenshot_renders_the_real_window(qtbot: QtBot, workspace_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    assert main(["--workspace", str(workspace_path), "--screenshot", str(target)]) == 0
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 500
    timeline = tmp_path / "timeline.png"
    assert (
        main(
            [
                "--workspace",
                str(workspace_path),
                "--screenshot",
                str(timeline),
                "--show",
                "timeline",
                "--theme",
                "dark",
            ]
        )
        == 0
    )
    assert QImage(str(timeline)).width() >= 800
