"""Checking a workspace, and what to do with a damaged one: move it aside, never overwrite it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from app.data import workspace_file
from app.errors import DiskFull, UserError, WorkspaceDamaged, WorkspaceReadOnly


def check(path: Path, *, thorough: bool = False) -> str | None:
    """None when the workspace is sound, else a one-line diagnosis in plain words."""
    try:
        workspace_file.read_revision(path)
    except UserError as error:
        return str(error)
    if not path.exists():
        return f"There is no workspace at {path}"
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            connection.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage garbles text
            pragma = "integrity_check" if thorough else "quick_check"
            rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}(5)")]
            if rows != ["ok"]:
                return f"{path} is damaged: {'; '.join(rows)[:300]}"
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                return f"{path} is damaged: {len(broken)} references point at missing rows (first in {broken[0][0]})"
    except sqlite3.DatabaseError as error:
        return f"{path} is damaged: {error}"
    return None


def move_aside(path: Path) -> Path:
    """Rename a damaged workspace (and its journal files) so it is kept for rescue, never deleted."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    path.replace(target)
    for sidecar in ("-wal", "-shm"):
        extra = path.with_name(path.name + sidecar)
        if extra.exists():
            extra.replace(target.with_name(target.name + sidecar))
    return target


def translate_sqlite_error(error: BaseException, path: Path) -> UserError | None:
    """The plain-words error for SQLite failures that are the environment's, not a bug."""
    text = str(getattr(error, "orig", None) or error).lower()
    if "readonly" in text or "read-only" in text:
        return WorkspaceReadOnly(
            f"{path.name} cannot be written (the file, its folder or the disk is read-only); "
            "nothing was changed"
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull("The disk is full; nothing was changed. Free some space and try again.")
    if "malformed" in text or "not a database" in text:
        return WorkspaceDamaged(f"{path} is damaged ({text}); nothing was changed")
    if "unable to open database" in text:
        return WorkspaceReadOnly(f"Cannot open {path}; check that the folder exists and can be written")
    return None
