"""SIGKILL the real app at random moments while it upgrades a large old workspace, twenty times.

Each kill hits a fresh copy of a workspace at revision 0001 (made through Alembic, with 40
policies and thousands of notes, so the upgrade takes a measurable time). The delays are
spread over the time one unkilled upgrade takes, measured first. Then the next open of each
file (`policy-tracker list`, in a process of its own) must succeed at the head revision with
every policy and note, with one complete copy set aside and nothing half-written beside it.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import time
from collections import Counter
from pathlib import Path

from app.data.schema import HEAD_REVISION
from app.data.sqlite import migrate
from tests.data.kill_harness import kill_moments, query, reopen, start_list, timeline

KILLS = 20
EARLY_KILLS = 4
POLICIES = 40
NOTES = 4_000
COPY_NAME = "workspace.before-upgrade-from-0001.sqlite"


def _old_workspace(path: Path) -> None:
    migrate.upgrade(path, "0001")
    connection = sqlite3.connect(path)
    connection.executemany(
        "INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies,"
        " tags, origin, created_at, updated_at) VALUES (?, ?, ?, '[]', 'texas', 'state_law', ?, '', '[]',"
        " '[\"old\"]', 'user', '2020', '2020')",
        [(f"p{i}", f"policy-{i}", f"Policy {i}", f"summary of policy {i}") for i in range(POLICIES)],
    )
    connection.executemany(
        "INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at)"
        " VALUES (?, ?, '', ?, '[]', 0, '2020', '2020')",
        [(f"n{i}", f"p{i % POLICIES}", f"note {i} about quokkas, " + "words " * 40) for i in range(NOTES)],
    )
    connection.commit()
    connection.close()


def _where_the_kill_landed(path: Path) -> str:
    if query(path, "SELECT version_num FROM alembic_version") == HEAD_REVISION:
        return "after the upgrade committed"
    if not (path.parent / COPY_NAME).exists():
        return "before the copy was complete"
    # The upgrade's transaction begins as soon as the copy is in place. Once it outgrows SQLite's
    # page cache its pages go to the WAL, uncommitted: then the kill certainly hit it mid-way.
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return "during the upgrade, its pages in the WAL"
    return "after the copy, before the commit, nothing in the WAL yet"


def test_twenty_kills_during_an_upgrade_lose_nothing_and_every_file_opens(tmp_path: Path) -> None:
    template = tmp_path / "template.sqlite"
    _old_workspace(template)
    calibration = tmp_path / "calibration" / "workspace.sqlite"
    calibration.parent.mkdir()
    calibration.write_bytes(template.read_bytes())
    copied, finished = timeline(calibration, lambda: (calibration.parent / COPY_NAME).exists())
    # A few kills anywhere before the copy is complete (start-up, the copy itself); the rest at
    # moments spread over the upgrade, timed from the moment the copy is in place.
    landed: Counter[str] = Counter()
    scale = 1.0
    killed: list[Path] = []
    harness_started = time.monotonic()
    for number, (from_copy, delay) in enumerate(kill_moments(copied, finished, KILLS, EARLY_KILLS, seed=15)):
        path = tmp_path / f"kill-{number:02}" / "workspace.sqlite"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        process = start_list(path)
        if from_copy:
            while process.poll() is None and not (path.parent / COPY_NAME).exists():
                time.sleep(0.001)
            delay *= scale
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        where = _where_the_kill_landed(path) if process.returncode == -signal.SIGKILL else "after exit"
        landed[where] += 1
        if from_copy and where in ("after the upgrade committed", "after exit"):
            scale *= 0.7  # this run upgraded faster than the measured one (a busy machine varies)

        killed.append(path)

    # The next open of every file, by the app's own command line in a process of its own.
    assert reopen(killed) == [f"{path}: 0, {POLICIES} lines" for path in killed]
    for path in killed:
        assert query(path, "SELECT version_num FROM alembic_version") == HEAD_REVISION
        assert query(path, "SELECT count(*) FROM policy") == POLICIES
        assert query(path, "SELECT count(*) FROM note") == NOTES
        assert query(path, "SELECT count(*) FROM search_doc WHERE kind = 'note'") == NOTES
        assert query(path, "PRAGMA integrity_check") == "ok"
        beside = {p.name for p in path.parent.iterdir()} - {"workspace.sqlite-wal", "workspace.sqlite-shm"}
        assert beside == {"workspace.sqlite", COPY_NAME}  # one complete copy, nothing half-written
        copy = path.parent / COPY_NAME
        assert query(copy, "SELECT version_num FROM alembic_version") == "0001"
        assert query(copy, "SELECT count(*) FROM note") == NOTES
    elapsed = time.monotonic() - harness_started
    print(
        f"\nupgrade of {POLICIES} policies / {NOTES} notes: copy complete at {copied:.2f} s, done at"
        f" {finished:.2f} s; {KILLS} kills in {elapsed:.1f} s: {dict(landed)}"
    )
    assert sum(landed.values()) == KILLS
    assert landed["during the upgrade, its pages in the WAL"] >= 3
    assert (
        landed["during the upgrade, its pages in the WAL"]
        + landed["after the copy, before the commit, nothing in the WAL yet"]
        >= KILLS // 2
    )
