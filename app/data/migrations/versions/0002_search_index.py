"""full-text search index over policies, events, sources, excerpts and notes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

`search_doc` holds one row per searchable entity, kept in sync by triggers on the entity
tables; `search_fts` is an FTS5 index over it (external content, so the text is stored once).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json_words(column: str) -> str:
    return f"coalesce((SELECT group_concat(value, ' ') FROM json_each({column})), '')"


# kind -> (table, title expression, body expression); expressions use NEW.
_DOCUMENTS = {
    "policy": (
        "policy",
        f"NEW.title || ' ' || {_json_words('NEW.aliases')}",
        f"NEW.summary || ' ' || NEW.legal_basis || ' ' || {_json_words('NEW.agencies')}"
        f" || ' ' || {_json_words('NEW.tags')}",
    ),
    "event": ("status_event", "''", "NEW.description"),
    "source": (
        "source",
        "NEW.title",
        f"NEW.publisher || ' ' || NEW.issuer || ' ' || {_json_words('NEW.authors')}",
    ),
    "excerpt": ("excerpt", "''", "NEW.text"),
    "note": ("note", "NEW.quote", f"NEW.body || ' ' || {_json_words('NEW.tags')}"),
}


def upgrade() -> None:
    op.execute(
        """CREATE TABLE search_doc (
            rowid INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            ref_id TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            UNIQUE (kind, ref_id)
        )"""
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_doc', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(
        """CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
            INSERT INTO search_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END"""
    )
    op.execute(
        """CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
            INSERT INTO search_fts(search_fts, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
        END"""
    )
    for kind, (table, title, body) in _DOCUMENTS.items():
        upsert = (
            f"INSERT INTO search_doc(kind, ref_id, title, body) VALUES ('{kind}', NEW.id, {title}, {body})"
        )
        remove = f"DELETE FROM search_doc WHERE kind = '{kind}' AND ref_id = OLD.id"
        op.execute(f"CREATE TRIGGER search_{kind}_ai AFTER INSERT ON {table} BEGIN {upsert}; END")
        op.execute(f"CREATE TRIGGER search_{kind}_au AFTER UPDATE ON {table} BEGIN {remove}; {upsert}; END")
        op.execute(f"CREATE TRIGGER search_{kind}_ad AFTER DELETE ON {table} BEGIN {remove}; END")
        columns = f"'{kind}', t.id, {title}, {body}".replace("NEW.", "t.")
        op.execute(f"INSERT INTO search_doc(kind, ref_id, title, body) SELECT {columns} FROM {table} AS t")


def downgrade() -> None:
    for kind in _DOCUMENTS:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{kind}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_doc")
