"""SVG pictures rasterised with Qt, for PNG files, PDF pages and Word documents."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.errors import UserError


def svg_to_image(svg: str, width: int) -> QImage:
    """The SVG drawn `width` pixels wide, keeping its proportions, on white."""
    from app.ui.pdf_export import ensure_gui_application

    ensure_gui_application()
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():  # else an empty 1×1 picture would be written as if all were well
        raise UserError("The picture could not be drawn (its SVG is not readable); nothing was written")
    natural = renderer.defaultSize()
    height = max(1, round(natural.height() * width / max(natural.width(), 1)))
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    """PNG bytes at `scale` times the SVG's own size (crisp on dense screens and in print)."""
    renderer_width = QSvgRenderer(QByteArray(svg.encode("utf-8"))).defaultSize().width()
    image = svg_to_image(svg, max(1, round(renderer_width * scale)))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise UserError("The picture could not be saved as PNG; nothing was written")
    return bytes(buffer.data().data())
