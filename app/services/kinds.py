"""Kinds of entry named across the services and the window, declared once.

A light module (no ORM, no SQL), so the window can use these names before the first paint.
"""

from __future__ import annotations

from enum import StrEnum


class TrashKind(StrEnum):
    """The kinds of entry that go to the trash (and come back from it); declared once for the trash
    dialog, the undo texts and the operations."""

    POLICY = "policy"
    EVENT = "event"
    SOURCE = "source"
    NOTE = "note"


class Facet(StrEnum):
    """The groups of the filter panel, in its order. Each names a field of the filters, a key of saved
    searches and the setting that remembers what is ticked."""

    STATUS = "status"
    JURISDICTION = "jurisdiction"
    KIND = "kind"
    TAG = "tag"

    @property
    def setting_key(self) -> str:
        """Where the window remembers the values ticked in this group."""
        return f"filters/{self.value}"
