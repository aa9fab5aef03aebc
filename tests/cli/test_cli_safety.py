"""backup, restore and check from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, run


def test_backup_list_restore_and_check(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    ws = str(workspace_path)
    code, out, _ = run(capsys, "backup", "--workspace", ws)
    assert code == 0 and out.startswith("Backed up workspace.sqlite to ")
    code, out, _ = run(capsys, "backup", "-o", str(tmp_path / "copy.sqlite"), "--workspace", ws)
    assert code == 0 and (tmp_path / "copy.sqlite").exists()
    code, out, _ = run(capsys, "backup", "--list", "--workspace", ws)
    assert code == 0 and "12 policies" in out
    run(capsys, "add-policy", "--title", "Later", "--workspace", ws)
    code, out, _ = run(capsys, "restore", "latest", "--workspace", ws)
    assert code == 0 and "the replaced version was backed up" in out
    code, out, _ = run(capsys, "list", "--json", "--workspace", ws)
    assert '"later"' not in out
    code, out, _ = run(capsys, "check", "--workspace", ws)
    assert code == 0 and "no damage found" in out


def test_check_reports_a_damaged_workspace(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    from tests.damage import damage

    damage(workspace_path)
    workspace_path.with_name(workspace_path.name + "-wal").unlink(missing_ok=True)
    code, out, err = run(capsys, "check", "--workspace", str(workspace_path))
    assert code == 1 and out == "" and err.count("\n") == 1 and "damaged" in err


def test_restore_refuses_what_is_not_a_backup(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("nope")
    assert_one_line_error(
        *run(capsys, "restore", str(bogus), "--workspace", str(workspace_path)), "not a backup"
    )
    assert_one_line_error(
        *run(capsys, "restore", str(tmp_path / "missing.sqlite"), "--workspace", str(workspace_path)),
        "There is no backup file",
    )


def _titles(path: Path) -> set[str]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT title FROM policy")}


def test_restore_is_refused_in_one_line_while_a_window_holds_the_workspace(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    from tests.e2e.processes import held_by_another_process

    ws = str(workspace_path)
    run(capsys, "backup", "--workspace", ws)
    run(capsys, "add-policy", "--title", "Saved while the window is open", "--workspace", ws)
    with held_by_another_process(workspace_path) as window:
        code, out, err = run(capsys, "restore", "latest", "--workspace", ws)
        assert_one_line_error(
            code, out, err, f"workspace.sqlite is open in another Policy Tracker window (process {window.pid}"
        )
        assert "close it first, or restore from its File menu. Nothing was changed" in err
    assert "Saved while the window is open" in _titles(workspace_path)


def test_restore_latest_repairs_a_damaged_workspace(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    from tests.damage import damage

    ws = str(workspace_path)
    run(capsys, "backup", "--workspace", ws)
    damage(workspace_path)
    workspace_path.with_name(workspace_path.name + "-wal").unlink(missing_ok=True)
    code, out, err = run(capsys, "restore", "latest", "--workspace", ws)
    assert (code, err) == (0, "") and "the damaged file was kept as " in out
    assert len(list(workspace_path.parent.glob("workspace.damaged-*.sqlite"))) == 1
    code, out, _ = run(capsys, "check", "--workspace", ws)
    assert code == 0 and "no damage found" in out


def test_backup_list_marks_safety_copies_and_a_symlink_finds_the_same_backups(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link-folder" / "shortcut.sqlite"
    link.parent.mkdir()
    link.symlink_to(workspace_path)
    run(capsys, "backup", "--workspace", str(link))
    code, _, _ = run(capsys, "restore", "latest", "--workspace", str(link))
    assert code == 0 and link.is_symlink()
    code, through_link, _ = run(capsys, "backup", "--list", "--workspace", str(link))
    code, direct, _ = run(capsys, "backup", "--list", "--workspace", str(workspace_path))
    assert through_link == direct and direct.count("\n") == 2
    assert "(safety copy made before a restore)" in direct.splitlines()[0]


def test_command_line_backups_are_rotated(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from app.services import backups

    start = datetime.now(UTC) - timedelta(days=40)
    for n in range(40):
        backups.back_up(workspace_path, now=start + timedelta(days=n))
    code, _, _ = run(capsys, "backup", "--workspace", str(workspace_path))
    assert code == 0
    assert len(list(backups.backup_dir(workspace_path).glob("*.sqlite"))) == 11  # 7 daily and 4 weekly
