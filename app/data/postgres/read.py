"""The read path of a team workspace: plain psycopg queries that return plain rows.

Row-level security applies to every query here: another analyst's private notes are not in
the note lists, the counts, the search or anything built on them, because the server never
returns them to this connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.data.details import (
    ContentCounts,
    EventRow,
    ExcerptRow,
    FigureRow,
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
from app.data.postgres import kept_list
from app.data.postgres.search import query_text
from app.data.rows import PolicyRow

if TYPE_CHECKING:
    import psycopg

# What the list shows of each live policy: its fields, its latest live event, how many of its
# links lead to a live source, and how many notes this user can see (row-level security).
_LIST_ROW = """
SELECT p.id, p.slug, p.title, p.aliases, p.jurisdiction, p.kind, p.tags, le.status, le.date, le.date_precision,
       (SELECT count(*) FROM policy_source ps JOIN source s ON s.id = ps.source_id
         WHERE ps.policy_id = p.id AND s.deleted_at IS NULL) AS source_count,
       (SELECT count(*) FROM note n WHERE n.policy_id = p.id AND n.deleted_at IS NULL) AS note_count
FROM policy p
LEFT JOIN LATERAL (
    SELECT e.status, e.date, e.date_precision FROM status_event e
     WHERE e.policy_id = p.id AND e.deleted_at IS NULL
     ORDER BY e.date_sort DESC, e.position DESC, e.created_at DESC LIMIT 1) le ON true
"""
_BY_TITLE = "lower(p.title), p.slug"

# The same rows for many policies at once (the whole list, a search matching many): the counts
# grouped once and joined, instead of counted per row (about half the time at size M).
_ALL_ROWS_READ = """
SELECT p.id, p.slug, p.title, p.aliases, p.jurisdiction, p.kind, p.tags, le.status, le.date, le.date_precision,
       coalesce(sc.n, 0) AS source_count, coalesce(nc.n, 0) AS note_count{commits}
FROM policy p
LEFT JOIN LATERAL (
    SELECT e.status, e.date, e.date_precision FROM status_event e
     WHERE e.policy_id = p.id AND e.deleted_at IS NULL
     ORDER BY e.date_sort DESC, e.position DESC, e.created_at DESC LIMIT 1) le ON true
LEFT JOIN (SELECT ps.policy_id, count(*) AS n FROM policy_source ps JOIN source s ON s.id = ps.source_id
            WHERE s.deleted_at IS NULL GROUP BY ps.policy_id) sc ON sc.policy_id = p.id
LEFT JOIN (SELECT policy_id, count(*) AS n FROM note WHERE deleted_at IS NULL GROUP BY policy_id) nc
       ON nc.policy_id = p.id
"""
_ALL_ROWS = _ALL_ROWS_READ.format(commits="")
# ... and with the commit count they include (kept_list), read in the same statement.
_ALL_ROWS_COUNTED = _ALL_ROWS_READ.format(commits=f", {kept_list.COMMITS} AS commits")

# Every document matching the query, ranked once (title words weigh more), mapped to the
# policies it counts for: a policy's own fields (3× as much), its live events and the notes
# this user can see (their documents name their policy; row-level security hides the others'),
# and the live sources linked to it with their excerpts. Source and excerpt matches are grouped
# per source first (their documents name it), so the links are joined once per source.
_RANKED = """
WITH q AS (SELECT to_tsquery('simple', %(query)s) AS q),
hits AS MATERIALIZED (
    SELECT d.kind, d.policy_id, d.source_id, ts_rank('{0.1, 0.2, 0.4, 1.0}', d.document, q.q) AS rank
      FROM search_doc d, q WHERE d.document @@ q.q),
by_source AS (SELECT source_id, max(rank) AS rank FROM hits WHERE source_id IS NOT NULL GROUP BY source_id),
owners AS (
    SELECT h.policy_id, CASE h.kind WHEN 'policy' THEN h.rank * 3 ELSE h.rank END AS rank
      FROM hits h WHERE h.policy_id IS NOT NULL
    UNION ALL
    SELECT ps.policy_id, b.rank FROM by_source b JOIN source s ON s.id = b.source_id
      JOIN policy_source ps ON ps.source_id = s.id
     WHERE s.deleted_at IS NULL),
