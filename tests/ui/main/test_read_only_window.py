"""A workspace the window cannot change (read-only media, damage) is shown so, with editing off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.errors import WorkspaceDamaged, WorkspaceReadOnly
from app.services import backups, editing
from app.services.inputs import NoteInput
from app.services.workspace import Workspace
from app.ui.main.main_window import MainWindow
from app.ui.workspace.safety import RestoreDialog
from tests.conftest import REPO
from tests.damage import digest, garble_pages_of, garble_the_middle
from tests.read_only_media import read_only_copy
from tests.ui.dialogs import no_dialog, shown

# Starts the app as `python -m app --workspace PATH` does, and reports what the person sees once
# the window is complete (or the message box that came instead of it); then quits.
OBSERVER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from app.ui.main.app import application
from app.ui.main.main_window import MainWindow

application()

def look():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            print(json.dumps({"message": widget.text()}), flush=True)
            QApplication.exit(3)
            return
        waiting_for_restore = "--until-restore-offered" in sys.argv and not any(
            type(w).__name__ == "RestoreDialog" and w.isVisible() for w in QApplication.topLevelWidgets()
        )
        if isinstance(widget, MainWindow) and widget.ready and widget.isVisible() and not waiting_for_restore:
            bar = widget.read_only_bar
            print(json.dumps({
                "title": widget.windowTitle(),
                "bar": bar.text() if bar is not None and bar.isVisible() else "",
                "new_policy": widget.editor.new_policy_action.isEnabled(),
                "import": widget.parts.actions.import_action.isEnabled(),
                "rows": widget.model.total_rows,
            }), flush=True)
            QApplication.exit(0)
            return
    QTimer.singleShot(100, look)

QTimer.singleShot(100, look)
from app.cli import main
sys.exit(main([a for a in sys.argv[1:] if a != "--until-restore-offered"]))
"""


def see_the_window(path: Path, *extra: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", OBSERVER, "--workspace", str(path), *extra],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "Traceback" not in result.stderr, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_the_app_opens_a_workspace_on_read_only_media_read_only(
    tmp_path: Path, starter_template: Path
) -> None:
    with read_only_copy(starter_template, tmp_path / "media") as path:
        seen = see_the_window(path)
        # It used to say "not a Policy Tracker workspace" (or "already open in another window").
        assert "message" not in seen, seen
        assert seen["rows"] == 12
        assert "(read-only)" in str(seen["title"]) and "Read-only" in str(seen["bar"])
        assert seen["new_policy"] is False and seen["import"] is False
    writable = tmp_path / "writable.sqlite"
    writable.write_bytes(starter_template.read_bytes())
    seen = see_the_window(writable)
    assert "(read-only)" not in str(seen["title"]) and seen["bar"] == "" and seen["new_policy"] is True


def test_the_app_finds_damage_on_open_turns_editing_off_and_offers_a_backup(
    workspace_path: Path,
) -> None:
    backups.back_up(workspace_path)
    garble_the_middle(workspace_path)
    seen = see_the_window(workspace_path, "--until-restore-offered")
    assert "damaged" in str(seen["bar"]) and seen["new_policy"] is False and seen["import"] is False


@pytest.fixture
def read_only_window(qtbot: QtBot, tmp_path: Path, starter_template: Path) -> Iterator[MainWindow]:
    with read_only_copy(starter_template, tmp_path / "media") as path:
        workspace = Workspace.open(path)
        window = MainWindow(workspace, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.ready)
        yield window
        window.close()
        workspace.close()


