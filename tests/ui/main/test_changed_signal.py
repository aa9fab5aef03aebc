"""One "changed" signal: an edit made anywhere reaches every open view through the Changes it
announces, and a view refreshes only what those Changes name."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services.operations import Changes, EntryKind
from app.ui.editing.editors import EventDialog, NoteDialog
from app.ui.main.main_window import MainWindow

pytestmark = pytest.mark.gui


def _save(qtbot: QtBot, dialog: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _markers(window: MainWindow, slug: str) -> list[str]:
    assert window.timeline_window is not None
    lane = next(lane for lane in window.timeline_window.view.lanes if lane.slug == slug)
    return [marker.date_label for marker in lane.markers]


def test_an_edit_refreshes_the_open_notes_and_timeline_windows(qtbot: QtBot, window: MainWindow) -> None:
    notes, timeline = window.show_notes(), window.show_timeline()
    announced: list[Changes] = []
    window.events.changed.connect(announced.append)
    window.select_policy("texas-sb4")

    dialog = window.editor.new_note()
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClicks(dialog.body_edit, "Watch the appeal")
    _save(qtbot, dialog)
    assert announced[-1].kinds == {EntryKind.NOTE} and len(announced[-1].policies) == 1
    assert "Watch the appeal" in notes.visible_notes()  # nobody called the notes window

    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    dialog.date_edit.setText("2031-05-04")
    _save(qtbot, dialog)
    assert "4 May 2031" in _markers(window, "texas-sb4")  # nor the timeline

    window.editor.stack.undo()  # undo and redo announce through the same signal
    assert "4 May 2031" not in _markers(window, "texas-sb4")
    window.editor.stack.undo()
    assert "Watch the appeal" not in notes.visible_notes()
    window.editor.stack.redo()
    assert "Watch the appeal" in notes.visible_notes()
    assert [c.kinds for c in announced[-3:]] == [{EntryKind.EVENT}, {EntryKind.NOTE}, {EntryKind.NOTE}]
    assert timeline.isVisible() and notes.isVisible()


def test_an_edit_of_one_policy_does_not_redraw_the_details_of_another(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.select_policy("texas-sb4")
    shown = window.detail.detail
    assert shown is not None
    redrawn: list[str | None] = []
    original = window.detail.show_policy

    def counting(detail: Any, *args: Any, **kwargs: Any) -> None:
        redrawn.append(detail.id if detail else None)
        original(detail, *args, **kwargs)

    monkeypatch.setattr(window.detail, "show_policy", counting)
    other = next(row for row in window.all_rows() if row.slug != "texas-sb4")
    from app.services import operations
    from app.services.inputs import NoteInput

    window.editor.push(
        "Add note", operations.add_note(window.workspace, other.id, NoteInput(body="Elsewhere"))
    )
    assert redrawn == []  # the list row of the other policy changed; these details did not
    window.editor.push("Add note", operations.add_note(window.workspace, shown.id, NoteInput(body="Here")))
    assert redrawn == [shown.id]
    assert window.detail.detail is not None
    assert "Here" in [note.body for note in window.detail.detail.notes]


def test_a_restore_or_switch_says_everything_changed(qtbot: QtBot, window: MainWindow, tmp_path: Any) -> None:
    announced: list[Changes] = []
    window.events.changed.connect(announced.append)
    assert window.workspaces.switch(tmp_path / "second.sqlite", create=True, starter=False)
    assert announced and announced[-1].everything
    assert window.visible_titles() == []
