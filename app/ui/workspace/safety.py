"""Keeping the user's data safe from the window: backups, restore, damage, locks, synced folders."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
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
from app.ui.main.actions import MainAction, make_action
from app.ui.workspace.workspace_lock import LockUnavailable, WorkspaceInUse, refusal

if TYPE_CHECKING:
    from app.ui.main.window_context import WorkspaceHost

CLOUD_WARNED_KEY = "warnings/cloud"


class RestoreDialog(QDialog):
    """Lists the workspace's backups with their date and contents; restoring asks first."""

    def __init__(self, parent: QWidget, found: list[backups.BackupInfo], intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.found = found
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        for info in found:
            item = QListWidgetItem(self.describe(info))
            item.setToolTip(str(info.path))
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        text = intro or self.tr(
            "Choose a backup. The workspace as it is now is backed up first, so nothing is lost."
        )
        label = QLabel(text if found else self.tr("There are no backups of this workspace yet."))
        label.setWordWrap(True)
        self.intro = label
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(found))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def describe(self, info: backups.BackupInfo) -> str:
        """When a backup was taken and what it holds, in the interface language (BackupInfo.describe is English)."""
        when = info.taken.astimezone().strftime("%Y-%m-%d %H:%M")
        policies = self.tr("%Ln policies", "", info.policies)
        notes = self.tr("%Ln note(s)", "", info.notes)
        sources = self.tr("%Ln source(s)", "", info.sources)
        if info.before_restore:
            text = self.tr("{when} — {policies}, {notes}, {sources} (safety copy made before a restore)")
        else:
            text = self.tr("{when} — {policies}, {notes}, {sources}")
        return text.format(when=when, policies=policies, notes=notes, sources=sources)

    def chosen(self) -> backups.BackupInfo | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None


class SafetyController(QObject):
    # problem ("" when sound), made backup path ("" when none), whether the problem is damage
    checked = Signal(str, str, bool)

    def __init__(self, host: WorkspaceHost) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.backup_action = make_action(self, MainAction.BACK_UP, self.back_up_now)
        self.restore_action = make_action(self, MainAction.RESTORE_BACKUP, self.choose_backup)
        self.checked.connect(self._on_checked)
        self.last_problem = ""

    # On open: a quick check, then the daily backup, off the GUI thread -----------------
    def check_in_background(self) -> threading.Thread:
        path = self.host.workspace.path
        if self.host.workspace.is_team:  # its server checks and backs it up (pg_dump), not this client
            nothing = threading.Thread(target=lambda: None, name="daily-check", daemon=True)
            nothing.start()
            return nothing

        def work() -> None:
            try:
                damage = integrity.diagnose(path)
                problem = damage.summary() if damage else ""
            except UserError as error:
                damage, problem = None, str(error)
            made = None
            if not problem:
                try:
                    made = backups.daily_backup(path)
                except UserError as error:
                    problem = self.tr("The daily backup failed: {error}").format(error=error)
            try:
                self.checked.emit(problem, str(made or ""), damage is not None)
            except RuntimeError:
                # The window closed while the check ran ("Signal source has been deleted"):
                # no one is left to tell. Any other failure is a bug and is raised.
                if shiboken6.isValid(self):
                    raise

        thread = threading.Thread(target=work, name="daily-check", daemon=True)
        thread.start()
        self.warn_if_synced()
        return thread

    def _on_checked(self, problem: str, made: str, damaged: bool = False) -> None:
        self.last_problem = problem
        if damaged:
            self.host.workspace.mark_damaged(problem)  # no edit may write into the damage
            self.host.apply_write_state()
        if problem:
            self.offer_restore(problem)
        elif made:
            self.host.report(self.tr("Daily backup saved to {file}").format(file=made), 8000)

    def offer_restore(self, problem: str) -> RestoreDialog:
        intro = self.tr(
            "{problem}\n\nRestore the latest good backup? The damaged file is moved aside, "
            "never overwritten or deleted."
        ).format(problem=problem)
        dialog = RestoreDialog(
            self.host.dialog_parent(), backups.list_backups(self.host.workspace.path), intro
        )
        dialog.accepted.connect(lambda: self._restore(dialog))
        dialog.open()
        return dialog

    def warn_if_synced(self) -> QMessageBox | None:
        path = self.host.workspace.path
        service = sync_service(path)
        warned = self.host.settings.value(CLOUD_WARNED_KEY) or []
        warned = [warned] if isinstance(warned, str) else list(warned)
        if service is None or str(path) in warned:
            return None
        self.host.settings.setValue(CLOUD_WARNED_KEY, [*warned, str(path)])
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Workspace in a Synced Folder"),
            self.tr("This workspace is inside a {service} folder.").format(service=service),
            parent=self.host.dialog_parent(),
        )
        box.setInformativeText(
            self.tr(
                "Sync tools can copy a database while it is being written, which is a known cause of damaged "
                "files. Keep the workspace in a folder that is not synced, and rely on Policy Tracker's "
                "backups (or copy backups to the synced folder instead)."
            )
        )
        box.open()
        return box

    # Actions ------------------------------------------------------------------------------
    def back_up_now(self) -> Path | None:
        try:
            made = backups.back_up(self.host.workspace.path)
        except UserError as error:
            self.host.report_error(str(error))
            return None
        self.host.report(self.tr("Backed up to {file}").format(file=made), 8000)
        return made

    def choose_backup(self) -> RestoreDialog:
        dialog = RestoreDialog(self.host.dialog_parent(), backups.list_backups(self.host.workspace.path))
        dialog.accepted.connect(lambda: self._restore(dialog))
        dialog.open()
        return dialog

    def _restore(self, dialog: RestoreDialog) -> None:
        info = dialog.chosen()
        if info is None:
            return
        from app.services.workspace import Workspace

        path = self.host.workspace.path
        self.host.workspace.close()
        try:
            # This window holds the workspace's lock, so the restore may go ahead; a damaged file is moved
            # aside by it (the window may know of damage a quick check misses), a sound one backed up first.
            done = backups.restore(path, info.path, damaged=bool(self.host.workspace.damage))
            workspace = Workspace.open(path)
        except UserError as error:
            text = refusal(error) if isinstance(error, WorkspaceInUse | LockUnavailable) else str(error)
            QMessageBox.warning(self.host.dialog_parent(), self.tr("Restore Failed"), text)
            return
        self.host.show_workspace(workspace)
        message = self.tr("Restored the backup of {backup}").format(backup=dialog.describe(info))
        if done.moved_aside is not None:
            message += " " + self.tr("The damaged file was kept as {file}").format(file=done.moved_aside.name)
        self.host.report(message, 15_000)
