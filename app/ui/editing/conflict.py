"""Someone else saved the entry being edited: both versions side by side, and the person chooses.

Nothing is overwritten silently (compare QGIS #23146): saving refused with EditConflict opens this
dialog; "Keep Mine" saves the edit over their version (on purpose, now), "Take Theirs" drops the
edit and keeps what is saved, "Back to Editing" returns to the editor with the edit as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "✓" if value else "–"
    return "" if value is None else str(value)


def differing_fields(mine: Any, theirs: Any) -> list[tuple[str, str, str]]:
    """(field, my value, their value) for each field of two inputs of one kind that differ."""
    rows = []
    for field in fields(mine):
        a, b = getattr(mine, field.name), getattr(theirs, field.name)
        if a != b:
            rows.append((field.name.replace("_", " ").capitalize(), _shown(a), _shown(b)))
    return rows


class ConflictDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        message: str,
        mine: Any,
        theirs: Any,
        keep_mine: Callable[[], None],
        take_theirs: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictDialog")
        self.setWindowTitle(self.tr("Changed by Someone Else"))
        layout = QVBoxLayout(self)
        intro = QLabel(message)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = differing_fields(mine, theirs)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your version"), self.tr("Their version")]
        )
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.keep_button = QPushButton(self.tr("Keep &Mine"))
        self.keep_button.setToolTip(self.tr("Save your version over theirs"))
        self.take_button = QPushButton(self.tr("Take &Theirs"))
        self.take_button.setToolTip(self.tr("Drop your changes and keep what they saved"))
        self.back_button = QPushButton(self.tr("&Back to Editing"))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.clicked.connect(lambda: self._chosen(keep_mine))
        self.take_button.clicked.connect(lambda: self._chosen(take_theirs))
        self.back_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _chosen(self, then: Callable[[], None]) -> None:
        self.accept()
        then()
