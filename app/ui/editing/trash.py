"""The trash: deleted entries, restored or deleted for good."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.lazy import lazy_import
from app.services.kinds import TrashKind
from app.ui.editing import commands

# The ORM loads on the first edit, not while the window first paints.
if TYPE_CHECKING:  # the types; at run time the modules load when first used
    from app.services import editing, operations
else:
    editing = lazy_import("app.services.editing")
    operations = lazy_import("app.services.operations")

if TYPE_CHECKING:
    from app.ui.editing.edit_controller import EditController


class TrashDialog(QDialog):
    def __init__(self, parent: QWidget, controller: EditController) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self.controller = controller
        self.items: list[editing.TrashItem] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Entry"), self.tr("Policy"), self.tr("Deleted")]
        )
        self.table.setAccessibleName(self.tr("Deleted entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("The trash is empty."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.purge_button = QPushButton(self.tr("&Delete Permanently…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(760, 420)
        self.reload()

    def kind_label(self, kind: TrashKind) -> str:
        labels = {
            TrashKind.POLICY: self.tr("Policy"),
            TrashKind.EVENT: self.tr("Status event"),
            TrashKind.SOURCE: self.tr("Source"),
            TrashKind.NOTE: self.tr("Note"),
        }
        return labels[kind]

    def reload(self) -> None:
        self.items = editing.list_trash(self.controller.ws)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [
                self.kind_label(item.kind),
                item.title,
                item.policy_title,
                item.deleted_at.replace("T", " ")[:16],
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)
        self.table.setVisible(bool(self.items))
        self.empty_label.setVisible(not self.items)
        self._update_buttons()

    def selected(self) -> editing.TrashItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)

    def select(self, title: str) -> None:
        for row, item in enumerate(self.items):
            if item.title == title:
                self.table.selectRow(row)
                return

    def restore_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        self.controller.run(
            commands.trash_text(item.kind, item.title, restore=True),
            lambda: operations.set_trashed(self.controller.ws, item.kind, item.id, False),
        )
        self.message.setText(self.tr("Restored “{title}”.").format(title=item.title))
        self.reload()

    def purge_selected(self) -> QMessageBox | None:
        item = self.selected()
        if item is None:
            return None
        notes = 0
        if item.kind is TrashKind.POLICY:
            notes = editing.notes_purged_with(self.controller.ws, item.id)
        text = self.tr("Delete “{title}” permanently? This cannot be undone.").format(title=item.title)
        if notes:
            text += "\n\n" + self.tr("Its %Ln note(s) will be deleted too.", "", notes)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete Permanently"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # titles are shown as written, never as markup
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete Permanently"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(
            lambda button: self._purge(item, notes > 0) if button == QMessageBox.StandardButton.Yes else None
        )
        box.open()
        return box

    def _purge(self, item: editing.TrashItem, with_notes: bool) -> None:
        try:
            changes = operations.purge(self.controller.ws, item, with_notes=with_notes)
        except UserError as error:
            self.message.setText(str(error))
            return
        # Commands on the stack may refer to what is now gone for good.
        self.controller.stack.clear()
        self.message.setText(self.tr("Deleted “{title}” permanently.").format(title=item.title))
        self.controller.context.events.changed.emit(changes)
        self.reload()
