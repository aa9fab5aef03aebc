"""The plain rows the services return about policies, notes, sources and the trash (read from the store)."""

from __future__ import annotations

from app.data.details import (
    MATCH_END,
    MATCH_START,
    EventRow,
    ExcerptRow,
    FigureRow,
    MatchReason,
    NoteListRow,
    NoteRow,
    PolicyDetail,
    RelationRow,
    SavedSearchRow,
    SourceRow,
)

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "EventRow",
    "ExcerptRow",
    "FigureRow",
    "MatchReason",
    "NoteListRow",
    "NoteRow",
    "PolicyDetail",
    "RelationRow",
    "SavedSearchRow",
    "SourceRow",
]
