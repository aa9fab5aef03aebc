"""The exported timeline: valid SVG that names the policies and the years, markers at their dates."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.domain.timeline import sort_lanes
from app.export.timeline_svg import Layout, timeline_scale, timeline_svg
from app.services.policies import policy_ids_in_scope
from app.services.timeline import timeline
from app.services.workspace import Workspace

SVG = "{http://www.w3.org/2000/svg}"


def test_starter_timeline_svg_names_policies_years_and_places_markers(workspace: Workspace) -> None:
    today = date(2026, 11, 23)
    lanes, connectors = timeline(workspace, policy_ids_in_scope(workspace), today)
    lanes = sort_lanes(lanes, "start")
    root = ET.fromstring(timeline_svg(lanes, connectors, today))
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    labels = [" ".join(s.text or "" for s in t.iter(f"{SVG}tspan")) for t in root.iter(f"{SVG}text")]
    for lane in lanes:  # whole, wrapped over lines rather than cut
        assert " ".join(lane.title.split()) in labels
    assert {"2010", "2015", "2020", "2025"} <= set(texts) and "Today" in texts
    scale = timeline_scale(lanes, Layout(), today)
    markers = [m for m in root.iter() if m.get("class") == "marker"]
    assert len(markers) == sum(len(lane.markers) for lane in lanes)
    title_42 = next(lane for lane in lanes if lane.slug == "title-42")
    end = next(m for m in title_42.markers if m.date_label == "11 May 2023")
    drawn = next(m for m in markers if m.get("data-event-id") == end.event_id)
    assert float(drawn.get("cx", "0")) == pytest.approx(scale.x(date(2023, 5, 11)), abs=0.01)
    tooltip = drawn.find(f"{SVG}title")
    assert tooltip is not None and tooltip.text and tooltip.text.startswith("11 May 2023 — Expired")
    month_markers = [m for m in markers if m.get("data-precision") == "month"]
    assert month_markers and all(m.tag == f"{SVG}rect" for m in month_markers)
    assert any(c.get("data-kind") == "supersedes" for c in root.iter() if c.get("class") == "connector")


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_timeline_command(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"t.{suffix}"
    assert (
        main(["timeline", "--status", "Expired", "-o", str(target), "--workspace", str(workspace_path)]) == 0
    )
    assert "Drew 2 policies" in capsys.readouterr().out
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == "png" else b"Title 42 expulsions" in data


def test_timeline_command_refuses_other_extensions(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    assert main(["timeline", "-o", str(tmp_path / "t.gif"), "--workspace", str(workspace_path)]) == 1
    assert "name it .svg or .png" in capsys.readouterr().err


def test_summaries_include_the_timeline_picture(workspace: Workspace, tmp_path: Path) -> None:
    import docx
    from pypdf import PdfReader

    from app.export.pdf import write_pdf
    from app.export.raster import svg_to_png
    from app.export.run import ExportRequest, run_export

    ids = policy_ids_in_scope(workspace)[:3]
    for fmt in ("html", "pdf", "docx"):
        run_export(
            workspace,
            ExportRequest(fmt, ids, tmp_path / f"b.{fmt}"),
            pdf_writer=write_pdf,
            rasterize=svg_to_png,
        )
    page = (tmp_path / "b.html").read_text()
    assert page.count("<svg") == 4  # the overview and one per policy
    assert len(docx.Document(str(tmp_path / "b.docx")).inline_shapes) == 4
    # In the PDF the pictures stay vector drawings, tagged as figures with their titles as alt text.
    alts: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt")))
            if node.get("/K") is not None:
                walk(node["/K"])
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(PdfReader(tmp_path / "b.pdf").trailer["/Root"]["/StructTreeRoot"])
    assert len(alts) == 4 and alts[0] == "Timeline of these policies"
    assert all(alt.startswith("Status history: ") for alt in alts[1:])


def test_printed_timelines_have_a_legend_today_inside_and_whole_titles(workspace: Workspace) -> None:
    """Issue 18: no legend, "Today" cut off above the frame, 5-pt labels, titles cut at 36 letters."""
    from app.export.timeline_svg import PRINT, PRINT_WIDTH

    today = date(2026, 11, 23)
    lanes, connectors = timeline(workspace, policy_ids_in_scope(workspace), today)
    root = ET.fromstring(timeline_svg(sort_lanes(lanes, "start"), connectors, today, PRINT, language="es"))
    width, height = float(root.get("width", "0")), float(root.get("height", "0"))
    assert width == PRINT_WIDTH
    # Printed at the text width of A4 (174 mm of 210, 493 pt), the 11-px text is 7 pt or more.
    assert 11 * 493 / width >= 7
    today_label = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "today-label")
    assert today_label.text == "Hoy"
    x, y = float(today_label.get("x", "0")), float(today_label.get("y", "0"))
    assert 11 <= y <= height and 0 <= x <= width
    if today_label.get("text-anchor") != "end":
        assert x + 4 * 7 <= width
    legend = [
        t.text for g in root.iter(f"{SVG}g") if g.get("class") == "legend" for t in g.iter(f"{SVG}text")
    ]
    drawn = {span.status for lane in lanes for span in lane.spans}
    assert len(legend) >= len(drawn) and "En vigor" in legend and "Expirada" in legend
    for element in root.iter(f"{SVG}tspan"):  # every wrapped line inside the picture
        assert 0 <= float(element.get("y", "0")) <= height
