"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "meta",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "policy",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("jurisdiction", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("legal_basis", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("agencies", sa.JSON(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("deleted_at", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.CheckConstraint("origin IN ('starter','user')", name="policy_origin"),
        sa.CheckConstraint("slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'", name="policy_slug_form"),
        sa.CheckConstraint("length(trim(title)) > 0", name="policy_title_required"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_slug"), ["slug"], unique=True)

    op.create_table(
        "seed_state",
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("entity_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id"),
    )
    op.create_table(
        "source",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("publisher", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("published", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("published_precision", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("issuer", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("deleted_at", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.CheckConstraint(
            "published_precision IS NULL OR published_precision IN ('day','month','year')",
            name="source_published_precision",
        ),
        sa.CheckConstraint(
            "url IS NULL OR url LIKE 'http://%' OR url LIKE 'https://%'", name="source_url_http"
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name="source_title_required"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "excerpt",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint("length(trim(text)) > 0", name="excerpt_text_required"),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("excerpt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_excerpt_source_id"), ["source_id"], unique=False)

    op.create_table(
        "figure",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("policy_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("date", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("date_precision", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("period_end", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("source_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("quote", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint("date_precision IN ('day','month','year')", name="figure_date_precision"),
        sa.CheckConstraint("length(trim(label)) > 0", name="figure_label_required"),
        sa.ForeignKeyConstraint(["policy_id"], ["policy.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_figure_policy_id"), ["policy_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_figure_source_id"), ["source_id"], unique=False)

    op.create_table(
        "policy_source",
        sa.Column("policy_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["policy_id"], ["policy.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("policy_id", "source_id"),
    )
    with op.batch_alter_table("policy_source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_source_source_id"), ["source_id"], unique=False)

    op.create_table(
        "relation",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("from_policy_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("to_policy_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint("kind IN ('supersedes','related_to','conflicts_with')", name="relation_kind"),
        sa.CheckConstraint("from_policy_id <> to_policy_id", name="relation_not_self"),
        sa.ForeignKeyConstraint(["from_policy_id"], ["policy.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["to_policy_id"], ["policy.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("from_policy_id", "to_policy_id", "kind", name="relation_unique"),
    )
    with op.batch_alter_table("relation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_relation_from_policy_id"), ["from_policy_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_relation_to_policy_id"), ["to_policy_id"], unique=False)

    op.create_table(
        "status_event",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("policy_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("date", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("date_precision", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("date_sort", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("deleted_at", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.CheckConstraint("date_precision IN ('day','month','year')", name="event_date_precision"),
        sa.CheckConstraint(
            "status IN ('proposed','announced','enacted','in_effect','suspended','blocked_by_court','under_litigation','reinstated','terminated','superseded','expired','not_enacted')",
            name="event_status_vocabulary",
        ),
        sa.ForeignKeyConstraint(["policy_id"], ["policy.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("status_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_status_event_date_sort"), ["date_sort"], unique=False)
        batch_op.create_index(batch_op.f("ix_status_event_policy_id"), ["policy_id"], unique=False)

    op.create_table(
        "event_citation",
        sa.Column("event_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["status_event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("event_id", "source_id"),
    )
    with op.batch_alter_table("event_citation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_citation_source_id"), ["source_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("policy_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("event_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("source_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("quote", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("body", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("deleted_at", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["status_event.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["policy_id"], ["policy.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_policy_id"), ["policy_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_source_id"), ["source_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_source_id"))
        batch_op.drop_index(batch_op.f("ix_note_policy_id"))
        batch_op.drop_index(batch_op.f("ix_note_event_id"))

    op.drop_table("note")
    with op.batch_alter_table("event_citation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_citation_source_id"))

    op.drop_table("event_citation")
    with op.batch_alter_table("status_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_event_policy_id"))
        batch_op.drop_index(batch_op.f("ix_status_event_date_sort"))

    op.drop_table("status_event")
    with op.batch_alter_table("relation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relation_to_policy_id"))
        batch_op.drop_index(batch_op.f("ix_relation_from_policy_id"))

    op.drop_table("relation")
    with op.batch_alter_table("policy_source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_source_source_id"))

    op.drop_table("policy_source")
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_figure_source_id"))
        batch_op.drop_index(batch_op.f("ix_figure_policy_id"))

    op.drop_table("figure")
    with op.batch_alter_table("excerpt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_excerpt_source_id"))

    op.drop_table("excerpt")
    op.drop_table("source")
    op.drop_table("seed_state")
    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_slug"))

    op.drop_table("policy")
    op.drop_table("meta")
