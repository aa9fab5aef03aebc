"""The light read path: plain sqlite3 queries that return plain rows, never ORM objects."""

from __future__ import annotations

import json
import sqlite3

from app.data.details import (
    MATCH_END,
    MATCH_START,
    ContentCounts,
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
    TimelineEventRow,
    TimelineRows,
    TrashRow,
)
from app.data.rows import PolicyRow
from app.data.sqlite.list_rows import _BY_TITLE, _LIST, _LIST_ROW, _policy_rows
from app.data.sqlite.list_rows import count_policies as count_policies  # the list's rows, here too
from app.data.sqlite.list_rows import first_page as first_page
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


# The best match among one policy's documents: its own fields first, then by rank. The policy's
# documents are found through the indexed links of its entries (a few dozen rows), each looked up
# in the index by rowid, so a word that matches half the workspace costs no more than a rare one.
# The same documents as search_owner names (migrations 0005 and 0006): events and notes in the
# trash have none, and the documents of a source in the trash are left out.
_REASON = """
WITH docs(doc, kind) AS (
  SELECT d.rowid, d.kind FROM search_doc d WHERE d.kind = 'policy' AND d.ref_id = :policy
  UNION ALL
  SELECT d.rowid, d.kind FROM status_event e JOIN search_doc d ON d.kind = 'event' AND d.ref_id = e.id
   WHERE e.policy_id = :policy AND e.deleted_at IS NULL
  UNION ALL
  SELECT d.rowid, d.kind FROM note n JOIN search_doc d ON d.kind = 'note' AND d.ref_id = n.id
   WHERE n.policy_id = :policy AND n.deleted_at IS NULL
  UNION ALL
  SELECT d.rowid, d.kind FROM policy_source l JOIN source s ON s.id = l.source_id AND s.deleted_at IS NULL
    JOIN search_doc d ON d.kind = 'source' AND d.ref_id = s.id
   WHERE l.policy_id = :policy
  UNION ALL
  SELECT d.rowid, d.kind FROM policy_source l JOIN source s ON s.id = l.source_id AND s.deleted_at IS NULL
    JOIN excerpt x ON x.source_id = s.id JOIN search_doc d ON d.kind = 'excerpt' AND d.ref_id = x.id
   WHERE l.policy_id = :policy
)
SELECT (SELECT kind FROM docs WHERE doc = search_fts.rowid) AS kind,
       snippet(search_fts, 0, :start, :end, '…', 10), snippet(search_fts, 1, :start, :end, '…', 10)
FROM search_fts
WHERE search_fts MATCH :query AND +search_fts.rowid IN (SELECT doc FROM docs)
ORDER BY kind != 'policy', rank
LIMIT 1
"""


def match_reason(connection: sqlite3.Connection, search: str, policy_id: str) -> MatchReason | None:
    """Where a policy matches the search, with a snippet; None if it does not match."""
    query = fts_query(search)
    if query is None:
        return None
    row = connection.execute(
        _REASON, {"start": MATCH_START, "end": MATCH_END, "policy": policy_id, "query": query}
    ).fetchone()
    if row is None:
        return None
    kind, title, body = str(row[0]), str(row[1] or ""), str(row[2] or "")
    if MATCH_START in title or not body.strip():
        return MatchReason(kind, "title", " ".join(title.split()))
    return MatchReason(kind, "body", " ".join(body.split()))


# Every live event of every live policy, in the order of each policy's history (as policy_detail
# orders one policy's): what the status on any past day is worked out from.
_HISTORIES = """SELECT e.policy_id, e.date, e.date_precision, e.date_sort, e.status FROM status_event e
WHERE e.deleted_at IS NULL AND e.policy_id IN (SELECT policy_id FROM policy_list)
ORDER BY e.policy_id, e.date_sort, e.position, e.created_at"""


def status_histories(connection: sqlite3.Connection) -> list[tuple[str, str, str, str, str]]:
    """(policy id, date, precision, first day, status) of every live event of every live policy,
    by policy and in the order of its history."""
    cursor = connection.cursor()
    cursor.row_factory = None  # plain tuples: 100,000 rows at L
    return cursor.execute(_HISTORIES).fetchall()


