"""Errors that are the user's or the environment's, told in plain words (never a traceback)."""


class UserError(Exception):
    """Something the person can fix; the message is shown as is."""


class NotFound(UserError):
    pass


class InvalidInput(UserError):
    pass


class WorkspaceUnusable(UserError):
    """The workspace file cannot be opened: not SQLite, newer schema, unwritable place."""


class WorkspaceDamaged(WorkspaceUnusable):
    """The file is an SQLite workspace whose contents are damaged; `reason` says how, without the path."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class WorkspaceReadOnly(UserError):
    """The workspace cannot be written (read-only file, folder or disk)."""


class DiskFull(UserError):
    """The disk is full."""


class WorkspaceBusy(UserError):
    """Another process kept writing to the workspace for longer than a write waits."""


class EditConflict(UserError):
    """Someone else changed the entry since it was read; saving would have overwritten their change."""
