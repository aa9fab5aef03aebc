"""Cheap facts about the starter-data files, for the start-up path (no ORM, no validation)."""

from __future__ import annotations

import hashlib
from pathlib import Path

FINGERPRINT_KEY = "starter_data_fingerprint"


def fingerprint(root: Path) -> str:
    """A hash of every seed file, to tell cheaply whether the starter data changed."""
    digest = hashlib.sha256()
    for file in sorted(root.glob("*/*.toml")):
        digest.update(file.relative_to(root).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()
