"""Load the starter dataset into a workspace: idempotent, and never over a user's edit.

Each seeded row's content is hashed when written (`seed_state`). On a later load a row is
updated only while its current content still hashes to what the starter data wrote, so a
row the user edited or deleted stays as the user left it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app.data.seed_files import FINGERPRINT_KEY, fingerprint
from app.data.seed_schema import SeedPolicy, SeedSource, StarterDataset, load_dataset
from app.data.tables import (
    EventCitation,
    Excerpt,
    Figure,
    Meta,
    Policy,
    PolicySource,
    Relation,
    SeedState,
    Source,
    StatusEvent,
    assign,
    dated,
    published,
    utc_now,
)
from app.domain.dates import PartialDate
from app.domain.vocab import default_confidence

SEED_NAMESPACE = uuid.UUID("6f4c2a9e-1d3b-5e7a-9c8d-2b1a0f3e4d5c")


def seed_id(kind: str, key: str) -> str:
    """The stable id of a starter-data row, the same in every workspace."""
    return str(uuid.uuid5(SEED_NAMESPACE, f"{kind}:{key}"))


@dataclass
class SeedReport:
    added: int = 0
    updated: int = 0
    kept_user_version: int = 0


def _hash(values: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _policy_values(p: Policy) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "title": p.title,
        "aliases": list(p.aliases),
        "jurisdiction": p.jurisdiction,
        "kind": p.kind,
        "summary": p.summary,
        "legal_basis": p.legal_basis,
        "agencies": list(p.agencies),
        "tags": list(p.tags),
        "last_verified": p.last_verified,
        "deleted": p.deleted_at is not None,
    }


def _source_values(s: Source, excerpts: list[str]) -> dict[str, Any]:
    return {
        "title": s.title,
        "publisher": s.publisher,
        "authors": list(s.authors),
        "published": s.published,
        "url": s.url,
        "kind": s.kind,
        "language": s.language,
        "issuer": s.issuer,
        "note": s.note,
        "excerpts": excerpts,
        "deleted": s.deleted_at is not None,
    }


def _event_values(e: StatusEvent, cited: Iterable[str]) -> dict[str, Any]:
    return {
        "date": e.date,
        "status": e.status,
        "description": e.description,
        "confidence": e.confidence,
        "disagreement": e.disagreement,
        "position": e.position,
        "sources": sorted(cited),
        "deleted": e.deleted_at is not None,
    }


# The fields migration 0007 added. A row the starter data wrote before them was hashed without
# them; it still counts as untouched while they hold what the migration gave it.
_ADDED_IN_0007 = {"policy": ("last_verified",), "event": ("confidence", "disagreement")}


def _before_0007(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in _ADDED_IN_0007[entity]}


def _row_values(row: Any) -> dict[str, Any]:
    return {k: v for k, v in row.model_dump().items() if k not in {"id"}}


class _Loader:
    def __init__(self, session: Session, dataset: StarterDataset) -> None:
        self.s = session
        self.data = dataset
        self.report = SeedReport()
        self.now = utc_now()
        self.states = {(st.entity, st.entity_id): st for st in session.exec(select(SeedState))}

    def _decide(
        self, entity: str, entity_id: str, current: dict[str, Any] | None, as_migrated: bool = False
    ) -> bool:
        """Whether the starter data may write this row now. `as_migrated`: the fields added by
        migration 0007 still hold what the migration gave them."""
        state = self.states.get((entity, entity_id))
        if current is None:
            return state is None  # a row the user deleted stays deleted
        if as_migrated and state is not None and state.content_hash == _hash(_before_0007(entity, current)):
            return True
        if state is None or state.content_hash != _hash(current):
            self.report.kept_user_version += 1
            return False
        return True

    def _record(self, entity: str, entity_id: str, values: dict[str, Any], is_new: bool) -> None:
        key = (entity, entity_id)
        new_hash = _hash(values)
        state = self.states.get(key)
        if state is None:
            state = SeedState(entity=entity, entity_id=entity_id, content_hash=new_hash)
            self.states[key] = state
        elif state.content_hash == new_hash:
            return
        else:
            state.content_hash = new_hash
        self.s.add(state)
        if is_new:
            self.report.added += 1
        else:
            self.report.updated += 1

    def run(self) -> SeedReport:
        for source in self.data.sources.values():
            self._source(source)
        self.s.flush()
        for policy in self.data.policies.values():
            self._policy(policy)
        self.s.flush()
        for policy in self.data.policies.values():
            self._relations(policy)
        return self.report

    def _source(self, seed: SeedSource) -> None:
        sid = seed_id("source", seed.key)
        row = self.s.get(Source, sid)
        current = None
        if row is not None:
            current = _source_values(row, self._excerpt_texts(sid))
        if not self._decide("source", sid, current):
            return
        fields: dict[str, Any] = {
            "title": seed.title,
            "publisher": seed.publisher,
            "authors": list(seed.authors),
            **published(seed.published),
            "url": seed.url,
            "kind": seed.kind.value,
            "language": seed.language,
            "issuer": seed.issuer,
            "note": seed.note,
        }
        is_new = row is None
        if row is None:
            row = Source(id=sid, origin="starter", created_at=self.now, **fields)
        else:
            assign(row, fields)
            row.updated_at = self.now
        self.s.add(row)
        if list(seed.excerpts) != self._excerpt_texts(sid):
            for old in self.s.exec(select(Excerpt).where(Excerpt.source_id == sid)):
                self.s.delete(old)
            self.s.flush()
            for position, text in enumerate(seed.excerpts):
                self.s.add(
                    Excerpt(
                        id=seed_id("excerpt", f"{seed.key}:{position}:{text}"),
                        source_id=sid,
                        position=position,
                        text=text,
                    )
                )
        self._record("source", sid, _source_values(row, list(seed.excerpts)), is_new)

    def _excerpt_texts(self, source_id: str) -> list[str]:
        query = select(Excerpt.text).where(Excerpt.source_id == source_id).order_by(col(Excerpt.position))
        return list(self.s.exec(query))

    def _policy(self, seed: SeedPolicy) -> None:
        pid = seed_id("policy", seed.slug)
        row = self.s.get(Policy, pid)
        as_migrated = row is not None and row.last_verified is None
        if self._decide("policy", pid, _policy_values(row) if row else None, as_migrated):
            fields: dict[str, Any] = {
                "slug": seed.slug,
                "title": seed.title,
                "aliases": list(seed.aliases),
                "jurisdiction": seed.jurisdiction.value,
                "kind": seed.kind.value,
                "summary": seed.summary.strip(),
                "legal_basis": seed.legal_basis,
                "agencies": list(seed.agencies),
                "tags": list(seed.tags),
                "last_verified": seed.last_verified,
            }
            is_new = row is None
            if row is None:
                row = Policy(id=pid, origin="starter", created_at=self.now, updated_at=self.now, **fields)
            else:
                assign(row, fields)
                row.updated_at = self.now
            self.s.add(row)
            self.s.flush()
            self._record("policy", pid, _policy_values(row), is_new)
        if self.s.get(Policy, pid) is None:
            return  # the user deleted the policy: its events and figures stay out too
        for position, event in enumerate(seed.events):
            self._event(pid, seed.slug, position, event)
        for figure in seed.figures:
            self._figure(pid, seed.slug, figure)
        cited = {src for e in seed.events for src in e.sources} | {f.source for f in seed.figures}
        for key in sorted(cited):
            link = PolicySource(policy_id=pid, source_id=seed_id("source", key))
            linked = self.s.get(PolicySource, (link.policy_id, link.source_id)) is not None
            if not linked and self.s.get(Source, link.source_id) is not None:
                self.s.add(link)

    def _event(self, pid: str, slug: str, position: int, seed: Any) -> None:
        eid = seed_id("event", f"{slug}/{seed.key}")
        row = self.s.get(StatusEvent, eid)
        current = None
        as_migrated = False
        if row is not None:
            cited = self._cited(eid)
            current = _event_values(row, cited)
            kinds = self.s.exec(select(Source.kind).where(col(Source.id).in_(cited)))
            as_migrated = row.disagreement == "" and row.confidence == default_confidence(kinds)
        if not self._decide("event", eid, current, as_migrated):
            return
        confidence = seed.confidence or default_confidence(
            self.data.sources[key].kind.value for key in seed.sources if key in self.data.sources
        )
        fields: dict[str, Any] = {
            **dated(seed.date),
            "position": position,
            "status": seed.status.value,
            "description": seed.description.strip(),
            "confidence": confidence.value,
            "disagreement": seed.disagreement.strip(),
        }
        is_new = row is None
        if row is None:
            row = StatusEvent(id=eid, policy_id=pid, origin="starter", created_at=self.now, **fields)
        else:
            assign(row, fields)
            row.updated_at = self.now
        self.s.add(row)
        self.s.flush()
        wanted = {seed_id("source", key) for key in seed.sources}
        present = {sid for sid in wanted if self.s.get(Source, sid) is not None}
        for old in self.s.exec(select(EventCitation).where(EventCitation.event_id == eid)):
            if old.source_id not in present:
                self.s.delete(old)
        for sid in present - set(self._cited(eid)):
            self.s.add(EventCitation(event_id=eid, source_id=sid))
        self.s.flush()
        self._record("event", eid, _event_values(row, present), is_new)

    def _cited(self, event_id: str) -> list[str]:
        query = select(EventCitation.source_id).where(EventCitation.event_id == event_id)
        return list(self.s.exec(query))

    def _figure(self, pid: str, slug: str, seed: Any) -> None:
        fid = seed_id("figure", f"{slug}/{seed.key}")
        source_id = seed_id("source", seed.source)
        row = self.s.get(Figure, fid)
        if not self._decide("figure", fid, _row_values(row) if row else None):
            return
        if self.s.get(Source, source_id) is None:
            return
        when = PartialDate.parse(seed.date)
        fields: dict[str, Any] = {
            "label": seed.label,
            "value": seed.value,
            "unit": seed.unit,
            "date": when.iso(),
            "date_precision": when.precision.value,
            "period_end": seed.period_end,
            "approximate": seed.approximate,
            "source_id": source_id,
            "quote": seed.quote,
            "note": seed.note,
        }
        is_new = row is None
        if row is None:
            row = Figure(id=fid, policy_id=pid, origin="starter", **fields)
        else:
            assign(row, fields)
        self.s.add(row)
        self.s.flush()
        self._record("figure", fid, _row_values(row), is_new)

    def _relations(self, seed: SeedPolicy) -> None:
        from_id = seed_id("policy", seed.slug)
        for relation in seed.relations:
            to_id = seed_id("policy", relation.target)
            rid = seed_id("relation", f"{seed.slug}/{relation.kind.value}/{relation.target}")
            row = self.s.get(Relation, rid)
            if not self._decide("relation", rid, _row_values(row) if row else None):
                continue
            if self.s.get(Policy, from_id) is None or self.s.get(Policy, to_id) is None:
                continue
            is_new = row is None
            if row is None:
                row = Relation(
                    id=rid,
                    from_policy_id=from_id,
                    to_policy_id=to_id,
                    kind=relation.kind.value,
                    note=relation.note,
                    origin="starter",
                )
            else:
                row.note = relation.note
            self.s.add(row)
            self.s.flush()
            self._record("relation", rid, _row_values(row), is_new)


def load_starter_data(session: Session, root: Path) -> SeedReport:
    """Validate the seed files and bring the workspace up to them, inside the caller's transaction."""
    dataset = load_dataset(root)
    report = _Loader(session, dataset).run()
    meta = session.get(Meta, FINGERPRINT_KEY) or Meta(key=FINGERPRINT_KEY, value="")
    meta.value = fingerprint(root)
    session.add(meta)
    return report
