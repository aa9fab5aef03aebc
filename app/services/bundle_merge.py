"""The write half of a bundle import, on the ORM inside the caller's transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app.data.tables import (
    EventCitation,
    Excerpt,
    Figure,
    Note,
    Policy,
    PolicySource,
    Relation,
    Source,
    StatusEvent,
    assign,
    dated,
    published,
    utc_now,
)
from app.domain.dates import PartialDate
from app.domain.vocab import default_confidence
from app.errors import InvalidInput
from app.messages import _
from app.services.bundle_import import Bundle, ImportReport

_SINGULAR = {"policies": "policy", "notes": "note"}


# How many ids one query looks up (SQLite allows 32,766 parameters; PostgreSQL 65,535).
_CHUNK = 900


class _Merge:
    def __init__(self, session: Session, bundle: Bundle, path: Path) -> None:
        self.s, self.bundle, self.path = session, bundle, path
        self.report = ImportReport()
        self.now = utc_now()
        self.policy_ids: dict[str, str] = {}  # bundle slug -> workspace policy id
        # Entries known, without asking the database, to be absent: the bundle's ids found in no
        # table when the import began, until this import adds them. Asking for each (a query, and
        # a flush before it) took most of a large import's time: 87,000 lookups for 1,000 policies.
        self.absent: dict[type[Any], set[str]] = {}
        # Sources and policy-source links known to exist (here, or added by this import).
        self.sources: set[str] = set()
        self.links: set[tuple[str, str]] = set()
        self.events: dict[str, str] = {}  # event id -> its policy, for the events this import wrote

    def _find_absent(self) -> None:
        b = self.bundle
        wanted: dict[type[Any], set[str]] = {
            Source: {x.id for x in b.sources},
            Excerpt: {e.id for x in b.sources for e in x.excerpts},
            Policy: {p.id for p in b.policies},
            StatusEvent: {e.id for p in b.policies for e in p.events},
            Note: {n.id for p in b.policies for n in p.notes},
        }
        for table, ids in wanted.items():
            present: set[str] = set()
            ordered = sorted(ids)
            for start in range(0, len(ordered), _CHUNK):
                chunk = ordered[start : start + _CHUNK]
                present.update(self.s.exec(select(table.id).where(col(table.id).in_(chunk))))
            self.absent[table] = ids - present

    def _get(self, table: type[Any], key: str) -> Any:
        """The entry `key` of `table`, or None; without a query when it is known to be absent."""
        if key in self.absent.get(table, ()):
            return None
        return self.s.get(table, key)

    def _added(self, table: type[Any], key: Any) -> None:
        known = self.absent.get(table)
        if known is not None:
            known.discard(key)

    def _has_link(self, policy_id: str, source_id: str) -> bool:
        if (policy_id, source_id) in self.links:
            return True
        if policy_id in self.absent.get(Policy, ()):
            return False  # a policy new in this import has only the links it added
        if self.s.get(PolicySource, (policy_id, source_id)) is None:
            return False
        self.links.add((policy_id, source_id))
        return True

    def _link(self, policy_id: str, source_id: str) -> None:
        if not self._has_link(policy_id, source_id):
            self.s.add(PolicySource(policy_id=policy_id, source_id=source_id))
            self.links.add((policy_id, source_id))

    def fail(self, where: str, message: str) -> InvalidInput:
        return InvalidInput(
            _("{path}: {where}: {problem}").format(path=self.path, where=where, problem=message)
        )

    def _upsert(
        self,
        table: type[Any],
        key: Any,
        fields: dict[str, Any],
        kind: str,
        create: dict[str, Any] | None = None,
        stamp: bool = True,
        incoming_updated: str | None = None,
    ) -> Any:
        row = self._get(table, key)
        if row is None:
            row = table(**(create or {}), **fields)
            self.s.add(row)
            self._added(table, key)
            self.report.count(kind, added=True)
            return row
        local_updated = getattr(row, "updated_at", None)
        changed_here_later = bool(incoming_updated and local_updated and local_updated > incoming_updated)
        if assign(row, fields):
            if changed_here_later:
                label = getattr(row, "title", None) or getattr(row, "body", "")[:60]
                self.report.conflicts.append(f"{_SINGULAR.get(kind, kind)} “{label}”")
            if stamp and "updated_at" not in fields and hasattr(row, "updated_at"):
                row.updated_at = self.now
            self.s.add(row)
            self.report.count(kind, added=False)
        return row

    def run(self) -> ImportReport:
        self._find_absent()
        # Parents are written before their children: without relationships between the tables,
        # one flush does not order its inserts by their foreign keys.
        new_sources = set(self.absent[Source])
        for index, source in enumerate(self.bundle.sources):
            self._source(index, source)
        self.s.flush()
        for index, source in enumerate(self.bundle.sources):
            self._excerpts(index, source, source.id in new_sources)
        self.s.flush()
        for index, policy in enumerate(self.bundle.policies):
            self._policy(index, policy)
        self.s.flush()
        for index, relation in enumerate(self.bundle.relations):
            self._relation(index, relation)
        for index, figure in enumerate(self.bundle.figures):
            self._figure(index, figure)
        self.s.flush()
        return self.report

    def _source(self, index: int, b: Any) -> None:
        fields = {
            "title": b.title,
            "publisher": b.publisher,
            "authors": list(b.authors),
            **published(b.published),
            "url": b.url,
            "kind": b.kind.value,
            "language": b.language,
            "issuer": b.issuer,
            "note": b.note,
        }
        self._upsert(Source, b.id, fields, "sources", {"id": b.id, "origin": "user"})
        self.sources.add(b.id)

    def _excerpts(self, index: int, b: Any, new: bool) -> None:
        """A source's excerpts, once the sources are written (`new`: the source was not here)."""
        existing = (
            {} if new else {x.id: x for x in self.s.exec(select(Excerpt).where(Excerpt.source_id == b.id))}
        )
        for position, excerpt in enumerate(b.excerpts):
            row = existing.get(excerpt.id) or self._get(Excerpt, excerpt.id)
            if row is not None and row.source_id != b.id:
                raise self.fail(
                    f"sources[{index + 1}].excerpts[{position + 1}].id",
                    _("belongs to another source in this workspace"),
                )
            self._upsert(
                Excerpt,
                excerpt.id,
                {"text": excerpt.text, "position": position},
                "excerpts",
                {"id": excerpt.id, "source_id": b.id},
            )

    def _require_source(self, source_id: str, where: str) -> None:
        if source_id in self.sources:
            return
        if self._get(Source, source_id) is None:
            raise self.fail(
                where, _("cites source {id}, which is neither in the bundle nor here").format(id=source_id)
            )
        self.sources.add(source_id)

    def _policy(self, index: int, b: Any) -> None:
        where = f"policies[{index + 1}]"
        by_slug = self.s.exec(select(Policy).where(Policy.slug == b.slug)).first()
        by_id = self._get(Policy, b.id)
        if by_id is not None and by_slug is not None and by_id.id != by_slug.id:
            raise self.fail(f"{where}.slug", _("“{slug}” belongs to another policy here").format(slug=b.slug))
        target = by_id or by_slug
        policy_id = target.id if target is not None else b.id
        self.policy_ids[b.slug] = policy_id
        fields = {
            "slug": b.slug,
            "title": b.title,
            "aliases": list(b.aliases),
            "jurisdiction": b.jurisdiction.value,
            "kind": b.kind.value,
            "summary": b.summary,
            "legal_basis": b.legal_basis,
            "agencies": list(b.agencies),
            "tags": list(b.tags),
        }
        if "last_verified" in b.model_fields_set:  # an older bundle leaves the date here as it is
            fields["last_verified"] = b.last_verified
        create = {
            "id": policy_id,
            "origin": b.origin,
            "created_at": b.created_at or self.now,
            "updated_at": b.updated_at or self.now,
        }
        new = policy_id in self.absent[Policy]
        self._upsert(Policy, policy_id, fields, "policies", create, incoming_updated=b.updated_at)
        self.s.flush()
        for source_id in b.source_ids:
            self._require_source(source_id, f"{where}.source_ids")
            self._link(policy_id, source_id)
        # Events of one date are ordered by position. Renumbering them when the file lists the
        # history in the order it already has would report changes where there are none.
        history = [] if new else self._history_order(policy_id)
        keep_positions = history == [event.id for event in b.events]
        cited = [
            self._event(
                f"{where}.events[{position + 1}]", policy_id, None if keep_positions else position, event
            )
            for position, event in enumerate(b.events)
        ]
        self.s.flush()
        for event, was_here in zip(b.events, cited, strict=True):
            self._cite(policy_id, event, was_here)
        for position, note in enumerate(b.notes):
            self._note(f"{where}.notes[{position + 1}]", policy_id, note)

    def _history_order(self, policy_id: str) -> list[str]:
        """The policy's events here, in the order its history shows them."""
        query = (
            select(StatusEvent.id)
            .where(StatusEvent.policy_id == policy_id, StatusEvent.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(col(StatusEvent.date_sort), col(StatusEvent.position), col(StatusEvent.created_at))
        )
        return list(self.s.exec(query))

    def _event(self, where: str, policy_id: str, position: int | None, b: Any) -> bool:
        """Write the event (its citations follow, once it is written); True when it was here already."""
        existing = self._get(StatusEvent, b.id)
        if existing is not None and existing.policy_id != policy_id:
            raise self.fail(f"{where}.id", _("this event belongs to another policy here"))
        wanted = set(b.source_ids)
        for source_id in sorted(wanted):
            self._require_source(source_id, f"{where}.source_ids")
        fields = {
            **dated(b.date),
            **({} if position is None else {"position": position}),
            "status": b.status.value,
            "description": b.description,
        }
        # A bundle written before confidence existed says nothing about it: an event already here
        # keeps its own, a new one gets the default for its cited sources, as a new entry would.
        if b.confidence is not None:
            fields["confidence"] = b.confidence.value
        elif existing is None:
            kinds = self.s.exec(select(Source.kind).where(col(Source.id).in_(sorted(wanted))))
            fields["confidence"] = default_confidence(kinds).value
        if "disagreement" in b.model_fields_set or existing is None:
            fields["disagreement"] = b.disagreement
        self._upsert(StatusEvent, b.id, fields, "events", {"id": b.id, "policy_id": policy_id})
        self.events[b.id] = policy_id
        return existing is not None

    def _cite(self, policy_id: str, b: Any, was_here: bool) -> None:
        """The event's citations as the bundle gives them (a new event has none yet)."""
        wanted = set(b.source_ids)
        current: set[str] = (
            set(self.s.exec(select(EventCitation.source_id).where(EventCitation.event_id == b.id)))
            if was_here
            else set()
        )
        for source_id in wanted - current:
            self.s.add(EventCitation(event_id=b.id, source_id=source_id))
            self._link(policy_id, source_id)
        for source_id in current - wanted:
            citation = self.s.get(EventCitation, (b.id, source_id))
            self.s.delete(citation)

    def _note(self, where: str, policy_id: str, b: Any) -> None:
        existing = self._get(Note, b.id)
        if existing is not None and existing.policy_id != policy_id:
            raise self.fail(f"{where}.id", _("this note belongs to another policy here"))
        if b.event_id is not None and self.events.get(b.event_id) != policy_id:
            event = self._get(StatusEvent, b.event_id)
            if event is None or event.policy_id != policy_id:
                raise self.fail(f"{where}.event_id", _("is not an event of this policy"))
        if b.source_id is not None:
            self._require_source(b.source_id, f"{where}.source_id")
        fields = {
            "event_id": b.event_id,
            "source_id": b.source_id,
            "quote": b.quote,
            "body": b.body,
            "tags": list(b.tags),
            "pinned": b.pinned,
            "updated_at": b.updated_at or self.now,
        }
        self._upsert(
            Note,
            b.id,
            fields,
            "notes",
            {"id": b.id, "policy_id": policy_id, "created_at": b.created_at or self.now},
            incoming_updated=b.updated_at,
        )

    def _slug_id(self, slug: str, where: str) -> str:
        if slug in self.policy_ids:
            return self.policy_ids[slug]
        row = self.s.exec(select(Policy.id).where(Policy.slug == slug)).first()
        if row is None:
            raise self.fail(where, _("no policy “{slug}” in the bundle or here").format(slug=slug))
        return row

    def _relation(self, index: int, b: Any) -> None:
        where = f"relations[{index + 1}]"
        from_id = self._slug_id(b.from_, f"{where}.from")
        to_id = self._slug_id(b.to, f"{where}.to")
        if from_id == to_id:
            raise self.fail(where, _("a policy cannot be related to itself"))
        same = self.s.exec(
            select(Relation).where(
                Relation.from_policy_id == from_id,
                Relation.to_policy_id == to_id,
                Relation.kind == b.kind.value,
            )
        ).first()
        key = same.id if same is not None else b.id
        fields = {"from_policy_id": from_id, "to_policy_id": to_id, "kind": b.kind.value, "note": b.note}
        self._upsert(Relation, key, fields, "relations", {"id": key}, stamp=False)

    def _figure(self, index: int, b: Any) -> None:
        where = f"figures[{index + 1}]"
        policy_id = self._slug_id(b.policy, f"{where}.policy")
        self._require_source(b.source_id, f"{where}.source_id")
        when = PartialDate.parse(b.date)
        fields = {
            "policy_id": policy_id,
            "label": b.label,
            "value": b.value,
            "unit": b.unit,
            "date": when.iso(),
            "date_precision": when.precision.value,
            "period_end": b.period_end,
            "approximate": b.approximate,
            "source_id": b.source_id,
            "quote": b.quote,
            "note": b.note,
        }
        self._upsert(Figure, b.id, fields, "figures", {"id": b.id}, stamp=False)


def merge(session: Session, bundle: Bundle, path: Path) -> ImportReport:
    return _Merge(session, bundle, path).run()
