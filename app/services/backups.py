"""Backups: consistent copies through SQLite's backup API, kept 7 daily and 4 weekly.

Backups of a workspace live in the data folder's `backups/<name>-<hash of its path>/`, one
file per backup named by its UTC time, so that two workspaces with the same name never share.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from app import paths
from app.data import db
from app.data.schema import SQLITE_HEADER
from app.errors import UserError, WorkspaceDamaged, WorkspaceUnusable
from app.services import integrity

KEEP_DAILY = 7
KEEP_WEEKLY = 4
STAMP = "%Y-%m-%dT%H%M%S.%f"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    policies: int
    notes: int
    sources: int

    def describe(self) -> str:
        when = self.taken.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{when} — {self.policies} policies, {self.notes} notes, {self.sources} sources"


def backup_dir(workspace_path: Path) -> Path:
    digest = hashlib.sha256(str(workspace_path.resolve()).encode()).hexdigest()[:8]
    return paths.data_dir() / "backups" / f"{workspace_path.stem}-{digest}"


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy, even while the app writes, through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    temporary.unlink(missing_ok=True)
    try:
        # Read-only: the source may be on read-only media, and a copy never writes to it.
        with closing(db.connect(source, read_only=True)) as src, closing(sqlite3.connect(temporary)) as dst:
            src.backup(dst)
            # One self-contained file: reading a WAL copy (to list or check it) would leave -wal
            # and -shm files beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
        # The backup API copies pages as they are, damage included; a damaged copy must never
        # count as a backup (the rotation would keep it and drop a good one).
        damage = integrity.diagnose(temporary, references=False)
        if damage is not None:
            temporary.unlink(missing_ok=True)
            raise WorkspaceDamaged(
                f"{source} is damaged ({damage.problems[0]}); no copy was kept, so no good backup is replaced"
            )
        temporary.replace(target)
    except (sqlite3.Error, OSError) as error:
        temporary.unlink(missing_ok=True)
        raise UserError(f"Could not copy {source.name} to {target}: {error}") from None


def back_up(workspace_path: Path, target: Path | None = None, now: datetime | None = None) -> Path:
    """Make a backup now (into the backups folder, or to `target`); returns its path."""
    now = now or datetime.now(UTC)
    if target is None:
        target = backup_dir(workspace_path) / f"{now.strftime(STAMP)}.sqlite"
    copy_database(workspace_path, target)
    return target


def _taken(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.stem, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(workspace_path: Path) -> list[BackupInfo]:
    """Backups of this workspace, newest first, with what each holds."""
    folder = backup_dir(workspace_path)
    found = []
    for path in sorted(folder.glob("*.sqlite"), reverse=True):
        taken = _taken(path)
        if taken is None:
            continue
        try:
            with closing(db.connect(path, read_only=True)) as c:
                counts = [
                    c.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0]
                    for t in ("policy", "note", "source")
                ]
        except sqlite3.Error:
            continue  # an unreadable backup is no use to restore from
        found.append(BackupInfo(path, taken, *counts))
    return found


def to_keep(taken: list[datetime], today: date) -> set[datetime]:
    """The newest backup of each of the last 7 days that have one, and of each of 4 earlier weeks."""
    newest_first = sorted(taken, reverse=True)
    keep: set[datetime] = set()
    days: list[date] = []
    for moment in newest_first:
        day = moment.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(moment)
    weeks: list[tuple[int, int]] = []
    oldest_daily = min(days) if days else today
    for moment in newest_first:
        week = moment.isocalendar()[:2]
        if moment.date() < oldest_daily and week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(moment)
    return keep


def prune(workspace_path: Path, today: date | None = None) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns the deleted paths."""
    folder = backup_dir(workspace_path)
    dated = {p: t for p in folder.glob("*.sqlite") if (t := _taken(p)) is not None}
    keep = to_keep(list(dated.values()), today or date.today())
    removed = []
    for path, taken in dated.items():
        if taken not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def daily_backup(workspace_path: Path, now: datetime | None = None) -> Path | None:
    """On open: a backup unless one was taken today already; then the rotation."""
    now = now or datetime.now(UTC)
    if not workspace_path.exists():
        return None
    existing = [
        b for b in backup_dir(workspace_path).glob("*.sqlite") if (t := _taken(b)) and t.date() == now.date()
    ]
    made = None if existing else back_up(workspace_path, now=now)
    prune(workspace_path, now.date())
    return made


def restore(workspace_path: Path, backup: Path) -> Path:
    """Replace the workspace with a backup, after backing up the current file; returns that safety copy."""
    with backup.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise WorkspaceUnusable(f"{backup} is not a backup of a workspace (not an SQLite file)")
    try:
        with closing(db.connect(backup, read_only=True)) as c:
            if c.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise WorkspaceUnusable(f"{backup} is damaged; choose another backup")
            c.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise WorkspaceUnusable(f"{backup} is not a backup of a Policy Tracker workspace") from None
    safety = None
    if workspace_path.exists():
        safety = back_up(workspace_path)
    for sidecar in ("-wal", "-shm"):
        workspace_path.with_name(workspace_path.name + sidecar).unlink(missing_ok=True)
    copy_database(backup, workspace_path)
    return safety or workspace_path
