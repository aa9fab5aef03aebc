"""SQLite's side of backups and restores: copies through the backup API, and checks of a copy."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from app.data.schema import SQLITE_HEADER
from app.data.sqlite import db
from app.data.sqlite.integrity import translate_sqlite_error
from app.data.store import StoreError
from app.errors import UserError, WorkspaceUnusable
from app.messages import _


def copy_pages(source: Path, temporary: Path) -> None:
    """A complete, consistent, self-contained copy of `source` into the new file `temporary`.

    StoreError when SQLite fails (a full disk, a damaged source).
    """
    try:
        # The backup API copies even while the app writes; the copy's commit syncs it to disk. Read-only:
        # the source may be on read-only media, and a copy never writes to it.
        with closing(db.connect(source, read_only=True)) as src, closing(sqlite3.connect(temporary)) as dst:
            src.backup(dst)
            # One self-contained file: reading a WAL copy (to list or check it) would leave -wal
            # and -shm files beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise StoreError(str(error)) from error


def live_counts(path: Path) -> tuple[int, int, int] | None:
    """How many live policies, notes and sources a copy holds; None when it cannot be read."""
    try:
        with closing(db.connect(path, read_only=True)) as connection:
            policies, notes, sources = (
                int(connection.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0])
                for t in ("policy", "note", "source")
            )
    except sqlite3.Error:
        return None
    return policies, notes, sources


def check_file(backup: Path) -> None:
    """Refuse, in words, a file that is not a sound backup of a workspace."""
    try:
        with backup.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UserError(
            _("Cannot read {path}: {reason}").format(path=backup, reason=error.strerror or error)
        ) from None
    if header != SQLITE_HEADER:
        raise WorkspaceUnusable(
            _("{path} is not a backup of a workspace (not an SQLite file)").format(path=backup)
        )
    try:
        with closing(db.connect(backup, read_only=True)) as connection:
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise WorkspaceUnusable(_("{path} is damaged; choose another backup").format(path=backup))
            connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise WorkspaceUnusable(
            _("{path} is not a backup of a Policy Tracker workspace").format(path=backup)
        ) from None


def overwrite_pages(path: Path, backup: Path) -> None:
    """Write the backup's pages into the live workspace in one transaction."""
    try:
        with closing(db.connect(backup, read_only=True)) as src, closing(db.connect(path)) as dst:
            page_size = src.execute("PRAGMA page_size").fetchone()[0]
            # SQLite copies into a WAL file only between equal page sizes; else through its rollback journal.
            switched = page_size != dst.execute("PRAGMA page_size").fetchone()[0]
            if switched and dst.execute("PRAGMA journal_mode = DELETE").fetchone()[0] != "delete":
                raise UserError(
                    _("{name} is in use by another program; close it and try again").format(name=path.name)
                )
            src.backup(dst)
            if switched:
                dst.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        plain = translate_sqlite_error(error, path)
        raise plain or UserError(
            _("Could not restore {name}: {reason}; nothing was changed").format(name=path.name, reason=error)
        ) from None
