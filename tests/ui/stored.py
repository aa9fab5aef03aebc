"""What the workspace holds after a window's action, read through the services on a workspace object of
its own (as the next session would see it), not through SQL: the window's tests then check results the
way a person would, and the same checks can run against any store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.data.details import NoteListRow, PolicyDetail, SourceRow
from app.errors import NotFound
from app.services import editing, notes, policies
from app.services.editing import TrashItem
from app.services.workspace import Workspace
from app.ui.main.main_window import MainWindow


@contextmanager
def stored(window: MainWindow) -> Iterator[Workspace]:
    workspace = Workspace(window.workspace.path)
    try:
        yield workspace
    finally:
        workspace.close()


def stored_policy(window: MainWindow, slug: str) -> PolicyDetail | None:
    """The policy as stored, or None when it is gone or in the trash."""
    with stored(window) as workspace:
        try:
            return policies.policy_by_slug(workspace, slug)
        except NotFound:
            return None


def stored_titles(window: MainWindow) -> list[str]:
    with stored(window) as workspace:
        return [row.title for row in policies.all_policy_rows(workspace)]


def stored_sources(window: MainWindow) -> list[SourceRow]:
    """Every source not in the trash."""
    with stored(window) as workspace:
        return policies.all_sources(workspace)


def stored_trash(window: MainWindow) -> list[TrashItem]:
    with stored(window) as workspace:
        return editing.list_trash(workspace)


def stored_notes(window: MainWindow) -> list[NoteListRow]:
    with stored(window) as workspace:
        return notes.list_notes(workspace)
