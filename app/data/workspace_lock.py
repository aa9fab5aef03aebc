"""One process at a time may hold a workspace: the window for as long as it is open, a restore while it runs.

The lock is `NAME.sqlite.lock` beside the (real) workspace file, held with the operating system's
file lock (flock on POSIX, msvcrt.locking on Windows), so a crashed or killed holder releases it
by dying. The holder's process id and host are written into the file for the refusal message.
No Qt here: the command line and the window share this one lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

from app.errors import UserError
from app.messages import N_, _
from app.paths import real_path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # The locked byte lies past the holder's text, so a refused process can still read who holds it.
    _LOCKED_OFFSET = 1 << 20

    def _try_lock(fd: int) -> None:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    _BUSY = (errno.EACCES, errno.EDEADLK)
else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    _BUSY = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)

# A lock that cannot be written for these reasons means the place itself is read-only.
READ_ONLY_ERRORS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def lock_path(workspace: Path) -> Path:
    real = real_path(workspace)
    return real.with_name(real.name + ".lock")


WINDOW = "window"  # the purpose of the lock an open window holds; a maintenance command names its own
# The purposes as a person reads them ("… in use by another Policy Tracker restore").
_PURPOSES = {"restore": N_("restore"), "backup": N_("backup")}


class WorkspaceInUse(UserError):
    """Another process (or this one, elsewhere) holds the workspace."""

    def __init__(
        self, workspace: Path, process: int | None, host: str, purpose: str = WINDOW, *, here: bool = False
    ) -> None:
        self.workspace, self.process, self.host, self.purpose, self.here = (
            workspace,
            process,
            host,
            purpose,
            here,
        )
        computer = host or _("this computer")
        who = (
            _(" (process {process} on {computer})").format(process=process, computer=computer)
            if process
            else ""
        )
        if here:
            text = _("{name} is already open in this Policy Tracker window").format(name=workspace.name)
        elif purpose == WINDOW:
            text = _("{name} is open in another Policy Tracker window{who}").format(
                name=workspace.name, who=who
            )
        else:
            shown = _(_PURPOSES[purpose]) if purpose in _PURPOSES else purpose
            text = _("{name} is in use by another Policy Tracker {purpose}{who}").format(
                name=workspace.name, purpose=shown, who=who
            )
        super().__init__(text)


class LockUnavailable(UserError):
    """The lock file cannot be created or locked: a read-only place, a missing folder, no locks."""

    def __init__(self, lock_file: Path, reason: str, *, read_only: bool = False) -> None:
        self.lock_file, self.reason, self.read_only = lock_file, reason, read_only
        super().__init__(
            _("Cannot create the lock file {path}: {reason}").format(path=lock_file, reason=reason)
        )


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _read_holder(fd: int) -> tuple[int | None, str, str]:
    """The holder's process id, host and purpose, as far as it wrote them."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        lines = [line.strip() for line in os.read(fd, 512).decode("utf-8", "replace").splitlines()]
    except OSError:
        return None, "", WINDOW
    lines += ["", "", ""]
    return (int(lines[0]) if lines[0].isdigit() else None), lines[1], lines[2] or WINDOW


def _still_named(fd: int, path: Path) -> bool:
    """Whether the file locked through `fd` is still the one at `path` (a releasing holder unlinks it)."""
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


# The locks this process holds, by real workspace path: its own maintenance steps need not ask again.
_HELD: dict[Path, WorkspaceLock] = {}


class WorkspaceLock:
    """The lock on one workspace. `acquire()` raises WorkspaceInUse or LockUnavailable; never waits."""

    def __init__(self, workspace: str | os.PathLike[str], purpose: str = WINDOW) -> None:
        self.workspace = real_path(workspace)
        self.purpose = purpose
        self.path = lock_path(self.workspace)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> WorkspaceLock:
        if self.held:
            return self
        if self.workspace in _HELD:
            raise WorkspaceInUse(self.workspace, os.getpid(), socket.gethostname(), here=True)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise LockUnavailable(
                self.path, _("{folder} is a file, not a folder").format(folder=self.path.parent)
            ) from None
        except OSError as error:
            raise LockUnavailable(
                self.path, _reason(error), read_only=error.errno in READ_ONLY_ERRORS
            ) from None
        for _attempt in range(20):
            fd = self._open()
            try:
                _try_lock(fd)
            except OSError as error:
                if error.errno in _BUSY:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise WorkspaceInUse(self.workspace, *holder) from None
                os.close(fd)
                raise LockUnavailable(self.path, _reason(error)) from None
            if sys.platform == "win32" or _still_named(fd, self.path):
                break
            os.close(fd)  # the previous holder removed the file as we opened it: lock the new one
        else:
            raise LockUnavailable(self.path, _("another process keeps replacing it"))
        self._fd = fd
        self._write_holder()
        _HELD[self.workspace] = self
        return self

    def _open(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        try:
            return os.open(self.path, flags, 0o644)
        except OSError as error:
            raise LockUnavailable(
                self.path, _reason(error), read_only=error.errno in READ_ONLY_ERRORS
            ) from None

    def _write_holder(self) -> None:
        assert self._fd is not None
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, f"{os.getpid()}\n{socket.gethostname()}\n{self.purpose}\n".encode())
        except OSError:
            pass  # the lock holds without the note; a refused process then cannot name us

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _HELD.pop(self.workspace, None)
        if sys.platform != "win32":
            # Removed while still locked: a process that opened it meanwhile sees it is gone and retries.
            with contextlib.suppress(OSError):
                self.path.unlink()
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __enter__(self) -> WorkspaceLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def held_here(workspace: str | os.PathLike[str]) -> bool:
    return real_path(workspace) in _HELD


@contextlib.contextmanager
def exclusive(workspace: str | os.PathLike[str], purpose: str) -> Iterator[None]:
    """Hold the workspace for a step that replaces its file.

    Fine when this process holds it already (the window restoring its own workspace); refused with
    WorkspaceInUse when another process does (a window open on it, another restore).
    """
    if held_here(workspace):
        yield
        return
    with WorkspaceLock(workspace, purpose):
        yield
