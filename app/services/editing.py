"""Creating, changing and deleting entries: one transaction per operation.

Each function takes explicit ids where undo needs them (re-doing a creation recreates the
same row), and returns what the caller needs to undo it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from app.data.tables import (
    EventCitation,
    Excerpt,
    Note,
    Policy,
    PolicySource,
    Relation,
    Source,
    StatusEvent,
    assign,
    dated,
    new_id,
    published,
    utc_now,
)
from app.domain.dates import PartialDate
from app.domain.vocab import SYMMETRIC_RELATIONS, default_confidence
from app.errors import InvalidInput, NotFound
from app.messages import N_, _, ngettext
from app.services.inputs import (
    EventInput,
    NoteInput,
    PolicyInput,
    RelationInput,
    SourceInput,
    ValidationFailed,
    checked_new_policy,
    slugify,
)
from app.services.kinds import TrashKind
from app.services.workspace import Workspace


def _get(session: Session, table: type[Any], row_id: str, what: str, *, trashed_ok: bool = False) -> Any:
    row = session.get(table, row_id)
    if row is None or (not trashed_ok and getattr(row, "deleted_at", None) is not None):
        raise NotFound(_(_GONE.get(what, N_("That entry no longer exists"))))
    return row


# One whole sentence per kind of entry: other languages agree the words with the noun.
_GONE = {
    "policy": N_("That policy no longer exists"),
    "status event": N_("That status event no longer exists"),
    "source": N_("That source no longer exists"),
    "note": N_("That note no longer exists"),
    "relation": N_("That relation no longer exists"),
}


# Policies -----------------------------------------------------------------------


def _free_slug(session: Session, wanted: str, own_id: str | None) -> str:
    taken = set(
        session.exec(select(Policy.slug).where(col(Policy.slug).like(f"{wanted}%"), Policy.id != own_id))
    )
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def policy_fields(data: PolicyInput) -> dict[str, Any]:
    return {
        "title": data.title,
        "aliases": data.aliases,
        "jurisdiction": data.jurisdiction,
        "kind": data.kind,
        "summary": data.summary,
        "legal_basis": data.legal_basis,
        "agencies": data.agencies,
        "tags": data.tags,
        "last_verified": data.last_verified or None,
    }


def create_policy(workspace: Workspace, data: PolicyInput, policy_id: str | None = None) -> tuple[str, str]:
    """Add a policy; returns its (id, slug). An explicit slug must be free; a derived one is made free."""
    data = data.validated()
    with workspace.session() as session:
        return _insert_policy(session, data, policy_id)


def _insert_policy(session: Session, data: PolicyInput, policy_id: str | None) -> tuple[str, str]:
    if data.slug:
        if session.exec(select(Policy.id).where(Policy.slug == data.slug)).first():
            raise ValidationFailed(
                {"slug": _("“{slug}” is already used by another policy").format(slug=data.slug)}
            )
        slug = data.slug
    else:
        slug = _free_slug(session, slugify(data.title), None)
    policy = Policy(id=policy_id or new_id(), slug=slug, origin="user", **policy_fields(data))
    session.add(policy)
    session.flush()
    return policy.id, policy.slug


@dataclass(frozen=True)
class NewPolicy:
    """The ids of a policy added with its first status event and a new source (each may be absent)."""

    policy_id: str
    slug: str
    event_id: str | None = None
    source_id: str | None = None


def create_policy_with_history(
    workspace: Workspace,
    data: PolicyInput,
    first_event: EventInput | None,
    new_source: SourceInput | None,
    ids: NewPolicy | None = None,
) -> NewPolicy:
    """Add a policy, its first status event and a new source the event cites, in one transaction.

    `ids`: the ids to use again (redo recreates the same rows). The source is linked to the policy
    even when no event is given."""
    data, first_event, new_source = checked_new_policy(data, first_event, new_source)
    with workspace.session() as session:
        policy_id, slug = _insert_policy(session, data, ids.policy_id if ids else None)
        source_id = None
        if new_source is not None:
            source_id = _insert_source(session, new_source, policy_id, ids.source_id if ids else None)
        event_id = None
        if first_event is not None:
            cited = [*first_event.source_ids, *([source_id] if source_id else [])]
            event = replace(first_event, source_ids=cited)
            event_id = _insert_event(session, policy_id, event, ids.event_id if ids else None)
        return NewPolicy(policy_id, slug, event_id, source_id)


def entry_version(workspace: Workspace, kind: str, entry_id: str) -> int | None:
    """The version of an entry as read now (None in a local workspace): pass it back when saving, so
    that a change someone else made in between is refused (EditConflict) instead of overwritten."""
    return workspace.entry_version(kind, entry_id)


def policy_exists(workspace: Workspace, policy_id: str) -> bool:
    return workspace.store.policy_exists(policy_id)


def policy_input(workspace: Workspace, policy_id: str) -> PolicyInput:
    with workspace.session() as session:
        p = _get(session, Policy, policy_id, "policy")
        return PolicyInput(
            p.title,
            p.slug,
            list(p.aliases),
            p.jurisdiction,
            p.kind,
            p.summary,
            p.legal_basis,
            list(p.agencies),
            list(p.tags),
            p.last_verified or "",
        )


def update_policy(
    workspace: Workspace, policy_id: str, data: PolicyInput, *, expected_version: int | None = None
) -> None:
    """Change a policy's fields; `expected_version`: refuse when someone changed it since it was read."""
    data = data.validated()
    with workspace.session() as session:
        workspace.claim_version(session, "policy", policy_id, expected_version)
        policy = _get(session, Policy, policy_id, "policy")
        if data.slug and data.slug != policy.slug:
            clash = session.exec(
                select(Policy.id).where(Policy.slug == data.slug, Policy.id != policy_id)
            ).first()
            if clash:
                raise ValidationFailed(
                    {"slug": _("“{slug}” is already used by another policy").format(slug=data.slug)}
                )
            policy.slug = data.slug
        assign(policy, policy_fields(data))
        policy.updated_at = utc_now()
        session.add(policy)


