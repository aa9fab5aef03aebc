"""One process at a time per workspace: the lock the window and the command line share."""

from __future__ import annotations

import os
import signal
import socket
from pathlib import Path

import pytest

from app.data.workspace_lock import (
    LockUnavailable,
    WorkspaceInUse,
    WorkspaceLock,
    exclusive,
    held_here,
    lock_path,
)
from tests.e2e.processes import held_by_another_process, lock_holder


def test_the_folder_is_created_first(tmp_path: Path) -> None:
    workspace = tmp_path / "not" / "yet" / "workspace.sqlite"
    with WorkspaceLock(workspace) as lock:
        assert lock.path == workspace.with_name("workspace.sqlite.lock") and lock.path.is_file()
        assert held_here(workspace)
    assert not lock.path.exists() and not held_here(workspace)  # released: the lock file is gone


def test_another_process_is_refused_and_named(tmp_path: Path) -> None:
    workspace = tmp_path / "w.sqlite"
    with held_by_another_process(workspace) as holder:
        with pytest.raises(WorkspaceInUse) as refused:
            WorkspaceLock(workspace).acquire()
        assert refused.value.process == holder.pid and refused.value.host == socket.gethostname()
        assert str(refused.value) == (
            f"w.sqlite is open in another Policy Tracker window (process {holder.pid} on {socket.gethostname()})"
        )
    assert lock_holder(workspace) == (None, "")  # the holder ended: free again


def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    workspace = tmp_path / "w.sqlite"
    with held_by_another_process(workspace) as holder:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
        assert lock_path(workspace).exists()  # left behind by the killed process, but no longer locked
        with WorkspaceLock(workspace) as lock:
            assert lock.held


def test_a_lock_file_that_cannot_be_created_is_told_apart(tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    with pytest.raises(LockUnavailable) as refused:
        WorkspaceLock(a_file / "w.sqlite").acquire()
    assert (
        str(refused.value)
        == f"Cannot create the lock file {a_file}/w.sqlite.lock: {a_file} is a file, not a folder"
    )
    with pytest.raises(LockUnavailable, match=r"Cannot create the lock file .*: Not a directory"):
        WorkspaceLock(a_file / "deeper" / "w.sqlite").acquire()


def test_a_link_and_its_target_share_one_lock(tmp_path: Path) -> None:
    real = tmp_path / "real" / "w.sqlite"
    real.parent.mkdir()
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    with WorkspaceLock(link) as lock:
        assert lock.path == real.with_name("w.sqlite.lock")
        with pytest.raises(WorkspaceInUse, match="already open in this"):
            WorkspaceLock(real).acquire()


def test_a_maintenance_step_goes_ahead_in_the_holding_process_and_is_refused_elsewhere(
    tmp_path: Path,
) -> None:
    workspace = tmp_path / "w.sqlite"
    with WorkspaceLock(workspace), exclusive(workspace, "restore"):
        assert held_here(workspace)
    assert not held_here(workspace)
    with held_by_another_process(workspace), pytest.raises(WorkspaceInUse), exclusive(workspace, "restore"):
        pytest.fail("went ahead while another process held the workspace")


def test_a_maintenance_holder_is_named_for_what_it_does(tmp_path: Path) -> None:
    workspace = tmp_path / "w.sqlite"
    script = (
        "import sys\nfrom app.data.workspace_lock import WorkspaceLock\n"
        "WorkspaceLock(sys.argv[1], 'restore').acquire()\nprint('held', flush=True)\nsys.stdin.read()\n"
    )
    import subprocess
    import sys

    from tests.conftest import REPO

    process = subprocess.Popen(
        [sys.executable, "-c", script, str(workspace)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        with pytest.raises(WorkspaceInUse, match=r"in use by another Policy Tracker restore \(process"):
            WorkspaceLock(workspace).acquire()
    finally:
        process.kill()
        process.wait()
