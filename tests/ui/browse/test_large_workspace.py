"""A workspace too large to read in one go: first screenful at once, the rest and searches off-thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.ui.main.main_window import FIRST_PAGE, MainWindow
from bench.generate import generate

pytestmark = pytest.mark.gui
COUNTS = {"policies": 400, "events": 1200, "sources": 300, "notes": 600}


@pytest.fixture
def large_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "large.sqlite"
    generate(path, "M", counts=COUNTS)
    window = MainWindow(Workspace.open(path), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready)  # the rest of the window follows its first paint
    yield window
    window.close()
    window.workspace.close()


def test_the_first_screenful_comes_first_and_the_rest_follows(qtbot: QtBot, large_window: MainWindow) -> None:
    assert large_window.parts.result.total == 400
    assert large_window.model.total_rows in (FIRST_PAGE, 400)  # the full list may already be in
    qtbot.waitUntil(lambda: large_window.count_label.text() == "400 of 400 policies", timeout=10_000)
    assert large_window.model.total_rows == 400
    assert large_window.filter_panel.item_for("jurisdiction", "texas") is not None


def test_typing_shows_title_matches_at_once_then_the_complete_results(
    qtbot: QtBot, large_window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: large_window.count_label.text() == "400 of 400 policies", timeout=10_000)
    large_window.search_box.setText("policy 12")  # titles end with their number
    instant = [large_window.model.row_at(r).title for r in range(large_window.model.rowCount())]
    assert instant and all("12" in title for title in instant[:3])
    qtbot.waitUntil(lambda: large_window.count_label.text().endswith("of 400 policies"), timeout=10_000)
    final = large_window.count_label.text()
    assert "searching" not in final and large_window.model.total_rows >= len(instant)


def test_a_newer_search_wins_over_an_older_one(qtbot: QtBot, large_window: MainWindow) -> None:
    qtbot.waitUntil(lambda: large_window.count_label.text() == "400 of 400 policies", timeout=10_000)
    for text in ("b", "bo", "bor", "bord", "borde", "border"):
        large_window.search_box.setText(text)
    with qtbot.waitSignal(large_window.parts.browse_runner.finished, timeout=10_000) as finished:
        pass
    generation, result = finished.args
    assert generation == large_window.parts.browse_runner.generation
    qtbot.waitUntil(lambda: large_window.parts.result is result)
    assert large_window.current_filters().search == "border"


def test_a_search_typed_while_the_window_opens_gets_its_complete_results(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "large.sqlite"
    generate(path, "M", counts=COUNTS)
    window = MainWindow(Workspace.open(path), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.search_box.setText("policy 12")  # before the rest of the window is built
    qtbot.waitUntil(lambda: window.ready)
    qtbot.waitUntil(lambda: window.count_label.text().endswith("of 400 policies"), timeout=10_000)
    titles = window.visible_titles()
    assert titles and all("12" in title for title in titles[:3])
    window.close()
    window.workspace.close()
