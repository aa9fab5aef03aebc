"""Runs the complete search and filter query off the GUI thread; a newer request cancels the older."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.errors import UserError
from app.services.as_of import AsOf
from app.services.integrity import ReadError
from app.services.policies import BrowseResult, CancelToken, PolicyFilters, SearchCancelled, browse
from app.services.workspace import Workspace


class BrowseRunner(QObject):
    finished = Signal(int, object)  # request number, BrowseResult
    failed = Signal(str)  # why the list could not be read (a team workspace's server out of reach), in words

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.worker: threading.Thread | None = None  # the latest request's (not QObject.thread)
        self._cancel = CancelToken()

    def start(self, source: Workspace, filters: PolicyFilters, as_of: AsOf | None = None) -> int:
        """Begin a query; returns its number. The previous one, if still running, is cancelled."""
        self.cancel()
        self.generation += 1
        generation = self.generation
        self._cancel = cancel = CancelToken()
        worker = threading.Thread(
            target=self._run,
            args=(generation, source, filters, cancel, as_of),
            daemon=True,
            name=f"browse-{generation}",
        )
        worker.start()
        self.worker = worker
        return generation

    def cancel(self) -> None:
        self._cancel.cancel()

    def _run(
        self,
        generation: int,
        source: Workspace,
        filters: PolicyFilters,
        cancel: CancelToken,
        as_of: AsOf | None,
    ) -> None:
        workspace = source.reopen()  # a connection of this thread's own
        try:
            result: BrowseResult | None = browse(workspace, filters, cancel, as_of)
        except (SearchCancelled, ReadError):  # a newer request came, or the read failed: keep the list
            result = None
        except UserError as error:  # a team workspace's server out of reach: keep the list, say why
            result = None
            self.failed.emit(str(error))
        finally:
            workspace.close()
        if result is not None and generation == self.generation:
            self.finished.emit(generation, result)
