"""Bring a workspace file to the current schema with Alembic, all of it in one SQLite transaction."""

from __future__ import annotations

import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

# Re-exported: the names this module has always offered.
from app.data.alembic_runner import MIGRATIONS_DIR as MIGRATIONS_DIR
from app.data.alembic_runner import alembic_config as alembic_config
from app.data.alembic_runner import head_revision as head_revision
from app.data.alembic_runner import known_revisions as known_revisions
from app.data.alembic_runner import upgrade_on as upgrade_on

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# (type, name) -> its SQL, whitespace normalised: what sqlite_master lists.
SchemaObjects = dict[tuple[str, str], str]


def upgrade(path: Path, target: str = "head", *, leftovers: SchemaObjects | None = None) -> None:
    """Run every pending migration on the file at `path` in one transaction: all of it or nothing.

    `leftovers` are objects a half-done upgrade by an older version left behind (see
    workspace_file.half_done_leftovers); they are dropped first, in the same transaction.
    """
    from app.data.sqlite import db

    engine = db.make_engine(path, transactional_ddl=True)
    try:
        with engine.begin() as connection:
            drop_objects(connection, leftovers or {})
            upgrade_on(connection, target)
            check_references(connection)
    finally:
        engine.dispose()


def drop_objects(connection: Connection, objects: SchemaObjects) -> None:
    """Drop schema objects: triggers and indexes before the tables they belong to.

    Virtual (FTS5) tables go before other tables, and IF EXISTS, because dropping one drops its
    shadow tables with it.
    """

    def order(obj: tuple[str, str]) -> tuple[int, str]:
        kind, name = obj
        rank = {"trigger": 0, "view": 1, "index": 2}.get(kind, 4)
        if kind == "table" and objects[obj].upper().startswith("CREATE VIRTUAL"):
            rank = 3
        return rank, name

    for kind, name in sorted(objects, key=order):
        quoted = '"' + name.replace('"', '""') + '"'
        connection.exec_driver_sql(f"DROP {kind.upper()} IF EXISTS {quoted}")


def check_references(connection: Connection) -> None:
    """Refuse to commit a migration that left a reference to a missing row (foreign keys are off
    on migration connections, see db.make_engine)."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, _rowid, parent, _index = broken[0]
        raise RuntimeError(f"{len(broken)} rows would point at missing rows (first: {table} -> {parent})")


def schema_objects(connection: sqlite3.Connection) -> SchemaObjects:
    """Every table, index, trigger and view of a file (SQLite's own excepted), with its SQL."""
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    )
    return {(kind, name): " ".join(str(sql).split()) for kind, name, sql in rows}


@cache
def schema_at(revision: str) -> SchemaObjects:
    """What a file at `revision` holds, made by running the migrations up to it on an empty file."""
    return schemas_from(revision)[0]


@cache
def schemas_from(revision: str) -> list[SchemaObjects]:
    """What a file holds at `revision` and at each later revision, up to the head, in order."""
    from alembic.script import ScriptDirectory

    oldest_first = [
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    ]
    oldest_first.reverse()
    schemas = []
    with tempfile.TemporaryDirectory(prefix="policy-tracker-schema-") as folder:
        path = Path(folder) / "reference.sqlite"
        for step in oldest_first[oldest_first.index(revision) :]:
            upgrade(path, step)
            connection = sqlite3.connect(path)
            try:
                schemas.append(schema_objects(connection))
            finally:
                connection.close()
    return schemas
