"""Kill writers at random moments, many times: every acknowledged write survives, the file stays sound.

A writer acknowledges a note only after its transaction committed; the harness kills it with
SIGKILL at random moments (often mid-transaction), then checks every acknowledged note and the
file's integrity. The durability comes from the connection settings in app/data/db.py (WAL,
synchronous=NORMAL), which the writers use.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.services import editing
from app.services.inputs import PolicyInput
from app.services.workspace import Workspace
from tests.conftest import REPO

KILLS = 200

WRITER = """
import sys, uuid
from pathlib import Path
from app.data.sqlite.db import connect
connection = connect(Path(sys.argv[1]))
connection.isolation_level = None
policy = sys.argv[2]
body = "x" * 2000  # large enough that a kill often lands inside a write
print("ready", flush=True)
while True:
    note = str(uuid.uuid4())
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at)"
        " VALUES (?, ?, '', ?, '[]', 0, '2026', '2026')", (note, policy, body))
    connection.execute("UPDATE policy SET summary = ? WHERE id = ?", (note, policy))
    connection.execute("COMMIT")
    print(note, flush=True)
"""


def test_no_acknowledged_write_is_lost_across_two_hundred_kills(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    workspace = Workspace.open(path, starter_data=False)
    policy_id, _ = editing.create_policy(workspace, PolicyInput(title="Target"))
    workspace.close()
    rng = random.Random(2026)
    acknowledged: list[str] = []
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), policy_id],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.02))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        acknowledged += [line.strip() for line in writer.stdout.read().splitlines() if line.strip()]
        writer.stdout.close()
    connection = sqlite3.connect(path)
    present = {row[0] for row in connection.execute("SELECT id FROM note")}
    lost = [note for note in acknowledged if note not in present]
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert len(acknowledged) > KILLS  # the writers did get work done between kills
    print(f"{KILLS} kills, {len(acknowledged)} acknowledged writes, {len(lost)} lost")
    assert lost == []
