"""The policy list of a team workspace, kept by this client while nothing has changed.

Building every policy's row (its latest status, its counts of sources and visible notes) costs
about 350 ms at size L, on every search. The rows are read once with the number of committed
changes they include (the sum of `pt_commit_count`, revision 0010, read in the same statement,
so the same snapshot); a later read that finds the same number (of the same table) reuses them, and a search then
only ranks the matching policies. The number is transactional and only grows, so "the same
number" means exactly "no commit since": nothing stale is ever shown.

Kept per server, database and user (rows count the notes that user can see), for a few
workspaces at a time, in this process: every connection and thread of it shares them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.data.rows import PolicyRow

if TYPE_CHECKING:
    import psycopg

# How many workspaces' lists are kept (a window switching between a few team workspaces).
KEPT_WORKSPACES = 4

# The count, with the identity of its database and table: a database dropped and made again under
# the same name (a new database), or restored from a dump (a new table), counts afresh, so an old
# count cannot be taken for a new one.
COMMITS = (
    "(SELECT (SELECT oid FROM pg_database WHERE datname = current_database())::text"
    " || ':' || 'pt_commit_count'::regclass::oid::text || ':' || sum(n) FROM pt_commit_count)"
)


@dataclass(frozen=True)
class KeptList:
    commits: str
    rows: tuple[PolicyRow, ...]  # in the list's order (by title, as the server sorts)
    place: dict[str, int]  # policy id -> its index in `rows`


_kept: dict[tuple[str, ...], KeptList] = {}
_lock = threading.Lock()


def _key(connection: psycopg.Connection[Any]) -> tuple[str, ...]:
    info = connection.info
    return (str(info.host), str(info.port), str(info.dbname), str(info.user))


def kept(connection: psycopg.Connection[Any]) -> KeptList | None:
    with _lock:
        return _kept.get(_key(connection))


def keep(connection: psycopg.Connection[Any], commits: str, rows: list[PolicyRow]) -> KeptList:
    found = KeptList(commits, tuple(rows), {row.id: index for index, row in enumerate(rows)})
    key = _key(connection)
    with _lock:
        _kept.pop(key, None)
        _kept[key] = found
        while len(_kept) > KEPT_WORKSPACES:
            _kept.pop(next(iter(_kept)))
    return found


def forget_all() -> None:
    """Drop every kept list (tests that change a database behind the triggers' back)."""
    with _lock:
        _kept.clear()
