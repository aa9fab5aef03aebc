"""The "As of" control: the list, its filters and counts, its badges and the timeline's cursor follow it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from app.ui.browse.policy_table import Column, Role
from app.ui.main.main_window import MainWindow


def _rows(window: MainWindow) -> dict[str, tuple[str | None, bool]]:
    model = window.model
    found = {}
    for r in range(model.rowCount()):
        row = model.row_at(r)
        uncertain = model.index(r, Column.STATUS).data(Role.UNCERTAIN)
        found[row.slug] = (model.index(r, Column.STATUS).data(Role.STATUS), bool(uncertain))
    return found


def _type_day(qtbot: QtBot, window: MainWindow, digits: str) -> None:
    """Type a day into the control as a person does: the year, then the month and day (it moves on)."""
    edit = window.as_of_control.date_edit
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, digits)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_list_as_of_1_june_2021(qtbot: QtBot, window: MainWindow) -> None:
    assert window.as_of_control.day is None  # today by default
    _type_day(qtbot, window, "20210601")
    qtbot.waitUntil(lambda: window.as_of_day() == date(2021, 6, 1))
    rows = _rows(window)
    assert rows["title-42"] == ("in_effect", False)
    assert "texas-sb4" not in rows  # not yet proposed: absent
    assert window.count_label.text() == f"{len(rows)} of 12 policies · as of 1 Jun 2021"
    # The status facet counts the statuses of that day, and choosing one narrows the list by them.
    status_counts = window.parts.result.counts["status"]
    assert status_counts["in_effect"] == 3
    window.filter_panel.set_chosen({"status": {"in_effect"}})
    window.refresh()
    assert set(_rows(window)) == {"title-42", "daca", "merida-initiative"}
    # Back to today: the list of now.
    window.filter_panel.set_chosen({})
    qtbot.mouseClick(window.as_of_control.today_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.as_of_day() is None)
    rows = _rows(window)
    assert "texas-sb4" in rows and rows["title-42"] == ("expired", False)
    assert not window.as_of_control.today_button.isEnabled()


def test_an_uncertain_status_has_its_badge_and_says_why(window: MainWindow) -> None:
    window.as_of_control.date_edit.setDate(QDate(2026, 4, 15))
    rows = _rows(window)
    assert rows["texas-sb4"] == ("blocked_by_court", True)
    assert rows["title-42"] == ("expired", False)
    row = next(r for r in range(window.model.rowCount()) if window.model.row_at(r).slug == "texas-sb4")
    why = window.model.index(row, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Under litigation (dated only Apr 2026)" in why
    window.table.viewport().repaint()  # the badge and its mark are drawn without error


def test_an_edit_shows_in_the_list_as_of_a_past_day(qtbot: QtBot, window: MainWindow) -> None:
    from app.services.inputs import EventInput
    from app.services.operations import add_event

    window.as_of_control.date_edit.setDate(QDate(2021, 6, 1))
    assert _rows(window)["title-42"] == ("in_effect", False)
    pid = window.workspace.store.policy_id_for_slug("title-42")
    assert pid is not None
    op = add_event(window.workspace, pid, EventInput(date="2021-05-20", status="suspended"))
    window.events.changed.emit(op.changes)
    qtbot.waitUntil(lambda: _rows(window)["title-42"] == ("suspended", False))


def test_the_timeline_cursor_follows_the_day(qtbot: QtBot, window: MainWindow) -> None:
    timeline = window.show_timeline()
    assert timeline.view.cursor_day is None
    window.as_of_control.date_edit.setDate(QDate(2021, 6, 1))
    assert timeline.view.cursor_day == date(2021, 6, 1)
    timeline.view.repaint()
    window.as_of_control.back_to_today()
    assert timeline.view.cursor_day is None


def test_policies_not_yet_begun_can_be_kept_greyed(qtbot: QtBot, window: MainWindow) -> None:
    control = window.as_of_control
    assert not control.not_begun_box.isEnabled()  # today: every policy has begun
    control.date_edit.setDate(QDate(2023, 1, 1))
    assert "texas-sb4" not in _rows(window)
    qtbot.mouseClick(control.not_begun_box, Qt.MouseButton.LeftButton)
    rows = _rows(window)
    assert rows["texas-sb4"] == (None, False)
    row = next(r for r in range(window.model.rowCount()) if window.model.row_at(r).slug == "texas-sb4")
    index = window.model.index(row, Column.TITLE)
    assert index.data(Role.NOT_BEGUN) is True
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Not yet begun on this day"
    assert window.count_label.text() == "12 of 12 policies · as of 1 Jan 2023"
    window.table.viewport().repaint()
    assert window.settings.value("view/as_of_not_begun", type=bool) is True
