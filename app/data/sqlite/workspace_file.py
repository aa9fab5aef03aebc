"""Open a workspace file safely: recognise it, create it, or upgrade it after copying it aside."""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app.data.schema import HEAD_REVISION, SQLITE_HEADER
from app.data.sqlite import db
from app.errors import WorkspaceDamaged, WorkspaceUnusable
from app.messages import _

if TYPE_CHECKING:
    from app.data.sqlite.migrate import SchemaObjects

STARTER_KEY = "starter_data"


def read_revision(path: Path) -> str | None:
    """The schema revision of an existing workspace, or None for a file not yet created."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    if path.is_dir():
        raise WorkspaceUnusable(_("{path} is a folder, not a workspace file").format(path=path))
    # SQLite reads the file, not open() and close(): closing any descriptor of the file drops every
    # POSIX lock this process holds on it, SQLite's own included, and another process would then take
    # the open window's journal for abandoned, fold it in and delete it under the window.
    try:
        connection = db.connect(path, read_only=True)
        try:
            row = _version_row(connection)
            if row is None and _holds_nothing(connection):
                return None  # an empty file, or one whose creation was interrupted: created anew
        finally:
            connection.close()
    except UnicodeDecodeError:
        raise _damaged(path, _("its schema version is unreadable")) from None
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) and not _has_sqlite_header(path):
            raise WorkspaceUnusable(
                _("{path} is not a Policy Tracker workspace (it is not an SQLite file)").format(path=path)
            ) from None
        if "malformed" in str(error) or "not a database" in str(error):
            raise _damaged(path, str(error)) from None
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_CANTOPEN:
            raise WorkspaceUnusable(
                _("Cannot open {path} ({problem}); check the permissions of it and its folder").format(
                    path=path, problem=error
                )
            ) from None
        raise WorkspaceUnusable(
            _("{path} is an SQLite file but not a Policy Tracker workspace").format(path=path)
        ) from None
    if row is None:
        raise WorkspaceUnusable(
            _("{path} is not a Policy Tracker workspace (it has no schema version)").format(path=path)
        )
    return str(row[0])


def _damaged(path: Path, reason: str) -> WorkspaceDamaged:
    return WorkspaceDamaged(_("{path} is damaged ({reason})").format(path=path, reason=reason), reason)


def _has_sqlite_header(path: Path) -> bool:
    """Whether the file starts as every SQLite file does; asked only of a file SQLite cannot read."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _version_row(connection: sqlite3.Connection) -> tuple[str] | None:
    try:
        row: tuple[str] | None = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise


def _holds_nothing(connection: sqlite3.Connection) -> bool:
    """An SQLite file with no schema at all, or only empty tables of a workspace: nothing to lose.

    Versions before this one committed each CREATE of a new workspace on its own, so a kill
    could leave a file with some of the tables, all empty, and no schema version. Such a file
    is created anew. Another program's file, even an empty one, is left alone.
    """
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if not tables:
        return int(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]) == 0
    from sqlmodel import SQLModel

    import app.data.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

    if not set(tables) <= {"alembic_version", *SQLModel.metadata.tables}:
        return False
    return all(connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is None for table in tables)


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
            _("Cannot create the workspace folder {folder}: {reason}").format(
                folder=path.parent, reason=error.strerror or error
            )
        ) from None
    if not path.parent.is_dir():
        raise WorkspaceUnusable(
            _("Cannot create a workspace in {folder}: it is not a folder").format(folder=path.parent)
        )


def copy_aside(path: Path, revision: str) -> Path:
    """A consistent copy of the file before an upgrade from `revision`, through SQLite's backup API.

    An earlier copy from the same revision that holds exactly this file's data is kept and
    reused, so failed or interrupted upgrades do not pile up copies. A new copy is written
    under a temporary name and renamed once complete: a kill mid-copy leaves no file that
    looks like a finished copy.
    """
    stem, suffix = path.stem, path.suffix or ".sqlite"
    earlier = sorted(
        path.parent.glob(f"{glob.escape(stem)}.before-upgrade-from-{revision}*{suffix}"),
        key=lambda candidate: (len(candidate.name), candidate.name),
    )
    if earlier:
        digest = data_digest(path)
        for candidate in earlier:
            if _is_copy_of(candidate, revision, digest):
                return candidate
    target = path.with_name(f"{stem}.before-upgrade-from-{revision}{suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{stem}.before-upgrade-from-{revision}-{counter}{suffix}")
    partial = temporary_name(target)
    try:
        source = sqlite3.connect(path)
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                # A rollback journal, not WAL: reading the copy later leaves no -wal or -shm beside it.
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        finally:
            source.close()
        put_in_place(partial, target, replace=True)
    finally:
        _remove_with_sidecars(partial)
    return target


