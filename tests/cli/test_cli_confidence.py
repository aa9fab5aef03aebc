"""add-event --confidence/--disagreement and add-policy --last-verified, checked like the editors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, run
from tests.conftest import REPO


def _bundle(capsys: pytest.CaptureFixture[str], workspace: Path, slug: str) -> dict[str, object]:
    target = workspace.parent / "x.json"
    code, _, _ = run(
        capsys,
        "export",
        "--format",
        "json",
        "-o",
        str(target),
        "--policy",
        slug,
        "--workspace",
        str(workspace),
    )
    assert code == 0
    return json.loads(target.read_text(encoding="utf-8"))["policies"][0]


def test_add_event_with_confidence_and_disagreement(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    ws = str(workspace_path)
    code, out, _ = run(
        capsys, "add-policy", "--title", "Quokka Act", "--last-verified", "2026-12-05", "--workspace", ws
    )
    assert (code, out.strip()) == (0, "quokka-act")
    code, _, err = run(
        capsys,
        "add-event",
        "quokka-act",
        "--date",
        "2025-04-02",
        "--status",
        "Reinstated",
        "--description",
        "Declared reinstated.",
        "--confidence",
        "Unconfirmed",
        "--disagreement",
        "The ministry denies it.",
        "--workspace",
        ws,
    )
    assert (code, err) == (0, "")
    code, _, _ = run(
        capsys, "add-event", "quokka-act", "--date", "2024", "--status", "enacted", "--workspace", ws
    )
    assert code == 0
    policy = _bundle(capsys, workspace_path, "quokka-act")
    assert policy["last_verified"] == "2026-12-05"
    events = policy["events"]
    assert isinstance(events, list)
    assert [(e["status"], e["confidence"], e["disagreement"]) for e in events] == [
        ("enacted", "reported", ""),  # no sources cited: reported by default
        ("reinstated", "unconfirmed", "The ministry denies it."),
    ]
    code, out, _ = run(capsys, "show", "quokka-act", "--workspace", ws)
    assert code == 0
    assert "Last verified: 5 Dec 2026" in out
    assert "Reinstated (Unconfirmed)" in out
    assert "Where sources disagree: The ministry denies it." in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["add-event", "texas-sb4", "--date", "2024", "--status", "expired", "--confidence", "sure"],
            "Confidence:",
        ),
        (["add-policy", "--title", "X", "--last-verified", "2026-12"], "Last verified: give the full date"),
        (
            ["add-policy", "--title", "X", "--last-verified", "2100-01-01"],
            "Last verified: 2100-01-01 is in the future",
        ),
        (
            ["add-policy", "--title", "X", "--last-verified", "2999-01-01"],
            "Last verified: “2999-01-01” is outside the years Policy Tracker records",
        ),
    ],
)
def test_bad_values_are_one_line_errors_and_change_nothing(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, argv: list[str], words: str
) -> None:
    before = workspace_path.read_bytes()
    assert_one_line_error(*run(capsys, *argv, "--workspace", str(workspace_path)), words)
    assert workspace_path.read_bytes() == before


def test_the_real_process_refuses_a_bad_confidence(workspace_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = ["add-event", "texas-sb4", "--date", "2024", "--status", "expired", "--confidence", "maybe"]
    result = subprocess.run(
        [sys.executable, "-m", "app", *command, "--workspace", str(workspace_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        "policy-tracker: error: Confidence: choose one of: Confirmed, Reported, Unconfirmed"
    )
    assert result.stderr.count("\n") == 1
