"""Connections to a workspace file, with the pragmas every connection needs.

Two doors to the same file: `connect()` gives a plain sqlite3 connection for the fast
read path (no ORM import), `make_engine()` gives the SQLAlchemy engine for writes.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from app.errors import WorkspaceUnusable
from app.messages import _

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 5000


def is_operational_error(error: BaseException) -> bool:
    """Whether SQLite refused an operation (cannot open, cannot write), as opposed to a bug."""
    return isinstance(error, sqlite3.OperationalError)


def apply_pragmas(connection: sqlite3.Connection) -> None:
    """Foreign keys on, WAL with NORMAL sync (durable at checkpoints, never corrupt), waits on locks."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()
    del mode  # a read-only or in-memory file may refuse WAL; it still works in its own mode
    connection.execute("PRAGMA synchronous = NORMAL")


def sqlite_uri(path: Path, **parameters: str) -> str:
    """The `file:` URI SQLite needs for `path`, with `parameters` such as mode=ro.

    The path is percent-encoded: a `#`, `?` or `%` in a file name is part of the name, not the
    start of a fragment or of the parameters (pasted as is, `Project #2.sqlite` opened `Project `).
    """
    uri = path.absolute().as_uri()
    return f"{uri}?{urlencode(parameters)}" if parameters else uri


def can_write(path: Path) -> bool:
    """Whether the file (or, before it exists, its folder) and its folder can be written.

    SQLite needs the folder too: the -wal and -shm files are created next to the workspace.
    """
    folder_writable = os.access(path.parent, os.W_OK)
    return folder_writable and (not path.exists() or os.access(path, os.W_OK))


def _open_read_only(path: Path, **extra: str) -> sqlite3.Connection:
    connection = sqlite3.connect(
        sqlite_uri(path, mode="ro", **extra), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA schema_version").fetchone()  # opens the file now, not at first use
    except BaseException:
        connection.close()
        raise
    return connection


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection with the workspace pragmas applied.

    `read_only` also opens a workspace on read-only media: a WAL file there cannot get its -shm
    index, so SQLite refuses it (SQLITE_CANTOPEN) unless told the file is immutable, which is
    true of a file nobody can write. A -wal left beside it would then be ignored, so that case
    is refused in words instead.
    """
    if not read_only:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            apply_pragmas(connection)
        except BaseException:
            connection.close()
            raise
        return connection
    try:
        return _open_read_only(path)
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_CANTOPEN or not path.is_file():
            raise
        if can_write(path) or not os.access(path, os.R_OK):
            raise
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise WorkspaceUnusable(
                _(
                    "{path} is on read-only media with unsaved changes in {journal}, which cannot be "
                    "read there; copy both files to a writable folder and open the copy"
                ).format(path=path, journal=wal.name)
            ) from None
        return _open_read_only(path, immutable="1")


def make_engine(path: Path, *, transactional_ddl: bool = False) -> Engine:
    """The SQLAlchemy engine for the ORM; each pooled connection gets the same pragmas.

    With `transactional_ddl` (for migrations), every transaction is one real SQLite transaction
    from its first statement, schema changes included: pysqlite's own handling only opens a
    transaction before INSERT/UPDATE/DELETE, so a CREATE TABLE would commit on its own and a kill
    mid-upgrade would leave half a schema. The transaction begins IMMEDIATE, taking the write
    lock up front (and waiting for it), so it cannot fail half-way because another process wrote
    in between. Foreign keys are off on these connections, as SQLite's procedure for altering
    tables requires (the pragma cannot change inside a transaction, and a table rebuilt by
    copying would otherwise cascade deletes into its children when the old one is dropped);
    migrate.check_references runs before the commit instead.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import URL
    from sqlmodel import create_engine

    # A URL object, not the text "sqlite:///path": in text, a "?" or "%" in the name is parsed.
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling would defer BEGIN; pragmas must run outside one.
        previous = dbapi_connection.isolation_level
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)
        if transactional_ddl:
            dbapi_connection.execute("PRAGMA foreign_keys = OFF")
        dbapi_connection.isolation_level = None if transactional_ddl else previous

    if transactional_ddl:

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_read_only_engine(path: Path) -> Engine:
    """The engine of a workspace opened read-only: every pooled connection is `connect(read_only=True)`."""
    from sqlalchemy.engine import URL
    from sqlmodel import create_engine

    return create_engine(
        URL.create("sqlite", database=str(path)), creator=lambda: connect(path, read_only=True)
    )
