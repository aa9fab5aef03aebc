"""Keeping the user's data safe from the window: backups, restore, damage, locks, synced folders."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import backups, integrity
from app.services.cloud import sync_service

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

CLOUD_WARNED_KEY = "warnings/cloud"


class WorkspaceLock:
    """One window per workspace: a lock file beside it; a lock left by a crash is taken over."""

    def __init__(self) -> None:
        self.lock: QLockFile | None = None
        self.path: Path | None = None

    def acquire(self, path: Path) -> str | None:
        """None when this process now holds the lock, else who holds it, in words."""
        lock = QLockFile(str(path.with_name(path.name + ".lock")))
        lock.setStaleLockTime(0)  # only a dead holder makes a lock stale, never its age
        if not lock.tryLock(0):
            info = lock.getLockInfo()
            parts = [p for p in info if not isinstance(p, bool)] if isinstance(info, tuple) else []
            holder = f" (process {parts[0]} on {parts[1]})" if len(parts) >= 2 else ""
            return f"{path.name} is already open in another Policy Tracker window{holder}"
        self.release()
        self.lock, self.path = lock, path
        return None

    def release(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = self.path = None


class RestoreDialog(QDialog):
    """Lists the workspace's backups with their date and contents; restoring asks first."""

    def __init__(self, parent: QWidget, found: list[backups.BackupInfo], intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.found = found
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        for info in found:
            item = QListWidgetItem(info.describe())
            item.setToolTip(str(info.path))
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        text = intro or "Choose a backup. The workspace as it is now is backed up first, so nothing is lost."
        label = QLabel(text if found else "There are no backups of this workspace yet.")
        label.setWordWrap(True)
        self.intro = label
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(found))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def chosen(self) -> backups.BackupInfo | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None


class SafetyController(QObject):
    checked = Signal(str, str)  # problem ("" when sound), made backup path ("" when none)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action = QAction("&Back Up Now", self)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("&Restore from Backup…", self)
        self.restore_action.triggered.connect(self.choose_backup)
        self.checked.connect(self._on_checked)
        self.last_problem = ""

    # On open: a quick check, then the daily backup, off the GUI thread -----------------
    def check_in_background(self) -> threading.Thread:
        path = self.window.workspace.path

        def work() -> None:
            problem = integrity.check(path) or ""
            made = None
            if not problem:
                try:
                    made = backups.daily_backup(path)
                except UserError as error:
                    problem = f"The daily backup failed: {error}"
            self.checked.emit(problem, str(made or ""))

        thread = threading.Thread(target=work, name="daily-check", daemon=True)
        thread.start()
        self.warn_if_synced()
        return thread

    def _on_checked(self, problem: str, made: str) -> None:
        self.last_problem = problem
        if problem:
            self.offer_restore(problem)
        elif made:
            self.window.statusBar().showMessage(f"Daily backup saved to {made}", 8000)

    def offer_restore(self, problem: str) -> RestoreDialog:
        intro = (
            f"{problem}\n\nRestore the latest good backup? The damaged file is moved aside, "
            "never overwritten or deleted."
        )
        dialog = RestoreDialog(self.window, backups.list_backups(self.window.workspace.path), intro)
        dialog.accepted.connect(lambda: self._restore(dialog.chosen(), damaged=True))
        dialog.open()
        self.dialog = dialog
        return dialog

    def warn_if_synced(self) -> QMessageBox | None:
        path = self.window.workspace.path
        service = sync_service(path)
        warned = self.window.settings.value(CLOUD_WARNED_KEY) or []
        warned = [warned] if isinstance(warned, str) else list(warned)
        if service is None or str(path) in warned:
            return None
        self.window.settings.setValue(CLOUD_WARNED_KEY, [*warned, str(path)])
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Workspace in a Synced Folder",
            f"This workspace is inside a {service} folder.",
            parent=self.window,
        )
        box.setInformativeText(
            "Sync tools can copy a database while it is being written, which is a known cause of damaged "
            "files. Keep the workspace in a folder that is not synced, and rely on Policy Tracker's backups "
            "(or copy backups to the synced folder instead)."
        )
        box.open()
        self.cloud_box = box
        return box

    # Actions ------------------------------------------------------------------------------
    def back_up_now(self) -> Path | None:
        try:
            made = backups.back_up(self.window.workspace.path)
        except UserError as error:
            self.window.report_error(str(error))
            return None
        self.window.statusBar().showMessage(f"Backed up to {made}", 8000)
        return made

    def choose_backup(self) -> RestoreDialog:
        dialog = RestoreDialog(self.window, backups.list_backups(self.window.workspace.path))
        dialog.accepted.connect(lambda: self._restore(dialog.chosen(), damaged=False))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _restore(self, info: backups.BackupInfo | None, *, damaged: bool) -> None:
        if info is None:
            return
        from app.services.workspace import Workspace

        path = self.window.workspace.path
        self.window.workspace.close()
        try:
            if damaged and path.exists():
                moved = integrity.move_aside(path)
                self.window.statusBar().showMessage(f"The damaged file was kept as {moved.name}", 15_000)
            backups.restore(path, info.path)
            workspace = Workspace.open(path)
        except UserError as error:
            QMessageBox.warning(self.window, "Restore Failed", str(error))
            return
        self.window.show_workspace(workspace)
        self.window.statusBar().showMessage(f"Restored the backup of {info.describe()}", 15_000)
