"""A note's Markdown as Word formatting: bold, italic, code, links, lists, quotes, headings.

markdown-it-py parses it (CommonMark, raw HTML off: it stays text); each block token becomes a
paragraph and each inline token a run. Images become links (a Word file should fetch nothing).
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from app.export.docx_parts import add_hyperlink

MONOSPACE = "Consolas"
_PARSER = MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def _inline(paragraph: Paragraph, children: list[Token]) -> None:
    bold = italic = code = strike = 0
    href: str | None = None
    link_text: list[str] = []

    def add(text: str, monospace: bool = False) -> None:
        if href is not None:
            link_text.append(text)
            return
        run = paragraph.add_run(text)
        run.bold = bool(bold) or None
        run.italic = bool(italic) or None
        run.font.strike = bool(strike) or None
        if monospace or code:
            run.font.name = MONOSPACE

    for token in children:
        kind = token.type
        if kind == "text":
            add(token.content)
        elif kind == "code_inline":
            add(token.content, monospace=True)
        elif kind in ("softbreak",):
            add(" ")
        elif kind == "hardbreak":
            paragraph.add_run().add_break()
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "s_open":
            strike += 1
        elif kind == "s_close":
            strike -= 1
        elif kind == "link_open":
            href, link_text = str(token.attrs.get("href", "")), []
        elif kind == "link_close":
            text, target = "".join(link_text), href or ""
            href = None
            add_hyperlink(paragraph, text or target, target, italic=bool(italic), bold=bool(bold))
        elif kind == "image":
            target = str(token.attrs.get("src", ""))
            add_hyperlink(paragraph, token.content or target, target)
        else:  # html_inline cannot occur (html off); anything new is shown as its text
            add(token.content)


def add_markdown(document: Document, body: str) -> None:
    """Append the note's paragraphs to the document."""
    tokens = _PARSER.parse(body)
    lists: list[list[int]] = []  # for each open list: [is_ordered, next number]
    quote = 0
    pending_item = False
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "bullet_list_open":
            lists.append([0, 0])
        elif kind == "ordered_list_open":
            lists.append([1, int(token.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            pending_item = True
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("fence", "code_block"):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(0.6 * (len(lists) + 1))
            run = paragraph.add_run(token.content.rstrip("\n"))
            run.font.name = MONOSPACE
            run.font.size = Pt(9)
        elif kind == "hr":
            document.add_paragraph("⁂").alignment = 1
        elif kind == "inline":
            opener = tokens[index - 1] if index else None
            if opener is not None and opener.type == "heading_open":
                paragraph = document.add_paragraph()
                _inline(paragraph, token.children or [])
                for run in paragraph.runs:
                    run.bold = True
                continue
            if lists and pending_item:
                ordered = lists[-1][0] == 1
                depth = min(len(lists), 3)
                bullet = "List Bullet" if depth == 1 else f"List Bullet {depth}"
                paragraph = document.add_paragraph(style=None if ordered else bullet)
                if ordered:  # written out, so that numbering never runs on from another list
                    paragraph.paragraph_format.left_indent = Cm(0.63 * len(lists))
                    paragraph.paragraph_format.first_line_indent = Cm(-0.63)
                    paragraph.add_run(f"{lists[-1][1]}.\t")
                    lists[-1][1] += 1
                pending_item = False
            else:
                paragraph = document.add_paragraph(style="Quote" if quote else None)
                if lists:
                    paragraph.paragraph_format.left_indent = Cm(0.63 * len(lists))
            _inline(paragraph, token.children or [])
