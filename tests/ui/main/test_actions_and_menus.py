"""The action registry, the toolbar and the right-click menus, driven as a person does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox, QTextBrowser, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from app.services import policies
from app.services.workspace import Workspace
from app.ui.browse.policy_table import Column
from app.ui.editing.editors import EventDialog, NoteDialog, PolicyDialog, SourceDialog
from app.ui.main import menus
from app.ui.main.actions import SPECS, MainAction, collect, text_of
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import active_dialog

pytestmark = pytest.mark.gui


def _right_click(widget: QWidget, at: QPoint) -> QMenu:
    """Press the menu button of the mouse at a point, as a person does; returns the menu it opens."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, widget.mapToGlobal(at))
    QApplication.sendEvent(widget, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "no menu opened"
    return menu


def _entries(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _choose(menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), f"{text} is disabled"
    menu.close()
    action.trigger()


def test_each_action_is_made_once_as_declared_and_no_keys_are_shared(window: MainWindow) -> None:
    made = collect(window)
    in_menus = {name for layout in menus.MENUS.values() for name in layout if name}
    assert in_menus - {MainAction.OPEN_RECENT, MainAction.THEME} <= set(made)
    seen: dict[str, MainAction] = {}
    for name, action in made.items():
        assert action.text() == text_of(name) or name in {MainAction.UNDO, MainAction.REDO}
        spec = SPECS[name]
        if spec.icon:
            assert not action.icon().isNull(), name
        if spec.shortcut is not None:
            keys = action.shortcut().toString()
            assert keys == QKeySequence(spec.shortcut).toString()
            assert keys not in seen, f"{name} and {seen.get(keys)} answer to {keys}"
            seen[keys] = name
    # Each action appears in the menu bar once.
    shown = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]  # type: ignore[union-attr]
    names = [a.data() for a in shown if a.data()]
    assert len(names) == len(set(names))


def test_the_toolbar_offers_the_daily_actions_and_they_work(qtbot: QtBot, window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "MainToolbar")
    assert toolbar is not None and toolbar.isVisible()
    labels = [a.iconText() for a in toolbar.actions() if not a.isSeparator() and a.iconText()]
    assert labels == ["New Policy", "New Event", "New Source", "New Note", "Export", "Timeline", "Search"]
    buttons = {a.iconText(): toolbar.widgetForAction(a) for a in toolbar.actions() if a.iconText()}
    assert toolbar.widgetForAction(toolbar.actions()[-1]) is window.as_of_control  # at the far end

    qtbot.mouseClick(buttons["New Policy"], Qt.MouseButton.LeftButton)
    dialog = active_dialog()
    assert isinstance(dialog, PolicyDialog) and dialog.windowTitle() == "New Policy"
    dialog.reject()

    window.table.clearSelection()
    assert not buttons["New Event"].isEnabled()  # needs a policy to add it to
    window.select_policy("daca")
    qtbot.mouseClick(buttons["New Event"], Qt.MouseButton.LeftButton)
    dialog = active_dialog()
    assert isinstance(dialog, EventDialog)
    dialog.reject()

    qtbot.mouseClick(buttons["Search"], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is window.search_box
    assert buttons["Search"].toolTip() == "Search (Ctrl+F)"


def _row_point(window: MainWindow, slug: str) -> QPoint:
    row = window.model.row_of_slug(slug)
    assert row is not None
    return window.table.visualRect(window.model.index(row, Column.TITLE)).center()


def test_right_click_on_a_row_selects_it_and_offers_what_applies(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    menu = _right_click(window.table.viewport(), _row_point(window, "daca"))
    assert window.selected_slug() == "daca"  # the row clicked, not the one selected before
    assert _entries(menu)[:4] == ["&Edit Policy…", "&Delete Policy…", "New Status &Event…", "New &Source…"]
    _choose(menu, "&Edit Policy…")
    dialog = active_dialog()
    assert isinstance(dialog, PolicyDialog) and dialog.slug_edit.text() == "daca"
    dialog.reject()

    menu = _right_click(window.table.viewport(), _row_point(window, "texas-sb4"))
    _choose(menu, "&Delete Policy…")
    box = active_dialog(QMessageBox)
    assert "Texas SB 4" in box.text()
    box.reject()


def _point_at(browser: QTextBrowser, words: str) -> QPoint:
    cursor = browser.document().find(words)
    assert not cursor.isNull(), f"{words!r} is not on the page"
    browser.ensureCursorVisible()
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    return browser.cursorRect(cursor).center()


def test_right_click_on_a_status_event_edits_or_deletes_that_event(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    detail = window.detail.detail
    assert detail is not None
    event = detail.events[1]
    window.detail.tabs.setCurrentWidget(window.detail.history_page)
    page = window.detail.pages["History"]
    menu = _right_click(page.viewport(), _point_at(page, event.description.split(".")[0][:40]))
    assert _entries(menu)[:3] == ["&Edit Status Event…", "&Delete Status Event", "New Status &Event…"]
    assert "&Copy" in [a.text() for a in menu.actions()] or any("Copy" in t for t in _entries(menu))
    _choose(menu, "&Edit Status Event…")
    dialog = active_dialog()
    assert isinstance(dialog, EventDialog) and dialog.date_edit.text() == event.date
    assert dialog.description_edit.toPlainText() == event.description
    dialog.reject()

    menu = _right_click(page.viewport(), _point_at(page, event.description.split(".")[0][:40]))
    _choose(menu, "&Delete Status Event")
    after = policies.policy_detail(window.workspace, detail.id)
    assert after is not None and event.id not in [e.id for e in after.events]


def test_right_click_on_an_excerpt_annotates_or_copies_it(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    detail = window.detail.detail
    assert detail is not None
    source = next(s for s in detail.sources if s.excerpts)
    excerpt = " ".join(source.excerpts[0].text.split())
    window.detail.tabs.setCurrentWidget(window.detail.pages["Sources"])
    page = window.detail.pages["Sources"]
    menu = _right_click(page.viewport(), _point_at(page, excerpt[:40]))
    entries = _entries(menu)
    assert entries[:3] == ["&Edit Source…", "&Unlink from This Policy", "&Delete Source"]
    assert "&Annotate This Excerpt…" in entries and "&Copy Excerpt" in entries
    _choose(menu, "&Copy Excerpt")
    assert QGuiApplication.clipboard().text() == source.excerpts[0].text

    menu = _right_click(page.viewport(), _point_at(page, excerpt[:40]))
    _choose(menu, "&Annotate This Excerpt…")
    dialog = active_dialog()
    assert isinstance(dialog, NoteDialog) and dialog.windowTitle() == "Annotate Passage"
    assert dialog.quote_edit.toPlainText() == excerpt
    assert dialog.source_combo.currentData() == source.id
    dialog.reject()

    menu = _right_click(page.viewport(), _point_at(page, excerpt[:40]))
    _choose(menu, "&Edit Source…")
    editor = active_dialog()
    assert isinstance(editor, SourceDialog) and editor.windowTitle() == "Edit Source"
    assert editor.title_edit.text() == source.title
    editor.reject()


def test_right_click_on_a_note_edits_it_and_elsewhere_offers_a_new_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("daca")
    window.detail.tabs.setCurrentWidget(window.detail.pages["Notes"])
    page = window.detail.pages["Notes"]
    menu = _right_click(page.viewport(), QPoint(40, 40))  # an empty page: only a new note
    assert _entries(menu)[0] == "New No&te…"
    _choose(menu, "New No&te…")
    dialog = active_dialog()
    assert isinstance(dialog, NoteDialog)
    dialog.body_edit.setPlainText("Ask the clinic about renewals.")
    dialog.try_accept()
    menu = _right_click(page.viewport(), _point_at(page, "Ask the clinic"))
    assert _entries(menu)[:2] == ["&Edit Note…", "&Delete Note"]
    _choose(menu, "&Delete Note")
    after = window.detail.detail
    assert after is not None and after.notes == []


def test_a_read_only_window_refuses_edits_from_a_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("daca")
    window.editor.set_writable(False)
    actions: dict[MainAction, QAction] = collect(window)
    assert not actions[MainAction.NEW_POLICY].isEnabled() and not actions[MainAction.EDIT_POLICY].isEnabled()
    assert isinstance(window.search_box, QLineEdit)


def test_the_list_stays_put_when_the_toolbar_arrives_after_the_first_paint(
    qtbot: QtBot, workspace_path: Path, settings_path: Path
) -> None:
    workspace = Workspace.open(workspace_path)
    try:
        window = MainWindow(workspace, QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        first = window.table.mapTo(window, QPoint(0, 0))
        qtbot.waitUntil(lambda: window.ready)
        toolbar = window.findChild(QToolBar, "MainToolbar")
        assert toolbar is not None and toolbar.actions()
        QApplication.processEvents()
        assert window.table.mapTo(window, QPoint(0, 0)) == first
        window.close()
    finally:
        workspace.close()
