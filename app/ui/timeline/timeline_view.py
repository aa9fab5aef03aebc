"""The timeline drawn in the window: lanes, spans, markers, connectors, today; zoom and pan.

Only the lanes in view are drawn, so hundreds of lanes scroll as smoothly as ten.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from app.domain.dates import PartialDate
from app.domain.status_colors import status_colors
from app.domain.timeline import Connector, Lane, Marker, Scale, Tick, extent, marker_extent, ticks
from app.domain.vocab import Status
from app.export.timeline_svg import COMPACT, Layout
from app.ui.browse.delegates import is_dark
from app.ui.common import i18n

TODAY_COLOR = "#cf222e"


def marker_date(marker: Marker) -> PartialDate:
    """The event's date at the precision known, from the marker's first day."""
    start = marker.start
    if marker.precision == "year":
        return PartialDate(start.year)
    if marker.precision == "month":
        return PartialDate(start.year, start.month)
    return PartialDate(start.year, start.month, start.day)


class TimelineView(QAbstractScrollArea):
    marker_clicked = Signal(str, str)  # policy slug, event id

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        self.layout_ = COMPACT if compact else Layout()
        self.lanes: list[Lane] = []
        self.connectors: list[Connector] = []
        self.today = date.today()
        self.cursor_day: date | None = None  # the day the main window shows, when not today
        self.scale = Scale(date.today() - timedelta(days=3650), 0.3, self.layout_.label_width)
        self._drag_from: QPointF | None = None
        self._dragged = False
        # Fitted to the data until the person zooms or pans: a resize (the first layout of a new
        # window, a tab shown for the first time) fits it again to the width it now has.
        self.fitted = True
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if compact:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setFixedHeight(int(self.layout_.axis_height + self.layout_.lane_height + 6))
        self.viewport().setMouseTracking(True)
        self.setAccessibleName(self.tr("Timeline"))

    # Data and zoom ------------------------------------------------------------------
    def set_data(
        self, lanes: list[Lane], connectors: list[Connector], today: date | None = None, fit: bool = True
    ) -> None:
        self.lanes, self.connectors = lanes, connectors
        self.today = today or date.today()
        self._update_scrollbar()
        if fit or self.fitted:
            self.fit_all()
        self.viewport().update()

    def _plot(self) -> tuple[float, float]:
        left = self.layout_.label_width + self.layout_.margin
        return left, self.viewport().width() - self.layout_.margin

    def fit_all(self) -> None:
        first, last = extent(self.lanes, self.today)
        left, right = self._plot()
        self.scale = Scale.fit(first, last, right - left, left)
        self.fitted = True
        self.viewport().update()

    def _pan(self, dx: float) -> None:
        self.scale = self.scale.panned(dx)
        self.fitted = False
        self.viewport().update()

    def zoom(self, factor: float, around_x: float | None = None) -> None:
        self.fitted = False
        left, right = self._plot()
        self.scale = self.scale.zoomed(factor, around_x if around_x is not None else (left + right) / 2)
        self.viewport().update()

    def _update_scrollbar(self) -> None:
        visible = self.viewport().height() - self.layout_.axis_height
        total = len(self.lanes) * self.layout_.lane_height
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, int(total - visible)))
        bar.setPageStep(max(1, int(visible)))
        bar.setSingleStep(int(self.layout_.lane_height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbar()
        if self.fitted:
            self.fit_all()

    # Geometry shared by painting, tooltips, clicks and tests ---------------------------
    def lane_top(self, index: int) -> float:
        return self.layout_.axis_height + index * self.layout_.lane_height - self.verticalScrollBar().value()

    def visible_lanes(self) -> range:
        first = max(0, int(self.verticalScrollBar().value() // self.layout_.lane_height))
        rows = int(self.viewport().height() // self.layout_.lane_height) + 2
        return range(first, min(len(self.lanes), first + rows))

    def marker_rect(self, index: int, marker: Marker) -> QRectF:
        middle = self.lane_top(index) + self.layout_.lane_height / 2
        x1, x2 = marker_extent(self.scale, marker)
        if marker.precision == "day":
            return QRectF(x1 - 5, middle - 5, 10, 10)
        return QRectF(x1, middle - 9, x2 - x1, 18)

    def marker_at(self, point: QPointF) -> tuple[Lane, Marker] | None:
        for index in self.visible_lanes():
            lane = self.lanes[index]
            for marker in reversed(lane.markers):  # the later marker is drawn on top
                if self.marker_rect(index, marker).adjusted(-2, -2, 2, 2).contains(point):
                    return lane, marker
        return None

    # Painting ---------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        dark = is_dark(palette)
        width, height = self.viewport().width(), self.viewport().height()
        painter.fillRect(0, 0, width, height, palette.base())
        left, right = self._plot()
        first, last = self.scale.date_at(left), self.scale.date_at(right)
        axis = self.layout_.axis_height
        text_color = palette.text().color()
        muted = palette.placeholderText().color()
        tick_labels = self.tick_labels()
        today_box = self.today_label_rect(tick_labels)
        for tick in ticks(first, last, self.scale.px_per_day):
            x = self.scale.x(tick.when)
            if left <= x <= right:
                grid = QColor(muted)
                grid.setAlpha(110 if tick.major else 45)
                painter.setPen(QPen(grid, 1))
                painter.drawLine(QPointF(x, axis - 6), QPointF(x, height))
        for text, box in tick_labels:
            if today_box is None or not box.intersects(today_box):  # "Today" wins a place both want
                painter.setPen(muted)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setClipRect(QRectF(0, axis - 2, width, height))
        stripe = QColor(palette.alternateBase().color())
        for index in self.visible_lanes():
            self._paint_lane(painter, index, stripe, dark, text_color, left, right)
        self._paint_connectors(painter, left, right, muted)
        painter.setClipping(False)
        today_x = self.scale.x(self.today)
        if today_box is not None:
            painter.setPen(QPen(QColor(TODAY_COLOR), 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(today_x, axis - 4), QPointF(today_x, height))
            painter.setPen(QColor(TODAY_COLOR))
            painter.drawText(today_box, Qt.AlignmentFlag.AlignCenter, self.tr("Today"))
        cursor_x = self.scale.x(self.cursor_day) if self.cursor_day is not None else left - 1
        if self.cursor_day is not None and left <= cursor_x <= right:
            painter.setPen(QPen(QColor("#0969da"), 1.6))
            painter.drawLine(QPointF(cursor_x, axis - 4), QPointF(cursor_x, height))
            words = self.tr("As of {date}").format(date=self.cursor_day.isoformat())
            # At the foot of the line: the top row holds the ticks and "Today".
            x = cursor_x + 3 if cursor_x < right - 120 else cursor_x - 118
            painter.drawText(QPointF(x, height - 6), words)
        painter.end()

    def tick_labels(self) -> list[tuple[str, QRectF]]:
        """The axis labels shown now, each with the box it is written in (none at the very edge,
        where it would be cut off)."""
        left, right = self._plot()
        first, last = self.scale.date_at(left), self.scale.date_at(right)
        metrics = self.fontMetrics()
        baseline = self.layout_.axis_height - 10
        shown = []
        for tick in ticks(first, last, self.scale.px_per_day):
            x = self.scale.x(tick.when)
            if left <= x <= right - 30:
                text = self.tick_label(tick)
                box = QRectF(
                    x + 3, baseline - metrics.ascent(), metrics.horizontalAdvance(text), metrics.height()
                )
                shown.append((text, box))
        return shown

    def today_label_rect(self, tick_labels: list[tuple[str, QRectF]] | None = None) -> QRectF | None:
        """Where "Today" is written (None when today is out of view): in the axis band, beside its
        line, inside the view whatever its height (the History tab's strip has a short axis band);
        on the side where it hides no axis label, when one side is free."""
        today_x = self.scale.x(self.today)
        left, right = self._plot()
        if not left <= today_x <= right:
            return None
        metrics = self.fontMetrics()
        width, height = metrics.horizontalAdvance(self.tr("Today")) + 4, metrics.height()
        top = max(0.0, self.layout_.axis_height - 4 - height)
        after = QRectF(today_x + 2, top, width, height)
        before = QRectF(today_x - 2 - width, top, width, height)
        sides = [after, before] if after.right() <= right + self.layout_.margin else [before]
        labels = [box for _text, box in (self.tick_labels() if tick_labels is None else tick_labels)]
        for box in sides:
            if not any(box.intersects(label) for label in labels):
                return box
        return sides[0]

    def _paint_lane(
        self,
        painter: QPainter,
        index: int,
        stripe: QColor,
        dark: bool,
        text_color: QColor,
        left: float,
        right: float,
    ) -> None:
        lane = self.lanes[index]
        top = self.lane_top(index)
        lane_height = self.layout_.lane_height
        middle = top + lane_height / 2
        if index % 2:
            painter.fillRect(QRectF(0, top, self.viewport().width(), lane_height), stripe)
        if self.layout_.label_width:
            painter.setPen(text_color)
            metrics = painter.fontMetrics()
            label = metrics.elidedText(
                lane.title, Qt.TextElideMode.ElideRight, int(self.layout_.label_width - 8)
            )
            painter.drawText(
                QRectF(self.layout_.margin, top, self.layout_.label_width - 8, lane_height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
        for span in lane.spans:
            x1, x2 = max(self.scale.x(span.start), left), min(self.scale.x(span.end), right)
            if x2 <= x1:
                continue
            background, foreground = status_colors(span.status, dark=dark)
            edge = QColor(foreground)
            edge.setAlpha(90)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(QRectF(x1, middle - 6, x2 - x1, 12), 3, 3)
        for marker in lane.markers:
            rect = self.marker_rect(index, marker)
            if rect.right() < left or rect.left() > right:
                continue
            _, foreground = status_colors(marker.status, dark=dark)
            color = QColor(foreground)
            if marker.precision == "day":
                painter.setPen(QPen(QColor(self.palette().base().color()), 1.2))
                painter.setBrush(color)
                center = rect.center()
                painter.drawEllipse(QRectF(center.x() - 4.5, center.y() - 4.5, 9, 9))
            else:
                fill = QColor(color)
                fill.setAlpha(50)
                painter.setPen(QPen(color, 1.5))
                painter.setBrush(fill)
                painter.drawRect(rect)

    def _paint_connectors(self, painter: QPainter, left: float, right: float, color: QColor) -> None:
        where = {lane.slug: n for n, lane in enumerate(self.lanes)}
        shown = self.visible_lanes()
        for connector in self.connectors:
            a, b = where.get(connector.from_slug), where.get(connector.to_slug)
            if a is None or b is None or (max(a, b) < shown.start or min(a, b) >= shown.stop):
                continue
            start = self.lanes[a].start or self.today
            x = min(max(self.scale.x(start), left), right)
            y1 = self.lane_top(a) + self.layout_.lane_height / 2
            y2 = self.lane_top(b) + self.layout_.lane_height / 2
            path = QPainterPath(QPointF(x, y1))
            path.cubicTo(QPointF(x - 18, y1), QPointF(x - 18, y2), QPointF(x, y2))
            style = Qt.PenStyle.SolidLine if connector.kind == "supersedes" else Qt.PenStyle.DashLine
            painter.setPen(QPen(color, 1.3, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)

    # Words --------------------------------------------------------------------------------
    def tick_label(self, tick: Tick) -> str:
        """An axis label in the interface language: a month ("Feb", "Jan 2020"), a year, a decade."""
        year = tick.when.year
        if tick.label == str(year):
            return tick.label
        if tick.label == f"{year}s":
            return self.tr("{decade}s").format(decade=year)
        month = QLocale().monthName(tick.when.month, QLocale.FormatType.ShortFormat).rstrip(".")
        return f"{month} {year}" if tick.label.endswith(str(year)) else month

    def marker_tooltip(self, marker: Marker) -> str:
        """Date, status, description and sources of an event, in the interface language."""
        lines = [f"{i18n.display_date(marker_date(marker))} — {i18n.label(marker.status, Status)}"]
        if marker.description:
            text = " ".join(marker.description.split())
            lines.append(text if len(text) <= 400 else text[:399] + "…")
        lines += [self.tr("Source: {title}").format(title=title) for title in marker.citations]
        return "\n".join(lines)

    # Interaction ---------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self.marker_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.marker_tooltip(hit[1]), self.viewport())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPointF) -> str:
        hit = self.marker_at(point)
        return self.marker_tooltip(hit[1]) if hit else ""

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25**steps, event.position().x())
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier or event.angleDelta().x():
            delta = event.angleDelta().x() or event.angleDelta().y()
            self._pan(delta / 2)
        elif not self.compact:
            super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag_from = event.position()
        self._dragged = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = event.position().x() - self._drag_from.x()
            if abs(dx) > 2:
                self._dragged = True
                self._pan(dx)
                self._drag_from = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._dragged:
            hit = self.marker_at(event.position())
            if hit is not None:
                self.marker_clicked.emit(hit[0].slug, hit[1].event_id)
        self._drag_from = None
