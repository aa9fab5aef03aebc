"""Saving a personal copy of a team workspace off the GUI thread, with a window that says so.

At size L the copy takes minutes (every policy read from the server, then imported into a new
file): the window keeps painting meanwhile, and a progress window, modal to it, says what is
being written where. The thread is not a daemon: quitting the app waits for the copy to end
rather than leave it half-made (it is written under a temporary name and renamed when done).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserError
from app.services.workspace import Workspace


class PersonalCopy(QObject):
    saved = Signal(int, str)  # policies copied, the file
    failed = Signal(str)  # why, in words

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.worker: threading.Thread | None = None
        self.progress: QProgressDialog | None = None
        self.saved.connect(self._done)
        self.failed.connect(self._done)

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.is_alive()

    def start(self, workspace: Workspace, target: Path) -> None:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        progress = QProgressDialog(
            self.tr(
                "Saving what you can see of {name} to {file}…\nA large workspace takes a few minutes."
            ).format(name=workspace.path.name, file=target),
            "",
            0,
            0,
            parent,
        )
        progress.setWindowTitle(self.tr("Save a Personal Copy"))
        progress.setCancelButton(None)  # the copy is one transaction: it ends, or fails whole
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        self.progress = progress
        source = workspace.reopen()  # a connection of the thread's own
        self.worker = threading.Thread(target=self._run, args=(source, target), name="personal-copy")
        self.worker.start()

    def _run(self, source: Workspace, target: Path) -> None:
        from app.services.team import save_personal_copy

        try:
            count = save_personal_copy(source, target)
        except UserError as error:
            self.failed.emit(str(error))
        else:
            self.saved.emit(count, str(target))
        finally:
            source.close()

    def _done(self, *_args: object) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def wait(self, seconds: float | None = None) -> None:
        if self.worker is not None:
            self.worker.join(seconds)
