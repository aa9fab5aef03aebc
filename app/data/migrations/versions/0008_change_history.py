"""change history: every change to an entry, who made it and when, before and after

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

`change_record` keeps one row per change to a policy, status event, source, excerpt, note,
relation or figure, written in the transaction that made the change (app.data.change_log).
`seq` is AUTOINCREMENT so that it only grows, even after old records are pruned: a reader (the
window, a team workspace's other members) catches up from the last number it saw. `batch` groups
the records of one action; `source` says what made it ("edit", "undo", "redo", "import NAME",
"starter data"). `before`/`after` are JSON text, NULL when the entry did not exist.

`change_policy` lists each policy a change concerns (a source may belong to several, a relation
to two). `briefing_mark` remembers, per set of policies, when their changes were last briefed.

Portable types only (INTEGER, VARCHAR, TEXT), so a PostgreSQL workspace can have the same tables.
Existing workspaces start with an empty history: what happened before this version was not
recorded, and is not invented.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A frozen copy of app.domain.vocab.ChangeKind as it is at this revision.
_KIND_CHECK = "kind IN ('policy','event','source','excerpt','note','relation','figure')"


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "change_record",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", text(), nullable=False),
        sa.Column("who", text(), nullable=False),
        sa.Column("kind", text(), nullable=False),
        sa.Column("entry_id", text(), nullable=False),
        sa.Column("policy_id", text(), nullable=True),
        sa.Column("summary", text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("batch", text(), nullable=False),
        sa.Column("source", text(), nullable=False),
        sa.CheckConstraint(_KIND_CHECK, name="change_kind"),
        sa.PrimaryKeyConstraint("seq"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_change_record_at", "change_record", ["at"])
    op.create_index("ix_change_record_entry", "change_record", ["kind", "entry_id"])
    op.create_table(
        "change_policy",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("policy_id", text(), nullable=False),
        sa.ForeignKeyConstraint(["seq"], ["change_record.seq"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("seq", "policy_id"),
    )
    op.create_index("ix_change_policy_policy", "change_policy", ["policy_id", "seq"])
    op.create_table(
        "briefing_mark",
        sa.Column("scope", text(), nullable=False),
        sa.Column("policy_ids", sa.JSON(), nullable=False),
        sa.Column("at", text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope"),
    )


def downgrade() -> None:
    op.drop_table("briefing_mark")
    op.drop_index("ix_change_policy_policy", table_name="change_policy")
    op.drop_table("change_policy")
    op.drop_index("ix_change_record_entry", table_name="change_record")
    op.drop_index("ix_change_record_at", table_name="change_record")
    op.drop_table("change_record")
    if op.get_bind().dialect.name == "sqlite":  # its counter row; the table itself SQLite keeps
        op.execute("DELETE FROM sqlite_sequence WHERE name = 'change_record'")
