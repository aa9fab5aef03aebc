"""All Notes tells notes apart, and the undo history names a note by its words (issue 17)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QUndoView
from pytestqt.qtbot import QtBot

from app.ui.common.i18n import display_date
from app.ui.editing.editors import NoteDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import save


def _write_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.select_policy("title-42")
    dialog = window.editor.new_note()
    assert isinstance(dialog, NoteDialog)
    dialog.body_edit.setPlainText(text)  # Markdown with line breaks, as pasted
    save(qtbot, dialog)


def test_all_notes_rows_start_with_each_notes_first_line_and_date_it_as_the_window_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    _write_note(qtbot, window, "**Key finding**: the order ended in May.\n\nMore detail here.")
    _write_note(qtbot, window, "# Follow-up\n\nAsk CBP for the _monthly_ figures.")
    notes = window.show_notes()
    qtbot.waitExposed(notes)
    rows = [notes.list.item(r).text() for r in range(notes.list.count())]
    assert len(rows) == 2 and rows[0] != rows[1]  # two notes on one policy, told apart
    today = notes.notes[0].updated_at[:10]
    assert sorted(rows) == sorted(
        [
            f"Key finding: the order ended in May. — {display_date(today)} · Title 42 expulsions",
            f"Follow-up — {display_date(today)} · Title 42 expulsions",
        ]
    )
    assert all("**" not in row and "#" not in row for row in rows)
    notes.list.setCurrentRow(0)
    assert f"updated {display_date(today)}" in notes.preview.toPlainText()
    notes.close()


def test_undo_history_names_a_note_in_plain_words(qtbot: QtBot, window: MainWindow) -> None:
    _write_note(qtbot, window, "**Key finding** about _the_ [order](https://example.org)")
    history = window.editor.show_history()
    view = history.findChild(QUndoView)
    assert view is not None
    texts = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert texts[-1] == "Add note ‘Key finding about the order’"
    history.close()
    note_id = window.detail.detail.notes[0].id if window.detail.detail else ""
    window.detail.pages["Notes"].anchorClicked.emit(QUrl(f"trash-note:{note_id}"))
    assert (
        window.editor.stack.text(window.editor.stack.index() - 1)
        == "Delete note ‘Key finding about the order’"
    )
    trash = window.editor.show_trash()
    qtbot.waitUntil(trash.isVisible)
    assert [item.title for item in trash.items] == ["Key finding about the order"]
    trash.close()
