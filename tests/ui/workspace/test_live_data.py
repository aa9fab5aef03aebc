"""Live data: the window shows what another process writes, within a second, through `changed`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.operations import Changes
from app.ui.main.main_window import MainWindow
from app.ui.workspace.live_data import OutsideWrites
from tests.conftest import REPO
from tests.ui.dialogs import save, type_into

pytestmark = pytest.mark.gui


def _cli(workspace: Path, *args: str) -> None:
    """A real second process, as `policy-tracker …` typed in a terminal while the window is open."""
    result = subprocess.run(
        [sys.executable, "-m", "app", "--workspace", str(workspace), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _announced(window: MainWindow) -> list[Changes]:
    seen: list[Changes] = []
    window.events.changed.connect(seen.append)
    return seen


def test_an_event_added_by_another_process_shows_in_the_open_details_within_a_second(
    qtbot: QtBot, window: MainWindow, workspace_path: Path
) -> None:
    window.select_policy("texas-sb4")

    def history() -> str:
        return window.detail.pages["History"].toPlainText()

    assert "Outside process ruling" not in history()
    _cli(
        workspace_path,
        "add-event",
        "texas-sb4",
        "--date",
        "2025-02-03",
        "--status",
        "under_litigation",
        "--description",
        "Outside process ruling",
    )
    written = time.monotonic()
    qtbot.waitUntil(lambda: "Outside process ruling" in history(), timeout=1000)
    print(f"shown {time.monotonic() - written:.2f} s after the other process ended")
    assert window.selected_slug() == "texas-sb4"  # the person keeps their place


def test_a_policy_added_by_another_process_joins_the_list(
    qtbot: QtBot, window: MainWindow, workspace_path: Path
) -> None:
    before = window.model.rowCount()
    _cli(workspace_path, "add-policy", "--title", "Written elsewhere")
    qtbot.waitUntil(lambda: "Written elsewhere" in window.visible_titles(), timeout=1000)
    assert window.model.rowCount() == before + 1


def test_the_windows_own_edit_is_not_announced_twice(qtbot: QtBot, window: MainWindow) -> None:
    """Its writes go through another connection than its reads, so they move the counter too."""
    announced = _announced(window)
    dialog = window.editor.new_policy()
    type_into(qtbot, dialog.title_edit, "Written here")
    save(qtbot, dialog)
    assert [c.everything for c in announced] == [False]  # the edit's own, precise announcement
    qtbot.wait(700)  # more than two polls
    assert [c.everything for c in announced] == [False]


def test_nothing_written_means_nothing_announced(qtbot: QtBot, window: MainWindow) -> None:
    announced = _announced(window)
    qtbot.wait(700)
    assert announced == []


def test_a_poll_does_not_wait_for_another_process_that_is_writing(
    window: MainWindow, workspace_path: Path
) -> None:
    """The feed is read on the GUI thread: it must not freeze the window while another process holds a
    write transaction open (WAL: readers never wait for the writer)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "c.execute(\"UPDATE policy SET title = title || ' (being edited)'\")\n"
            "print('holding', flush=True)\n"
            "sys.stdin.read()\n",
            str(workspace_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        watcher = window.findChild(OutsideWrites)
        assert watcher is not None
        started = time.perf_counter()
        for _ in range(20):
            watcher.poll()
        per_poll = (time.perf_counter() - started) / 20
    finally:
        holder.communicate("", timeout=10)
    print(f"one poll while another process writes: {per_poll * 1e6:.0f} µs")
    assert per_poll < 0.01
    assert "(being edited)" not in " ".join(window.visible_titles())  # never committed: nothing shown
