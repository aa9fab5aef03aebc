"""Citations a reader can follow, relations once with their notes, no internal keys in prose:
checked in the files the real command writes, read back by independent readers."""

from __future__ import annotations

import html.parser
import sqlite3
from dataclasses import replace
from pathlib import Path

import docx
from markdown_it import MarkdownIt

from app.export.briefing import Citation, build_briefing
from app.export.citations import Run, citation_runs, citation_text, report_number
from app.services.policies import all_policy_rows
from app.services.workspace import Workspace
from tests.cli.helpers import cli

CRS = Citation(
    3,
    "Mérida Initiative for Mexico and Central America: Funding and Policy Issues",
    "Congressional Research Service",
    "21 Aug 2009",
    "2009-08-21",
    "https://www.everycrsreport.com/files/20090821_R40135_a3f82ef9213c579d.html",
    "Research / NGO",
    authors=("Clare Ribando Seelke", "June S. Beittel"),
    report_number="CRS Report R40135",
    kind_value="research_ngo",
)


def test_a_citation_has_authors_title_publisher_date_number_and_address() -> None:
    assert citation_text(CRS) == (
        "Clare Ribando Seelke and June S. Beittel, “Mérida Initiative for Mexico and Central America: "
        "Funding and Policy Issues,” Congressional Research Service, August 21, 2009, CRS Report R40135. "
        "https://www.everycrsreport.com/files/20090821_R40135_a3f82ef9213c579d.html"
    )
    assert report_number("Texas v. United States, No. 24-50149 (5th Cir. 2024)", "", "", "") == "No. 24-50149"
    assert report_number("Funding", CRS.url, "", "Congressional Research Service") == "CRS Report R40135"


def test_the_starter_sources_are_cited_with_their_authors_and_numbers(workspace: Workspace) -> None:
    briefing = build_briefing(workspace, [r.id for r in all_policy_rows(workspace)])
    citations = [c for p in briefing.policies for c in p.citations]
    with_authors = [c for c in citations if c.authors]
    assert with_authors and all(citation_text(c).startswith(c.authors[0]) for c in with_authors)
    assert any(c.report_number for c in citations)
    assert all(citation_text(c).endswith(c.url or "No URL recorded.") for c in citations)


def test_a_court_case_is_in_italics_and_a_source_without_address_says_so() -> None:
    case = replace(
        CRS,
        title="Biden v. Texas, 597 U.S. ___, 142 S. Ct. 2528 (2022), No. 21-954",
        publisher="Supreme Court of the United States",
        published_iso="2022-06-30",
        url="",
        authors=(),
        report_number="No. 21-954",
        kind_value="court",
    )
    runs = citation_runs(case)
    assert runs[0] == Run("Biden v. Texas", italic=True) and not any(r.italic for r in runs[1:])
    assert citation_text(case) == (
        "Biden v. Texas, 597 U.S. ___, 142 S. Ct. 2528 (2022), No. 21-954, "
        "Supreme Court of the United States, June 30, 2022. No URL recorded."
    )  # a case is cited by its name, not quoted like an article, and its number is not repeated


def test_the_word_and_markdown_files_show_case_names_in_italics(tmp_path: Path, workspace_path: Path) -> None:
    ws = str(workspace_path)
    for fmt in ("docx", "md", "html"):
        done = cli(
            tmp_path,
            "export",
            "--format",
            fmt,
            "--policy",
            "remain-in-mexico",
            "-o",
            str(tmp_path / f"b.{fmt}"),
            "--workspace",
            ws,
        )
        assert done.returncode == 0, done.stderr
    italic_runs = [
        r.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs for r in p.runs if r.italic
    ]
    assert "Biden v. Texas" in italic_runs
    tokens = MarkdownIt("commonmark").parse((tmp_path / "b.md").read_text(encoding="utf-8"))
    emphasised = [
        t.children[i + 1].content
        for t in tokens
        if t.type == "inline"
        for i, c in enumerate(t.children or [])
        if c.type == "em_open"
    ]
    assert "Biden v. Texas" in emphasised
    assert "<i>Biden v. Texas</i>" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_a_status_event_quotes_the_excerpt_that_supports_it(workspace: Workspace) -> None:
    briefing = build_briefing(workspace, [r.id for r in all_policy_rows(workspace)])
    quoted = [t for p in briefing.policies for t in p.timeline if t.quote]
    assert len(quoted) > 20
    for policy in briefing.policies:
        by_number = {c.number: c for c in policy.citations}
        for t in policy.timeline:
            if t.quote:
                assert t.quote_source in t.citations and len(t.quote) <= 221
                source_text = " ".join(" ".join(by_number[t.quote_source].excerpts).split())
                assert t.quote.rstrip("…") in source_text


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.items.append("")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.items[-1] += data


