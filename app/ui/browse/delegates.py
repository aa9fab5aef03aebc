"""Painting list cells: status badges, and search matches highlighted in titles."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.search import mark_matches
from app.domain.status_colors import status_colors
from app.ui.browse.first_screen import BADGE_MARGIN, BADGE_PADDING
from app.ui.browse.policy_table import Role

Index = QModelIndex | QPersistentModelIndex
MARK_STYLE = "background-color:#ffe066; color:#1f2328"  # readable on light and dark rows


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class StatusBadgeDelegate(QStyledItemDelegate):
    """A status as a coloured badge; in a column made narrower than it, elided ("Bloqueada por…"),
    inside its own cell (the model gives the full label as the tooltip)."""

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
            quiet = ""
            if index.data(Role.UNCERTAIN):  # may have begun by then, but nothing is certain yet
                quiet = "— ?"
            elif index.data(Role.NOT_BEGUN):
                quiet = QCoreApplication.translate("PolicyTableModel", "not yet begun")
            if quiet:
                painter.save()
                painter.setPen(option.palette.placeholderText().color())
                painter.drawText(option.rect.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, quiet)
                painter.restore()
            return
        background, foreground = status_colors(status, dark=is_dark(option.palette))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        height = metrics.height() + 4
        uncertain = bool(index.data(Role.UNCERTAIN))
        # The "?" badge keeps its room inside the cell: a long status is elided rather than hide it.
        room = option.rect.width() - 2 * BADGE_MARGIN - BADGE_PADDING - (height + 4 if uncertain else 0)
        if metrics.horizontalAdvance(text) > room:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
        width = metrics.horizontalAdvance(text) + BADGE_PADDING
        top = option.rect.center().y() - height / 2 + 1
        rect = QRectF(option.rect.x() + BADGE_MARGIN, top, width, height)
        painter.setClipRect(option.rect)  # never over the next column
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if uncertain:  # as of a past day, not certain: a badge of its own, not a guess
            mark = QRectF(rect.right() + 4, rect.top(), height, height)
            painter.setPen(QColor(foreground))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(mark.adjusted(1, 1, -1, -1))
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, "?")
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, max(size.height(), option.fontMetrics.height() + 8))


class HighlightDelegate(QStyledItemDelegate):
    """Draws the text with every word that starts with a search term marked, accents and case
    folded as the search folds them ("merida" marks "Mérida"), cut short with an ellipsis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terms: list[str] = []

    def set_terms(self, terms: list[str]) -> None:
        self.terms = [t for t in terms if t]

    def cell_html(self, text: str, metrics: QFontMetrics, width: int) -> str:
        """The cell's text as drawn: cut to `width` with an ellipsis (as Qt cuts it without a
        search), then the matches in what is left marked."""
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return mark_matches(
            shown,
            self.terms,
            html.escape,
            lambda found: f'<span style="{MARK_STYLE}">{html.escape(found)}</span>',
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not self.terms:
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
        rect = option.rect.adjusted(4, 0, -4, 0)
        marked = self.cell_html(text, QFontMetrics(option.font), rect.width())
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(f'<span style="color:{color}; white-space:pre">{marked}</span>')
        painter.save()
        painter.translate(rect.x(), rect.center().y() - document.size().height() / 2)
        painter.setClipRect(QRectF(0, 0, rect.width(), document.size().height()))
        document.drawContents(painter)
        painter.restore()
