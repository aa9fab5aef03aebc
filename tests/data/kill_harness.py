"""What the SIGKILL harnesses share: start the real command, time one unkilled run, spread kills over
it, read a file without changing it, and reopen every killed file the way the next launch would."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

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


def start_list(path: Path, *, errors: bool = False) -> subprocess.Popen[bytes]:
    """`policy-tracker list --workspace PATH` in a process of its own (which creates or upgrades it);
    with `errors`, its standard error can be read (only for a run that is not killed)."""
    return subprocess.Popen(
        [sys.executable, "-m", "app", "list", "--workspace", str(path)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if errors else subprocess.DEVNULL,
        env=ENV,
    )


def query(path: Path, sql: str) -> object:
    """One value, read without changing the file (read-only, no journal recovery written)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def timeline(path: Path, reached: Callable[[], bool]) -> tuple[float, float]:
    """Seconds from start until `reached()` first holds, and until the unkilled process has finished."""
    started = time.monotonic()
    process = start_list(path, errors=True)
    at = None
    while process.poll() is None:
        if at is None and reached():
            at = time.monotonic() - started
        time.sleep(0.002)
    finished = time.monotonic() - started
    _, err = process.communicate()
    assert process.returncode == 0, err.decode(errors="replace")
    return at or finished, finished


def kill_moments(
    reached: float, finished: float, kills: int, early: int, seed: int
) -> list[tuple[bool, float]]:
    """When to kill: `early` moments before the marker, the rest spread over the work after it.

    Each is (timed from the marker?, delay in seconds)."""
    rng = random.Random(seed)
    before = [reached * (i + rng.random()) / early for i in range(early)]
    after = [(finished - reached) * (i + rng.random()) / (kills - early) for i in range(kills - early)]
    return [(False, d) for d in before] + [(True, d) for d in after]


def reopen(paths: list[Path], lanes: int = 1) -> list[str]:
    """Open every path as the next launch would, in `lanes` processes of their own; one line per path."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", REOPEN, *map(str, paths[lane::lanes])],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for lane in range(lanes)
    ]
    lines: dict[str, str] = {}
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        for line in out.splitlines():
            lines[line.split(": ", 1)[0]] = line
    return [lines.get(str(path), f"{path}: not reopened") for path in paths]
