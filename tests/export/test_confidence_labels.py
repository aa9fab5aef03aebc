"""Briefings print an event's confidence as a label when it is not confirmed, the disagreement,
and the day each policy was last verified: read back from each written file."""

from __future__ import annotations

import html.parser
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.data.seeds import seed_id
from app.export.run import ExportRequest, run_export
from app.services import editing
from app.services.inputs import EventInput, SourceInput
from app.services.workspace import Workspace
from tests.conftest import FIXTURES

ALPHA = seed_id("policy", "alpha")
DISAGREEMENT = "The agency says the program goes on; the court docket says it is enjoined."


@pytest.fixture
def marked(tmp_path: Path) -> Iterator[Workspace]:
    """The two-policy fixture with one unconfirmed event (with a disagreement), one reported by
    news only, one confirmed, and a last-verified day on alpha."""
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=FIXTURES / "seeds_small")
    blocked = seed_id("event", "alpha/blocked")
    data = editing.event_input(workspace, blocked)
    data.confidence, data.disagreement = "unconfirmed", DISAGREEMENT
    editing.update_event(workspace, blocked, data)
    news = editing.add_source(workspace, SourceInput("A story", kind="news"), ALPHA)
    editing.add_event(workspace, ALPHA, EventInput("2022-03", "expired", "Said to have lapsed.", [news]))
    policy = editing.policy_input(workspace, ALPHA)
    policy.last_verified = "2026-12-01"
    editing.update_policy(workspace, ALPHA, policy)
    yield workspace
    workspace.close()


def _export(workspace: Workspace, fmt: str, target: Path) -> Path:
    (written, *_) = run_export(workspace, ExportRequest(fmt, [ALPHA], target))
    return written


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(workspace: Workspace, fmt: str, tmp_path: Path) -> str:
    target = _export(workspace, fmt, tmp_path / f"b.{fmt}")
    if fmt == "md":
        return target.read_text(encoding="utf-8")
    if fmt == "html":
        parser = _Text()
        parser.feed(target.read_text(encoding="utf-8"))
        return " ".join(parser.parts)
    if fmt == "docx":
        import docx

        document = docx.Document(str(target))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    from pypdf import PdfReader

    text = " ".join((page.extract_text() or "") for page in PdfReader(target).pages)
    return unicodedata.normalize("NFKC", text)  # the PDF's fonts set "fi" as one ligature


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_the_labels_the_disagreement_and_last_verified_are_printed(
    marked: Workspace, tmp_path: Path, fmt: str
) -> None:
    text = " ".join(_text(marked, fmt, tmp_path).split()).replace("\\", "")
    assert "Last verified" in text and "1 Dec 2026" in text
    assert "Unconfirmed" in text
    assert "Reported" in text
    assert "Confirmed" not in text  # a confirmed event carries no label
    assert "Where sources disagree" in text
    assert DISAGREEMENT.split(";")[0] in text


def test_the_markdown_puts_each_label_on_its_own_event(marked: Workspace, tmp_path: Path) -> None:
    lines = _text(marked, "md", tmp_path).splitlines()
    events = [line for line in lines if line.startswith("- **")]
    assert events[0].startswith("- **15 Jan 2020** — In effect. The program began.")
    assert events[1].startswith("- **Jun 2021** — Blocked by court. *(Unconfirmed)* A court blocked it.")
    assert events[2].startswith("- **Mar 2022** — Expired. *(Reported)* Said to have lapsed.")
    after = lines[lines.index(events[1]) + 1]
    assert after.startswith("  - *Where sources disagree:* The agency says")
    assert "- Last verified: 1 Dec 2026" in lines
