"""The timeline's colour key: a swatch and a name for each status it draws."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.domain.status_colors import status_colors
from app.domain.vocab import Status
from app.ui.browse.delegates import is_dark
from app.ui.common.i18n import label


class Swatch(QWidget):
    """A small box in a status's colours, as the timeline fills that status's spans."""

    def __init__(self, status: str) -> None:
        super().__init__()
        self.status = status
        self.setFixedSize(18, 12)
        self.setToolTip(label(status, Status))

    def paintEvent(self, _event: QPaintEvent) -> None:
        background, foreground = status_colors(self.status, dark=is_dark(self.palette()))
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(foreground))
        painter.fillRect(self.rect().adjusted(1, 1, -1, -1), QColor(background))
        painter.end()


class TimelineLegend(QWidget):
    """One row of swatches and names, in the vocabulary's order, for the statuses drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(4, 2, 4, 2)
        self._swatches: dict[str, Swatch] = {}
        self.setAccessibleName(self.tr("Colour key"))

    def set_statuses(self, statuses: set[str]) -> None:
        while (item := self._row.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self._swatches = {}
        for status in (s.value for s in Status if s.value in statuses):
            swatch = Swatch(status)
            name = QLabel(label(status, Status))
            name.setBuddy(swatch)
            self._row.addWidget(swatch, 0, Qt.AlignmentFlag.AlignVCenter)
            self._row.addWidget(name)
            self._row.addSpacing(12)
            self._swatches[status] = swatch
        self._row.addStretch(1)

    def statuses(self) -> list[str]:
        return list(self._swatches)

    def swatch(self, status: str) -> Swatch:
        return self._swatches[status]
