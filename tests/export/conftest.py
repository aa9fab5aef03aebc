from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.workspace import Workspace

HOSTILE_TITLE = (
    '<script>alert("t")</script> **bold** [x](javascript:alert(1)) =HYPERLINK("http://evil") '
    "\u202eRTL-override עברית العربية 🚀🇲🇽 \x07bell " + "long " * 2000
)
HOSTILE_TEXT = (
    "<img src=x onerror=alert(2)> <b>raw</b> # not a heading\n\n- not a list `code` & &amp; "
    "\x00\x1b[31m العربية 😀 =1+1"
)


@pytest.fixture
def hostile_workspace(workspace_path: Path) -> Iterator[Workspace]:
    """The starter workspace plus a policy made of hostile strings, written past the editors
    (as an imported file could)."""
    connection = sqlite3.connect(workspace_path)
    connection.execute(
        "INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies, tags,"
        " origin, created_at, updated_at) VALUES ('11111111-1111-4111-8111-111111111111', 'hostile', ?, ?,"
        " 'texas', 'state_law', ?, ?, '[]', '[\"x\"]', 'user', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
        (HOSTILE_TITLE, f'["{"<i>alias</i>"}"]', HOSTILE_TEXT, HOSTILE_TEXT),
    )
    connection.execute(
        "INSERT INTO status_event (id, policy_id, date, date_precision, date_sort, position, status, description,"
        " origin, created_at, updated_at) VALUES ('22222222-2222-4222-8222-222222222222',"
        " '11111111-1111-4111-8111-111111111111', '2024-02', 'month', '2024-02-01', 0, 'in_effect', ?, 'user',"
        " '2024', '2024')",
        (HOSTILE_TEXT,),
    )
    connection.execute(
        "INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at) VALUES"
        " ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', ?, ?, '[]', 0,"
        " '2024', '2024')",
        (HOSTILE_TEXT, HOSTILE_TEXT + "\n\n[click](javascript:alert(3)) <script>x()</script>"),
    )
    connection.commit()
    connection.close()
    workspace = Workspace.open(workspace_path)
    yield workspace
    workspace.close()
