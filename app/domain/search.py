"""Turn what a person types into a safe SQLite FTS5 query."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Every word must match (as a prefix, so results come while typing); None if no words.

    Words are quoted, so FTS5 operators typed by the user (AND, NEAR, quotes, colons) are
    taken as text, never as query syntax.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)


def search_words(text: str) -> list[str]:
    """The words of a search, for highlighting what matched."""
    return _WORD.findall(text)


def fold(text: str) -> str:
    """Lower case without accents ("Ñandú" → "nandu"): what both backends index and search.

    SQLite's FTS5 folds with its unicode61 tokenizer; PostgreSQL's `unaccent` cannot be indexed,
    so a team workspace folds in Python, with this, before indexing and before querying.
    """
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def folded_words(text: str) -> list[str]:
    """The words of a text, folded, as the search index keeps them (underscores split words too)."""
    return [w for w in re.split(r"[\W_]+", fold(text)) if w]
