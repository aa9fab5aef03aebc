"""What the main window's collaborators may use of it: a narrow context, not the window itself.

Dialogs, the edit controller, the notes and timeline windows, workspace switching and the safety
checks receive a `WindowContext` (or a `WorkspaceHost`). Every change to the workspace is announced
once, on `WorkspaceEvents.changed`, with the `Changes` it made; every view that shows the workspace
subscribes to it and refreshes what the `Changes` names, so nobody refreshes another view by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, QUrl
    from PySide6.QtWidgets import QWidget

    from app.services.rows import PolicyRow
    from app.services.workspace import Workspace
    from app.ui.workspace.workspace_lock import WorkspaceLock


class WorkspaceEvents(QObject):
    """The window's announcements. `changed` carries an `app.services.operations.Changes`, after an
    operation, its undo or redo, an import, a purge, a restore or a switch of workspace (those last
    two: `Changes.all()`). `selected` carries the slug of the policy now shown, "" for none."""

    changed = Signal(object)
    selected = Signal(str)
    listed = Signal()  # the list shows other policies now (a search or filters changed)


class WindowContext(Protocol):
    """The workspace, the selection, the one "changed" signal and a way to report."""

    @property
    def workspace(self) -> Workspace: ...

    @property
    def settings(self) -> QSettings: ...

    @property
    def events(self) -> WorkspaceEvents: ...

    def dialog_parent(self) -> QWidget:
        """The window dialogs and message boxes belong to."""
        ...

    def selected_row(self) -> PolicyRow | None: ...

    def selected_rows(self) -> list[PolicyRow]: ...

    def listed_rows(self) -> list[PolicyRow]:
        """The policies the list shows now (search and filters applied), in its order."""
        ...

    def all_rows(self) -> list[PolicyRow]: ...

    def select_policy(self, slug: str) -> None: ...

    def show_event(self, event_id: str) -> None:
        """Show one status event of the selected policy in the details."""
        ...

    def follow_link(self, url: QUrl) -> None:
        """Follow a source:, event: or note: link in the details of the selected policy."""
        ...

    def selected_passage(self) -> tuple[str, str] | None:
        """The (source id, text) of a passage selected in the details' sources, if any."""
        ...

    def report(self, message: str, timeout_ms: int = 8000) -> None:
        """Say something in passing (the status bar)."""
        ...

    def report_error(self, message: str) -> None: ...

    def write_block(self) -> str:
        """Why this workspace cannot be changed now, in words; "" when it can."""
        ...


class WorkspaceHost(WindowContext, Protocol):
    """A context that can also change which workspace the window shows, and how it may be edited."""

    def holds_lock(self) -> bool:
        """Whether this window holds its workspace's lock (so that the next one must be locked too)."""
        ...

    def show_workspace(self, workspace: Workspace, lock: WorkspaceLock | None = None) -> None:
        """Show another workspace; `lock` (the new one's) replaces the lock held now, if any."""
        ...

    def apply_write_state(self) -> None: ...
