"""Issue 15, part 5: the editors, the command line, JSON bundles and CSV tables refuse the same input.

Each defect is reproduced the way it was found: through the real `python -m app` process where a
person typed a command, and through `main()` for the many file variants (the same code, quicker).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from app.domain.dates import MAX_YEAR, PartialDate
from app.services.inputs import EventInput, PolicyInput, ValidationFailed
from app.services.workspace import Workspace
from tests.cli.helpers import (
    assert_one_line_error,
    assert_refused,
    cli,
    export_bundle,
    export_csv,
    rewrite_csv,
    run,
    table_rows,
)

OUT_OF_RANGE = "is outside the years Policy Tracker records"


def _counts(path: Path) -> tuple[int, ...]:
    connection = sqlite3.connect(path)
    try:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("policy", "status_event", "note", "figure", "source")
        )
    finally:
        connection.close()


# 1. Dates far in the future ------------------------------------------------------------------


def test_a_year_out_of_range_is_refused_by_the_command_line_and_the_exports_keep_working(
    tmp_path: Path, workspace_path: Path
) -> None:
    ws = str(workspace_path)
    refused = cli(
        tmp_path, "add-event", "title-42", "--date", "9999-12", "--status", "enacted", "--workspace", ws
    )
    assert_refused(refused, "9999-12", OUT_OF_RANGE)
    refused = cli(tmp_path, "add-source", "--title", "A report", "--date", "2201", "--workspace", ws)
    assert_refused(refused, OUT_OF_RANGE)
    accepted = cli(
        tmp_path,
        "add-event",
        "title-42",
        "--date",
        f"{MAX_YEAR}-12",
        "--status",
        "expired",
        "--workspace",
        ws,
    )
    assert accepted.returncode == 0, accepted.stderr
    exported = cli(
        tmp_path, "export", "--format", "md", "--all", "-o", str(tmp_path / "all.md"), "--workspace", ws
    )
    assert exported.returncode == 0, exported.stderr
    drawn = cli(
        tmp_path, "timeline", "--policy", "title-42", "-o", str(tmp_path / "t.svg"), "--workspace", ws
    )
    assert drawn.returncode == 0, drawn.stderr


def test_the_editors_refuse_the_same_years_with_the_same_message() -> None:
    with pytest.raises(ValidationFailed) as failure:
        EventInput("9999-12", "enacted").validated()
    assert OUT_OF_RANGE in failure.value.errors["date"]
    assert EventInput(f"{MAX_YEAR}-12-31", "enacted").validated().date == f"{MAX_YEAR}-12-31"


def test_a_stored_date_from_before_the_check_still_reads() -> None:
    # A workspace written by an older version may hold 9999-12; reading it must not crash.
    assert PartialDate.parse("9999-12").last_day().isoformat() == "9999-12-31"


def test_a_workspace_holding_far_dates_from_before_the_check_still_exports_and_draws(
    tmp_path: Path, workspace_path: Path
) -> None:
    connection = sqlite3.connect(workspace_path)
    policy_id = connection.execute("SELECT id FROM policy WHERE slug = 'title-42'").fetchone()[0]
    events = connection.execute(
        "SELECT id FROM status_event WHERE policy_id = ? ORDER BY date_sort DESC LIMIT 2", (policy_id,)
    ).fetchall()
    for (event_id,), (when, precision, first_day) in zip(
        events, [("9999-12-31", "day", "9999-12-31"), ("9999-12", "month", "9999-12-01")], strict=True
    ):
        connection.execute(
            "UPDATE status_event SET date = ?, date_precision = ?, date_sort = ? WHERE id = ?",
            (when, precision, first_day, event_id),
        )
    connection.commit()
    connection.close()
    ws = str(workspace_path)
    for fmt in ("md", "html"):
        done = cli(
            tmp_path,
            "export",
            "--format",
            fmt,
            "--all",
            "-o",
            str(tmp_path / f"all.{fmt}"),
            "--workspace",
            ws,
        )
        assert done.returncode == 0, done.stderr
    drawn = cli(tmp_path, "timeline", "-o", str(tmp_path / "t.png"), "--workspace", ws)
    assert drawn.returncode == 0 and drawn.stdout.startswith("Drew 12 policies"), drawn.stderr


def test_importers_refuse_a_year_out_of_range(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    bundle = export_bundle(capsys, workspace_path, tmp_path / "all.json")
    bundle["policies"][0]["events"][0]["date"] = "9999-12"
    bundle["policies"][0]["events"][0]["date_precision"] = "month"
    (tmp_path / "far.json").write_text(json.dumps(bundle), encoding="utf-8")
    before = _counts(workspace_path)
    code, out, err = run(capsys, "import", str(tmp_path / "far.json"), "--workspace", str(workspace_path))
    assert_one_line_error(code, out, err, OUT_OF_RANGE)
    assert "events[1]" in err

    export_csv(capsys, workspace_path, tmp_path / "t.csv")
    events = tmp_path / "t-events.csv"
    rewrite_csv(events, lambda rows: rows[0].update(date="9999-12"))
    code, out, err = run(capsys, "import", str(events), "--workspace", str(workspace_path))
    assert_one_line_error(code, out, err, "row 2, date")
    assert OUT_OF_RANGE in err
    assert _counts(workspace_path) == before


# 2. One validation for the JSON importer ---------------------------------------------------


def _break(bundle: dict[str, Any], how: str) -> str:
    """Damage the bundle one way; returns the raw JSON text (NaN needs the raw form)."""
    policy = bundle["policies"][0]
    figure = bundle["figures"][0]
    if how == "nul in a title":
        policy["title"] = "Title\x00 42"
    elif how == "escape in a summary":
        policy["summary"] = "Red \x1b[31m text"
    elif how == "vertical tab in an event":
        policy["events"][0]["description"] = "a\x0bb"
    elif how == "control character in a tag":
        policy["tags"] = ["ok", "bad\x07"]
    elif how == "control character in a source publisher":
        bundle["sources"][0]["publisher"] = "Agency\x1f"
    elif how == "nan figure":
        figure["value"] = "NAN_HERE"
        return json.dumps(bundle).replace('"NAN_HERE"', "NaN")
    elif how == "infinite figure":
        figure["value"] = "INF_HERE"
        return json.dumps(bundle).replace('"INF_HERE"', "1e999")
    elif how == "huge created_at":
        policy["created_at"] = "2024-01-01T00:00:00Z" + "x" * 5_000_000
    elif how == "created_at not a time":
        policy["created_at"] = "yesterday"
    elif how == "format_version true":
        bundle["format_version"] = True
    elif how == "empty note body":
        policy["notes"] = [{"id": "7f0c2b1e-1111-4a4a-9a9a-123456789abc", "body": "   "}]
    elif how == "period ends before it starts":
        figure["date"], figure["period_end"] = "2023-05", "2022-01"
    return json.dumps(bundle)


BROKEN = {
    "nul in a title": "title: contains control characters",
    "escape in a summary": "summary: contains control characters",
    "vertical tab in an event": "description: contains control characters",
    "control character in a tag": "tags: contains control characters",
    "control character in a source publisher": "publisher: contains control characters",
    "nan figure": "value: must be a number",
    "infinite figure": "value: must be a number",
    "huge created_at": "created_at",
    "created_at not a time": "must be a date and time",
    "format_version true": "no valid format_version",
    "empty note body": "body: write something",
    "period ends before it starts": "period_end: 2022-01 is before the period starts",
}


@pytest.mark.parametrize("how", list(BROKEN))
def test_a_bundle_is_held_to_the_editors_rules(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path, how: str
) -> None:
    bundle = export_bundle(capsys, workspace_path, tmp_path / "all.json")
    target = tmp_path / "broken.json"
    target.write_text(_break(bundle, how), encoding="utf-8")
    before = _counts(workspace_path)
    for dry_run in ([], ["--dry-run"]):
        code, out, err = run(capsys, "import", str(target), *dry_run, "--workspace", str(workspace_path))
        assert_one_line_error(code, out, err, BROKEN[how])
        assert len(err) < 600
    assert _counts(workspace_path) == before


def test_a_bundle_with_control_characters_no_longer_breaks_the_timeline(
    tmp_path: Path, workspace_path: Path
) -> None:
    """As found: import a bundle with ESC in a title, then `timeline -o x.svg` and `-o x.png`."""
    ws = str(workspace_path)
    assert (
        cli(
            tmp_path, "export", "--format", "json", "-o", str(tmp_path / "all.json"), "--workspace", ws
        ).returncode
        == 0
    )
    bundle = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    bundle["policies"][0]["title"] = "Policy \x1b[1m bold"
    (tmp_path / "esc.json").write_text(json.dumps(bundle), encoding="utf-8")
    assert_refused(cli(tmp_path, "import", str(tmp_path / "esc.json"), "--workspace", ws), "title")


def test_a_workspace_written_before_the_checks_still_draws_a_readable_timeline(
    tmp_path: Path, workspace_path: Path
) -> None:
    """Control characters already stored are left out of the SVG; the PNG is a real picture."""
    connection = sqlite3.connect(workspace_path)
    connection.execute("UPDATE policy SET title = 'Title\x1b 42 \x0b expulsions' WHERE slug = 'title-42'")
    connection.commit()
    connection.close()
    ws = str(workspace_path)
    svg = tmp_path / "t.svg"
    drawn = cli(tmp_path, "timeline", "-o", str(svg), "--workspace", ws)
    assert drawn.returncode == 0, drawn.stderr
    ElementTree.fromstring(svg.read_bytes())  # well-formed XML
    assert "Title 42" in svg.read_text(encoding="utf-8")
    png = tmp_path / "t.png"
    drawn = cli(tmp_path, "timeline", "-o", str(png), "--workspace", ws)
    assert drawn.returncode == 0 and drawn.stdout.startswith("Drew 12 policies"), drawn.stderr
    width, height = int.from_bytes(png.read_bytes()[16:20]), int.from_bytes(png.read_bytes()[20:24])
    assert width > 1000 and height > 200


def test_a_picture_that_cannot_be_drawn_is_refused_not_written_as_one_pixel(qapp: object) -> None:
    from app.errors import UserError
    from app.export.raster import svg_to_png

    with pytest.raises(UserError, match="could not be drawn"):
        svg_to_png('<svg xmlns="http://www.w3.org/2000/svg"><text>\x1b</text></svg>')


def test_the_csv_importer_and_the_editors_share_the_list_checks(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        PolicyInput("A title", aliases=["fine", "not\x1bfine"]).validated()
    assert failure.value.errors == {"aliases": "contains control characters"}
    export_csv(capsys, workspace_path, tmp_path / "t.csv")
    table = tmp_path / "t.csv"
    rewrite_csv(table, lambda rows: rows[0].update(agencies="An agency\x1b"))
    code, out, err = run(capsys, "import", str(table), "--workspace", str(workspace_path))
    assert_one_line_error(code, out, err, "row 2, agencies: contains control characters")


# 7. Importing your own export changes nothing -----------------------------------------------


def test_importing_your_own_json_export_changes_nothing(tmp_path: Path, workspace_path: Path) -> None:
    ws = str(workspace_path)
    bundle = tmp_path / "mine.json"
    assert cli(tmp_path, "export", "--format", "json", "-o", str(bundle), "--workspace", ws).returncode == 0
    before = table_rows(workspace_path)
    preview = cli(tmp_path, "import", str(bundle), "--dry-run", "--workspace", ws)
    assert preview.stdout == f"Importing {bundle} would have: nothing to change\n", preview.stdout
    imported = cli(tmp_path, "import", str(bundle), "--workspace", ws)
    assert imported.stdout == f"Imported {bundle}: nothing to change\n", imported.stdout + imported.stderr
    assert table_rows(workspace_path) == before


def test_importing_your_own_csv_export_changes_nothing(tmp_path: Path, workspace_path: Path) -> None:
    ws = str(workspace_path)
    table = tmp_path / "mine.csv"
    assert cli(tmp_path, "export", "--format", "csv", "-o", str(table), "--workspace", ws).returncode == 0
    before = table_rows(workspace_path)
    for exported in (table, tmp_path / "mine-events.csv"):
        imported = cli(tmp_path, "import", str(exported), "--workspace", ws)
        assert imported.stdout == f"Imported {exported}: nothing to change\n", (
            imported.stdout + imported.stderr
        )
    assert table_rows(workspace_path) == before


def test_a_list_item_with_the_separator_survives_a_csv_round_trip(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    """An agency “Government of Mexico (SRE; INM)” came back as two agencies."""
    connection = sqlite3.connect(workspace_path)
    agencies = ["Government of Mexico (SRE; INM)", "A \\ B"]
    tags = ["one, two", "three"]
    connection.execute(
        "UPDATE policy SET agencies = ?, tags = ? WHERE slug = 'title-42'",
        (json.dumps(agencies), json.dumps(tags)),
    )
    connection.commit()
    connection.close()
    export_csv(capsys, workspace_path, tmp_path / "t.csv")
    empty = tmp_path / "empty.sqlite"
    Workspace.open(empty, starter_data=False).close()
    code, out, _ = run(capsys, "import", str(tmp_path / "t.csv"), "--workspace", str(empty))
    assert code == 0 and "added 12 policies" in out
    connection = sqlite3.connect(empty)
    stored = connection.execute("SELECT agencies, tags FROM policy WHERE slug = 'title-42'").fetchone()
    connection.close()
    assert (json.loads(stored[0]), json.loads(stored[1])) == (agencies, tags)
