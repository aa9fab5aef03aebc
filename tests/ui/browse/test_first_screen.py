"""The window's first paint: the frame and the list's first screenful come first, the rest of the
window right after, and nothing the first paint shows changes when it does (but the badges)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.services.policies import all_policy_rows
from app.services.policy_list import first_page
from app.services.workspace import Workspace
from app.ui.browse.delegates import is_dark
from app.ui.browse.first_screen import COLUMN_WIDTHS, FirstScreenModel
from app.ui.common.theme import apply_theme
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import active_dialog

pytestmark = pytest.mark.gui
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def opened() -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
        window.workspace.close()


def _open(qtbot: QtBot, path: Path, settings: QSettings, opened: list[MainWindow]) -> MainWindow:
    window = MainWindow(Workspace.open(path), settings)
    qtbot.addWidget(window)
    opened.append(window)
    return window


def _cells(window: MainWindow) -> list[list[tuple[object, ...]]]:
    model = window.table.model()
    return [
        [
            tuple(model.index(row, column).data(role) for role in ROLES)
            for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    ]


def _headers(window: MainWindow) -> list[str]:
    model = window.table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_first_paint_shows_the_cells_the_finished_window_shows(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, workspace_path, settings, opened)
    assert not window.ready
    assert isinstance(window.table.model(), FirstScreenModel)
    assert window.count_label.text() == "Reading policies…"
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    first_cells, first_headers = _cells(window), _headers(window)
    assert len(first_cells) == 12  # the starter data, all of it on the first screen

    window.show()
    qtbot.waitUntil(lambda: window.ready)
    assert window.count_label.text() == "12 of 12 policies"
    assert _headers(window) == first_headers
    assert _cells(window) == first_cells
    header = window.table.horizontalHeader()
    assert {column: header.sectionSize(column) for column in COLUMN_WIDTHS} == COLUMN_WIDTHS
    assert window.table.isSortingEnabled()
    assert header.sortIndicatorSection() == -1
    assert window.focusWidget() is window.filter_panel.tree  # where the window has always started
    stretch = [window.splitter.widget(i).sizePolicy().horizontalStretch() for i in range(3)]
    assert stretch == [0, 3, 2]  # the panes share a wider window as the stand-ins did


def test_the_first_screenful_follows_a_saved_sort(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    before = MainWindow(Workspace.open(workspace_path), settings, deferred=False)
    before.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    sorted_titles = before.visible_titles()
    before.save_settings()
    before.close()
    before.workspace.close()

    window = _open(qtbot, workspace_path, settings, opened)
    first = [window.table.model().index(row, 0).data() for row in range(window.table.model().rowCount())]
    assert first == sorted_titles
    window.show()
    qtbot.waitUntil(lambda: window.ready)
    assert window.visible_titles() == sorted_titles
    assert window.table.horizontalHeader().sortIndicatorSection() == 2


def test_text_typed_while_the_window_opens_is_searched(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, workspace_path, settings, opened)
    window.show()
    window.search_box.setText("Texas")  # before the rest of the window is built
    qtbot.waitUntil(lambda: window.ready)
    titles = window.visible_titles()
    assert titles and len(titles) < 12 and any("Texas" in title for title in titles)
    assert window.count_label.text() == f"{len(titles)} of 12 policies"
    assert window.focusWidget() is window.search_box


def test_saved_filters_build_the_whole_window_at_once(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    settings.setValue("filters/jurisdiction", ["texas"])
    window = _open(qtbot, workspace_path, settings, opened)
    assert window.ready  # the first screenful by title would not be the filtered list
    assert window.count_label.text() == "1 of 12 policies"


def test_a_chosen_dark_look_is_dark_from_the_first_paint(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow], qapp: QApplication
) -> None:
    settings.setValue("view/theme", "dark")
    try:
        window = _open(qtbot, workspace_path, settings, opened)
        assert not window.ready and is_dark(qapp.palette())
        window.show()
        qtbot.waitUntil(lambda: window.ready)
        assert is_dark(qapp.palette()) and window.parts.actions.theme_actions["dark"].isChecked()
    finally:
        apply_theme(qapp, "system")


def test_a_hidden_filter_panel_stays_hidden(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    settings.setValue("window/sidebar", False)
    window = _open(qtbot, workspace_path, settings, opened)
    window.show()
    assert not window.splitter.widget(0).isVisible()
    qtbot.waitUntil(lambda: window.ready)
    assert window.splitter.widget(0) is window.filter_panel and not window.filter_panel.isVisible()
    assert not window.parts.actions.toggle_sidebar_action.isChecked() and window.detail.isVisible()


def test_a_window_closed_before_it_is_built_keeps_the_saved_settings(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    settings.setValue("selection/slug", "texas-sb4")
    window = _open(qtbot, workspace_path, settings, opened)
    window.close()
    assert settings.value("selection/slug") == "texas-sb4"


def test_the_first_page_is_the_head_of_the_list(workspace: Workspace) -> None:
    everything = all_policy_rows(workspace)
    assert first_page(workspace, 5) == everything[:5]
    assert first_page(workspace, 100) == everything


def test_links_are_not_taken_until_the_window_can_keep_them(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    window = _open(qtbot, workspace_path, settings, opened)
    assert not window.ready and not window.table.acceptDrops()
    window.finish_start()
    assert window.table.acceptDrops()


def test_a_failure_after_the_first_paint_is_told_and_keeps_the_settings(
    qtbot: QtBot,
    workspace_path: Path,
    settings: QSettings,
    opened: list[MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.setValue("selection/slug", "title-42")
    window = _open(qtbot, workspace_path, settings, opened)

    def locked(*_args: object) -> int:
        raise RuntimeError("database is locked")

    monkeypatch.setattr("app.services.policy_list.count_policies", locked)
    window.finish_start()
    assert window.start_failed == "database is locked"
    box = active_dialog(QMessageBox)
    assert box.isVisible() and "database is locked" in box.text()
    assert "Could not finish" in window.count_label.text()
    window.close()
    assert settings.value("selection/slug") == "title-42"


def test_a_saved_selection_is_not_forced_on_a_later_search(
    qtbot: QtBot, workspace_path: Path, settings: QSettings, opened: list[MainWindow]
) -> None:
    settings.setValue("selection/slug", "title-42")
    window = _open(qtbot, workspace_path, settings, opened)
    window.finish_start()
    assert window.selected_slug() == "title-42"
    window.table.clearSelection()
    window.search_box.setText("court")
    window.refresh()
    assert window.selected_slug() is None
    assert window._restoring_slug is None  # a background answer arriving later selects nothing
