"""Full-text search in a team workspace: documents written from Python, accents folded there.

Each searchable entry has one `search_doc` row: a tsvector of its title-like words (weight A)
and of the rest (weight B), with the 'simple' configuration (no stemming, as SQLite's FTS5 has
none). The words are folded and split in Python (app.domain.search.folded_words) both when
indexing and when querying, so a team workspace matches the same words as a SQLite one.
Documents are written after every flush of a session on a PostgreSQL engine, whatever service
flushed it; a deleted entry's document is removed by a trigger (cascades included).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, text
from sqlmodel import Session

from app.data.tables import Excerpt, Note, Policy, Source, StatusEvent
from app.domain.search import folded_words


def _words(*parts: str | Iterable[str] | None) -> str:
    found: list[str] = []
    for part in parts:
        if part is None:
            continue
        for piece in [part] if isinstance(part, str) else part:
            found += folded_words(piece)
    return " ".join(found)


def document_of(row: Any) -> tuple[str, str, str] | None:
    """(kind, weighted title words, other words) of an entry that is searched, else None."""
    if isinstance(row, Policy):
        return (
            "policy",
            _words(row.title, row.aliases),
            _words(row.summary, row.legal_basis, row.agencies, row.tags),
        )
    if isinstance(row, StatusEvent):
        return "event", "", _words(row.description)
    if isinstance(row, Source):
        return "source", _words(row.title), _words(row.publisher, row.issuer, row.authors)
    if isinstance(row, Excerpt):
        return "excerpt", "", _words(row.text)
    if isinstance(row, Note):
        return "note", _words(row.quote), _words(row.body, row.tags)
    return None


_UPSERT = text(
    """INSERT INTO search_doc (kind, ref_id, document)
       VALUES (:kind, :ref_id, setweight(to_tsvector('simple', :title), 'A')
                               || setweight(to_tsvector('simple', :body), 'B'))
       ON CONFLICT (kind, ref_id) DO UPDATE SET document = excluded.document"""
)


def query_text(search: str) -> str | None:
    """The tsquery (for to_tsquery('simple', …)) of what a person typed: every word, as a prefix.

    The words are folded and quoted, so nothing typed is taken as query syntax: the same rule
    as app.domain.search.fts_query on SQLite, and so the same matches.
    """
    words = folded_words(search)
    if not words:
        return None
    return " & ".join(f"'{word}':*" for word in words)


@event.listens_for(Session, "after_flush")
def _write_documents(session: Session, _context: object) -> None:
    """Keep the documents of what this flush added or changed (PostgreSQL sessions only)."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    rows = []
    for row in (*session.new, *session.dirty):
        found = document_of(row)
        if found is not None:
            kind, title, body = found
            rows.append({"kind": kind, "ref_id": row.id, "title": title, "body": body})
    if rows:
        session.connection().execute(_UPSERT, rows)
