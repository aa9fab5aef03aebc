"""The plain rows the services return about policies, notes, sources and the trash (read from the store)."""

from __future__ import annotations

from dataclasses import replace

from app.data.details import (
    MATCH_END,
    MATCH_START,
    ChangeRow,
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
from app.domain.vocab import SYMMETRIC_RELATIONS

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "ChangeRow",
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
    "one_row_per_relation",
]


def one_row_per_relation(relations: list[RelationRow]) -> list[RelationRow]:
    """The relations as a reader counts them: a symmetric one ("related to", "conflicts with")
    stored in both directions is one row, with both notes and both ids. The stored rows stay as
    they are (a bundle carries them as stored); this is how the window lists them."""
    merged: dict[tuple[str, str, bool], RelationRow] = {}
    for relation in relations:
        key = (relation.kind, relation.other_slug, relation.outgoing or relation.kind in SYMMETRIC_RELATIONS)
        first = merged.get(key)
        if first is None:
            merged[key] = replace(relation, ids=(relation.id,))
        else:
            notes = [n for n in dict.fromkeys((first.note.strip(), relation.note.strip())) if n]
            merged[key] = replace(first, note=" · ".join(notes), ids=(*first.ids, relation.id))
    return list(merged.values())
