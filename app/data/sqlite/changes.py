"""Reading the change history (app.data.change_log writes it) on the read path's connection."""

from __future__ import annotations

import sqlite3

from app.data.change_sql import Dialect, changes_sql
from app.data.details import ChangeQuery, ChangeRow, change_row

SQLITE = Dialect(
    mark="?",
    one_of=lambda column, values: (f"{column} IN ({','.join('?' * len(values))})", list(values)),
    joined="group_concat(policy_id, ' ')",
)


def changes(connection: sqlite3.Connection, query: ChangeQuery) -> list[ChangeRow]:
    """The recorded changes `query` asks for, oldest first."""
    sql, params = changes_sql(query, SQLITE)
    rows = [change_row(row) for row in connection.execute(sql, params)]
    rows.reverse()
    return rows


def last_change_seq(connection: sqlite3.Connection) -> int:
    """The number of the newest record (0 when there is none)."""
    return int(connection.execute("SELECT coalesce(max(seq), 0) FROM change_record").fetchone()[0])
