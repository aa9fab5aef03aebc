"""The briefing as PDF, through Qt's text document and PDF writer; pypdf adds the bookmarks.

Page size A4 or Letter, a footer with page numbers on every page, and one bookmark per
heading (the policies, and their sections), so a reader can jump through a long briefing.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from app.export.briefing import Briefing
from app.services.files import write_atomically

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300


def ensure_gui_application() -> None:
    """The command line has no QApplication; a headless one is enough to lay out text.

    A full QApplication rather than a QGuiApplication, so that windows can still be made later
    in the same process.
    """
    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from app.ui.app import application

        application()


def _headings(document: QTextDocument, page_height: float) -> list[tuple[str, int, int]]:
    """(text, heading level, page index) for every heading, in order."""
    layout = document.documentLayout()
    found = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in (1, 2, 3) and block.text().strip():
            top = layout.blockBoundingRect(block).top()
            found.append((block.text().strip(), level, int(top // page_height)))
        block = block.next()
    return found


def render_pdf(briefing: Briefing, page_size: str = "A4") -> bytes:
    """The PDF bytes for a briefing."""
    from app.export.html import briefing_html

    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(briefing.title)
    writer.setCreator("Policy Tracker")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4)),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    width, height = writer.width(), writer.height()
    footer_height = RESOLUTION * 0.35
    body_height = height - footer_height

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    document.setDefaultFont(font)

    from app.ui.pictures import svg_to_image

    def picture(key: str, svg: str) -> str:
        image = svg_to_image(svg, int(width))
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{key}.png"), image)
        return f'<img src="{key}.png" width="{image.width()}" height="{image.height()}">'

    document.setHtml(briefing_html(briefing, picture))
    document.setPageSize(QSizeF(width, body_height))
    pages = document.pageCount()

    painter = QPainter(writer)
    footer_font = QFont(font)
    footer_font.setPointSizeF(7.5)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * body_height)
        document.drawContents(painter, QRectF(0, page * body_height, width, body_height))
        painter.restore()
        painter.setFont(footer_font)
        painter.drawText(
            QRectF(0, body_height, width, footer_height),
            Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom,
            f"{briefing.footer}   ·   Page {page + 1} of {pages}",
        )
    painter.end()
    buffer.close()
    return _with_bookmarks(bytes(buffer.data().data()), _headings(document, body_height))


def _with_bookmarks(pdf: bytes, headings: list[tuple[str, int, int]]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf))
    output = PdfWriter(clone_from=reader)
    # Each heading nests under the nearest heading above it with a smaller level.
    open_items: list[tuple[int, object]] = []
    for text, level, page in headings:
        while open_items and open_items[-1][0] >= level:
            open_items.pop()
        parent = open_items[-1][1] if open_items else None
        last_page = len(reader.pages) - 1
        item = output.add_outline_item(title=text[:200], page_number=min(page, last_page), parent=parent)
        open_items.append((level, item))
    output.page_mode = "/UseOutlines"
    stream = io.BytesIO()
    output.write(stream)
    return stream.getvalue()


def write_pdf(briefing: Briefing, target: Path, page_size: str = "A4") -> None:
    write_atomically(target, render_pdf(briefing, page_size))
