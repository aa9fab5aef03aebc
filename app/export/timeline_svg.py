"""Timelines as SVG: the same drawing as the window's, for files and for summaries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape as _html_escape

from app.domain.status_colors import status_colors
from app.domain.timeline import Connector, Lane, Scale, extent, marker_extent, ticks
from app.domain.vocab import Status


@dataclass(frozen=True)
class Layout:
    width: float = 1100
    label_width: float = 250
    lane_height: float = 26
    axis_height: float = 30
    margin: float = 10

    def lane_top(self, index: int) -> float:
        return self.axis_height + index * self.lane_height

    def plot_width(self) -> float:
        return self.width - self.label_width - 2 * self.margin


COMPACT = Layout(width=700, label_width=0, lane_height=26, axis_height=24, margin=8)


# What XML 1.0 cannot hold at all, even escaped. Input checks refuse it now; a workspace written
# before they did may still have some, and one such character made the whole SVG unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for SVG (XML): &, < and > escaped; quotes too, so it is also safe in attributes."""
    return _html_escape(_NOT_XML.sub("", text), quote=True)


def attr(text: str) -> str:
    return escape(text)


def marker_tooltip(marker: object) -> str:
    from app.domain.timeline import Marker

    assert isinstance(marker, Marker)
    lines = [f"{marker.date_label} — {Status(marker.status).label}"]
    if marker.description:
        text = " ".join(marker.description.split())
        lines.append(text if len(text) <= 400 else text[:399] + "…")
    lines += [f"Source: {title}" for title in marker.citations]
    return "\n".join(lines)


def status_label(status: str) -> str:
    return Status(status).label


def timeline_scale(lanes: list[Lane], layout: Layout, today: date) -> Scale:
    first, last = extent(lanes, today)
    return Scale.fit(first, last, layout.plot_width(), layout.label_width + layout.margin)


def timeline_svg(
    lanes: list[Lane], connectors: list[Connector], today: date, layout: Layout = Layout(), title: str = ""
) -> str:
    """A standalone SVG document; every text is escaped, and markers carry tooltips (<title>)."""
    scale = timeline_scale(lanes, layout, today)
    height = layout.lane_top(len(lanes)) + layout.margin
    plot_left = layout.label_width + layout.margin
    plot_right = layout.width - layout.margin
    first, last = scale.date_at(plot_left), scale.date_at(plot_right)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {layout.width:.0f} {height:.0f}" font-family="DejaVu Sans, Arial, sans-serif" '
        'font-size="11" role="img">',
        f"<title>{escape(title or 'Policy timeline')}</title>",
        f'<rect x="0" y="0" width="{layout.width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        '<g class="axis">',
    ]
    for tick in ticks(first, last, scale.px_per_day):
        x = scale.x(tick.when)
        if plot_left <= x <= plot_right - 30:  # a label at the very edge would be cut off
            out.append(
                f'<line x1="{x:.1f}" y1="{layout.axis_height - 6}" x2="{x:.1f}" y2="{height - layout.margin:.1f}" '
                f'stroke="{"#c9d1d9" if tick.major else "#eaeef2"}" stroke-width="1"/>'
            )
            out.append(
                f'<text class="tick" x="{x + 3:.1f}" y="{layout.axis_height - 10}" fill="#59636e">'
                f"{escape(tick.label)}</text>"
            )
    out.append("</g>")
    lane_index = {lane.slug: n for n, lane in enumerate(lanes)}
    for n, lane in enumerate(lanes):
        top = layout.lane_top(n)
        middle = top + layout.lane_height / 2
        out.append(f'<g class="lane" data-slug="{attr(lane.slug)}">')
        if n % 2:
            out.append(
                f'<rect x="0" y="{top:.1f}" width="{layout.width:.0f}" height="{layout.lane_height}" '
                'fill="#f6f8fa"/>'
            )
        if layout.label_width:
            label = lane.title if len(lane.title) <= 36 else lane.title[:35] + "…"
            out.append(
                f'<text class="label" x="{layout.margin}" y="{middle + 4:.1f}" fill="#1f2328">'
                f"{escape(label)}<title>{escape(lane.title)}</title></text>"
            )
        for span in lane.spans:
            x1, x2 = max(scale.x(span.start), plot_left), min(scale.x(span.end), plot_right)
            if x2 <= x1:
                continue
            background, foreground = status_colors(span.status, dark=False)
            out.append(
                f'<rect class="span" data-status="{span.status}" x="{x1:.2f}" y="{middle - 6:.1f}" '
                f'width="{x2 - x1:.2f}" height="12" rx="3" fill="{background}" stroke="{foreground}" '
                f'stroke-opacity="0.35"><title>{escape(status_label(span.status))}: '
                f"{span.start.isoformat()} to {(span.end - timedelta(days=1)).isoformat()}</title></rect>"
            )
        for marker in lane.markers:
            x1, x2 = marker_extent(scale, marker)
            if x2 < plot_left or x1 > plot_right:
                continue
            _, foreground = status_colors(marker.status, dark=False)
            tooltip = escape(marker_tooltip(marker))
            common = (
                f'class="marker" data-event-id="{attr(marker.event_id)}" data-date="{marker.start.isoformat()}" '
                f'data-precision="{marker.precision}"'
            )
            if marker.precision == "day":
                out.append(
                    f'<circle {common} cx="{x1:.2f}" cy="{middle:.1f}" r="4.5" fill="{foreground}" '
                    f'stroke="#ffffff" stroke-width="1.2"><title>{tooltip}</title></circle>'
                )
            else:
                out.append(
                    f'<rect {common} x="{x1:.2f}" y="{middle - 9:.1f}" width="{x2 - x1:.2f}" height="18" '
                    f'fill="{foreground}" fill-opacity="0.18" stroke="{foreground}" stroke-width="1.5">'
                    f"<title>{tooltip}</title></rect>"
                )
        out.append("</g>")
    for connector in connectors:
        if connector.from_slug not in lane_index or connector.to_slug not in lane_index:
            continue
        a, b = lane_index[connector.from_slug], lane_index[connector.to_slug]
        start = lanes[a].start or today
        x = min(max(scale.x(start), plot_left), plot_right)
        y1 = layout.lane_top(a) + layout.lane_height / 2
        y2 = layout.lane_top(b) + layout.lane_height / 2
        dash = "" if connector.kind == "supersedes" else ' stroke-dasharray="3 3"'
        label = {
            "supersedes": "supersedes",
            "related_to": "is related to",
            "conflicts_with": "conflicts with",
        }
        out.append(
            f'<path class="connector" data-kind="{connector.kind}" d="M {x:.1f} {y1:.1f} C {x - 18:.1f} '
            f'{y1:.1f}, {x - 18:.1f} {y2:.1f}, {x:.1f} {y2:.1f}" fill="none" stroke="#6e7781" '
            f'stroke-width="1.3"{dash}><title>{escape(lanes[a].title)} {label[connector.kind]} '
            f"{escape(lanes[b].title)}</title></path>"
        )
    today_x = scale.x(today)
    if plot_left <= today_x <= plot_right:
        out.append(
            f'<line class="today" x1="{today_x:.1f}" y1="{layout.axis_height - 4}" x2="{today_x:.1f}" '
            f'y2="{height - layout.margin:.1f}" stroke="#cf222e" stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
        label_x = today_x + 3 if today_x < plot_right - 40 else today_x - 34
        out.append(
            f'<text x="{label_x:.1f}" y="{layout.axis_height - 20}" fill="#cf222e" font-size="10">Today</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
