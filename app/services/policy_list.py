"""The policy list's first screen: light functions the window calls before its first paint.

Apart from app.services.policies (the search and its filters) so that the start imports only this.
"""

from __future__ import annotations

from app.data.rows import PolicyRow
from app.services.workspace import Workspace


def count_policies(workspace: Workspace) -> int:
    """How many live policies the workspace holds."""
    return workspace.store.count_policies()


def first_page(workspace: Workspace, limit: int) -> list[PolicyRow]:
    """The first `limit` policies by title: enough to paint the window before the rest is read."""
    return workspace.store.first_page(limit)
