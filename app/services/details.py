"""The plain rows the services return about policies, notes, sources and the trash (read from the store)."""

from __future__ import annotations

from app.data.details import (
    ChangeRow,
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
    "ChangeRow",
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
