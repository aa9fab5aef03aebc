"""The policy list as the window first paints it: its columns and cell texts, the list view, the
first screenful in a C++ item model (no Python code runs per painted cell), and empty stand-ins
for the filter and detail panes.

The main window starts with these and swaps in PolicyTableModel (the same rows in the same cells)
and the real panes just after its first paint (see finish_start in app/ui/main/main_window.py). What is here stays
light to import: no use of the `Qt` enum namespace or of QStyle, whose first touch costs
milliseconds of start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import sort_key
from app.domain.vocab import Jurisdiction, Status
from app.services.rows import PolicyRow
from app.ui.common.i18n import QT_TRANSLATE_NOOP, display_date, label


class Column(IntEnum):
    TITLE = 0
    JURISDICTION = 1
    STATUS = 2
    LAST_CHANGE = 3
    SOURCES = 4
    NOTES = 5


HEADERS = (
    QT_TRANSLATE_NOOP("PolicyTableModel", "Title"),
    QT_TRANSLATE_NOOP("PolicyTableModel", "Jurisdiction"),
    QT_TRANSLATE_NOOP("PolicyTableModel", "Status"),
    QT_TRANSLATE_NOOP("PolicyTableModel", "Last change"),
    QT_TRANSLATE_NOOP("PolicyTableModel", "Sources"),
    QT_TRANSLATE_NOOP("PolicyTableModel", "Notes"),
)
# The title takes the width left over.
COLUMN_WIDTHS = {
    Column.JURISDICTION: 140,
    Column.STATUS: 135,
    Column.LAST_CHANGE: 100,
    Column.SOURCES: 64,
    Column.NOTES: 52,
}
NUMBER_COLUMNS = (Column.SOURCES, Column.NOTES)
# Qt.AlignmentFlag's AlignRight | AlignVCenter and AlignCenter, and Qt.ItemDataRole's DisplayRole
# and TextAlignmentRole, spelled as numbers to keep the Qt namespace out of the start.
RIGHT_ALIGNED = 0x0002 | 0x0080
ALIGN_CENTER = 0x0004 | 0x0080
_DISPLAY_ROLE = 0
_TEXT_ALIGNMENT_ROLE = 7


def header_text(column: int) -> str:
    return QCoreApplication.translate("PolicyTableModel", HEADERS[column])


def cell_value(row: PolicyRow, column: int) -> str | int:
    """What a cell shows: text, or a count (which the view writes in the locale's digits)."""
    if column == Column.TITLE:
        return row.title
    if column == Column.JURISDICTION:
        return label(row.jurisdiction, Jurisdiction)
    if column == Column.STATUS:
        return label(row.current_status, Status) if row.current_status else "—"
    if column == Column.LAST_CHANGE:
        return display_date(row.last_change)
    if column == Column.SOURCES:
        return row.source_count
    return row.note_count


def sort_value(row: PolicyRow, column: int) -> Any:
    """What a column sorts by (ties are broken by title)."""
    if column == Column.TITLE:
        return row.title.casefold()
    if column == Column.JURISDICTION:
        return label(row.jurisdiction, Jurisdiction)
    if column == Column.STATUS:
        return label(row.current_status, Status) if row.current_status else ""
    if column == Column.LAST_CHANGE:
        return sort_key(row.last_change) if row.last_change else ""
    if column == Column.SOURCES:
        return row.source_count
    return row.note_count


def row_order(column: int) -> Callable[[PolicyRow], tuple[Any, str]]:
    """The sort key of a column, ties broken by title."""
    return lambda row: (sort_value(row, column), row.title.casefold())


class FirstScreenModel(QStandardItemModel):
    """The first screenful, read-only, in the cells PolicyTableModel gives the same rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(Column), parent)
        self.setHorizontalHeaderLabels([header_text(column) for column in Column])

    def set_rows(self, rows: list[PolicyRow]) -> None:
        self.removeRows(0, self.rowCount())
        for row in rows:
            items = []
            for column in Column:
                item = QStandardItem()
                item.setData(cell_value(row, column), _DISPLAY_ROLE)
                if column in NUMBER_COLUMNS:
                    item.setData(RIGHT_ALIGNED, _TEXT_ALIGNMENT_ROLE)
                item.setEditable(False)
                items.append(item)
            self.appendRow(items)


class PolicyTableView(QTableView):
    """The list; a web address dropped on a row becomes a source of that policy."""

    url_dropped = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    @staticmethod
    def _web_url(event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> str | None:
        data = event.mimeData()
        urls = [u.toString() for u in data.urls()] if data.hasUrls() else [data.text().strip()]
        for url in urls:
            if url.lower().startswith(("http://", "https://")):
                return url
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._web_url(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._web_url(event) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        url = self._web_url(event)
        index = self.indexAt(event.position().toPoint())
        if url and index.isValid():
            event.acceptProposedAction()
            self.url_dropped.emit(index.row(), url)
        else:
            event.ignore()


def filters_stand_in() -> QWidget:
    """The filter panel's frame, empty, for the first paint: its tree and its (unused) button."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    layout.addWidget(tree)
    button = QPushButton(QCoreApplication.translate("FilterPanel", "Clear filters"))
    button.setEnabled(False)
    layout.addWidget(button)
    return panel


def details_stand_in(hint: bool) -> QWidget:
    """The detail pane before a policy is shown: its hint, if no policy is to be selected at once."""
    pane = QLabel()
    pane.setMinimumWidth(440)  # as PolicyDetailPane's
    if hint:
        pane.setText(
            QCoreApplication.translate(
                "PolicyDetailPane", "Select a policy to read its history, sources, figures and notes."
            )
        )
        pane.setProperty("alignment", ALIGN_CENTER)
        pane.setWordWrap(True)
        pane.setEnabled(False)
    return pane


class AfterFirstPaint(QObject):
    """Runs an action once, in the event-loop turn after `widget` is first painted."""

    def __init__(self, widget: QWidget, action: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget, self._action = widget, action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.cancel()
            QTimer.singleShot(0, self._action)
        return False

    def cancel(self) -> None:
        self._widget.removeEventFilter(self)
