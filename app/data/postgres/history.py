"""A team workspace's reads for the change history, the status on any day, settings and why a
search matched: the PostgreSQL side of what app/data/sqlite/changes.py and read.py give.

The change history's rows are the same as on SQLite (app.data.change_log writes them through the
ORM); row-level security (app.data.postgres.schema) hides the records of others' private notes.
"""

from __future__ import annotations

from typing import Any

import psycopg

from app.data.change_sql import Dialect, changes_sql
from app.data.details import MATCH_END, MATCH_START, ChangeQuery, ChangeRow, MatchReason, change_row
from app.data.postgres.read import _all, _one
from app.data.postgres.search import DOCUMENTS, query_text
from app.domain.search import match_spans, search_words

Connection = psycopg.Connection[Any]

# The tables of the searched kinds (app.data.postgres.search.DOCUMENTS names their models).
_TABLES = {
    "policy": "policy",
    "event": "status_event",
    "source": "source",
    "excerpt": "excerpt",
    "note": "note",
}
POSTGRES = Dialect(
    mark="%s",
    one_of=lambda column, values: (f"{column} = ANY(%s)", [list(values)]),
    joined="string_agg(policy_id, ' ')",
)
SNIPPET_WORDS = 10  # words either side of the first match, as SQLite's snippet() gives


def status_histories(connection: Connection) -> list[tuple[str, str, str, str, str]]:
    """(policy id, date, precision, first day, status) of every live event of every live policy,
    by policy and in the order of its history (as the SQLite store gives them)."""
    rows = _all(
        connection,
        """SELECT e.policy_id, e.date, e.date_precision, e.date_sort, e.status
             FROM status_event e JOIN policy p ON p.id = e.policy_id
            WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL
            ORDER BY e.policy_id, e.date_sort, e.position, e.created_at""",
    )
    return [(str(a), str(b), str(c), str(d), str(e)) for a, b, c, d, e in rows]


def meta_value(connection: Connection, key: str) -> str | None:
    value = _one(connection, "SELECT value FROM meta WHERE key = %s", (key,))
    return None if value is None else str(value)


def changes(connection: Connection, query: ChangeQuery) -> list[ChangeRow]:
    """The recorded changes `query` asks for (of those this user may see), oldest first."""
    sql, params = changes_sql(query, POSTGRES)
    rows = [change_row(row) for row in _all(connection, sql, params)]
    rows.reverse()
    return rows


def last_change_seq(connection: Connection) -> int:
    return int(_one(connection, "SELECT coalesce(max(seq), 0) FROM change_record"))


# Why a search matched ----------------------------------------------------------------------

# The documents of one policy (as the list's search counts them: trashed events and notes have
# none; a trashed source's are left out), the best match first: the policy's own, then by rank.
_BEST_MATCH = """
WITH docs(kind, ref_id) AS (
  SELECT d.kind, d.ref_id FROM search_doc d WHERE d.kind IN ('policy', 'event', 'note') AND d.policy_id = %(policy)s
  UNION ALL
  SELECT 'source', s.id FROM policy_source l JOIN source s ON s.id = l.source_id AND s.deleted_at IS NULL
   WHERE l.policy_id = %(policy)s
  UNION ALL
  SELECT 'excerpt', x.id FROM policy_source l JOIN source s ON s.id = l.source_id AND s.deleted_at IS NULL
    JOIN excerpt x ON x.source_id = s.id
   WHERE l.policy_id = %(policy)s
)
SELECT d.kind, d.ref_id FROM docs JOIN search_doc d ON d.kind = docs.kind AND d.ref_id = docs.ref_id
WHERE d.document @@ to_tsquery('simple', %(query)s)
ORDER BY d.kind <> 'policy', ts_rank(d.document, to_tsquery('simple', %(query)s)) DESC
LIMIT 1
"""


def _text_of(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def snippet(text: str, terms: list[str]) -> str | None:
    """The words around the first match of `terms` in `text`, the matches between MATCH_START and
    MATCH_END (as SQLite's snippet() marks them); None when nothing matches."""
    spans = match_spans(text, terms)
    if not spans:
        return None
    marked, position = [], 0
    for start, end in spans:
        marked += [text[position:start], MATCH_START, text[start:end], MATCH_END]
        position = end
    marked.append(text[position:])
    words = "".join(marked).split()
    first = next(i for i, word in enumerate(words) if MATCH_START in word)
    start, end = max(0, first - SNIPPET_WORDS), first + SNIPPET_WORDS + 1
    shown = " ".join(words[start:end])
    return ("…" if start > 0 else "") + shown + ("…" if end < len(words) else "")


def match_reason(connection: Connection, search: str, policy_id: str) -> MatchReason | None:
    """Where a policy matches the search, with a snippet; None if it does not match."""
    query = query_text(search)
    if query is None:
        return None
    rows = _all(connection, _BEST_MATCH, {"policy": policy_id, "query": query})
    if not rows:
        return None
    kind, ref_id = str(rows[0][0]), str(rows[0][1])
    _model, title_fields, body_fields = DOCUMENTS[kind]
    fields = (*title_fields, *body_fields)
    columns = ", ".join(fields)
    values = _all(connection, f"SELECT {columns} FROM {_TABLES[kind]} WHERE id = %s", (ref_id,))
    if not values:
        return None
    by_name = dict(zip(fields, values[0], strict=True))
    terms = search_words(search)
    title = " ".join(_text_of(by_name[name]) for name in title_fields)
    body = " ".join(_text_of(by_name[name]) for name in body_fields)
    found = snippet(title, terms)
    if found is not None:
        return MatchReason(kind, "title", found)
    return MatchReason(kind, "body", snippet(body, terms) or " ".join(body.split()[: 2 * SNIPPET_WORDS]))
