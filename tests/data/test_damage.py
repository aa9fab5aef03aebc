"""Once a write or read meets damage, the workspace refuses every later write."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app.data.tables import Source
from app.errors import WorkspaceDamaged
from app.services import editing
from app.services.inputs import NoteInput
from app.services.workspace import Workspace
from tests.damage import digest, garble_pages_of


def test_damage_met_in_a_transaction_marks_the_workspace_and_later_writes_are_refused(
    workspace_path: Path,
) -> None:
    garble_pages_of(workspace_path, "source")
    damaged = digest(workspace_path)
    workspace = Workspace.open(workspace_path)  # opening reads only the schema, which is sound
    try:
        policy_id = workspace.store.connection.execute(
            "SELECT id FROM policy ORDER BY slug LIMIT 1"
        ).fetchone()[0]
        with pytest.raises(WorkspaceDamaged, match="is damaged"), workspace.session() as session:
            session.exec(select(Source)).all()  # meets the garbled pages
        assert "malformed" in workspace.damage
        # This note would not touch the damaged pages; it is refused all the same.
        with pytest.raises(WorkspaceDamaged, match="nothing was changed"):
            editing.add_note(workspace, policy_id, NoteInput("written into a damaged file"))
        with pytest.raises(WorkspaceDamaged):
            workspace.ensure_writable()
    finally:
        workspace.close()
    assert digest(workspace_path) == damaged


def test_a_write_meeting_a_garbled_search_index_on_a_damaged_file_is_told_as_the_damage(
    workspace_path: Path,
) -> None:
    """SQLite says "vtable constructor failed" when the search index's pages are garbled; it means the damage."""
    garble_pages_of(workspace_path, "search_fts_data")
    damaged = digest(workspace_path)
    workspace = Workspace.open(workspace_path)
    try:
        workspace.mark_damaged(f"{workspace_path} is damaged (found by the check on open)")
        policy_id = workspace.store.connection.execute(
            "SELECT id FROM policy ORDER BY slug LIMIT 1"
        ).fetchone()[0]
        with pytest.raises(WorkspaceDamaged, match="nothing was changed"):
            editing.add_note(workspace, policy_id, NoteInput("into the damaged index"))
    finally:
        workspace.close()
    assert digest(workspace_path) == damaged
