"""The event editor refuses a year outside the range, with the message the command line prints."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.dialogs.editors import EventDialog
from app.ui.main_window import MainWindow
from tests.ui.test_editing import _db, _save, _type


def test_the_event_editor_refuses_9999_and_writes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("texas-sb4")
    before = _db(window, "SELECT count(*) FROM status_event")
    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    _type(qtbot, dialog.date_edit, "9999-12")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("terminated"))
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("date") == "“9999-12” is outside the years Policy Tracker records (1000–2200)"
    assert _db(window, "SELECT count(*) FROM status_event") == before
    dialog.reject()
