"""Looking at a workspace never lets another process take the journal of a connection that is open on it.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's included. The
window's daily check read the file's header with open() and close(); the next command-line process to
close its connection then found no one else on the file, folded the window's journal in and deleted it,
and every later edit in the window went to a journal no one would read again.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from app.data.sqlite import workspace_file
from app.services import integrity
from tests.conftest import REPO

OTHER_PROCESS = (
    "import sqlite3, sys\n"
    "connection = sqlite3.connect(sys.argv[1])\n"
    "print(connection.execute('SELECT count(*) FROM note').fetchone()[0])\n"
    "connection.close()\n"
)


def _count_from_another_process(path: Path) -> int:
    result = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS, str(path)], cwd=REPO, capture_output=True, text=True, check=True
    )
    return int(result.stdout)


def test_checking_an_open_workspace_keeps_its_journal_safe(workspace_path: Path) -> None:
    from app.services.editing import add_note
    from app.services.inputs import NoteInput
    from app.services.workspace import Workspace

    window = Workspace.open(workspace_path)
    try:
        policy = window.store.connection.execute("SELECT id FROM policy LIMIT 1").fetchone()[0]
        for n in range(3):
            assert workspace_file.read_revision(workspace_path) is not None
            assert integrity.check(workspace_path) is None  # what the window's daily check does
            add_note(window, policy, NoteInput(f"Edit {n}"))
            assert _count_from_another_process(workspace_path) == n + 1
        wal = workspace_path.with_name(workspace_path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # still the window's: not folded in and deleted
        add_note(window, policy, NoteInput("After the others looked"))
    finally:
        window.close()
    with closing(sqlite3.connect(workspace_path)) as connection:
        assert connection.execute("SELECT count(*) FROM note").fetchone()[0] == 4