def meta_value(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


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


def policy_details(connection: sqlite3.Connection, policy_ids: list[str]) -> list[PolicyDetail]:
    """Everything about many policies, as policy_detail gives it for one, in a few queries per 500
    policies (not a dozen per policy): for reading the whole workspace, as the citation audit does."""
    found: list[PolicyDetail] = []
    for start in range(0, len(policy_ids), _CHUNK):
        chunk = policy_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        citations: dict[str, list[str]] = {}
        for event_id, source_id in connection.execute(
            f"""SELECT c.event_id, c.source_id FROM event_citation c JOIN status_event e ON e.id = c.event_id
                WHERE e.policy_id IN ({marks}) ORDER BY c.source_id""",
            chunk,
        ):
            citations.setdefault(event_id, []).append(source_id)
        events: dict[str, list[EventRow]] = {}
        for r in connection.execute(
            f"""SELECT id, date, date_precision, status, description, confidence, disagreement, policy_id
                FROM status_event WHERE policy_id IN ({marks}) AND deleted_at IS NULL
                ORDER BY policy_id, date_sort, position, created_at""",
            chunk,
        ):
            events.setdefault(r[7], []).append(
                EventRow(r[0], r[1], r[2], r[3], r[4], citations.get(r[0], []), r[5], r[6])
            )
        links: dict[str, list[str]] = {}
        for policy_id, source_id in connection.execute(
            f"SELECT policy_id, source_id FROM policy_source WHERE policy_id IN ({marks})", chunk
        ):
            links.setdefault(policy_id, []).append(source_id)
        sources = {s.id: s for s in sources_by_id(connection, sorted({x for v in links.values() for x in v}))}
        notes: dict[str, list[NoteRow]] = {}
        for r in connection.execute(
            f"""SELECT id, policy_id, event_id, source_id, quote, body, tags, pinned, created_at, updated_at
                FROM note WHERE policy_id IN ({marks}) AND deleted_at IS NULL
                ORDER BY pinned DESC, updated_at DESC, rowid DESC""",
            chunk,
        ):
            notes.setdefault(r[1], []).append(
                NoteRow(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), bool(r[7]), r[8], r[9])
            )
        figures: dict[str, list[FigureRow]] = {}
        for r in connection.execute(
            f"""SELECT id, label, value, unit, date, date_precision, period_end, approximate,
                       source_id, quote, note, policy_id FROM figure WHERE policy_id IN ({marks})
                ORDER BY date, label""",
            chunk,
        ):
            figures.setdefault(r[11], []).append(
                FigureRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10])
            )
        for p in connection.execute(
            f"""SELECT id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies, tags,
                       origin, created_at, updated_at, last_verified FROM policy
                WHERE id IN ({marks}) AND deleted_at IS NULL""",
            chunk,
        ):
            linked = [sources[x] for x in links.get(p[0], []) if x in sources]
            linked.sort(key=lambda s: (s.published is not None, s.published or "", s.title))
            found.append(
                PolicyDetail(
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
                    events=events.get(p[0], []),
                    sources=linked,
                    notes=notes.get(p[0], []),
                    relations=relations_of_policy(connection, p[0]),
                    figures=figures.get(p[0], []),
                    last_verified=p[13],
                )
            )
    order = {pid: n for n, pid in enumerate(policy_ids)}
    return sorted(found, key=lambda d: order[d.id])


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


def saved_searches(connection: sqlite3.Connection) -> list[SavedSearchRow]:
    rows = connection.execute(
        "SELECT id, name, search, filters FROM saved_search ORDER BY name COLLATE NOCASE"
    )
    return [SavedSearchRow(r[0], r[1], r[2], json.loads(r[3])) for r in rows]


def trashed_note_count(connection: sqlite3.Connection, policy_id: str) -> int:
    """How many of the policy's notes are in the trash."""
    row = connection.execute(
        "SELECT count(*) FROM note WHERE policy_id = ? AND deleted_at IS NOT NULL", (policy_id,)
    ).fetchone()
    return int(row[0])


def policy_exists(connection: sqlite3.Connection, policy_id: str) -> bool:
    """Whether the policy is there, live or in the trash."""
    return connection.execute("SELECT 1 FROM policy WHERE id = ?", (policy_id,)).fetchone() is not None


def content_counts(connection: sqlite3.Connection, policy_id: str) -> ContentCounts:
    def count(sql: str) -> int:
        return int(connection.execute(sql, (policy_id,)).fetchone()[0])

    return ContentCounts(
        events=count("SELECT count(*) FROM status_event WHERE policy_id = ? AND deleted_at IS NULL"),
        notes=count("SELECT count(*) FROM note WHERE policy_id = ? AND deleted_at IS NULL"),
        figures=count("SELECT count(*) FROM figure WHERE policy_id = ?"),
        sources=count("SELECT count(*) FROM policy_source WHERE policy_id = ?"),
    )


