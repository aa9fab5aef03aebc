"""team list: a count of committed changes, so a client can keep the policy list while nothing changed

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

A dialect branch: only a team workspace (PostgreSQL) changes. Building the list's rows for every
policy (latest status, counts of sources and notes) took about 350 ms at size L on every search.
A client now keeps the rows it read with the number of committed changes it read them at, and
reuses them while that number is the same (app.data.postgres.kept_list).

The number is the sum of `pt_commit_count`: every transaction that changes a table the list
reads adds one to one of 64 rows when it commits (a deferred trigger, once per transaction).
Being transactional, the sum read in the same statement as the rows says exactly which commits
those rows include; spread over 64 rows, concurrent writers rarely wait for each other, and
never while holding other locks they could be waiting for (the trigger runs at commit).
A SQLite workspace keeps its list rows in the file (policy_list, 0006) and is unchanged.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A frozen copy of app.data.postgres.schema.NOTIFYING_TABLES as it is at this revision.
_TABLES = (
    "policy",
    "status_event",
    "source",
    "excerpt",
    "policy_source",
    "event_citation",
    "note",
    "relation",
    "figure",
    "saved_search",
)

# Kept in step with app.data.postgres.schema (_COMMIT_COUNT); a test compares the two schemas.
_COMMIT_COUNT = """
CREATE TABLE pt_commit_count (shard integer PRIMARY KEY, n bigint NOT NULL);
INSERT INTO pt_commit_count SELECT shard, 0 FROM generate_series(0, 63) AS shard;
-- As its owner (members may read the count, not change it).
CREATE FUNCTION pt_count_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF current_setting('pt.commit_counted', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('pt.commit_counted', 'yes', true);
        UPDATE pt_commit_count SET n = n + 1 WHERE shard = mod(txid_current(), 64);
    END IF;
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_COMMIT_COUNT)
    for table in _TABLES:
        op.execute(
            f"CREATE CONSTRAINT TRIGGER {table}_commit_count AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pt_count_commit()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _TABLES:
        op.execute(f"DROP TRIGGER {table}_commit_count ON {table}")
    op.execute("DROP FUNCTION pt_count_commit()")
    op.execute("DROP TABLE pt_commit_count")
