"""`policy-tracker changes`: what changed, when and by whom, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, run
from tests.conftest import REPO


def test_changes_lists_edits_with_before_and_after_filtered_by_policy_and_date(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    ws = str(workspace_path)
    assert (
        run(capsys, "add-note", "title-42", "--text", "Check the monthly numbers", "--workspace", ws)[0] == 0
    )
    assert (
        run(
            capsys, "add-event", "texas-sb4", "--date", "2026-11", "--status", "in_effect", "--workspace", ws
        )[0]
        == 0
    )
    code, out, err = run(
        capsys, "changes", "--policy", "title-42", "--since", "2026-01-01", "--json", "--workspace", ws
    )
    assert code == 0, err
    found = json.loads(out)["changes"]
    notes = [c for c in found if c["kind"] == "note"]
    assert [c["summary"] for c in notes] == ["Added note “Check the monthly numbers”"]
    [note] = notes
    assert set(note) >= {"at", "who", "kind", "entry", "policy", "summary", "before", "after"}
    assert (
        note["policy"] == "title-42" and note["before"] is None and note["after"]["body"].startswith("Check")
    )
    assert note["who"] and note["source"] == "edit"
    assert all("title-42" in c["policies"] for c in found)
    assert not any(c["policy"] == "texas-sb4" for c in found)
    code, out, _ = run(capsys, "changes", "--since", "2999-01-01", "--json", "--workspace", ws)
    assert json.loads(out) == {"changes": []}
    code, out, _ = run(capsys, "changes", "--kind", "event", "--policy", "texas-sb4", "--workspace", ws)
    assert "Added status event “In effect” of 2026-11" in out and "texas-sb4" in out
    assert "note" not in out.lower()


def test_starter_data_is_listed_as_such(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    code, out, _ = run(
        capsys, "changes", "--policy", "title-42", "--kind", "policy", "--workspace", str(workspace_path)
    )
    assert code == 0
    assert "(starter data)  title-42  Added policy “Title 42 expulsions”" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--since", "last tuesday"], "“last tuesday” is not a date"),
        (["--since", "2026-02-30"], "not a date"),
        (["--policy", "no-such-policy"], "No policy with the slug “no-such-policy”"),
        (["--kind", "banana"], "“banana” is not a kind of entry"),
        (["--keep-days", "-5"], "not -5"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, argv: list[str], words: str
) -> None:
    before = workspace_path.read_bytes()
    assert_one_line_error(*run(capsys, "changes", *argv, "--workspace", str(workspace_path)), words)
    assert workspace_path.read_bytes() == before


def test_keep_days_is_remembered_by_the_workspace(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    ws = str(workspace_path)
    code, _out, err = run(capsys, "changes", "--keep-days", "500", "--since", "2999-01-01", "--workspace", ws)
    assert code == 0 and "keeps 500 days of changes" in err
    from app.services.changes import retention_days
    from app.services.workspace import Workspace

    workspace = Workspace.open(workspace_path)
    try:
        assert retention_days(workspace) == 500
    finally:
        workspace.close()


def test_the_installed_command_prints_the_json_it_promises(workspace_path: Path, tmp_path: Path) -> None:
    env = {
        "XDG_DATA_HOME": str(tmp_path / "d"),
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "changes",
            "--json",
            "--kind",
            "relation",
            "--workspace",
            str(workspace_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    relations = json.loads(done.stdout)["changes"]
    assert relations and {c["kind"] for c in relations} == {"relation"}
    assert all(len(c["policies"]) == 2 for c in relations)


def test_a_briefing_since_the_last_from_a_read_only_workspace_with_old_history(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    """Reading the last briefing's mark opens a transaction, which prunes old history first: on
    read-only media that write failed the whole export ("attempt to write a readonly database")."""
    import sqlite3

    from tests.read_only_media import read_only_copy

    ws = ["--workspace", str(workspace_path)]
    assert run(capsys, "export", "--format", "md", "-o", str(tmp_path / "a.md"), "--policy", "title-42",
               "--changes-since", "2026-01-01", *ws)[0] == 0  # fmt: skip
    connection = sqlite3.connect(workspace_path)
    connection.execute("UPDATE change_record SET at = '2001-01-01T00:00:00.000Z'")  # older than kept
    connection.commit()
    connection.close()
    with read_only_copy(workspace_path, tmp_path / "media") as read_only:
        out = tmp_path / "b.md"
        done = subprocess.run(
            [sys.executable, "-m", "app", "export", "--format", "md", "-o", str(out), "--policy", "title-42",
             "--changes-since", "last", "--workspace", str(read_only)],
            cwd=REPO, capture_output=True, text=True, timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "Nothing changed since" in out.read_text(encoding="utf-8")
