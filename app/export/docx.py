"""The briefing as a Word document with real headings, lists and tables (python-docx)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from app.export.briefing import Briefing, PolicySummary

MUTED = RGBColor(0x59, 0x63, 0x6E)


def _facts(document: Document, p: PolicySummary) -> None:
    facts = [
        ("Current status", p.status + (f" since {p.since}" if p.since else "")),
        ("Jurisdiction", p.jurisdiction),
        ("Kind", p.kind),
    ]
    if p.last_verified:
        facts.insert(1, ("Last verified", p.last_verified))
    if p.legal_basis:
        facts.append(("Legal basis", p.legal_basis))
    if p.agencies:
        facts.append(("Agencies", "; ".join(p.agencies)))
    table = document.add_table(rows=0, cols=2)
    table.style = "Light List Accent 1"
    for label, value in facts:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value


Rasterize = Callable[[str], bytes]


def _picture(document: Document, svg: str, rasterize: Rasterize | None, caption: str) -> None:
    if not svg or rasterize is None:
        return
    document.add_picture(io.BytesIO(rasterize(svg)), width=Cm(16))
    run = document.add_paragraph().add_run(caption)
    run.italic = True
    run.font.color.rgb = MUTED


def _policy(document: Document, p: PolicySummary, level: int, rasterize: Rasterize | None) -> None:
    document.add_heading(p.title, level=level)
    if p.aliases:
        aka = document.add_paragraph()
        run = aka.add_run("Also known as: " + "; ".join(p.aliases))
        run.italic = True
    _facts(document, p)
    document.add_heading("Summary", level=level + 1)
    for paragraph in [x for x in re.split(r"\n\s*\n", p.summary.strip()) if x.strip()] or ["No summary."]:
        document.add_paragraph(" ".join(paragraph.split()))
    document.add_heading("Status history", level=level + 1)
    _picture(
        document,
        p.picture_svg,
        rasterize,
        "Status over time; boxes mark events known only to the month or year.",
    )
    if p.timeline:
        table = document.add_table(rows=1, cols=4)
        table.style = "Light Grid Accent 1"
        for cell, text in zip(
            table.rows[0].cells, ("Date", "Status", "What happened", "Sources"), strict=True
        ):
            cell.text = text
        for entry in p.timeline:
            cells = table.add_row().cells
            cells[0].text = entry.date
            cells[1].text = entry.status
            if entry.confidence_label:
                run = cells[1].paragraphs[0].add_run(f"\n{entry.confidence_label}")
                run.italic = True
                run.font.color.rgb = MUTED
            cells[2].text = entry.description
            if entry.disagreement:
                run = cells[2].add_paragraph().add_run(f"Where sources disagree: {entry.disagreement}")
                run.italic = True
                run.font.color.rgb = MUTED
            cells[3].text = " ".join(f"[{n}]" for n in entry.citations)
    else:
        document.add_paragraph("No status events.")
    if p.related:
        document.add_heading("Related policies", level=level + 1)
        for r in p.related:
            document.add_paragraph(f"{r.phrase} {r.title}", style="List Bullet")
    if p.citations:
        document.add_heading("Sources", level=level + 1)
        for c in p.citations:
            parts = [x for x in (c.publisher, f"“{c.title}”", c.published) if x]
            text = f"[{c.number}] " + ", ".join(parts) + "." + (f" {c.url}" if c.url else "")
            document.add_paragraph(text, style="List Number")
    if p.notes:
        document.add_heading("Your notes (personal, not part of the record)", level=level + 1)
        for note in p.notes:
            meta = " · ".join(
                [f"updated {note.updated}"]
                + (["pinned"] if note.pinned else [])
                + [f"#{t}" for t in note.tags]
            )
            run = document.add_paragraph().add_run(meta)
            run.font.color.rgb = MUTED
            if note.quote:
                document.add_paragraph(f"“{note.quote}”", style="Quote")
            for paragraph in [x for x in re.split(r"\n\s*\n", note.body.strip()) if x.strip()]:
                document.add_paragraph(paragraph)


def briefing_docx(briefing: Briefing, rasterize: Rasterize | None = None) -> bytes:
    """The Word file; with `rasterize` (SVG to PNG) the timelines are included as pictures."""
    document = Document()
    document.core_properties.title = briefing.title
    document.core_properties.author = "Policy Tracker"
    document.styles["Normal"].font.size = Pt(10.5)
    if len(briefing.policies) == 1:
        _policy(document, briefing.policies[0], 1, rasterize)
    else:
        document.add_heading(briefing.title, level=0)
        document.add_heading("Contents", level=1)
        for policy in briefing.policies:
            document.add_paragraph(f"{policy.title} — {policy.status}", style="List Number")
        _picture(document, briefing.overview_svg, rasterize, "Every policy in this briefing over time.")
        for policy in briefing.policies:
            document.add_page_break()
            _policy(document, policy, 1, rasterize)
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = briefing.footer
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
