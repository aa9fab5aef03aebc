"""The action icons: one hand-drawn line set, tinted with the palette's text colour.

The SVG files in resources/icons/actions/ draw in `currentColor`; Qt's SVG renderer has no
notion of it, so each icon is rendered here with the colour filled in. That keeps icons as
legible as the text beside them in the light and the dark theme alike. Call
`clear_icon_cache()` after the palette changes (a theme switch) so new icons take the new colours.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resources_dir

ACTION_ICON_NAMES: tuple[str, ...] = (
    # Workspaces and files
    "new-workspace",
    "open-workspace",
    "connect-team",
    "personal-copy",
    "recent",
    "import",
    "export",
    "back-up",
    "restore-backup",
    "quit",
    # Editing
    "new-policy",
    "edit",
    "move-to-trash",
    "trash",
    "restore",
    "delete-permanently",
    "undo",
    "redo",
    "history",
    "new-event",
    "new-source",
    "link-source",
    "new-note",
    "new-relation",
    "annotate",
    # Finding and viewing
    "search",
    "save-search",
    "filters",
    "clear-filters",
    "refresh",
    "notes",
    "timeline",
    "citation-audit",
    "theme",
    "preferences",
    # Help
    "user-guide",
    "keyboard-shortcuts",
    "about",
)

_pixmaps: dict[tuple[str, int, str], QPixmap] = {}
_CLONES: list[QIconEngine] = []  # (name, pixel size, #AARRGGBB colour)


def icons_dir() -> Path:
    """Where the action SVGs live (a bundle, a wheel or the checkout, as for every resource)."""
    return resources_dir() / "icons" / "actions"


def action_icon(name: str) -> QIcon:
    """The icon for an action, drawn in the palette's text colours when and at the size it is shown.

    Nothing is rendered until a menu or button paints the icon, so setting icons costs nothing at
    start-up, and a theme switch recolours them at their next paint.
    """
    if name not in ACTION_ICON_NAMES:
        raise KeyError(f"no action icon named {name!r}; the names are listed in ACTION_ICON_NAMES")
    return QIcon(_TintedIconEngine(name))


def clear_icon_cache() -> None:
    """Forget rendered pixmaps (they are keyed by colour, so this only frees memory)."""
    _pixmaps.clear()
    _svg_source.cache_clear()


def _colour_for(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.WindowText)


def tinted_pixmap(name: str, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QPixmap:
    """The icon drawn `size` pixels square in the colour for `mode`, from the cache when drawn before."""
    colour = _colour_for(mode)
    key = (name, size, colour.name(QColor.NameFormat.HexArgb))
    pixmap = _pixmaps.get(key)
    if pixmap is None:
        pixmap = _render(_renderer(name, colour), size, colour.alphaF())
        _pixmaps[key] = pixmap
    return pixmap


class _TintedIconEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return tinted_pixmap(self.name, max(1, min(size.width(), size.height())), mode)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = tinted_pixmap(self.name, max(1, round(min(size.width(), size.height()) * scale)), mode)
        result = QPixmap(pixmap)
        result.setDevicePixelRatio(scale)
        return result

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        side = max(1, round(min(rect.width(), rect.height()) * scale))
        painter.drawPixmap(rect, tinted_pixmap(self.name, side, mode))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(s, s) for s in (16, 24, 32, 48)]

    def key(self) -> str:
        return "policy-tracker-tinted"

    def clone(self) -> QIconEngine:
        # Qt takes the clone over, but PySide would free it when this call returns: keep it alive.
        # (Clones are made only when an icon is changed after sharing, so few ever are.)
        engine = _TintedIconEngine(self.name)
        _CLONES.append(engine)
        return engine


@cache
def _svg_source(name: str) -> str:
    return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


def _renderer(name: str, colour: QColor) -> QSvgRenderer:
    """An SVG renderer for the icon with `currentColor` spelled out (Qt's renderer lacks it)."""
    svg = _svg_source(name).replace("currentColor", colour.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError(f"the action icon {name!r} is not a valid SVG file")
    return renderer


def _render(renderer: QSvgRenderer, size: int, opacity: float) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        if opacity < 1.0:
            # A translucent palette colour (some disabled text is): fade the finished drawing as a whole,
            # so that strokes crossing each other do not add up to a darker spot.
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
            painter.fillRect(pixmap.rect(), QColor(0, 0, 0, round(opacity * 255)))
    finally:
        painter.end()
    return pixmap
