"""The command line over the same services: output, and bad input refused in one line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main
from tests.cli.helpers import assert_one_line_error, run
from tests.conftest import REPO

FIVE = {"remain-in-mexico", "title-42", "merida-initiative", "bicentennial-framework", "texas-sb4"}


def test_list_json_names_every_starter_policy(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    code, out, _ = run(capsys, "list", "--json", "--workspace", str(workspace_path))
    assert code == 0
    policies = json.loads(out)["policies"]
    assert {p["slug"] for p in policies} >= FIVE
    for policy in policies:
        assert {"slug", "title", "aliases", "jurisdiction", "current_status", "last_change"} <= set(policy)
        assert policy["current_status"] and policy["last_change"]


def test_list_filters_by_status_given_as_label(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    code, out, _ = run(capsys, "list", "--status", "Terminated", "--json", "--workspace", str(workspace_path))
    assert code == 0
    statuses = {p["current_status"] for p in json.loads(out)["policies"]}
    assert statuses <= {"terminated"}


def test_list_search_and_plain_table(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    code, out, _ = run(capsys, "list", "--search", "Mérida", "--workspace", str(workspace_path))
    assert code == 0
    assert "merida-initiative" in out
    code, out, _ = run(capsys, "list", "--search", "zzzqqq", "--workspace", str(workspace_path))
    assert (code, out.strip()) == (0, "No policies match.")


def test_workspace_from_the_environment(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICY_TRACKER_WORKSPACE", str(workspace_path))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "title-42" in out


def test_show_prints_summary_history_sources_and_notes(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    code, out, _ = run(capsys, "show", "title-42", "--workspace", str(workspace_path))
    assert code == 0
    for heading in ("Summary", "History", "Sources", "Notes", "Current status:"):
        assert heading in out
    assert "2023" in out


def test_export_json_on_a_new_workspace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out" / "all.json"
    code, out, _ = run(
        capsys, "export", "--format", "json", "-o", str(target), "--workspace", str(tmp_path / "fresh.sqlite")
    )
    assert code == 0 and "Exported" in out
    bundle = json.loads(target.read_text())
    by_slug = {p["slug"]: p for p in bundle["policies"]}
    assert set(by_slug) >= FIVE
    source_ids = {s["id"] for s in bundle["sources"]}
    for slug in FIVE:
        events = by_slug[slug]["events"]
        assert len(events) >= 2, slug
        for event in events:
            assert event["date"] and event["date_precision"] in {"day", "month", "year"}
            assert event["source_ids"] and set(event["source_ids"]) <= source_ids, (slug, event)


def test_export_selected_policies_then_import_elsewhere(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "two.json"
    code, _, _ = run(
        capsys,
        "export",
        "--format",
        "json",
        "-o",
        str(target),
        "--policy",
        "title-42",
        "--policy",
        "texas-sb4",
        "--workspace",
        str(workspace_path),
    )
    assert code == 0
    assert {p["slug"] for p in json.loads(target.read_text())["policies"]} == {"title-42", "texas-sb4"}
    other = tmp_path / "other.sqlite"
    from app.services.workspace import Workspace

    Workspace.open(other, starter_data=False).close()
    code, out, _ = run(capsys, "import", str(target), "--workspace", str(other))
    assert code == 0 and "added" in out
    code, out, _ = run(capsys, "list", "--json", "--workspace", str(other))
    assert {p["slug"] for p in json.loads(out)["policies"]} == {"title-42", "texas-sb4"}


def test_unknown_slug(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    assert_one_line_error(
        *run(capsys, "show", "no-such-policy", "--workspace", str(workspace_path)),
        "No policy with the slug “no-such-policy”",
    )
    assert_one_line_error(
        *run(
            capsys,
            "export",
            "--format",
            "json",
            "-o",
            "/tmp/x.json",
            "--policy",
            "nope",
            "--workspace",
            str(workspace_path),
        ),
        "“nope”",
    )


def test_unknown_status(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    assert_one_line_error(
        *run(capsys, "list", "--status", "paused", "--workspace", str(workspace_path)), "Unknown status"
    )


def _snapshot(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT id, title, updated_at FROM policy ORDER BY id").fetchall()
    connection.close()
    return rows


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("this is not json", "not a Policy Tracker bundle"),
        ('{"format": "policy-tracker-bundle", "format_version": 99}', "newer version of Policy Tracker"),
        ('{"hello": "world"}', "not a Policy Tracker bundle"),
    ],
)
def test_import_refuses_bad_files_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path, content: str, words: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    before = _snapshot(workspace_path)
    assert_one_line_error(*run(capsys, "import", str(bad), "--workspace", str(workspace_path)), words)
    assert _snapshot(workspace_path) == before


def test_import_of_a_missing_file(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    assert_one_line_error(
        *run(capsys, "import", "/nonexistent/b.json", "--workspace", str(workspace_path)), "Cannot read"
    )


def test_a_workspace_that_is_not_sqlite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my precious notes")
    assert_one_line_error(*run(capsys, "list", "--workspace", str(notes)), "not a Policy Tracker workspace")
    assert notes.read_text() == "my precious notes"


def test_an_sqlite_file_of_another_app(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE songs (title TEXT)")
    connection.commit()
    connection.close()
    assert_one_line_error(*run(capsys, "list", "--workspace", str(other)), "not a Policy Tracker workspace")


def test_an_unwritable_location(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    target = blocker / "sub" / "workspace.sqlite"  # a folder cannot be made inside a file, even by root
    assert_one_line_error(*run(capsys, "list", "--workspace", str(target)), "Cannot create")
    code, out, err = run(
        capsys,
        "export",
        "--format",
        "json",
        "-o",
        str(blocker / "x.json"),
        "--workspace",
        str(tmp_path / "w.sqlite"),
    )
    assert_one_line_error(code, out, err, "Cannot write")


def test_a_workspace_path_that_is_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_one_line_error(*run(capsys, "list", "--workspace", str(tmp_path)), "is a folder")


def test_version_and_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"policy-tracker {__version__}"
    for command in ([], ["list"], ["show"], ["export"], ["import"]):
        with pytest.raises(SystemExit) as stopped:
            main([*command, "--help"])
        assert stopped.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("usage: policy-tracker") and "--workspace" in out


def test_the_module_entry_point_runs_as_a_process(workspace_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "list", "--json", "--workspace", str(workspace_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert {p["slug"] for p in json.loads(result.stdout)["policies"]} >= FIVE
