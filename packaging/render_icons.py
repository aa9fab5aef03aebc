"""Render the app icon (resources/icons/policy-tracker.svg) to the PNG sizes desktops ask for, and a .ico.

Linux desktops and Flatpak want PNGs in the freedesktop "hicolor" sizes beside the SVG; Windows wants a
.ico with several sizes for the executable. Both are made from the one SVG, so they never drift apart.

    python packaging/render_icons.py            # into resources/icons/ (the files the repository keeps)
    python packaging/render_icons.py OUT_DIR    # anywhere else, e.g. to compare

(Run it as a file: `python -m packaging.render_icons` would find the `packaging` library instead, as this
folder is no Python package.) Writes OUT_DIR/hicolor/<N>x<N>/apps/policy-tracker.png and
OUT_DIR/policy-tracker.ico. Rendering is offscreen; no display is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "resources" / "icons" / "policy-tracker.svg"
DEFAULT_OUTPUT = REPO / "resources" / "icons"
ICON_NAME = "policy-tracker"
HICOLOR_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)
# 256 is the largest size a .ico holds; sizes from 64 up are stored as PNG (Windows Vista and later),
# which keeps the file small; the small ones as Qt's own ICO (bitmap) entries, which every reader takes.
ICO_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)
ICO_PNG_FROM = 64


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn into a transparent square image of `size` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def hicolor_path(out_dir: Path, size: int) -> Path:
    return out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def _encoded(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt):
        raise RuntimeError(f"Qt could not write a {image.width()} px image as {fmt}")
    buffer.close()
    return bytes(data)


def ico_bytes(images: Sequence[QImage]) -> bytes:
    """One multi-size .ico from square images (Qt's ICO writer only writes one image per file)."""
    entries: list[tuple[int, int, bytes]] = []  # size, bits per pixel, image data
    for image in images:
        size = image.width()
        if size >= ICO_PNG_FROM:
            entries.append((size, 32, _encoded(image, "png")))
            continue
        single = _encoded(image, "ico")
        # A one-image .ico: a 6-byte header, one 16-byte directory entry, then the image data.
        bits, length, offset = struct.unpack_from("<HII", single, 6 + 6)
        entries.append((size, bits, single[offset : offset + length]))
    header = struct.pack("<HHH", 0, 1, len(entries))
    directory, blobs = b"", b""
    offset = len(header) + 16 * len(entries)
    for size, bits, blob in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in a directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, bits, len(blob), offset + len(blobs))
        blobs += blob
    return header + directory + blobs


def render_all(out_dir: Path, source: Path = SOURCE) -> list[Path]:
    """Write the hicolor PNGs and (when Qt can write ICO) the .ico into `out_dir`; returns the files."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not an SVG file Qt can draw")
    written: list[Path] = []
    for size in HICOLOR_SIZES:
        target = hicolor_path(out_dir, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "png"):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    if b"ico" in [bytes(f.data()) for f in QImageWriter.supportedImageFormats()]:
        target = out_dir / f"{ICON_NAME}.ico"
        target.write_bytes(ico_bytes([render(renderer, size) for size in ICO_SIZES]))
        written.append(target)
    else:
        print(f"Qt's ICO image plugin is not available: skipped {ICON_NAME}.ico", file=sys.stderr)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "out_dir", nargs="?", type=Path, default=DEFAULT_OUTPUT, help="default: resources/icons"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # image plugins need one
    for path in render_all(args.out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
