"""SQLite's checks of a workspace file, its error codes in words, and moving a damaged file aside."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.data.sqlite import db, workspace_file
from app.errors import DiskFull, UserError, WorkspaceDamaged, WorkspaceReadOnly, WorkspaceUnusable
from app.messages import _, ngettext

# What a read of a damaged file raises: the window and exports catch it to say so in words.
ReadError = sqlite3.DatabaseError

# SQLite stops listing problems after this many; the count then reads "at least".
PROBLEM_LIMIT = 100


@dataclass(frozen=True)
class Damage:
    """What a check found: every problem SQLite listed, and a one-line summary of them."""

    path: Path
    problems: list[str]
    complete: bool = True  # False when SQLite stopped at PROBLEM_LIMIT

    def summary(self) -> str:
        """The first problem and how many more, on one line."""
        first = " ".join(self.problems[0].split()) if self.problems else _("unknown damage")
        text = _("{path} is damaged: {problem}").format(path=self.path, problem=first[:300])
        more = len(self.problems) - 1
        if more > 0 and self.complete:
            text += ngettext(" (and {n} more problem)", " (and {n} more problems)", more).format(n=more)
        elif more > 0:
            text += ngettext(
                " (and at least {n} more problem)", " (and at least {n} more problems)", more
            ).format(n=more)
        return text


def diagnose(path: Path, *, thorough: bool = False, references: bool = True) -> Damage | None:
    """None when the workspace is sound, else what is damaged.

    `references`: also look for rows that refer to missing ones (not damage to the file itself).

    A file that is no workspace at all (not SQLite, missing, a folder) is not damage: that
    raises WorkspaceUnusable, with the reason in words.
    """
    try:
        workspace_file.read_revision(path)
    except WorkspaceDamaged as error:
        return Damage(path, [error.reason])
    if not path.exists():
        raise WorkspaceUnusable(_("There is no workspace at {path}").format(path=path))
    try:
        with closing(db.connect(path, read_only=True)) as connection:
            connection.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage garbles text
            problems, complete = _sqlite_problems(
                connection, "integrity_check" if thorough else "quick_check"
            )
            if problems:
                return Damage(path, problems, complete)
            broken = connection.execute("PRAGMA foreign_key_check").fetchall() if references else []
    except sqlite3.DatabaseError as error:
        return Damage(path, [str(error)], complete=False)
    if broken:
        return Damage(
            path,
            [
                _("a row of {table} (row {row}) refers to a missing {parent}").format(
                    table=table, row=row, parent=parent
                )
                for table, row, parent, _key in broken
            ],
        )
    return None


def _sqlite_problems(connection: sqlite3.Connection, pragma: str) -> tuple[list[str], bool]:
    """The problems SQLite's check lists, one a line, and whether that is all of them.

    On some damage the check itself fails ("malformed") once it has listed enough; asking for
    fewer then still names the first ones.
    """
    limit, complete = PROBLEM_LIMIT, True
    while True:
        try:
            rows = connection.execute(f"PRAGMA {pragma}({limit})").fetchall()
            break
        except sqlite3.DatabaseError as error:
            if limit == 1:
                return [str(error)], False
            limit, complete = limit // 2, False
    lines = [line for (text,) in rows for line in str(text).splitlines()]
    problems = [line for line in lines if line != "ok" and not line.startswith("*** in database")]
    return problems, complete and len(problems) < limit


def check(path: Path, *, thorough: bool = False) -> str | None:
    """None when the workspace is sound, else a one-line diagnosis in plain words."""
    try:
        damage = diagnose(path, thorough=thorough)
    except UserError as error:
        return str(error)
    return None if damage is None else damage.summary()


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
            _(
                "{name} cannot be written (the file, its folder or the disk is read-only); nothing was changed"
            ).format(name=path.name)
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(_("The disk is full; nothing was changed. Free some space and try again."))
    if "malformed" in text or "not a database" in text:
        return WorkspaceDamaged(
            _("{path} is damaged ({reason}); nothing was changed").format(path=path, reason=text), text
        )
    if "unable to open database" in text:
        return WorkspaceReadOnly(
            _("Cannot open {path}; check that the folder exists and can be written").format(path=path)
        )
    return None


def database_error(error: BaseException) -> BaseException | None:
    """The SQLite error behind `error` (SQLAlchemy wraps the driver's), or None if it is none."""
    cause = getattr(error, "orig", None) or error
    return cause if isinstance(cause, sqlite3.DatabaseError) else None