def test_every_way_to_edit_is_off_on_read_only_media(qtbot: QtBot, read_only_window: MainWindow) -> None:
    window = read_only_window
    before = digest(window.workspace.path)
    assert window.workspace.read_only and window.read_only_bar is not None
    assert window.read_only_bar.isVisible() and "(read-only)" in window.windowTitle()
    window.select_policy("bicentennial-framework")
    editor = window.editor
    for action in [
        *editor.per_policy,
        editor.new_policy_action,
        editor.new_source_action,
        editor.trash_action,
    ]:
        assert not action.isEnabled(), action.text()
    assert (
        not window.parts.actions.import_action.isEnabled()
        and not window.parts.actions.save_search_action.isEnabled()
    )
    assert not window.safety.restore_action.isEnabled() and not window.table.acceptDrops()
    # Reading still works: searching, the timeline, the notes, an export.
    assert window.parts.actions.export_action.isEnabled() and window.parts.actions.timeline_action.isEnabled()
    window.search_box.setText("Childhood Arrivals")
    window.refresh()
    assert 0 < window.model.rowCount() < 12
    window.select_policy("daca")
    assert window.selected_row() is not None
    # The ways in that are not menu actions refuse in words.
    window.table.doubleClicked.emit(window.table.currentIndex())
    assert no_dialog()
    editor.on_detail_action("add-note", "")
    assert "Read-only" in window.statusBar().currentMessage() and no_dialog()
    editor.add_dropped_url(window.selected_row().id, "https://example.org/x")  # type: ignore[union-attr]
    # The services read through the ORM too, and a write that slips through is refused by SQLite.
    policy_id = window.selected_row().id  # type: ignore[union-attr]
    assert editing.policy_input(window.workspace, policy_id).slug == "daca"
    with pytest.raises(WorkspaceReadOnly, match="cannot be written"):
        editing.add_note(window.workspace, policy_id, NoteInput("not on read-only media"))
    # The daily check and backup only read the workspace: they work.
    with qtbot.waitSignal(window.safety.checked, timeout=20_000) as signal:
        window.safety.check_in_background().join(20)
    problem, made, is_damage = signal.args
    assert problem == "" and not is_damage and Path(made).is_file()
    assert digest(window.workspace.path) == before


def test_damage_found_on_open_turns_editing_off_until_a_backup_is_restored(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.workspace.path
    backups.back_up(path)
    window.select_policy("bicentennial-framework")
    assert window.editor.new_note_action.isEnabled()
    window.workspace.close()
    garble_pages_of(path, "source")  # read again by the details of every policy
    damaged = digest(path)
    with qtbot.waitSignal(window.safety.checked, timeout=20_000) as signal:
        window.safety.check_in_background().join(20)
    problem, made, is_damage = signal.args
    assert is_damage and "is damaged" in problem and made == ""
    assert window.workspace.damage and "damaged" in window.read_only_bar.text()  # type: ignore[union-attr]
    assert window.read_only_bar.isVisible()  # type: ignore[union-attr]
    assert not window.editor.new_note_action.isEnabled() and not window.editor.new_policy_action.isEnabled()
    assert window.safety.restore_action.isEnabled()  # restoring is the way out
    # A write that slips through is refused by the workspace itself, and changes nothing.
    with pytest.raises(WorkspaceDamaged):
        editing.add_note(window.workspace, window.selected_row().id, NoteInput("into the damage"))  # type: ignore[union-attr]
    assert digest(path) == damaged
    # Reads that meet the damage say so in words; they raised inside Qt slots.
    for row in range(window.model.rowCount()):
        window.table.selectRow(row)
    for action in (
        window.parts.actions.timeline_action,
        window.parts.actions.export_action,
        window.parts.actions.notes_action,
    ):
        action.trigger()
    box = shown(window, QMessageBox)
    assert "Could not read this workspace" in box.text()
    assert "is damaged" in box.text()
    box.close()
    shown(window, RestoreDialog).close()  # not the restore offered with the diagnosis: File ▸ Restore
    window.safety.choose_backup().restore_button.click()  # moves the damaged file aside, as that one does
    assert len(list(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"))) == 1
    assert not window.workspace.damage and not window.read_only_bar.isVisible()  # type: ignore[union-attr]
    assert window.editor.new_policy_action.isEnabled()
