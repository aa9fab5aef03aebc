"""Starting the real thing: `python -m app` and other processes, with fresh data and config folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
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
        start_new_session=True,  # its own process group: `make run` and the app it starts are stopped together
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
    """End a process started by `start` (and whatever it started), and collect its output."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    try:
        return process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.communicate()


def lock_holder(workspace: Path) -> tuple[int | None, str]:
    """Who holds the workspace's lock now, as the lock itself tells it: (process id, host), or (None, '').

    Looks without disturbing: no folder is created, and the lock is tried only once a holder has written
    its name into the file, that is once it holds the lock, so a process starting up never finds it taken.
    """
    from app.data.workspace_lock import WorkspaceInUse, WorkspaceLock, lock_path

    try:
        written = lock_path(workspace).read_text().split()
    except OSError:
        return None, ""
    if not written or not written[0].isdigit():
        return None, ""
    try:
        WorkspaceLock(workspace).acquire().release()
    except WorkspaceInUse as error:
        return error.process, error.host
    return None, ""  # left by a holder that was killed


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
        start_new_session=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held", process.stderr
        yield process
    finally:
        stop(process)


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A real, small file system (tmpfs) at `folder`, to fill up; skips where mounting is not allowed."""
    if os.geteuid() != 0:
        import pytest

        pytest.skip("a real full disk needs a tmpfs mount, which needs root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        import pytest

        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk up, then free `leave` bytes: the next large write runs out of space part-way."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        chunk = b"\0" * 65536
        try:
            while handle.write(chunk):
                pass
        except OSError:
            pass  # the disk is full
    size = filler.stat().st_size
    with filler.open("r+b") as handle:
        handle.truncate(max(0, size - leave))
    return filler


# `python -m app` as it is, plus a look from inside: every 0.2 s it prints the visible windows and what
# the main window lists; after `close_after` seconds of showing a complete list it closes the windows,
# as a person would, and the app ends the way it ends then. With a policy slug in `write_to`, the window
# also saves a note to that policy every 0.2 s, as a person editing, and prints the id of each it saved.
WINDOW_PROBE = """
import sys, time
from PySide6.QtCore import QTimer
import app.ui.main.app as ui_app

close_after, write_to = float(sys.argv[1]), sys.argv[2]
made = ui_app.application
shown_since = []

def application():
    qt_app = made()
    def look():
        windows = [w for w in qt_app.topLevelWidgets() if w.isVisible()]
        main = [w for w in windows if w.objectName() == "MainWindow"]
        rows = main[0].model.total_rows if main and main[0].ready else -1
        print("WINDOWS", [w.windowTitle() for w in windows], "ROWS", rows, flush=True)
        if rows > 0 and not shown_since:
            shown_since.append(time.monotonic())
        if rows > 0 and write_to:
            from app.data.sqlite.read import policy_id_for_slug
            from app.services.editing import add_note
            from app.services.inputs import NoteInput

            workspace = main[0].workspace
            saved = add_note(workspace, policy_id_for_slug(workspace.store.connection, write_to), NoteInput("From the window"))
            print("SAVED", saved, flush=True)
        if shown_since and time.monotonic() - shown_since[0] > close_after:
            for window in windows:
                window.close()
    timer = QTimer(qt_app)
    timer.timeout.connect(look)
    timer.start(200)
    return qt_app

ui_app.application = application
from app.cli import main
sys.exit(main(sys.argv[3:]))
"""


def probe_command(close_after: float, *args: str, write_to: str = "") -> list[str]:
    return [sys.executable, "-c", WINDOW_PROBE, str(close_after), write_to, *args]
