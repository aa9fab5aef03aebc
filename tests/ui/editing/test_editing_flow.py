"""The day-to-day flow of editing (issue 17): what an edit says, where deleting leaves you, a usable
policy from one dialog, a source added while citing it, messages that go once fixed, one way to type
lists, and dialogs that say what they do. Driven through the real window, as a person does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services import editing, policies
from app.ui.browse.policy_table import Column
from app.ui.editing import feedback
from app.ui.editing.editors import EventDialog, PolicyDialog, SourceDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import active_dialog, save, type_into

pytestmark = pytest.mark.gui


def _slugs(window: MainWindow) -> list[str]:
    return [window.model.row_at(r).slug for r in range(window.model.rowCount())]


def _feedback(window: MainWindow) -> feedback.EditFeedback:
    found = window.statusBar().findChild(feedback.EditFeedback)
    assert found is not None
    return found


def _new_policy(qtbot: QtBot, window: MainWindow) -> PolicyDialog:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog()
    assert isinstance(dialog, PolicyDialog)
    return dialog


def test_an_edit_undo_and_redo_say_what_happened_with_a_button_to_take_it_back(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _feedback(window)
    assert not said.isVisible()  # nothing done yet, nothing said
    dialog = _new_policy(qtbot, window)
    type_into(qtbot, dialog.title_edit, "Border Security Act")
    save(qtbot, dialog)
    assert said.isVisible()
    assert said.label.text() == "Done: Add policy ‘Border Security Act’"
    assert said.button.text() == "Undo"
    qtbot.mouseClick(said.button, Qt.MouseButton.LeftButton)
    assert "border-security-act" not in _slugs(window)
    assert said.label.text() == "Undone: Add policy ‘Border Security Act’"
    assert said.button.text() == "Redo"
    qtbot.mouseClick(said.button, Qt.MouseButton.LeftButton)
    assert "border-security-act" in _slugs(window)
    assert said.label.text() == "Redone: Add policy ‘Border Security Act’"

    # An edit and a delete say so too; the line goes after a few seconds.
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    edit = active_dialog()
    assert isinstance(edit, PolicyDialog)
    type_into(qtbot, edit.summary_edit, "Passed the House.")
    save(qtbot, edit)
    assert said.label.text() == "Done: Edit policy ‘Border Security Act’"
    window.editor.undo_action.trigger()  # Ctrl+Z from the menu says so as well
    assert said.label.text() == "Undone: Edit policy ‘Border Security Act’"
    said.timer.setInterval(50)
    window.editor.redo_action.trigger()
    qtbot.waitUntil(lambda: not said.isVisible(), timeout=2000)
    assert feedback.SHOWN_MS >= 4000  # long enough to read and reach the button


def _delete_selected(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    box = active_dialog(QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()


def test_deleting_a_policy_selects_the_next_row_and_at_the_end_the_previous(
    qtbot: QtBot, window: MainWindow
) -> None:
    slugs = _slugs(window)
    window.select_policy(slugs[2])
    _delete_selected(qtbot, window)
    assert window.selected_slug() == slugs[3]  # the next one took its place
    assert window.detail.detail is not None and window.detail.detail.slug == slugs[3]
    assert _feedback(window).label.text().startswith("Done: Delete policy")
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # the keyboard carries on from there
    assert window.selected_slug() == slugs[4]

    window.select_policy(slugs[-1])
    _delete_selected(qtbot, window)
    assert window.selected_slug() == slugs[-2]  # the last went: the one before it


def test_new_policy_takes_its_first_status_event_and_source_as_one_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _new_policy(qtbot, window)
    type_into(qtbot, dialog.title_edit, "Securing the Border rule")
    type_into(qtbot, dialog.event_date_edit, "2024-06-05")
    dialog.event_status_combo.setCurrentIndex(dialog.event_status_combo.findData("in_effect"))
    type_into(qtbot, dialog.source_title_edit, "Securing the Border interim final rule")
    type_into(qtbot, dialog.source_url_edit, "https://www.federalregister.gov/d/2024-12435")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.selected_slug() == "securing-the-border-rule"
    row = _slugs(window).index("securing-the-border-rule")
    assert window.model.index(row, Column.STATUS).data() == "In effect"
    detail = window.detail.detail
    assert detail is not None
    assert [(e.date, e.status) for e in detail.events] == [("2024-06-05", "in_effect")]
    assert [s.title for s in detail.sources] == ["Securing the Border interim final rule"]
    assert detail.events[0].source_ids == [detail.sources[0].id]
    assert window.editor.stack.count() == 1  # one step
    window.editor.undo_action.trigger()
    assert "securing-the-border-rule" not in _slugs(window)
    assert "Securing the Border interim final rule" not in [
        s.title for s in policies.all_sources(window.workspace)
    ]


def test_a_wrong_first_event_is_shown_next_to_its_field_and_nothing_is_added(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _new_policy(qtbot, window)
    type_into(qtbot, dialog.title_edit, "Half-entered")
    type_into(qtbot, dialog.event_date_edit, "2024-13")
    type_into(qtbot, dialog.source_url_edit, "www.example.org")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "month 13" in dialog.error_text("event_date")
    assert "http" in dialog.error_text("source_url")
    assert "half-entered" not in _slugs(window)
    dialog.reject()


def test_the_event_dialog_adds_a_new_source_it_cites_in_one_step(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("texas-sb4")
    before = window.detail.detail
    assert before is not None
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog()
    assert isinstance(dialog, EventDialog)
    type_into(qtbot, dialog.date_edit, "2026-11-20")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("blocked_by_court"))
    qtbot.mouseClick(dialog.new_source_button, Qt.MouseButton.LeftButton)
    source_dialog = active_dialog()
    assert isinstance(source_dialog, SourceDialog) and source_dialog.windowTitle() == "New Source"
    type_into(qtbot, source_dialog.title_edit, "Fifth Circuit order")
    type_into(qtbot, source_dialog.url_edit, "https://www.ca5.uscourts.gov/order")
    save(qtbot, source_dialog)
    assert active_dialog() is dialog
    new_item = dialog.sources_list.item(dialog.sources_list.count() - 1)
    assert new_item.text() == "Fifth Circuit order (new)"
    assert new_item.checkState() == Qt.CheckState.Checked
    save(qtbot, dialog)
    detail = window.detail.detail
    assert detail is not None
    added = next(s for s in detail.sources if s.title == "Fifth Circuit order")
    event = next(e for e in detail.events if e.date == "2026-11-20")
    assert event.source_ids == [added.id]
    window.editor.undo_action.trigger()  # event and source go together
    titles = [s.title for s in policies.all_sources(window.workspace)]
    assert "Fifth Circuit order" not in titles
    after = window.detail.detail
    assert after is not None and len(after.events) == len(before.events)


def test_a_new_source_cancelled_with_its_event_leaves_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("texas-sb4")
    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    source_dialog = dialog.add_source()
    type_into(qtbot, source_dialog.title_edit, "Never kept")
    save(qtbot, source_dialog)
    dialog.reject()
    assert "Never kept" not in [s.title for s in policies.all_sources(window.workspace)]


def test_a_message_next_to_a_field_goes_as_soon_as_the_field_is_fixed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("texas-sb4")
    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    type_into(qtbot, dialog.date_edit, "2026-02-30")
    save(qtbot, dialog)
    assert "not a real date" in dialog.error_text("date")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.date_edit, "1")  # 2026-02-31, still wrong: the message follows it
    assert dialog.errors["date"].isVisible() and "not a real date" in dialog.error_text("date")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.date_edit, "28")
    assert not dialog.errors["date"].isVisible()  # fixed, before Save
    dialog.reject()

    policy = _new_policy(qtbot, window)
    type_into(qtbot, policy.title_edit, "Another")
    type_into(qtbot, policy.slug_edit, "title-42")
    save(qtbot, policy)
    assert "already used" in policy.error_text("slug")
    qtbot.keyClicks(policy.title_edit, " rule")  # another field: the slug's message stays
    assert policy.errors["slug"].isVisible()
    qtbot.keyClicks(policy.slug_edit, "-b")
    assert not policy.errors["slug"].isVisible()
    policy.reject()


def test_lists_are_typed_and_shown_with_semicolons_everywhere(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _new_policy(qtbot, window)
    for edit in (dialog.aliases_edit, dialog.agencies_edit, dialog.tags_edit):
        assert "semicolons" in edit.placeholderText()
    type_into(qtbot, dialog.title_edit, "Worksite rule")
    type_into(qtbot, dialog.aliases_edit, "Rule A; Department of Labor, Wage rule")
    type_into(qtbot, dialog.agencies_edit, "U.S. Department of Labor, Wage and Hour Division; DHS")
    type_into(qtbot, dialog.tags_edit, "labor; worksite, enforcement")  # a comma separates tags too
    save(qtbot, dialog)
    policy_id = window.selected_row().id  # type: ignore[union-attr]
    stored = editing.policy_input(window.workspace, policy_id)
    assert stored.aliases == ["Rule A", "Department of Labor, Wage rule"]
    assert stored.agencies == ["U.S. Department of Labor, Wage and Hour Division", "DHS"]
    assert stored.tags == ["labor", "worksite", "enforcement"]
    overview = window.detail.pages["Overview"].toPlainText().replace("\u2068", "").replace("\u2069", "")
    assert "Rule A; Department of Labor, Wage rule" in overview
    assert "labor; worksite; enforcement" in overview
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    edit = active_dialog()
    assert isinstance(edit, PolicyDialog)
    assert edit.aliases_edit.text() == "Rule A; Department of Labor, Wage rule"  # as typed, as shown
    assert edit.tags_edit.text() == "labor; worksite; enforcement"
    edit.reject()


def test_the_slug_help_tells_the_real_limit_and_a_longer_one_is_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _new_policy(qtbot, window)
    hints = [label.text() for label in dialog.findChildren(type(dialog.errors["slug"]))]
    assert any("Up to 80 lowercase letters, digits and hyphens" in text for text in hints)
    assert not any("A short, stable name" in text for text in hints)
    type_into(qtbot, dialog.title_edit, "Long")
    type_into(qtbot, dialog.slug_edit, "a" * 81)
    save(qtbot, dialog)
    assert dialog.error_text("slug") == "is too long (81 characters; at most 80)"
    qtbot.keyClick(dialog.slug_edit, Qt.Key.Key_Backspace)
    assert not dialog.errors["slug"].isVisible()
    save(qtbot, dialog)
    assert window.selected_slug() == "a" * 80


def test_a_source_filled_from_a_copied_address_is_titled_new_source(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("daca")
    QGuiApplication.clipboard().setText("https://www.uscis.gov/DACA")
    qtbot.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = active_dialog()
    assert isinstance(dialog, SourceDialog)
    assert dialog.url_edit.text() == "https://www.uscis.gov/DACA"
    assert dialog.windowTitle() == "New Source"
    dialog.reject()


def test_the_undo_history_and_the_status_bar_show_a_note_as_read_not_as_markdown(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("title-42")
    dialog = window.editor.new_note()
    assert dialog is not None
    type_into(qtbot, dialog.body_edit, "**Key finding**: the *stay* held")  # type: ignore[attr-defined]
    save(qtbot, dialog)
    assert window.editor.stack.text(0) == "Add note ‘Key finding: the stay held’"
    assert _feedback(window).label.text() == "Done: Add note ‘Key finding: the stay held’"


def test_undoing_a_delete_selects_the_policy_again(qtbot: QtBot, window: MainWindow) -> None:
    slugs = _slugs(window)
    window.select_policy(slugs[3])
    _delete_selected(qtbot, window)
    assert window.selected_slug() == slugs[4]
    qtbot.mouseClick(_feedback(window).button, Qt.MouseButton.LeftButton)  # Undo, from the status bar
    assert _slugs(window) == slugs
    assert window.selected_slug() == slugs[3]  # back where the person was
