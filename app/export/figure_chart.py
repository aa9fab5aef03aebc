"""Figures over time as an SVG chart: honest about periods and gaps, with a legend, units and sources.

A figure over a period (a month, a fiscal year, a date to a period end) is a bar as wide as that
period; a figure for one day is a dot on a thin stem. Approximate figures are dashed. Between two
periods of one series with nothing recorded, the baseline is dotted in the series' colour: a gap
is shown as a gap, never bridged by a line. Pure Python (no Qt): PNG goes through app/export/raster.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from app.domain.timeline import Scale, Tick, ticks
from app.export.labels import date_label, text
from app.export.timeline_svg import FONT_PX, LINE_PX, _month_names, escape, wrap_label
from app.services.figures import ChartPoint, FigureChart

# Okabe–Ito: told apart with the common colour-vision deficiencies, and in grey print.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
WIDTH = 720  # the text width of A4 and Letter, as the timelines are drawn for print
PLOT_HEIGHT = 220
LEFT = 70
RIGHT = 16
TOP = 44
MARGIN = 10
TEXT = "#1f2328"
MUTED = "#59636e"
MOST_VALUE_LABELS = 24  # more bars than this, and their numbers would overlap: tooltips carry them


def compact(value: float, language: str = "en") -> str:
    """4000000000 -> "4B", 861000000 -> "861M", 3140 -> "3,140": three significant digits at most."""
    for size, en, es in ((1e9, "B", " mil M"), (1e6, "M", " M")):
        if abs(value) >= size:
            number = f"{value / size:.3g}"
            return (number + en) if language != "es" else number.replace(".", ",") + es
    if abs(value) >= 10_000:
        number = f"{value / 1e3:.3g}"
        return (number + "k") if language != "es" else number.replace(".", ",") + " mil"
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return shown if language != "es" else shown.replace(",", " ").replace(".", ",")


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 × 10ⁿ) up past `top`: a step above a tallest mark that
    ends on one, so that the value written over it stays inside the chart."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [step * n for n in range(math.ceil(top / step + 1e-9) + 1)]


def _x_range(points: list[ChartPoint]) -> tuple[date, date]:
    first = min(p.start for p in points)
    last = max(p.end for p in points) + timedelta(days=1)
    pad = max(timedelta(days=15), (last - first) / 25)
    return first - pad, last + pad


def _ticks(start: date, end: date, px_per_day: float) -> list[Tick]:
    """Months when a month has room for its name, else every year or every 2, 5 or 10 years."""
    if px_per_day * 30 >= 45:
        return ticks(start, end, px_per_day)
    step = next((n for n in (1, 2, 5, 10, 20, 50) if n * 365 * px_per_day >= 40), 100)
    first = start.year + (-start.year % step)
    return [Tick(date(year, 1, 1), str(year), True) for year in range(first, end.year + 1, step)]


def _point_title(p: ChartPoint, series_title: str, unit: str, language: str) -> str:
    period = " – ".join(date_label(part, language) for part in p.date.split("–"))
    about = "≈ " if p.approximate else ""
    return f"{series_title}\n{p.label}\n{about}{p.value:,g} {unit} ({period}) [{p.source}]"


def figure_chart_svg(chart: FigureChart, *, language: str = "en", width: int = WIDTH) -> str:
    """A standalone SVG document of the chart; every text escaped, every mark with a tooltip."""
    points = chart.points
    plot_left, plot_right = LEFT, width - RIGHT
    baseline = TOP + PLOT_HEIGHT
    low = min(0.0, min((p.value for p in points), default=0.0))
    levels = nice_ticks(max((p.value for p in points), default=1.0) - low)
    levels = [low + v for v in levels] if low < 0 else levels
    top_value = levels[-1] if levels[-1] > low else low + 1

    def y(value: float) -> float:
        return baseline - (value - low) / (top_value - low) * PLOT_HEIGHT

    zero = y(0.0)
    start, end = _x_range(points) if points else (date.today() - timedelta(days=365), date.today())
    scale = Scale.fit(start, end, plot_right - plot_left, plot_left)
    title = text(language, "chart_title", unit=chart.unit)
    out = [
        "",  # the opening tag, once the height is known
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(text(language, 'chart_caption', unit=chart.unit))}</desc>",
        "",  # the background
        f'<text x="{MARGIN}" y="18" font-size="13" font-weight="bold" fill="{TEXT}">{escape(title)}</text>',
    ]
    # The y axis: the unit, and a line for each level.
    out.append(f'<text class="unit" x="{MARGIN}" y="{TOP - 10}" fill="{MUTED}">{escape(chart.unit)}</text>')
    for level in levels:
        ly = y(level)
        out.append(
            f'<line x1="{plot_left}" y1="{ly:.1f}" x2="{plot_right}" y2="{ly:.1f}" '
            f'stroke="{"#8c959f" if level == 0 else "#eaeef2"}" stroke-width="1"/>'
            f'<text class="level" x="{plot_left - 6}" y="{ly + 4:.1f}" text-anchor="end" fill="{MUTED}">'
            f"{escape(compact(level, language))}</text>"
        )
    for tick in _ticks(start, end, scale.px_per_day):
        tx = scale.x(tick.when)
        if plot_left <= tx <= plot_right - 24:
            out.append(
                f'<line x1="{tx:.1f}" y1="{baseline}" x2="{tx:.1f}" y2="{baseline + 5}" stroke="#8c959f"/>'
                f'<text class="tick" x="{tx + 2:.1f}" y="{baseline + 17}" fill="{MUTED}">'
                f"{escape(_month_names(tick.label, language))}</text>"
            )
    label_values = len(points) <= MOST_VALUE_LABELS
    placed: list[tuple[float, float, float]] = []  # value labels drawn: (left, right, baseline)

    def value_label(centre: float, top: float, words: str) -> str:
        """The value over its mark, raised past labels already there; none if it cannot be placed."""
        half = len(words) * 10 * 0.62 / 2 + 2
        for raise_by in (0.0, 12.0, 24.0):
            ly = top - 6 - raise_by
            if ly < TOP - 2:
                break
            if all(
                right < centre - half or left > centre + half or abs(ly - b) >= 12
                for left, right, b in placed
            ):
                placed.append((centre - half, centre + half, ly))
                return (
                    f'<text class="value" x="{centre:.1f}" y="{ly:.1f}" text-anchor="middle" font-size="10" '
                    f'fill="{TEXT}">{escape(words)}</text>'
                )
        return ""

    # Figures covering the very same period share its width side by side; a longer period is drawn
    # first, so that a shorter one inside it stays in view.
    same_period: dict[tuple[date, date], list[str]] = {}
    for p in points:
        if p.is_period:
            same_period.setdefault((p.start, p.end), []).append(p.figure_id)
    colour_of = {p.figure_id: COLOURS[n % len(COLOURS)] for n, s in enumerate(chart.series) for p in s.points}
    drawn = sorted(
        ((n, p) for n, s in enumerate(chart.series) for p in s.points),
        key=lambda np: -(np[1].end - np[1].start),
    )
    marks: dict[int, list[str]] = {n: [] for n in range(len(chart.series))}
    labels: list[str] = []
    for n, p in drawn:
        series = chart.series[n]
        colour = colour_of[p.figure_id]
        tooltip = escape(_point_title(p, series.title, chart.unit, language))
        dash = ' stroke-dasharray="4 2"' if p.approximate else ""
        common = (
            f'data-figure-id="{escape(p.figure_id)}" data-start="{p.start.isoformat()}" '
            f'data-end="{p.end.isoformat()}" data-value="{p.value:g}"'
        )
        top = y(p.value)
        if p.is_period:
            x1, x2 = scale.x(p.start), scale.x(p.end + timedelta(days=1))
            sharing = same_period[(p.start, p.end)]
            if len(sharing) > 1:
                slot = (x2 - x1) / len(sharing)
                x1 += slot * sharing.index(p.figure_id)
                x2 = x1 + slot
            if x2 - x1 < 3:  # a short bar far zoomed out stays visible, centred on its period
                middle = (x1 + x2) / 2
                x1, x2 = middle - 1.5, middle + 1.5
            marks[n].append(
                f'<rect class="bar" {common} x="{x1:.2f}" y="{min(top, zero):.2f}" width="{x2 - x1:.2f}" '
                f'height="{abs(zero - top):.2f}" fill="{colour}" fill-opacity="{0.25 if p.approximate else 0.55}" '
                f'stroke="{colour}" stroke-width="1.2"{dash}><title>{tooltip}</title></rect>'
            )
            centre = (x1 + x2) / 2
        else:
            centre = scale.x(p.start) + scale.px_per_day / 2
            marks[n].append(
                f'<line x1="{centre:.2f}" y1="{zero:.1f}" x2="{centre:.2f}" y2="{top:.2f}" stroke="{colour}" '
                f'stroke-width="1"{dash}/>'
                f'<circle class="dot" {common} cx="{centre:.2f}" cy="{top:.2f}" r="4" '
                f'fill="{"#ffffff" if p.approximate else colour}" stroke="{colour}" stroke-width="1.5">'
                f"<title>{tooltip}</title></circle>"
            )
        if label_values:
            about = "≈" if p.approximate else ""
            labels.append(value_label(centre, top, f"{about}{compact(p.value, language)} [{p.source}]"))
    for n, series in enumerate(chart.series):
        colour = COLOURS[n % len(COLOURS)]
        out.append(f'<g class="series" data-slug="{escape(series.slug)}">')
        for previous, p in zip(series.points, series.points[1:], strict=False):
            if not (previous.is_period and p.is_period):
                continue
            gap_start, gap_end = previous.end + timedelta(days=1), p.start
            if gap_end > gap_start:
                no_figure = text(
                    language,
                    "chart_no_figure",
                    start=date_label(gap_start.isoformat(), language),
                    end=date_label((gap_end - timedelta(days=1)).isoformat(), language),
                )
                out.append(
                    f'<line class="gap" x1="{scale.x(gap_start):.2f}" y1="{zero + 3:.1f}" '
                    f'x2="{scale.x(gap_end):.2f}" y2="{zero + 3:.1f}" stroke="{colour}" stroke-width="2" '
                    f'stroke-dasharray="1 3"><title>{escape(no_figure)}</title></line>'
                )
        out += marks[n]
        out.append("</g>")
    out += [label for label in labels if label]
    # Legend: a swatch and the policy of each series, then what the marks mean.
    line_y = float(baseline + 36)
    out.append('<g class="legend">')
    for n, series in enumerate(chart.series):
        colour = COLOURS[n % len(COLOURS)]
        lines = wrap_label(series.title, width - 2 * MARGIN - 20)
        out.append(
            f'<rect x="{MARGIN}" y="{line_y - 9}" width="12" height="10" fill="{colour}" fill-opacity="0.55" '
            f'stroke="{colour}"/>'
        )
        for line in lines:
            out.append(f'<text x="{MARGIN + 18}" y="{line_y:.1f}" fill="{TEXT}">{escape(line)}</text>')
            line_y += LINE_PX
        line_y += 3
    key = " · ".join(
        text(language, k)
        for k in ("chart_key_bar", "chart_key_dot", "chart_key_approximate", "chart_key_gap")
    )
    for line in wrap_label(key, width - 2 * MARGIN, 10):
        out.append(f'<text x="{MARGIN}" y="{line_y:.1f}" font-size="10" fill="{MUTED}">{escape(line)}</text>')
        line_y += LINE_PX
    out.append("</g>")
    # Sources, numbered as the values cite them.
    line_y += 6
    out.append('<g class="sources">')
    out.append(
        f'<text x="{MARGIN}" y="{line_y:.1f}" font-weight="bold" fill="{TEXT}">{escape(text(language, "sources"))}</text>'
    )
    line_y += LINE_PX + 2
    for source in chart.sources:
        parts = [source.title, source.publisher, date_label(source.published, language), source.url]
        entry = f"[{source.number}] " + ". ".join(part for part in parts if part)
        for line in wrap_label(entry, width - 2 * MARGIN, 10):
            out.append(
                f'<text x="{MARGIN}" y="{line_y:.1f}" font-size="10" fill="{TEXT}">{escape(line)}</text>'
            )
            line_y += LINE_PX
    out.append("</g>")
    height = line_y + MARGIN
    out[0] = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0f}" '
        f'viewBox="0 0 {width} {height:.0f}" font-family="DejaVu Sans, Arial, sans-serif" '
        f'font-size="{FONT_PX}" role="img">'
    )
    out[3] = f'<rect x="0" y="0" width="{width}" height="{height:.0f}" fill="#ffffff"/>'
    out.append("</svg>")
    return "\n".join(out) + "\n"
