"""Figures over time: the figures that count the same thing, in the same unit, as a chart's series.

A measure is what a figure counts, in its unit ("people per day", "US dollars"): figures in
different units never share an axis. Each figure covers a period: its date, to the end of its
`period_end` when it has one, so a figure dated "2023-12" covers December 2023 and one dated a
single day covers that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.data.details import FigureRow, SourceRow
from app.domain.dates import PartialDate
from app.errors import InvalidInput
from app.messages import _
from app.services.workspace import Workspace


def _loose(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class ChartPoint:
    figure_id: str
    start: date  # the first day the figure covers
    end: date  # the last day it covers (= start for one day)
    value: float
    approximate: bool
    label: str  # what the source says it counts
    date: str  # as stored: the date, and the period's end after an en dash
    source: int  # the number of its source in the chart's list of sources

    @property
    def is_period(self) -> bool:
        return self.end > self.start


@dataclass(frozen=True, slots=True)
class Series:
    slug: str
    title: str
    points: tuple[ChartPoint, ...]  # by start


@dataclass(frozen=True, slots=True)
class ChartSource:
    number: int
    title: str
    publisher: str
    published: str
    url: str


@dataclass(frozen=True)
class FigureChart:
    unit: str
    series: tuple[Series, ...]
    sources: tuple[ChartSource, ...]

    @property
    def points(self) -> list[ChartPoint]:
        return [p for s in self.series for p in s.points]


@dataclass(frozen=True, slots=True)
class Measure:
    unit: str
    figures: int
    policies: int


def build_chart(
    unit: str,
    policies: Sequence[tuple[str, str, Sequence[FigureRow]]],
    sources: Sequence[SourceRow],
    numbers: dict[str, int] | None = None,
) -> FigureChart:
    """The chart of these policies' figures in `unit` (the others are left out); pure.

    Sources are numbered in the order the figures cite them, or by `numbers` (source id → number)
    when the chart sits in a briefing that has numbered them already.
    """
    by_id = {s.id: s for s in sources}
    given = numbers or {}
    numbers = {}
    # (slug, the policy's title, what the series counts or None when the policy counts one thing, points)
    found: list[tuple[str, str, str | None, list[ChartPoint]]] = []
    wanted = _loose(unit)
    for slug, title, figures in policies:
        # One series per thing counted: figures whose labels say the same (a monthly count entered
        # month by month) are one line of bars; figures that count different things in the same
        # unit (pedestrians and vehicle travellers, each "people per day") are told apart, and the
        # legend names each: by what it counts, after the policy's title when the chart has several
        # policies. A policy with one thing counted keeps its own title alone.
        measured: dict[str, list[ChartPoint]] = {}
        named: dict[str, str] = {}
        for f in figures:
            if _loose(f.unit) != wanted:
                continue
            start = PartialDate.parse(f.date)
            end = PartialDate.parse(f.period_end) if f.period_end else start
            number = numbers.setdefault(f.source_id, given.get(f.source_id, len(numbers) + 1))
            key = _loose(f.label)
            named.setdefault(key, f.label.strip())
            measured.setdefault(key, []).append(
                ChartPoint(
                    f.id,
                    start.first_day(),
                    max(end.last_day(), start.last_day()),
                    f.value,
                    f.approximate,
                    f.label,
                    f.date + (f"–{f.period_end}" if f.period_end and f.period_end != f.date else ""),
                    number,
                )
            )
        found += [(slug, title, named[key] if len(measured) > 1 else None, p) for key, p in measured.items()]
    one_policy = len({slug for slug, *_ in found}) == 1  # a dossier's chart: the title is said already
    series = [
        Series(
            slug,
            title if counts is None else counts if one_policy else f"{title}: {counts}",
            tuple(sorted(points, key=lambda p: (p.start, p.end))),
        )
        for slug, title, counts, points in found
    ]
    cited = []
    for source_id, number in numbers.items():
        s = by_id.get(source_id)
        cited.append(
            ChartSource(
                number,
                s.title if s else "(a source no longer in the workspace)",
                (s.publisher or s.issuer) if s else "",
                (s.published or "") if s else "",
                (s.url or "") if s else "",
            )
        )
    return FigureChart(unit, tuple(series), tuple(sorted(cited, key=lambda c: c.number)))


def measures_of(figures: Sequence[FigureRow]) -> list[Measure]:
    """The units these figures are in, most figures first (policies counted by the caller)."""
    counts: dict[str, tuple[str, int]] = {}
    for f in figures:
        key = _loose(f.unit)
        if key:
            shown, n = counts.get(key, (f.unit.strip(), 0))
            counts[key] = (shown, n + 1)
    return sorted((Measure(u, n, 1) for u, n in counts.values()), key=lambda m: (-m.figures, m.unit))


def _figures(
    workspace: Workspace, slugs: list[str] | None
) -> list[tuple[str, str, list[FigureRow], list[SourceRow]]]:
    from app.services.policies import policy_by_slug

    if slugs:
        details = [policy_by_slug(workspace, slug) for slug in slugs]
    else:
        details = []
        for row in workspace.store.policy_rows():
            detail = workspace.store.policy_detail(row.id)
            if detail is not None and detail.figures:
                details.append(detail)
    return [(d.slug, d.title, d.figures, d.sources) for d in details]


def measures(workspace: Workspace, slugs: list[str] | None = None) -> list[Measure]:
    """Every unit the figures of these policies (or all) are in, with how many figures and policies."""
    found: dict[str, Measure] = {}
    for _slug, _title, figures, _sources in _figures(workspace, slugs):
        for m in measures_of(figures):
            key = _loose(m.unit)
            seen = found.get(key)
            found[key] = (
                m if seen is None else Measure(seen.unit, seen.figures + m.figures, seen.policies + 1)
            )
    return sorted(found.values(), key=lambda m: (-m.figures, m.unit))


def figure_chart(workspace: Workspace, measure: str, slugs: list[str] | None = None) -> FigureChart:
    """The chart of `measure`: a unit ("people per day"), or words of the figures' labels when
    those figures are all in one unit. InvalidInput, naming the measures there are, otherwise."""
    found = _figures(workspace, slugs)
    wanted = _loose(measure)
    units = {_loose(f.unit): f.unit.strip() for _, _, figures, _ in found for f in figures}
    if wanted not in units:  # words of the labels, then, if they pick out one unit
        picked = {
            _loose(f.unit): f.unit.strip()
            for _, _, figures, _ in found
            for f in figures
            if wanted and wanted in _loose(f.label)
        }
        if len(picked) > 1:
            raise InvalidInput(
                _(
                    "“{measure}” matches figures in different units ({units}); "
                    "name one of those units as the measure"
                ).format(measure=measure, units=", ".join(sorted(picked.values())))
            )
        if not picked:
            known = ", ".join(f"“{m.unit}” ({m.figures})" for m in measures(workspace, slugs)) or _("none")
            raise InvalidInput(
                _("No figures are in “{measure}”. The measures there are: {known}").format(
                    measure=measure, known=known
                )
            )
        unit = next(iter(picked.values()))
        found = [
            (slug, title, [f for f in figures if wanted in _loose(f.label)], sources)
            for slug, title, figures, sources in found
        ]
    else:
        unit = units[wanted]
    sources = [s for _, _, _, policy_sources in found for s in policy_sources]
    return build_chart(unit, [(slug, title, figures) for slug, title, figures, _ in found], sources)
