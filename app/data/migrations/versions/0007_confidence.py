"""how sure each status event is, where its sources disagree, and when a policy was last verified

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

`status_event.confidence` is confirmed (a primary source), reported (secondary sources only)
or unconfirmed (declared or claimed but not confirmed, or contested); `status_event.disagreement`
says, in plain words, where the sources disagree. `policy.last_verified` is the day the policy's
facts were last checked (NULL: never said).

Plain ADD COLUMN, not a batch (copy-and-rename) operation: it keeps the triggers that migrations
0002, 0005 and 0006 put on these tables, runs inside the upgrade's one transaction, and is quick
on a large file. Existing events get the default that new events without a stated confidence get
(app.domain.vocab.default_confidence): confirmed when they cite a government, court or legislation
source, else reported. The policy list (`policy_list`, 0006) shows none of these columns, so its
rows and triggers stay as they are: its triggers fire on named columns only, and these are not
among them, so filling the column below does not recompute a single list row.

An event's search document (migration 0002) now holds its disagreement after its description, so
that a search finds the words the History tab shows. Only the two triggers that write event
documents change; existing documents need no rewrite, as every disagreement starts empty. They are
dropped before the confidence is filled in, so that filling it does not rewrite every event's
document either.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the rules in app.data.tables and app.domain.vocab as they are at this revision.
_CONFIDENCE_CHECK = "confidence IN ('confirmed','reported','unconfirmed')"
_LAST_VERIFIED_CHECK = (
    "last_verified IS NULL OR last_verified GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
)
_PRIMARY_KINDS = "'government','court','legislation'"


def _drop_event_document_triggers() -> None:
    op.execute("DROP TRIGGER IF EXISTS search_event_ai")
    op.execute("DROP TRIGGER IF EXISTS search_event_au")


def _create_event_document_triggers(body: str) -> None:
    """The triggers that write an event's search document, in the words migration 0002 used."""
    upsert = f"INSERT INTO search_doc(kind, ref_id, title, body) VALUES ('event', NEW.id, '', {body})"
    remove = "DELETE FROM search_doc WHERE kind = 'event' AND ref_id = OLD.id"
    op.execute(f"CREATE TRIGGER search_event_ai AFTER INSERT ON status_event BEGIN {upsert}; END")
    op.execute(f"CREATE TRIGGER search_event_au AFTER UPDATE ON status_event BEGIN {remove}; {upsert}; END")


def upgrade() -> None:
    _drop_event_document_triggers()
    op.execute(
        "ALTER TABLE status_event ADD COLUMN confidence VARCHAR NOT NULL DEFAULT 'reported'"
        f" CONSTRAINT event_confidence_vocabulary CHECK ({_CONFIDENCE_CHECK})"
    )
    op.execute("ALTER TABLE status_event ADD COLUMN disagreement VARCHAR NOT NULL DEFAULT ''")
    op.execute(
        "ALTER TABLE policy ADD COLUMN last_verified VARCHAR"
        f" CONSTRAINT policy_last_verified_day CHECK ({_LAST_VERIFIED_CHECK})"
    )
    op.execute(
        f"""UPDATE status_event SET confidence = 'confirmed' WHERE EXISTS (
              SELECT 1 FROM event_citation c JOIN source s ON s.id = c.source_id
              WHERE c.event_id = status_event.id AND s.kind IN ({_PRIMARY_KINDS}))"""
    )
    _create_event_document_triggers("NEW.description || ' ' || NEW.disagreement")


def downgrade() -> None:
    _drop_event_document_triggers()
    _create_event_document_triggers("NEW.description")
    op.execute("ALTER TABLE policy DROP COLUMN last_verified")
    op.execute("ALTER TABLE status_event DROP COLUMN disagreement")
    op.execute("ALTER TABLE status_event DROP COLUMN confidence")
