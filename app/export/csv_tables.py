"""Policies and their status events as two flat tables for spreadsheets."""

from __future__ import annotations

import csv
import io

from app.domain.columns import ADDED_COLUMNS, EVENT_COLUMNS, NOTE_COLUMNS, POLICY_COLUMNS
from app.export.briefing import Briefing, Citation
from app.export.citations import citation_text

__all__ = [
    "ADDED_COLUMNS",
    "EVENT_COLUMNS",
    "NOTE_COLUMNS",
    "POLICY_COLUMNS",
    "briefing_csv",
    "cell",
    "joined",
]


def cell(text: str) -> str:
    """A spreadsheet treats a cell that starts with = + - @ as a formula; a leading quote keeps it text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def joined(items: list[str], separator: str) -> str:
    """A list in one cell; a separator inside an item is escaped (\\;) so the import splits it back."""
    return f"{separator} ".join(
        item.replace("\\", "\\\\").replace(separator, "\\" + separator) for item in items
    )


def _write(rows: list[list[str]]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerows([[cell(value) for value in row] for row in rows])
    return stream.getvalue()


def _named(c: Citation) -> str:
    """A source named so that it can be found again: its title and its address."""
    return f"[{c.number}] {c.title} ({c.url or 'no URL recorded'})"


def briefing_csv(briefing: Briefing) -> tuple[str, str, str]:
    """(policies table, events table, personal notes table) as CSV text; the notes table is
    empty ("") unless the briefing was built with the notes."""
    policies = [POLICY_COLUMNS]
    # A briefing of changes says, per event, how it changed (an extra last column; importing ignores it).
    events = [[*EVENT_COLUMNS, "change"] if briefing.is_changes else EVENT_COLUMNS]
    notes = [NOTE_COLUMNS]
    for p in briefing.policies:
        sources = " | ".join(
            f"[{c.number}] {citation_text(c, getattr(briefing, 'language', 'en'))}" for c in p.citations
        )
        related = "; ".join(dict.fromkeys(f"{r.phrase} {r.title}" for r in p.related))
        policies.append(
            [
                p.slug,
                p.title,
                joined(p.aliases, ";"),
                p.jurisdiction,
                p.kind,
                p.status,
                p.since_iso,
                p.summary,
                p.legal_basis,
                joined(p.agencies, ";"),
                joined(p.tags, ","),
                sources,
                related,
                p.last_verified_iso,
            ]
        )
        by_number = {c.number: c for c in p.citations}
        for t in p.timeline:
            cited = [by_number[n] for n in t.citations if n in by_number]
            events.append(
                [
                    p.slug,
                    p.title,
                    t.date_iso,
                    t.precision,
                    t.status,
                    t.description,
                    " | ".join(_named(c) for c in cited),
                    "; ".join(c.source_id for c in cited),
                    t.confidence,
                    t.disagreement,
                    *([t.change] if briefing.is_changes else []),
                ]
            )
        for note in p.notes:
            notes.append(
                [
                    p.slug,
                    p.title,
                    note.body,
                    note.quote,
                    joined(note.tags, ","),
                    "yes" if note.pinned else "",
                    note.updated,
                ]
            )
    return _write(policies), _write(events), (_write(notes) if briefing.include_notes else "")
