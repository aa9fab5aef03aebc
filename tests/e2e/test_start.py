"""Every way the app is started, as a person starts it: the real process, fresh data and config folders.

The first launch on a fresh machine used to refuse with "already open in another window (process 0
on )" and then wait forever on a message box no one could see: these tests start the real process.
"""

from __future__ import annotations

import ast
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.e2e.processes import (
    app_command,
    fresh_env,
    lock_holder,
    probe_command,
    run_app,
    start,
    stop,
    wait_for,
)

pytestmark = pytest.mark.e2e
STAYS_OPEN_SECONDS = 2.0


def _policies(path: Path) -> int:
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            return int(connection.execute("SELECT count(*) FROM policy").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


def _opens_and_stays_open(
    command: list[str], env: dict[str, str], workspace: Path, *, started_by: bool = False
) -> tuple[str, str]:
    """The process takes the workspace, fills it with the starter data, and is still running after a while.

    `started_by`: the app is a child of the process started (`make run`), not that process itself.
    """
    process = start(command, env)

    def opened() -> bool:
        holder = lock_holder(workspace)[0]
        ours = holder is not None if started_by else holder == process.pid
        return ours and _policies(workspace) >= 12

    try:
        wait_for(opened, process, 60)
        time.sleep(STAYS_OPEN_SECONDS)
        assert process.poll() is None, stop(process)
    finally:
        out, err = stop(process)
    assert "Traceback" not in err and "error:" not in err, err
    return out, err


def test_the_first_launch_opens_the_starter_workspace_in_a_window_that_stays_open(tmp_path: Path) -> None:
    env = fresh_env(tmp_path)
    result = subprocess.run(
        probe_command(STAYS_OPEN_SECONDS), cwd=REPO, env=env, capture_output=True, text=True, timeout=90
    )
    assert result.returncode == 0, result.stderr
    looks = [line.split(" ROWS ") for line in result.stdout.splitlines() if line.startswith("WINDOWS ")]
    shown = [(ast.literal_eval(w.removeprefix("WINDOWS ")), int(rows)) for w, rows in looks]
    assert ["workspace — Policy Tracker"] in [titles for titles, _ in shown]
    assert max(rows for _, rows in shown) == 12  # the starter dataset, listed
    assert sum(1 for titles, rows in shown if rows == 12 and titles) >= STAYS_OPEN_SECONDS / 0.2 - 2  # stayed
    assert (tmp_path / "data" / "policy-tracker" / "workspace.sqlite").is_file()
    assert not (
        tmp_path / "data" / "policy-tracker" / "workspace.sqlite.lock"
    ).exists()  # released on closing


def test_python_m_app_on_a_fresh_machine(tmp_path: Path) -> None:
    workspace = tmp_path / "data" / "policy-tracker" / "workspace.sqlite"
    _opens_and_stays_open(app_command(), fresh_env(tmp_path), workspace)


def test_a_workspace_in_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    workspace = tmp_path / "not" / "yet" / "there" / "mine.sqlite"
    _opens_and_stays_open(app_command("--workspace", str(workspace)), fresh_env(tmp_path / "home"), workspace)


def test_the_policy_tracker_command(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("policy-tracker")
    if not script.exists():
        pytest.skip(f"no installed policy-tracker script beside {sys.executable}")
    env = fresh_env(tmp_path)
    listed = subprocess.run([str(script), "list"], env=env, capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and "title-42" in listed.stdout, listed.stderr
    workspace = tmp_path / "data" / "policy-tracker" / "workspace.sqlite"
    _opens_and_stays_open([str(script)], env, workspace)


def test_make_run(tmp_path: Path) -> None:
    venv = REPO / ".venv"
    if shutil.which("make") is None or not (venv / ".installed-stamp").exists():
        pytest.skip("make run needs make and the project's .venv (made by make test)")
    # -o: take the installed environment as it is; `make run` must not reinstall inside a test.
    command = ["make", "--no-print-directory", "-o", ".venv/.installed-stamp", "run"]
    workspace = tmp_path / "data" / "policy-tracker" / "workspace.sqlite"
    _opens_and_stays_open(command, fresh_env(tmp_path), workspace, started_by=True)


def test_the_command_line_on_a_fresh_machine(tmp_path: Path) -> None:
    result = run_app("list", env=fresh_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 12 and "remain-in-mexico" in result.stdout


def test_a_second_window_on_the_same_workspace_is_refused(tmp_path: Path) -> None:
    env = fresh_env(tmp_path)
    workspace = tmp_path / "data" / "policy-tracker" / "workspace.sqlite"
    first = start(app_command(), env)
    try:
        wait_for(lambda: lock_holder(workspace)[0] == first.pid, first, 60)
        started = time.monotonic()
        second = run_app(env=env, timeout=30)
        assert time.monotonic() - started < 20  # told at once, not left waiting on an unseen message box
        assert second.returncode == 1
        assert second.stderr.strip().splitlines()[-1] == (
            f"policy-tracker: error: workspace.sqlite is open in another Policy Tracker window "
            f"(process {first.pid} on {socket.gethostname()}). Switch to that window to keep working."
        )
        assert first.poll() is None  # the first window is untouched
    finally:
        stop(first)


def test_a_lock_file_that_cannot_be_created_is_told_as_such(tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    result = run_app("--workspace", str(a_file / "w.sqlite"), env=fresh_env(tmp_path / "home"), timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"policy-tracker: error: Cannot create the lock file {a_file}/w.sqlite.lock: {a_file} is a file, not a folder"
    )


def test_a_read_only_folder_is_told_as_such(tmp_path: Path) -> None:
    import os

    if os.geteuid() != 0:
        pytest.skip("a read-only mount needs root (and as root, chmod does not stop writes)")
    folder = tmp_path / "read-only"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        result = run_app(
            "--workspace", str(folder / "w.sqlite"), env=fresh_env(tmp_path / "home"), timeout=30
        )
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"policy-tracker: error: Cannot create the lock file {folder}/w.sqlite.lock: Read-only file system"
    )


def test_a_damaged_workspace_at_start_is_told_without_waiting_on_an_unseen_question(
    tmp_path: Path, starter_template: Path
) -> None:
    from tests.damage import damage

    workspace = tmp_path / "w.sqlite"
    shutil.copyfile(starter_template, workspace)
    env = fresh_env(tmp_path / "home")
    assert run_app("backup", "--workspace", str(workspace), env=env).returncode == 0
    damage(workspace)
    result = run_app("--workspace", str(workspace), env=env, timeout=60)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"policy-tracker: error: {workspace} is damaged")
    assert last.endswith("To restore the latest backup, run: policy-tracker restore latest")
    assert run_app("restore", "latest", "--workspace", str(workspace), env=env).returncode == 0
    assert run_app("check", "--workspace", str(workspace), env=env).returncode == 0
