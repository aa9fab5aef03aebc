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
from tests.damage import damage


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
    done = backups.restore(workspace_path, saved)
    assert done.safety_copy is not None and done.moved_aside is None
    assert _policies(workspace_path) == 12 and _policies(done.safety_copy) == 13
    assert integrity.check(workspace_path) is None


def test_a_bad_backup_is_refused_and_the_workspace_kept(workspace_path: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a database")
    with pytest.raises(Exception, match="not a backup"):
        backups.restore(workspace_path, bogus)
    assert _policies(workspace_path) == 12


def test_damage_is_found_and_the_damaged_file_moved_aside_not_deleted(workspace_path: Path) -> None:
    workspace = Workspace.open(workspace_path)
    workspace.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    workspace.close()
    damage(workspace_path)
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
    pages = workspace.store.connection.execute("PRAGMA page_count").fetchone()[0]
    event.listen(
        workspace.engine, "connect", lambda dbapi, _record: dbapi.execute(f"PRAGMA max_page_count = {pages}")
    )
    policy_id = workspace.store.connection.execute("SELECT id FROM policy LIMIT 1").fetchone()[0]
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
            workspace.store.connection.execute("SELECT id FROM policy").fetchone()[0],
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


# Restore: refused while another process holds the workspace; a failure changes nothing ------------------
def _titles(path: Path) -> set[str]:
    from contextlib import closing

    with closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT title FROM policy")}


def test_restore_is_refused_while_another_process_holds_the_workspace(workspace_path: Path) -> None:
    from app.data.workspace_lock import WorkspaceInUse, WorkspaceLock
    from tests.e2e.processes import held_by_another_process

    saved = backups.back_up(workspace_path)
    workspace = Workspace.open(workspace_path)
    editing.create_policy(workspace, PolicyInput(title="Saved by the window"))
    workspace.close()
    with held_by_another_process(workspace_path) as window:
        with pytest.raises(
            WorkspaceInUse, match=f"open in another Policy Tracker window \\(process {window.pid}"
        ):
            backups.restore(workspace_path, saved)
        assert "Saved by the window" in _titles(workspace_path)
        assert not backups.safety_dir(workspace_path).exists()  # refused before anything was written
    with WorkspaceLock(workspace_path):  # the window restoring its own workspace holds the lock itself
        backups.restore(workspace_path, saved)
    assert "Saved by the window" not in _titles(workspace_path)


def test_a_restore_that_runs_out_of_disk_changes_nothing(tmp_path: Path, workspace_path: Path) -> None:
    from contextlib import closing

    from tests.e2e.processes import fill, small_disk

    with small_disk(tmp_path / "disk", "8m") as disk:
        live = disk / "workspace.sqlite"
        live.write_bytes(workspace_path.read_bytes())
        saved = backups.back_up(live)  # into the data folder, which is not on the small disk
        with closing(sqlite3.connect(live)) as reader:  # an open reader keeps the edit in the -wal file
            reader.execute("SELECT count(*) FROM policy").fetchone()
            workspace = Workspace.open(live)
            editing.create_policy(workspace, PolicyInput(title="Acknowledged, still in the journal"))
            workspace.close()
            assert live.with_name("workspace.sqlite-wal").stat().st_size > 0
            fill(disk, leave=256 * 1024)
            with pytest.raises(DiskFull, match="disk is full"):
                backups.restore(live, saved)
        assert "Acknowledged, still in the journal" in _titles(live)
        assert integrity.check(live, thorough=True) is None
        assert sorted(p.name for p in disk.iterdir() if not p.name.startswith("workspace.sqlite")) == [
            "filler"
        ]
        assert [b.before_restore for b in backups.list_backups(live)] == [False]  # no misleading safety copy


def test_restore_latest_repairs_a_damaged_workspace(workspace_path: Path) -> None:
    backups.back_up(workspace_path)
    damage(workspace_path)
    workspace_path.with_name(workspace_path.name + "-wal").unlink(missing_ok=True)
    assert integrity.check(workspace_path) is not None
    done = backups.restore(workspace_path, backups.list_backups(workspace_path)[0].path)
    assert done.safety_copy is None and done.moved_aside is not None
    assert ".damaged-" in done.moved_aside.name and done.moved_aside.stat().st_size > 0
    assert integrity.check(workspace_path, thorough=True) is None and _policies(workspace_path) == 12


def test_a_symlinked_workspace_is_restored_in_its_real_place(tmp_path: Path, workspace_path: Path) -> None:
    link = tmp_path / "elsewhere" / "shortcut.sqlite"
    link.parent.mkdir()
    link.symlink_to(workspace_path)
    saved = backups.back_up(link)
    assert backups.backup_dir(link) == backups.backup_dir(workspace_path) == saved.parent
    workspace = Workspace.open(link)
    editing.create_policy(workspace, PolicyInput(title="After the backup"))
    workspace.close()
    backups.restore(link, saved)
    assert link.is_symlink() and link.resolve() == workspace_path
    assert "After the backup" not in _titles(workspace_path)
    assert [b.path for b in backups.list_backups(link)] == [
        b.path for b in backups.list_backups(workspace_path)
    ]
    assert len(backups.list_backups(link)) == 2  # the backup and the safety copy of the replaced version


def test_a_restore_can_be_undone_after_more_backups_for_30_days(workspace_path: Path) -> None:
    day = datetime(2026, 11, 23, 9, tzinfo=UTC)
    saved = backups.back_up(workspace_path, now=day)
    workspace = Workspace.open(workspace_path)
    editing.create_policy(workspace, PolicyInput(title="Undone by the restore"))
    workspace.close()
    done = backups.restore(workspace_path, saved, now=day + timedelta(hours=1))
    for hours in (2, 3):  # Back Up Now, twice, the same day: the rotation keeps one backup that day
        backups.back_up(workspace_path, now=day + timedelta(hours=hours))
        backups.prune(workspace_path, today=day.date())
    listed = backups.list_backups(workspace_path)
    safety = [b for b in listed if b.before_restore]
    assert [b.path for b in safety] == [done.safety_copy] and safety[0].policies == 13
    assert "(safety copy made before a restore)" in safety[0].describe()
    assert len([b for b in listed if not b.before_restore]) == 1
    backups.restore(workspace_path, safety[0].path)  # undo the restore
    assert "Undone by the restore" in _titles(workspace_path)
    assert done.safety_copy not in backups.prune(workspace_path, today=day.date() + timedelta(days=30))
    assert done.safety_copy in backups.prune(workspace_path, today=day.date() + timedelta(days=31))


def test_partial_files_of_killed_copies_are_removed_at_the_next_run(
    tmp_path: Path, workspace_path: Path
) -> None:
    import subprocess
    import sys

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(ended.stdout)
    running = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        folder, safety = backups.backup_dir(workspace_path), backups.safety_dir(workspace_path)
        safety.mkdir(parents=True)
        killed = [
            folder / f".2026-11-01T000000.000000.sqlite.{dead}.partial",
            safety / f".2026-11-01T000000.000000.sqlite.{dead}.partial",
            workspace_path.with_name(f".workspace.sqlite.{dead}.partial"),
        ]
        busy = folder / f".2026-11-02T000000.000000.sqlite.{running.pid}.partial"
        for partial in [*killed, busy]:
            partial.write_bytes(b"half a copy")
        backups.back_up(workspace_path)
        assert not killed[0].exists() and busy.exists()  # a copy still being written is left alone
        backups.restore(workspace_path, backups.list_backups(workspace_path)[0].path)
        assert not any(p.exists() for p in killed) and busy.exists()
    finally:
        running.kill()
        running.wait()
    assert busy in backups.prune(workspace_path)


def test_a_backup_with_another_page_size_is_restored(tmp_path: Path, workspace_path: Path) -> None:
    from contextlib import closing

    other = tmp_path / "other-page-size.sqlite"
    other.write_bytes(workspace_path.read_bytes())
    with closing(sqlite3.connect(other, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("PRAGMA page_size = 8192")
        connection.execute("VACUUM")
        connection.execute("UPDATE policy SET title = 'From the other backup' WHERE slug = 'title-42'")
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 8192
    backups.restore(workspace_path, other)
    assert "From the other backup" in _titles(workspace_path)
    with closing(sqlite3.connect(workspace_path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert integrity.check(workspace_path, thorough=True) is None


def test_backups_close_every_connection_they_open(workspace_path: Path) -> None:
    import gc
    import warnings

    gc.collect()
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)  # an unclosed sqlite3 connection warns when collected
        saved = backups.back_up(workspace_path)
        backups.list_backups(workspace_path)
        backups.restore(workspace_path, saved)
        backups.prune(workspace_path)
        gc.collect()
