"""Kill harnesses: a real `python -m app restore` / `python -m app backup`, SIGKILLed at random moments.

After every kill the workspace opens with all its data, either the old contents or the restored ones,
never a mix and never malformed; no half-written file is left once the next run has finished.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from app.services import backups, integrity
from tests.conftest import REPO
from tests.e2e.processes import app_command, fresh_env

pytestmark = pytest.mark.e2e
KILLS = 20
NOTES = 2000  # about 4 MB: a copy takes long enough for kills to land in the middle of it


def _add_notes(path: Path, prefix: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        policy = connection.execute("SELECT id FROM policy ORDER BY slug LIMIT 1").fetchone()[0]
        connection.executemany(
            "INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at) "
            "VALUES (?, ?, '', ?, '[]', 0, '2026-01-01T00:00:00', '2026-01-01T00:00:00')",
            [(f"{prefix}-{n:05}", policy, f"{prefix} {n} " + "x" * 1800) for n in range(NOTES)],
        )
        connection.commit()


def _contents(path: Path) -> str:
    """What the workspace holds, as one digest; raises if it cannot be read."""
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("SELECT id, body FROM note ORDER BY id").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _partials(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.is_dir() for p in folder.rglob("*.partial")]


def _watch(command: list[str], env: dict[str, str], started_copy: Path, wait: float) -> tuple[str, float]:
    """Run `command`; kill it `wait` s after start, or after its copy began when `started_copy` is a folder.

    Returns how it ended ("killed", "killed after its copy began" or "finished") and when, in seconds.
    """
    began = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    copying = False
    if started_copy.name:  # wait for this process's partial file, then a random part of the copy
        marker = f".{process.pid}.partial"
        while process.poll() is None and not copying:
            copying = any(marker in p.name for p in _partials(started_copy))
            time.sleep(0.002)
    time.sleep(wait)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return "killed" if not copying else "killed after its copy began", time.monotonic() - began
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    return "finished", time.monotonic() - began


def _timed(command: list[str], env: dict[str, str]) -> float:
    began = time.monotonic()
    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
    return time.monotonic() - began


def test_restore_killed_at_random_moments_leaves_old_or_new_never_a_mix(
    tmp_path: Path, starter_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = fresh_env(tmp_path / "home")
    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])  # find the same backups folder as the processes
    workspace = tmp_path / "w.sqlite"
    workspace.write_bytes(starter_template.read_bytes())
    _add_notes(workspace, "a")
    state_a = backups.back_up(workspace, tmp_path / "state-a.sqlite")
    _add_notes(workspace, "b")
    state_b = backups.back_up(workspace, tmp_path / "state-b.sqlite")
    contents = {state_a: _contents(state_a), state_b: _contents(state_b)}
    assert len(set(contents.values())) == 2
    rng = random.Random(15)
    full = _timed(app_command("restore", str(state_a), "--workspace", str(workspace)), env)
    outcomes: Counter[str] = Counter()
    runs = 0
    while outcomes["killed"] < KILLS and runs < 3 * KILLS:
        runs += 1
        source = state_b if _contents(workspace) == contents[state_a] else state_a
        before = _contents(workspace)
        command = app_command("restore", str(source), "--workspace", str(workspace))
        if rng.random() < 0.5:
            ended, _ = _watch(command, env, Path(), rng.uniform(0, full))
        else:  # in the middle of the copies: the safety copy, then the restore itself
            ended, _ = _watch(command, env, backups.safety_dir(workspace), rng.uniform(0, full / 2))
        outcomes[ended] += 1
        outcomes["killed"] += ended.startswith("killed ")
        after = _contents(workspace)
        assert after in (before, contents[source]), f"run {runs}: a mix of old and restored contents"
        outcomes["old" if after == before else "restored"] += 1
        assert integrity.check(workspace, thorough=True) is None, f"run {runs}"
        for safety in backups.safety_dir(workspace).glob("*.sqlite"):
            safety.unlink()  # keep the disk use small; they are not what this test is about
    assert outcomes["killed"] >= KILLS, outcomes
    leftovers = _partials(workspace.parent, backups.backup_dir(workspace))
    subprocess.run(
        app_command("restore", str(state_a), "--workspace", str(workspace)), cwd=REPO, env=env, check=True
    )
    assert _partials(workspace.parent, backups.backup_dir(workspace)) == []
    assert _contents(workspace) == contents[state_a]
    listed = subprocess.run(
        app_command("list", "--workspace", str(workspace)), cwd=REPO, env=env, capture_output=True, text=True
    )
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 12
    print(f"restore: {dict(outcomes)} in {runs} runs; partial files left by kills: {len(leftovers)}")


def test_backup_killed_at_random_moments_leaves_the_workspace_whole_and_no_partial_file(
    tmp_path: Path, starter_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = fresh_env(tmp_path / "home")
    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    workspace = tmp_path / "w.sqlite"
    workspace.write_bytes(starter_template.read_bytes())
    _add_notes(workspace, "a")
    expected = _contents(workspace)
    rng = random.Random(16)
    command = app_command("backup", "--workspace", str(workspace))
    full = _timed(command, env)
    folder = backups.backup_dir(workspace)
    outcomes: Counter[str] = Counter()
    runs = 0
    most_partials = 0
    while outcomes["killed"] < KILLS and runs < 3 * KILLS:
        runs += 1
        if rng.random() < 0.5:
            ended, _ = _watch(command, env, Path(), rng.uniform(0, full))
        else:
            ended, _ = _watch(command, env, folder, rng.uniform(0, full / 4))
        outcomes[ended] += 1
        outcomes["killed"] += ended.startswith("killed ")
        most_partials = max(most_partials, len(_partials(folder)))
        assert _contents(workspace) == expected and integrity.check(workspace, thorough=True) is None
        for made in folder.glob("*.sqlite"):  # what is there under a backup's name is a whole backup
            assert integrity.check(made, thorough=True) is None and _contents(made) == expected
    assert outcomes["killed"] >= KILLS, outcomes
    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
    assert _partials(folder) == []
    assert len(list(folder.glob("*.sqlite"))) == 1  # the rotation keeps the newest of the day
    print(f"backup: {dict(outcomes)} in {runs} runs; at most {most_partials} partial files before a full run")
