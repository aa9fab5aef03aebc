"""A related policy is listed once, with its note, when the relation is stored in both directions
(issue 17), and removing it removes it, in one step that Undo takes back."""

from __future__ import annotations

import sqlite3
import uuid

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from app.ui.editing.editors import RelationDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import save


def _overview(window: MainWindow) -> str:
    return window.detail.pages["Overview"].toPlainText().replace("\u2068", "").replace("\u2069", "")


def _add_related(qtbot: QtBot, window: MainWindow, from_slug: str, to_title: str, note: str) -> None:
    window.select_policy(from_slug)
    dialog = window.editor.new_relation()
    assert isinstance(dialog, RelationDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("related_to"))
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findText(to_title))
    dialog.note_edit.setText(note)
    save(qtbot, dialog)


def _store_reverse(window: MainWindow, from_slug: str, to_slug: str, note: str) -> None:
    """The same relation the other way round, as an earlier version or a bundle left it."""
    connection = sqlite3.connect(window.workspace.path)
    try:
        with connection:
            connection.execute(
                """INSERT INTO relation (id, from_policy_id, to_policy_id, kind, note, origin)
                   VALUES (?, (SELECT id FROM policy WHERE slug = ?), (SELECT id FROM policy WHERE slug = ?),
                           'related_to', ?, 'user')""",
                (uuid.uuid4().hex, from_slug, to_slug, note),
            )
    finally:
        connection.close()


def test_a_relation_stored_both_ways_is_listed_once_with_its_notes(qtbot: QtBot, window: MainWindow) -> None:
    _add_related(qtbot, window, "daca", "Texas SB 4 (illegal entry as a state crime)", "Both in Texas courts")
    _store_reverse(window, "texas-sb4", "daca", "Same plaintiffs")
    window.select_policy("title-42")
    window.select_policy("daca")  # read afresh
    overview = _overview(window)
    assert overview.count("Related to Texas SB 4") == 1
    assert "Both in Texas courts · Same plaintiffs" in overview
    window.select_policy("texas-sb4")
    assert _overview(window).count("Related to DACA") == 1

    remove = next(
        anchor
        for anchor in window.detail.pages["Overview"].toHtml().split('href="')[1:]
        if anchor.startswith("delete-relation:")
    ).split('"')[0]
    window.detail.pages["Overview"].anchorClicked.emit(QUrl(remove))
    assert "Related to" not in _overview(window)  # both directions gone in one step
    window.editor.undo_action.trigger()
    assert _overview(window).count("Related to DACA") == 1
    window.editor.redo_action.trigger()
    assert "Related to" not in _overview(window)


def test_relating_the_other_way_round_again_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    _add_related(qtbot, window, "daca", "Texas SB 4 (illegal entry as a state crime)", "")
    window.select_policy("texas-sb4")
    dialog = window.editor.new_relation()
    assert isinstance(dialog, RelationDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("related_to"))
    dialog.target_combo.setCurrentIndex(
        dialog.target_combo.findText("DACA (Deferred Action for Childhood Arrivals)")
    )
    save(qtbot, dialog)
    assert dialog.isVisible()  # refused, with the reason at the field
    assert dialog.error_text("target") == "these policies are already related that way"
    window.select_policy("daca")
    assert _overview(window).count("Related to Texas SB 4") == 1
