"""A command that writes while another process is writing (a long import) waits, says so, and
succeeds once the other finishes; when it must give up, it says so in one line. Nothing is lost.

The other writer is a real second process holding a write transaction, as a long import does.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import cli
from tests.cli.helpers import run
from tests.conftest import REPO

WAITING = "policy-tracker: waiting for another Policy Tracker process to finish writing…\n"

# Adds a policy in one unit of work, as an import does, and holds the transaction open.
_LONG_WRITE = """
import sys, time
from pathlib import Path
from app.data.tables import Policy
from app.services.workspace import Workspace

workspace = Workspace.open(Path(sys.argv[1]))
with workspace.session() as session:
    session.add(Policy(slug="from-the-long-import", title="From the long import"))
    session.flush()
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
print("done", flush=True)
"""


def _start_long_write(workspace_path: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", _LONG_WRITE, str(workspace_path), str(seconds)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "writing\n"
    return process


def _slugs(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT slug FROM policy")}
    finally:
        connection.close()


def _notes(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT body FROM note")]
    finally:
        connection.close()


def test_a_command_waits_for_a_long_write_and_then_succeeds(tmp_path: Path, workspace_path: Path) -> None:
    """As found: `add-note` during a long import failed after 5.7 s with a traceback."""
    writer = _start_long_write(workspace_path, 8.0)  # longer than the 5.7 s after which it failed
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "add-note",
            "title-42",
            "--text",
            "Written while importing",
            "--workspace",
            str(workspace_path),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    waited = time.monotonic() - started
    assert writer.wait(timeout=30) == 0
    assert result.returncode == 0, result.stderr
    assert result.stderr == WAITING
    assert waited > 5
    assert "from-the-long-import" in _slugs(workspace_path)  # the other process's write is kept
    assert _notes(workspace_path) == ["Written while importing"]  # and so is this one


def test_a_command_gives_up_in_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workspace_path: Path
) -> None:
    monkeypatch.setattr(cli, "WRITE_WAIT_SECONDS", 2.0)  # the real wait is two minutes
    writer = _start_long_write(workspace_path, 60.0)
    try:
        code, out, err = run(
            capsys, "add-note", "title-42", "--text", "Never written", "--workspace", str(workspace_path)
        )
    finally:
        writer.kill()
        writer.wait()
    assert (code, out) == (1, "")
    first, second = err.splitlines()
    assert first + "\n" == WAITING
    assert second.startswith(
        "policy-tracker: error: workspace.sqlite is busy: another Policy Tracker process"
    )
    assert "nothing was changed" in second and "Traceback" not in err
    assert _notes(workspace_path) == []
    assert "from-the-long-import" not in _slugs(workspace_path)  # the killed writer left nothing half-done
