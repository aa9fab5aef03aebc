"""One window per workspace, in the window's words: the lock itself is app.data.workspace_lock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.locking import WINDOW, LockUnavailable, WorkspaceInUse, WorkspaceLock

__all__ = ["LockUnavailable", "WorkspaceInUse", "WorkspaceLock", "refusal"]


def refusal(error: WorkspaceInUse | LockUnavailable) -> str:
    """Why the window cannot take a workspace, in the interface language."""
    if isinstance(error, LockUnavailable):
        return QCoreApplication.translate(
            "WorkspaceLock", "Cannot create the lock file {file}: {reason}"
        ).format(file=error.lock_file, reason=error.reason)
    name = error.workspace.name
    if error.here:
        return QCoreApplication.translate("WorkspaceLock", "{file} is already open in this window.").format(
            file=name
        )
    if error.purpose != WINDOW:
        return QCoreApplication.translate(
            "WorkspaceLock", "{file} is being changed by another Policy Tracker command; try again shortly."
        ).format(file=name)
    if error.process:
        return QCoreApplication.translate(
            "WorkspaceLock",
            "{file} is open in another Policy Tracker window (process {process} on {host}). "
            "Switch to that window to keep working.",
        ).format(file=name, process=error.process, host=error.host)
    return QCoreApplication.translate(
        "WorkspaceLock",
        "{file} is open in another Policy Tracker window. Switch to that window to keep working.",
    ).format(file=name)
