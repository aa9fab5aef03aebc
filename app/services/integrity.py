"""Checking a workspace, and what to do with a damaged one (the checks themselves are the store's)."""

from __future__ import annotations

from app.data.sqlite.integrity import (
    Damage,
    ReadError,
    check,
    database_error,
    diagnose,
    move_aside,
    translate_sqlite_error,
)

__all__ = [
    "Damage",
    "ReadError",
    "check",
    "database_error",
    "diagnose",
    "move_aside",
    "translate_sqlite_error",
]
