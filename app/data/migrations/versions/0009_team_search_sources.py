"""team search: each source's and excerpt's search document names its source

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A dialect branch: only a team workspace (PostgreSQL) changes. Its complete search maps a
matching source or excerpt to the policies linked to that source; finding an excerpt's source
took one more lookup per matching excerpt (about 200 ms for 21,000 of them at size L). Now the
document carries `source_id`, so matches are grouped per source before the links are joined.
A SQLite workspace finds the same through its search_owner table (0005) and is unchanged.

On PostgreSQL the migration runs as the workspace's owner (`policy-tracker team upgrade`).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_postgresql():
        return
    op.execute("ALTER TABLE search_doc ADD COLUMN source_id text")
    op.execute("UPDATE search_doc SET source_id = ref_id WHERE kind = 'source'")
    op.execute(
        "UPDATE search_doc d SET source_id = x.source_id FROM excerpt x WHERE d.kind = 'excerpt' AND x.id = d.ref_id"
    )


def downgrade() -> None:
    if not _on_postgresql():
        return
    op.execute("ALTER TABLE search_doc DROP COLUMN source_id")
