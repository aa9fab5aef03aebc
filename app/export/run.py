"""Write an export: gather the briefing, render it, and write the file(s) atomically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.export.briefing import EXTENSIONS, Briefing, ExportCancelled, build_briefing
from app.services.files import write_atomically
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.services.changes import Since

PdfWriter = Callable[[Briefing, Path, str], None]
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ExportRequest:
    fmt: str  # md, html, pdf, docx, csv, json
    policy_ids: list[str]
    target: Path
    include_notes: bool = False
    page_size: str = "A4"  # or "Letter"
    length: str = "dossier"  # or "brief"
    author: str = ""
    organisation: str = ""
    language: str = "en"
    # A briefing of what changed since this day (YYYY-MM-DD) or since the last one ("last"); "": the record.
    changes_since: str = ""


def target_with_extension(target: Path, fmt: str) -> Path:
    return (
        target
        if target.suffix.lower() == EXTENSIONS[fmt]
        else target.with_name(target.name + EXTENSIONS[fmt])
    )


def events_path(target: Path) -> Path:
    """The second CSV file (status events) beside the policies table."""
    return target.with_name(f"{target.stem}-events{target.suffix}")


def notes_path(target: Path) -> Path:
    """The third CSV file, written only with --include-notes: the person's own notes."""
    return target.with_name(f"{target.stem}-personal-notes{target.suffix}")


def pictures_folder(target: Path) -> Path:
    """The folder beside a Markdown file that holds its timeline pictures ("briefing-files/")."""
    return target.with_name(f"{target.stem}-files")


def run_export(
    workspace: Workspace,
    request: ExportRequest,
    *,
    pdf_writer: PdfWriter | None = None,
    rasterize: Callable[[str], bytes] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the export; returns the files written. Nothing is written if cancelled or on error."""
    target = request.target.expanduser()
    since = None
    if request.changes_since:
        from app.services.changes import since_of

        since = since_of(workspace, request.policy_ids, request.changes_since)
        covered = (
            workspace.store.last_change_seq()
        )  # read first: a change made meanwhile is the next briefing's
    written = _write(workspace, request, target, since, pdf_writer, rasterize, progress)
    if since is not None:
        from app.services.changes import remember_briefing

        remember_briefing(workspace, request.policy_ids, covered)
    return written


def _write(
    workspace: Workspace,
    request: ExportRequest,
    target: Path,
    since: Since | None,
    pdf_writer: PdfWriter | None,
    rasterize: Callable[[str], bytes] | None,
    progress: Progress | None,
) -> list[Path]:
    if request.fmt == "json":
        from app.services.bundle import write_bundle

        if progress is not None and not progress(0, len(request.policy_ids)):
            raise ExportCancelled
        write_bundle(
            workspace,
            target,
            policy_ids=request.policy_ids,
            include_notes=request.include_notes,
            changes_since=since,
        )
        return [target]
    if since is not None:
        from app.export.changes_briefing import build_changes_briefing

        briefing = build_changes_briefing(
            workspace,
            request.policy_ids,
            since,
            include_notes=request.include_notes,
            progress=progress,
            author=request.author,
            organisation=request.organisation,
            language=request.language,
            for_reading=request.fmt != "csv",
        )
    else:
        briefing = build_briefing(
            workspace,
            request.policy_ids,
            include_notes=request.include_notes,
            progress=progress,
            length=request.length,
            author=request.author,
            organisation=request.organisation,
            language=request.language,
            for_reading=request.fmt != "csv",  # a CSV table is imported again: its text stays exact
        )
    if request.fmt == "md":
        from app.export.markdown import briefing_markdown

        pictures: dict[str, str] = {}

        def picture(key: str, svg: str) -> str:
            name = f"{pictures_folder(target).name}/{key}.svg"
            pictures[name] = svg
            return name

        text = briefing_markdown(briefing, picture)
        for name, svg in pictures.items():
            write_atomically(target.parent / name, svg.encode("utf-8"))
        write_atomically(target, text.encode("utf-8"))  # last: the file links only pictures now there
    elif request.fmt == "html":
        from app.export.html import briefing_html

        write_atomically(target, briefing_html(briefing, page_size=request.page_size).encode("utf-8"))
    elif request.fmt == "docx":
        from app.export.docx import briefing_docx

        write_atomically(target, briefing_docx(briefing, rasterize, request.page_size))
    elif request.fmt == "csv":
        from app.export.csv_tables import briefing_csv

        policies, events, notes = briefing_csv(briefing)
        # A byte-order mark so that spreadsheet programs read the file as UTF-8.
        write_atomically(target, policies.encode("utf-8-sig"))
        write_atomically(events_path(target), events.encode("utf-8-sig"))
        if not notes:
            return [target, events_path(target)]
        write_atomically(notes_path(target), notes.encode("utf-8-sig"))
        return [target, events_path(target), notes_path(target)]
    elif request.fmt == "pdf":
        if pdf_writer is None:
            from app.export.pdf import write_pdf

            pdf_writer = write_pdf
        pdf_writer(briefing, target, request.page_size)
    else:
        raise ValueError(f"unknown format {request.fmt}")
    return [target]
