"""Timelines as SVG: the same drawing as the window's, for files and for summaries."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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
# For paper: drawn at the text width (about 480 pt on A4 or Letter), so 11-px text prints at 7.3 pt
# or more; PRINT_COMPACT is one policy's strip, PRINT the overview with titles beside the lanes.
PRINT_WIDTH = 720
PRINT = Layout(width=PRINT_WIDTH, label_width=190, lane_height=28, axis_height=24, margin=8)
PRINT_COMPACT = Layout(width=PRINT_WIDTH, label_width=0, lane_height=26, axis_height=24, margin=8)
FONT_PX = 11
LINE_PX = 12.5
GLYPH_EM = 0.64  # DejaVu Sans's average advance, a little generous: text is measured without fonts


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


def wrap_label(text: str, width_px: float, font_px: float = FONT_PX) -> list[str]:
    """A lane title broken into lines that fit `width_px` (by an average glyph width: no fonts here)."""
    per_line = max(int(width_px / (font_px * GLYPH_EM)), 8)
    lines: list[str] = []
    for word in text.split():
        while len(word) > per_line:  # a word longer than the column is broken, not cut
            if lines and len(lines[-1]) + 1 < per_line:
                room = per_line - len(lines[-1]) - 1
                lines[-1] += " " + word[:room]
                word = word[room:]
            else:
                lines.append(word[:per_line])
                word = word[per_line:]
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        elif word:
            lines.append(word)
    return lines or [""]


def _month_names(label: str, language: str) -> str:
    if language == "en":
        return label
    from app.export.labels import MONTHS, month_name

    for number, english in enumerate(MONTHS["en"], start=1):
        label = re.sub(rf"\b{english}\b", month_name(number, language), label)
    return label


def _legend(statuses: list[str], top: float, layout: Layout, language: str) -> tuple[list[str], float]:
    """Swatches with the status names, in rows across the picture; returns (elements, height)."""
    from app.export.labels import text, vocabulary

    out = [f'<g class="legend" aria-label="{attr(text(language, "legend"))}">']
    x, y = layout.margin, top + LINE_PX
    for status in statuses:
        background, foreground = status_colors(status, dark=False)
        label = vocabulary(status_label(status), language)
        width = 16 + len(label) * FONT_PX * GLYPH_EM + 14
        if x + width > layout.width - layout.margin and x > layout.margin:
            x, y = layout.margin, y + LINE_PX + 3
        out.append(
            f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="12" height="10" rx="2" fill="{background}" '
            f'stroke="{foreground}"/><text x="{x + 16:.1f}" y="{y:.1f}" fill="#1f2328">{escape(label)}</text>'
        )
        x += width
    out.append("</g>")
    return out, y - top + 6


def timeline_svg(
    lanes: list[Lane],
    connectors: list[Connector],
    today: date,
    layout: Layout = Layout(),
    title: str = "",
    *,
    language: str = "en",
    legend: bool = True,
) -> str:
    """A standalone SVG document; every text is escaped, and markers carry tooltips (<title>).

    Long lane titles wrap (the lanes grow to hold them); "Today" is written inside the frame, below
    the lanes; the legend names the colours of the statuses drawn.
    """
    from app.export.labels import text

    labels = {lane.slug: wrap_label(lane.title, layout.label_width - layout.margin) for lane in lanes}
    if layout.label_width and lanes:
        most_lines = max(len(lines) for lines in labels.values())
        layout = replace(layout, lane_height=max(layout.lane_height, most_lines * LINE_PX + 6))
    scale = timeline_scale(lanes, layout, today)
    lanes_bottom = layout.lane_top(len(lanes))
    today_row = LINE_PX + 4  # "Today" sits under the lanes, inside the picture
    statuses = list(dict.fromkeys(span.status for lane in lanes for span in lane.spans))
    statuses += [m.status for lane in lanes for m in lane.markers if m.status not in statuses]
    legend_parts, legend_height = (
        _legend(statuses, lanes_bottom + today_row, layout, language) if legend and statuses else ([], 0.0)
    )
    height = lanes_bottom + today_row + legend_height + layout.margin
    plot_left = layout.label_width + layout.margin
    plot_right = layout.width - layout.margin
    first, last = scale.date_at(plot_left), scale.date_at(plot_right)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {layout.width:.0f} {height:.0f}" font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="{FONT_PX}" role="img">',
        f"<title>{escape(title or 'Policy timeline')}</title>",
        f'<rect x="0" y="0" width="{layout.width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        '<g class="axis">',
    ]
    for tick in ticks(first, last, scale.px_per_day):
        x = scale.x(tick.when)
        if plot_left <= x <= plot_right - 30:  # a label at the very edge would be cut off
            out.append(
                f'<line x1="{x:.1f}" y1="{layout.axis_height - 6}" x2="{x:.1f}" y2="{lanes_bottom:.1f}" '
                f'stroke="{"#c9d1d9" if tick.major else "#eaeef2"}" stroke-width="1"/>'
            )
            out.append(
                f'<text class="tick" x="{x + 3:.1f}" y="{layout.axis_height - 10}" fill="#59636e">'
                f"{escape(_month_names(tick.label, language))}</text>"
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
            lines = labels[lane.slug]
            first = middle + 4 - (len(lines) - 1) * LINE_PX / 2
            spans = "".join(
                f'<tspan x="{layout.margin}" y="{first + n * LINE_PX:.1f}">{escape(line)}</tspan>'
                for n, line in enumerate(lines)
            )
            out.append(
                f'<text class="label" x="{layout.margin}" y="{first:.1f}" fill="#1f2328">'
                f"{spans}<title>{escape(lane.title)}</title></text>"
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
            f'y2="{lanes_bottom + 3:.1f}" stroke="#cf222e" stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
        # Right-aligned at the line when it would run past the frame; left-aligned otherwise.
        anchor = "end" if today_x > layout.width - layout.margin - 40 else "start"
        label_x = today_x - 2 if anchor == "end" else today_x + 2
        out.append(
            f'<text class="today-label" x="{label_x:.1f}" y="{lanes_bottom + LINE_PX + 1:.1f}" '
            f'text-anchor="{anchor}" fill="#cf222e">{escape(text(language, "today"))}</text>'
        )
    out += legend_parts
    out.append("</svg>")
    return "\n".join(out) + "\n"
