"""What an edit, an undo or a redo did, said in the status bar for a few seconds, with a button
to take it back (or to do it again)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QToolButton, QWidget

SHOWN_MS = 6000  # long enough to read a line and reach the button


class EditFeedback(QWidget):
    """Follows the undo stack: a command pushed is "Done", one taken back "Undone", one done
    again "Redone"; the button beside it undoes (or, after an undo, redoes)."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditFeedback")
        self.stack = stack
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # titles are shown as typed, never as markup
        self.label.setAccessibleName(self.tr("What the last edit did"))
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        # A link's look (in the theme's link colour): it reads as the thing to click in a line of text.
        self.button.setStyleSheet("QToolButton { color: palette(link); text-decoration: underline; }")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self._take_back)
        # No taller than a line of the status bar: showing it must not move the window's contents.
        self.button.setFixedHeight(self.label.sizeHint().height())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.label)
        row.addWidget(self.button)
        row.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SHOWN_MS)
        self.timer.timeout.connect(self.hide)
        self._index = stack.index()
        self._pushing = False
        self._undo_next = True  # what the button does: undo, or (after an undo) redo
        stack.indexChanged.connect(self._on_index_changed)
        self.hide()

    @contextmanager
    def pushing(self) -> Iterator[None]:
        """Around a push: the command that arrives is a new edit, not one done again."""
        self._pushing = True
        try:
            yield
        finally:
            self._pushing = False

    def _on_index_changed(self, index: int) -> None:
        before, self._index = self._index, index
        if index < before:
            command, verb, undo_next = self.stack.command(index), self.tr("Undone: {action}"), False
        elif index > before:
            verb = self.tr("Done: {action}") if self._pushing else self.tr("Redone: {action}")
            command, undo_next = self.stack.command(index - 1), True
        else:
            return
        if command is None or getattr(command, "failed", None):
            self.hide()  # the stack was cleared, or the step failed (and said why)
            return
        self.say(verb.format(action=command.text()), undo_next=undo_next)

    def say(self, text: str, *, undo_next: bool) -> None:
        self._undo_next = undo_next
        self.label.setText(text)
        self.button.setText(self.tr("Undo") if undo_next else self.tr("Redo"))
        self.button.setAccessibleName(self.button.text())
        bar = self.parentWidget()
        if isinstance(bar, QStatusBar):
            bar.clearMessage()  # a message shown earlier would hide this line
        self.show()
        self.timer.start()

    def _take_back(self) -> None:
        if self._undo_next:
            self.stack.undo()
        else:
            self.stack.redo()
