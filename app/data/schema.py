"""Facts about the schema that the start-up path needs without importing Alembic."""

# The newest Alembic revision; a test checks it matches migrations/versions.
HEAD_REVISION = "0010"

SQLITE_HEADER = b"SQLite format 3\x00"

# Made by raw SQL in migrations (partial and expression indexes, FTS5), not by the SQLModel tables.
RAW_SQL_INDEXES = frozenset(
    {
        "ix_status_event_latest",
        "ix_note_live_policy",
        "ix_source_trashed",
        "ix_note_updated",
        "ix_policy_title",
        "ix_policy_list_title",
    }
)

# Tables made by raw SQL in migrations and kept by triggers, not modelled by the ORM.
RAW_SQL_TABLES = frozenset({"policy_key", "policy_list"})
