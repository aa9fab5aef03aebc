"""Create, edit, delete, undo, redo and restore every kind of entry through the real editors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser, QUndoView
from pytestqt.qtbot import QtBot

from app.data.details import EventRow
from app.ui.browse.policy_table import Column
from app.ui.editing.editors import EventDialog, NoteDialog, PolicyDialog, RelationDialog, SourceDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import active_dialog, save, type_into
from tests.ui.stored import stored_notes, stored_policy, stored_sources, stored_titles, stored_trash

pytestmark = pytest.mark.gui


def _event_dates(window: MainWindow, slug: str) -> list[str]:
    policy = stored_policy(window, slug)
    assert policy is not None
    return [event.date for event in policy.events]


def _stored_event(window: MainWindow, slug: str, event_id: str) -> EventRow:
    policy = stored_policy(window, slug)
    assert policy is not None
    return next(event for event in policy.events if event.id == event_id)


def _only_note(window: MainWindow) -> str:
    [note] = stored_notes(window)
    return note.id


def _slugs(window: MainWindow) -> list[str]:
    return [window.model.row_at(r).slug for r in range(window.model.rowCount())]


def _undo(window: MainWindow) -> None:
    window.editor.undo_action.trigger()


def _redo(window: MainWindow) -> None:
    window.editor.redo_action.trigger()


def test_new_policy_with_ctrl_n_then_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog()
    assert isinstance(dialog, PolicyDialog)
    qtbot.waitUntil(dialog.isVisible)
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.error_text("title") == "is required"
    type_into(qtbot, dialog.title_edit, "Border Security Act")
    type_into(qtbot, dialog.tags_edit, "congress, border")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    added = stored_policy(window, "border-security-act")
    assert added is not None and (added.title, added.tags) == ("Border Security Act", ["congress", "border"])
    assert window.selected_slug() == "border-security-act"
    assert "border-security-act" in _slugs(window)
    assert window.editor.undo_action.text() == "&Undo Add policy ‘Border Security Act’"
    _undo(window)
    assert "border-security-act" not in _slugs(window)
    assert stored_policy(window, "border-security-act") is None
    assert "Border Security Act" not in [item.title for item in stored_trash(window)]
    _redo(window)
    assert "border-security-act" in _slugs(window)


def test_a_taken_slug_is_refused_next_to_the_field(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.editor.new_policy()
    assert isinstance(dialog, PolicyDialog)
    type_into(qtbot, dialog.title_edit, "Another")
    type_into(qtbot, dialog.slug_edit, "title-42")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("slug") == "“title-42” is already used by another policy"
    assert "Another" not in stored_titles(window)
    dialog.reject()


def test_edit_a_policy_updates_the_row_in_place(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    row = _slugs(window).index("title-42")
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    dialog = active_dialog()
    assert isinstance(dialog, PolicyDialog)
    dialog.title_edit.selectAll()
    type_into(qtbot, dialog.title_edit, "Title 42 expulsions (renamed)")
    save(qtbot, dialog)
    assert window.model.index(row, Column.TITLE).data() == "Title 42 expulsions (renamed)"
    assert "Title 42 expulsions (renamed)" in window.detail.pages["Overview"].toPlainText()
    assert resets == []
    _undo(window)
    assert window.model.index(row, Column.TITLE).data() == "Title 42 expulsions"
    title_42 = stored_policy(window, "title-42")
    assert title_42 is not None and title_42.title == "Title 42 expulsions"


def test_add_a_status_event_with_ctrl_e(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("texas-sb4")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog()
    assert isinstance(dialog, EventDialog)
    type_into(qtbot, dialog.date_edit, "2026-02-30")
    save(qtbot, dialog)
    assert "not a real date" in dialog.error_text("date")
    type_into(qtbot, dialog.date_edit, "2026-11")
    assert dialog.date_meaning.text() == "Nov 2026 — known to the month"
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("terminated"))
    type_into(qtbot, dialog.description_edit, "Repealed (test).")
    dialog.sources_list.item(0).setCheckState(Qt.CheckState.Checked)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    row = _slugs(window).index("texas-sb4")
    assert window.model.index(row, Column.STATUS).data() == "Terminated"
    assert "Repealed (test)." in window.detail.pages["History"].toPlainText()
    assert window.editor.undo_action.text() == "&Undo Add status event ‘Terminated’"
    _undo(window)
    assert window.model.index(row, Column.STATUS).data() != "Terminated"
    _redo(window)
    assert window.model.index(row, Column.STATUS).data() == "Terminated"
    texas = stored_policy(window, "texas-sb4")
    assert texas is not None
    [repealed] = [event for event in texas.events if event.description == "Repealed (test)."]
    assert len(repealed.source_ids) == 1  # the source ticked in the dialog is cited


def test_an_event_before_the_history_needs_confirmation(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("texas-sb4")
    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    type_into(qtbot, dialog.date_edit, "1999")
    save(qtbot, dialog)
    box = active_dialog(QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "before this policy's first event" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible()
    assert _event_dates(window, "texas-sb4").count("1999") == 0
    save(qtbot, dialog)
    box = active_dialog(QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _event_dates(window, "texas-sb4").count("1999") == 1


def test_edit_and_delete_an_event_from_the_history_links(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    detail = window.detail.detail
    assert detail is not None
    last = detail.events[-1]
    window.detail.pages["History"].anchorClicked.emit(QUrl(f"edit-event:{last.id}"))
    dialog = active_dialog()
    assert isinstance(dialog, EventDialog) and dialog.date_edit.text() == last.date
    dialog.description_edit.selectAll()
    type_into(qtbot, dialog.description_edit, "Corrected description.")
    save(qtbot, dialog)
    assert _stored_event(window, "title-42", last.id).description == "Corrected description."
    window.detail.pages["History"].anchorClicked.emit(QUrl(f"trash-event:{last.id}"))
    assert "Corrected description." not in window.detail.pages["History"].toPlainText()
    assert last.id in [item.id for item in stored_trash(window) if item.kind == "event"]
    _undo(window)
    assert "Corrected description." in window.detail.pages["History"].toPlainText()


def test_new_source_prefills_a_url_from_the_clipboard(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("daca")
    QGuiApplication.clipboard().setText("https://www.uscis.gov/DACA")
    qtbot.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = active_dialog()
    assert isinstance(dialog, SourceDialog)
    assert dialog.url_edit.text() == "https://www.uscis.gov/DACA"
    type_into(qtbot, dialog.url_edit, "javascript:alert(1)")
    type_into(qtbot, dialog.title_edit, "USCIS DACA page")
    save(qtbot, dialog)
    assert dialog.error_text("url") == "must be a web address starting with http:// or https://"
    type_into(qtbot, dialog.url_edit, "https://www.uscis.gov/DACA")
    dialog.excerpts_edit.setPlainText("First quote.\n\nSecond quote.")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    daca = stored_policy(window, "daca")
    assert daca is not None
    [added] = [source for source in daca.sources if source.title == "USCIS DACA page"]
    assert [excerpt.text for excerpt in added.excerpts] == ["First quote.", "Second quote."]
    assert "Second quote." in window.detail.pages["Sources"].toPlainText()
    _undo(window)
    assert "USCIS DACA page" not in window.detail.pages["Sources"].toPlainText()
    assert "USCIS DACA page" not in [s.title for s in stored_sources(window)]
    assert "USCIS DACA page" not in [item.title for item in stored_trash(window)]


def test_link_and_unlink_an_existing_source(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("us-citizenship-act-2021")
    before = len(window.detail.detail.sources) if window.detail.detail else 0
    dialog = window.editor.link_source()
    assert dialog is not None
    type_into(qtbot, dialog.filter_edit, "Voice")  # narrows to the VOA article
    visible = [dialog.list.item(n) for n in range(dialog.list.count()) if not dialog.list.item(n).isHidden()]
    assert visible
    dialog.list.setCurrentItem(visible[0])
    save(qtbot, dialog)
    assert window.detail.detail is not None and len(window.detail.detail.sources) == before + 1
    linked = visible[0].data(Qt.ItemDataRole.UserRole)
    window.detail.pages["Sources"].anchorClicked.emit(QUrl(f"unlink-source:{linked}"))
    assert len(window.detail.detail.sources) == before
    _undo(window)
    assert len(window.detail.detail.sources) == before + 1


def test_notes_are_added_with_tag_completion_edited_and_deleted(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("remain-in-mexico")
    qtbot.keyClick(
        window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = active_dialog()
    assert isinstance(dialog, NoteDialog)
    assert "asylum" in dialog.tag_completer.model().stringList()
    save(qtbot, dialog)
    assert dialog.error_text("body") == "write something, or quote a passage"
    type_into(qtbot, dialog.body_edit, "Check **Biden v. Texas** again.")
    type_into(qtbot, dialog.tags_edit, "scotus")
    dialog.pinned_box.setChecked(True)
    save(qtbot, dialog)
    assert "Check Biden v. Texas again." in window.detail.pages["Notes"].toPlainText()
    assert "Pinned" in window.detail.pages["Notes"].toPlainText()
    row = _slugs(window).index("remain-in-mexico")
    assert window.model.index(row, Column.NOTES).data() == 1
    note_id = _only_note(window)
    window.detail.pages["Notes"].anchorClicked.emit(QUrl(f"edit-note:{note_id}"))
    edit = active_dialog()
    assert isinstance(edit, NoteDialog) and edit.pinned_box.isChecked()
    edit.body_edit.selectAll()
    type_into(qtbot, edit.body_edit, "Edited note.")
    save(qtbot, edit)
    assert "Edited note." in window.detail.pages["Notes"].toPlainText()
    window.detail.pages["Notes"].anchorClicked.emit(QUrl(f"trash-note:{note_id}"))
    assert window.model.index(row, Column.NOTES).data() == 0
    assert "No notes on this policy yet." in window.detail.pages["Notes"].toPlainText()
    _undo(window)
    _undo(window)
    assert "Check Biden v. Texas again." in window.detail.pages["Notes"].toPlainText()


def _shown(page: QTextBrowser) -> str:
    """The page's text as read, without the invisible marks that isolate a person's text."""
    return page.toPlainText().replace("\u2068", "").replace("\u2069", "")


def test_relations_are_added_and_removed(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("daca")
    dialog = window.editor.new_relation()
    assert isinstance(dialog, RelationDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("conflicts_with"))
    dialog.target_combo.setCurrentIndex(
        dialog.target_combo.findText("Texas SB 4 (illegal entry as a state crime)")
    )
    save(qtbot, dialog)
    assert "Conflicts with Texas SB 4" in _shown(window.detail.pages["Overview"])
    window.select_policy("texas-sb4")
    assert "Conflicts with DACA" in _shown(window.detail.pages["Overview"])
    texas = stored_policy(window, "texas-sb4")
    assert texas is not None
    relation_id = next(r.id for r in texas.relations if r.kind == "conflicts_with")
    window.detail.pages["Overview"].anchorClicked.emit(QUrl(f"delete-relation:{relation_id}"))
    assert "Conflicts with" not in window.detail.pages["Overview"].toPlainText()
    _undo(window)
    assert "Conflicts with DACA" in _shown(window.detail.pages["Overview"])


def test_deleting_a_policy_asks_says_what_goes_and_can_be_restored(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("daca")
    window.table.setFocus()
    box = window.editor.trash_policy()
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "status events" in box.informativeText()
    assert box.textFormat() == Qt.TextFormat.PlainText  # a title with "<b>" in it stays as written
    box.button(QMessageBox.StandardButton.Yes).click()
    assert "daca" not in _slugs(window)
    assert stored_policy(window, "daca") is None
    assert [(i.kind, i.title) for i in stored_trash(window)] == [
        ("policy", "DACA (Deferred Action for Childhood Arrivals)")
    ]
    trash = window.editor.show_trash()
    qtbot.waitUntil(trash.isVisible)
    assert [i.title for i in trash.items] == ["DACA (Deferred Action for Childhood Arrivals)"]
    trash.table.selectRow(0)
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    assert "daca" in _slugs(window)
    assert trash.empty_label.isVisibleTo(trash)
    _undo(window)  # undoing the restore puts it back in the trash
    assert "daca" not in _slugs(window)
    trash.reload()
    trash.table.selectRow(0)
    box = trash.purge_selected()
    assert box is not None and "cannot be undone" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert stored_policy(window, "daca") is None and stored_trash(window) == []
    assert window.editor.stack.count() == 0
    trash.close()


def test_a_dropped_web_address_becomes_a_source(qtbot: QtBot, window: MainWindow) -> None:
    row = _slugs(window).index("title-42")
    data = QMimeData()
    data.setUrls([QUrl("https://www.cdc.gov/title42-order")])
    point = QPointF(window.table.visualRect(window.model.index(row, 0)).center())
    event = QDropEvent(
        point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.table.dropEvent(event)
    assert "https://www.cdc.gov/title42-order" in [s.url for s in stored_sources(window)]
    assert window.editor.undo_action.text().startswith("&Undo Add source")


def test_undo_history_lists_real_action_names(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    window.detail.pages["Notes"].anchorClicked.emit(QUrl("add-note:"))
    dialog = active_dialog()
    assert isinstance(dialog, NoteDialog)
    type_into(qtbot, dialog.body_edit, "History check")
    save(qtbot, dialog)
    history = window.editor.show_history()
    qtbot.waitUntil(history.isVisible)
    view = history.findChild(QUndoView)
    assert view is not None
    model = view.model()
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels == ["Opened workspace", "Add note ‘History check’"]
    history.close()
    assert QApplication.instance() is not None


def test_edit_trash_and_restore_a_source_and_a_note(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("us-citizenship-act-2021")
    detail = window.detail.detail
    assert detail is not None
    source = detail.sources[0]
    window.detail.pages["Sources"].anchorClicked.emit(QUrl(f"edit-source:{source.id}"))
    dialog = active_dialog()
    assert isinstance(dialog, SourceDialog) and dialog.title_edit.text() == source.title
    dialog.title_edit.selectAll()
    type_into(qtbot, dialog.title_edit, "Renamed source")
    save(qtbot, dialog)
    assert "Renamed source" in window.detail.pages["Sources"].toPlainText()
    assert [s.title for s in stored_sources(window) if s.id == source.id] == ["Renamed source"]
    window.detail.pages["Sources"].anchorClicked.emit(QUrl(f"trash-source:{source.id}"))
    assert "Renamed source" not in window.detail.pages["Sources"].toPlainText()

    window.detail.pages["Notes"].anchorClicked.emit(QUrl("add-note:"))
    note_dialog = active_dialog()
    assert isinstance(note_dialog, NoteDialog)
    type_into(qtbot, note_dialog.body_edit, "A note to restore")
    save(qtbot, note_dialog)
    note_id = _only_note(window)
    window.detail.pages["Notes"].anchorClicked.emit(QUrl(f"trash-note:{note_id}"))
    assert "A note to restore" not in window.detail.pages["Notes"].toPlainText()

    trash = window.editor.show_trash()
    assert sorted(i.kind for i in trash.items) == ["note", "source"]
    for title in ("Renamed source", "A note to restore"):
        trash.select(title)
        qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    assert trash.items == []
    assert "Renamed source" in window.detail.pages["Sources"].toPlainText()
    assert "A note to restore" in window.detail.pages["Notes"].toPlainText()
    assert [item for item in stored_trash(window) if item.kind == "source"] == []
    trash.close()