@dataclass(frozen=True)
class PolicyContents:
    events: int
    notes: int
    figures: int
    sources: int

    def describe(self) -> str:
        parts = [
            ngettext("{n} status event", "{n} status events", self.events).format(n=self.events),
            ngettext("{n} note", "{n} notes", self.notes).format(n=self.notes),
            ngettext("{n} figure", "{n} figures", self.figures).format(n=self.figures),
        ]
        named = [part for part, n in zip(parts, (self.events, self.notes, self.figures), strict=True) if n]
        return ", ".join(named) if named else _("nothing else")


def policy_contents(workspace: Workspace, policy_id: str) -> PolicyContents:
    """What goes to the trash with a policy, for the question asked before deleting it."""
    counts = workspace.store.content_counts(policy_id)
    return PolicyContents(
        events=counts.events, notes=counts.notes, figures=counts.figures, sources=counts.sources
    )


def _set_deleted(
    workspace: Workspace, table: type[Any], row_id: str, what: str, deleted: bool, at: str | None = None
) -> None:
    with workspace.session() as session:
        row = _get(session, table, row_id, what, trashed_ok=True)
        row.deleted_at = (at or utc_now()) if deleted else None
        session.add(row)


def purge_policy(workspace: Workspace, policy_id: str, *, with_notes: bool) -> None:
    """Delete a policy for good. Its notes go only when the person said so explicitly."""
    with workspace.session() as session:
        policy = _get(session, Policy, policy_id, "policy", trashed_ok=True)
        notes = list(session.exec(select(Note).where(Note.policy_id == policy_id)))
        if notes and not with_notes:
            raise InvalidInput(
                ngettext(
                    "“{title}” has {n} note; delete it too, or keep the policy",
                    "“{title}” has {n} notes; delete them too, or keep the policy",
                    len(notes),
                ).format(title=policy.title, n=len(notes))
            )
        for note in notes:
            session.delete(note)
        session.flush()
        session.delete(policy)


# Status events ------------------------------------------------------------------


def _check_sources(session: Session, source_ids: list[str]) -> None:
    for source_id in source_ids:
        if session.get(Source, source_id) is None:
            raise ValidationFailed({"sources": _("one of the cited sources no longer exists")})


def event_fields(data: EventInput, cited_kinds: Iterable[str] = ()) -> dict[str, Any]:
    """The columns of a validated event; a confidence not given follows from the cited sources' kinds."""
    return {
        **dated(data.date),
        "status": data.status,
        "description": data.description,
        "confidence": data.confidence or default_confidence(cited_kinds).value,
        "disagreement": data.disagreement,
    }


