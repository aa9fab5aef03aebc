"""Facts about the schema that the start-up path needs without importing Alembic."""

# The newest Alembic revision; a test checks it matches migrations/versions.
HEAD_REVISION = "0003"

SQLITE_HEADER = b"SQLite format 3\x00"
