"""The window shows confidence quietly in History and "Last verified" in the overview; the editors set them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.ui.editing.editors import EventDialog, PolicyDialog
from app.ui.editing.form import FormDialog
from app.ui.main.main_window import MainWindow

pytestmark = pytest.mark.gui


def _db(window: MainWindow, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(window.workspace.path)) as connection:
        return [tuple(r) for r in connection.execute(sql, params)]


def _plain(page: Any) -> str:
    """A page's text as read: whitespace squashed, bidi isolation marks around user text removed."""
    text = page.toPlainText().translate({mark: None for mark in range(0x2066, 0x206A)})
    return " ".join(text.split())


def _save(qtbot: QtBot, dialog: FormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _type(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_an_unconfirmed_event_gets_a_quiet_badge_and_its_disagreement(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("texas-sb4")
    before = _plain(window.detail.pages["History"])
    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    assert dialog.confidence_combo.currentData() == ""  # a new event leaves it to the sources
    _type(qtbot, dialog.date_edit, "2026-11-02")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("reinstated"))
    _type(qtbot, dialog.description_edit, "Declared back in force.")
    dialog.confidence_combo.setCurrentIndex(dialog.confidence_combo.findData("unconfirmed"))
    _type(qtbot, dialog.disagreement_edit, "The state says yes; the court docket shows no order.")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert _db(
        window,
        "SELECT confidence, disagreement FROM status_event WHERE description = 'Declared back in force.'",
    ) == [("unconfirmed", "The state says yes; the court docket shows no order.")]
    text = _plain(window.detail.pages["History"])
    assert "Reinstated Unconfirmed" in text
    assert "Where sources disagree: The state says yes; the court docket shows no order." in text
    assert "Unconfirmed" in _plain(window.detail.pages["Overview"])  # the current status is unconfirmed

    # Editing shows what is stored, and a confirmed event has no badge.
    detail = window.detail.detail
    assert detail is not None
    latest = detail.events[-1]
    dialog = window.editor.edit_event(latest.id)
    assert isinstance(dialog, EventDialog)
    assert dialog.confidence_combo.currentData() == "unconfirmed"
    dialog.confidence_combo.setCurrentIndex(dialog.confidence_combo.findData("confirmed"))
    dialog.disagreement_edit.clear()
    _save(qtbot, dialog)
    text = _plain(window.detail.pages["History"])
    for mark in ("Reinstated Unconfirmed", "Confirmed", "Where sources disagree"):
        assert text.count(mark) == before.count(mark), mark


def test_last_verified_is_set_in_the_policy_editor_and_shown_in_the_overview(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("title-42")
    stored = _db(window, "SELECT last_verified FROM policy WHERE slug = 'title-42'")
    dialog = window.editor.edit_policy()
    assert isinstance(dialog, PolicyDialog)
    assert dialog.last_verified_edit.text() == (stored[0][0] or "")
    _type(qtbot, dialog.last_verified_edit, "2026-12")
    _save(qtbot, dialog)
    assert "full date" in dialog.error_text("last_verified")
    assert _db(window, "SELECT last_verified FROM policy WHERE slug = 'title-42'") == stored
    _type(qtbot, dialog.last_verified_edit, "2026-12-01")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert _db(window, "SELECT last_verified FROM policy WHERE slug = 'title-42'") == [("2026-12-01",)]
    overview = _plain(window.detail.pages["Overview"])
    assert "Last verified 1 Dec 2026" in overview