def _cited_kinds(session: Session, source_ids: list[str]) -> list[str]:
    return list(session.exec(select(Source.kind).where(col(Source.id).in_(source_ids))))


def _set_citations(session: Session, event: StatusEvent, source_ids: list[str]) -> None:
    current = set(session.exec(select(EventCitation.source_id).where(EventCitation.event_id == event.id)))
    for source_id in current - set(source_ids):
        session.delete(session.get(EventCitation, (event.id, source_id)))
    for source_id in [s for s in source_ids if s not in current]:
        session.add(EventCitation(event_id=event.id, source_id=source_id))
        if session.get(PolicySource, (event.policy_id, source_id)) is None:
            session.add(PolicySource(policy_id=event.policy_id, source_id=source_id))


def precedes_history(workspace: Workspace, policy_id: str, date: str) -> bool:
    """Whether a date lies before the policy's first event (the editor asks before accepting it)."""
    first = workspace.store.first_event_day(policy_id)
    return first is not None and PartialDate.parse(date).first_day().isoformat() < first


def add_event(workspace: Workspace, policy_id: str, data: EventInput, event_id: str | None = None) -> str:
    data = data.validated()
    with workspace.session() as session:
        return _insert_event(session, policy_id, data, event_id)


def _insert_event(session: Session, policy_id: str, data: EventInput, event_id: str | None) -> str:
    _get(session, Policy, policy_id, "policy")
    _check_sources(session, data.source_ids)
    last = session.exec(
        select(func.max(StatusEvent.position)).where(StatusEvent.policy_id == policy_id)
    ).one()
    event = StatusEvent(
        id=event_id or new_id(),
        policy_id=policy_id,
        position=(last or 0) + 1,
        origin="user",
        **event_fields(data, _cited_kinds(session, data.source_ids)),
    )
    session.add(event)
    session.flush()
    _set_citations(session, event, data.source_ids)
    return event.id


def add_event_citing_new_sources(
    workspace: Workspace,
    policy_id: str,
    data: EventInput,
    new_sources: list[SourceInput],
    event_id: str | None = None,
    source_ids: list[str] | None = None,
) -> tuple[str, list[str]]:
    """Add sources to a policy and an event that cites them (and the ones it names), in one
    transaction; returns the event's id and the sources' ids. `event_id`, `source_ids`: for redo."""
    data = data.validated()
    sources = [source.validated() for source in new_sources]
    wanted: list[str | None] = list(source_ids) if source_ids else [None] * len(sources)
    with workspace.session() as session:
        _get(session, Policy, policy_id, "policy")
        added = [_insert_source(session, s, policy_id, i) for s, i in zip(sources, wanted, strict=True)]
        event = replace(data, source_ids=[*data.source_ids, *added])
        return _insert_event(session, policy_id, event, event_id), added


def event_input(workspace: Workspace, event_id: str) -> EventInput:
    with workspace.session() as session:
        e = _get(session, StatusEvent, event_id, "status event", trashed_ok=True)
        cited = list(session.exec(select(EventCitation.source_id).where(EventCitation.event_id == event_id)))
        return EventInput(e.date, e.status, e.description, sorted(cited), e.confidence, e.disagreement)


def update_event(
    workspace: Workspace, event_id: str, data: EventInput, *, expected_version: int | None = None
) -> None:
    data = data.validated()
    with workspace.session() as session:
        workspace.claim_version(session, "event", event_id, expected_version)
        event = _get(session, StatusEvent, event_id, "status event")
        _check_sources(session, data.source_ids)
        assign(event, event_fields(data, _cited_kinds(session, data.source_ids)))
        event.updated_at = utc_now()
        session.add(event)
        _set_citations(session, event, data.source_ids)


def purge_event(workspace: Workspace, event_id: str) -> None:
    with workspace.session() as session:
        event = _get(session, StatusEvent, event_id, "status event", trashed_ok=True)
        if session.exec(select(Note.id).where(Note.event_id == event_id)).first():
            raise InvalidInput(_("Notes are attached to this event; delete or move them first"))
        session.delete(event)


# Sources ---------------------------------------------------------------------------


