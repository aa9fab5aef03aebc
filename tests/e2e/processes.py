"""Starting the real thing: `python -m app` and other processes, with fresh data and config folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO

# A process that holds a workspace the way an open window does, until its standard input closes.
HOLD = (
    "import sys\n"
    "from app.data.workspace_lock import WorkspaceLock\n"
    "WorkspaceLock(sys.argv[1]).acquire()\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


def fresh_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a new user: empty home, data and config folders; Qt offscreen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "POLICY_TRACKER_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONUNBUFFERED="1",
        LANG="C.UTF-8",
    )
    env.update(extra)
    return env


def app_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def run_app(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        app_command(*args), cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], timeout: float = 30) -> None:
    """Until `condition` holds; fails early, with the process's output, if the process ends first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the process ended with {process.returncode}:\n{out}\n{err}")
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout} s")
        time.sleep(0.05)


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()


def lock_holder(workspace: Path) -> tuple[int | None, str]:
    """Who holds the workspace's lock now, as the lock itself tells it: (process id, host), or (None, '')."""
    from app.data.workspace_lock import WorkspaceInUse, WorkspaceLock

    try:
        WorkspaceLock(workspace).acquire().release()
    except WorkspaceInUse as error:
        return error.process, error.host
    return None, ""


@contextmanager
def held_by_another_process(workspace: Path) -> Iterator[subprocess.Popen[str]]:
    """A second, real process holding the workspace's lock, as an open window does."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(workspace)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held", process.stderr
        yield process
    finally:
        stop(process)
