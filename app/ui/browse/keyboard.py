"""Moving between the search box and the list from the keyboard, and a focus mark one can see."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget

# A focused list, search box or page is ringed in the palette's selection colour, two pixels wide:
# Fusion's own mark (a faint frame tint, a dotted cell) is easy to lose, above all in the dark theme.
FOCUS_STYLE = """
{kind} {{ border: 1px solid palette(mid); margin: 1px; }}
{kind}:focus {{ border: 2px solid palette(highlight); margin: 0px; }}
"""


FRAMED = ("QLineEdit", "QTableView", "QTreeView", "QTextBrowser")


def mark_focus(*widgets: QWidget) -> None:
    """Ring each of these widgets while it has the keyboard focus, in the current theme's colours
    (palette() in a style sheet follows a change of theme)."""
    for widget in widgets:
        kind = next(name for name in FRAMED if widget.inherits(name))
        padding = " QLineEdit { padding: 3px 4px; }" if kind == "QLineEdit" else ""
        widget.setStyleSheet(FOCUS_STYLE.format(kind=kind) + padding)


def select_first_row(table: QTableView) -> None:
    model = table.model()
    if model is None or model.rowCount() == 0:
        return
    index = model.index(0, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(index)


class SearchBoxKeys(QObject):
    """Down in the search box moves into the results, selecting the first one."""

    def __init__(self, search_box: QLineEdit, table: QTableView) -> None:
        super().__init__(search_box)
        self._table = table
        search_box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        down = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        )
        model = self._table.model()
        if not down or model is None or model.rowCount() == 0:
            return False
        self._table.setFocus(Qt.FocusReason.OtherFocusReason)
        select_first_row(self._table)
        return True
