"""Keeping a person's text from reordering the text around it.

A right-to-left override (U+202E) or an unclosed embedding in a title, a tag or a summary would
otherwise reverse whatever follows it on the line: the date, the status, the window's own words.
First-strong isolates (FSI … PDI, Unicode's recommendation for text of unknown direction) confine
its effect to the text itself, and still lay Arabic or Hebrew text out right to left.
"""

from __future__ import annotations

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolate(text: str) -> str:
    """`text` between FSI and PDI; empty text stays empty."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if text else text
