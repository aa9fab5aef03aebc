"""which policies each search document belongs to, in a narrow table the complete search joins

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

`search_owner` has one row per search document and policy it counts for: a policy's own
document, its live status events and notes, and the sources (and their excerpts) linked to
it. The complete search maps every FTS5 match to its policies through this table instead
of looking each match up in `search_doc` (wide rows, with the text) and then in the
entity's own table. Triggers on `search_doc` and `policy_source` keep it in step; events
and notes in the trash have no row (any update re-creates a document, so trashing and
restoring are covered). A source in the trash is left out at query time, because trashing
it does not touch its excerpts' documents; a policy in the trash drops out when the search
joins the list of live policies.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# kind -> (tables, policy expression, source expression, condition); {ref} is the document's ref_id.
_OWNERS = {
    "policy": ("policy t", "t.id", "NULL", "t.id = {ref}"),
    "event": ("status_event t", "t.policy_id", "NULL", "t.id = {ref} AND t.deleted_at IS NULL"),
    "note": ("note t", "t.policy_id", "NULL", "t.id = {ref} AND t.deleted_at IS NULL"),
    "source": ("policy_source t", "t.policy_id", "t.source_id", "t.source_id = {ref}"),
    "excerpt": (
        "excerpt x JOIN policy_source t ON t.source_id = x.source_id",
        "t.policy_id",
        "t.source_id",
        "x.id = {ref}",
    ),
}

# The documents of a source and of its excerpts, for a link between a policy and that source.
# CROSS JOIN keeps excerpts outermost: without statistics (a new file) SQLite would otherwise
# scan every excerpt document for each link.
_LINKED_DOCUMENTS = """
SELECT d.rowid, d.kind, {link}.policy_id, {link}.source_id FROM search_doc d
 WHERE d.kind = 'source' AND d.ref_id = {link}.source_id
UNION ALL
SELECT d.rowid, d.kind, {link}.policy_id, {link}.source_id FROM excerpt x
  CROSS JOIN search_doc d ON d.kind = 'excerpt' AND d.ref_id = x.id
 WHERE x.source_id = {link}.source_id
"""

_INSERT = "INSERT OR IGNORE INTO search_owner(doc, kind, policy_id, source_id)"
_UNLINK = "DELETE FROM search_owner WHERE source_id = old.source_id AND policy_id = old.policy_id"


def upgrade() -> None:
    op.execute(
        """CREATE TABLE search_owner (
            doc INTEGER NOT NULL,
            kind TEXT NOT NULL,
            policy_id TEXT NOT NULL,
            source_id TEXT,
            PRIMARY KEY (doc, policy_id)
        ) WITHOUT ROWID"""
    )
    op.execute(
        "CREATE INDEX search_owner_link ON search_owner (source_id, policy_id) WHERE source_id IS NOT NULL"
    )
    for kind, (tables, policy, source, condition) in _OWNERS.items():
        op.execute(
            f"""CREATE TRIGGER search_owner_{kind}_ai AFTER INSERT ON search_doc WHEN new.kind = '{kind}' BEGIN
                {_INSERT} SELECT new.rowid, '{kind}', {policy}, {source}
                FROM {tables} WHERE {condition.format(ref="new.ref_id")};
            END"""
        )
        op.execute(
            f"{_INSERT} SELECT d.rowid, '{kind}', {policy}, {source} FROM search_doc d, {tables}"
            f" WHERE d.kind = '{kind}' AND {condition.format(ref='d.ref_id')}"
        )
    op.execute(
        "CREATE TRIGGER search_owner_ad AFTER DELETE ON search_doc BEGIN "
        "DELETE FROM search_owner WHERE doc = old.rowid; END"
    )
    op.execute(
        f"""CREATE TRIGGER search_owner_link_ai AFTER INSERT ON policy_source BEGIN
            {_INSERT} {_LINKED_DOCUMENTS.format(link="new")};
        END"""
    )
    op.execute(f"CREATE TRIGGER search_owner_link_ad AFTER DELETE ON policy_source BEGIN {_UNLINK}; END")
    op.execute(
        f"""CREATE TRIGGER search_owner_link_au AFTER UPDATE ON policy_source BEGIN
            {_UNLINK};
            {_INSERT} {_LINKED_DOCUMENTS.format(link="new")};
        END"""
    )


def downgrade() -> None:
    for name in [f"{kind}_ai" for kind in _OWNERS] + ["ad", "link_ai", "link_ad", "link_au"]:
        op.execute(f"DROP TRIGGER IF EXISTS search_owner_{name}")
    op.execute("DROP TABLE IF EXISTS search_owner")
