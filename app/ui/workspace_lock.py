"""One window per workspace: the lock the app takes before its window opens (light to import)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile


class WorkspaceLock:
    """One window per workspace: a lock file beside it; a lock left by a crash is taken over."""

    def __init__(self) -> None:
        self.lock: QLockFile | None = None
        self.path: Path | None = None

    def acquire(self, path: Path) -> str | None:
        """None when this process now holds the lock, else who holds it, in words."""
        from app.data.db import can_write

        if path.is_file() and not can_write(path):
            return None  # read-only media: no lock file can be made there, and no window can write
        lock = QLockFile(str(path.with_name(path.name + ".lock")))
        lock.setStaleLockTime(0)  # only a dead holder makes a lock stale, never its age
        if not lock.tryLock(0):
            info = lock.getLockInfo()
            parts = [p for p in info if not isinstance(p, bool)] if isinstance(info, tuple) else []
            if len(parts) >= 2:
                return QCoreApplication.translate(
                    "SafetyController",
                    "{file} is already open in another Policy Tracker window (process {process} on {host})",
                ).format(file=path.name, process=parts[0], host=parts[1])
            return QCoreApplication.translate(
                "SafetyController", "{file} is already open in another Policy Tracker window"
            ).format(file=path.name)
        self.release()
        self.lock, self.path = lock, path
        return None

    def release(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = self.path = None
