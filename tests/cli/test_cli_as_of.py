"""`policy-tracker as-of DATE`: the starter data as it stood on a day, as JSON and as a table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, assert_refused, cli, run


def test_as_of_json_on_1_june_2021(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    code, out, err = run(capsys, "as-of", "2021-06-01", "--json", "--workspace", str(workspace_path))
    assert (code, err) == (0, "")
    answer = json.loads(out)
    assert answer["date"] == "2021-06-01"
    by_slug = {p["slug"]: p for p in answer["policies"]}
    assert {"slug", "title", "status", "since", "certain"} <= set(by_slug["title-42"])
    assert by_slug["title-42"]["status"] == "in_effect"
    assert by_slug["title-42"]["since"] == "2021-01-29"
    assert by_slug["title-42"]["certain"] is True
    assert "texas-sb4" not in by_slug  # not yet proposed
    assert "asylum-restrictions-2023" not in by_slug


def test_as_of_status_filter_and_uncertain_rows(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    code, out, _ = run(
        capsys, "as-of", "2023-06-01", "--status", "Expired", "--json", "--workspace", str(workspace_path)
    )
    assert code == 0
    assert [p["slug"] for p in json.loads(out)["policies"]] == ["title-42"]
    code, out, _ = run(capsys, "as-of", "2026-04-15", "--workspace", str(workspace_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "As of 15 Apr 2026:"
    at = next(n for n, line in enumerate(lines) if line.startswith("texas-sb4 "))
    assert "Blocked by court" in lines[at]
    assert "uncertain: may already be Under litigation (Apr 2026)" in lines[at + 1]
    code, out, _ = run(capsys, "as-of", "1990-01-01", "--workspace", str(workspace_path))
    assert (code, out) == (0, "No policies on 1 Jan 1990.\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["2021-02-30"], "is not a real date"),
        (["2021-06"], "give the full date, YYYY-MM-DD"),
        (["June 2021"], "is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
        (["9999-01-01"], "outside the years Policy Tracker records"),
        (["2021-06-01", "--status", "asleep"], "Unknown status"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    target = tmp_path / "never-made.sqlite"
    code, out, err = run(capsys, "as-of", *argv, "--workspace", str(target))
    assert code == 1
    assert_one_line_error(code, out, err, message)
    assert not target.exists()  # refused before the workspace was opened (or made)


def test_the_real_command(tmp_path: Path, workspace_path: Path) -> None:
    done = cli(tmp_path, "as-of", "2023-06-01", "--status", "expired", "--workspace", str(workspace_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "As of 1 Jun 2023:"
    assert done.stdout.splitlines()[1].startswith("title-42 ")
    assert_refused(
        cli(tmp_path, "as-of", "2023-6-1", "--workspace", str(workspace_path)), "“2023-6-1” is not a date"
    )
