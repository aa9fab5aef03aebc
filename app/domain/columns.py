"""The columns of the CSV tables: what an export writes and an import reads, declared once."""

from __future__ import annotations

POLICY_COLUMNS = [
    "slug",
    "title",
    "aliases",
    "jurisdiction",
    "kind",
    "current_status",
    "status_since",
    "summary",
    "legal_basis",
    "agencies",
    "tags",
    "sources",
    "related",
    "last_verified",
]
EVENT_COLUMNS = [
    "policy_slug",
    "policy_title",
    "date",
    "date_precision",
    "status",
    "description",
    "sources",
    "source_ids",
    "confidence",
    "disagreement",
]
# Columns added after the first tables were exported: a file without them still imports.
ADDED_COLUMNS = frozenset({"last_verified", "source_ids", "confidence", "disagreement"})
# Only with --include-notes, as a third file: the person's own notes, labelled as such.
NOTE_COLUMNS = ["policy_slug", "policy_title", "personal_note", "quote", "tags", "pinned", "updated"]
