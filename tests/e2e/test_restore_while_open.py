"""A restore from the command line while a window is open on the workspace, and saving.

It used to go ahead: the window kept writing to the replaced file, and 11 of 20 acknowledged edits
were lost without a word. Now the restore is refused in one line, and nothing acknowledged is lost.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.processes import (
    fresh_env,
    lock_holder,
    probe_command,
    run_app,
    start,
    stop,
    wait_for,
)

pytestmark = pytest.mark.e2e


def _note_ids(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM note WHERE deleted_at IS NULL")}


def test_restore_is_refused_while_a_window_saves_and_nothing_acknowledged_is_lost(
    tmp_path: Path, starter_template: Path
) -> None:
    env = fresh_env(tmp_path / "home")
    workspace = tmp_path / "w.sqlite"
    shutil.copyfile(starter_template, workspace)
    ws = str(workspace)
    assert run_app("backup", "--workspace", ws, env=env).returncode == 0
    window = start(probe_command(600, "--workspace", ws, write_to="title-42"), env)
    acknowledged: set[str] = set()
    try:
        wait_for(lambda: lock_holder(workspace)[0] == window.pid, window, 60)
        for n in range(6):
            added = run_app(
                "add-note", "title-42", "--text", f"From the command line {n}", "--workspace", ws, env=env
            )
            assert added.returncode == 0, added.stderr
            acknowledged.add(added.stdout.strip())
            if n % 2:
                refused = run_app("restore", "latest", "--workspace", ws, env=env)
                assert (refused.returncode, refused.stdout) == (1, "")
                assert refused.stderr == (
                    f"policy-tracker: error: w.sqlite is open in another Policy Tracker window "
                    f"(process {window.pid} on {lock_holder(workspace)[1]}); close it first, or restore "
                    "from its File menu. Nothing was changed\n"
                )
        assert window.poll() is None
    finally:
        out, err = stop(window)
    saved_by_window = {line.split()[1] for line in out.splitlines() if line.startswith("SAVED ")}
    assert len(saved_by_window) >= 3, err  # the window was saving all along
    present = _note_ids(workspace)
    assert acknowledged <= present, "cli"
    assert saved_by_window <= present, (len(saved_by_window - present), len(saved_by_window), err)
    assert run_app("check", "--workspace", ws, env=env).returncode == 0
