"""Turn what a person types into a safe SQLite FTS5 query."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

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


def fold(text: str) -> tuple[str, list[int]]:
    """`text` as the search index sees it (accents removed, case folded), and for each folded
    character the index of the character of `text` it came from.

    The index's tokenizer (unicode61 remove_diacritics 2) folds "Mérida" to "merida"; highlighting
    folds the same way, so what a search found is what gets marked.
    """
    folded: list[str] = []
    origin: list[int] = []
    for position, character in enumerate(text):
        for part in unicodedata.normalize("NFKD", character):
            if unicodedata.combining(part):
                continue
            for lower in part.casefold():
                folded.append(lower)
                origin.append(position)
    return "".join(folded), origin


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where in `text` a word starts with a search term (accents and case folded), as
    non-overlapping (start, end) character ranges of `text`, in order."""
    wanted = sorted({fold(term)[0] for term in terms if term.strip()}, key=len, reverse=True)
    wanted = [w for w in wanted if w]
    if not wanted or not text:
        return []
    folded, origin = fold(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in wanted) + ")")
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        # Marks that combine with the last letter ("é" typed as e + ́) belong to it.
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def mark_matches(
    text: str, terms: list[str], escape: Callable[[str], str], mark: Callable[[str], str]
) -> str:
    """`text` with each match of the search terms passed through `mark` and the rest through
    `escape` (both given the original characters, so nothing typed becomes markup unescaped)."""
    pieces: list[str] = []
    position = 0
    for start, end in match_spans(text, terms):
        pieces.append(escape(text[position:start]))
        pieces.append(mark(text[start:end]))
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def fold_accents(text: str) -> str:
    """Lower case without accents ("Ñandú" → "nandu"): what both backends index and search.

    SQLite's FTS5 folds with its unicode61 tokenizer; PostgreSQL's `unaccent` cannot be indexed,
    so a team workspace folds in Python, with this, before indexing and before querying.
    """
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def folded_words(text: str) -> list[str]:
    """The words of a text, folded, as the search index keeps them (underscores split words too)."""
    return [w for w in re.split(r"[\W_]+", fold_accents(text)) if w]