def _source_fields(data: SourceInput) -> dict[str, Any]:
    return {
        "title": data.title,
        "publisher": data.publisher,
        "authors": data.authors,
        **published(data.published),
        "url": data.url or None,
        "kind": data.kind,
        "language": data.language,
        "issuer": data.issuer,
        "note": data.note,
    }


def _set_excerpts(session: Session, source_id: str, excerpts: list[str]) -> None:
    """Make the source's excerpts these texts, in this order. An excerpt whose text stays keeps its
    row (and id): the change history then shows only the passages added or removed."""
    unused: dict[str, list[Excerpt]] = {}
    for row in session.exec(
        select(Excerpt).where(Excerpt.source_id == source_id).order_by(col(Excerpt.position))
    ):
        unused.setdefault(row.text, []).append(row)
    for position, text in enumerate(excerpts):
        same = unused.get(text)
        if same:
            row = same.pop(0)
            if row.position != position:
                row.position = position
                session.add(row)
        else:
            session.add(Excerpt(source_id=source_id, position=position, text=text))
    for rows in unused.values():
        for row in rows:
            session.delete(row)


def add_source(
    workspace: Workspace, data: SourceInput, policy_id: str | None = None, source_id: str | None = None
) -> str:
    """Add a source, linked to a policy when one is given; returns its id."""
    data = data.validated()
    with workspace.session() as session:
        return _insert_source(session, data, policy_id, source_id)


def _insert_source(session: Session, data: SourceInput, policy_id: str | None, source_id: str | None) -> str:
    if policy_id is not None:
        _get(session, Policy, policy_id, "policy")
    source = Source(id=source_id or new_id(), origin="user", **_source_fields(data))
    session.add(source)
    session.flush()
    _set_excerpts(session, source.id, data.excerpts)
    if policy_id is not None:
        session.add(PolicySource(policy_id=policy_id, source_id=source.id))
        session.flush()
    return source.id


def source_input(workspace: Workspace, source_id: str) -> SourceInput:
    with workspace.session() as session:
        s = _get(session, Source, source_id, "source", trashed_ok=True)
        query = select(Excerpt.text).where(Excerpt.source_id == source_id).order_by(col(Excerpt.position))
        excerpts = list(session.exec(query))
        return SourceInput(
            s.title,
            s.publisher,
            list(s.authors),
            s.published or "",
            s.url or "",
            s.kind,
            s.language,
            s.issuer,
            s.note,
            excerpts,
        )


def update_source(
    workspace: Workspace, source_id: str, data: SourceInput, *, expected_version: int | None = None
) -> None:
    data = data.validated()
    with workspace.session() as session:
        workspace.claim_version(session, "source", source_id, expected_version)
        source = _get(session, Source, source_id, "source")
        assign(source, _source_fields(data))
        source.updated_at = utc_now()
        session.add(source)
        current = list(
            session.exec(
                select(Excerpt.text).where(Excerpt.source_id == source_id).order_by(col(Excerpt.position))
            )
        )
        if current != data.excerpts:
            _set_excerpts(session, source_id, data.excerpts)


def policies_of_source(workspace: Workspace, source_id: str) -> set[str]:
    return workspace.store.policies_of_source(source_id)


def link_source(workspace: Workspace, policy_id: str, source_id: str) -> bool:
    """Link an existing source to a policy; False if it already was."""
    with workspace.session() as session:
        _get(session, Policy, policy_id, "policy")
        _get(session, Source, source_id, "source")
        if session.get(PolicySource, (policy_id, source_id)) is not None:
            return False
        session.add(PolicySource(policy_id=policy_id, source_id=source_id))
        return True


def unlink_source(workspace: Workspace, policy_id: str, source_id: str) -> None:
    with workspace.session() as session:
        cited = session.exec(
            select(EventCitation.event_id)
            .join(StatusEvent, col(StatusEvent.id) == EventCitation.event_id)
            .where(EventCitation.source_id == source_id, StatusEvent.policy_id == policy_id)
        ).first()
        if cited:
            raise InvalidInput(_("An event of this policy cites this source; remove the citation first"))
        link = session.get(PolicySource, (policy_id, source_id))
        if link is not None:
            session.delete(link)


