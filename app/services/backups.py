"""Backups: consistent copies through SQLite's backup API, kept 7 daily and 4 weekly.

Backups of a workspace live in the data folder's `backups/<name>-<hash of its real path>/`, one
file per backup named by its UTC time, so that two workspaces with the same name never share.
The copy a restore makes of the version it replaces goes to that folder's `before-restore/`,
outside the rotation, and is kept for 30 days: a restore can itself be undone.
"""

from __future__ import annotations

import glob
import hashlib
import os
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app import paths
from app.data.sqlite import backup as sqlite_backup
from app.data.sqlite import workspace_file
from app.data.store import StoreError
from app.data.workspace_lock import exclusive
from app.errors import DiskFull, UserError, WorkspaceDamaged
from app.messages import _
from app.services import integrity

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_SAFETY_DAYS = 30
SAFETY_FOLDER = "before-restore"
STAMP = "%Y-%m-%dT%H%M%S.%f"
# Where no process can be asked whether it still runs (Windows), a partial file this old is abandoned.
ABANDONED_AFTER_SECONDS = 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    policies: int
    notes: int
    sources: int
    before_restore: bool = False  # a safety copy made by a restore, kept outside the rotation

    def describe(self) -> str:
        when = self.taken.astimezone().strftime("%Y-%m-%d %H:%M")
        kind = _(" (safety copy made before a restore)") if self.before_restore else ""
        return _("{when} — {policies} policies, {notes} notes, {sources} sources{kind}").format(
            when=when, policies=self.policies, notes=self.notes, sources=self.sources, kind=kind
        )


@dataclass(frozen=True)
class Restored:
    """What a restore did with the version it replaced."""

    safety_copy: Path | None  # a sound workspace: backed up here first
    moved_aside: Path | None  # a damaged one: renamed to this, beside it, never deleted


def backup_dir(workspace_path: Path) -> Path:
    real = paths.real_path(workspace_path)
    digest = hashlib.sha256(str(real).encode()).hexdigest()[:8]
    return paths.data_dir() / "backups" / f"{real.stem}-{digest}"


def safety_dir(workspace_path: Path) -> Path:
    return backup_dir(workspace_path) / SAFETY_FOLDER


# Partial files: a copy is written under a temporary name holding the writer's process id, and renamed
# once complete. A killed writer leaves its partial behind; the next backup, restore or prune removes it
# (and the next personal copy of a team workspace, which is made the same way).
def partial_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


def discard_partial(partial: Path) -> None:
    """Remove a partial file and the journal files SQLite may have left beside it."""
    for leftover in (partial, *workspace_file.sidecars(partial)):
        leftover.unlink(missing_ok=True)


def finish_partial(partial: Path, target: Path) -> bool:
    """Put a complete partial file in place, durably, unless `target` exists (then False)."""
    return workspace_file.put_in_place(partial, target, replace=False)


def _writer_gone(partial: Path) -> bool:
    parts = partial.name.rsplit(".", 2)
    pid = int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None
    if pid is None:
        return True  # not one of ours by name: an older version's, long finished
    if pid == os.getpid():
        return False  # this process may be writing it right now (a backup thread)
    if sys.platform == "win32":  # pragma: no cover - no signal 0 there; tell by age instead
        try:
            return time.time() - partial.stat().st_mtime > ABANDONED_AFTER_SECONDS
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, someone else's
    return False


def remove_abandoned_partials(folder: Path, name: str = "*") -> list[Path]:
    """Delete the partial files of killed backups and restores in `folder` (of `name`, or all)."""
    removed = []
    pattern = f".{'*' if name == '*' else glob.escape(name)}.*.partial"  # a name may hold [, ? or *
    for partial in folder.glob(pattern) if folder.is_dir() else ():
        if _writer_gone(partial):
            discard_partial(partial)
            removed.append(partial)
    return removed


def _copy_to_partial(source: Path, target: Path) -> Path:
    """A complete, consistent copy of `source` beside `target`, under a temporary name; returns it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = partial_for(target)
    temporary.unlink(missing_ok=True)
    try:
        # The backup API copies even while the app writes; the copy's commit syncs it to disk. Read-only:
        # the source may be on read-only media, and a copy never writes to it.
        sqlite_backup.copy_pages(source, temporary)
        # The backup API copies pages as they are, damage included; a damaged copy must never
        # count as a backup (the rotation would keep it and drop a good one).
        damage = integrity.diagnose(temporary, references=False)
    except (StoreError, OSError) as error:
        temporary.unlink(missing_ok=True)
        raise _copy_failed(source, target, error) from None
    if damage is not None:
        temporary.unlink(missing_ok=True)
        raise WorkspaceDamaged(
            _("{path} is damaged ({problem}); no copy was kept, so no good backup is replaced").format(
                path=source, problem=damage.problems[0]
            )
        )
    return temporary


def _copy_failed(source: Path, target: Path, error: BaseException) -> UserError:
    plain = integrity.translate_sqlite_error(error, target)
    if isinstance(plain, DiskFull):
        return DiskFull(
            _("The disk is full: could not copy {name} to {target}; nothing was changed").format(
                name=source.name, target=target
            )
        )
    reason = error.strerror if isinstance(error, OSError) and error.strerror else error
    return UserError(
        _("Could not copy {name} to {target}: {reason}").format(
            name=source.name, target=target, reason=reason
        )
    )


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy, even while the app writes; `target` appears only once it is complete."""
    remove_abandoned_partials(target.parent, target.name)
    temporary = _copy_to_partial(source, target)
    try:
        workspace_file.put_in_place(temporary, target, replace=True)  # durably, in one step
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _copy_failed(source, target, error) from None


