"""Errors that are the user's or the environment's, told in plain words (never a traceback)."""


class UserError(Exception):
    """Something the person can fix; the message is shown as is."""


class NotFound(UserError):
    pass


class InvalidInput(UserError):
    pass


class WorkspaceUnusable(UserError):
    """The workspace file cannot be opened: not SQLite, newer schema, unwritable place."""