def purge_source(workspace: Workspace, source_id: str) -> None:
    with workspace.session() as session:
        source = _get(session, Source, source_id, "source", trashed_ok=True)
        try:
            session.delete(source)
            session.flush()
        except IntegrityError:
            raise InvalidInput(
                _("This source is still cited by a status event, a figure or a note; it stays in the trash")
            ) from None


# Notes ---------------------------------------------------------------------------------


def _note_fields(data: NoteInput) -> dict[str, Any]:
    return {
        "body": data.body,
        "tags": data.tags,
        "pinned": data.pinned,
        "event_id": data.event_id,
        "source_id": data.source_id,
        "quote": data.quote,
    }


def add_note(workspace: Workspace, policy_id: str, data: NoteInput, note_id: str | None = None) -> str:
    data = data.validated()
    with workspace.session() as session:
        _get(session, Policy, policy_id, "policy")
        if data.event_id is not None:
            event = _get(session, StatusEvent, data.event_id, "status event")
            if event.policy_id != policy_id:
                raise ValidationFailed({"event": _("that event belongs to another policy")})
        if data.source_id is not None:
            _get(session, Source, data.source_id, "source")
        note = Note(id=note_id or new_id(), policy_id=policy_id, **_note_fields(data))
        session.add(note)
        if data.shared:
            workspace.share_note(session, note.id, True)
        return note.id


def note_input(workspace: Workspace, note_id: str) -> NoteInput:
    with workspace.session() as session:
        n = _get(session, Note, note_id, "note", trashed_ok=True)
        authorship = workspace.note_author(note_id)
        shared = authorship is not None and authorship[1]
        return NoteInput(n.body, list(n.tags), n.pinned, n.event_id, n.source_id, n.quote, shared)


def update_note(
    workspace: Workspace, note_id: str, data: NoteInput, *, expected_version: int | None = None
) -> None:
    data = data.validated()
    with workspace.session() as session:
        workspace.ensure_note_author(note_id)
        workspace.claim_version(session, "note", note_id, expected_version)
        note = _get(session, Note, note_id, "note")
        assign(note, _note_fields(data))
        note.updated_at = utc_now()
        session.add(note)
        workspace.share_note(session, note_id, data.shared)


def purge_note(workspace: Workspace, note_id: str) -> None:
    workspace.ensure_note_author(note_id)
    with workspace.session() as session:
        session.delete(_get(session, Note, note_id, "note", trashed_ok=True))


# Relations -------------------------------------------------------------------------------


def add_relation(
    workspace: Workspace,
    from_id: str,
    data: RelationInput,
    relation_id: str | None = None,
    *,
    origin: str = "user",
) -> str:
    """Relate one policy to another; `origin` is given only when undo puts a starter relation back."""
    data = data.validated(from_id)
    with workspace.session() as session:
        _get(session, Policy, from_id, "policy")
        _get(session, Policy, data.target_id, "policy")
        same = session.exec(
            select(Relation.id).where(
                Relation.from_policy_id == from_id,
                Relation.to_policy_id == data.target_id,
                Relation.kind == data.kind,
            )
        ).first()
        if not same and data.kind in SYMMETRIC_RELATIONS:  # "related to" either way is one relation
            same = session.exec(
                select(Relation.id).where(
                    Relation.from_policy_id == data.target_id,
                    Relation.to_policy_id == from_id,
                    Relation.kind == data.kind,
                )
            ).first()
        if same:
            raise ValidationFailed({"target": _("these policies are already related that way")})
        relation = Relation(
            id=relation_id or new_id(),
            from_policy_id=from_id,
            to_policy_id=data.target_id,
            kind=data.kind,
            note=data.note,
            origin=origin,
        )
        session.add(relation)
        return relation.id


@dataclass(frozen=True)
class RelationRecord:
    id: str
    from_id: str
    data: RelationInput
    origin: str = "user"


def delete_relations(workspace: Workspace, relation_ids: list[str]) -> list[RelationRecord]:
    """Remove relations (one relation stored both ways) in one transaction; returns them whole."""
    with workspace.session() as session:
        records = []
        for relation_id in relation_ids:
            relation = _get(session, Relation, relation_id, "relation")
            records.append(
                RelationRecord(
                    relation.id,
                    relation.from_policy_id,
                    RelationInput(relation.kind, relation.to_policy_id, relation.note),
                    relation.origin,
                )
            )
            session.delete(relation)
        return records


