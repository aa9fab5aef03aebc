"""SVG pictures rasterised with Qt, for PNG files and Word documents (PDF takes the SVG itself).

The one module of the export layer that uses Qt (QtGui and QtSvg draw; the import contracts allow it
here only), so the command line can draw pictures without importing the window.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.errors import UserError


def ensure_gui_application() -> None:
    """The command line has no QApplication; a headless one is enough to draw.

    A full QApplication rather than a QGuiApplication, so that windows can still be made later
    in the same process.
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _KEEP.append(QApplication(sys.argv[:1]))  # it must outlive this function


_KEEP: list[object] = []


def svg_to_image(svg: str, width: int) -> QImage:
    """The SVG drawn `width` pixels wide, keeping its proportions, on white."""
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
