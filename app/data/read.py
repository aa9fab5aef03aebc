"""The light read path: plain sqlite3 queries that return plain rows, never ORM objects."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from app.data.list_rows import _BY_TITLE, _LIST, _LIST_ROW, PolicyRow, _policy_rows
from app.data.list_rows import count_policies as count_policies  # the list's rows, here too
from app.data.list_rows import first_page as first_page
from app.domain.search import fts_query

# The best match of each policy: every FTS5 match is ranked once (bm25, title hits counting 4×),
# mapped to its policies through the narrow search_owner table (migrations 0005 and 0006, which
# names each policy by a number) and grouped inside SQLite; a hit in the policy's own fields
# counts 3× one in its history, sources or notes. LIMIT -1 keeps the subquery from being
# flattened into the GROUP BY, where bm25() cannot run; CROSS JOIN keeps it outermost, so that
# its rows stream into the join instead of being stored first.
_RANKED = """
SELECT o.num, min(CASE o.kind WHEN 'policy' THEN h.rank * 3 ELSE h.rank END) AS best
FROM (SELECT rowid AS doc, bm25(search_fts, 4.0, 1.0) AS rank FROM search_fts
      WHERE search_fts MATCH :query LIMIT -1) AS h
CROSS JOIN search_owner o ON o.doc = h.doc
WHERE o.source_id IS NULL OR o.source_id NOT IN (SELECT id FROM source WHERE deleted_at IS NOT NULL)
GROUP BY o.num
"""

# Policies in the trash have no list row, so the join leaves them out.
_SEARCH = f"""WITH ranked AS ({_RANKED}){_LIST_ROW}
FROM ranked JOIN policy_list l ON l.num = ranked.num
ORDER BY ranked.best, {_BY_TITLE}"""


def list_policies(connection: sqlite3.Connection, search: str = "") -> list[PolicyRow]:
    """Every policy, or those matching the search text, best matches first, else by title."""
    if not search:
        return _policy_rows(connection, _LIST)
    query = fts_query(search)
    if query is None:
        return []
    return _policy_rows(connection, _SEARCH, {"query": query})


def rows_for_ids(connection: sqlite3.Connection, ids: list[str]) -> list[PolicyRow]:
    """List rows for a few policies, in the order of `ids`."""
    found: dict[str, PolicyRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in _policy_rows(
            connection, f"{_LIST_ROW} FROM policy_list l WHERE l.policy_id IN ({marks})", chunk
        ):
            found[row.id] = row
    return [found[i] for i in ids if i in found]


def policies_matching_fields(connection: sqlite3.Connection, search: str, limit: int = 100) -> list[str]:
    """Ids of policies whose own fields (title, aliases, summary…) match, best first: the instant
    part of a search, before matches in histories, sources and notes are in."""
    query = fts_query(search)
    if query is None:
        return []
    # Unranked on purpose (ranking every match costs more than a keystroke may take): title
    # matches first, then matches anywhere in the policy's fields. The complete, ranked search follows.
    found: dict[str, None] = {}
    for expression in (f"title : ({query})", query):
        rows = connection.execute(
            """SELECT d.ref_id FROM search_policy_fts JOIN search_doc d ON d.rowid = search_policy_fts.rowid
               WHERE search_policy_fts MATCH ? LIMIT ?""",
            (expression, limit),
        )
        found.update((str(r[0]), None) for r in rows)
        if len(found) >= limit:
            break
    return list(found)[:limit]


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    date: str
    date_precision: str
    status: str
    description: str
    source_ids: list[str]
    confidence: str = "confirmed"  # confirmed | reported | unconfirmed (app.domain.vocab.Confidence)
    disagreement: str = ""


@dataclass(frozen=True, slots=True)
class ExcerptRow:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: str
    title: str
    publisher: str
    authors: list[str]
    published: str | None
    published_precision: str | None
    url: str | None
    kind: str
    language: str
    issuer: str
    note: str
    excerpts: list[ExcerptRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NoteRow:
    id: str
    policy_id: str
    event_id: str | None
    source_id: str | None
    quote: str
    body: str
    tags: list[str]
    pinned: bool
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class RelationRow:
    id: str
    kind: str
    from_slug: str
    to_slug: str
    other_slug: str
    other_title: str
    outgoing: bool
    note: str


@dataclass(frozen=True, slots=True)
class FigureRow:
    id: str
    label: str
    value: float
    unit: str
    date: str
    date_precision: str
    period_end: str | None
    approximate: bool
    source_id: str
    quote: str
    note: str


@dataclass(frozen=True)
class PolicyDetail:
    id: str
    slug: str
    title: str
    aliases: list[str]
    jurisdiction: str
    kind: str
    summary: str
    legal_basis: str
    agencies: list[str]
    tags: list[str]
    origin: str
    created_at: str
    updated_at: str
    events: list[EventRow]
    sources: list[SourceRow]
    notes: list[NoteRow]
    relations: list[RelationRow]
    figures: list[FigureRow]
    last_verified: str | None = None  # YYYY-MM-DD

    @property
    def current_status(self) -> str | None:
        return self.events[-1].status if self.events else None

    @property
    def status_since(self) -> str | None:
        """The date the current status began: later events that keep the status do not reset it."""
        if not self.events:
            return None
        since = self.events[-1]
        for event in reversed(self.events):
            if event.status != since.status:
                break
            since = event
        return since.date


def policy_id_for_slug(connection: sqlite3.Connection, slug: str) -> str | None:
    row = connection.execute(
        "SELECT id FROM policy WHERE slug = ? AND deleted_at IS NULL", (slug,)
    ).fetchone()
    return None if row is None else str(row[0])


def policy_detail(connection: sqlite3.Connection, policy_id: str) -> PolicyDetail | None:
    """Everything about one policy, in a fixed number of queries whatever its size."""
    p = connection.execute(
        """SELECT id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies, tags,
                  origin, created_at, updated_at, last_verified FROM policy WHERE id = ? AND deleted_at IS NULL""",
        (policy_id,),
    ).fetchone()
    if p is None:
        return None
    citations: dict[str, list[str]] = {}
    for event_id, source_id in connection.execute(
        """SELECT c.event_id, c.source_id FROM event_citation c JOIN status_event e ON e.id = c.event_id
           WHERE e.policy_id = ? ORDER BY c.source_id""",
        (policy_id,),
    ):
        citations.setdefault(event_id, []).append(source_id)
    events = [
        EventRow(r[0], r[1], r[2], r[3], r[4], citations.get(r[0], []), r[5], r[6])
        for r in connection.execute(
            """SELECT id, date, date_precision, status, description, confidence, disagreement FROM status_event
               WHERE policy_id = ? AND deleted_at IS NULL
               ORDER BY date_sort, position, created_at""",
            (policy_id,),
        )
    ]
    return PolicyDetail(
        id=p[0],
        slug=p[1],
        title=p[2],
        aliases=json.loads(p[3]),
        jurisdiction=p[4],
        kind=p[5],
        summary=p[6],
        legal_basis=p[7],
        agencies=json.loads(p[8]),
        tags=json.loads(p[9]),
        origin=p[10],
        created_at=p[11],
        updated_at=p[12],
        events=events,
        sources=sources_of_policy(connection, policy_id),
        notes=notes_of_policy(connection, policy_id),
        relations=relations_of_policy(connection, policy_id),
        figures=figures_of_policy(connection, policy_id),
        last_verified=p[13],
    )


_SOURCE_COLUMNS = (
    "s.id, s.title, s.publisher, s.authors, s.published, s.published_precision, s.url, s.kind, "
    "s.language, s.issuer, s.note"
)


def _sources(connection: sqlite3.Connection, where: str, params: tuple[object, ...]) -> list[SourceRow]:
    rows = connection.execute(
        f"SELECT {_SOURCE_COLUMNS} FROM source s {where} AND s.deleted_at IS NULL "
        "ORDER BY s.published, s.title",
        params,
    ).fetchall()
    excerpts: dict[str, list[ExcerptRow]] = {}
    ids = [r[0] for r in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for x in connection.execute(
            f"SELECT source_id, id, text FROM excerpt WHERE source_id IN ({marks}) ORDER BY position",
            chunk,
        ):
            excerpts.setdefault(x[0], []).append(ExcerptRow(x[1], x[2]))
    return [
        SourceRow(
            r[0],
            r[1],
            r[2],
            json.loads(r[3]),
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            excerpts.get(r[0], []),
        )
        for r in rows
    ]


def sources_of_policy(connection: sqlite3.Connection, policy_id: str) -> list[SourceRow]:
    return _sources(
        connection,
        "JOIN policy_source ps ON ps.source_id = s.id WHERE ps.policy_id = ?",
        (policy_id,),
    )


def all_sources(connection: sqlite3.Connection) -> list[SourceRow]:
    return _sources(connection, "WHERE 1 = 1", ())


def sources_by_id(connection: sqlite3.Connection, ids: list[str]) -> list[SourceRow]:
    found: list[SourceRow] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += _sources(connection, f"WHERE s.id IN ({','.join('?' * len(chunk))})", tuple(chunk))
    return found


def notes_of_policy(connection: sqlite3.Connection, policy_id: str) -> list[NoteRow]:
    """Pinned notes first, then the newest."""
    return [
        NoteRow(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), bool(r[7]), r[8], r[9])
        for r in connection.execute(
            """SELECT id, policy_id, event_id, source_id, quote, body, tags, pinned, created_at,
                      updated_at FROM note WHERE policy_id = ? AND deleted_at IS NULL
               ORDER BY pinned DESC, updated_at DESC, rowid DESC""",
            (policy_id,),
        )
    ]


def relations_of_policy(connection: sqlite3.Connection, policy_id: str) -> list[RelationRow]:
    rows = connection.execute(
        """SELECT r.id, r.kind, f.slug, t.slug, r.from_policy_id = :pid, r.note,
                  CASE WHEN r.from_policy_id = :pid THEN t.title ELSE f.title END
           FROM relation r JOIN policy f ON f.id = r.from_policy_id JOIN policy t ON t.id = r.to_policy_id
           WHERE (r.from_policy_id = :pid OR r.to_policy_id = :pid)
             AND f.deleted_at IS NULL AND t.deleted_at IS NULL
           ORDER BY r.kind, 7""",
        {"pid": policy_id},
    )
    return [RelationRow(r[0], r[1], r[2], r[3], r[3] if r[4] else r[2], r[6], bool(r[4]), r[5]) for r in rows]


def figures_of_policy(connection: sqlite3.Connection, policy_id: str) -> list[FigureRow]:
    return [
        FigureRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10])
        for r in connection.execute(
            """SELECT id, label, value, unit, date, date_precision, period_end, approximate,
                      source_id, quote, note FROM figure WHERE policy_id = ? ORDER BY date, label""",
            (policy_id,),
        )
    ]


@dataclass(frozen=True, slots=True)
class NoteListRow:
    id: str
    policy_id: str
    policy_slug: str
    policy_title: str
    event_id: str | None
    event_label: str
    source_id: str | None
    source_title: str
    quote: str
    body: str
    tags: list[str]
    pinned: bool
    created_at: str
    updated_at: str


_NOTE_SELECT = """
SELECT n.id, n.policy_id, p.slug, p.title, n.event_id,
       CASE WHEN e.id IS NULL THEN '' ELSE e.date || ' ' || e.status END,
       n.source_id, coalesce(s.title, ''), n.quote, n.body, n.tags, n.pinned, n.created_at, n.updated_at
