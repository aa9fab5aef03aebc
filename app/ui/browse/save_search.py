"""Name the current search and filters to keep them in the sidebar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.ui.editing.form import FormDialog


class SaveSearchDialog(FormDialog):
    def __init__(self, parent: QWidget | None, submit: Callable[[str], None], summary: str) -> None:
        super().__init__(parent, self.tr("Save Search"), submit)
        self.name_edit = self.line(
            "name", self.tr("&Name"), "", hint=summary, placeholder=self.tr("e.g. Texas litigation")
        )

    def collect(self) -> str:
        return self.name_edit.text()
