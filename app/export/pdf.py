"""The briefing as a tagged PDF (PDF/UA-1): the HTML export laid out by WeasyPrint with CSS paged media.

Qt's PDF writer cannot tag a PDF, set /Lang, or keep a heading with what follows; WeasyPrint does all
that from the same HTML the HTML export writes, so the two never drift apart. It needs Pango from
the system (Debian: libpango-1.0-0, libpangoft2-1.0-0).
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from types import ModuleType

from app.errors import UserError
from app.export.briefing import Briefing
from app.export.html import briefing_html, e
from app.services.files import write_atomically

PAGE_SIZES = ("A4", "Letter")


def svg_image(_key: str, svg: str) -> str:
    """A timeline as an <img> of SVG (vector, scaled to the text width), with its title as alt text."""
    import re

    title = re.search(r"<title>(.*?)</title>", svg, re.S)
    alt = title.group(1) if title else ""  # already escaped for XML, which is fine for an attribute
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{alt}" style="width: 100%">'


def _weasyprint() -> ModuleType:  # loaded late: it pulls in Pango
    # WeasyPrint logs every CSS property it does not know as a warning; the browser-only ones in
    # the shared stylesheet are expected.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        import weasyprint
    except OSError as error:  # Pango missing: a setup problem, said in plain words
        raise UserError(
            "PDF export needs the Pango library (Debian/Ubuntu: apt install libpango-1.0-0 libpangoft2-1.0-0)"
        ) from error
    module: ModuleType = weasyprint
    return module


def render_pdf(briefing: Briefing, page_size: str = "A4") -> bytes:
    weasyprint = _weasyprint()
    html = briefing_html(briefing, svg_image, page_size=page_size)
    document = weasyprint.HTML(string=html, base_url=None).render()
    # Title and author come from <title> and <meta name="author">; /Lang from <html lang>.
    document.metadata.title = briefing.title
    authors = [x for x in (briefing.author, briefing.organisation) if x]
    if authors:
        document.metadata.authors = [", ".join(authors)]
    document.metadata.generator = "Policy Tracker"
    document.metadata.lang = briefing.language
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf


def write_pdf(briefing: Briefing, target: Path, page_size: str = "A4") -> None:
    write_atomically(target, render_pdf(briefing, page_size))


__all__ = ["PAGE_SIZES", "e", "render_pdf", "svg_image", "write_pdf"]
