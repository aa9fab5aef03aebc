"""The rows of the policy list, and its first page: all that the window reads before its first paint.

Apart from app.data.sqlite.read (which uses and re-exports all of it) so that the start imports only this.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.data.rows import PolicyRow

# Every list row is kept ready in `policy_list` (migration 0006, kept by triggers): the policy's
# listed fields, its latest live status event and its live source and note counts, for live
# policies only. Ordered by title, the slug settling ties (ix_policy_list_title).
_LIST_ROW = """
SELECT l.policy_id, l.slug, l.title, l.aliases, l.jurisdiction, l.kind, l.tags, l.status, l.date,
       l.date_precision, l.source_count, l.note_count
"""
_BY_TITLE = "l.title COLLATE NOCASE, l.slug"

_LIST = f"{_LIST_ROW} FROM policy_list l ORDER BY {_BY_TITLE}"

_FIRST_PAGE = f"{_LIST} LIMIT :limit"

_json_document = json.JSONDecoder().raw_decode


def _json_list(text: str) -> list[str]:
    """json.loads for a stored JSON list, without the checks around it that cost more than the
    parsing itself (a complete search reads 10,000 rows with two lists each)."""
    value: list[str]
    try:
        value, end = _json_document(text)
        if end == len(text):
            return value
    except (ValueError, TypeError):
        pass
    value = json.loads(str(text))
    return value


def _row(r: tuple[Any, ...]) -> PolicyRow:
    return PolicyRow(
        r[0], r[1], r[2], _json_list(r[3]), r[4], r[5], _json_list(r[6]), r[7], r[8], r[9], r[10], r[11]
    )


def _policy_rows(connection: sqlite3.Connection, sql: str, params: Any = ()) -> list[PolicyRow]:
    cursor = connection.cursor()
    cursor.row_factory = None  # plain tuples: the connection's sqlite3.Row costs more, 10,000 times
    return [_row(r) for r in cursor.execute(sql, params)]


def first_page(connection: sqlite3.Connection, limit: int) -> list[PolicyRow]:
    """The first `limit` policies by title: enough to paint the window before the rest is read."""
    return _policy_rows(connection, _FIRST_PAGE, {"limit": limit})


def count_policies(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT count(*) FROM policy WHERE deleted_at IS NULL").fetchone()
    return int(row[0])
