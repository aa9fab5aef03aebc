"""One colour per status, readable on light and dark backgrounds."""

from __future__ import annotations

# status -> (light background, light text, dark background, dark text)
_COLORS: dict[str, tuple[str, str, str, str]] = {
    "proposed": ("#e8eaf0", "#3d4453", "#3a3f4b", "#d7dbe5"),
    "announced": ("#dbe9ff", "#0b4393", "#1d3557", "#b9d3ff"),
    "enacted": ("#d8f0f7", "#0b5568", "#123f4a", "#a9e1ef"),
    "in_effect": ("#d3f2dc", "#11602d", "#173f25", "#a5e3b6"),
    "reinstated": ("#c9efd7", "#0f5a2a", "#16452a", "#9fe0b5"),
    "suspended": ("#fff0c7", "#7a4b00", "#4a3a12", "#ffd98a"),
    "under_litigation": ("#fde7d3", "#8a3f00", "#4d2f16", "#ffc594"),
    "blocked_by_court": ("#fbd9d9", "#8e1b1b", "#5a1f1f", "#ffb3b3"),
    "terminated": ("#e9dcf5", "#5a2a85", "#3d2a50", "#d8bdf2"),
    "superseded": ("#e6e0f0", "#4a3d6b", "#37304a", "#cfc4ea"),
    "expired": ("#e6e6e6", "#444444", "#3a3a3a", "#d0d0d0"),
    "not_enacted": ("#eeeeee", "#555555", "#3a3a3a", "#c8c8c8"),
}


def status_colors(status: str, *, dark: bool) -> tuple[str, str]:
    """(background, text) for a status badge."""
    light_bg, light_fg, dark_bg, dark_fg = _COLORS.get(status, _COLORS["expired"])
    return (dark_bg, dark_fg) if dark else (light_bg, light_fg)
