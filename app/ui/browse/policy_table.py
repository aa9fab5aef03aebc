"""The policy list: a table model over plain rows that hands them to the view in batches."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.domain.bidi import isolate
from app.domain.vocab import Status
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
from app.ui.common.i18n import QT_TRANSLATE_NOOP, display_date, label

if TYPE_CHECKING:
    from app.services.as_of import AsOf

Index = QModelIndex | QPersistentModelIndex
NO_INDEX = QModelIndex()
BATCH = 256


class Role(IntEnum):
    ROW = Qt.ItemDataRole.UserRole + 1
    STATUS = Qt.ItemDataRole.UserRole + 2
    UNCERTAIN = Qt.ItemDataRole.UserRole + 3  # as of a past day: why the status then is not certain
    NOT_BEGUN = Qt.ItemDataRole.UserRole + 4  # as of a past day: the policy had not begun (shown greyed)


_ANSWERED = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ForegroundRole,
        *Role,
    )
)


class PolicyTableModel(QAbstractTableModel):
    """Holds the matching rows (light tuples); the view asks for more as it scrolls."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PolicyRow] = []
        self._shown = 0
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # Why each row matched the search, asked for when a title's tooltip is shown.
        self._explain: Callable[[str], str] | None = None
        self._reasons: dict[str, str] = {}
        self.as_of: AsOf | None = None  # the day the rows are as of (their status then), or None

    def set_explain(self, explain: Callable[[str], str] | None) -> None:
        """`explain(policy id)`: why that policy matches the search now typed ("" if it does not
        match, or nothing is typed); None when no search is typed."""
        self._explain = explain
        self._reasons = {}

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
                if self._shown <= number:  # the batches up to it, in one insertion (the view once)
                    end = min(len(self._rows), (number // BATCH + 1) * BATCH)
                    self.beginInsertRows(NO_INDEX, self._shown, end - 1)
                    self._shown = end
                    self.endInsertRows()
                return number
        return None

    def _title_tooltip(self, row: PolicyRow) -> str:
        """The whole title (the cell may be cut short), its other names, and why it matched a search."""
        lines = [isolate(row.title)]
        if row.aliases:
            also = QCoreApplication.translate("PolicyTableModel", "Also known as: {aliases}")
            lines.append(also.format(aliases="; ".join(isolate(alias) for alias in row.aliases)))
        if self._explain is not None:
            if row.id not in self._reasons:
                self._reasons[row.id] = self._explain(row.id)
            if self._reasons[row.id]:
                lines.append(self._reasons[row.id])
        return "\n".join(lines)

    def uncertainty(self, row: PolicyRow) -> str | None:
        """Why the row's status on the chosen day is not certain, in words; None when it is."""
        on = self.as_of.status(row.id) if self.as_of is not None else None
        if on is None or on.certain:
            return None
        if not on.unsettled:
            return QCoreApplication.translate(
                "PolicyTableModel", "Uncertain: this policy has no dated history"
            )
        may = "; ".join(
            QCoreApplication.translate("PolicyTableModel", "{status} (dated only {date})").format(
                status=label(u.status, Status), date=display_date(u.date)
            )
            for u in on.unsettled
        )
        return QCoreApplication.translate(
            "PolicyTableModel",
            "Uncertain on this day: an event known only to its month or year may already have made it: {events}",
        ).format(events=may)

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
        # The view asks each cell for a dozen roles on every paint: the ones not answered here
        # return at once (at 10,000 rows this was a fifth of selecting a policy).
        if role not in _ANSWERED or not index.isValid() or index.row() >= self._shown:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if self.as_of is not None and role in (
            Role.NOT_BEGUN,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            not_begun = self.as_of.not_begun(row.id)
            if role == Role.NOT_BEGUN:
                return not_begun
            if not_begun and role == Qt.ItemDataRole.ForegroundRole:  # greyed: it had not begun then
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            if not_begun:
                return QCoreApplication.translate("PolicyTableModel", "Not yet begun on this day")
        if role == Role.NOT_BEGUN:
            return False
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.TITLE:
                return self._title_tooltip(row)
            if column == Column.STATUS:
                # The whole label (the badge may be shortened), and why it is uncertain that day.
                lines = [str(cell_value(row, column))] if row.current_status else []
                why = self.uncertainty(row)
                return "\n".join([*lines, *([why] if why else [])]) or None
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
        if role == Role.UNCERTAIN:
            return self.uncertainty(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(cell_value(row, column))
        return None
