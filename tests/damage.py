"""Damaging a workspace file on purpose, the ways disks, sync tools and crashes do, for the tests of
every way in (window, command line, services) to share."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

from app.data.sqlite import db


def digest(path: Path) -> str:
    """The file's bytes, to show that something left it exactly as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> None:
    """Flip bytes across the pages after the header, so integrity checks fail but the file opens."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 40), 997):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def garble_the_middle(path: Path) -> None:
    """Overwrite bytes in the middle of the file, as a failing disk or a sync tool does."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 2) // 4096 * 4096
    for offset in range(middle, middle + 4096 * 8, 512):
        data[offset : offset + 64] = b"\xab" * 64
    path.write_bytes(bytes(data))


def garble_pages_of(path: Path, table: str) -> None:
    """Overwrite bytes in the pages of one table only, so a test knows which reads meet the damage."""
    with contextlib.closing(sqlite3.connect(db.sqlite_uri(path, mode="ro"), uri=True)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in connection.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    assert pages, f"{table} has no pages to garble"
    data = bytearray(path.read_bytes())
    for page in pages[:8]:
        start = (page - 1) * page_size
        for offset in range(start, start + page_size, 512):
            data[offset : offset + 64] = b"\xab" * 64
    path.write_bytes(bytes(data))
