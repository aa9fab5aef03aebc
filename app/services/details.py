"""The plain rows the services return about policies, notes, sources and the trash (read from the store)."""

from __future__ import annotations

from app.data.details import (
    EventRow,
    ExcerptRow,
    FigureRow,
    NoteListRow,
    NoteRow,
    PolicyDetail,
    RelationRow,
    SavedSearchRow,
    SourceRow,
)

__all__ = [
    "EventRow",
    "ExcerptRow",
    "FigureRow",
    "NoteListRow",
    "NoteRow",
    "PolicyDetail",
    "RelationRow",
    "SavedSearchRow",
    "SourceRow",
]
