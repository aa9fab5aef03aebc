"""Which excerpt of a source supports a status event: the one sharing most words with its description.

Briefings quote that excerpt under the event, and the citation audit counts it as used.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-záéíóúñü0-9]{4,}")
# Words too common to show that a passage is about an event.
_COMMON = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "which",
        "would",
        "their",
        "they",
        "been",
        "will",
        "said",
        "also",
        "after",
        "before",
        "about",
        "into",
        "than",
        "then",
        "there",
        "these",
        "those",
        "when",
        "where",
        "while",
        "under",
        "over",
        "other",
        "only",
        "such",
        "more",
        "most",
        "some",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
MIN_SHARED_WORDS = 2


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower())) - _COMMON


def supporting_excerpt(description: str, excerpts: list[str], limit: int = 220) -> str:
    """The excerpt that supports an event: the one with most words in common with its
    description (the first on a tie), if it shares at least a few; shortened at a word boundary."""
    wanted = _words(description)
    scored = [(len(wanted & _words(x)), -i, x) for i, x in enumerate(excerpts)]
    if not scored:
        return ""
    shared, _, best = max(scored)
    if shared < MIN_SHARED_WORDS:
        return ""  # none of them is about this event: better no quotation than a beside-the-point one
    text = " ".join(best.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"
