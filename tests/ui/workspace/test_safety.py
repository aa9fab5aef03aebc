"""Backups, restore, damage, one window per workspace, and synced folders, from the window."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.data.workspace_lock import held_here
from app.services import backups
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow
from tests.ui.dialogs import active_dialog
from tests.ui.stored import stored_titles

pytestmark = pytest.mark.gui


def test_back_up_now_and_restore_from_the_list(qtbot: QtBot, window: MainWindow) -> None:
    made = window.safety.back_up_now()
    assert made is not None and made.exists()
    window.editor.new_policy()
    dialog = active_dialog()
    qtbot.keyClicks(dialog.title_edit, "After the backup")  # type: ignore[union-attr]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[union-attr]
    assert window.model.total_rows == 13
    restore = window.safety.choose_backup()
    qtbot.waitExposed(restore)
    assert restore.list.count() == 1 and "12 policies" in restore.list.item(0).text()
    restore.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.model.total_rows == 13
    restore = window.safety.choose_backup()
    restore.restore_button.click()
    assert window.model.total_rows == 12
    assert len(backups.list_backups(window.workspace.path)) == 2  # the replaced version was kept
    assert "Restored the backup" in window.statusBar().currentMessage()


def test_a_damaged_workspace_is_moved_aside_and_the_latest_backup_restored(
    qtbot: QtBot, window: MainWindow
) -> None:
    from app.services import integrity
    from tests.damage import damage

    path = window.workspace.path
    backups.back_up(path)
    window.workspace.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    window.workspace.close()
    damage(path)
    problem = integrity.check(path)
    assert problem is not None
    dialog = window.safety.offer_restore(problem)
    qtbot.waitExposed(dialog)
    assert "is damaged" in dialog.intro.text() and "moved aside" in dialog.intro.text()
    dialog.restore_button.click()
    moved = list(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"))
    assert len(moved) == 1 and moved[0].stat().st_size > 0
    assert f"The damaged file was kept as {moved[0].name}" in window.statusBar().currentMessage()
    assert window.workspace.path == path and window.model.total_rows == 12


def test_the_daily_check_runs_off_the_gui_thread_and_reports(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.safety.checked, timeout=10_000) as signal:
        thread = window.safety.check_in_background()
    thread.join(5)
    problem, made, damaged = signal.args
    assert problem == "" and Path(made).exists() and not damaged
    assert "Daily backup saved" in window.statusBar().currentMessage()


def test_a_second_window_on_the_same_workspace_is_refused_in_the_interface_language(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    from tests.e2e.processes import held_by_another_process

    window = open_window(locked=True)
    other = tmp_path / "other.sqlite"
    with held_by_another_process(other) as holder:
        assert not window.workspaces.switch(other, create=True)
    assert active_dialog(QMessageBox).text() == (
        f"other.sqlite is open in another Policy Tracker window (process {holder.pid} on {socket.gethostname()}). "
        "Switch to that window to keep working."
    )
    assert not window.workspaces.switch(window.workspace.path, create=False)
    assert "already open in this window" in active_dialog(QMessageBox).text()


def test_the_window_restores_its_own_workspace_while_holding_its_lock(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window(locked=True)
    backups.back_up(window.workspace.path)
    restore = window.safety.choose_backup()
    restore.restore_button.click()
    assert "Restored the backup" in window.statusBar().currentMessage()
    assert window.holds_lock() and held_here(window.workspace.path)


def test_a_workspace_in_a_synced_folder_is_warned_about_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.ui.workspace.safety.sync_service", lambda _path: "Dropbox")
    box = window.safety.warn_if_synced()
    assert box is not None and "Dropbox" in box.text()
    box.close()
    assert window.safety.warn_if_synced() is None


def test_an_edit_on_a_read_only_workspace_is_refused_in_words(qtbot: QtBot, window: MainWindow) -> None:
    from sqlalchemy import event

    event.listen(
        window.workspace.engine, "connect", lambda dbapi, _r: dbapi.execute("PRAGMA query_only = ON")
    )
    window.workspace.engine.dispose()
    window.editor.new_policy()
    dialog = active_dialog()
    qtbot.keyClicks(dialog.title_edit, "Will not be saved")  # type: ignore[union-attr]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[union-attr]
    assert dialog.isVisible() and "cannot be written" in dialog.general_error.text()  # type: ignore[union-attr]
    assert "Will not be saved" not in stored_titles(window)


def test_a_daily_check_that_ends_after_its_window_closed_tells_no_one_and_raises_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It raised "Signal source has been deleted" in its thread when the window went first."""
    import threading

    import shiboken6

    from app.services import integrity

    release = threading.Event()
    real_diagnose = integrity.diagnose

    def slow_diagnose(path: Path, **kwargs: object) -> object:
        release.wait(10)
        return real_diagnose(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(integrity, "diagnose", slow_diagnose)
    safety = window.safety
    thread = safety.check_in_background()
    shiboken6.delete(safety)  # the controller goes with its window, while the check still runs
    release.set()
    thread.join(20)
    assert not thread.is_alive()
