"""The plain rows the services return (read from the store), for the window and the command line."""

from __future__ import annotations

from app.data.rows import (
    EventRow,
    ExcerptRow,
    FigureRow,
    NoteListRow,
    NoteRow,
    PolicyDetail,
    PolicyRow,
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
    "PolicyRow",
    "RelationRow",
    "SavedSearchRow",
    "SourceRow",
]
