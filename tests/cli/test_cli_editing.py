"""Scripted entry: the add-* commands validate like the editors and print what they made."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.cli.helpers import assert_one_line_error, run
from tests.conftest import REPO


def _policy(capsys: pytest.CaptureFixture[str], workspace: Path, slug: str) -> dict[str, object]:
    code, _, _ = run(
        capsys,
        "export",
        "--format",
        "json",
        "--include-notes",
        "-o",
        str(workspace.parent / "x.json"),
        "--policy",
        slug,
        "--workspace",
        str(workspace),
    )
    assert code == 0
    return json.loads((workspace.parent / "x.json").read_text())["policies"][0]


def test_add_policy_source_event_and_note(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    ws = str(workspace_path)
    code, out, _ = run(
        capsys,
        "add-policy",
        "--title",
        "Border Wall Funding Act",
        "--jurisdiction",
        "US federal",
        "--kind",
        "bill",
        "--workspace",
        ws,
    )
    assert (code, out.strip()) == (0, "border-wall-funding-act")
    code, out, _ = run(
        capsys,
        "add-source",
        "--title",
        "Bill text",
        "--date",
        "2024-03",
        "--url",
        "https://www.congress.gov/",
        "--policy",
        "border-wall-funding-act",
        "--workspace",
        ws,
    )
    assert code == 0
    source_id = out.strip()
    code, out, _ = run(
        capsys,
        "add-event",
        "border-wall-funding-act",
        "--date",
        "2024-03-05",
        "--status",
        "Proposed",
        "--source",
        source_id,
        "--workspace",
        ws,
    )
    assert code == 0
    code, out, _ = run(
        capsys,
        "add-note",
        "border-wall-funding-act",
        "--text",
        "Watch the *markup*.",
        "--tag",
        "watch",
        "--workspace",
        ws,
    )
    assert code == 0
    policy = _policy(capsys, workspace_path, "border-wall-funding-act")
    assert policy["current_status"] == "proposed"
    assert policy["events"][0]["source_ids"] == [source_id]
    assert [n["body"] for n in policy["notes"]] == ["Watch the *markup*."]


def test_add_note_reads_standard_input(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("From a pipe.\n"))
    code, _, _ = run(capsys, "add-note", "title-42", "--workspace", str(workspace_path))
    assert code == 0
    assert "From a pipe." in [n["body"] for n in _policy(capsys, workspace_path, "title-42")["notes"]]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["add-policy", "--title", " "], "Title: is required"),
        (["add-policy", "--title", "X", "--slug", "title-42"], "already used"),
        (["add-policy", "--title", "X", "--kind", "decree-law"], "Kind: choose one of"),
        (["add-source", "--title", "X", "--url", "ftp://x.org"], "Url: must be a web address"),
        (["add-source", "--title", "X", "--date", "2024-02-30"], "not a real date"),
        (["add-source", "--title", "X", "--policy", "nope"], "No policy with the slug “nope”"),
        (["add-event", "title-42", "--date", "2023-13", "--status", "expired"], "no month 13"),
        (["add-event", "title-42", "--date", "2023", "--status", "vanished"], "Status: choose one of"),
        (["add-event", "nope", "--date", "2023", "--status", "expired"], "No policy with the slug"),
        (
            [
                "add-event",
                "title-42",
                "--date",
                "2023",
                "--status",
                "expired",
                "--source",
                "00000000-0000-4000-8000-000000000000",
            ],
            "no longer exists",
        ),
        (["add-note", "title-42", "--text", "   "], "write something"),
    ],
)
def test_bad_entries_are_refused_and_change_nothing(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, argv: list[str], words: str
) -> None:
    before = _counts(workspace_path)
    assert_one_line_error(*run(capsys, *argv, "--workspace", str(workspace_path)), words)
    assert _counts(workspace_path) == before


def _counts(path: Path) -> list[int]:
    import sqlite3

    connection = sqlite3.connect(path)
    tables = ("policy", "source", "status_event", "note", "excerpt", "event_citation")
    counts = [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]
    connection.close()
    return counts


_EDIT_THEN_HANG = """
import sys, time
from pathlib import Path
from app.services.editing import add_event
from app.services.inputs import EventInput
from app.services.workspace import Workspace
workspace = Workspace.open(Path(sys.argv[1]))
add_event(workspace, workspace.store.policy_id_for_slug("title-42") or "",
          EventInput("2026-11", "in_effect", "Killed right after this edit"))
print("saved", flush=True)
time.sleep(60)
"""


def test_an_edit_survives_the_process_being_killed_right_after(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _EDIT_THEN_HANG, str(workspace_path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "saved"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    code, out, _ = run(capsys, "show", "title-42", "--workspace", str(workspace_path))
    assert code == 0 and "Killed right after this edit" in out
    assert main(["list", "--status", "in_effect", "--json", "--workspace", str(workspace_path)]) == 0
    assert "title-42" in capsys.readouterr().out
