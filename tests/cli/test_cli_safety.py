"""backup, restore and check from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import _assert_one_line_error, run


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
    from tests.services.test_backups import _damage

    _damage(workspace_path)
    workspace_path.with_name(workspace_path.name + "-wal").unlink(missing_ok=True)
    code, out, err = run(capsys, "check", "--workspace", str(workspace_path))
    assert code == 1 and out == "" and err.count("\n") == 1 and "damaged" in err


def test_restore_refuses_what_is_not_a_backup(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("nope")
    _assert_one_line_error(
        *run(capsys, "restore", str(bogus), "--workspace", str(workspace_path)), "not a backup"
    )
    _assert_one_line_error(
        *run(capsys, "restore", str(tmp_path / "missing.sqlite"), "--workspace", str(workspace_path)),
        "There is no backup file",
    )
