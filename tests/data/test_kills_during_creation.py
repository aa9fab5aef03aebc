"""SIGKILL the real app at random moments while it creates a new workspace, twenty times.

`policy-tracker list --workspace NEW` creates NEW with the starter data. The delays are spread
over the time one unkilled creation takes, measured first. Then the next open of each path (in
a process of its own) must give a complete workspace with all the starter data, with nothing
half-written left beside it.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.data.schema import HEAD_REVISION
from tests.data.kill_harness import kill_moments, query, reopen, start_list, timeline

KILLS = 20
EARLY_KILLS = 4


def _building(path: Path) -> bool:
    return any(path.parent.glob(f"{path.name}.partial-*"))


def _where_the_kill_landed(path: Path) -> str:
    if path.exists():
        return "after the workspace was in place"
    if _building(path):
        return "while building it under its temporary name"
    return "before building began"


def test_twenty_kills_while_creating_a_workspace_leave_none_half_made(
    tmp_path: Path, starter_template: Path
) -> None:
    policies = query(starter_template, "SELECT count(*) FROM policy")
    sources = query(starter_template, "SELECT count(*) FROM source")
    calibration = tmp_path / "calibration" / "workspace.sqlite"
    began, finished = timeline(calibration, lambda: _building(calibration))
    assert query(calibration, "SELECT count(*) FROM policy") == policies
    landed: Counter[str] = Counter()
    scale = [1.0]
    counting = threading.Lock()
    harness_started = time.monotonic()

    def kill_one(number: int, from_building: bool, delay: float) -> Path:
        path = tmp_path / f"kill-{number:02}" / "workspace.sqlite"
        process = start_list(path)
        if from_building:
            while process.poll() is None and not _building(path):
                time.sleep(0.001)
            delay *= scale[0]
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        where = _where_the_kill_landed(path) if process.returncode == -signal.SIGKILL else "after exit"
        with counting:
            landed[where] += 1
        if from_building and where != "while building it under its temporary name":
            scale[0] *= 0.7  # this run built faster than the measured one (a busy machine varies)
        if path.exists():  # whatever is at the final name is complete, at once
            assert query(path, "SELECT value FROM meta WHERE key = 'starter_data'") == "yes"
            assert query(path, "SELECT count(*) FROM policy") == policies
        return path

    # Two at a time, as two cores allow; each in its own folder.
    jobs = kill_moments(began, finished, KILLS, EARLY_KILLS, seed=15)
    with ThreadPoolExecutor(max_workers=2) as lanes:
        killed = list(lanes.map(kill_one, range(KILLS), *zip(*jobs, strict=True)))

    # The next open of every path, by the app's own command line, in two processes of their own.
    assert reopen(killed, lanes=2) == [f"{path}: 0, {policies} lines" for path in killed]
    for path in killed:
        assert query(path, "SELECT version_num FROM alembic_version") == HEAD_REVISION
        assert query(path, "SELECT value FROM meta WHERE key = 'starter_data'") == "yes"
        assert query(path, "SELECT count(*) FROM policy") == policies
        assert query(path, "SELECT count(*) FROM source") == sources
        assert query(path, "PRAGMA integrity_check") == "ok"
        beside = {p.name for p in path.parent.iterdir()} - {"workspace.sqlite-wal", "workspace.sqlite-shm"}
        assert beside == {"workspace.sqlite"}  # nothing half-written left beside it
    elapsed = time.monotonic() - harness_started
    print(
        f"\ncreation: building began at {began:.2f} s, done at {finished:.2f} s;"
        f" {KILLS} kills and reopening in {elapsed:.1f} s: {dict(landed)}"
    )
    assert sum(landed.values()) == KILLS
    assert landed["while building it under its temporary name"] >= KILLS // 2
