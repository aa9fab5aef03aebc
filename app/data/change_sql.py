"""The change history's read query, written once for both stores.

The stores differ only in how they spell a parameter, a list of values and a joined string
(SQLite: `?`, `IN (?, ?)`, `group_concat`; PostgreSQL: `%s`, `= ANY(%s)`, `string_agg`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.data.details import ChangeQuery


@dataclass(frozen=True)
class Dialect:
    mark: str  # one parameter
    one_of: Callable[[str, Sequence[str]], tuple[str, list[object]]]  # column, values -> test, parameters
    joined: str  # the aggregate that joins strings with a space


def changes_sql(query: ChangeQuery, dialect: Dialect) -> tuple[str, list[object]]:
    """The SELECT of the records `query` asks for, newest first (the caller reverses them), and
    its parameters; the columns are those `app.data.details.change_row` reads."""
    mark = dialect.mark
    where: list[str] = []
    params: list[object] = []
    if query.since is not None:
        where.append(f"r.at >= {mark}")
        params.append(query.since)
    if query.after_seq is not None:
        where.append(f"r.seq > {mark}")
        params.append(query.after_seq)
    if query.kinds:
        test, values = dialect.one_of("r.kind", query.kinds)
        where.append(test)
        params += values
    if query.who is not None:
        where.append(f"r.who = {mark}")
        params.append(query.who)
    if query.policy_ids:
        test, values = dialect.one_of("policy_id", query.policy_ids)
        where.append(f"r.seq IN (SELECT seq FROM change_policy WHERE {test})")
        params += values
    sql = (
        "SELECT r.seq, r.at, r.who, r.kind, r.entry_id, r.policy_id, r.summary, r.before, r.after,"
        f" r.batch, r.source, (SELECT {dialect.joined} FROM change_policy p WHERE p.seq = r.seq)"
        " FROM change_record r"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.seq DESC"
    if query.limit is not None:
        sql += f" LIMIT {mark}"
        params.append(query.limit)
    return sql, params
