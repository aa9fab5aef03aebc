"""The window shows confidence quietly in History and "Last verified" in the overview; the editors set them."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.ui.editing.editors import EventDialog, PolicyDialog
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import save, type_into
from tests.ui.stored import stored_policy

pytestmark = pytest.mark.gui


def _last_verified(window: MainWindow, slug: str) -> str | None:
    policy = stored_policy(window, slug)
    assert policy is not None
    return policy.last_verified


def _plain(page: Any) -> str:
    """A page's text as read: whitespace squashed, bidi isolation marks around user text removed."""
    text = page.toPlainText().translate({mark: None for mark in range(0x2066, 0x206A)})
    return " ".join(text.split())


def test_an_unconfirmed_event_gets_a_quiet_badge_and_its_disagreement(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("texas-sb4")
    before = _plain(window.detail.pages["History"])
    dialog = window.editor.new_event()
    assert isinstance(dialog, EventDialog)
    assert dialog.confidence_combo.currentData() == ""  # a new event leaves it to the sources
    type_into(qtbot, dialog.date_edit, "2026-11-02")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("reinstated"))
    type_into(qtbot, dialog.description_edit, "Declared back in force.")
    dialog.confidence_combo.setCurrentIndex(dialog.confidence_combo.findData("unconfirmed"))
    type_into(qtbot, dialog.disagreement_edit, "The state says yes; the court docket shows no order.")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    texas = stored_policy(window, "texas-sb4")
    assert texas is not None
    assert [
        (e.confidence, e.disagreement) for e in texas.events if e.description == "Declared back in force."
    ] == [("unconfirmed", "The state says yes; the court docket shows no order.")]
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
    save(qtbot, dialog)
    text = _plain(window.detail.pages["History"])
    for mark in ("Reinstated Unconfirmed", "Confirmed", "Where sources disagree"):
        assert text.count(mark) == before.count(mark), mark


def test_last_verified_is_set_in_the_policy_editor_and_shown_in_the_overview(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_policy("title-42")
    stored = _last_verified(window, "title-42")
    dialog = window.editor.edit_policy()
    assert isinstance(dialog, PolicyDialog)
    assert dialog.last_verified_edit.text() == (stored or "")
    type_into(qtbot, dialog.last_verified_edit, "2026-12")
    save(qtbot, dialog)
    assert "full date" in dialog.error_text("last_verified")
    assert _last_verified(window, "title-42") == stored
    type_into(qtbot, dialog.last_verified_edit, "2026-12-01")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert _last_verified(window, "title-42") == "2026-12-01"
    overview = _plain(window.detail.pages["Overview"])
    assert "Last verified 1 Dec 2026" in overview
