"""Status badges fit their column in every language: a label longer than the column ("Bloqueada por un
tribunal") is elided inside its cell, and the cell's tooltip gives it whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.domain.status_colors import status_colors
from app.domain.vocab import Status
from app.services import editing
from app.services.inputs import EventInput
from app.services.workspace import Workspace
from app.ui.browse.delegates import StatusBadgeDelegate
from app.ui.browse.first_screen import Column
from app.ui.browse.policy_table import Role
from app.ui.common import i18n
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow

pytestmark = pytest.mark.gui

BLOCKED = "Bloqueada por un tribunal"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert i18n.apply_language(qapp, "es") == "es"
    yield
    i18n.apply_language(qapp, "en")


@pytest.mark.usefixtures("spanish")
def test_a_long_label_is_elided_inside_its_cell(
    window: MainWindow,
) -> None:
    """An unselected row used to paint the whole badge over the date column next to it."""
    model = QStandardItemModel(1, 1)
    item = QStandardItem(BLOCKED)
    item.setData("blocked_by_court", Role.STATUS)
    model.setItem(0, 0, item)
    delegate = StatusBadgeDelegate(window.table)
    option = QStyleOptionViewItem()
    option.initFrom(window.table)
    option.rect = QRect(0, 0, 90, 28)
    image = QImage(300, 28, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    inside = {image.pixelColor(x, 14).name() for x in range(0, 90)}
    outside = {image.pixelColor(x, y).name() for x in range(90, 300) for y in range(28)}
    assert len(inside) > 2  # a badge was drawn
    assert outside == {"#ffffff"}  # and nothing of it past its cell


@pytest.mark.usefixtures("spanish")
def test_the_status_cell_tooltip_is_the_whole_label(window: MainWindow) -> None:
    tooltips = {
        window.model.row_at(row).current_status: window.model.index(row, Column.STATUS).data(
            Qt.ItemDataRole.ToolTipRole
        )
        for row in range(window.model.rowCount())
    }
    assert tooltips["under_litigation"] == i18n.label(Status.UNDER_LITIGATION) == "En litigio"
    assert all(tip == i18n.label(Status(status)) for status, tip in tooltips.items() if status)


@pytest.mark.usefixtures("spanish")
def test_a_blocked_policy_in_the_spanish_list_keeps_its_badge_out_of_the_date_column(
    qtbot: QtBot, workspace_path: Path, open_window: OpenWindow
) -> None:
    """As it was seen: an unselected row's "Bloqueada por un tribunal" ran over the date next to it."""
    blocked = ("remain-in-mexico", "texas-sb4")  # next to each other: one plain row, one alternate
    with closing(Workspace.open(workspace_path)) as workspace:
        for slug in blocked:
            policy_id = workspace.store.policy_id_for_slug(slug)
            assert policy_id is not None
            editing.add_event(workspace, policy_id, EventInput("2026-06-01", "blocked_by_court"))
    window = open_window()
    window.select_policy("title-42")  # the blocked ones stay unselected
    image = window.table.viewport().grab().toImage()
    badge = QColor(status_colors("blocked_by_court", dark=False)[0]).name()
    rows = [r for r in range(window.model.rowCount()) if window.model.row_at(r).slug in blocked]
    assert len(rows) == 2 and {r % 2 for r in rows} == {0, 1}
    for row in rows:
        assert window.model.index(row, Column.STATUS).data() == BLOCKED
        status = window.table.visualRect(window.model.index(row, Column.STATUS))
        date = window.table.visualRect(window.model.index(row, Column.LAST_CHANGE))
        y = status.center().y()
        inside = {image.pixelColor(x, y).name() for x in range(status.left(), status.right())}
        spilled = {image.pixelColor(x, y).name() for x in range(date.left(), date.left() + 40)}
        assert badge in inside  # the badge is there, shortened
        assert badge not in spilled  # and nothing of it over the date
