"""The window on a team workspace: who you are in the title and status bar, others' commits shown
within a second through the "changed" path, the share toggle, and a conflicting save refused in words."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.data.seeds import seed_id
from app.services import editing, operations
from app.services.inputs import PolicyInput
from app.services.team import TeamWorkspace
from app.ui.editing.conflict import ConflictDialog
from app.ui.editing.editors import NoteDialog, PolicyDialog
from app.ui.main.main_window import MainWindow
from tests.team.workspace_fixtures import Team

ALPHA = seed_id("policy", "alpha")


@pytest.fixture
def alice_window(qtbot: QtBot, team: Team, tmp_path: Path) -> Iterator[MainWindow]:
    workspace = team.open("alice")
    window = MainWindow(workspace, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.ready)
    yield window
    window.close()
    window.workspace.close()


def test_the_window_says_which_team_workspace_and_who_you_are(alice_window: MainWindow, team: Team) -> None:
    assert alice_window.windowTitle() == f"Team: {team.database} — Policy Tracker"
    label = alice_window.findChild(type(alice_window.count_label), "TeamLabel")
    assert label is not None and label.isVisible()
    assert label.text() == f"Team: {team.database} · you are alice"
    assert not alice_window.safety.backup_action.isEnabled()  # the server backs it up (pg_dump)


def test_another_analysts_commit_appears_within_a_second(
    qtbot: QtBot, alice_window: MainWindow, bob: TeamWorkspace
) -> None:
    assert "Gamma rule" not in alice_window.visible_titles()
    started = time.monotonic()
    operations.add_policy(bob, PolicyInput(title="Gamma rule"))
    qtbot.waitUntil(lambda: "Gamma rule" in alice_window.visible_titles(), timeout=3000)
    elapsed = time.monotonic() - started
    assert elapsed < 1.0, f"shown after {elapsed:.2f} s"


def test_the_note_editor_offers_sharing_only_in_a_team_workspace(
    qtbot: QtBot, alice_window: MainWindow, bob: TeamWorkspace
) -> None:
    alice_window.select_policy("alpha")
    dialog = alice_window.editor.new_note()
    assert isinstance(dialog, NoteDialog)
    assert dialog.shared_box.isVisibleTo(dialog)
    dialog.body_edit.setPlainText("Seen by the desk")
    dialog.shared_box.setChecked(True)
    dialog.try_accept()
    qtbot.waitUntil(lambda: any(n.body == "Seen by the desk" for n in bob.store.list_notes()))
    assert [(n.author, n.shared) for n in bob.store.list_notes()] == [("alice", True)]


def _conflict(qtbot: QtBot, window: MainWindow, bob: TeamWorkspace) -> tuple[PolicyDialog, ConflictDialog]:
    """Alice opens alpha's editor; bob saves alpha meanwhile; alice saves: the conflict dialog opens."""
    window.select_policy("alpha")
    dialog = window.editor.edit_policy()
    assert isinstance(dialog, PolicyDialog)
    theirs = editing.policy_input(bob, ALPHA)
    theirs.summary = "Bob got there first"
    operations.edit_policy(bob, ALPHA, theirs)
    dialog.summary_edit.setPlainText("Alice's version")
    dialog.try_accept()
    qtbot.waitUntil(lambda: bool(dialog.findChildren(ConflictDialog)))
    conflict = dialog.findChildren(ConflictDialog)[0]
    assert conflict.isVisible() and dialog.isVisible()  # the editor stays open, with alice's text in it
    assert "changed by bob since you read it" in conflict.findChild(QLabel).text()
    shown = {
        conflict.table.item(r, 0).text(): (conflict.table.item(r, 1).text(), conflict.table.item(r, 2).text())
        for r in range(conflict.table.rowCount())
    }
    assert shown == {"Summary": ("Alice's version", "Bob got there first")}  # side by side, what differs
    return dialog, conflict


def test_a_conflicting_save_shows_both_versions_and_keep_mine_saves_mine(
    qtbot: QtBot, alice_window: MainWindow, bob: TeamWorkspace
) -> None:
    dialog, conflict = _conflict(qtbot, alice_window, bob)
    conflict.keep_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert bob.store.policy_detail(ALPHA).summary == "Alice's version"  # type: ignore[union-attr]


def test_a_conflicting_save_take_theirs_keeps_theirs_and_drops_mine(
    qtbot: QtBot, alice_window: MainWindow, bob: TeamWorkspace
) -> None:
    dialog, conflict = _conflict(qtbot, alice_window, bob)
    conflict.take_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert bob.store.policy_detail(ALPHA).summary == "Bob got there first"  # type: ignore[union-attr]
    assert "their version is kept" in alice_window.statusBar().currentMessage()


def test_save_a_personal_copy_writes_a_local_workspace_to_read_offline(
    qtbot: QtBot, alice_window: MainWindow, tmp_path: Path
) -> None:
    from app.services.workspace import Workspace

    action = alice_window.workspaces.copy_action
    assert action.isVisible()
    dialog = alice_window.workspaces.save_personal_copy()
    assert dialog is not None
    target = tmp_path / "offline"
    dialog.fileSelected.emit(str(target))
    copying = alice_window.workspaces.personal_copy
    assert copying is not None and copying.progress is not None  # said while it runs, off the GUI thread
    qtbot.waitUntil(lambda: "Saved 2 policies" in alice_window.statusBar().currentMessage(), timeout=30000)
    assert copying.progress is None and not copying.running
    assert not list(tmp_path.glob(".offline*"))  # nothing left under the temporary name
    copy = Workspace.open(target.with_suffix(".sqlite"), create=False)
    try:
        assert [r.slug for r in copy.store.first_page(10)] == ["alpha", "beta"]
    finally:
        copy.close()
    dialog.close()


def test_a_personal_copy_that_fails_says_why_and_leaves_no_file(
    qtbot: QtBot, alice_window: MainWindow, tmp_path: Path
) -> None:
    taken = tmp_path / "taken.sqlite"
    taken.write_bytes(b"someone else's file")
    dialog = alice_window.workspaces.save_personal_copy()
    assert dialog is not None
    dialog.fileSelected.emit(str(taken))
    copying = alice_window.workspaces.personal_copy
    assert copying is not None
    qtbot.waitUntil(lambda: "exists already" in alice_window.statusBar().currentMessage(), timeout=30000)
    assert copying.progress is None and not copying.running
    assert taken.read_bytes() == b"someone else's file"
    assert not list(tmp_path.glob(".taken*"))
    dialog.close()


def test_a_server_out_of_reach_while_searching_is_told_in_the_status_bar(
    qtbot: QtBot, alice_window: MainWindow
) -> None:
    workspace = alice_window.workspace
    assert isinstance(workspace, TeamWorkspace)
    reachable = workspace.url
    workspace.url = reachable.set(
        port=1
    )  # the server is out of reach from now on: every new connection fails
    workspace.close()
    try:
        shown = alice_window.visible_titles()
        alice_window.search_box.setText("alpha")
        qtbot.waitUntil(
            lambda: "down or unreachable" in alice_window.statusBar().currentMessage(), timeout=15000
        )
        assert alice_window.visible_titles() == shown  # the list shown is kept
    finally:
        workspace.url = reachable
