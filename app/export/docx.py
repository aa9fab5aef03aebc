"""The briefing as a Word document (python-docx): real headings, a table-of-contents field,
numbered sources with clickable links, tables that fit the page, page numbers in the footer."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Length, Pt, RGBColor

from app.export.briefing import Briefing, Citation, PolicySummary
from app.export.citations import citation_runs
from app.export.docx_markdown import add_markdown
from app.export.docx_parts import (
    add_bookmark,
    add_field,
    add_hyperlink,
    add_internal_link,
    keep_rows_whole,
    repeat_header_row,
    set_column_widths,
    set_language,
    update_fields_on_open,
)
from app.export.labels import section, text

MUTED = RGBColor(0x59, 0x63, 0x6E)
PAGE_SIZES = {"A4": (Cm(21.0), Cm(29.7)), "Letter": (Emu(7772400), Emu(10058400))}  # 8.5 × 11 in
MARGIN = Cm(2.0)
Rasterize = Callable[[str], bytes]


def _text_width(document: DocumentObject) -> Length:
    section = document.sections[0]
    return Emu(section.page_width - section.left_margin - section.right_margin)


def _muted(paragraph_run_owner: object, text: str, *, italic: bool = False) -> None:
    run = paragraph_run_owner.add_run(text)  # type: ignore[attr-defined]
    run.font.color.rgb = MUTED
    run.italic = italic or None


def _facts(document: DocumentObject, p: PolicySummary, language: str) -> None:
    since = f" {text(language, 'since_date', date=p.since)}" if p.since else ""
    facts = [
        (text(language, "current_status"), p.status + since),
        (text(language, "jurisdiction"), p.jurisdiction),
        (text(language, "kind"), p.kind),
    ]
    if p.last_verified:
        facts.insert(1, (text(language, "last_verified"), p.last_verified))
    if p.legal_basis:
        facts.append((text(language, "legal_basis"), p.legal_basis))
    if p.agencies:
        facts.append((text(language, "agencies"), "; ".join(p.agencies)))
    table = document.add_table(rows=0, cols=2)
    table.style = "Light List Accent 1"
    for label, value in facts:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    label_width = Cm(3.2)
    set_column_widths(table, [label_width, Emu(_text_width(document) - label_width)])


def _picture(document: DocumentObject, svg: str, rasterize: Rasterize | None, caption: str) -> None:
    if not svg or rasterize is None:
        return
    # The text width, not a fixed size: on Letter or A4 the picture stays inside the margins.
    document.add_picture(io.BytesIO(rasterize(svg)), width=_text_width(document))
    document.paragraphs[-1].paragraph_format.keep_with_next = True  # never a caption alone atop a page
    _muted(document.add_paragraph(), caption, italic=True)


def _source_bookmark(p: PolicySummary, number: int) -> str:
    # Word keeps bookmark names to 40 characters, and a slug can be longer: its checksum instead.
    return f"src_{zlib.crc32(p.slug.encode('utf-8')):08x}_{number}"


def _status_table(document: DocumentObject, p: PolicySummary, language: str) -> None:
    table = document.add_table(rows=1, cols=4)
    table.style = "Light Grid Accent 1"
    headers = [text(language, key) for key in ("date", "status", "what_happened", "sources")]
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
    for entry in p.timeline:
        cells = table.add_row().cells
        cells[0].text = entry.date
        cells[1].text = entry.status
        if entry.confidence_label:
            _muted(cells[1].add_paragraph(), entry.confidence_label, italic=True)
        cells[2].text = entry.description
        if entry.disagreement:
            _muted(
                cells[2].add_paragraph(),
                f"{text(language, 'where_sources_disagree')}: {entry.disagreement}",
                italic=True,
            )
        if entry.quote:
            quote = cells[2].add_paragraph()
            quote.paragraph_format.space_before = Pt(3)
            _muted(quote, f"“{entry.quote}” [{entry.quote_source}]", italic=True)
        sources = cells[3].paragraphs[0]
        for index, number in enumerate(entry.citations):
            if index:
                sources.add_run(" ")
            add_internal_link(sources, f"[{number}]", _source_bookmark(p, number))
    # Weighted: the date, status and source numbers are short; what happened takes the rest.
    narrow = [Cm(2.3), Cm(2.6), Cm(2.2)]
    wide = Emu(_text_width(document) - sum(narrow))
    set_column_widths(table, [narrow[0], narrow[1], wide, narrow[2]])
    repeat_header_row(table)
    keep_rows_whole(table)


def _citation(document: DocumentObject, p: PolicySummary, c: Citation, language: str) -> None:
    """One source: "[n]" then the citation, hanging, with its address a real link."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(1.0)
    paragraph.paragraph_format.first_line_indent = Cm(-1.0)
    paragraph.paragraph_format.space_after = Pt(3)
    add_bookmark(paragraph, _source_bookmark(p, c.number))
    paragraph.add_run(f"[{c.number}]\t")
    for run in citation_runs(c, language):
        text = run.text
        if c.url and not run.italic and text.endswith(c.url):
            paragraph.add_run(text[: -len(c.url)])
            add_hyperlink(paragraph, c.url, c.url)
        else:
            paragraph.add_run(text).italic = run.italic or None


