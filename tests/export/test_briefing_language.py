"""A Spanish briefing is Spanish in every format: the fixed words of Word and Markdown too."""

from __future__ import annotations

from pathlib import Path

import docx

from app.export.run import ExportRequest, run_export
from app.services.policies import policy_ids_in_scope
from app.services.workspace import Workspace

SPANISH_HEADINGS = ["Resumen", "Historial de estados", "Políticas relacionadas", "Fuentes"]
ENGLISH_HEADINGS = ["Summary", "Status history", "Related policies", "Sources"]


def _export(workspace: Workspace, fmt: str, target: Path, language: str) -> Path:
    ids = policy_ids_in_scope(workspace, slugs=["title-42"])
    request = ExportRequest(fmt, ids, target, language=language)
    (written, *_) = run_export(workspace, request)
    return written


def test_word_headings_labels_and_page_numbers_follow_the_language(
    workspace: Workspace, tmp_path: Path
) -> None:
    document = docx.Document(str(_export(workspace, "docx", tmp_path / "t.docx", "es")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert all(h in headings for h in SPANISH_HEADINGS), headings
    assert not any(h in headings for h in ENGLISH_HEADINGS), headings
    labels = [row.cells[0].text for row in document.tables[0].rows]
    assert "Estado actual" in labels and "Jurisdicción" in labels, labels
    header_row = [cell.text for cell in document.tables[1].rows[0].cells]
    assert header_row == ["Fecha", "Estado", "Qué ocurrió", "Fuentes"], header_row
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "Página" in footer and "de" in footer and "Page" not in footer, footer


def test_markdown_headings_follow_the_language(workspace: Workspace, tmp_path: Path) -> None:
    spanish = _export(workspace, "md", tmp_path / "es.md", "es").read_text(encoding="utf-8")
    headings = [line.lstrip("# ") for line in spanish.splitlines() if line.startswith("#")]
    assert all(h in headings for h in SPANISH_HEADINGS), headings
    assert "- Estado actual:" in spanish and "- Current status:" not in spanish
    english = _export(workspace, "md", tmp_path / "en.md", "en").read_text(encoding="utf-8")
    assert all(f"## {h}" in english for h in ENGLISH_HEADINGS)


def test_the_current_status_carries_the_confidence_of_the_event_that_set_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    """Title 42 expired on 11 May 2023 (confirmed); a later, unconfirmed report repeats "expired"."""
    html = _export(workspace, "html", tmp_path / "t.html", "en").read_text(encoding="utf-8")
    status_row = next(line for line in html.split("<tr>") if "Current status" in line)
    assert "11 May 2023" in status_row
    assert "Unconfirmed" not in status_row and "Reported" not in status_row, status_row