def back_up(workspace_path: Path, target: Path | None = None, now: datetime | None = None) -> Path:
    """Make a backup now (into the backups folder, or to `target`); returns its path."""
    workspace_path = paths.real_path(workspace_path)
    now = now or datetime.now(UTC)
    if target is None:
        target = backup_dir(workspace_path) / f"{now.strftime(STAMP)}.sqlite"
        remove_abandoned_partials(target.parent)
    copy_database(workspace_path, target)
    return target


def _taken(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.stem, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _dated(folder: Path) -> dict[Path, datetime]:
    return {p: t for p in folder.glob("*.sqlite") if (t := _taken(p)) is not None}


def list_backups(workspace_path: Path) -> list[BackupInfo]:
    """Backups of this workspace, and the safety copies of restores, newest first, with what each holds."""
    found = []
    for folder, before_restore in ((backup_dir(workspace_path), False), (safety_dir(workspace_path), True)):
        for path, taken in _dated(folder).items():
            counts = sqlite_backup.live_counts(path)
            if counts is None:
                continue  # an unreadable backup is no use to restore from
            found.append(BackupInfo(path, taken, *counts, before_restore=before_restore))
    return sorted(found, key=lambda info: info.taken, reverse=True)


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
    """Delete what the rotation no longer keeps, safety copies past 30 days, abandoned partial files.

    Returns the deleted paths.
    """
    today = today or date.today()
    folder, safety = backup_dir(workspace_path), safety_dir(workspace_path)
    removed = remove_abandoned_partials(folder) + remove_abandoned_partials(safety)
    dated = _dated(folder)
    keep = to_keep(list(dated.values()), today)
    expired = {p for p, t in _dated(safety).items() if t.date() < today - timedelta(days=KEEP_SAFETY_DAYS)}
    for path in [p for p, t in dated.items() if t not in keep] + sorted(expired):
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def daily_backup(workspace_path: Path, now: datetime | None = None) -> Path | None:
    """On open: a backup unless one was taken today already; then the rotation."""
    now = now or datetime.now(UTC)
    if not workspace_path.exists():
        return None
    existing = [t for t in _dated(backup_dir(workspace_path)).values() if t.date() == now.date()]
    made = None if existing else back_up(workspace_path, now=now)
    prune(workspace_path, now.date())
    return made


def check_backup(backup: Path) -> None:
    """Refuse, in words, a file that is not a sound backup of a workspace."""
    sqlite_backup.check_file(backup)


def restore(
    workspace_path: Path, backup: Path, now: datetime | None = None, *, damaged: bool = False
) -> Restored:
    """Replace the workspace with a backup; a failure (a full disk, a kill) changes nothing.

    A sound workspace is first copied to the safety folder, then overwritten through SQLite's backup
    API in one transaction: other connections see the old contents or the new, never a mix, and the
    live file and its journal stay intact until that transaction commits. A damaged (or missing)
    workspace is replaced by a complete copy of the backup, and the damaged file moved aside; `damaged`
    says it is known to be damaged (the window may know of damage a quick check does not find).
    Refused (WorkspaceInUse) while another process holds the workspace, such as a window open on it.
    """
    path = paths.real_path(workspace_path)
    backup = paths.real_path(backup)
    if backup == path:
        raise UserError(_("{path} is the workspace itself, not a backup of it").format(path=backup))
    check_backup(backup)
    with exclusive(path, "restore"):
        for folder in (backup_dir(path), safety_dir(path)):
            remove_abandoned_partials(folder)
        remove_abandoned_partials(path.parent, path.name)
        if path.exists() and not damaged and integrity.check(path) is None:
            now = now or datetime.now(UTC)
            safety = back_up(path, safety_dir(path) / f"{now.strftime(STAMP)}.sqlite")
            try:
                _overwrite(path, backup)
            except BaseException:
                safety.unlink(missing_ok=True)  # nothing was replaced: the copy would only mislead
                raise
            return Restored(safety_copy=safety, moved_aside=None)
        return Restored(safety_copy=None, moved_aside=_replace_file(path, backup))


def _overwrite(path: Path, backup: Path) -> None:
    """Write the backup's pages into the live workspace in one transaction."""
    sqlite_backup.overwrite_pages(path, backup)


def _replace_file(path: Path, backup: Path) -> Path | None:
    """Put a complete copy of the backup in place of a damaged or missing file; returns where that went."""
    temporary = _copy_to_partial(backup, path)  # on failure (a full disk) nothing was touched yet
    try:
        moved = integrity.move_aside(path) if path.exists() else None
        for sidecar in ("-wal", "-shm", "-journal"):
            # Journals of a file no longer there belong to nothing; replayed into the copy they would garble it.
            path.with_name(path.name + sidecar).unlink(missing_ok=True)
        workspace_file.put_in_place(temporary, path, replace=True)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError(
            _("Could not restore {name}: {reason}").format(name=path.name, reason=error.strerror or error)
        ) from None
    return moved
