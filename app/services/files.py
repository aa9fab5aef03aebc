"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.errors import UserError
from app.messages import _


def _file_mode(target: Path) -> int:
    """The replaced file's permissions, or the usual ones for a new file (temporary files are 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over the target."""
    target = target.expanduser()
    if target.is_dir():
        raise UserError(_("Cannot write {path}: it is a folder").format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        os.chmod(temporary, _file_mode(target))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(target, error) from None


def _cannot_write(target: Path, error: OSError) -> UserError:
    return UserError(_("Cannot write {path}: {reason}").format(path=target, reason=error.strerror or error))
