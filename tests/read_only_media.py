"""A real read-only file system for tests: a tmpfs, filled, then remounted read-only (needs root)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only_folder(folder: Path, fill: Callable[[Path], object]) -> Iterator[Path]:
    """A file system mounted at `folder`, filled by `fill(folder)`, then made read-only; unmounted after."""
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only file system needs root (chmod does not stop root from writing)")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        fill(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextmanager
def read_only_copy(source: Path, folder: Path, name: str = "workspace.sqlite") -> Iterator[Path]:
    """`source` copied onto a file system mounted read-only at `folder`."""
    with read_only_folder(folder, lambda into: shutil.copyfile(source, into / name)):
        yield folder / name
