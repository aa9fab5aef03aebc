"""Reading the change history (app.data.change_log writes it) on the read path's connection."""

from __future__ import annotations

import sqlite3

from app.data.details import ChangeQuery, ChangeRow, change_row


def changes(connection: sqlite3.Connection, query: ChangeQuery) -> list[ChangeRow]:
    """The recorded changes `query` asks for, oldest first."""
    where: list[str] = []
    params: list[object] = []
    if query.since is not None:
        where.append("r.at >= ?")
        params.append(query.since)
    if query.after_seq is not None:
        where.append("r.seq > ?")
        params.append(query.after_seq)
    if query.kinds:
        where.append(f"r.kind IN ({','.join('?' * len(query.kinds))})")
        params.extend(query.kinds)
    if query.who is not None:
        where.append("r.who = ?")
        params.append(query.who)
    if query.policy_ids:
        where.append(
            f"r.seq IN (SELECT seq FROM change_policy WHERE policy_id IN ({','.join('?' * len(query.policy_ids))}))"
        )
        params.extend(query.policy_ids)
    sql = (
        "SELECT r.seq, r.at, r.who, r.kind, r.entry_id, r.policy_id, r.summary, r.before, r.after,"
        " r.batch, r.source, (SELECT group_concat(policy_id, ' ') FROM change_policy p WHERE p.seq = r.seq)"
        " FROM change_record r"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.seq DESC"
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(query.limit)
    rows = [change_row(row) for row in connection.execute(sql, params)]
    rows.reverse()
    return rows


def last_change_seq(connection: sqlite3.Connection) -> int:
    """The number of the newest record (0 when there is none)."""
    return int(connection.execute("SELECT coalesce(max(seq), 0) FROM change_record").fetchone()[0])
