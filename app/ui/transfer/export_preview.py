"""The export preview's pages: the real PDF the export writes, its first pages drawn to images.

WeasyPrint lays the briefing out (the same HTML and stylesheet the export uses) and PDFium, through
pypdfium2, draws the first pages: Qt's own PDF module is not in PySide6-Essentials. Both run in one
worker thread at a time; neither library promises to be safe from two threads at once, so the PDF
export takes RENDER_LOCK too.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from PySide6.QtCore import QObject, QRunnable, Signal, SignalInstance
from PySide6.QtGui import QImage

from app.errors import UserError
from app.export.briefing import Briefing
from app.export.html import Picture

PREVIEW_PAGES = 3  # drawn; WeasyPrint still lays out the whole preview briefing
PREVIEW_DPI = 110  # sharp enough at the dialog's width, small enough to draw in a moment
POLICY_SECTION = '<section class="policy">'
RENDER_LOCK = threading.Lock()
log = logging.getLogger(__name__)


def preview_html(briefing: Briefing, shown_policies: int, page_size: str, picture: Picture) -> str:
    """The briefing's HTML with every policy in its title, table and contents, the first ones in full."""
    from app.export.html import briefing_html

    shown = replace(briefing, policies=briefing.policies[:shown_policies])
    head, _, _ = briefing_html(briefing, picture, page_size=page_size).partition(POLICY_SECTION)
    _, found, policies = briefing_html(shown, picture, page_size=page_size).partition(POLICY_SECTION)
    return head + found + policies if found else head + "</body></html>"


def pdf_first_pages(html: str, pages: int = PREVIEW_PAGES) -> bytes:
    """The PDF the export would write from this HTML, cut to its first pages."""
    from app.export.pdf import _weasyprint

    document = _weasyprint().HTML(string=html, base_url=None).render()
    pdf: bytes = document.copy(document.pages[:pages]).write_pdf()
    return pdf


def draw_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Each page of the PDF as an image on white paper, its size in proportion to the page's."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(
                scale=dpi / 72, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA, rev_byteorder=True
            )
            image = QImage(
                bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBA8888
            )
            images.append(image.copy())  # the bitmap's memory is freed with it
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


class PreviewSignals(QObject):
    drawn = Signal(int, object)  # generation, (the PDF's first pages as bytes, each page as a QImage)
    failed = Signal(int, str)  # generation, message


class PreviewJob(QRunnable):
    """Lays out and draws one preview; `generation` lets the dialog ignore what options replaced."""

    def __init__(self, generation: int, html: str) -> None:
        super().__init__()
        self.generation, self.html = generation, html
        self.signals = PreviewSignals()

    def run(self) -> None:
        try:
            with RENDER_LOCK:
                pdf = pdf_first_pages(self.html)
                pages = draw_pages(pdf)
        except UserError as error:  # Pango missing: said in plain words
            self._emit(self.signals.failed, str(error))
        except Exception as error:  # a bug: the dialog says so rather than wait forever
            log.exception("Export preview failed")
            self._emit(self.signals.failed, type(error).__name__)
        else:
            self._emit(self.signals.drawn, (pdf, pages))

    def _emit(self, signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(self.generation, value)
        except RuntimeError:  # the dialog closed (and its signals went with it) while this was drawn
            log.debug("Export preview finished after its dialog closed")
