"""One policy as readable plain text (the `show` command)."""

from __future__ import annotations

import textwrap

from app.data.details import PolicyDetail
from app.domain.dates import PartialDate
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, Status, relation_phrase


def _wrap(text: str, indent: str = "  ") -> str:
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    return "\n\n".join(
        textwrap.fill(" ".join(p.split()), width=88, initial_indent=indent, subsequent_indent=indent)
        for p in paragraphs
    )


def policy_as_text(d: PolicyDetail) -> str:
    numbers: dict[str, int] = {}
    for source in d.sources:
        numbers[source.id] = len(numbers) + 1
    lines = [d.title, "=" * min(len(d.title), 88)]
    if d.aliases:
        lines.append(f"Also known as: {', '.join(d.aliases)}")
    lines.append(f"Jurisdiction: {Jurisdiction(d.jurisdiction).label}    Kind: {PolicyKind(d.kind).label}")
    if d.current_status:
        since = PartialDate.parse(d.status_since or "").display()
        lines.append(f"Current status: {Status(d.current_status).label} (since {since})")
    if d.last_verified:
        lines.append(f"Last verified: {PartialDate.parse(d.last_verified).display()}")
    if d.legal_basis:
        lines.append(f"Legal basis: {d.legal_basis}")
    if d.agencies:
        lines.append(f"Agencies: {', '.join(d.agencies)}")
    if d.tags:
        lines.append(f"Tags: {', '.join(d.tags)}")
    lines += ["", "Summary", _wrap(d.summary) if d.summary else "  (none)", "", "History"]
    for event in d.events:
        cites = "".join(f"[{numbers[s]}]" for s in event.source_ids if s in numbers)
        when = PartialDate.parse(event.date).display()
        confidence = (
            "" if event.confidence == Confidence.CONFIRMED else f" ({Confidence(event.confidence).label})"
        )
        lines.append(f"  {when:<12} {Status(event.status).label}{confidence}  {cites}")
        lines.append(_wrap(event.description, indent="               "))
        if event.disagreement:
            lines.append(_wrap(f"Where sources disagree: {event.disagreement}", indent="               "))
    if not d.events:
        lines.append("  (no events yet)")
    if d.relations:
        lines += ["", "Related policies"]
        for r in d.relations:
            lines.append(f"  {relation_phrase(r.kind, r.outgoing)} {r.other_title} ({r.other_slug})")
    if d.figures:
        lines += ["", "Figures"]
        for f in d.figures:
            value = f"{f.value:,.0f}" if f.value == int(f.value) else f"{f.value:,}"
            about = "about " if f.approximate else ""
            cite = f"[{numbers[f.source_id]}]" if f.source_id in numbers else ""
            lines.append(
                f"  {PartialDate.parse(f.date).display()}: {f.label}: {about}{value} {f.unit} {cite}"
            )
    lines += ["", "Sources"]
    for source in d.sources:
        meta = ", ".join(
            part
            for part in (
                source.publisher or source.issuer,
                PartialDate.parse(source.published).display() if source.published else "",
            )
            if part
        )
        lines.append(f"  [{numbers[source.id]}] {source.title}" + (f" — {meta}" if meta else ""))
        if source.url:
            lines.append(f"      {source.url}")
    if not d.sources:
        lines.append("  (no sources yet)")
    lines += ["", "Notes"]
    for note in d.notes:
        marker = "[pinned] " if note.pinned else ""
        lines.append(
            f"  {marker}{note.updated_at[:10]}" + (f"  #{' #'.join(note.tags)}" if note.tags else "")
        )
        if note.quote:
            lines.append(_wrap(f"“{note.quote}”", indent="    > "))
        lines.append(_wrap(note.body, indent="    "))
    if not d.notes:
        lines.append("  (no notes yet)")
    return "\n".join(lines)
