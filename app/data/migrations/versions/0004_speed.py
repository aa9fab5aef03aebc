"""indexes for the list's read path, and a small search index over policy fields alone

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

`search_policy_fts` indexes only the policy documents of `search_doc`, so that matches in
titles, aliases and summaries come back at once, before the complete search (events,
sources, excerpts, notes) has finished.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_status_event_latest ON status_event (policy_id, date_sort, position, created_at)"
        " WHERE deleted_at IS NULL"
    )
    op.execute("CREATE INDEX ix_note_live_policy ON note (policy_id) WHERE deleted_at IS NULL")
    op.execute("CREATE INDEX ix_source_trashed ON source (id) WHERE deleted_at IS NOT NULL")
    op.execute("CREATE INDEX ix_note_updated ON note (updated_at) WHERE deleted_at IS NULL")
    op.execute("CREATE INDEX ix_policy_title ON policy (title COLLATE NOCASE) WHERE deleted_at IS NULL")
    op.execute(
        "CREATE VIRTUAL TABLE search_policy_fts USING fts5(title, body, content='search_doc', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(
        """CREATE TRIGGER search_doc_policy_ai AFTER INSERT ON search_doc WHEN new.kind = 'policy' BEGIN
            INSERT INTO search_policy_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END"""
    )
    op.execute(
        """CREATE TRIGGER search_doc_policy_ad AFTER DELETE ON search_doc WHEN old.kind = 'policy' BEGIN
            INSERT INTO search_policy_fts(search_policy_fts, rowid, title, body)
            VALUES ('delete', old.rowid, old.title, old.body);
        END"""
    )
    op.execute(
        "INSERT INTO search_policy_fts(rowid, title, body) SELECT rowid, title, body FROM search_doc"
        " WHERE kind = 'policy'"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS search_doc_policy_ai")
    op.execute("DROP TRIGGER IF EXISTS search_doc_policy_ad")
    op.execute("DROP TABLE IF EXISTS search_policy_fts")
    for index in (
        "ix_status_event_latest",
        "ix_note_live_policy",
        "ix_source_trashed",
        "ix_note_updated",
        "ix_policy_title",
    ):
        op.execute(f"DROP INDEX IF EXISTS {index}")
