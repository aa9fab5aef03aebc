"""Synthetic workspaces for benchmarks: realistic text lengths, at sizes S, M and L.

S is the starter dataset; M and L are made here with plain sqlite3 inserts through the real
schema (migrations and search triggers included), deterministic for a given size.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
import uuid
from contextlib import closing
from pathlib import Path

from app.services.workspace import Workspace

SIZES = {
    "S": None,
    "M": {"policies": 1_000, "events": 10_000, "sources": 5_000, "notes": 10_000},
    "L": {"policies": 10_000, "events": 100_000, "sources": 50_000, "notes": 100_000},
}
WORDS = [
    "border",
    "asylum",
    "court",
    "order",
    "injunction",
    "policy",
    "program",
    "migrants",
    "enforcement",
    "federal",
    "state",
    "expulsion",
    "protocol",
    "framework",
    "security",
    "cooperation",
    "agreement",
    "funding",
    "appeal",
    "ruling",
    "stay",
    "administration",
    "department",
    "homeland",
    "commission",
    "treaty",
    "customs",
    "protection",
    "ports",
    "entry",
    "humanitarian",
    "parole",
    "detention",
    "removal",
    "proceedings",
    "petition",
    "circuit",
    "district",
    "supreme",
    "congress",
    "senate",
    "house",
    "bill",
    "statute",
    "regulation",
    "rule",
    "notice",
    "comment",
    "implementation",
    "review",
]
STATUSES = [
    "announced",
    "in_effect",
    "blocked_by_court",
    "under_litigation",
    "reinstated",
    "terminated",
    "superseded",
    "expired",
    "suspended",
    "proposed",
]
JURISDICTIONS = ["us_federal", "mexico_federal", "texas", "bilateral_us_mexico", "other_us_state"]
KINDS = ["executive_program", "statute", "regulation", "state_law", "bilateral_framework", "court_ruling"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate(path: Path, size: str, seed: int = 7, counts: dict[str, int] | None = None) -> dict[str, int]:
    """Create the workspace at `path` (replacing it) with the given size's counts (or `counts`)."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    counts = counts or SIZES[size]
    if counts is None:
        Workspace.open(path).close()
        return {}
    Workspace.open(path, starter_data=False).close()
    rng = random.Random(seed)
    now = "2026-11-23T00:00:00Z"
    with closing(sqlite3.connect(path)) as connection:  # closed even when an insert fails
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            policies = [_id(rng) for _ in range(counts["policies"])]
            connection.executemany(
                "INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies, "
                "tags, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'user', ?, ?)",
                [
                    (
                        pid,
                        f"policy-{n:06d}",
                        f"{_text(rng, rng.randint(3, 9))[:-1]} {n}",
                        json.dumps([_text(rng, 2)[:-1]]),
                        rng.choice(JURISDICTIONS),
                        rng.choice(KINDS),
                        " ".join(_text(rng, rng.randint(12, 25)) for _ in range(rng.randint(3, 6))),
                        _text(rng, 8),
                        json.dumps([_text(rng, 3)[:-1]]),
                        json.dumps(rng.sample(WORDS, 2)),
                        now,
                        now,
                    )
                    for n, pid in enumerate(policies)
                ],
            )
            sources = [_id(rng) for _ in range(counts["sources"])]
            connection.executemany(
                "INSERT INTO source (id, title, publisher, authors, published, published_precision, url, kind, "
                "language, issuer, note, origin, created_at, updated_at) "
                "VALUES (?, ?, ?, '[]', ?, 'day', ?, 'news', 'en', '', '', 'user', ?, ?)",
                [
                    (
                        sid,
                        _text(rng, rng.randint(5, 12)),
                        _text(rng, 2)[:-1],
                        f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                        f"https://example.org/{n}",
                        now,
                        now,
                    )
                    for n, sid in enumerate(sources)
                ],
            )
            connection.executemany(
                "INSERT INTO excerpt (id, source_id, position, text) VALUES (?, ?, 0, ?)",
                [(_id(rng), sid, _text(rng, rng.randint(15, 40))) for sid in sources],
            )
            links = {(rng.choice(policies), sid) for sid in sources}
            connection.executemany(
                "INSERT OR IGNORE INTO policy_source (policy_id, source_id) VALUES (?, ?)", links
            )
            by_policy: dict[str, list[str]] = {}
            for pid, sid in links:
                by_policy.setdefault(pid, []).append(sid)
            events = []
            citations = []
            for n in range(counts["events"]):
                pid = policies[n % len(policies)]
                eid = _id(rng)
                year, month, day = rng.randint(2000, 2026), rng.randint(1, 12), rng.randint(1, 28)
                date = f"{year}-{month:02d}-{day:02d}"
                events.append(
                    (
                        eid,
                        pid,
                        date,
                        "day",
                        date,
                        n,
                        rng.choice(STATUSES),
                        _text(rng, rng.randint(20, 60)),
                        now,
                        now,
                    )
                )
                if by_policy.get(pid):
                    citations.append((eid, rng.choice(by_policy[pid])))
            connection.executemany(
                "INSERT INTO status_event (id, policy_id, date, date_precision, date_sort, position, status, "
                "description, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'user', ?, ?)",
                events,
            )
            connection.executemany(
                "INSERT OR IGNORE INTO event_citation (event_id, source_id) VALUES (?, ?)", citations
            )
            connection.executemany(
                "INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at) "
                "VALUES (?, ?, '', ?, ?, 0, ?, ?)",
                [
                    (
                        _id(rng),
                        rng.choice(policies),
                        "\n\n".join(_text(rng, rng.randint(20, 50)) for _ in range(2)),
                        json.dumps(rng.sample(WORDS, 1)),
                        now,
                        now,
                    )
                    for _ in range(counts["notes"])
                ],
            )
        connection.execute("PRAGMA optimize")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.output, args.size)
    print(f"{args.size} workspace at {args.output} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
