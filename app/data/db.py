"""Connections to a workspace file, with the pragmas every connection needs.

Two doors to the same file: `connect()` gives a plain sqlite3 connection for the fast
read path (no ORM import), `make_engine()` gives the SQLAlchemy engine for writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 5000


def apply_pragmas(connection: sqlite3.Connection) -> None:
    """Foreign keys on, WAL with NORMAL sync (durable at checkpoints, never corrupt), waits on locks."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()
    del mode  # a read-only or in-memory file may refuse WAL; it still works in its own mode
    connection.execute("PRAGMA synchronous = NORMAL")


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection with the workspace pragmas applied."""
    if read_only:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        connection.execute("PRAGMA foreign_keys = ON")
    else:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        apply_pragmas(connection)
    return connection


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
    from sqlmodel import create_engine

    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

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
