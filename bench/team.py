"""The PostgreSQL rows of `make bench`: the same workspace on a throwaway server, each measure
beside the raw PostgreSQL query for the same work, timed in the same run.

The server is the one the team tests start (tests/team_server.py); its data is the SQLite bench
workspace of the size, copied table by table (COPY), with the search documents written as the
app writes them (folded in Python). Every note is alice's, private, and the measures run as alice.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from bench.run import Row, percentile, timed

# The columns copied, per table, in an order the foreign keys accept.
_TABLES = [
    "policy",
    "source",
    "excerpt",
    "policy_source",
    "status_event",
    "event_citation",
    "note",
    "relation",
    "figure",
    "seed_state",
    "saved_search",
]
_JSON = {"aliases", "agencies", "tags", "authors", "filters"}
_BOOL = {"pinned", "approximate"}
_KINDS = {
    "policy": "policy",
    "status_event": "event",
    "source": "source",
    "excerpt": "excerpt",
    "note": "note",
}
QUERIES = ["border", "asylum parole", "court injunction", "humanitarian", "treaty customs", "zzzz"]


def _load(server: Any, sqlite_path: Path, database: str) -> None:
    import psycopg

    from app.data.postgres.search import document_texts, owner_of, source_of
    from app.services import team

    server.admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    server.admin(f'CREATE DATABASE "{database}"')
    owner = server.url("postgres", database)
    team.init_team(owner)
    team.add_member(owner, "alice", "alice-secret")
    team.add_member(owner, "bob", "bob-secret")
    with closing(sqlite3.connect(sqlite_path)) as source, psycopg.connect(owner) as target:
        source.row_factory = sqlite3.Row
        for table in _TABLES:
            rows = source.execute(f"SELECT * FROM {table}").fetchall()
            if not rows:
                continue
            columns = list(rows[0].keys())
            extra = ["author"] if table == "note" else []
            with target.cursor() as cursor:
                copy_sql = f"COPY {table} ({', '.join(columns + extra)}) FROM STDIN"
                with cursor.copy(copy_sql) as copy:
                    for row in rows:
                        values = [
                            bool(row[c])
                            if c in _BOOL
                            else json.dumps(json.loads(row[c]))
                            if c in _JSON
                            else row[c]
                            for c in columns
                        ]
                        copy.write_row(values + (["alice"] if extra else []))
                if table in _KINDS:
                    kind = _KINDS[table]
                    with cursor.copy(
                        "COPY search_doc (kind, ref_id, policy_id, source_id, document) FROM STDIN"
                    ) as copy:
                        for row in rows:
                            if kind in ("event", "note") and row["deleted_at"] is not None:
                                continue  # trashed events and notes are not searched
                            value = lambda name, r=row: json.loads(r[name]) if name in _JSON else r[name]  # noqa: E731
                            title, body = document_texts(kind, value)
                            copy.write_row(
                                (
                                    kind,
                                    row["id"],
                                    owner_of(kind, value),
                                    source_of(kind, value),
                                    _tsvector(title, body),
                                )
                            )
        target.execute("ANALYZE")


def _tsvector(title: str, body: str) -> str:
    """The tsvector text of to_tsvector('simple', …) with weights A and B, made here to load fast."""
    positions: dict[str, list[str]] = {}
    position = 0
    for weight, text in (("A", title), ("B", body)):
        for word in text.split():
            position += 1
            if position < 16384:
                positions.setdefault(word, []).append(f"{position}{weight}")
    return " ".join(f"'{w}':{','.join(p)}" for w, p in positions.items())


def bench_team(size: str, sqlite_path: Path) -> list[Row]:
    from tests.team_server import start_server, why_not_available

    reason = why_not_available()
    if reason is not None:
        print(f"PostgreSQL rows skipped: {reason}")
        return []
    server = start_server()
    try:
        database = f"bench_{size.lower()}"
        started = time.perf_counter()
        _load(server, sqlite_path, database)
        print(f"{size}: loaded into PostgreSQL in {time.perf_counter() - started:.0f} s")
        return _measure(size, server, database)
    finally:
        server.stop()


def _measure(size: str, server: Any, database: str) -> list[Row]:
    import psycopg

    from app.data.postgres.read import _LIST_ROW
    from app.data.postgres.search import query_text
    from app.services import operations
    from app.services.inputs import PolicyInput
    from app.services.team import TeamWorkspace, watch_changes

    alice = TeamWorkspace.open_url(server.url("alice", database))
    bob = TeamWorkspace.open_url(server.url("bob", database))
    store = alice.store
    from app.data.postgres import kept_list
    from app.data.postgres.connection import conninfo, parse_url

    # The raw queries run on a connection set up as the app's (JIT off, see connection.conninfo).
    raw = psycopg.connect(conninfo(parse_url(server.url("alice", database))), autocommit=True)
    rows: list[Row] = []
    try:

        def afresh(action: Any) -> Any:
            """As after another analyst's commit: the kept list is read again."""
            kept_list.forget_all()
            return action()

        listing = timed(lambda: afresh(lambda: store.policy_rows("")), 5)
        kept = timed(lambda: store.policy_rows(""), 5)
        raw_list = timed(
            lambda: raw.execute(
                f"{_LIST_ROW} WHERE p.deleted_at IS NULL ORDER BY lower(p.title), p.slug"
            ).fetchall(),
            5,
        )
        rows.append(
            Row(
                size,
                "PostgreSQL: the whole list, read (p50)",
                f"{statistics.median(listing):.0f} ms",
                f"{statistics.median(raw_list):.0f} ms raw query",
                f"{statistics.median(listing) / statistics.median(raw_list):.2f}×",
                "",
            )
        )
        rows.append(
            Row(
                size,
                "PostgreSQL: the whole list, kept (no commit since; p50)",
                f"{statistics.median(kept):.1f} ms",
                f"{statistics.median(raw_list):.0f} ms raw query",
                f"{statistics.median(kept) / statistics.median(raw_list):.3f}×",
                "",
            )
        )
        instant: list[float] = []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                prefix = query[:end]
                instant += timed(lambda p=prefix: store.rows_for_ids(store.policies_matching_fields(p)), 1)
        rows.append(
            Row(
                size,
                "PostgreSQL: keystroke to matches in policy fields (p50 / p95)",
                f"{percentile(instant, 0.5):.1f} / {percentile(instant, 0.95):.1f} ms",
                "",
                "",
                "≤ 16 ms p95 at L",
            )
        )
        ids = [r.id for r in store.first_page(10_000)][:: max(1, store.count_policies() // 40)][:40]
        detail = [timed(lambda i=i: store.policy_detail(i), 1)[0] for i in ids]
        rows.append(
            Row(
                size,
                "PostgreSQL: select a policy to its details read (p50 / p95)",
                f"{percentile(detail, 0.5):.1f} / {percentile(detail, 0.95):.1f} ms",
                "",
                "",
                "≤ 16 ms p95 at L",
            )
        )
        complete, after_commit, raw_search = [], [], []
        for query in QUERIES:
            tsquery = query_text(query)
            raw_search += timed(
                lambda q=tsquery: raw.execute(
                    "SELECT ref_id, ts_rank(document, to_tsquery('simple', %s)) AS r FROM search_doc "
                    "WHERE document @@ to_tsquery('simple', %s) ORDER BY r DESC",
                    (q, q),
                ).fetchall(),
                3,
            )
            complete += timed(lambda q=query: store.policy_rows(q), 3)
            after_commit += timed(lambda q=query: afresh(lambda: store.policy_rows(q)), 3)
        ratio = statistics.median(complete) / max(statistics.median(raw_search), 0.001)
        fresh_ratio = statistics.median(after_commit) / max(statistics.median(raw_search), 0.001)
        rows.append(
            Row(
                size,
                "PostgreSQL: complete search incl. notes (p50 / p95)",
                f"{percentile(complete, 0.5):.0f} / {percentile(complete, 0.95):.0f} ms",
                f"{percentile(raw_search, 0.5):.0f} / {percentile(raw_search, 0.95):.0f} ms raw tsquery",
                f"{ratio:.2f}×",
                "≤ 1.5× raw at L",
            )
        )
        rows.append(
            Row(
                size,
                "PostgreSQL: the same, first after a commit (list read again; p50 / p95)",
                f"{percentile(after_commit, 0.5):.0f} / {percentile(after_commit, 0.95):.0f} ms",
                f"{percentile(raw_search, 0.5):.0f} / {percentile(raw_search, 0.95):.0f} ms raw tsquery",
                f"{fresh_ratio:.2f}×",
                "",
            )
        )
        rows.append(_commit_to_refresh(size, alice, bob, watch_changes, operations, PolicyInput))
    finally:
        raw.close()
        alice.close()
        bob.close()
    return rows


def _commit_to_refresh(
    size: str, alice: Any, bob: Any, watch_changes: Any, operations: Any, PolicyInput: Any
) -> Row:
    """From bob's commit to alice's refreshed list (heard by her listener, list read again)."""
    heard = threading.Event()
    stop = watch_changes(alice, lambda _changes: heard.set())
    samples = []
    try:
        for n in range(10):
            heard.clear()
            started = time.perf_counter()
            operations.add_policy(bob, PolicyInput(title=f"Bench commit {n}"))
            if not heard.wait(10):
                raise RuntimeError("alice's listener heard nothing within 10 s")
            alice.store.policy_rows("")
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        stop()
    return Row(
        size,
        "PostgreSQL: another client's commit to this one's refreshed list (p50 / p95)",
        f"{percentile(samples, 0.5):.0f} / {percentile(samples, 0.95):.0f} ms",
        "",
        "",
        "≤ 1 s",
    )


if __name__ == "__main__":
    import argparse

    from bench.run import workspace_for

    parser = argparse.ArgumentParser(description="Only the PostgreSQL rows of the benchmark table.")
    parser.add_argument("--size", nargs="+", default=["M", "L"], choices=["S", "M", "L"])
    args = parser.parse_args()
    found: list[Row] = []
    for size in args.size:
        found += bench_team(size, workspace_for(size))
    for r in found:
        print(f"| {r.size} | {r.measure} | {r.value} | {r.floor} | {r.ratio} | {r.goal} |")
