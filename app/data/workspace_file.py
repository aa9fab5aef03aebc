"""Open a workspace file safely: recognise it, create it, or upgrade it after copying it aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.data import db
from app.data.schema import HEAD_REVISION, SQLITE_HEADER
from app.errors import WorkspaceDamaged, WorkspaceUnusable

STARTER_KEY = "starter_data"


def read_revision(path: Path) -> str | None:
    """The schema revision of an existing workspace, or None for a file not yet created."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    if path.is_dir():
        raise WorkspaceUnusable(f"{path} is a folder, not a workspace file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise WorkspaceUnusable(f"Cannot read {path}: {error.strerror or error}") from None
    if header != SQLITE_HEADER:
        raise WorkspaceUnusable(f"{path} is not a Policy Tracker workspace (it is not an SQLite file)")
    try:
        connection = db.connect(path, read_only=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except UnicodeDecodeError:
        raise WorkspaceDamaged(f"{path} is damaged (its schema version is unreadable)") from None
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or "not a database" in str(error):
            raise WorkspaceDamaged(f"{path} is damaged ({error})") from None
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_CANTOPEN:
            raise WorkspaceUnusable(
                f"Cannot open {path} ({error}); check the permissions of it and its folder"
            ) from None
        raise WorkspaceUnusable(f"{path} is an SQLite file but not a Policy Tracker workspace") from None
    if row is None:
        raise WorkspaceUnusable(f"{path} is not a Policy Tracker workspace (it has no schema version)")
    return str(row[0])


def read_meta(path: Path, key: str) -> str | None:
    connection = db.connect(path, read_only=True)
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    finally:
        connection.close()
    return None if row is None else str(row[0])


def ensure_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkspaceUnusable(
            f"Cannot create the workspace folder {path.parent}: {error.strerror or error}"
        ) from None
    if not path.parent.is_dir():
        raise WorkspaceUnusable(f"Cannot create a workspace in {path.parent}: it is not a folder")


def copy_aside(path: Path, revision: str) -> Path:
    """A consistent copy of the file before an upgrade, through SQLite's backup API."""
    target = path.with_name(f"{path.stem}.before-upgrade-from-{revision}{path.suffix or '.sqlite'}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.before-upgrade-from-{revision}-{counter}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def is_current(revision: str | None) -> bool:
    return revision == HEAD_REVISION
