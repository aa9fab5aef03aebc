"""Backups: daily at most once, 7 daily and 4 weekly kept, restore backs up first; damage and limits."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import DiskFull, InvalidInput, WorkspaceReadOnly
from app.services import backups, editing, integrity
from app.services.bundle_import import import_bundle
from app.services.cloud import sync_service
from app.services.inputs import NoteInput, PolicyInput, ValidationFailed
from app.services.workspace import Workspace


def _policies(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM policy").fetchone()[0])


def test_the_daily_backup_happens_at_most_once_a_day(workspace_path: Path) -> None:
    day = datetime(2026, 11, 23, 9, tzinfo=UTC)
    first = backups.daily_backup(workspace_path, now=day)
    assert first is not None and first.parent == backups.backup_dir(workspace_path)
    assert backups.daily_backup(workspace_path, now=day + timedelta(hours=5)) is None
    assert backups.daily_backup(workspace_path, now=day + timedelta(days=1)) is not None
    listed = backups.list_backups(workspace_path)
    assert len(listed) == 2 and listed[0].policies == 12 and listed[0].sources > 100
    assert "12 policies, 0 notes" in listed[0].describe()


def test_the_rotation_keeps_seven_daily_and_four_weekly() -> None:
    today = date(2026, 11, 23)
    taken = [
        datetime(2026, 11, 23, 12, tzinfo=UTC) - timedelta(days=n, hours=h) for n in range(90) for h in (0, 6)
    ]
    keep = backups.to_keep(taken, today)
    days = sorted({k.date() for k in keep}, reverse=True)
    assert days[:7] == [today - timedelta(days=n) for n in range(7)]
    assert len(keep) == 11  # one a day for 7 days, then one a week for 4 weeks
    assert len({k.isocalendar()[:2] for k in keep if k.date() < days[6]}) == 4
    assert all(k == max(t for t in taken if t.date() == k.date()) for k in keep)  # the newest of each day


def test_pruning_deletes_what_the_rotation_drops(workspace_path: Path) -> None:
    start = datetime(2026, 9, 1, 8, tzinfo=UTC)
    for n in range(40):
        backups.back_up(workspace_path, now=start + timedelta(days=n))
    backups.prune(workspace_path, today=(start + timedelta(days=39)).date())
    assert len(list(backups.backup_dir(workspace_path).glob("*.sqlite"))) == 11


def test_restore_backs_up_the_current_file_first(workspace_path: Path) -> None:
    saved = backups.back_up(workspace_path)
    workspace = Workspace.open(workspace_path)
    editing.create_policy(workspace, PolicyInput(title="Added after the backup"))
    workspace.close()
    assert _policies(workspace_path) == 13
    safety = backups.restore(workspace_path, saved)
    assert _policies(workspace_path) == 12 and _policies(safety) == 13
    assert integrity.check(workspace_path) is None


def test_a_bad_backup_is_refused_and_the_workspace_kept(workspace_path: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a database")
    with pytest.raises(Exception, match="not a backup"):
        backups.restore(workspace_path, bogus)
    assert _policies(workspace_path) == 12


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 40), 997):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def test_damage_is_found_and_the_damaged_file_moved_aside_not_deleted(workspace_path: Path) -> None:
    workspace = Workspace.open(workspace_path)
    workspace.reader.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    workspace.close()
    _damage(workspace_path)
    problem = integrity.check(workspace_path, thorough=True)
    assert problem is not None and "damaged" in problem
    moved = integrity.move_aside(workspace_path)
    assert moved.exists() and not workspace_path.exists() and ".damaged-" in moved.name


def test_a_non_sqlite_header_is_reported_as_not_a_workspace(tmp_path: Path) -> None:
    bogus = tmp_path / "w.sqlite"
    bogus.write_bytes(b"\x00" * 8192)
    assert "not a Policy Tracker workspace" in (integrity.check(bogus) or "")


def test_a_read_only_workspace_refuses_edits_in_words_and_changes_nothing(workspace_path: Path) -> None:
    from sqlalchemy import event

    workspace = Workspace.open(workspace_path)
    event.listen(workspace.engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA query_only = ON"))
    with pytest.raises(WorkspaceReadOnly, match="cannot be written"):
        editing.create_policy(workspace, PolicyInput(title="Cannot be saved"))
    workspace.close()
    assert _policies(workspace_path) == 12


def test_a_full_disk_refuses_edits_in_words_and_changes_nothing(workspace_path: Path) -> None:
    from sqlalchemy import event

    workspace = Workspace.open(workspace_path)
    pages = workspace.reader.execute("PRAGMA page_count").fetchone()[0]
    event.listen(
        workspace.engine, "connect", lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count = {pages}")
    )
    policy_id = workspace.reader.execute("SELECT id FROM policy LIMIT 1").fetchone()[0]
    with pytest.raises(DiskFull, match="disk is full"):
        for _ in range(50):
            editing.add_note(workspace, policy_id, NoteInput("y" * 150_000))
    workspace.close()
    with sqlite3.connect(workspace_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_oversized_input_is_refused_in_words(workspace: Workspace, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    with pytest.raises(InvalidInput, match="too large to import"):
        import_bundle(workspace, huge)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InvalidInput, match="nested too deeply"):
        import_bundle(workspace, deep)
    with pytest.raises(ValidationFailed, match="too long"):
        editing.add_note(
            workspace,
            workspace.reader.execute("SELECT id FROM policy").fetchone()[0],
            NoteInput("z" * 1_048_576),
        )


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/ana/Dropbox/work/workspace.sqlite", "Dropbox"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/ws.sqlite", "iCloud Drive"),
        ("C:/Users/ana/OneDrive - Example Org/ws.sqlite", "OneDrive"),
        ("/Users/ana/Google Drive/My Drive/ws.sqlite", "Google Drive"),
        ("/home/ana/.local/share/policy-tracker/workspace.sqlite", None),
        ("/home/ana/dropboxes/ws.sqlite", None),
    ],
)
def test_synced_folders_are_recognised(path: str, service: str | None) -> None:
    assert sync_service(Path(path)) == service
