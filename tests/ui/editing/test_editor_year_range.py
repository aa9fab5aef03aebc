"""The event editor refuses a year outside the range, with the message the command line prints."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services.policies import policy_by_slug
from app.ui.editing.editors import EventDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import save, type_into


def test_the_event_editor_refuses_9999_and_writes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("texas-sb4")
    before = policy_by_slug(window.workspace, "texas-sb4").events
    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    type_into(qtbot, dialog.date_edit, "9999-12")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("terminated"))
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("date") == "“9999-12” is outside the years Policy Tracker records (1000–2200)"
    assert policy_by_slug(window.workspace, "texas-sb4").events == before  # checked through the services
    dialog.reject()
