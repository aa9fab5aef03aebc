"""What the policy list showed before `policy_list` (migration 0006) kept its rows ready: the list
queries as they were, computing every row from the tables, for tests to compare against.

The only change to the old SQL is the slug added as the last sort key, which the new queries
add to settle ties in title (and in rank) that the old ones left to the query plan.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from app.data.sqlite import read
from app.data.sqlite.read import PolicyRow
from app.domain.search import fts_query

# The full list, with counts grouped once per table (read.py at revision 0005).
_AGGREGATES = """
link_counts AS (SELECT policy_id, count(*) AS n FROM policy_source GROUP BY policy_id),
trashed_links AS (
  SELECT policy_id, count(*) AS n FROM policy_source
  WHERE source_id IN (SELECT id FROM source WHERE deleted_at IS NOT NULL) GROUP BY policy_id
),
note_counts AS (SELECT policy_id, count(*) AS n FROM note WHERE deleted_at IS NULL GROUP BY policy_id)
"""

_LATEST_EVENT = """(SELECT e.rowid FROM status_event e WHERE e.policy_id = p.id AND e.deleted_at IS NULL
              ORDER BY e.date_sort DESC, e.position DESC, e.created_at DESC LIMIT 1) AS latest_rowid"""

_LIST_COLUMNS = f"""
SELECT q.id, q.slug, q.title, q.aliases, q.jurisdiction, q.kind, q.tags, le.status, le.date, le.date_precision,
       coalesce(lc.n, 0) - coalesce(tl.n, 0), coalesce(nc.n, 0)
FROM (SELECT p.id, p.slug, p.title, p.aliases, p.jurisdiction, p.kind, p.tags,
             {_LATEST_EVENT}
      FROM policy p WHERE p.deleted_at IS NULL) AS q
LEFT JOIN status_event le ON le.rowid = q.latest_rowid
LEFT JOIN link_counts lc ON lc.policy_id = q.id
LEFT JOIN trashed_links tl ON tl.policy_id = q.id
LEFT JOIN note_counts nc ON nc.policy_id = q.id
"""

FULL_LIST = f"WITH {_AGGREGATES}{_LIST_COLUMNS} ORDER BY q.title COLLATE NOCASE, q.slug"

# Some policies (first page, given ids, search results), with counts by a subquery per row.
_ROWS = f"""
SELECT q.id, q.slug, q.title, q.aliases, q.jurisdiction, q.kind, q.tags, le.status, le.date, le.date_precision,
       (SELECT count(*) FROM policy_source ps WHERE ps.policy_id = q.id
         AND ps.source_id NOT IN (SELECT id FROM source WHERE deleted_at IS NOT NULL)),
       (SELECT count(*) FROM note n WHERE n.policy_id = q.id AND n.deleted_at IS NULL)
FROM (SELECT p.id, p.slug, p.title, p.aliases, p.jurisdiction, p.kind, p.tags,{{extra}}
             {_LATEST_EVENT}
      FROM {{policies}}) AS q
LEFT JOIN status_event le ON le.rowid = q.latest_rowid
{{order}}
"""

FIRST_PAGE = _ROWS.format(
    extra="",
    policies="policy p WHERE p.deleted_at IS NULL ORDER BY p.title COLLATE NOCASE, p.slug LIMIT :limit",
    order="ORDER BY q.title COLLATE NOCASE, q.slug",
)

# The complete search by its definition: every match looked up in search_doc, then in its own
# table (live events and notes; sources and excerpts through the links of a live source).
SEARCH = """
WITH hits AS (
  SELECT d.kind, d.ref_id, bm25(search_fts, 4.0, 1.0) AS rank
  FROM search_fts JOIN search_doc d ON d.rowid = search_fts.rowid WHERE search_fts MATCH :query
),
policy_hits AS (
  SELECT h.ref_id AS policy_id, h.rank * 3 AS rank FROM hits h WHERE h.kind = 'policy'
  UNION ALL
  SELECT e.policy_id, h.rank FROM hits h JOIN status_event e ON e.id = h.ref_id
   WHERE h.kind = 'event' AND e.deleted_at IS NULL
  UNION ALL
  SELECT n.policy_id, h.rank FROM hits h JOIN note n ON n.id = h.ref_id
   WHERE h.kind = 'note' AND n.deleted_at IS NULL
  UNION ALL
  SELECT ps.policy_id, h.rank FROM hits h JOIN policy_source ps ON ps.source_id = h.ref_id
   JOIN source s ON s.id = ps.source_id WHERE h.kind = 'source' AND s.deleted_at IS NULL
  UNION ALL
  SELECT ps.policy_id, h.rank FROM hits h JOIN excerpt x ON x.id = h.ref_id
   JOIN policy_source ps ON ps.source_id = x.source_id JOIN source s ON s.id = x.source_id
   WHERE h.kind = 'excerpt' AND s.deleted_at IS NULL
),
ranked AS (SELECT policy_id, min(rank) AS best FROM policy_hits GROUP BY policy_id)
""" + _ROWS.format(
    extra=" ranked.best,",
    policies="ranked JOIN policy p ON p.id = ranked.policy_id WHERE p.deleted_at IS NULL",
    order="ORDER BY q.best, q.title COLLATE NOCASE, q.slug",
)

# Which policies each search document counts for (what search_owner must hold), from the
# documents and the entities' own tables: (doc, kind, policy id, source id).
OWNERS = """
SELECT d.rowid, d.kind, t.id, NULL FROM search_doc d JOIN policy t ON t.id = d.ref_id WHERE d.kind = 'policy'
UNION ALL
SELECT d.rowid, d.kind, t.policy_id, NULL FROM search_doc d JOIN status_event t ON t.id = d.ref_id
 WHERE d.kind = 'event' AND t.deleted_at IS NULL