def restore_relations(workspace: Workspace, records: list[RelationRecord]) -> None:
    """Put removed relations back as they were, in one transaction (undo of delete_relations)."""
    with workspace.session() as session:
        for record in records:
            session.add(
                Relation(
                    id=record.id,
                    from_policy_id=record.from_id,
                    to_policy_id=record.data.target_id,
                    kind=record.data.kind,
                    note=record.data.note,
                    origin=record.origin,
                )
            )


def delete_relation(workspace: Workspace, relation_id: str) -> RelationRecord:
    """Remove a relation; returns it whole so that undo can put it back."""
    with workspace.session() as session:
        relation = _get(session, Relation, relation_id, "relation")
        record = RelationRecord(
            relation.id,
            relation.from_policy_id,
            RelationInput(relation.kind, relation.to_policy_id, relation.note),
            relation.origin,
        )
        session.delete(relation)
        return record


# The trash ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrashItem:
    kind: TrashKind
    id: str
    title: str
    deleted_at: str
    policy_title: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def list_trash(workspace: Workspace) -> list[TrashItem]:
    from app.services.markdown import first_line

    # A note is named by its first line as read, not by its Markdown ("**Key finding**").
    items = [
        TrashItem(
            TrashKind(r.kind),
            r.id,
            (first_line(r.title) or r.title) if r.kind == "note" else r.title,
            r.deleted_at,
            r.policy_title,
        )
        for r in workspace.store.trash()
    ]
    return sorted(items, key=lambda item: item.deleted_at, reverse=True)


TRASHABLE: dict[TrashKind, tuple[type[Any], str]] = {
    TrashKind.POLICY: (Policy, "policy"),
    TrashKind.EVENT: (StatusEvent, "status event"),
    TrashKind.SOURCE: (Source, "source"),
    TrashKind.NOTE: (Note, "note"),
}


def set_trashed(
    workspace: Workspace, kind: TrashKind, entry_id: str, trashed: bool, *, at: str | None = None
) -> None:
    """Move an entry (policy, event, source or note) to the trash, or bring it back.

    A policy's events and notes go and come back with it: they are hidden with it, not moved.
    `at`: when it went to the trash (undo puts it back as it was); now, if not given.
    """
    table, what = TRASHABLE[kind]
    if kind == "note":
        workspace.ensure_note_author(entry_id)
    _set_deleted(workspace, table, entry_id, what, trashed, at)


def trashed_at(workspace: Workspace, kind: TrashKind, entry_id: str) -> str | None:
    """When an entry went to the trash; None when it is not there."""
    table, what = TRASHABLE[kind]
    with workspace.session() as session:
        deleted_at: str | None = _get(session, table, entry_id, what, trashed_ok=True).deleted_at
        return deleted_at


def policies_of_entry(workspace: Workspace, kind: TrashKind, entry_id: str) -> set[str]:
    """The policies whose list row or details show this entry."""
    if kind == "policy":
        return {entry_id}
    if kind == "source":
        return policies_of_source(workspace, entry_id)
    try:
        return {policy_of(workspace, kind, entry_id)}
    except NotFound:
        return set()


def policy_of(workspace: Workspace, kind: TrashKind, entry_id: str) -> str:
    """The policy a status event ("event") or a note ("note") belongs to."""
    policy_id = workspace.store.policy_of_entry(kind, entry_id)
    if policy_id is None:
        raise NotFound(_(_GONE.get(TRASHABLE[kind][1], N_("That entry no longer exists"))))
    return policy_id


def purge(workspace: Workspace, item: TrashItem, *, with_notes: bool = False) -> None:
    if item.kind is TrashKind.POLICY:
        purge_policy(workspace, item.id, with_notes=with_notes)
    elif item.kind is TrashKind.EVENT:
        purge_event(workspace, item.id)
    elif item.kind is TrashKind.SOURCE:
        purge_source(workspace, item.id)
    else:
        purge_note(workspace, item.id)


def notes_purged_with(workspace: Workspace, policy_id: str) -> int:
    """How many notes deleting the policy permanently deletes with it (live and in the trash)."""
    return policy_contents(workspace, policy_id).notes + workspace.store.trashed_note_count(policy_id)
