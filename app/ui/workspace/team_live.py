"""A team workspace in the window: others' changes arrive live, and the window says whose it is.

The listener runs in a thread of its own (app.services.team.watch_changes); what it hears is
handed to the GUI thread through a queued signal and announced on the window's one "changed"
signal, so every view refreshes exactly as after an edit made here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from app.services.operations import Changes
    from app.services.workspace import Workspace
    from app.ui.main.window_context import WorkspaceEvents


class TeamLink(QObject):
    """Follows the window's workspace: listens to a team workspace, does nothing for a local file."""

    heard = Signal(object)  # a Changes, emitted from the listener's thread; delivered in the GUI thread

    def __init__(self, events: WorkspaceEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._stop: Callable[[], None] | None = None
        self.heard.connect(self._announce)
        self.label = QLabel()
        self.label.setObjectName("TeamLabel")
        self.label.setVisible(False)

    def follow(self, workspace: Workspace) -> None:
        """Listen to this workspace's changes from now on (and to the previous one's no more)."""
        from app.errors import UserError
        from app.services.team import watch_changes

        self.stop()
        self.label.setVisible(workspace.is_team)
        if not workspace.is_team:
            return
        try:
            who = getattr(workspace, "user", "")
        except UserError:
            who = ""
        self.label.setText(
            self.tr("Team: {name} · you are {user}").format(name=team_name(workspace), user=who)
            if who
            else self.tr("Team: {name}").format(name=team_name(workspace))
        )
        self._stop = watch_changes(workspace, self.heard.emit)

    def stop(self) -> None:
        if self._stop is not None:
            self._stop()
            self._stop = None

    def _announce(self, changes: Changes) -> None:
        self._events.changed.emit(changes)


def team_name(workspace: Workspace) -> str:
    """How a team workspace is named in the title bar: its database (and server, unless local)."""
    return str(getattr(workspace, "name", workspace.path.name))
