"""The list's columns sized to what they hold: each column but the title as wide as its widest
cell (a status as its badge) or its heading; the title takes the rest.

Columns only widen while the window is open, so they do not jump as a search narrows the list,
and a column the person has resized is theirs. A layout saved from an earlier session (widths the
person may have chosen) is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject
from PySide6.QtWidgets import QTableView

from app.ui.browse.first_screen import Column, header_text

# Room around a cell's text: the view's margins, and the sort arrow beside a heading.
CELL_PADDING = 12
SORT_ARROW = 16
BADGE_PADDING = 14 + 8  # a status badge's rounded ends (StatusBadgeDelegate) and its inset
FITTED = (Column.JURISDICTION, Column.STATUS, Column.LAST_CHANGE, Column.SOURCES, Column.NOTES)
# A status badge at most this many average characters wide, so that the title keeps room for its
# words: "Bloqueada por un tribunal" is shortened in its badge, whose tooltip says it whole. Fixed,
# not a share of the list's width, so the first paint and the finished window agree.
MAX_CHARACTERS = {Column.STATUS: 18}
_DISPLAY = 0  # Qt.ItemDataRole.DisplayRole, spelled as a number to keep the Qt namespace out of the start
# What a fitted cell's text is made from: rows with the same value need measuring once. At 10,000
# policies, reading every cell's text through Qt took a third of a second of the start.
_SOURCE: dict[int, Callable[[Any], object]] = {
    Column.JURISDICTION: lambda row: row.jurisdiction,
    Column.STATUS: lambda row: row.current_status,
    # A date's width is its month's and year's, and whether its day has one digit or two (digits
    # are all as wide): one date of each such kind is measured.
    Column.LAST_CHANGE: lambda row: (
        (row.last_change or "")[:7]
        + str(len(row.last_change or ""))
        + ("1" if (row.last_change or "")[8:9] == "0" else "2")
    ),
    Column.SOURCES: lambda row: row.source_count,
    Column.NOTES: lambda row: row.note_count,
}


class ColumnFitter(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self.enabled = True
        self.chosen: set[int] = set()  # columns the person resized
        self._fitting = False
        self._model: QAbstractItemModel | None = None
        self._measured: dict[int, set[object]] = {column: set() for column in FITTED}
        table.horizontalHeader().sectionResized.connect(self._on_resized)

    def watch(self, model: QAbstractItemModel) -> None:
        """Follow the rows of the model the view now shows."""
        if (
            self._model is None and self.enabled
        ):  # the first rows: from the headings' widths, not Qt's default
            self._fitting = True
            header = self._table.horizontalHeader()
            for column in FITTED:
                header.resizeSection(
                    column, header.fontMetrics().horizontalAdvance(header_text(column)) + SORT_ARROW
                )
            self._fitting = False
        if self._model is not None:
            for signal in (self._model.modelReset, self._model.layoutChanged):
                signal.disconnect(self.fit_all)
            self._model.rowsInserted.disconnect(self._on_inserted)
            self._model.dataChanged.disconnect(self._on_data_changed)
        self._model = model
        model.modelReset.connect(self.fit_all)
        model.layoutChanged.connect(self.fit_all)
        model.rowsInserted.connect(self._on_inserted)
        model.dataChanged.connect(self._on_data_changed)
        self.fit_all()

    def _on_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in FITTED:
            self.chosen.add(column)

    def _on_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.fit(first, last + 1)

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, _roles: object = None) -> None:
        self.fit(top.row(), bottom.row() + 1)

    def fit_all(self) -> None:
        for seen in self._measured.values():
            seen.clear()
        self.fit(0, self._model.rowCount() if self._model is not None else 0)

    def _texts(self, model: QAbstractItemModel, column: int, first: int, end: int) -> set[str]:
        """The texts of a column's cells in rows first..end-1 not measured before (by what they
        are made from, where the model gives its rows)."""
        row_at = getattr(model, "row_at", None)
        if row_at is None:  # the first screen's model: a screenful of cells
            return {str(model.index(row, column).data(_DISPLAY) or "") for row in range(first, end)}
        source, seen = _SOURCE[column], self._measured[column]
        new: dict[object, int] = {}
        for row in range(first, end):
            value = source(row_at(row))
            if value not in seen and value not in new:
                new[value] = row
        seen.update(new)
        return {str(model.index(row, column).data(_DISPLAY) or "") for row in new.values()}

    def fit(self, first: int, end: int) -> None:
        """Widen the columns to the cells of rows first..end-1, where the person has not chosen a width."""
        model = self._model
        if not self.enabled or model is None:
            return
        header = self._table.horizontalHeader()
        cell, heading = self._table.fontMetrics(), header.fontMetrics()
        self._fitting = True
        try:
            for column in FITTED:
                if column in self.chosen:
                    continue
                texts = self._texts(model, column, first, end)
                widest = max((cell.horizontalAdvance(text) for text in texts), default=0)
                if column in MAX_CHARACTERS:
                    widest = min(widest, cell.averageCharWidth() * MAX_CHARACTERS[column])
                widest += CELL_PADDING + (BADGE_PADDING if column == Column.STATUS else 0)
                least = heading.horizontalAdvance(header_text(column)) + SORT_ARROW
                needed = max(widest, least)
                if needed > header.sectionSize(column):
                    header.resizeSection(column, needed)
        finally:
            self._fitting = False
