"""Export in every format from the command line; import bundles and CSV with a preview first."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from app.services.workspace import Workspace
from tests.cli.helpers import assert_one_line_error, export_csv, rewrite_csv, run


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx", "csv", "json"])
def test_every_starter_policy_exports_in_every_format(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"all.{fmt}"
    code, out, err = run(
        capsys, "export", "--format", fmt, "--all", "-o", str(target), "--workspace", str(workspace_path)
    )
    assert (code, err) == (0, "")
    assert out.startswith("Exported 12 policies to")
    assert target.stat().st_size > 10_000
    if fmt == "csv":
        assert target.with_name("all-events.csv").exists()


def test_export_scopes(capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path) -> None:
    ws = str(workspace_path)
    run(
        capsys,
        "export",
        "--format",
        "csv",
        "--status",
        "Expired",
        "-o",
        str(tmp_path / "e.csv"),
        "--workspace",
        ws,
    )
    with (tmp_path / "e.csv").open(encoding="utf-8-sig") as stream:
        assert {row["current_status"] for row in csv.DictReader(stream)} == {"Expired"}
    run(
        capsys,
        "export",
        "--format",
        "md",
        "--search",
        "Mérida",
        "--policy",
        "x",
        "-o",
        str(tmp_path / "x.md"),
        "--workspace",
        ws,
    )
    assert not (tmp_path / "x.md").exists()
    code, out, err = run(
        capsys,
        "export",
        "--format",
        "md",
        "--search",
        "xylophonequartz",
        "-o",
        str(tmp_path / "none.md"),
        "--workspace",
        ws,
    )
    assert_one_line_error(code, out, err, "No policies match")


def _titles(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    rows = dict(connection.execute("SELECT slug, title FROM policy").fetchall())
    connection.close()
    return rows


def test_import_dry_run_shows_what_would_change_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    ws = str(workspace_path)
    bundle_path = tmp_path / "b.json"
    run(
        capsys,
        "export",
        "--format",
        "json",
        "--policy",
        "title-42",
        "-o",
        str(bundle_path),
        "--workspace",
        ws,
    )
    bundle = json.loads(bundle_path.read_text())
    bundle["policies"][0]["summary"] = "A summary from a colleague."
    bundle_path.write_text(json.dumps(bundle))
    run(capsys, "add-note", "title-42", "--text", "mine", "--workspace", ws)
    # Edited here after the bundle was made: importing would replace a newer version.
    connection = sqlite3.connect(workspace_path)
    connection.execute("UPDATE policy SET updated_at = '2099-01-01T00:00:00Z' WHERE slug = 'title-42'")
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "import", str(bundle_path), "--dry-run", "--workspace", ws)
    assert code == 0 and "would have: added nothing; updated" in out and "1 policies" in out
    assert "would replace your newer version of policy “Title 42 expulsions”" in out
    assert _titles(workspace_path)["title-42"] == "Title 42 expulsions"
    code, out, _ = run(capsys, "import", str(bundle_path), "--workspace", ws)
    assert code == 0 and "Imported" in out
    connection = sqlite3.connect(workspace_path)
    assert connection.execute("SELECT summary FROM policy WHERE slug = 'title-42'").fetchone() == (
        "A summary from a colleague.",
    )
    connection.close()


def test_csv_round_trip_into_an_empty_workspace(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    export_csv(capsys, workspace_path, tmp_path / "t.csv")
    empty = tmp_path / "empty.sqlite"
    Workspace.open(empty, starter_data=False).close()
    code, out, _ = run(capsys, "import", str(tmp_path / "t.csv"), "--workspace", str(empty))
    assert code == 0 and "added 12 policies" in out
    code, out, _ = run(capsys, "import", str(tmp_path / "t-events.csv"), "--workspace", str(empty))
    assert code == 0 and "added 139 events" in out
    code, out, _ = run(capsys, "import", str(tmp_path / "t-events.csv"), "--workspace", str(empty))
    assert out.endswith(": nothing to change\n")  # importing twice adds nothing
    assert _titles(empty) == _titles(workspace_path)
    code, out, _ = run(capsys, "list", "--json", "--workspace", str(empty))
    statuses = {p["slug"]: p["current_status"] for p in json.loads(out)["policies"]}
    code, out, _ = run(capsys, "list", "--json", "--workspace", str(workspace_path))
    assert statuses == {p["slug"]: p["current_status"] for p in json.loads(out)["policies"]}


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("status", "Paused", "row 3, status: “Paused” is not one of"),
        ("date", "2023-02-30", "row 3, date: “2023-02-30” is not a real date"),
        ("policy_slug", "nowhere", "row 3, policy_slug: no policy “nowhere”"),
    ],
)
def test_a_bad_csv_row_is_named_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str],
    workspace_path: Path,
    tmp_path: Path,
    column: str,
    value: str,
    words: str,
) -> None:
    ws = str(workspace_path)
    run(
        capsys,
        "export",
        "--format",
        "csv",
        "--policy",
        "texas-sb4",
        "-o",
        str(tmp_path / "s.csv"),
        "--workspace",
        ws,
    )
    events = tmp_path / "s-events.csv"

    def spoil(rows: list[dict[str, str]]) -> None:
        for row in rows:
            row["description"] += " (imported copy)"
        rows[1][column] = value

    rewrite_csv(events, spoil)
    connection = sqlite3.connect(workspace_path)
    before = connection.execute("SELECT count(*) FROM status_event").fetchone()
    connection.close()
    code, out, err = run(capsys, "import", str(events), "--workspace", ws)
    assert_one_line_error(code, out, err, words)
    assert str(events) in err
    connection = sqlite3.connect(workspace_path)
    assert connection.execute("SELECT count(*) FROM status_event").fetchone() == before
    connection.close()


def test_a_csv_of_another_shape_is_refused(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.csv"
    other.write_text("name,age\nAda,36\n")
    assert_one_line_error(
        *run(capsys, "import", str(other), "--workspace", str(workspace_path)),
        "neither a policies table nor an events table",
    )