def _is_copy_of(candidate: Path, revision: str, digest: str) -> bool:
    """Whether `candidate` is a sound, complete copy at `revision` holding the data whose digest is given.

    Read as an immutable file: no lock, no -wal or -shm left beside it, and only what is in the
    file itself, so a copy whose writing was cut short (its pages still in a journal) does not count.
    """
    if not candidate.is_file():
        return False
    try:
        connection = sqlite3.connect(db.sqlite_uri(candidate, immutable="1"), uri=True)
        try:
            if _version_row(connection) != (revision,):
                return False
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return False
            return _digest(connection) == digest
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def data_digest(path: Path) -> str:
    """A digest of the person's data in the workspace: every row of every table the app models."""
    connection = db.connect(path, read_only=True)
    try:
        return _digest(connection)
    finally:
        connection.close()


def _digest(connection: sqlite3.Connection) -> str:
    from sqlmodel import SQLModel

    import app.data.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

    digest = hashlib.blake2b(digest_size=16)
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in sorted(set(SQLModel.metadata.tables) & present):
        digest.update(table.encode())
        for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def half_done_leftovers(path: Path, revision: str) -> SchemaObjects:
    """What an interrupted upgrade by an older version left in a file that still says `revision`.

    Versions before this one ran each CREATE of an upgrade in a transaction of its own, so a
    kill left tables, indexes and triggers of a later revision in a file whose version still
    said the old one, and every later upgrade failed on them ("table search_doc already
    exists"). Such objects hold nothing of the person's (migrations build them from the other
    tables), so they are returned, to be dropped in the same transaction as the upgrade that
    makes them again. Only objects exactly as a later revision makes them count; anything else
    is left alone (and an upgrade that trips on it fails whole, changing nothing).
    """
    from app.data.sqlite import migrate

    connection = db.connect(path, read_only=True)
    try:
        present = migrate.schema_objects(connection)
    finally:
        connection.close()
    expected = migrate.schema_at(revision)
    extra = {obj: sql for obj, sql in present.items() if obj not in expected}
    if not extra:
        return {}
    changed = [obj for obj, sql in expected.items() if present.get(obj) != sql]
    if changed:
        return {}  # not the mark of an interrupted upgrade, which only ever added objects
    later = {(obj, sql) for schema in migrate.schemas_from(revision)[1:] for obj, sql in schema.items()}
    return {obj: sql for obj, sql in extra.items() if (obj, sql) in later}


def temporary_name(target: Path) -> Path:
    """Where to write `target` before it is complete: a name no one takes for a finished file."""
    return target.with_name(f"{target.name}.partial-{os.getpid()}")


# Where a process cannot be asked whether another is alive (Windows: os.kill would end it), a
# temporary file this old is taken for a killed process's.
STALE_AFTER_SECONDS = 3600


def remove_stale_temporaries(path: Path) -> None:
    """Remove what killed processes left half-written beside the workspace: a new workspace being
    built, a copy before an upgrade (with their journal files). Another process's are kept while
    it runs; on read-only media nothing is removed."""
    prefixes = (path.name, f"{path.stem}.before-upgrade-from-")
    with contextlib.suppress(OSError):
        for prefix in prefixes:
            for partial in path.parent.glob(f"{glob.escape(prefix)}*.partial-*"):
                pid = partial.name.rsplit("-", 1)[-1]
                if pid.isdigit() and _is_abandoned(partial, int(pid)):
                    _remove_with_sidecars(partial)


def _is_abandoned(partial: Path, pid: int) -> bool:
    if os.name != "posix":
        return time.time() - partial.stat().st_mtime > STALE_AFTER_SECONDS
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists, but belongs to someone else
    return False


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, *sidecars(path)):
        leftover.unlink(missing_ok=True)


def sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def put_in_place(finished: Path, target: Path, *, replace: bool) -> bool:
    """Move a complete file to `target` in one step, durably; False if `target` exists and not `replace`.

    Without `replace`, a hard link makes the file appear only if no other process put one there
    first; where the file system has no hard links, a rename does (a narrow race remains there).
    """
    for leftover in sidecars(finished):
        if leftover.exists():
            raise OSError(f"{finished.name} is still open ({leftover.name} exists)")
    with finished.open("rb+") as handle:
        os.fsync(handle.fileno())
    if replace:
        os.replace(finished, target)
    else:
        try:
            os.link(finished, target)
        except FileExistsError:
            return False
        except OSError:
            if target.exists():
                return False
            os.replace(finished, target)
        else:
            finished.unlink()
    _sync_folder(target.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def is_current(revision: str | None) -> bool:
    return revision == HEAD_REVISION
