"""Full-text search in a team workspace: documents written from Python, accents folded there.

Each searchable entry has one `search_doc` row: a tsvector of its title-like words (weight A)
and of the rest (weight B), with the 'simple' configuration (no stemming, as SQLite's FTS5 has
none). The words are folded and split in Python (app.domain.search.folded_words) both when
indexing and when querying, so a team workspace matches the same words as a SQLite one.
Documents are written after every flush of a session on a PostgreSQL engine, whatever service
flushed it; a deleted entry's document is removed by a trigger (cascades included).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


# kind -> (its table's model, the fields of its weighted-A words, the fields of its other words):
# the same fields as SQLite's search documents (migration 0002).
DOCUMENTS: dict[str, tuple[type[Any], tuple[str, ...], tuple[str, ...]]] = {
    "policy": (Policy, ("title", "aliases"), ("summary", "legal_basis", "agencies", "tags")),
    "event": (StatusEvent, (), ("description",)),
    "source": (Source, ("title",), ("publisher", "issuer", "authors")),
    "excerpt": (Excerpt, (), ("text",)),
    "note": (Note, ("quote",), ("body", "tags")),
}


def document_texts(kind: str, values: Callable[[str], Any]) -> tuple[str, str]:
    """The folded words (weighted A, the rest) of an entry of `kind`, its field values from `values`."""
    _, title, body = DOCUMENTS[kind]
    return _words(*(values(name) for name in title)), _words(*(values(name) for name in body))


def document_of(row: Any) -> tuple[str, str, str] | None:
    """(kind, weighted title words, other words) of an entry that is searched, else None."""
    for kind, (model, _, _) in DOCUMENTS.items():
        if isinstance(row, model):
            return (kind, *document_texts(kind, lambda name: getattr(row, name)))
    return None


_UPSERT = text(
    """INSERT INTO search_doc (kind, ref_id, policy_id, source_id, document)
       VALUES (:kind, :ref_id, :policy_id, :source_id, setweight(to_tsvector('simple', :title), 'A')
                                                       || setweight(to_tsvector('simple', :body), 'B'))
       ON CONFLICT (kind, ref_id) DO UPDATE
          SET policy_id = excluded.policy_id, source_id = excluded.source_id, document = excluded.document"""
)
_FORGET = text("DELETE FROM search_doc WHERE kind = :kind AND ref_id = :ref_id")

# Kinds whose entries in the trash are not searched (a policy's and a source's are left out at
# query time, where the list and the links are joined anyway).
_TRASHED_UNSEARCHED = ("event", "note")


def owner_of(kind: str, values: Callable[[str], Any]) -> str | None:
    """The policy a document counts for directly (None: a source's or an excerpt's, by their links)."""
    if kind == "policy":
        return str(values("id"))
    if kind in ("event", "note"):
        return str(values("policy_id"))
    return None


def source_of(kind: str, values: Callable[[str], Any]) -> str | None:
    """The source a source's or an excerpt's document belongs to (None for the other kinds)."""
    if kind == "source":
        return str(values("id"))
    if kind == "excerpt":
        return str(values("source_id"))
    return None


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
    rows, gone = [], []
    for row in (*session.new, *session.dirty):
        found = document_of(row)
        if found is None:
            continue
        kind, title, body = found
        if kind in _TRASHED_UNSEARCHED and row.deleted_at is not None:
            gone.append({"kind": kind, "ref_id": row.id})
            continue
        value = row.__getattribute__
        rows.append(
            {
                "kind": kind,
                "ref_id": row.id,
                "policy_id": owner_of(kind, value),
                "source_id": source_of(kind, value),
                "title": title,
                "body": body,
            }
        )
    connection = session.connection()
    if gone:
        connection.execute(_FORGET, gone)
    if rows:
        connection.execute(_UPSERT, rows)