ranked AS (SELECT policy_id, max(rank) AS best FROM owners GROUP BY policy_id)
"""


def _policy_rows(connection: psycopg.Connection[Any], sql: str, params: Any = None) -> list[PolicyRow]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            PolicyRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], int(r[10]), int(r[11]))
            for r in cursor.fetchall()
        ]


def _one(connection: psycopg.Connection[Any], sql: str, params: Any = None) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else row[0]


def _all(connection: psycopg.Connection[Any], sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def count_policies(connection: psycopg.Connection[Any]) -> int:
    return int(_one(connection, "SELECT count(*) FROM policy WHERE deleted_at IS NULL"))


def first_page(connection: psycopg.Connection[Any], limit: int) -> list[PolicyRow]:
    return _policy_rows(
        connection,
        f"{_LIST_ROW} WHERE p.deleted_at IS NULL ORDER BY {_BY_TITLE} LIMIT %(limit)s",
        {"limit": limit},
    )


def list_policies(
    connection: psycopg.Connection[Any], search: str = "", *, keep: bool = True
) -> list[PolicyRow]:
    """Every live policy, or those matching the search text, best matches first, else by title.

    The rows come from the list this client keeps while nothing has changed (kept_list); a
    search then only ranks the matches, reading their order and the commit count together.
    `keep` False: a workspace older than the commit count (revision 0010), open read-only.
    """
    if not keep:
        return _read_list(connection, search)
    if not search:
        held = _whole_list(connection)
        return list(held.rows) if held is not None else []
    query = query_text(search)
    if query is None:
        return []
    # Unordered: the matches are sorted here, by rank and then by their place in the kept list,
    # which holds the server's title order (ORDER BY lower(title), slug) already.
    ranked = _all(
        connection, f"{_RANKED}SELECT policy_id, best, {kept_list.COMMITS} FROM ranked", {"query": query}
    )
    if not ranked:
        return []
    commits = str(ranked[0][2])
    held = kept_list.kept(connection)
    if held is None or held.commits != commits:
        held = _whole_list(connection)
    if held is not None and held.commits == commits:
        # The same commits: every live policy is in the kept list (an id that is not is in the trash).
        place = held.place
        live = [
            (float(best), place[str(policy_id)]) for policy_id, best, _commits in ranked if policy_id in place
        ]
        live.sort(key=lambda match: (-match[0], match[1]))
        return [held.rows[index] for _best, index in live]
    return _read_list(connection, search)  # someone committed between the two reads


def _read_list(connection: psycopg.Connection[Any], search: str) -> list[PolicyRow]:
    """The list's rows read afresh, with the matches' ranks when searching."""
    if not search:
        return _policy_rows(connection, f"{_ALL_ROWS} WHERE p.deleted_at IS NULL ORDER BY {_BY_TITLE}")
    query = query_text(search)
    if query is None:
        return []
    sql = (
        f"{_RANKED}{_ALL_ROWS} JOIN ranked ON ranked.policy_id = p.id "
        f"WHERE p.deleted_at IS NULL ORDER BY ranked.best DESC, {_BY_TITLE}"
    )
    return _policy_rows(connection, sql, {"query": query})


def _whole_list(connection: psycopg.Connection[Any]) -> kept_list.KeptList | None:
    """The kept list when no commit came since it was read, else the list read again (and kept);
    None when there are no live policies."""
    held = kept_list.kept(connection)
    if held is not None and held.commits == str(_one(connection, f"SELECT {kept_list.COMMITS}")):
        return held
    with connection.cursor() as cursor:
        cursor.execute(f"{_ALL_ROWS_COUNTED} WHERE p.deleted_at IS NULL ORDER BY {_BY_TITLE}")
        found = cursor.fetchall()
    if not found:
        return None  # nothing to keep: the count read apart from the rows could be newer than they are
    rows = [
        PolicyRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], int(r[10]), int(r[11]))
        for r in found
    ]
    return kept_list.keep(connection, str(found[0][12]), rows)


def rows_for_ids(connection: psycopg.Connection[Any], ids: list[str]) -> list[PolicyRow]:
    found = {
        row.id: row
        for row in _policy_rows(
            connection, f"{_LIST_ROW} WHERE p.deleted_at IS NULL AND p.id = ANY(%(ids)s)", {"ids": ids}
        )
    }
    return [found[i] for i in ids if i in found]


def policies_matching_fields(connection: psycopg.Connection[Any], search: str, limit: int = 100) -> list[str]:
    """Ids of live policies whose own fields match, title matches first (the instant part of a search)."""
    query = query_text(search)
    if query is None:
        return []
    # Unranked on purpose, as on SQLite: ordering every match (10,000 at L) cost twice a
    # keystroke's 16 ms. Title matches first (the weight-A words), then matches anywhere in the
    # policy's fields, each query stopping at `limit`; the complete, ranked search follows.
    found: dict[str, None] = {}
    for expression in (query.replace(":*", ":*A"), query):
        rows = _all(
            connection,
            """SELECT d.ref_id FROM search_doc d JOIN policy p ON p.id = d.ref_id
                WHERE d.kind = 'policy' AND d.document @@ to_tsquery('simple', %(query)s)
                  AND p.deleted_at IS NULL
                LIMIT %(limit)s""",
            {"query": expression, "limit": limit},
        )
        found.update((str(r[0]), None) for r in rows)
        if len(found) >= limit:
            break
    return list(found)[:limit]


def policy_id_for_slug(connection: psycopg.Connection[Any], slug: str) -> str | None:
    value = _one(connection, "SELECT id FROM policy WHERE slug = %s AND deleted_at IS NULL", (slug,))
    return None if value is None else str(value)


def policy_detail(connection: psycopg.Connection[Any], policy_id: str) -> PolicyDetail | None:
    rows = _all(
        connection,
        """SELECT id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies, tags,
                  origin, created_at, updated_at, last_verified FROM policy WHERE id = %s AND deleted_at IS NULL""",
        (policy_id,),
    )
    if not rows:
        return None
    p = rows[0]
    citations: dict[str, list[str]] = {}
    for event_id, source_id in _all(
        connection,
        """SELECT c.event_id, c.source_id FROM event_citation c JOIN status_event e ON e.id = c.event_id
           WHERE e.policy_id = %s ORDER BY c.source_id""",
        (policy_id,),
    ):
        citations.setdefault(event_id, []).append(source_id)
    events = [
        EventRow(r[0], r[1], r[2], r[3], r[4], citations.get(r[0], []), r[5], r[6])
        for r in _all(
            connection,
            """SELECT id, date, date_precision, status, description, confidence, disagreement FROM status_event
               WHERE policy_id = %s AND deleted_at IS NULL ORDER BY date_sort, position, created_at""",
            (policy_id,),
        )
    ]
    return PolicyDetail(
        id=p[0],
        slug=p[1],
        title=p[2],
        aliases=p[3],
        jurisdiction=p[4],
        kind=p[5],
        summary=p[6],
        legal_basis=p[7],
        agencies=p[8],
        tags=p[9],
        origin=p[10],
        created_at=p[11],
        updated_at=p[12],
        events=events,
        sources=_sources(
            connection, "JOIN policy_source ps ON ps.source_id = s.id WHERE ps.policy_id = %s", (policy_id,)
        ),
        notes=notes_of_policy(connection, policy_id),
        relations=relations_of_policy(connection, policy_id),
        figures=figures_of_policy(connection, policy_id),
        last_verified=p[13],
    )


_SOURCE_COLUMNS = (
    "s.id, s.title, s.publisher, s.authors, s.published, s.published_precision, s.url, s.kind, "
    "s.language, s.issuer, s.note"
)


def _sources(connection: psycopg.Connection[Any], where: str, params: Any) -> list[SourceRow]:
    rows = _all(
        connection,
        f"SELECT {_SOURCE_COLUMNS} FROM source s {where} AND s.deleted_at IS NULL "
        "ORDER BY s.published NULLS FIRST, s.title",
        params,
    )
    excerpts: dict[str, list[ExcerptRow]] = {}
    for x in _all(
        connection,
        "SELECT source_id, id, text FROM excerpt WHERE source_id = ANY(%s) ORDER BY position",
        ([r[0] for r in rows],),
    ):
        excerpts.setdefault(x[0], []).append(ExcerptRow(x[1], x[2]))
    return [
        SourceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], excerpts.get(r[0], []))
        for r in rows
    ]


def all_sources(connection: psycopg.Connection[Any]) -> list[SourceRow]:
    return _sources(connection, "WHERE true", ())


def sources_by_id(connection: psycopg.Connection[Any], ids: list[str]) -> list[SourceRow]:
    return _sources(connection, "WHERE s.id = ANY(%s)", (ids,))


def notes_of_policy(connection: psycopg.Connection[Any], policy_id: str) -> list[NoteRow]:
    """Pinned notes first, then the newest (of the notes this user can see)."""
    return [
        NoteRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10], bool(r[11]))
        for r in _all(
            connection,
            """SELECT id, policy_id, event_id, source_id, quote, body, tags, pinned, created_at, updated_at,
                      author, shared
                 FROM note WHERE policy_id = %s AND deleted_at IS NULL
                ORDER BY pinned DESC, updated_at DESC, id DESC""",
            (policy_id,),
        )
    ]


def relations_of_policy(connection: psycopg.Connection[Any], policy_id: str) -> list[RelationRow]:
    rows = _all(
        connection,
        """SELECT r.id, r.kind, f.slug, t.slug, r.from_policy_id = %(pid)s, r.note,
                  CASE WHEN r.from_policy_id = %(pid)s THEN t.title ELSE f.title END AS other
           FROM relation r JOIN policy f ON f.id = r.from_policy_id JOIN policy t ON t.id = r.to_policy_id
           WHERE (r.from_policy_id = %(pid)s OR r.to_policy_id = %(pid)s)
             AND f.deleted_at IS NULL AND t.deleted_at IS NULL
           ORDER BY r.kind, other""",
        {"pid": policy_id},
    )
    return [RelationRow(r[0], r[1], r[2], r[3], r[3] if r[4] else r[2], r[6], bool(r[4]), r[5]) for r in rows]


def figures_of_policy(connection: psycopg.Connection[Any], policy_id: str) -> list[FigureRow]:
    return [
        FigureRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10])
        for r in _all(
            connection,
            """SELECT id, label, value, unit, date, date_precision, period_end, approximate,
                      source_id, quote, note FROM figure WHERE policy_id = %s ORDER BY date, label""",
            (policy_id,),
        )
    ]


_NOTE_SELECT = """
SELECT n.id, n.policy_id, p.slug, p.title, n.event_id,
       CASE WHEN e.id IS NULL THEN '' ELSE e.date || ' ' || e.status END,
       n.source_id, coalesce(s.title, ''), n.quote, n.body, n.tags, n.pinned, n.created_at, n.updated_at,
       n.author, n.shared
