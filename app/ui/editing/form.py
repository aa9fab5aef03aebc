"""A form dialog that checks its fields and shows what is wrong next to each one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import LabelledEnum
from app.errors import UserError
from app.services.inputs import ValidationFailed
from app.ui.common import i18n

ERROR_STYLE = "color: #c62828;"


def combo_for(vocabulary: type[LabelledEnum], current: str) -> QComboBox:
    combo = QComboBox()
    for member in vocabulary:
        combo.addItem(i18n.label(member), member.value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


def split_list(text: str) -> list[str]:
    """Items typed one per line or separated by commas or semicolons."""
    parts: list[str] = []
    for line in text.splitlines():
        parts += [p for chunk in line.split(";") for p in chunk.split(",")]
    return [p.strip() for p in parts if p.strip()]


class AwaitingConfirmation(Exception):
    """Raised by a submit that asked a question first; the dialog stays open, showing nothing."""


class FormDialog(QDialog):
    """Fields in a form; Save runs `submit`, which raises ValidationFailed to keep the dialog open."""

    def __init__(self, parent: QWidget | None, title: str, submit: Callable[[Any], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._submit = submit
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setEnabled(False)
            note.setWordWrap(True)
            column.addWidget(note)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setAccessibleName(self.tr("{field} error").format(field=label))
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        widget.setAccessibleName(label.replace("&", ""))
        self.form.addRow(label, holder)
        return widget

    def line(
        self, name: str, label: str, value: str = "", hint: str = "", placeholder: str = ""
    ) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setPlaceholderText(placeholder)
        self.add_field(name, label, edit, hint)
        return edit

    def text(self, name: str, label: str, value: str = "", hint: str = "", lines: int = 5) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        self.add_field(name, label, edit, hint)
        return edit

    def collect(self) -> Any:
        """The entered data as a service input; subclasses build it from their fields."""
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = errors.get(name)
            label.setText(message or "")
            label.setVisible(bool(message))
        unplaced = [f"{k.replace('_', ' ')}: {v}" for k, v in errors.items() if k not in self.errors]
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))

    def try_accept(self) -> None:
        try:
            self._submit(self.collect())
        except AwaitingConfirmation:
            return
        except ValidationFailed as failure:
            self.show_errors(failure.errors)
            first = next((self.errors[name] for name in failure.errors if name in self.errors), None)
            holder = first.parentWidget() if first is not None else None
            if holder is not None:
                holder.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except UserError as error:
            self.show_errors({})
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        self.accept()

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return label.text()
