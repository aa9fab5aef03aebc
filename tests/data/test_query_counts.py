"""No N+1 queries: the list and a policy's details take a fixed number of statements, whatever the size."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.data.sqlite import read
from app.services.workspace import Workspace
from bench.generate import generate


def _statements(connection: sqlite3.Connection, action: object) -> int:
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        action()  # type: ignore[operator]
    finally:
        connection.set_trace_callback(None)
    # FTS5 reads its own shadow tables with statements of its own ("-- …" or on 'main'.'…').
    return len([s for s in seen if not s.lstrip().startswith("--") and "'main'." not in s])


def test_list_and_detail_queries_do_not_grow_with_the_workspace(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bigger.sqlite"
    generate(path, "M", counts={"policies": 300, "events": 3000, "sources": 600, "notes": 900})
    bigger = Workspace.open(path)
    for ws in (workspace, bigger):
        c = ws.store.connection
        assert _statements(c, lambda c=c: read.list_policies(c)) == 1
        assert _statements(c, lambda c=c: read.list_policies(c, "border court")) == 1
        busiest = c.execute(
            "SELECT policy_id FROM status_event GROUP BY policy_id ORDER BY count(*) DESC"
        ).fetchone()[0]
        assert (
            _statements(c, lambda c=c, p=busiest: read.policy_detail(c, p)) <= 8
        )  # one per part, not per row
        ids = [r.id for r in read.list_policies(c)][:100]
        assert _statements(c, lambda c=c, ids=ids: read.rows_for_ids(c, ids)) == 1
    bigger.close()
