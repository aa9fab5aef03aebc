"""Every format read back by an independent reader: the facts are there, hostile strings inert."""

from __future__ import annotations

import csv
import html.parser
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from app.export.briefing import ExportCancelled
from app.export.run import ExportRequest, events_path, run_export
from app.services.policies import all_policy_rows, policy_detail
from app.services.workspace import Workspace
from tests.export.conftest import HOSTILE_TEXT


def _all(workspace: Workspace) -> list[str]:
    return [r.id for r in all_policy_rows(workspace)]


def _export(workspace: Workspace, fmt: str, target: Path, notes: bool = True) -> list[Path]:
    pdf_writer = None
    if fmt == "pdf":
        from app.export.pdf import write_pdf as pdf_writer
    return run_export(workspace, ExportRequest(fmt, _all(workspace), target, notes), pdf_writer=pdf_writer)


def _titles(workspace: Workspace) -> list[str]:
    return [r.title for r in all_policy_rows(workspace) if r.slug != "hostile"]


def test_markdown_is_commonmark_with_every_policy_and_no_markup_from_user_strings(
    hostile_workspace: Workspace, tmp_path: Path
) -> None:
    (target,) = _export(hostile_workspace, "md", tmp_path / "b.md")
    text = target.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(text)  # raw HTML on: anything HTML-like would show up
    assert not [t for t in tokens if t.type.startswith("html")]
    inline = [t for t in tokens if t.type == "inline"]
    assert not [c for t in inline for c in (t.children or []) if c.type.startswith("html")]
    headings = [
        "".join(c.content for c in tokens[i + 1].children or [] if c.type == "text")
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    for title in _titles(hostile_workspace):
        assert title in headings, title
    hostile_heading = next(h for h in headings if "RTL-override" in h)
    assert hostile_heading.startswith('<script>alert("t")</script> **bold** [x](javascript:alert(1))')
    links = [c.attrs.get("href") for t in inline for c in (t.children or []) if c.type == "link_open"]
    assert all(str(href).startswith(("http", "#", "mailto")) for href in links)
    assert (
        "Personal notes" in text and "Made with Policy Tracker" in text and "🚀" in text and "עברית" in text
    )
    assert "\x07" not in text and "\x00" not in text


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_no_user_string_becomes_markup(
    hostile_workspace: Workspace, tmp_path: Path
) -> None:
    (target,) = _export(hostile_workspace, "html", tmp_path / "b.html")
    page = target.read_text(encoding="utf-8")
    collector = _Collector()
    collector.feed(page)
    collector.close()
    assert "script" not in collector.tags and "img" not in collector.tags and "b" not in collector.tags
    assert not [v for k, v in collector.attrs if k.startswith("on")]
    assert not [
        v for k, v in collector.attrs if k in ("href", "src") and v and v.lower().startswith("javascript")
    ]
    assert not [v for k, v in collector.attrs if k in ("src",) or (k == "rel" and v == "stylesheet")]
    text = " ".join(collector.text)
    for title in _titles(hostile_workspace):
        assert title in text
    assert "<script>alert" in text and "<img src=x" in text  # shown as text
    assert "Contents" in text and "Personal notes" in text


def test_pdf_has_the_facts_page_numbers_and_bookmarks(hostile_workspace: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    (target,) = _export(hostile_workspace, "pdf", tmp_path / "b.pdf")
    reader = PdfReader(target)
    # pypdf reads a font whose map holds a surrogate pair (the hostile title's emoji) as UTF-16,
    # putting a NUL before each letter; poppler reads the same file right.
    text = " ".join(
        " ".join((page.extract_text() or "").replace("\x00", "").split()) for page in reader.pages
    )
    assert len(reader.pages) >= len(_titles(hostile_workspace))
    for title in ("Mérida Initiative", "Title 42 expulsions", "Remain in Mexico (MPP)"):
        assert title in text
    assert f"Page 1 of {len(reader.pages)}" in text

    def flatten(items: list) -> list[str]:  # type: ignore[type-arg]
        out = []
        for item in items:
            out += flatten(item) if isinstance(item, list) else [item.title]
        return out

    bookmarks = flatten(reader.outline)
    for title in _titles(hostile_workspace):
        assert title in bookmarks, title
    assert "Status history" in bookmarks


def test_pdf_page_size_follows_the_choice(workspace: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from app.export.pdf import write_pdf

    ids = _all(workspace)[:1]
    for size, (width, height) in (("A4", (595, 842)), ("Letter", (612, 792))):
        target = tmp_path / f"{size}.pdf"
        run_export(workspace, ExportRequest("pdf", ids, target, page_size=size), pdf_writer=write_pdf)
        box = PdfReader(target).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (width, height)


def test_docx_has_real_headings_lists_and_tables(hostile_workspace: Workspace, tmp_path: Path) -> None:
    import docx

    (target,) = _export(hostile_workspace, "docx", tmp_path / "b.docx")
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for title in _titles(hostile_workspace):
        assert title in headings
    assert "Status history" in headings
    assert len(document.tables) >= 2 * len(_titles(hostile_workspace))
    assert any(p.text.startswith("[1]\t") for p in document.paragraphs)  # the sources, numbered
    assert "Made with Policy Tracker" in document.sections[0].footer.paragraphs[0].text
    all_text = " ".join(p.text for p in document.paragraphs)
    assert "<script>alert" in all_text and "🚀" in all_text


def test_csv_tables_hold_every_policy_and_event(hostile_workspace: Workspace, tmp_path: Path) -> None:
    policies_file, events_file, _notes_file = _export(hostile_workspace, "csv", tmp_path / "b.csv")
    assert events_file == events_path(policies_file)
    with policies_file.open(encoding="utf-8-sig", newline="") as stream:
        policies = list(csv.DictReader(stream))
    with events_file.open(encoding="utf-8-sig", newline="") as stream:
        events = list(csv.DictReader(stream))
    ids = _all(hostile_workspace)
    assert len(policies) == len(ids)
    details = [policy_detail(hostile_workspace, i) for i in ids]
    assert len(events) == sum(len(d.events) for d in details if d)
    title_42 = next(p for p in policies if p["slug"] == "title-42")
    assert title_42["current_status"] == "Expired" and title_42["status_since"] == "2023-05-11"
    hostile = next(p for p in policies if p["slug"] == "hostile")
    assert hostile["summary"].startswith("<img") and "\x00" not in hostile["summary"]
    hostile_event = next(e for e in events if e["policy_slug"] == "hostile")
    assert hostile_event["date"] == "2024-02" and hostile_event["date_precision"] == "month"
    formula_cells = [v for row in policies + events for v in row.values() if v and v[0] in "=+-@"]
    assert formula_cells == []  # a spreadsheet would run them as formulas


def test_json_is_the_bundle(hostile_workspace: Workspace, tmp_path: Path) -> None:
    (target,) = _export(hostile_workspace, "json", tmp_path / "b.json")
    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert bundle["format_version"] == 1 and len(bundle["policies"]) == len(_all(hostile_workspace))
    hostile = next(p for p in bundle["policies"] if p["slug"] == "hostile")
    assert hostile["events"][0]["description"] == HOSTILE_TEXT  # full fidelity, even for odd text


def test_notes_are_left_out_unless_asked(workspace: Workspace, tmp_path: Path) -> None:
    from app.services import editing
    from app.services.inputs import NoteInput

    policy_id = _all(workspace)[0]
    editing.add_note(workspace, policy_id, NoteInput("PRIVATE-THOUGHT"))
    (without,) = _export(workspace, "md", tmp_path / "a.md", notes=False)
    (with_notes,) = _export(workspace, "md", tmp_path / "b.md", notes=True)
    assert "PRIVATE-THOUGHT" not in without.read_text() and "Personal notes" not in without.read_text()
    assert "PRIVATE-THOUGHT" in with_notes.read_text()


def test_a_cancelled_export_writes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "never.md"
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return done < 3

    with pytest.raises(ExportCancelled):
        run_export(workspace, ExportRequest("md", _all(workspace), target), progress=progress)
    assert calls == [1, 2, 3]
    assert [p.name for p in tmp_path.iterdir() if "never" in p.name] == []  # no file, no temporary file
