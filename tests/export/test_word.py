"""The Word export read back with python-docx, made by the real command: every point the issue
found (numbering, links, raw Markdown, column widths, header rows, pictures, page size, page
numbers, contents field, document properties)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Inches

from tests.cli.helpers import cli

POLICIES = ("title-42", "remain-in-mexico", "daca")
NOTE = (
    "Call the **DHS press office** about the _December_ numbers; see <https://www.dhs.gov/news> "
    "and [the CBP page](https://www.cbp.gov/newsroom).\n\n- first `code`\n- second\n"
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, starter_template: Path) -> dict[str, Document]:
    """The three policies with a note, exported once on Letter and once on A4."""
    import shutil

    tmp = tmp_path_factory.mktemp("word")
    ws = tmp / "workspace.sqlite"
    shutil.copyfile(starter_template, ws)
    added = cli(tmp, "add-note", "title-42", "--workspace", str(ws), stdin=NOTE)
    assert added.returncode == 0, added.stderr
    documents = {}
    for size in ("Letter", "A4"):
        target = tmp / f"{size}.docx"
        policies = [arg for slug in POLICIES for arg in ("--policy", slug)]
        done = cli(
            tmp, "export", "--format", "docx", *policies, "--include-notes", "--page-size", size,
            "-o", str(target), "--workspace", str(ws),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        documents[size] = docx.Document(str(target))
    return documents


def _text_width(document: Document) -> int:
    section = document.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def test_sources_are_numbered_once_and_restart_for_each_policy(exported: dict[str, Document]) -> None:
    document = exported["Letter"]
    numbers = [
        int(re.match(r"\[(\d+)\]\t", p.text).group(1))  # type: ignore[union-attr]
        for p in document.paragraphs
        if re.match(r"\[\d+\]\t", p.text)
    ]
    assert numbers.count(1) == len(POLICIES), numbers  # one list per policy, each from [1]
    runs: list[list[int]] = []
    for n in numbers:
        if n == 1:
            runs.append([])
        runs[-1].append(n)
    assert all(run == list(range(1, len(run) + 1)) for run in runs)
    for paragraph in document.paragraphs:
        if re.match(r"\[\d+\]\t", paragraph.text):
            # No list numbering of Word's own in front of "[n]" (it printed "4. [1]").
            assert "List Number" not in paragraph.style.name
            assert paragraph._p.find(".//" + qn("w:numPr")) is None


def test_addresses_and_note_links_are_real_hyperlinks(exported: dict[str, Document]) -> None:
    document = exported["Letter"]
    targets = {
        rel.target_ref
        for rel in document.part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK and rel.is_external
    }
    assert "https://www.dhs.gov/news" in targets and "https://www.cbp.gov/newsroom" in targets
    hyperlinks = document.element.body.findall(".//" + qn("w:hyperlink"))
    external = [h for h in hyperlinks if h.get(qn("r:id"))]
    internal = [h for h in hyperlinks if h.get(qn("w:anchor"))]
    assert len(external) > 20 and len(internal) > 20  # source addresses; "[n]" → the source
    names = [b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))]
    assert len(names) == len(set(names)) and max(len(n) for n in names) <= 40  # Word's limit
    bookmarks = set(names)
    assert {h.get(qn("w:anchor")) for h in internal} <= bookmarks


def test_a_note_s_markdown_becomes_word_formatting(exported: dict[str, Document]) -> None:
    document = exported["Letter"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "**" not in text and "](http" not in text and "<https" not in text
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    italic = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    assert "DHS press office" in bold and "December" in italic
    labels = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Personal notes" in labels
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "first code" in bullets and "second" in bullets


def _status_tables(document: Document) -> list:  # type: ignore[type-arg]
    return [t for t in document.tables if t.rows[0].cells[0].text == "Date"]


def test_the_status_table_has_weighted_columns_and_repeats_its_header(exported: dict[str, Document]) -> None:
    for document in exported.values():
        tables = _status_tables(document)
        assert len(tables) == len(POLICIES)
        for table in tables:
            widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
            date, status, what, sources = widths
            assert what > 2.5 * date and what > 2.5 * status and what > 2.5 * sources, widths
            assert abs(sum(widths) * 635 - _text_width(document)) < Cm(0.1)  # twips → EMU
            header = table.rows[0]._tr.trPr
            assert header is not None and header.find(qn("w:tblHeader")) is not None


def test_pictures_stay_within_the_margins(exported: dict[str, Document]) -> None:
    for document in exported.values():
        assert len(document.inline_shapes) == 1 + len(POLICIES)  # the overview and each policy's
        for shape in document.inline_shapes:
            assert shape.width <= _text_width(document)


def test_the_chosen_page_size_is_used(exported: dict[str, Document]) -> None:
    letter, a4 = exported["Letter"].sections[0], exported["A4"].sections[0]
    assert (letter.page_width, letter.page_height) == (Inches(8.5), Inches(11))
    assert abs(a4.page_width - Cm(21)) < Cm(0.01) and abs(a4.page_height - Cm(29.7)) < Cm(0.01)


def _instructions(element: object) -> list[str]:
    return [" ".join((t.text or "").split()) for t in element.iter(qn("w:instrText"))]  # type: ignore[attr-defined]


def test_page_numbers_and_a_real_table_of_contents(exported: dict[str, Document]) -> None:
    document = exported["A4"]
    assert "PAGE" in _instructions(document.sections[0].footer._element)
    assert 'TOC \\o "1-3" \\h \\z \\u' in _instructions(document.element.body)
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    names = [child.tag for child in document.settings.element]
    assert names.index(qn("w:updateFields")) < names.index(qn("w:compat"))  # Word wants schema order
    for table in document.tables:
        assert len(table._tbl.tblPr.findall(qn("w:tblLayout"))) <= 1


def test_document_properties_are_this_export_s(exported: dict[str, Document]) -> None:
    document = exported["A4"]
    properties = document.core_properties
    title = next(p.text for p in document.paragraphs if p.style.name == "Title")
    assert properties.title == title and title.startswith("Policy briefing")
    assert properties.created is not None
    assert abs((datetime.now(UTC) - properties.created.replace(tzinfo=UTC)).total_seconds()) < 600
    assert "python-docx" not in (properties.author + properties.comments + properties.last_modified_by)
    assert properties.language == "en-US"
