"""Timelines as geometry-free data: lanes of status spans and event markers, a date scale, ticks.

An event known only to the month or year is a marker that covers that whole month or year,
never a point on its first day. A status span runs from one event to the next (the last to today).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.dates import PartialDate


@dataclass(frozen=True)
class Marker:
    event_id: str
    start: date
    end: date  # the last day the date can mean (= start for a day)
    precision: str
    status: str
    date_label: str
    description: str
    citations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    start: date
    end: date  # exclusive
    status: str


@dataclass(frozen=True)
class Lane:
    policy_id: str
    slug: str
    title: str
    markers: tuple[Marker, ...]
    spans: tuple[Span, ...]

    @property
    def start(self) -> date | None:
        return self.markers[0].start if self.markers else None


@dataclass(frozen=True)
class Connector:
    from_slug: str
    to_slug: str
    kind: str  # supersedes, related_to, conflicts_with


@dataclass(frozen=True)
class EventInput:
    """The little a timeline needs of a status event."""

    id: str
    date: str
    status: str
    description: str = ""
    citations: tuple[str, ...] = field(default_factory=tuple)


def build_lane(policy_id: str, slug: str, title: str, events: list[EventInput], today: date) -> Lane:
    """One policy's lane; `events` in history order."""
    markers = []
    for event in events:
        when = PartialDate.parse(event.date)
        markers.append(
            Marker(
                event.id,
                when.first_day(),
                when.last_day(),
                when.precision.value,
                event.status,
                when.display(),
                event.description,
                tuple(event.citations),
            )
        )
    spans = []
    for index, marker in enumerate(markers):
        end = markers[index + 1].start if index + 1 < len(markers) else _day_after(max(today, marker.start))
        if end > marker.start:
            spans.append(Span(marker.start, end, marker.status))
    return Lane(policy_id, slug, title, tuple(markers), tuple(spans))


def _day_after(day: date) -> date:
    return day if day == date.max else day + timedelta(days=1)


def sort_lanes(lanes: list[Lane], by: str) -> list[Lane]:
    if by == "title":
        return sorted(lanes, key=lambda lane: lane.title.casefold())
    return sorted(lanes, key=lambda lane: (lane.start or date.max, lane.title.casefold()))


def extent(lanes: list[Lane], today: date) -> tuple[date, date]:
    """The dates a "fit all" view shows: every marker and today, with a margin."""
    starts = [lane.start for lane in lanes if lane.start]
    first = min(starts, default=today - timedelta(days=365))
    last = max([today, *(m.end for lane in lanes for m in lane.markers)])
    margin = max(timedelta(days=30), (last - first) / 40)
    # Clamped: a date entered before years were checked (9999-12) must not stop the drawing.
    return first - min(margin, first - date.min), last + min(margin, date.max - last)


@dataclass(frozen=True)
class Scale:
    """Dates to x positions: `origin` is drawn at x = `x0`, `px_per_day` wide per day."""

    origin: date
    px_per_day: float
    x0: float = 0.0

    @classmethod
    def fit(cls, start: date, end: date, width: float, x0: float = 0.0) -> Scale:
        days = max((end - start).days, 1)
        return cls(start, max(width, 1.0) / days, x0)

    def x(self, when: date) -> float:
        return self.x0 + (when - self.origin).days * self.px_per_day

    def date_at(self, x: float) -> date:
        return self.origin + timedelta(days=round((x - self.x0) / self.px_per_day))

    def zoomed(self, factor: float, around_x: float) -> Scale:
        """Zoom keeping the date under `around_x` where it is."""
        anchor = self.date_at(around_x)
        px = min(max(self.px_per_day * factor, 0.002), 400.0)
        return Scale(anchor - timedelta(days=round((around_x - self.x0) / px)), px, self.x0)

    def panned(self, dx: float) -> Scale:
        return Scale(self.origin - timedelta(days=round(dx / self.px_per_day)), self.px_per_day, self.x0)


@dataclass(frozen=True)
class Tick:
    when: date
    label: str
    major: bool


def ticks(start: date, end: date, px_per_day: float) -> list[Tick]:
    """Axis ticks: decades, years or months, whichever the zoom leaves room to label."""
    if px_per_day * 30 >= 45:  # a month is wide enough to name
        out, year, month = [], start.year, start.month
        while date(year, month, 1) <= end:
            first = date(year, month, 1)
            label = f"{calendar.month_abbr[month]} {year}" if month == 1 else calendar.month_abbr[month]
            out.append(Tick(first, label, month == 1))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    if px_per_day * 365 >= 38:  # a year is wide enough
        return [Tick(date(y, 1, 1), str(y), y % 10 == 0) for y in range(start.year, end.year + 1)]
    step = 10 if px_per_day * 3650 >= 40 else 50
    first_year = start.year - start.year % step
    return [
        Tick(date(y, 1, 1), f"{y}s" if step == 10 else str(y), True)
        for y in range(first_year, end.year + 1, step)
        if y >= 1
    ]


MIN_SPAN_PX = 5.0


def marker_extent(scale: Scale, marker: Marker) -> tuple[float, float]:
    """Where a marker is drawn: a day is a point (x, x); a month or a year covers its whole width,
    widened to stay visible (centred on the same dates) when zoomed far out."""
    x1 = scale.x(marker.start)
    if marker.precision == "day":
        return x1, x1
    x2 = scale.x(marker.end) + scale.px_per_day  # the end of its last day (9999-12-31 has no next day)
    if x2 - x1 < MIN_SPAN_PX:
        middle = (x1 + x2) / 2
        x1, x2 = middle - MIN_SPAN_PX / 2, middle + MIN_SPAN_PX / 2
    return x1, x2
