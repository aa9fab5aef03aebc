"""The detail pane's action links, the pane's routing and the editor's handlers come from one enum."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from app.ui.detail.actions import DetailAction
from app.ui.editing.editors import NoteDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import active_dialog

pytestmark = pytest.mark.gui

# Links that navigate rather than edit.
NAVIGATION = {"policy", "source", "note", "event", "audit", "http", "https"}  # audit: opens the audit view


def test_every_link_on_every_page_is_navigation_or_a_known_action(window: MainWindow) -> None:
    window.select_policy("remain-in-mexico")
    schemes: set[str] = set()
    for name in window.detail.TABS:
        window.detail.pages.render(name)  # pages are written when first shown
        schemes |= set(re.findall(r'href="([a-z-]+):', window.detail.pages[name].toHtml()))
    unknown = {s for s in schemes - NAVIGATION if DetailAction.of(s) is None}
    assert unknown == set()
    # The pages do offer edit actions (the test would pass vacuously on a read-only page otherwise).
    assert {"edit-policy", "add-event", "add-source", "annotate", "add-note"} <= schemes


def test_the_editor_handles_every_action(window: MainWindow) -> None:
    assert set(window.editor.detail_handlers()) == set(DetailAction)


def test_the_annotate_link_opens_the_note_editor_with_the_selected_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The link "Annotate selected passage…" did nothing: its name was missing from a hand-kept list."""
    window.select_policy("border-crossing-closures-2023")
    browser = window.detail.pages["Sources"]
    window.detail.tabs.setCurrentWidget(browser)
    cursor = browser.document().find("reopening key ports of entry")
    assert not cursor.isNull()
    browser.setTextCursor(cursor)
    browser.anchorClicked.emit(QUrl(DetailAction.ANNOTATE.link()))
    dialog = active_dialog(NoteDialog)
    assert dialog.quote_edit.toPlainText() == "reopening key ports of entry"
    dialog.reject()
