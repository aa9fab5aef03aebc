"""The annotation workspace: passages, the Notes view, tags, saved searches, several workspaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.editing.editors import NoteDialog
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow
from tests.ui.dialogs import active_dialog
from tests.ui.stored import stored_notes

pytestmark = pytest.mark.gui

PASSAGE = "reopening key ports of entry"


def _save(qtbot: QtBot, dialog: object) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select_in_sources(window: MainWindow, words: str) -> None:
    browser = window.detail.pages["Sources"]
    window.detail.tabs.setCurrentWidget(browser)
    cursor = browser.document().find(words)
    assert not cursor.isNull(), words
    browser.setTextCursor(cursor)


def _annotate(qtbot: QtBot, window: MainWindow, slug: str, words: str, body: str, tags: str = "") -> None:
    window.select_policy(slug)
    _select_in_sources(window, words)
    qtbot.keyClick(
        window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = active_dialog()
    assert isinstance(dialog, NoteDialog)
    assert dialog.quote_edit.toPlainText() == words
    assert dialog.source_combo.currentData() is not None
    qtbot.keyClicks(dialog.body_edit, body)
    if tags:
        qtbot.keyClicks(dialog.tags_edit, tags)
    _save(qtbot, dialog)
    assert not dialog.isVisible()


def test_annotate_a_passage_and_find_the_note_from_the_notes_view_and_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    _annotate(qtbot, window, "border-crossing-closures-2023", PASSAGE, "Which ports reopened first?", "ports")
    html = window.detail.pages["Sources"].toHtml()
    assert 'href="note:' in html  # the passage is marked and links to its note
    notes_text = window.detail.pages["Notes"].toPlainText()
    assert "Which ports reopened first?" in notes_text and "on source [" in notes_text

    notes = window.show_notes()
    qtbot.waitExposed(notes)
    qtbot.keyClicks(notes.search_box, "reopened")
    qtbot.waitUntil(lambda: notes.visible_notes() == ["Which ports reopened first?"])
    assert "reopened" in notes.preview.toHtml() and PASSAGE in notes.preview.toPlainText()
    notes.preview.anchorClicked.emit(QUrl(f"source:{notes.current_note().source_id}"))  # type: ignore[union-attr]
    assert window.selected_slug() == "border-crossing-closures-2023"
    assert window.detail.tabs.currentWidget() is window.detail.pages["Sources"]

    window.search_box.setText("reopened first")
    window.refresh()
    assert [window.model.row_at(r).slug for r in range(window.model.rowCount())] == [
        "border-crossing-closures-2023"
    ]


def test_a_quote_can_also_be_pasted_by_hand(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    dialog = window.editor.new_note()
    assert isinstance(dialog, NoteDialog)
    dialog.quote_edit.setPlainText("rapidly expel new arrivals at the borders")
    qtbot.keyClicks(dialog.body_edit, "Pasted quote.")
    _save(qtbot, dialog)
    assert [note.quote for note in stored_notes(window)] == ["rapidly expel new arrivals at the borders"]


def test_the_note_editor_previews_markdown_live(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    dialog = window.editor.new_note()
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClicks(dialog.body_edit, "**bold** and <b>raw</b>")
    assert "bold and <b>raw</b>" in dialog.preview.toPlainText()
    dialog.reject()


def test_tag_completion_completes_the_last_tag(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    dialog = window.editor.new_note()
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClicks(dialog.tags_edit, "court, asy")
    assert dialog.tag_completer.completionPrefix() == "asy"
    assert dialog.tag_completer.currentCompletion() == "asylum"
    dialog.tag_completer.insert("asylum")
    assert dialog.tags_edit.text() == "court, asylum, "
    dialog.reject()


def test_tags_and_policies_filter_the_notes_view(qtbot: QtBot, window: MainWindow) -> None:
    for slug, body, tags in [
        ("title-42", "First", "court"),
        ("texas-sb4", "Second", "court, texas"),
        ("daca", "Third", "dreamers"),
    ]:
        window.select_policy(slug)
        dialog = window.editor.new_note()
        assert isinstance(dialog, NoteDialog)
        qtbot.keyClicks(dialog.body_edit, body)
        qtbot.keyClicks(dialog.tags_edit, tags)
        _save(qtbot, dialog)
    notes = window.show_notes()
    assert notes.visible_notes() == ["Third", "Second", "First"] or sorted(notes.visible_notes()) == [
        "First",
        "Second",
        "Third",
    ]
    notes.tag_combo.setCurrentIndex(notes.tag_combo.findData("court"))
    assert sorted(notes.visible_notes()) == ["First", "Second"]
    notes.policy_combo.setCurrentIndex(notes.policy_combo.findData("texas-sb4"))
    assert notes.visible_notes() == ["Second"]
    notes.tag_combo.setCurrentIndex(notes.tag_combo.findData("dreamers"))
    assert notes.visible_notes() == [] and notes.empty_label.text() == "No notes match."


def test_a_saved_search_updates_live_and_survives_a_restart(qtbot: QtBot, open_window: OpenWindow) -> None:
    first = open_window()
    first.search_box.setText("court")
    texas = first.filter_panel.item_for("jurisdiction", "texas")
    assert texas is not None
    texas.setCheckState(0, Qt.CheckState.Checked)
    dialog = first.save_search()
    assert (
        "“court”"
        in dialog.form.itemAt(0, dialog.form.ItemRole.FieldRole)
        .widget()
        .findChildren(type(dialog.general_error))[0]
        .text()
    )
    qtbot.keyClicks(dialog.name_edit, "Texas in court")
    _save(qtbot, dialog)
    item = first.filter_panel.saved_item("Texas in court")
    assert item is not None and item.text(0) == "Texas in court  (1)"
    first.close()

    second = open_window()
    item = second.filter_panel.saved_item("Texas in court")
    assert item is not None
    second.clear_search_and_filters()
    assert second.model.rowCount() > 1
    second.filter_panel.tree.itemClicked.emit(item, 0)
    assert second.search_box.text() == "court"
    assert [second.model.row_at(r).slug for r in range(second.model.rowCount())] == ["texas-sb4"]


def test_saving_nothing_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.save_search()
    qtbot.keyClicks(dialog.name_edit, "Empty")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "nothing to save" in dialog.error_text("name")
    dialog.reject()


def test_switching_workspaces_shows_only_the_other_workspace(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.select_policy("title-42")
    window.search_box.setText("expulsions")
    window.refresh()
    dialog = window.workspaces.new_workspace()
    dialog.path_edit.setText(str(tmp_path / "empty-one"))
    dialog.starter_box.setChecked(False)
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.workspace.path == tmp_path / "empty-one.sqlite"
    assert window.windowTitle() == "empty-one — Policy Tracker"
    assert window.model.rowCount() == 0 and window.search_box.text() == ""
    assert window.detail.currentWidget() is window.detail.placeholder
    assert "No policies yet" in window.parts.empty_label.text()
    assert window.editor.stack.count() == 0
    window.editor.new_policy()
    dialog2 = active_dialog()
    qtbot.keyClicks(dialog2.title_edit, "Only here")  # type: ignore[union-attr]
    _save(qtbot, dialog2)
    assert [window.model.row_at(r).title for r in range(window.model.rowCount())] == ["Only here"]

    chooser = window.workspaces.open_workspace()
    starter = window.workspaces.recent()[1]
    chooser.fileSelected.emit(str(starter))
    chooser.close()
    titles = [window.model.row_at(r).title for r in range(window.model.rowCount())]
    assert "Only here" not in titles and "Title 42 expulsions" in titles
    assert window.workspaces.recent()[:2] == [starter, tmp_path / "empty-one.sqlite"]


def test_opening_a_file_that_is_not_a_workspace_keeps_the_current_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database")
    before = window.workspace.path
    assert window.workspaces.switch(bogus, create=False) is False
    assert "not a Policy Tracker workspace" in active_dialog(QMessageBox).text()
    assert window.workspace.path == before and window.model.rowCount() > 0


HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))'


def test_a_hostile_note_renders_inert(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    dialog = window.editor.new_note()
    assert isinstance(dialog, NoteDialog)
    dialog.body_edit.setPlainText(HOSTILE)
    _save(qtbot, dialog)
    for page in (window.detail.pages["Notes"], window.show_notes().preview):
        shown = page.toPlainText()
        assert "<script>alert(1)</script>" in shown and "onerror" in shown
        html = page.toHtml()
        assert "<script" not in html and "<img" not in html
        assert 'href="javascript' not in html  # the link stays text: "[click](javascript:…)"
