"""Figures over time as SVG: periods as bars as wide as they are, gaps shown, legend, unit, sources."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.data.details import FigureRow, SourceRow
from app.export.figure_chart import compact, figure_chart_svg, nice_ticks
from app.services.figures import build_chart

SVG = "{http://www.w3.org/2000/svg}"


def figure(
    fid: str,
    when: str,
    value: float,
    *,
    end: str | None = None,
    approximate: bool = False,
    label: str = "Encounters",
) -> FigureRow:
    return FigureRow(fid, label, value, "encounters per month", when, "x", end, approximate, "s1", "", "")


SOURCE = SourceRow(
    "s1", "Monthly report", "CBP", [], "2024-05", "month", "https://example.org/r", "government", "en", "", ""
)


def _chart() -> ET.Element:
    chart = build_chart(
        "Encounters per month",
        [
            ("alpha", "Alpha <policy> & co", [figure("jan", "2024-01", 100), figure("feb", "2024-02", 120)]),
            (
                "beta",
                "Beta",
                [
                    figure("apr", "2024-04", 90, approximate=True),  # March missing: a gap
                    figure("day", "2024-05-15", 40),
                    figure("other", "2024-05", 1, end=None),
                ],
            ),
        ],
        [SOURCE],
    )
    return ET.fromstring(figure_chart_svg(chart))


def test_a_monthly_figure_is_a_bar_over_its_whole_month() -> None:
    root = _chart()
    bars = {b.get("data-figure-id"): b for b in root.iter(f"{SVG}rect") if b.get("class") == "bar"}
    jan, feb = bars["jan"], bars["feb"]
    assert (jan.get("data-start"), jan.get("data-end")) == ("2024-01-01", "2024-01-31")
    jan_x, jan_w = float(jan.get("x", 0)), float(jan.get("width", 0))
    feb_x, feb_w = float(feb.get("x", 0)), float(feb.get("width", 0))
    assert abs(jan_x + jan_w - feb_x) < 0.05  # January ends where February begins
    assert abs(jan_w / 31 - feb_w / 29) < 0.01  # widths in proportion to the days covered
    assert float(feb.get("height", 0)) > float(jan.get("height", 0))  # 120 over 100
    assert bars["apr"].get("stroke-dasharray")  # approximate: dashed


def test_a_figure_for_one_day_is_a_dot_and_gaps_are_shown() -> None:
    root = _chart()
    dots = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "dot"]
    assert [d.get("data-figure-id") for d in dots] == ["day"]
    beta = next(g for g in root.iter(f"{SVG}g") if g.get("data-slug") == "beta")
    alpha = next(g for g in root.iter(f"{SVG}g") if g.get("data-slug") == "alpha")
    assert [line.get("class") for line in alpha.iter(f"{SVG}line") if line.get("class") == "gap"] == []
    gaps = [line for line in beta.iter(f"{SVG}line") if line.get("class") == "gap"]
    assert gaps == []  # beta's first figure is April; nothing before it to leave a gap after
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Alpha <policy> & co" in text and "Beta" in text  # the legend, escaped in the file
    assert "Encounters per month" in text  # the unit
    assert "[1] Monthly report. CBP. May 2024. https://example.org/r" in text
    assert "≈90 [1]" in text and "120 [1]" in text


def test_a_month_without_a_figure_between_two_is_a_dotted_gap() -> None:
    chart = build_chart(
        "encounters per month",
        [("alpha", "Alpha", [figure("jan", "2024-01", 100), figure("mar", "2024-03", 80)])],
        [SOURCE],
    )
    root = ET.fromstring(figure_chart_svg(chart))
    gaps = [line for line in root.iter(f"{SVG}line") if line.get("class") == "gap"]
    assert len(gaps) == 1
    assert gaps[0].findtext(f"{SVG}title") == "No figure from 1 Feb 2024 to 29 Feb 2024"


def _closures() -> tuple[str, str, list[FigureRow]]:
    return (
        "closures",
        "Closures",
        [
            figure("ped", "2023-10", 184, label="Northbound pedestrians at Lukeville"),
            figure("veh", "2023-10", 3140, label="Northbound travelers in vehicles at Lukeville"),
            figure("ped2", "2023-11", 150, label="northbound  pedestrians at Lukeville"),
        ],
    )


def test_different_things_counted_in_one_unit_are_series_of_their_own_named_in_the_legend() -> None:
    chart = build_chart(
        "encounters per month", [_closures(), ("alpha", "Alpha", [figure("jan", "2024-01", 100)])], [SOURCE]
    )
    assert [(s.title, [p.figure_id for p in s.points]) for s in chart.series] == [
        ("Closures: Northbound pedestrians at Lukeville", ["ped", "ped2"]),  # the same words: one series
        ("Closures: Northbound travelers in vehicles at Lukeville", ["veh"]),
        ("Alpha", ["jan"]),  # one thing counted: the policy's title alone
    ]
    root = ET.fromstring(figure_chart_svg(chart))
    legend = " ".join(
        t.text or "" for g in root.iter(f"{SVG}g") if g.get("class") == "legend" for t in g.iter(f"{SVG}text")
    )
    assert "Northbound travelers in vehicles" in legend and "Northbound pedestrians" in legend


def test_figures_in_another_unit_are_left_out() -> None:
    other = FigureRow("x", "Dollars", 5.0, "US dollars", "2024-01", "month", None, False, "s1", "", "")
    chart = build_chart("encounters per month", [("a", "A", [figure("jan", "2024-01", 1), other])], [SOURCE])
    assert [p.figure_id for p in chart.points] == ["jan"]


def test_numbers_read_shortly() -> None:
    assert [compact(v) for v in (4e9, 861e6, 3140, 10000, 184, 2.5)] == [
        "4B",
        "861M",
        "3,140",
        "10k",
        "184",
        "2.5",
    ]
    assert compact(1.5e9, "es") == "1,5 mil M"
    assert nice_ticks(9000) == [0, 2000, 4000, 6000, 8000, 10000]
    assert nice_ticks(10000) == [0, 2000, 4000, 6000, 8000, 10000, 12000]  # room for the label
    assert nice_ticks(4e9)[-1] >= 4e9


def test_a_dossier_charts_a_policy_s_figures_numbered_as_its_sources(workspace: object) -> None:
    from app.export.briefing import build_briefing
    from app.services.workspace import Workspace

    assert isinstance(workspace, Workspace)
    pid = workspace.store.policy_id_for_slug("border-crossing-closures-2023")
    assert pid is not None
    dossier = build_briefing(workspace, [pid]).policies[0]
    assert [unit for unit, _ in dossier.figure_charts] == ["people per day"]
    root = ET.fromstring(dossier.figure_charts[0][1])
    words = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    numbers = {c.title: c.number for c in dossier.citations}
    # The chart cites the Associated Press report by the number the dossier's list gives it.
    ap = next(t for t in numbers if t.startswith("US border officials are closing a remote Arizona crossing"))
    assert f"3,140 [{numbers[ap]}]" in words
    assert build_briefing(workspace, [pid], length="brief").policies[0].figure_charts == []
