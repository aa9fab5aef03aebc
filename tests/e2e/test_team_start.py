"""The window on a team workspace, as a person starts it: the real `python -m app --workspace
postgresql://…` process (offscreen, fresh data and config folders) on a real server. It shows
the team's policies under "Team: NAME", another analyst's commit appears in it within a second,
and a server that cannot be reached is told in words, at once, with no window left waiting."""

from __future__ import annotations

import queue
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import operations
from app.services.inputs import PolicyInput
from app.services.team import TeamWorkspace
from tests.e2e.processes import fresh_env, probe_command, run_app, start, stop
from tests.team.workspace_fixtures import Team

pytestmark = pytest.mark.e2e


def _lines(process: subprocess.Popen[str]) -> queue.Queue[str]:
    """The process's standard output, line by line, as it comes."""
    found: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            found.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return found


def _until(lines: queue.Queue[str], wanted: str, timeout: float) -> float:
    """Waits for a line starting with `wanted`; returns when it came (time.monotonic())."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            continue
        if line.startswith(wanted):
            return time.monotonic()
    raise AssertionError(f"no line starting with {wanted!r} within {timeout} s")


@pytest.fixture
def window(team: Team, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], queue.Queue[str]]]:
    process = start(probe_command(60.0, "--workspace", team.url("alice")), fresh_env(tmp_path))
    try:
        yield process, _lines(process)
    finally:
        _out, err = stop(process)
        assert "Traceback" not in err, err


def test_the_window_opens_a_team_workspace_and_shows_another_analysts_commit_within_a_second(
    window: tuple[subprocess.Popen[str], queue.Queue[str]], team: Team, bob: TeamWorkspace
) -> None:
    process, lines = window
    _until(lines, f"WINDOWS ['Team: {team.database} — Policy Tracker'] ROWS 2", 60)
    committed = time.monotonic()
    operations.add_policy(bob, PolicyInput(title="Gamma rule"))
    shown = _until(lines, f"WINDOWS ['Team: {team.database} — Policy Tracker'] ROWS 3", 5)
    # The probe looks every 0.2 s: the window had it at most that much before it was seen.
    assert shown - committed < 1.0 + 0.2, f"seen after {shown - committed:.2f} s"
    assert process.poll() is None


def test_a_server_out_of_reach_is_told_in_words_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_app(
        "--workspace", f"postgresql://alice@/tracker?host={tmp_path}&port=1", env=fresh_env(tmp_path)
    )
    assert result.returncode == 1
    assert result.stderr.startswith("policy-tracker: error: Cannot reach the server of tracker"), (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 30
