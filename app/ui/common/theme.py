"""Light and dark looks, following the system unless View ▸ Theme says otherwise."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = {
    "system": QT_TRANSLATE_NOOP("Theme", "Follow the System"),
    "light": QT_TRANSLATE_NOOP("Theme", "Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "Dark"),
}
THEME_KEY = "view/theme"

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#1f2023",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2b2c2f",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d6fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
    QPalette.ColorRole.ToolTipBase: "#2b2c2f",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.Light: "#6b6f75",
    QPalette.ColorRole.Midlight: "#4a4c50",
    QPalette.ColorRole.Mid: "#3c4043",
    QPalette.ColorRole.Dark: "#101113",
    QPalette.ColorRole.Shadow: "#000000",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#6f7378",
    QPalette.ColorRole.Text: "#6f7378",
    QPalette.ColorRole.ButtonText: "#6f7378",
    QPalette.ColorRole.HighlightedText: "#9aa0a6",
}


DARK_INDICATORS = """
QTreeView::indicator, QListView::indicator { width: 12px; height: 12px; border: 1px solid #9aa0a6;
    border-radius: 2px; background: #17181a; }
QTreeView::indicator:checked, QListView::indicator:checked { background: #3d6fd6; border-color: #8ab4f8; }
"""


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt  # here, not above: its first use costs the window's first paint ~15 ms

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply a theme ("system", "light" or "dark"); returns whether the result is dark."""
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    app.setStyle(QStyleFactory.create("Fusion"))
    # Fusion's own palette is the light one; a dark one is set in full, every role and group.
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    # Fusion draws item-view check boxes in the base colour, invisible on a dark base.
    app.setStyleSheet(DARK_INDICATORS if dark else "")
    return dark
