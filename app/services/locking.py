"""Who holds a workspace: the one lock the window and the command line both take (see app.data.workspace_lock)."""

from __future__ import annotations

from app.data.workspace_lock import WINDOW, LockUnavailable, WorkspaceInUse, WorkspaceLock, exclusive

__all__ = ["WINDOW", "LockUnavailable", "WorkspaceInUse", "WorkspaceLock", "exclusive"]
