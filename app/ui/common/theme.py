"""Light and dark looks, following the system unless View ▸ Theme says otherwise."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory

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
QCheckBox::indicator, QRadioButton::indicator { width: 13px; height: 13px; border: 1px solid #9aa0a6;
    background: #17181a; }
QCheckBox::indicator { border-radius: 2px; }
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator:checked { background: #3d6fd6; border-color: #8ab4f8; image: url(CHECK); }
QRadioButton::indicator:checked { border-color: #8ab4f8; background: qradialgradient(cx: 0.5, cy: 0.5,
    radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 #ffffff, stop: 0.4 #ffffff, stop: 0.5 #3d6fd6, stop: 1 #3d6fd6); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #5f6368; background: #202124; }
"""


def dark_indicators() -> str:
    from app.paths import resources_dir

    check = (resources_dir() / "icons" / "indicators" / "check-dark.svg").as_posix()
    return DARK_INDICATORS.replace("CHECK", check)


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


# Muted but readable: hints, remarks and placeholders (over 4.5:1 on the window, as WCAG asks of text).
LIGHT_MUTED = "#5f6368"


def mute(label: QLabel) -> QLabel:
    """Draw a remark (a field's hint, an empty pane's message) muted but readable.

    A disabled label was used for this: Fusion draws disabled text at 1.6:1 on the light window,
    too faint to read, and it tells a screen reader the text is unavailable.
    """
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(LIGHT_MUTED))
    return palette


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply a theme ("system", "light" or "dark"); returns whether the result is dark."""
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    app.setStyle(QStyleFactory.create("Fusion"))
    # Fusion's own palette is the light one; a dark one is set in full, every role and group.
    app.setPalette(dark_palette() if dark else light_palette(app))
    # Fusion draws check boxes and radio buttons in the base colour with an outline darker than the
    # window: invisible on a dark one. A light border (3:1 against the window, as WCAG asks of
    # controls) and a filled, ticked checked state instead.
    app.setStyleSheet(dark_indicators() if dark else "")
    return dark