def first_event_day(connection: sqlite3.Connection, policy_id: str) -> str | None:
    """The first day of the policy's earliest live event (YYYY-MM-DD), if it has any."""
    row = connection.execute(
        "SELECT min(date_sort) FROM status_event WHERE policy_id = ? AND deleted_at IS NULL", (policy_id,)
    ).fetchone()
    return None if row[0] is None else str(row[0])


def policies_of_source(connection: sqlite3.Connection, source_id: str) -> set[str]:
    rows = connection.execute("SELECT policy_id FROM policy_source WHERE source_id = ?", (source_id,))
    return {str(r[0]) for r in rows}


_OWNER_TABLES = {"event": "status_event", "note": "note"}


def policy_of_entry(connection: sqlite3.Connection, kind: str, entry_id: str) -> str | None:
    """The policy a status event ("event") or a note ("note") belongs to; None if it is gone."""
    table = _OWNER_TABLES[kind]
    row = connection.execute(f"SELECT policy_id FROM {table} WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else str(row[0])


def trash(connection: sqlite3.Connection) -> list[TrashRow]:
    """Everything in the trash (in no particular order)."""
    c = connection
    items = [
        TrashRow("policy", r[0], r[1], r[2])
        for r in c.execute("SELECT id, title, deleted_at FROM policy WHERE deleted_at IS NOT NULL")
    ]
    items += [
        TrashRow("event", r[0], f"{r[1]} · {r[2]}", r[3], r[4])
        for r in c.execute(
            """SELECT e.id, e.date, e.status, e.deleted_at, p.title FROM status_event e
           JOIN policy p ON p.id = e.policy_id WHERE e.deleted_at IS NOT NULL"""
        )
    ]
    items += [
        TrashRow("source", r[0], r[1], r[2])
        for r in c.execute("SELECT id, title, deleted_at FROM source WHERE deleted_at IS NOT NULL")
    ]
    items += [
        TrashRow("note", r[0], (r[1] or r[2])[:120], r[3], r[4])
        for r in c.execute(
            """SELECT n.id, n.body, n.quote, n.deleted_at, p.title FROM note n
           JOIN policy p ON p.id = n.policy_id WHERE n.deleted_at IS NOT NULL"""
        )
    ]
    return items


_CHUNK = 500  # SQLite allows at most 999 parameters in one statement


def timeline_rows(connection: sqlite3.Connection, policy_ids: list[str]) -> TimelineRows:
    """The titles, live events (with their sources' titles) and relations of these policies."""
    c = connection
    titles: dict[str, tuple[str, str]] = {}
    citations: dict[str, list[str]] = {}
    events: list[tuple[str, str, str, str, str]] = []
    relations: list[tuple[str, str, str]] = []
    chunks = [policy_ids[n : n + _CHUNK] for n in range(0, len(policy_ids), _CHUNK)]
    for chunk in chunks:
        marks = ",".join("?" * len(chunk))
        for pid, slug, title in c.execute(f"SELECT id, slug, title FROM policy WHERE id IN ({marks})", chunk):
            titles[pid] = (slug, title)
        for event_id, title in c.execute(
            f"""SELECT ec.event_id, s.title FROM event_citation ec JOIN status_event e ON e.id = ec.event_id
                JOIN source s ON s.id = ec.source_id WHERE e.policy_id IN ({marks}) AND s.deleted_at IS NULL
                ORDER BY s.title""",
            chunk,
        ):
            citations.setdefault(event_id, []).append(title)
        events += c.execute(
            f"""SELECT id, policy_id, date, status, description FROM status_event
                WHERE policy_id IN ({marks}) AND deleted_at IS NULL
                ORDER BY policy_id, date_sort, position, created_at""",
            chunk,
        ).fetchall()
    for chunk in chunks:
        marks = ",".join("?" * len(chunk))
        relations += c.execute(
            f"SELECT from_policy_id, to_policy_id, kind FROM relation WHERE from_policy_id IN ({marks})",
            chunk,
        ).fetchall()
    return TimelineRows(
        titles,
        [TimelineEventRow(e[0], e[1], e[2], e[3], e[4], tuple(citations.get(e[0], ()))) for e in events],
        [(str(r[0]), str(r[1]), str(r[2])) for r in relations],
    )
