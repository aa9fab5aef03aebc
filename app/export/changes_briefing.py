"""A briefing of what changed since a day: for each policy, its current status, the status events
that happened since (their own date) or were recorded or corrected since (the change history's
time), the sources and figures added or changed, and (if asked) the person's notes. Each event
says which it is ("Happened since 1 Dec 2026", "Newly recorded", "Record corrected", "Removed
from the record"); the sources they cite are numbered as in every briefing.

It is a `Briefing` with `changes_since` set, so every format writes it (app/export/*).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from app.data.details import ChangeQuery, ChangeRow, EventRow, PolicyDetail
from app.domain.dates import PartialDate
from app.domain.vocab import ChangeKind
from app.export.briefing import (
    Briefing,
    ExportCancelled,
    PolicySummary,
    clean,
    policy_titles,
    summarize,
)
from app.export.labels import date_label, supported, text
from app.services.changes import Since
from app.services.workspace import Workspace


def _query(since: Since, policy_id: str) -> ChangeQuery:
    return ChangeQuery(since=since.moment, after_seq=since.after_seq, policy_ids=(policy_id,))


def _latest(records: list[ChangeRow], kind: ChangeKind) -> dict[str, tuple[ChangeRow, ChangeRow]]:
    """Per entry of this kind, its first and last record in the period (oldest first)."""
    found: dict[str, tuple[ChangeRow, ChangeRow]] = {}
    for record in records:
        if record.kind == kind:
            first = found.get(record.entry_id, (record, record))[0]
            found[record.entry_id] = (first, record)
    return found


def _is_gone(state: dict[str, object] | None) -> bool:
    return state is None or state.get("deleted_at") is not None


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _removed_event(state: dict[str, object]) -> EventRow:
    return EventRow(
        id="",
        date=str(state["date"]),
        date_precision=str(state["date_precision"]),
        status=str(state["status"]),
        description=str(state.get("description", "")),
        source_ids=[str(s) for s in _listed(state.get("sources"))],
        confidence=str(state.get("confidence", "reported")),
        disagreement=str(state.get("disagreement", "")),
    )


def _count(language: str, key: str, count: int, **values: object) -> str:
    return text(language, f"{key}_one" if count == 1 else key, count=count, **values)


def changes_of_policy(
    detail: PolicyDetail,
    records: list[ChangeRow],
    since: Since,
    *,
    include_notes: bool,
    language: str,
    slugs: dict[str, str] | None,
) -> PolicySummary:
    """The policy as a briefing of changes shows it."""
    day_shown = date_label(since.day, language)
    events = _latest(records, ChangeKind.EVENT)
    # A removed event is not in the detail: it is put back, from its last recorded state, to be shown.
    removed = [
        (entry_id, last.before or first.before)
        for entry_id, (first, last) in events.items()
        if _is_gone(last.after) and first.before is not None and not _is_gone(first.before)
    ]
    shown_events = list(detail.events) + [
        replace(_removed_event(state), id=entry_id) for entry_id, state in removed if state is not None
    ]
    full = summarize(replace(detail, events=shown_events), include_notes, language, slugs)
    if removed:  # the current status is the live events' (a removed one may have been the latest)
        now = summarize(detail, include_notes, language, slugs)
        full = replace(
            full, status=now.status, status_value=now.status_value, since=now.since, since_iso=now.since_iso
        )
    labels: dict[str, str] = {}
    for event in shown_events:
        happened = PartialDate.parse(event.date).first_day().isoformat() >= since.day
        record = events.get(event.id)
        if any(event.id == entry for entry, _state in removed):
            labels[event.id] = text(language, "removed_from_record")
        elif happened:
            labels[event.id] = text(language, "happened_since", date=day_shown)
        elif record is not None and record[0].before is None:
            labels[event.id] = text(language, "newly_recorded")
        elif record is not None:
            labels[event.id] = text(language, "record_updated")
    timeline = [
        replace(entry, change=labels[event.id])
        for event, entry in zip(shown_events, full.timeline, strict=True)
        if event.id in labels
    ]
    timeline.sort(key=lambda e: (PartialDate.parse(e.date_iso).first_day(), e.date_iso))

    changed_sources = {
        entry_id
        for entry_id, (_first, last) in _latest(records, ChangeKind.SOURCE).items()
        if last.after is not None and detail.id in _listed(last.after.get("policies"))
    }
    changed_sources |= {
        str((last.after or last.before or {}).get("source_id"))
        for _entry, (_first, last) in _latest(records, ChangeKind.EXCERPT).items()
    }
    changed_figures = {
        entry_id for entry_id, (_f, last) in _latest(records, ChangeKind.FIGURE).items() if last.after
    }
    figures = [
        figure
        for row, figure in zip(detail.figures, full.figures, strict=True)
        if row.id in changed_figures or PartialDate.parse(row.date).first_day().isoformat() >= since.day
    ]
    changed_notes = {
        entry_id for entry_id, (_f, last) in _latest(records, ChangeKind.NOTE).items() if last.after
    }
    notes = (  # full.notes is empty unless notes were asked for
        [note for row, note in zip(detail.notes, full.notes, strict=True) if row.id in changed_notes]
        if include_notes
        else []
    )

    # The sources to list: those the events shown cite, those added or changed, those of the figures.
    number_of = {c.source_id: c.number for c in full.citations}
    wanted = {n for entry in timeline for n in entry.citations}
    wanted |= {number_of[s] for s in changed_sources if s in number_of}
    wanted |= {f.citation for f in figures if f.citation}
    renumber = {old: new for new, old in enumerate(sorted(wanted), start=1)}
    changed_numbers = {renumber[number_of[s]] for s in changed_sources if s in number_of}

    happened_count = sum(1 for e in timeline if e.change == text(language, "happened_since", date=day_shown))
    recorded_count = sum(1 for e in timeline if e.change == text(language, "newly_recorded"))
    corrected_count = len(timeline) - happened_count - recorded_count
    parts = [
        _count(language, key, count, date=day_shown)
        for key, count in (
            ("count_happened", happened_count),
            ("count_recorded", recorded_count),
            ("count_corrected", corrected_count),
            ("count_sources", len(changed_numbers)),
            ("count_figures", len(figures)),
            ("count_notes", len(notes)),
        )
        if count
    ]
    scope = text(language, "changes_scope", date=day_shown)
    digest = (
        (scope + "\n\n" + "; ".join(parts) + ".") if parts else text(language, "no_changes", date=day_shown)
    )
    if changed_numbers:
        digest += (
            " "
            + text(language, "sources_cited")
            + ": "
            + ", ".join(f"[{n}]" for n in sorted(changed_numbers))
        )
        digest += f" ({text(language, 'new_source')}/{text(language, 'changed')})."
    return replace(
        full,
        timeline=[
            replace(entry, citations=sorted(renumber[n] for n in entry.citations if n in renumber))
            for entry in timeline
        ],
        citations=[replace(c, number=renumber[c.number]) for c in full.citations if c.number in renumber],
        figures=[replace(f, citation=renumber.get(f.citation) if f.citation else None) for f in figures],
        notes=notes,
        related=[],  # how policies relate is the full briefing's; this one reports what changed
        picture_svg="",  # the whole history's picture belongs to the full briefing
        changes_digest=clean(digest),
    )


def build_changes_briefing(
    workspace: Workspace,
    policy_ids: list[str],
    since: Since,
    *,
    include_notes: bool = False,
    progress: Callable[[int, int], bool] | None = None,
    author: str = "",
    organisation: str = "",
    language: str = "en",
    for_reading: bool = True,
) -> Briefing:
    """The briefing of what changed since `since` for these policies, in any export format."""
    language = supported(language)
    slugs = policy_titles(workspace) if for_reading else None
    policies: list[PolicySummary] = []
    for done, policy_id in enumerate(policy_ids, start=1):
        detail = workspace.store.policy_detail(policy_id)
        if detail is not None:
            records = workspace.store.changes(_query(since, policy_id))
            policies.append(
                changes_of_policy(
                    detail, records, since, include_notes=include_notes, language=language, slugs=slugs
                )
            )
        if progress is not None and not progress(done, len(policy_ids)):
            raise ExportCancelled
    return Briefing(
        policies,
        workspace.path.stem,
        date.today().isoformat(),
        include_notes,
        "",
        author=clean(author),
        organisation=clean(organisation),
        language=language,
        changes_since=since.day,
    )


__all__ = ["Since", "build_changes_briefing", "changes_of_policy"]
