"""The Changes tab of a policy and the workspace's Recent Changes window, driven as a person does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.editing.editors import PolicyDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import active_dialog, save, type_into

pytestmark = pytest.mark.gui


def _changes_tab(window: MainWindow) -> str:
    detail = window.detail
    detail.tabs.setCurrentIndex(detail.TABS.index("Changes"))
    return detail.pages["Changes"].toPlainText()


def _new_policy(qtbot: QtBot, window: MainWindow, title: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = active_dialog()
    assert isinstance(dialog, PolicyDialog)
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, dialog.title_edit, title)
    save(qtbot, dialog)


def test_the_changes_tab_shows_an_edit_its_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    _new_policy(qtbot, window, "Border Security Act")
    assert window.selected_slug() == "border-security-act"
    shown = _changes_tab(window)
    assert "Added policy: “Border Security Act”" in shown and "Edit" in shown
    window.editor.undo_action.trigger()
    window.editor.redo_action.trigger()
    qtbot.waitUntil(lambda: window.selected_slug() == "border-security-act")
    shown = _changes_tab(window)
    assert shown.count("Added policy: “Border Security Act”") == 2  # made, then redone
    assert "Deleted policy" in shown and "Undo" in shown and "Redo" in shown
    assert window.workspace.path.exists()


def test_a_starter_policy_shows_its_starter_data_records(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    shown = _changes_tab(window)
    assert "Added policy: “Title 42 expulsions”" in shown and "Starter data" in shown


def test_recent_changes_filters_by_who_kind_and_period_and_shows_the_policy(
    qtbot: QtBot, window: MainWindow
) -> None:
    _new_policy(qtbot, window, "Visa Bond Pilot")
    recent = window.show_changes()
    qtbot.waitExposed(recent)
    assert recent.shown and "Visa Bond Pilot" in recent.table.item(0, 3).text()  # newest first
    assert recent.table.item(0, 2).text() == "visa-bond-pilot"
    recent.kind_combo.setCurrentIndex(recent.kind_combo.findData("relation"))
    assert recent.shown and {c.kind for c in recent.shown} == {"relation"}
    recent.kind_combo.setCurrentIndex(0)
    who = recent.who_combo.itemData(1)
    recent.who_combo.setCurrentIndex(1)
    assert {c.who for c in recent.shown} == {who}
    recent.period_combo.setCurrentIndex(recent.period_combo.findData(7))
    assert "change" in recent.count_label.text()
    # An edit in the main window shows up here at once.
    _new_policy(qtbot, window, "Another Rule")
    qtbot.waitUntil(lambda: "Another Rule" in recent.table.item(0, 3).text())
    window.select_policy("title-42")
    row = next(r for r, c in enumerate(recent.shown) if c.policy_id and "Visa Bond" in str(c.after))
    recent.table.cellDoubleClicked.emit(row, 0)
    assert window.selected_slug() == "visa-bond-pilot"
    recent.close()


def test_file_export_offers_the_changes_since_briefing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.select_policy("title-42")
    dialog = window.show_export()
    qtbot.waitExposed(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
    dialog.contents_combo.setCurrentIndex(dialog.contents_combo.findData("last"))
    assert "no briefing of changes yet" in dialog.preview.toPlainText()
    dialog.contents_combo.setCurrentIndex(dialog.contents_combo.findData("date"))
    assert dialog.since_edit.isEnabled()
    dialog.since_edit.setDate(dialog.since_edit.date().addYears(-30))
    assert "Changes since" in dialog.preview.toPlainText()
    dialog.path_edit.setText(str(tmp_path / "changes.md"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=20_000)
    written = (tmp_path / "changes.md").read_text(encoding="utf-8")
    assert "Happened since" in written and "What changed" in written
    dialog.contents_combo.setCurrentIndex(dialog.contents_combo.findData("last"))
    assert "Nothing changed since" in dialog.preview.toPlainText()  # that export was remembered
    dialog.close()
