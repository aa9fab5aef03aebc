"""Running the command line in tests, in process and as the real command, and the one rule for its
refusals (one line on standard error, exit 1, no traceback); shared by every test that uses it."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from tests.conftest import REPO


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The command line in this process: its exit code, standard output and standard error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli(tmp_path: Path, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, as a person runs it, with private data and config folders."""
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_error(code: int, out: str, err: str, words: str) -> None:
    """A refusal in process: nothing on standard output, one plain line on standard error."""
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("policy-tracker: error: ")
    assert words in err
    assert "Traceback" not in err


def assert_refused(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """A refusal by the real command: exit 1, one plain line on standard error naming each fragment."""
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("policy-tracker: error: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def export_bundle(capsys: pytest.CaptureFixture[str], workspace_path: Path, target: Path) -> dict[str, Any]:
    """The workspace exported as a JSON bundle, read back."""
    code, _, _ = run(
        capsys, "export", "--format", "json", "-o", str(target), "--workspace", str(workspace_path)
    )
    assert code == 0
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def export_csv(capsys: pytest.CaptureFixture[str], workspace_path: Path, target: Path) -> Path:
    """Every policy exported as CSV (the policies file is `target`; events and notes are beside it)."""
    code, _, err = run(
        capsys, "export", "--format", "csv", "--all", "-o", str(target), "--workspace", str(workspace_path)
    )
    assert code == 0, err
    return target


def rewrite_csv(path: Path, change: Callable[[list[dict[str, str]]], None]) -> None:
    """Read a CSV export, let `change` edit its rows, and write it back as a spreadsheet would."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the workspace's entry tables, to show that a refused command changed nothing."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in (
                "policy",
                "status_event",
                "event_citation",
                "note",
                "source",
                "excerpt",
                "figure",
                "relation",
            )
        }
    finally:
        connection.close()
