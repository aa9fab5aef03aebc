"""Noticing writes by other processes (`policy-tracker import` while the window is open).

The store's change feed is a number that changes whenever another connection or process commits
(SQLite: PRAGMA data_version, one read of the WAL index; a team store feeds its own). The window
polls it; this is its one door to it.
"""

from __future__ import annotations

from app.services.integrity import database_error
from app.services.workspace import Workspace


def data_version(workspace: Workspace) -> int | None:
    """The store's change counter now; None when the store cannot be read at this moment.

    A failed read is not reported here: the next action that needs the data says what is wrong,
    in words, and a poll every fraction of a second must not pile up message boxes.
    """
    try:
        return workspace.store.data_version()
    except Exception as error:
        if database_error(error) is None:
            raise
        return None
