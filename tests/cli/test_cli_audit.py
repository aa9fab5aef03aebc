"""`policy-tracker audit`: the citation audit as text and as JSON, and its setting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, run


def test_audit_json_lists_items_per_policy(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    code, out, err = run(capsys, "audit", "--json", "--workspace", str(workspace_path))
    assert (code, err) == (0, "")
    answer = json.loads(out)
    assert answer["not_verified_after_days"] == 180
    by_slug = {p["slug"]: p for p in answer["policies"]}
    assert len(by_slug) == 12
    items = by_slug["title-42"]["items"]
    assert {"kind", "entry", "id", "what", "detail"} <= set(items[0])
    assert {"kind": "unconfirmed", "entry": "event", "what": "2025-02-19 Expired"}.items() <= next(
        i for i in items if i["kind"] == "unconfirmed"
    ).items()


def test_audit_text_for_one_policy_and_a_day_count(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        "audit",
        "--policy",
        "texas-sb4",
        "--not-verified-after",
        "1",
        "--workspace",
        str(workspace_path),
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "texas-sb4  Texas SB 4 (illegal entry as a state crime)"
    assert "  Unconfirmed: 2026-05-29 In effect" in lines
    assert lines[-1].startswith("In all: ") and "Unconfirmed: 2" in lines[-1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--not-verified-after", "0"], "must be 1 to 36,500"),
        (["--policy", "no-such-policy"], "No policy with the slug “no-such-policy”"),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "audit", *argv, "--workspace", str(workspace_path))
    assert code == 1
    assert_one_line_error(code, out, err, message)
