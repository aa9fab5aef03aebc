"""What changed since: a briefing of the changes to chosen policies, in every format."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.data.change_context import now
from app.data.tables import Figure
from app.errors import InvalidInput
from app.export.changes_briefing import build_changes_briefing
from app.export.run import ExportRequest, run_export
from app.services import editing, operations
from app.services.changes import Since, last_briefing, since_of
from app.services.inputs import EventInput, NoteInput, SourceInput
from app.services.workspace import Workspace
from tests.cli.helpers import assert_one_line_error, run


def _id(workspace: Workspace, slug: str) -> str:
    policy_id = workspace.store.policy_id_for_slug(slug)
    assert policy_id is not None
    return policy_id


def _changes_after_a_mark(workspace: Workspace) -> tuple[Since, dict[str, str]]:
    """A moment after the starter data, then one change of every kind to Title 42 and Texas SB 4."""
    time.sleep(0.01)
    mark = now()
    time.sleep(0.01)
    t42, sb4 = _id(workspace, "title-42"), _id(workspace, "texas-sb4")
    detail = workspace.store.policy_detail(t42)
    assert detail is not None
    report = editing.add_source(
        workspace,
        SourceInput(title="Court report on the reinstatement", url="https://example.org/r", kind="court"),
        t42,
    )
    made = {
        "happened": editing.add_event(
            workspace,
            t42,
            EventInput(date=mark[:10], status="reinstated", description="Reinstated.", source_ids=[report]),
        ),
        "recorded": editing.add_event(
            workspace, sb4, EventInput(date="2019-05", status="proposed", description="A bill was filed.")
        ),
        "report": report,
    }
    first = detail.events[0]
    editing.update_event(
        workspace,
        first.id,
        EventInput(
            date=first.date,
            status=first.status,
            description="Corrected wording.",
            source_ids=first.source_ids,
        ),
    )
    made["corrected"] = first.id
    operations.set_trashed(workspace, "event", detail.events[1].id, True)
    made["removed"] = detail.events[1].id
    with workspace.session() as session:  # as an import would write it
        session.add(
            Figure(
                policy_id=t42, label="Expulsions in Nov 2026", value=1234, date="2026-11-30", date_precision="day",
                source_id=report,
            )
        )  # fmt: skip
    editing.add_note(workspace, sb4, NoteInput(body="My private reading of the ruling"))
    return Since(day=mark[:10], moment=mark), made


def test_each_change_says_whether_it_happened_since_or_was_recorded_since(workspace: Workspace) -> None:
    since, _made = _changes_after_a_mark(workspace)
    t42, sb4 = _id(workspace, "title-42"), _id(workspace, "texas-sb4")
    briefing = build_changes_briefing(workspace, [t42, sb4], since)
    title42, texas = briefing.policies
    day = title42.timeline[0].change.removeprefix("Happened since ") if title42.timeline else ""
    changes = {e.description: e.change for e in title42.timeline}
    assert changes["Reinstated."].startswith("Happened since")
    assert changes["Corrected wording."] == "Record corrected"
    assert "Removed from the record" in changes.values()
    assert [e.change for e in texas.timeline] == ["Newly recorded"]
    assert title42.status == "Reinstated"  # the current status, with the change that set it
    assert [f.label for f in title42.figures] == ["Expulsions in Nov 2026"]
    # Sources renumbered from 1: the new report, cited by the event that happened since.
    reinstated = next(e for e in title42.timeline if e.description == "Reinstated.")
    cited = {c.number: c.title for c in title42.citations}
    assert [cited[n] for n in reinstated.citations] == ["Court report on the reinstatement"]
    assert sorted(cited) == list(range(1, len(cited) + 1))
    assert "1 status event happened since" in title42.changes_digest
    assert "1 source added or changed" in title42.changes_digest
    assert texas.notes == []  # notes only when asked
    with_notes = build_changes_briefing(workspace, [sb4], since, include_notes=True).policies[0]
    assert [n.body for n in with_notes.notes] == ["My private reading of the ruling"]
    assert briefing.kind_label.startswith("Changes since")
    assert day


def test_a_policy_without_changes_says_so_with_its_status(workspace: Workspace) -> None:
    since = Since(day="2999-01-01", moment="2999-01-01T00:00:00.000Z")
    [merida] = build_changes_briefing(workspace, [_id(workspace, "merida-initiative")], since).policies
    assert merida.timeline == [] and merida.citations == []
    assert merida.changes_digest == "Nothing changed since 1 Jan 2999."
    assert merida.status


def test_every_format_writes_the_changes(workspace: Workspace, tmp_path: Path) -> None:
    since, _made = _changes_after_a_mark(workspace)
    ids = [_id(workspace, "title-42"), _id(workspace, "texas-sb4")]
    for fmt in ("md", "html", "docx", "csv", "json", "pdf"):
        target = tmp_path / f"changes.{fmt}"
        run_export(workspace, ExportRequest(fmt, ids, target, changes_since=since.moment or ""))
        if fmt in ("md", "html"):
            written = target.read_text(encoding="utf-8")
            assert (
                "Happened since" in written and "Newly recorded" in written and "Record corrected" in written
            )
            assert "Court report on the reinstatement" in written and "Changes since" in written
            assert "Expulsions in Nov 2026" in written
        elif fmt == "docx":
            from docx import Document

            words = "\n".join(p.text for p in Document(str(target)).paragraphs)
            words += "\n".join(c.text for t in Document(str(target)).tables for r in t.rows for c in r.cells)
            assert "Happened since" in words and "Newly recorded" in words and "What changed" in words
        elif fmt == "csv":
            with (tmp_path / "changes-events.csv").open(encoding="utf-8-sig") as f:
                rows = list(csv.DictReader(f))
            assert {r["change"] for r in rows} >= {
                "Newly recorded",
                "Record corrected",
                "Removed from the record",
            }
        elif fmt == "json":
            bundle = json.loads(target.read_text(encoding="utf-8"))
            assert bundle["changes_since"] == since.day
            assert bundle["changes"] and all(c["at"] >= (since.moment or "") for c in bundle["changes"])
        else:
            pages = "".join(page.extract_text() or "" for page in PdfReader(target).pages)
            assert "Happened since" in pages and "Newly recorded" in pages


def test_since_the_last_briefing_reports_only_what_came_after_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    ids = [_id(workspace, "title-42")]
    with pytest.raises(InvalidInput, match="no briefing of changes yet"):
        since_of(workspace, ids, "last")
    run_export(workspace, ExportRequest("md", ids, tmp_path / "first.md", changes_since="2026-01-01"))
    remembered = last_briefing(workspace, ids)
    assert remembered is not None and remembered.after_seq == workspace.store.last_change_seq()
    assert last_briefing(workspace, [*ids, _id(workspace, "texas-sb4")]) is None  # another set of policies
    editing.add_event(
        workspace, ids[0], EventInput(date="2010-01", status="proposed", description="Found later.")
    )
    run_export(workspace, ExportRequest("md", ids, tmp_path / "second.md", changes_since="last"))
    second = (tmp_path / "second.md").read_text(encoding="utf-8")
    assert "Found later." in second and second.count("Newly recorded") == 1
    run_export(workspace, ExportRequest("md", ids, tmp_path / "third.md", changes_since="last"))
    assert "Nothing changed since" in (tmp_path / "third.md").read_text(encoding="utf-8")


def test_a_spanish_briefing_of_changes_speaks_spanish(workspace: Workspace) -> None:
    since, _made = _changes_after_a_mark(workspace)
    briefing = build_changes_briefing(workspace, [_id(workspace, "texas-sb4")], since, language="es")
    assert briefing.kind_label.startswith("Cambios desde el")
    assert [e.change for e in briefing.policies[0].timeline] == ["Registrado ahora"]
    assert briefing.label("summary") == "Qué cambió"


def test_the_command_line_writes_it_and_refuses_bad_input_in_one_line(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path
) -> None:
    ws = ["--workspace", str(workspace_path)]
    out = tmp_path / "c.md"
    base = ["export", "--format", "md", "-o", str(out), "--policy", "title-42", *ws]
    assert_one_line_error(*run(capsys, *base, "--changes-since", "last"), "no briefing of changes yet")
    assert_one_line_error(*run(capsys, *base, "--changes-since", "soon"), "“soon” is not a date")
    assert not out.exists()
    assert run(capsys, *base, "--changes-since", "2026-12-01")[0] == 0
    assert "Changes since 1 Dec 2026" in out.read_text(encoding="utf-8")
    assert run(capsys, *base, "--changes-since", "last")[0] == 0
    assert "Nothing changed since" in out.read_text(encoding="utf-8")