def test_a_relation_stored_both_ways_is_printed_once_with_its_note(
    tmp_path: Path, workspace_path: Path
) -> None:
    connection = sqlite3.connect(workspace_path)
    ids = dict(connection.execute("SELECT slug, id FROM policy WHERE slug IN ('daca', 'texas-sb4')"))
    connection.execute(
        "DELETE FROM relation WHERE from_policy_id IN (?, ?) AND to_policy_id IN (?, ?)", [*ids.values()] * 2
    )
    for one, other, key in (("daca", "texas-sb4", "a"), ("texas-sb4", "daca", "b")):
        connection.execute(
            "INSERT INTO relation (id, from_policy_id, to_policy_id, kind, note, origin) "
            "VALUES (?, ?, ?, 'related_to', 'Both are litigated in Texas federal courts.', 'user')",
            (f"0000000{key}-0000-4000-8000-000000000000", ids[one], ids[other]),
        )
    connection.commit()
    connection.close()
    ws = str(workspace_path)
    for fmt in ("md", "html", "docx"):
        done = cli(
            tmp_path,
            "export",
            "--format",
            fmt,
            "--policy",
            "daca",
            "-o",
            str(tmp_path / f"r.{fmt}"),
            "--workspace",
            ws,
        )
        assert done.returncode == 0, done.stderr
    collector = _Text()
    collector.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    html_items = [i for i in collector.items if i.startswith("Related to Texas SB 4")]
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    md_items = [line for line in markdown.splitlines() if line.startswith("- Related to **Texas SB 4")]
    word = [
        p.text
        for p in docx.Document(str(tmp_path / "r.docx")).paragraphs
        if p.text.startswith("Related to Texas SB 4")
    ]
    for items in (html_items, md_items, word):
        assert len(items) == 1, items
        assert items[0].count("Both are litigated in Texas federal courts.") == 1  # the note, once


def test_internal_keys_never_reach_a_briefing(tmp_path: Path, workspace_path: Path) -> None:
    """Descriptions that name sources and policies by their keys, as the starter data did."""
    connection = sqlite3.connect(workspace_path)
    connection.execute(
        "UPDATE status_event SET description = description || ? WHERE policy_id = "
        "(SELECT id FROM policy WHERE slug = 'title-42')",
        (
            " The March 2021 article (article-2021-03-18-conversations-cooperation) says so;"
            " see asylum-restrictions-2023. It disagrees with article-2023-12-28-san-juan-daily-star-blinken.",
        ),
    )
    (title,) = connection.execute(
        "SELECT title FROM policy WHERE slug = 'asylum-restrictions-2023'"
    ).fetchone()
    connection.commit()
    connection.close()
    ws = str(workspace_path)
    texts = {}
    for fmt in ("md", "html", "docx"):
        target = tmp_path / f"k.{fmt}"
        done = cli(
            tmp_path, "export", "--format", fmt, "--policy", "title-42", "-o", str(target), "--workspace", ws
        )
        assert done.returncode == 0, done.stderr
        texts[fmt] = (
            "\n".join(c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells)
            if fmt == "docx"
            else target.read_text(encoding="utf-8")
        )
    for fmt, text in texts.items():
        assert "article-2021-03-18" not in text and "asylum-restrictions-2023" not in text, fmt
        assert "san-juan-daily-star-blinken" not in text, fmt
        assert f"The March 2021 article says so; see “{title}”." in text, fmt
        assert "It disagrees with another source." in text, fmt


def test_the_csv_tables_name_sources_exactly_and_relations_once(tmp_path: Path, workspace_path: Path) -> None:
    import csv

    ws = str(workspace_path)
    target = tmp_path / "t.csv"
    done = cli(
        tmp_path, "export", "--format", "csv", "--policy", "title-42", "-o", str(target), "--workspace", ws
    )
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8-sig", newline="") as stream:
        (policy,) = list(csv.DictReader(stream))
    related = policy["related"].split("; ")
    assert "Related to Remain in Mexico (MPP)" in related and len(related) == len(set(related))
    with (tmp_path / "t-events.csv").open(encoding="utf-8-sig", newline="") as stream:
        events = list(csv.DictReader(stream))
    connection = sqlite3.connect(workspace_path)
    sources = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, title, url FROM source")}
    connection.close()
    for event in events:
        ids = event["source_ids"].split("; ")
        named = event["sources"].split(" | ")
        assert len(ids) == len(named) and all(i in sources for i in ids)
        for source_id, text in zip(ids, named, strict=True):
            title, url = sources[source_id]
            assert title in text and (url or "no URL recorded") in text


def test_a_spanish_briefing_cites_in_spanish() -> None:
    spanish = citation_text(replace(CRS, url=""), "es")
    assert spanish == (
        "Clare Ribando Seelke y June S. Beittel, “Mérida Initiative for Mexico and Central America: "
        "Funding and Policy Issues,” Congressional Research Service, 21 de agosto de 2009, CRS Report R40135. "
        "Sin URL registrada."
    )
