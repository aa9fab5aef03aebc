"""The policy list: a table model over plain rows that hands them to the view in batches."""

from __future__ import annotations

import difflib
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.bidi import isolate
from app.services.rows import PolicyRow
from app.ui.browse.first_screen import (
    HEADERS,
    NUMBER_COLUMNS,
    RIGHT_ALIGNED,
    Column,
    cell_value,
    header_text,
    row_order,
)
from app.ui.browse.first_screen import PolicyTableView as PolicyTableView  # the list's view, here too
from app.ui.common.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()
BATCH = 256


class Role(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    STATUS = Qt.ItemDataRole.UserRole + 2


class PolicyTableModel(QAbstractTableModel):
    """Holds the matching rows (light tuples); the view asks for more as it scrolls."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PolicyRow] = []
        self._shown = 0
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # Data in -------------------------------------------------------------
    def set_rows(self, rows: list[PolicyRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self._shown = min(len(self._rows), BATCH)
        self.endResetModel()

    def apply_rows(self, rows: list[PolicyRow]) -> None:
        """Move to a new set of rows with the smallest change the view can be told about.

        Unchanged rows stay put (so do selection and scrolling); a changed row is repainted,
        and rows that appear or go are inserted or removed, never a reset of the whole list.
        """
        fresh = list(rows)
        if self._sort is not None:
            column, order = self._sort
            fresh.sort(key=row_order(column), reverse=order == Qt.SortOrder.DescendingOrder)
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in fresh]
        matcher = difflib.SequenceMatcher(a=old_ids, b=new_ids, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag in ("delete", "replace"):
                self._remove(i1, i2)
            if tag in ("insert", "replace"):
                self._insert(i1, fresh[j1:j2])
        changed = [n for n, (old, new) in enumerate(zip(self._rows, fresh, strict=True)) if old != new]
        self._rows = fresh
        for number in changed:
            if number < self._shown:
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def _remove(self, start: int, end: int) -> None:
        visible_end = min(end, self._shown)
        if start < visible_end:
            self.beginRemoveRows(NO_INDEX, start, visible_end - 1)
            del self._rows[start:end]
            self._shown -= visible_end - start
            self.endRemoveRows()
        else:
            del self._rows[start:end]

    def _insert(self, at: int, rows: list[PolicyRow]) -> None:
        if at <= self._shown:
            self.beginInsertRows(NO_INDEX, at, at + len(rows) - 1)
            self._rows[at:at] = rows
            self._shown += len(rows)
            self.endInsertRows()
        else:
            self._rows[at:at] = rows

    def _apply_sort(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            self._rows.sort(key=row_order(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._sort = (column, order) if column >= 0 else None
        self._apply_sort()
        # Keep the selection (held as persistent indexes) on the same policies.
        row_of = {row.id: number for number, row in enumerate(self._rows)}
        for number in {row_of[i] for i in ids}:
            while self._shown <= number:
                self._shown += BATCH
        self._shown = min(self._shown, len(self._rows))
        after = [self.index(row_of[i], index.column()) for i, index in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # Lazy batches --------------------------------------------------------
    def canFetchMore(self, parent: Index = NO_INDEX) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = NO_INDEX) -> None:
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more > 0:
            self.beginInsertRows(NO_INDEX, self._shown, self._shown + more - 1)
            self._shown += more
            self.endInsertRows()

    # Lookups ------------------------------------------------------------
    @property
    def total_rows(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> PolicyRow:
        return self._rows[row]

    def row_of_slug(self, slug: str) -> int | None:
        """The row of a policy, fetching batches until it is shown; None if it is not in the list."""
        for number, row in enumerate(self._rows):
            if row.slug == slug:
                while self._shown <= number:
                    self.fetchMore()
                return number
        return None

    # Qt model API -------------------------------------------------------
    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.TITLE and row.aliases:
                also = QCoreApplication.translate("PolicyTableModel", "Also known as: {aliases}")
                aliases = ", ".join(isolate(alias) for alias in row.aliases)
                return f"{isolate(row.title)}\n" + also.format(aliases=aliases)
            if column == Column.LAST_CHANGE and row.last_change:
                known = {
                    "day": QT_TRANSLATE_NOOP("PolicyTableModel", "{date} (known to the day)"),
                    "month": QT_TRANSLATE_NOOP("PolicyTableModel", "{date} (known to the month)"),
                    "year": QT_TRANSLATE_NOOP("PolicyTableModel", "{date} (known to the year)"),
                }.get(row.last_change_precision or "", "{date}")
                return QCoreApplication.translate("PolicyTableModel", known).format(date=row.last_change)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return RIGHT_ALIGNED
        if role == Role.ROW:
            return row
        if role == Role.STATUS:
            return row.current_status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(cell_value(row, column))
        return None
