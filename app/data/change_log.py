"""The change history: every change a write session makes, recorded in that session's transaction.

`record_changes(session)` (the store calls it on every write session it opens) watches the
session's flushes. The first time an entry is touched in a transaction, its state in the database
is read (the *before*); just before the commit, its state is read again (the *after*), and one
`change_record` row per entry whose state differs is written through the same connection. So a
change without its record, or a record without its change, cannot be committed: they are one
transaction. A citation is part of its event and a source's links to policies part of the source;
rows deleted by ON DELETE CASCADE (a purged policy's events) are found before the delete runs.

Only SQLAlchemy Core on the session's connection, no SQLite dialect: a PostgreSQL store records
with the same code. What made the change (an edit, undo, redo, an import, the starter data) and
who made it come from `app.data.change_context.recording()`, a context around the operation.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, event, func, insert, inspect, select
from sqlmodel import Session

from app.data.change_context import current_context, now
from app.data.tables import (
    ChangePolicy,
    ChangeRecord,
    EventCitation,
    Excerpt,
    Figure,
    Meta,
    Note,
    Policy,
    PolicySource,
    Relation,
    Source,
    StatusEvent,
)
from app.domain.vocab import ChangeKind, RelationKind, Status

# The workspace setting (meta key) that says how many days of history to keep; 0 keeps all.
RETENTION_KEY = "change_history_days"
DEFAULT_RETENTION_DAYS = 400  # a year and a bit: last year's same week is still there
# Pruning deletes at most this many records per write, so no single edit pays for a long backlog.
PRUNE_BATCH = 2000
# Ids per IN (...) list when reading entries' states: under every backend's limit on parameters.
_CHUNK = 500


# What each kind of entry's state is made of. Times of the edit itself (updated_at) are left out:
# they change with every save and say nothing the record's own time does not.
_FIELDS: dict[ChangeKind, tuple[type[Any], tuple[str, ...]]] = {
    ChangeKind.POLICY: (
        Policy,
        (
            "slug", "title", "aliases", "jurisdiction", "kind", "summary", "legal_basis", "agencies",
            "tags", "last_verified", "origin", "deleted_at",
        ),
    ),
    ChangeKind.EVENT: (
        StatusEvent,
        (
            "policy_id", "date", "date_precision", "status", "description", "confidence",
            "disagreement", "origin", "deleted_at",
        ),
    ),
    ChangeKind.SOURCE: (
        Source,
        (
            "title", "publisher", "authors", "published", "published_precision", "url", "kind",
            "language", "issuer", "note", "origin", "deleted_at",
        ),
    ),
    ChangeKind.EXCERPT: (Excerpt, ("source_id", "text")),
    ChangeKind.NOTE: (
        Note,
        ("policy_id", "event_id", "source_id", "quote", "body", "tags", "pinned", "deleted_at"),
    ),
    ChangeKind.RELATION: (Relation, ("from_policy_id", "to_policy_id", "kind", "note", "origin")),
    ChangeKind.FIGURE: (
        Figure,
        (
            "policy_id", "label", "value", "unit", "date", "date_precision", "period_end",
            "approximate", "source_id", "quote", "note", "origin",
        ),
    ),
}  # fmt: skip


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


_ENTRY_ROWS = (Policy, StatusEvent, Source, Excerpt, Note, Relation, Figure)


def _is_entry_row(row: object) -> bool:
    """Whether the row is an entry itself (not a part of one, such as a citation)."""
    return isinstance(row, _ENTRY_ROWS)


def _touched(row: object) -> tuple[ChangeKind, str] | None:
    """The entry whose recorded state a row is part of, if any."""
    if isinstance(row, Policy):
        return ChangeKind.POLICY, row.id
    if isinstance(row, StatusEvent):
        return ChangeKind.EVENT, row.id
    if isinstance(row, EventCitation):
        return ChangeKind.EVENT, row.event_id
    if isinstance(row, Source):
        return ChangeKind.SOURCE, row.id
    if isinstance(row, PolicySource):
        return ChangeKind.SOURCE, row.source_id
    if isinstance(row, Excerpt):
        return ChangeKind.EXCERPT, row.id
    if isinstance(row, Note):
        return ChangeKind.NOTE, row.id
    if isinstance(row, Relation):
        return ChangeKind.RELATION, row.id
    if isinstance(row, Figure):
        return ChangeKind.FIGURE, row.id
    return None


class _Recorder:
    """The entries one transaction touched, with their state before it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.before: dict[tuple[ChangeKind, str], dict[str, Any] | None] = {}
        # The ORM row of an entry the session changed itself: its state is read from it, not queried.
        self.rows: dict[tuple[ChangeKind, str], object] = {}
        self.deleted: set[tuple[ChangeKind, str]] = set()

    def _orm_state(self, kind: ChangeKind, row: Any, *, before: bool) -> dict[str, Any]:
        """The entry's fields from its ORM row: as loaded (`before`: the values a change replaced are
        kept in its committed state) or as they are now. A part kept in another table (an event's
        citations, a source's links) is read from the database, where it is as the ORM row is."""
        _model, names = _FIELDS[kind]
        replaced = inspect(row).committed_state if before else {}
        state = {name: replaced[name] if name in replaced else getattr(row, name) for name in names}
        entry_id = str(row.id)
        if kind is ChangeKind.EVENT:
            self._add_lists(
                {entry_id: state}, _table(EventCitation), "event_id", "source_id", "sources", [entry_id]
            )
        elif kind is ChangeKind.SOURCE:
            self._add_lists(
                {entry_id: state}, _table(PolicySource), "source_id", "policy_id", "policies", [entry_id]
            )
        return state

    def _states(self, kind: ChangeKind, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The state of each of these entries that exists, in a few queries however many there are."""
        model, names = _FIELDS[kind]
        table = _table(model)
        connection = self.session.connection()
        states: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            rows = connection.execute(
                select(table.c.id, *(table.c[name] for name in names)).where(table.c.id.in_(chunk))
            )
            for entry_id, *values in rows:
                states[entry_id] = dict(zip(names, values, strict=True))
            if kind is ChangeKind.EVENT:
                self._add_lists(states, _table(EventCitation), "event_id", "source_id", "sources", chunk)
            elif kind is ChangeKind.SOURCE:
                self._add_lists(states, _table(PolicySource), "source_id", "policy_id", "policies", chunk)
        return states

    def _add_lists(
        self,
        states: dict[str, dict[str, Any]],
        table: Table,
        owner: str,
        member: str,
        name: str,
        ids: list[str],
    ) -> None:
        """Put in each state the sorted list of its `member`s in `table` (an event's cited sources)."""
        for entry_id in ids:
            if entry_id in states:
                states[entry_id][name] = []
        rows = self.session.connection().execute(
            select(table.c[owner], table.c[member]).where(table.c[owner].in_(ids)).order_by(table.c[member])
        )
        for entry_id, value in rows:
            if entry_id in states:
                states[entry_id][name].append(value)

    def clear(self) -> None:
        self.before.clear()
        self.rows.clear()
        self.deleted.clear()

    def touch(self, kind: ChangeKind, entry_id: str) -> None:
        key = (kind, entry_id)
        if key not in self.before:
            self.before[key] = self._states(kind, [entry_id]).get(entry_id)

    def touch_rows(self, model: type[Any], kind: ChangeKind, where: Any) -> None:
        """Touch every entry a cascade is about to delete (the rows of `model` matching `where`)."""
        ids = self.session.connection().execute(select(_table(model).c.id).where(where)).scalars()
        untouched = [entry_id for entry_id in ids if (kind, entry_id) not in self.before]
        states = self._states(kind, untouched)
        for entry_id in untouched:
            self.before[(kind, entry_id)] = states.get(entry_id)

    def before_flush(self) -> None:
        session = self.session
        for row in session.deleted:
            self._touch_cascade(row)
        for row in session.new:
            touched = _touched(row)
            if touched is None:
                continue
            if isinstance(row, (EventCitation, PolicySource)):
                self.touch(*touched)  # a part of an entry that may well exist
            else:
                # A new row's id is nowhere yet (else its INSERT fails, and with it the transaction).
                self.before.setdefault(touched, None)
                self.rows[touched] = row
                self.deleted.discard(touched)
        for row in (*session.dirty, *session.deleted):
            touched = _touched(row)
            if touched is None or not (row in session.deleted or session.is_modified(row)):
                continue
            if _is_entry_row(row):
                if touched not in self.before:
                    self.before[touched] = self._orm_state(touched[0], row, before=True)
                self.rows[touched] = row
                if row in session.deleted:
                    self.deleted.add(touched)
            else:
                self.touch(*touched)

    def _touch_cascade(self, row: object) -> None:
        """Entries the database deletes along with `row` (ON DELETE CASCADE), read before it does."""
        if isinstance(row, Policy):
            events, figures, relations = _table(StatusEvent), _table(Figure), _table(Relation)
            links = _table(PolicySource)
            self.touch_rows(StatusEvent, ChangeKind.EVENT, events.c.policy_id == row.id)
            self.touch_rows(Figure, ChangeKind.FIGURE, figures.c.policy_id == row.id)
            self.touch_rows(
                Relation,
                ChangeKind.RELATION,
                (relations.c.from_policy_id == row.id) | (relations.c.to_policy_id == row.id),
            )
            linked = self.session.connection().execute(
                select(links.c.source_id).where(links.c.policy_id == row.id)
            )
            for source_id in linked.scalars():
                self.touch(ChangeKind.SOURCE, source_id)
        elif isinstance(row, Source):
            self.touch_rows(Excerpt, ChangeKind.EXCERPT, _table(Excerpt).c.source_id == row.id)

    def records(self) -> list[tuple[dict[str, Any], set[str]]]:
        """The records to write, each with the policies it concerns."""
        changed: list[tuple[ChangeKind, str, dict[str, Any] | None, dict[str, Any] | None]] = []
        by_kind: dict[ChangeKind, list[str]] = {}
        for key in self.before:
            if key not in self.rows:  # touched through a part, or deleted by a cascade: queried
                by_kind.setdefault(key[0], []).append(key[1])
        now_states = {kind: self._states(kind, ids) for kind, ids in by_kind.items()}
        for (kind, entry_id), before in self.before.items():
            key = (kind, entry_id)
            if key in self.rows:
                after = None if key in self.deleted else self._orm_state(kind, self.rows[key], before=False)
            else:
                after = now_states[kind].get(entry_id)
            if before != after:
                changed.append((kind, entry_id, before, after))
        if not changed:
            return []
        context = current_context()
        at, batch = now(), context.batch or str(uuid.uuid4())
        sources = self._source_policies(changed)
        slugs = self._slugs(changed)
        out = []
        for kind, entry_id, before, after in changed:
            policies = _policies_of(kind, before, after, sources)
            policy_id = _policy_of(kind, before, after)
            if kind is ChangeKind.POLICY:
                policy_id = entry_id
                policies.add(entry_id)
            record = {
                "at": at,
                "who": context.who,
                "kind": kind.value,
                "entry_id": entry_id,
                "policy_id": policy_id,
                "summary": summary(kind, before, after, slugs),
                "before": _json(before),
                "after": _json(after),
                "batch": batch,
                "source": context.source,
            }
            out.append((record, policies))
        return out

    def _source_policies(self, changed: list[Any]) -> dict[str, set[str]]:
        """The policies of the sources whose excerpts changed (an excerpt belongs to its source's policies)."""
        wanted: set[str] = set()
        for kind, _entry, before, after in changed:
            if kind is ChangeKind.EXCERPT:
                wanted.add((after or before)["source_id"])
        if not wanted:
            return {}
        links = _table(PolicySource)
        found: dict[str, set[str]] = {source_id: set() for source_id in wanted}
        rows = self.session.connection().execute(
            select(links.c.source_id, links.c.policy_id).where(links.c.source_id.in_(wanted))
        )
        for source_id, policy_id in rows:
            found[source_id].add(policy_id)
        return found

    def _slugs(self, changed: list[Any]) -> dict[str, str]:
        """Slugs of the policies a summary names: the other end of a relation, a source's links."""
        wanted: set[str] = set()
        for kind, _entry, before, after in changed:
            if kind is ChangeKind.RELATION:
                wanted.add((after or before)["to_policy_id"])
            elif kind is ChangeKind.SOURCE and before is not None and after is not None:
                wanted.update(set(before["policies"]) ^ set(after["policies"]))
        if not wanted:
            return {}
        policies = _table(Policy)
        rows = self.session.connection().execute(
            select(policies.c.id, policies.c.slug).where(policies.c.id.in_(wanted))
        )
        return {policy_id: slug for policy_id, slug in rows}

    def write(self) -> None:
        records = self.records()
        self.before.clear()
        self.rows.clear()
        self.deleted.clear()
        if not records:
            return
        connection = self.session.connection()
        log, concerns = _table(ChangeRecord), _table(ChangePolicy)
        # One statement for all records, their new numbers returned in order (SQLAlchemy's
        # "insertmanyvalues", on SQLite and PostgreSQL alike), then one for their policies.
        numbers = connection.execute(
            insert(log).returning(log.c.seq, sort_by_parameter_order=True), [record for record, _ in records]
        ).scalars()
        concerning = [
            {"seq": seq, "policy_id": policy_id}
            for seq, (_record, policies) in zip(numbers, records, strict=True)
            for policy_id in sorted(policies)
        ]
        if concerning:
            connection.execute(insert(concerns), concerning)


def _json(state: dict[str, Any] | None) -> str | None:
    if state is None:
        return None
    return json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _policy_of(kind: ChangeKind, before: dict[str, Any] | None, after: dict[str, Any] | None) -> str | None:
    """The one policy an entry belongs to (a relation: the one it starts from; a source: none)."""
    state = after or before or {}
    if kind is ChangeKind.RELATION:
        return str(state["from_policy_id"])
    policy = state.get("policy_id")
    return str(policy) if policy else None


def _policies_of(
    kind: ChangeKind,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    sources: dict[str, set[str]],
) -> set[str]:
    states = [s for s in (before, after) if s is not None]
    policies: set[str] = set()
    for state in states:
        if kind is ChangeKind.RELATION:
            policies.update((state["from_policy_id"], state["to_policy_id"]))
        elif kind is ChangeKind.SOURCE:
            policies.update(state["policies"])
        elif kind is ChangeKind.EXCERPT:
            policies.update(sources.get(state["source_id"], set()))
        elif "policy_id" in state:
            policies.add(state["policy_id"])
    return policies


# Summaries: one line in plain words, the same in every language of the data (English, like the
# rest of what the workspace stores); the window words its own from kind, before and after.

_NAMES_OF_FIELDS = {"deleted_at": "trash", "sources": "sources cited", "policies": "policies"}


def _name(kind: ChangeKind, state: dict[str, Any], slugs: dict[str, str]) -> str:
    if kind is ChangeKind.POLICY or kind is ChangeKind.SOURCE:
        return f"“{state['title']}”"
    if kind is ChangeKind.EVENT:
        try:
            status = Status(state["status"]).label
        except ValueError:
            status = state["status"]
        return f"“{status}” of {state['date']}"
    if kind is ChangeKind.EXCERPT:
        return f"“{_clip(state['text'])}”"
    if kind is ChangeKind.NOTE:
        return f"“{_clip(state['body'] or state['quote'])}”"
    if kind is ChangeKind.RELATION:
        try:
            label = RelationKind(state["kind"]).label
        except ValueError:
            label = state["kind"]
        return f"“{label} {slugs.get(state['to_policy_id'], 'another policy')}”"
    return f"“{state['label']}”"  # a figure


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(
    kind: ChangeKind, before: dict[str, Any] | None, after: dict[str, Any] | None, slugs: dict[str, str]
) -> str:
    """One line that says what happened to the entry."""
    what = kind.label.lower() if kind is not ChangeKind.EVENT else "status event"
    if before is None and after is not None:
        return f"Added {what} {_name(kind, after, slugs)}"
    if after is None and before is not None:
        return f"Deleted {what} {_name(kind, before, slugs)}"
    assert before is not None and after is not None
    name = _name(kind, after, slugs)
    if before.get("deleted_at") is None and after.get("deleted_at") is not None:
        return f"Moved {what} {name} to the trash"
    if before.get("deleted_at") is not None and after.get("deleted_at") is None:
        return f"Restored {what} {name} from the trash"
    if kind is ChangeKind.SOURCE and before["policies"] != after["policies"]:
        linked = sorted(slugs.get(p, "a policy") for p in set(after["policies"]) - set(before["policies"]))
        unlinked = sorted(slugs.get(p, "a policy") for p in set(before["policies"]) - set(after["policies"]))
        parts = [f"linked to {', '.join(linked)}"] if linked else []
        parts += [f"unlinked from {', '.join(unlinked)}"] if unlinked else []
        others = [n for n in before if n != "policies" and before[n] != after.get(n)]
        if others:
            parts.append("changed " + ", ".join(_NAMES_OF_FIELDS.get(n, n.replace("_", " ")) for n in others))
        return f"Source {name}: " + "; ".join(parts)
    fields = [n for n in after if before.get(n) != after[n]]
    return f"Changed {what} {name}: " + ", ".join(
        _NAMES_OF_FIELDS.get(n, n.replace("_", " ")) for n in fields
    )


def states_of(session: Session, kind: ChangeKind, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The state the history records of each of these entries that exists (for checks and tests)."""
    return _Recorder(session)._states(kind, ids)


def record_changes(session: Session) -> None:
    """Record every change `session` makes to the workspace's entries, in its own transaction:
    on commit, or at `write_recorded` for a session that joins a transaction it does not commit."""
    recorder = _Recorder(session)
    session.info[_RECORDER] = recorder
    event.listen(session, "before_flush", lambda _s, _context, _instances: recorder.before_flush())
    event.listen(session, "before_commit", write_recorded)
    event.listen(session, "after_rollback", lambda _s: recorder.clear())


def write_recorded(session: Session) -> None:
    """Write the records of what `session` changed so far (its pending rows are flushed first)."""
    recorder = session.info.get(_RECORDER)
    if recorder is None:
        return
    session.flush()  # what is still pending is touched (and its before read) now
    recorder.write()


_RECORDER = "change_recorder"


# Keeping the history bounded ------------------------------------------------------------------


def retention_days(session: Session) -> int:
    """How many days of history the workspace keeps (its setting, else the default); 0 keeps all."""
    meta = _table(Meta)
    value = session.connection().execute(select(meta.c.value).where(meta.c.key == RETENTION_KEY)).scalar()
    try:
        return int(value) if value is not None else DEFAULT_RETENTION_DAYS
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def prune(session: Session, *, today: datetime | None = None) -> int:
    """Delete records older than the workspace keeps, at most PRUNE_BATCH of them; how many went.

    Cheap when there is nothing to do: one look at the oldest record (the primary key's first).
    """
    days = retention_days(session)
    if days <= 0:
        return 0
    cutoff = ((today or datetime.now(UTC)) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    log, concerns = _table(ChangeRecord), _table(ChangePolicy)
    connection = session.connection()
    oldest = connection.execute(select(func.min(log.c.seq))).scalar()
    if oldest is None:
        return 0
    oldest_at = connection.execute(select(log.c.at).where(log.c.seq == oldest)).scalar_one()
    if oldest_at >= cutoff:
        return 0
    doomed = list(
        connection.execute(
            select(log.c.seq).where(log.c.at < cutoff).order_by(log.c.seq).limit(PRUNE_BATCH)
        ).scalars()
    )
    connection.execute(delete(concerns).where(concerns.c.seq.in_(doomed)))
    connection.execute(delete(log).where(log.c.seq.in_(doomed)))
    return len(doomed)
