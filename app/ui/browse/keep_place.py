"""Keeping a keyboard user's place in the list when the selected row goes away (deleted)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView


class KeepPlace:
    """Made before rows change: remembers where the selected row was. `restore()` afterwards
    selects the row now in that place (the next one), or the last when it was the last, if
    the selection went with the row."""

    def __init__(self, table: QTableView, selected: bool) -> None:
        self.table = table
        current = table.selectionModel().currentIndex()
        self.row = current.row() if selected and current.isValid() else None

    def restore(self) -> bool:
        """Select the row in the remembered place if nothing is selected now; whether it did."""
        model = self.table.model()
        if self.row is None or self.table.selectionModel().hasSelection() or model.rowCount() == 0:
            return False
        index = model.index(min(self.row, model.rowCount() - 1), 0)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)
        return True
