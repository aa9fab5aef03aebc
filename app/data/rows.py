"""The rows of the policy list: plain, frozen, the same whatever the backend.

Only what the window's first paint needs (its other rows are in app.data.details): making each
dataclass costs about half a millisecond at start.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PolicyRow:
    id: str
    slug: str
    title: str
    aliases: list[str]
    jurisdiction: str
    kind: str
    tags: list[str]
    current_status: str | None
    last_change: str | None
    last_change_precision: str | None
    source_count: int
    note_count: int