FROM note n JOIN policy p ON p.id = n.policy_id
LEFT JOIN status_event e ON e.id = n.event_id
LEFT JOIN source s ON s.id = n.source_id
"""


def list_notes(
    connection: sqlite3.Connection,
    *,
    policy_id: str | None = None,
    tag: str | None = None,
    search: str = "",
    updated_from: str | None = None,
) -> list[NoteListRow]:
    """Every note matching the filters, the most recently changed first."""
    where = ["n.deleted_at IS NULL", "p.deleted_at IS NULL"]
    params: dict[str, object] = {}
    if policy_id:
        where.append("n.policy_id = :policy")
        params["policy"] = policy_id
    if tag:
        where.append("EXISTS (SELECT 1 FROM json_each(n.tags) WHERE value = :tag)")
        params["tag"] = tag
    if updated_from:
        where.append("n.updated_at >= :since")
        params["since"] = updated_from
    sql = _NOTE_SELECT
    order = "n.updated_at DESC, n.rowid DESC"  # rowid: the later of two notes saved in one second
    if search:
        query = fts_query(search)
        if query is None:
            return []
        sql = (
            "WITH hits AS (SELECT d.ref_id, bm25(search_fts, 4.0, 1.0) AS rank FROM search_fts "
            "JOIN search_doc d ON d.rowid = search_fts.rowid WHERE search_fts MATCH :query "
            "AND d.kind = 'note') " + sql + " JOIN hits ON hits.ref_id = n.id"
        )
        params["query"] = query
    sql += " WHERE " + " AND ".join(where) + f" ORDER BY {order}"
    return [
        NoteListRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            json.loads(r[10]),
            bool(r[11]),
            r[12],
            r[13],
        )
        for r in connection.execute(sql, params)
    ]


def note_tags(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT DISTINCT value FROM note, json_each(note.tags) WHERE note.deleted_at IS NULL ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


def all_tags(connection: sqlite3.Connection) -> list[str]:
    """Every tag in use on notes or policies, for autocompletion."""
    rows = connection.execute(
        "SELECT value FROM note, json_each(note.tags) UNION SELECT value FROM policy, json_each(policy.tags) "
        "ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


@dataclass(frozen=True, slots=True)
class SavedSearchRow:
    id: str
    name: str
    search: str
    filters: dict[str, list[str]]


def saved_searches(connection: sqlite3.Connection) -> list[SavedSearchRow]:
    rows = connection.execute(
        "SELECT id, name, search, filters FROM saved_search ORDER BY name COLLATE NOCASE"
    )
    return [SavedSearchRow(r[0], r[1], r[2], json.loads(r[3])) for r in rows]
