"""Painting list cells: status badges, and search matches highlighted in titles."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.status_colors import status_colors
from app.ui.browse.policy_table import Role

Index = QModelIndex | QPersistentModelIndex


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class StatusBadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        status = index.data(Role.STATUS)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        style = option.widget.style() if option.widget else None
        # Draw the row background and selection as usual, but not the text.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        if not status:
            return
        background, foreground = status_colors(status, dark=is_dark(option.palette))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 4
        rect = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, max(size.height(), option.fontMetrics.height() + 8))


class HighlightDelegate(QStyledItemDelegate):
    """Draws the text with every word that starts with a search term marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pattern: re.Pattern[str] | None = None

    def set_terms(self, terms: list[str]) -> None:
        escaped = [re.escape(html.escape(t)) for t in terms if t]
        self._pattern = re.compile(r"\b(" + "|".join(escaped) + ")", re.IGNORECASE) if escaped else None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if self._pattern is None:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text = item.text
        item.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = option.palette.color(role).name()
        marked = self._pattern.sub(
            lambda m: f'<span style="background-color:#ffe066; color:#1f2328">{m.group(0)}</span>',
            html.escape(text),
        )
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(f'<span style="color:{color}; white-space:pre">{marked}</span>')
        painter.save()
        rect = option.rect.adjusted(4, 0, -4, 0)
        painter.translate(rect.x(), rect.center().y() - document.size().height() / 2)
        painter.setClipRect(QRectF(0, 0, rect.width(), document.size().height()))
        document.drawContents(painter)
        painter.restore()