def _policy(
    document: DocumentObject,
    p: PolicySummary,
    level: int,
    rasterize: Rasterize | None,
    language: str,
    changes: bool = False,
) -> None:
    document.add_heading(p.title, level=level)
    if p.aliases:
        aliases = "; ".join(p.aliases)
        document.add_paragraph().add_run(f"{text(language, 'also_known_as')}: {aliases}").italic = True
    _facts(document, p, language)
    document.add_heading(section(language, "summary", changes), level=level + 1)
    summary = [x for x in re.split(r"\n\s*\n", (p.changes_digest or p.summary).strip()) if x.strip()]
    for paragraph in summary or [text(language, "no_summary")]:
        document.add_paragraph(" ".join(paragraph.split()))
    document.add_heading(section(language, "status_history", changes), level=level + 1)
    _picture(document, p.picture_svg, rasterize, text(language, "picture_caption"))
    if p.timeline:
        _status_table(document, p, language)
    else:
        document.add_paragraph(text(language, "no_events"))
    if changes and p.figures:  # what a briefing of changes reports of figures
        document.add_heading(section(language, "key_figures", changes), level=level + 1)
        for f in p.figures:
            item = document.add_paragraph(style="List Bullet")
            item.add_run(f"{f.label}: ")
            item.add_run(f.value).bold = True
            _muted(item, f" ({f.date})" + (f" [{f.citation}]" if f.citation else ""))
    if p.figure_charts and rasterize is not None:
        document.add_heading(text(language, "key_figures"), level=level + 1)
        for unit, svg in p.figure_charts:
            _picture(document, svg, rasterize, text(language, "chart_caption", unit=unit))
    if p.related:
        document.add_heading(text(language, "related"), level=level + 1)
        for r in p.related:
            item = document.add_paragraph(style="List Bullet")
            item.add_run(f"{r.phrase} ")
            item.add_run(r.title).bold = True
            if r.note:
                _muted(item, f" — {r.note}")
    if p.citations:
        document.add_heading(section(language, "sources", changes), level=level + 1)
        for c in p.citations:
            _citation(document, p, c, language)
    if p.notes:
        document.add_heading(text(language, "personal_notes"), level=level + 1)
        _muted(document.add_paragraph(), text(language, "notes_aside"), italic=True)
        for note in p.notes:
            meta = " · ".join(
                [text(language, "updated", date=note.updated)]
                + ([text(language, "pinned")] if note.pinned else [])
                + [f"#{t}" for t in note.tags]
            )
            _muted(document.add_paragraph(), meta)
            if note.quote:
                document.add_paragraph(f"“{note.quote}”", style="Quote")
            add_markdown(document, note.body)


def _contents(document: DocumentObject, briefing: Briefing) -> None:
    """A real table-of-contents field. Until Word fills in the page numbers (it is asked to
    update fields on opening), it shows the policy titles."""
    document.add_heading(briefing.label("contents"), level=1)
    paragraph = document.add_paragraph()
    shown = add_field(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
    shown.text = ""
    for index, policy in enumerate(briefing.policies):
        if index:
            shown.add_break()
        shown.add_text(f"{policy.title} — {policy.status}")


def _page_setup(document: DocumentObject, page_size: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_SIZES.get(page_size, PAGE_SIZES["A4"])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def _footer(document: DocumentObject, briefing: Briefing) -> None:
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _muted(footer, briefing.footer)
    numbers = document.sections[0].footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = briefing.label("page_of", page="\0", pages="\1").partition("\0")
    between, _, after = rest.partition("\1")
    numbers.add_run(before)
    add_field(numbers, "PAGE", "1")
    numbers.add_run(between)
    add_field(numbers, "NUMPAGES", "1")
    if after:
        numbers.add_run(after)


def _properties(document: DocumentObject, briefing: Briefing, language: str) -> None:
    """Not python-docx's template values (created 2013 by "python-docx")."""
    now = datetime.now(UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = briefing.title
    properties.author = getattr(briefing, "author", "") or ""
    properties.last_modified_by = properties.author
    properties.comments = ""
    properties.subject = briefing.kind_label
    properties.keywords = ""
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = language
    set_language(document.styles.element, language)


def briefing_docx(briefing: Briefing, rasterize: Rasterize | None = None, page_size: str = "A4") -> bytes:
    """The Word file; with `rasterize` (SVG to PNG) the timelines are included as pictures."""
    document = Document()
    language = getattr(briefing, "language", "") or "en"
    _page_setup(document, page_size)
    _properties(document, briefing, "es-ES" if language == "es" else "en-US")
    document.styles["Normal"].font.size = Pt(10.5)
    update_fields_on_open(document.settings.element)
    if len(briefing.policies) == 1:
        _policy(document, briefing.policies[0], 1, rasterize, language, briefing.is_changes)
    else:
        document.add_heading(briefing.title, level=0)
        _contents(document, briefing)
        _picture(document, briefing.overview_svg, rasterize, "Every policy in this briefing over time.")
        for policy in briefing.policies:
            document.add_page_break()
            _policy(document, policy, 1, rasterize, language, briefing.is_changes)
    _footer(document, briefing)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()
