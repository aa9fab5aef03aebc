"""Choose an existing source to link to the selected policy."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.services.details import SourceRow
from app.services.inputs import ValidationFailed
from app.ui.editing.form import FormDialog


class PickSourceDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, submit: Callable[[str], None], sources: list[SourceRow]
    ) -> None:
        super().__init__(parent, self.tr("Link Existing Source"), submit)
        self.filter_edit = self.line(
            "filter", self.tr("&Find"), placeholder=self.tr("Type to narrow the list")
        )
        self.list = QListWidget()
        for source in sources:
            label = source.title + (f" — {source.publisher}" if source.publisher else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setToolTip(label)
            self.list.addItem(item)
        self.list.setMinimumHeight(260)
        self.add_field("source", self.tr("&Source"), self.list)
        self.filter_edit.textChanged.connect(self._narrow)
        self.list.itemDoubleClicked.connect(lambda _item: self.try_accept())
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Link"))
        self.resize(640, 420)

    def _narrow(self, text: str) -> None:
        words = text.casefold().split()
        for number in range(self.list.count()):
            item = self.list.item(number)
            item.setHidden(not all(w in item.text().casefold() for w in words))

    def collect(self) -> str:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            raise ValidationFailed({"source": self.tr("choose a source from the list")})
        return str(item.data(Qt.ItemDataRole.UserRole))
