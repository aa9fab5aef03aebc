"""The rows of the policy list, and its first page: all that the window reads before its first paint.

Apart from app.data.read (which uses and re-exports all of it) so that the start imports only this.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PolicyRow:
    id: str
    slug: str
    title: str
    aliases: list[str]
    jurisdiction: str
    kind: str
    tags: list[str]
    current_status: str | None
    last_change: str | None
    last_change_precision: str | None
    source_count: int
    note_count: int


# The latest event of policy `p`, found through ix_status_event_latest by rowid (which the index
# holds), so that its row is read once rather than found again by its text id.
_LATEST_EVENT = """(SELECT e.rowid FROM status_event e WHERE e.policy_id = p.id AND e.deleted_at IS NULL
              ORDER BY e.date_sort DESC, e.position DESC, e.created_at DESC LIMIT 1) AS latest_rowid"""

# Some policies (a screenful, given ids, search results): counts by a subquery per row, through
# the covering indexes, so the time follows the number of rows rather than the workspace's size
# (as fast as the grouped counts even for all 10,000 policies). `{policies}` picks the policies
# as `p`, `{extra}` adds columns to `q`, `{order}` sorts.
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

_FIRST_PAGE = _ROWS.format(
    extra="",
    policies="policy p WHERE p.deleted_at IS NULL ORDER BY p.title COLLATE NOCASE LIMIT :limit",
    order="ORDER BY q.title COLLATE NOCASE",
)


def _row(r: sqlite3.Row | tuple[object, ...]) -> PolicyRow:
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


def first_page(connection: sqlite3.Connection, limit: int) -> list[PolicyRow]:
    """The first `limit` policies by title: enough to paint the window before the rest is read."""
    return [_row(r) for r in connection.execute(_FIRST_PAGE, {"limit": limit})]


def count_policies(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT count(*) FROM policy WHERE deleted_at IS NULL").fetchone()
    return int(row[0])