UNION ALL
SELECT d.rowid, d.kind, t.policy_id, NULL FROM search_doc d JOIN note t ON t.id = d.ref_id
 WHERE d.kind = 'note' AND t.deleted_at IS NULL
UNION ALL
SELECT d.rowid, d.kind, t.policy_id, t.source_id FROM search_doc d JOIN policy_source t ON t.source_id = d.ref_id
 WHERE d.kind = 'source'
UNION ALL
SELECT d.rowid, d.kind, t.policy_id, t.source_id FROM search_doc d JOIN excerpt x ON x.id = d.ref_id
 JOIN policy_source t ON t.source_id = x.source_id WHERE d.kind = 'excerpt'
"""


def old_row(r: Sequence[object]) -> PolicyRow:
    """A row as read.py made it at revision 0005."""
    return PolicyRow(
        id=str(r[0]),
        slug=str(r[1]),
        title=str(r[2]),
        aliases=json.loads(str(r[3])),
        jurisdiction=str(r[4]),
        kind=str(r[5]),
        tags=json.loads(str(r[6])),
        current_status=None if r[7] is None else str(r[7]),
        last_change=None if r[8] is None else str(r[8]),
        last_change_precision=None if r[9] is None else str(r[9]),
        source_count=int(r[10]),  # type: ignore[call-overload]
        note_count=int(r[11]),  # type: ignore[call-overload]
    )


def reference_list(c: sqlite3.Connection) -> list[PolicyRow]:
    return [old_row(r) for r in c.execute(FULL_LIST)]


def reference_search(c: sqlite3.Connection, text: str) -> list[PolicyRow]:
    query = fts_query(text)
    if query is None:
        return []
    return [old_row(r) for r in c.execute(SEARCH, {"query": query})]


SEARCHES = ("quokka", "wombat", "quokka wombat", "numbat", "bilby", "program", "court", "zzzz")


def assert_list_agrees(c: sqlite3.Connection, searches: Sequence[str] = SEARCHES) -> list[PolicyRow]:
    """The kept rows, and every list query reading them, equal what the old queries computed."""
    expected = reference_list(c)
    stored = [
        tuple(r)
        for r in c.execute(
            "SELECT policy_id, slug, title, aliases, jurisdiction, kind, tags, status, date, date_precision,"
            " source_count, note_count FROM policy_list ORDER BY policy_id"
        )
    ]
    raw = sorted((tuple(r) for r in c.execute(f"WITH {_AGGREGATES}{_LIST_COLUMNS}")), key=lambda r: str(r[0]))
    assert stored == raw  # the stored values themselves, not only what reading them makes
    numbers = c.execute(
        "SELECT count(*) FROM policy_list l LEFT JOIN policy_key k ON k.num = l.num"
        " WHERE k.policy_id IS NOT l.policy_id"
    ).fetchone()[0]
    assert numbers == 0  # each row is filed under its policy's own number

    assert read.list_policies(c) == expected
    for limit in (1, 2, 5):
        page = [old_row(r) for r in c.execute(FIRST_PAGE, {"limit": limit})]
        assert page == expected[:limit]
        assert read.first_page(c, limit) == page
    every_id = [str(r[0]) for r in c.execute("SELECT id FROM policy ORDER BY rowid DESC")]
    by_id = {row.id: row for row in expected}
    asked = [*every_id, "no-such-policy", *every_id[:1]]
    assert read.rows_for_ids(c, asked) == [by_id[i] for i in asked if i in by_id]

    owners = {
        tuple(r)
        for r in c.execute(
            "SELECT o.doc, o.kind, k.policy_id, o.source_id FROM search_owner o JOIN policy_key k ON k.num = o.num"
        )
    }
    assert owners == {tuple(r) for r in c.execute(OWNERS)}
    assert c.execute("SELECT count(*) FROM search_owner").fetchone()[0] == len(owners)
    for text in searches:
        assert read.list_policies(c, text) == reference_search(c, text), text
    return expected
