"""SIGKILL the real app at random moments while it upgrades a large old workspace, twenty times.

Each kill hits a fresh copy of a workspace at revision 0001 (made through Alembic, with 40
policies and thousands of notes, so the upgrade takes a measurable time). The delays are
spread over the time one unkilled upgrade takes, measured first. Then the next open of each
file (`policy-tracker list`, in a process of its own) must succeed at the head revision with
every policy and note, with one complete copy set aside and nothing half-written beside it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from app.data.schema import HEAD_REVISION
from app.data.sqlite import migrate
from tests.conftest import REPO

KILLS = 20
EARLY_KILLS = 4
POLICIES = 40
NOTES = 4_000
COPY_NAME = "workspace.before-upgrade-from-0001.sqlite"


# Opens each file given with `policy-tracker list`, as the next launch would; one line per file.
REOPEN = """
import contextlib, io, sys
from app.cli import main
for path in sys.argv[1:]:
    listing = io.StringIO()
    with contextlib.redirect_stdout(listing):
        code = main(["list", "--workspace", path])
    print(f"{path}: {code}, {len(listing.getvalue().splitlines())} lines", flush=True)
"""


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


def _start(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "list", "--workspace", str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def _query(path: Path, sql: str) -> object:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def _where_the_kill_landed(path: Path) -> str:
    if _query(path, "SELECT version_num FROM alembic_version") == HEAD_REVISION:
        return "after the upgrade committed"
    if not (path.parent / COPY_NAME).exists():
        return "before the copy was complete"
    # The upgrade's transaction begins as soon as the copy is in place. Once it outgrows SQLite's
    # page cache its pages go to the WAL, uncommitted: then the kill certainly hit it mid-way.
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return "during the upgrade, its pages in the WAL"
    return "after the copy, before the commit, nothing in the WAL yet"


def _timeline(path: Path) -> tuple[float, float]:
    """Seconds from start until the copy is complete, and until the process has finished."""
    started = time.monotonic()
    process = _start(path)
    copied = None
    while process.poll() is None:
        if copied is None and (path.parent / COPY_NAME).exists():
            copied = time.monotonic() - started
        time.sleep(0.002)
    finished = time.monotonic() - started
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    for stream in (process.stdout, process.stderr):
        if stream:
            stream.close()
    return copied or finished, finished


def test_twenty_kills_during_an_upgrade_lose_nothing_and_every_file_opens(tmp_path: Path) -> None:
    template = tmp_path / "template.sqlite"
    _old_workspace(template)
    calibration = tmp_path / "calibration" / "workspace.sqlite"
    calibration.parent.mkdir()
    calibration.write_bytes(template.read_bytes())
    copied, finished = _timeline(calibration)
    rng = random.Random(15)
    # A few kills anywhere before the copy is complete (start-up, the copy itself); the rest at
    # moments spread over the upgrade, timed from the moment the copy is in place.
    before_copy = [copied * (i + rng.random()) / EARLY_KILLS for i in range(EARLY_KILLS)]
    upgrading = finished - copied
    during = [upgrading * (i + rng.random()) / (KILLS - EARLY_KILLS) for i in range(KILLS - EARLY_KILLS)]
    landed: Counter[str] = Counter()
    scale = 1.0
    killed: list[Path] = []
    harness_started = time.monotonic()
    for number, (from_copy, delay) in enumerate(
        [(False, d) for d in before_copy] + [(True, d) for d in during]
    ):
        path = tmp_path / f"kill-{number:02}" / "workspace.sqlite"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        process = _start(path)
        if from_copy:
            while process.poll() is None and not (path.parent / COPY_NAME).exists():
                time.sleep(0.001)
            delay *= scale
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()
        where = _where_the_kill_landed(path) if process.returncode == -signal.SIGKILL else "after exit"
        landed[where] += 1
        if from_copy and where in ("after the upgrade committed", "after exit"):
            scale *= 0.7  # this run upgraded faster than the measured one (a busy machine varies)

        killed.append(path)

    # The next open of every file, by the app's own command line in a process of its own.
    reopened = subprocess.run(
        [sys.executable, "-c", REOPEN, *map(str, killed)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert reopened.returncode == 0, reopened.stderr
    assert reopened.stdout.splitlines() == [f"{path}: 0, {POLICIES} lines" for path in killed], (
        reopened.stderr
    )
    for path in killed:
        assert _query(path, "SELECT version_num FROM alembic_version") == HEAD_REVISION
        assert _query(path, "SELECT count(*) FROM policy") == POLICIES
        assert _query(path, "SELECT count(*) FROM note") == NOTES
        assert _query(path, "SELECT count(*) FROM search_doc WHERE kind = 'note'") == NOTES
        assert _query(path, "PRAGMA integrity_check") == "ok"
        beside = {p.name for p in path.parent.iterdir()} - {"workspace.sqlite-wal", "workspace.sqlite-shm"}
        assert beside == {"workspace.sqlite", COPY_NAME}  # one complete copy, nothing half-written
        copy = path.parent / COPY_NAME
        assert _query(copy, "SELECT version_num FROM alembic_version") == "0001"
        assert _query(copy, "SELECT count(*) FROM note") == NOTES
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