FROM note n JOIN policy p ON p.id = n.policy_id
LEFT JOIN status_event e ON e.id = n.event_id
LEFT JOIN source s ON s.id = n.source_id
"""


def list_notes(
    connection: psycopg.Connection[Any],
    *,
    policy_id: str | None = None,
    tag: str | None = None,
    search: str = "",
    updated_from: str | None = None,
) -> list[NoteListRow]:
    """Every note this user can see matching the filters, the most recently changed first."""
    where = ["n.deleted_at IS NULL", "p.deleted_at IS NULL"]
    params: dict[str, object] = {}
    if policy_id:
        where.append("n.policy_id = %(policy)s")
        params["policy"] = policy_id
    if tag:
        where.append("EXISTS (SELECT 1 FROM json_array_elements_text(n.tags) t WHERE t = %(tag)s)")
        params["tag"] = tag
    if updated_from:
        where.append("n.updated_at >= %(since)s")
        params["since"] = updated_from
    if search:
        query = query_text(search)
        if query is None:
            return []
        where.append(
            "n.id IN (SELECT d.ref_id FROM search_doc d WHERE d.kind = 'note' "
            "AND d.document @@ to_tsquery('simple', %(query)s))"
        )
        params["query"] = query
    sql = (
        _NOTE_SELECT
        + " WHERE "
        + " AND ".join(where)
        + " ORDER BY n.updated_at DESC, n.created_at DESC, n.id"
    )
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
            r[10],
            bool(r[11]),
            r[12],
            r[13],
            r[14],
            bool(r[15]),
        )
        for r in _all(connection, sql, params)
    ]


def note_tags(connection: psycopg.Connection[Any]) -> list[str]:
    rows = _all(
        connection,
        "SELECT DISTINCT t FROM note, json_array_elements_text(note.tags) t WHERE note.deleted_at IS NULL ORDER BY 1",
    )
    return [str(r[0]) for r in rows]


def all_tags(connection: psycopg.Connection[Any]) -> list[str]:
    rows = _all(
        connection,
        "SELECT t FROM note, json_array_elements_text(note.tags) t UNION "
        "SELECT t FROM policy, json_array_elements_text(policy.tags) t ORDER BY 1",
    )
    return [str(r[0]) for r in rows]


def saved_searches(connection: psycopg.Connection[Any]) -> list[SavedSearchRow]:
    rows = _all(connection, "SELECT id, name, search, filters FROM saved_search ORDER BY lower(name)")
    return [SavedSearchRow(r[0], r[1], r[2], r[3]) for r in rows]


def trashed_note_count(connection: psycopg.Connection[Any], policy_id: str) -> int:
    return int(
        _one(
            connection,
            "SELECT count(*) FROM note WHERE policy_id = %s AND deleted_at IS NOT NULL",
            (policy_id,),
        )
    )


def policy_exists(connection: psycopg.Connection[Any], policy_id: str) -> bool:
    return _one(connection, "SELECT 1 FROM policy WHERE id = %s", (policy_id,)) is not None


def content_counts(connection: psycopg.Connection[Any], policy_id: str) -> ContentCounts:
    def count(sql: str) -> int:
        return int(_one(connection, sql, (policy_id,)))

    return ContentCounts(
        events=count("SELECT count(*) FROM status_event WHERE policy_id = %s AND deleted_at IS NULL"),
        notes=count("SELECT count(*) FROM note WHERE policy_id = %s AND deleted_at IS NULL"),
        figures=count("SELECT count(*) FROM figure WHERE policy_id = %s"),
        sources=count("SELECT count(*) FROM policy_source WHERE policy_id = %s"),
    )


def first_event_day(connection: psycopg.Connection[Any], policy_id: str) -> str | None:
    value = _one(
        connection,
        "SELECT min(date_sort) FROM status_event WHERE policy_id = %s AND deleted_at IS NULL",
        (policy_id,),
    )
    return None if value is None else str(value)


def policies_of_source(connection: psycopg.Connection[Any], source_id: str) -> set[str]:
    return {
        str(r[0])
        for r in _all(connection, "SELECT policy_id FROM policy_source WHERE source_id = %s", (source_id,))
    }


_OWNER_TABLES = {"event": "status_event", "note": "note"}


def policy_of_entry(connection: psycopg.Connection[Any], kind: str, entry_id: str) -> str | None:
    value = _one(connection, f"SELECT policy_id FROM {_OWNER_TABLES[kind]} WHERE id = %s", (entry_id,))
    return None if value is None else str(value)


def trash(connection: psycopg.Connection[Any]) -> list[TrashRow]:
    c = connection
    items = [
        TrashRow("policy", r[0], r[1], r[2])
        for r in _all(c, "SELECT id, title, deleted_at FROM policy WHERE deleted_at IS NOT NULL")
    ]
    items += [
        TrashRow("event", r[0], f"{r[1]} · {r[2]}", r[3], r[4])
        for r in _all(
            c,
            """SELECT e.id, e.date, e.status, e.deleted_at, p.title FROM status_event e
               JOIN policy p ON p.id = e.policy_id WHERE e.deleted_at IS NOT NULL""",
        )
    ]
    items += [
        TrashRow("source", r[0], r[1], r[2])
        for r in _all(c, "SELECT id, title, deleted_at FROM source WHERE deleted_at IS NOT NULL")
    ]
    items += [
        TrashRow("note", r[0], (r[1] or r[2])[:120], r[3], r[4])
        for r in _all(
            c,
            """SELECT n.id, n.body, n.quote, n.deleted_at, p.title FROM note n
               JOIN policy p ON p.id = n.policy_id WHERE n.deleted_at IS NOT NULL""",
        )
    ]
    return items


def timeline_rows(connection: psycopg.Connection[Any], policy_ids: list[str]) -> TimelineRows:
    c = connection
    titles = {
        r[0]: (r[1], r[2])
        for r in _all(c, "SELECT id, slug, title FROM policy WHERE id = ANY(%s)", (policy_ids,))
    }
    citations: dict[str, list[str]] = {}
    for event_id, title in _all(
        c,
        """SELECT ec.event_id, s.title FROM event_citation ec JOIN status_event e ON e.id = ec.event_id
           JOIN source s ON s.id = ec.source_id WHERE e.policy_id = ANY(%s) AND s.deleted_at IS NULL
           ORDER BY s.title""",
        (policy_ids,),
    ):
        citations.setdefault(event_id, []).append(title)
    events = _all(
        c,
        """SELECT id, policy_id, date, status, description FROM status_event
           WHERE policy_id = ANY(%s) AND deleted_at IS NULL ORDER BY policy_id, date_sort, position, created_at""",
        (policy_ids,),
    )
    relations = _all(
        c,
        "SELECT from_policy_id, to_policy_id, kind FROM relation WHERE from_policy_id = ANY(%s)",
        (policy_ids,),
    )
    return TimelineRows(
        titles,
        [TimelineEventRow(e[0], e[1], e[2], e[3], e[4], tuple(citations.get(e[0], ()))) for e in events],
        [(str(r[0]), str(r[1]), str(r[2])) for r in relations],
    )
