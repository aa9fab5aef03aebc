"""The pieces of WordprocessingML that python-docx has no call for: hyperlinks, fields,
bookmarks, repeated header rows, fixed column widths."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

LINK = RGBColor(0x1F, 0x4E, 0x99)
WEB_SCHEMES = ("http://", "https://", "mailto:")


def _styled_run(text: str, *, italic: bool = False, bold: bool = False, link: bool = False) -> OxmlElement:
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    if bold:
        properties.append(OxmlElement("w:b"))
    if italic:
        properties.append(OxmlElement("w:i"))
    if link:
        color = OxmlElement("w:color")
        color.set(qn("w:val"), str(LINK))
        properties.append(color)
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        properties.append(underline)
    run.append(properties)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def add_hyperlink(
    paragraph: Paragraph, text: str, url: str, *, italic: bool = False, bold: bool = False
) -> None:
    """A real, clickable link (a w:hyperlink with an external relationship), for web addresses only."""
    if not url.lower().startswith(WEB_SCHEMES):
        paragraph.add_run(text).italic = italic or None
        return
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.append(_styled_run(text, italic=italic, bold=bold, link=True))
    paragraph._p.append(link)


def add_internal_link(paragraph: Paragraph, text: str, bookmark: str) -> None:
    """A link to a bookmark in the same document ("[3]" → the third source)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.append(_styled_run(text, link=True))
    paragraph._p.append(link)


_bookmark_ids = iter(range(1, 1_000_000))


def add_bookmark(paragraph: Paragraph, name: str) -> None:
    """Mark the paragraph's start as `name` (a target for internal links)."""
    number = str(next(_bookmark_ids))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), number)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), number)
    paragraph._p.insert(0 if paragraph._p.pPr is None else 1, start)
    paragraph._p.append(end)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "") -> Run:
    """A Word field (PAGE, NUMPAGES, TOC…); `shown` is the result shown until Word updates it."""

    def char(kind: str) -> OxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")  # update it when the document opens
        return element

    begin = paragraph.add_run()
    begin._r.append(char("begin"))
    code = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code._r.append(text)
    paragraph.add_run()._r.append(char("separate"))
    result = paragraph.add_run(shown)
    paragraph.add_run()._r.append(char("end"))
    return result


_AFTER_UPDATE_FIELDS = {
    qn(f"w:{name}")
    for name in [
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
} | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


def update_fields_on_open(settings_element: OxmlElement) -> None:
    """Ask Word to update every field (the table of contents, page counts) when it opens the file."""
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # Word rejects settings out of the schema's order: updateFields goes before these.
    for child in settings_element:
        if child.tag in _AFTER_UPDATE_FIELDS:
            child.addprevious(update)
            return
    settings_element.append(update)


def repeat_header_row(table: Table) -> None:
    """The first row is repeated at the top of every page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def keep_rows_whole(table: Table) -> None:
    """No row is split across two pages (a split row shows blank Date and Status cells)."""
    for row in table.rows:
        cant_split = OxmlElement("w:cantSplit")
        cant_split.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(cant_split)


def set_column_widths(table: Table, widths: list[Length]) -> None:
    """Fixed widths: the grid and every cell (Word reads the cells, LibreOffice the grid)."""
    table.autofit = False  # w:tblLayout fixed, in its place in w:tblPr
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def set_language(run_defaults_owner: OxmlElement, language: str) -> None:
    """The document's proofing language (w:lang in the default run properties)."""
    r_pr = run_defaults_owner.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if r_pr is None:
        return
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)
