"""Waiting for another process that is writing to the same workspace (a long import, say).

SQLite lets one process write at a time; every other write waits for the busy timeout and then
fails with "database is locked". Before a unit of work starts, `wait_for_other_writers` waits for
the write lock to be free, says once that it is waiting, and gives up in plain words after a
while. The write itself still has the busy timeout for the moment between the two.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.data.store import WriteWait
from app.errors import WorkspaceBusy
from app.messages import _, ngettext

__all__ = ["WriteWait", "busy_error", "is_busy", "wait_for_other_writers"]

# How long one try to take the write lock waits before the person is told that it is waiting.
FIRST_TRY_SECONDS = 1.0


def is_busy(error: BaseException) -> bool:
    text = str(getattr(error, "orig", None) or error).lower()
    return "database is locked" in text or "database is busy" in text


def busy_error(path: Path, seconds: float) -> WorkspaceBusy:
    if seconds < 120:
        waited = ngettext("{n} second", "{n} seconds", round(seconds)).format(n=round(seconds))
    else:
        waited = ngettext("{n} minute", "{n} minutes", round(seconds / 60)).format(n=round(seconds / 60))
    return WorkspaceBusy(
        _(
            "{name} is busy: another Policy Tracker process has been writing to it for over "
            "{waited}; nothing was changed. Try again when it has finished."
        ).format(name=path.name, waited=waited)
    )


def wait_for_other_writers(path: Path, wait: WriteWait) -> None:
    """Return once no other process holds the write lock; raise WorkspaceBusy after `wait.seconds`.

    Any other failure (a read-only or damaged file) is left for the write itself to report.
    """
    deadline = time.monotonic() + wait.seconds
    try:
        probe = sqlite3.connect(
            f"{path.as_uri()}?mode=rw",
            uri=True,
            timeout=min(FIRST_TRY_SECONDS, wait.seconds),
            isolation_level=None,
        )
    except sqlite3.Error:
        return
    told = False
    try:
        while True:
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    return
                if time.monotonic() >= deadline:
                    raise busy_error(path, wait.seconds) from None
                if not told and wait.on_wait is not None:
                    wait.on_wait()
                    told = True
    finally:
        probe.close()
