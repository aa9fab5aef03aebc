"""Status badges fit their column in every language: sized to the longest label, elided when narrowed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from app.domain.vocab import Status
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
def test_the_status_column_fits_the_longest_spanish_label(open_window: OpenWindow) -> None:
    window: MainWindow = open_window()
    assert i18n.label(Status.BLOCKED_BY_COURT) == BLOCKED
    header = window.table.horizontalHeader()
    badge = window.table.fontMetrics().horizontalAdvance(BLOCKED) + 14
    assert header.sectionSize(Column.STATUS) >= badge + 8


@pytest.mark.usefixtures("spanish")
def test_a_narrowed_column_elides_the_badge_inside_its_cell_and_the_tooltip_tells_all(
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
