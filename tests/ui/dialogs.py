"""Finding what the window shows through Qt, as a person sees it, not through attributes kept for tests."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

T = TypeVar("T", bound=QWidget)


def active_dialog(kind: type[T] = QDialog) -> T:  # type: ignore[assignment]
    """The dialog or message box in front now (the last one opened with open())."""
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind), f"expected a {kind.__name__} in front, found {widget!r}"
    return widget


def no_dialog() -> bool:
    """Whether no dialog or message box is in front."""
    return QApplication.activeModalWidget() is None


def shown(parent: QWidget, kind: type[T]) -> T:
    """The visible child of this kind opened last (for windows that are not modal)."""
    found = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert found, f"no {kind.__name__} is shown"
    return found[-1]


def save(qtbot: QtBot, dialog: Any) -> None:
    """Click the dialog's Save button, as a person does."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, widget: Any, text: str) -> None:
    """Focus a field, select what it holds and type over it."""
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


# How long a test waits for work done in the background (an export, a preview): generous, because a
# shared two-core machine running several suites can be ten times slower than a quiet one.
SLOW_WORK_MS = 120_000
