"""Kill a process at random moments while it edits: every change has its record, every record its
change, and the file always opens.

The writer runs the real operations (app.services.operations) in a loop, undoing one now and
then, and acknowledges each after it returned. After every kill the workspace is opened as the
app opens it; at the end, for every entry, its last record's "after" is what the entry is now
(a record without its change would show a state the entry never reached; a change without its
record, a state no record shows), and every acknowledged operation is in the history.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.data.change_log import states_of
from app.data.details import ChangeQuery
from app.domain.vocab import ChangeKind
from app.services.workspace import Workspace
from tests.conftest import REPO

KILLS = 24

WRITER = """
import random, sys
from pathlib import Path
from app.services import operations as ops
from app.services.inputs import EventInput, NoteInput, PolicyInput, SourceInput
from app.services.workspace import Workspace

ws = Workspace.open(Path(sys.argv[1]), starter_data=False)
rng = random.Random(int(sys.argv[2]))
policy_id = ws.store.policy_id_for_slug("target")
print("ready", flush=True)
last = None
n = 0
while True:
    n += 1
    tag = f"{sys.argv[2]}-{n}"
    choice = rng.randrange(7)
    if choice == 0:
        last = ops.add_source(ws, SourceInput(title=f"Source {tag}", excerpts=[f"A {tag}", f"B {tag}"]), policy_id)
        print("source", last.result, flush=True)
        continue
    if choice == 1:
        last = ops.add_event(ws, policy_id, EventInput(date="2021-05", status="enacted", description=tag))
        print("event", last.result, flush=True)
        continue
    if choice == 2:
        last = ops.add_note(ws, policy_id, NoteInput(body=f"Note {tag} " + "x" * 500))
        print("note", last.result, flush=True)
        continue
    if choice == 3:
        last = ops.edit_policy(ws, policy_id, PolicyInput(title=f"Target {tag}", slug="target", summary=tag))
        print("policy", policy_id, flush=True)
        continue
    if choice == 4:
        last = ops.add_policy(ws, PolicyInput(title=f"Other {tag}"))
        print("policy", last.result[0], flush=True)
        continue
    if choice == 5 and last is not None:
        last = last.undo()
        print("undo", last.done_as, flush=True)
        continue
    if choice == 6 and rng.random() < 0.5:
        sources = [s.id for s in ws.store.all_sources()]
        if sources:
            source_id = rng.choice(sources)
            excerpts = [f"A {tag}", f"kept {sys.argv[2]}"] if rng.random() < 0.5 else [f"kept {sys.argv[2]}"]
            last = ops.edit_source(ws, source_id, SourceInput(title=f"Edited {tag}", excerpts=excerpts))
            print("source", source_id, flush=True)
            continue
    if last is not None:
        added = ops.add_note(ws, policy_id, NoteInput(body=f"To trash {tag}"))
        last = ops.set_trashed(ws, "note", added.result, True)
        print("note", added.result, flush=True)
"""


def test_every_change_keeps_its_record_across_kills(tmp_path: Path) -> None:
    from app.services import editing
    from app.services.inputs import PolicyInput

    path = tmp_path / "history.sqlite"
    workspace = Workspace.open(path, starter_data=False)
    editing.create_policy(workspace, PolicyInput(title="Target", slug="target"))
    workspace.close()
    rng = random.Random(20)
    acknowledged: list[tuple[str, str]] = []
    for kill in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(kill)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.01, 0.25))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=10)
        # A line the kill cut short was not acknowledged (the operation may or may not have committed).
        lines = [line.split() for line in writer.stdout.read().splitlines()]
        acknowledged += [(parts[0], parts[1]) for parts in lines if len(parts) == 2]
        writer.stdout.close()
        Workspace.open(path).close()  # the file opens after every kill, as the app opens it

    workspace = Workspace.open(path)
    try:
        assert workspace.store.check_integrity(thorough=True) is None
        records = workspace.store.changes(ChangeQuery())
        last_after: dict[tuple[str, str], object] = {}
        for record in records:
            last_after[(record.kind, record.entry_id)] = record.after
        with workspace.session() as session:
            for kind in ChangeKind:
                recorded = [entry for (k, entry) in last_after if k == kind]
                model_ids = _ids(workspace, kind)
                now = states_of(session, kind, sorted(set(recorded) | model_ids))
                # No change without its record: every entry there is has one.
                assert model_ids <= set(recorded), f"{kind}: entries without a record"
                # No record without its change: the last record says what the entry is now.
                for entry in recorded:
                    assert last_after[(kind, entry)] == now.get(entry), (
                        f"{kind} {entry}: record and entry differ"
                    )
        recorded_entries = {entry for (_kind, entry) in last_after}
        for kind, entry in [a for a in acknowledged if a[0] != "undo"]:
            assert entry in recorded_entries, f"acknowledged {kind} {entry} has no record"
        sources = [a[1] for a in acknowledged if a[0] == "undo"]
        history_sources = {r.source for r in records}
        if "undo" in sources:
            assert "undo" in history_sources
        if "redo" in sources:
            assert "redo" in history_sources
    finally:
        workspace.close()
    print(f"{KILLS} kills, {len(acknowledged)} acknowledged operations, {len(records)} records")
    assert len(acknowledged) > KILLS  # the writers did work between kills


def _ids(workspace: Workspace, kind: ChangeKind) -> set[str]:
    table = {
        ChangeKind.POLICY: "policy",
        ChangeKind.EVENT: "status_event",
        ChangeKind.SOURCE: "source",
        ChangeKind.EXCERPT: "excerpt",
        ChangeKind.NOTE: "note",
        ChangeKind.RELATION: "relation",
        ChangeKind.FIGURE: "figure",
    }[kind]
    return {row[0] for row in workspace.store.connection.execute(f"SELECT id FROM {table}")}
