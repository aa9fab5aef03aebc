"""Runs the complete search and filter query off the GUI thread; a newer request cancels the older."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.services.policies import BrowseResult, PolicyFilters, browse
from app.services.workspace import Workspace


class BrowseRunner(QObject):
    finished = Signal(int, object)  # request number, BrowseResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._current: Workspace | None = None
        self._lock = threading.Lock()

    def start(self, path: Path, filters: PolicyFilters) -> int:
        """Begin a query; returns its number. The previous one, if still running, is interrupted."""
        self.cancel()
        self.generation += 1
        generation = self.generation
        thread = threading.Thread(
            target=self._run, args=(generation, path, filters), daemon=True, name=f"browse-{generation}"
        )
        thread.start()
        self.thread = thread
        return generation

    def cancel(self) -> None:
        with self._lock:
            if self._current is not None and self._current._reader is not None:
                self._current._reader.interrupt()

    def _run(self, generation: int, path: Path, filters: PolicyFilters) -> None:
        workspace = Workspace(path)  # a connection of this thread's own
        with self._lock:
            self._current = workspace
        try:
            result: BrowseResult | None = browse(workspace, filters)
        except sqlite3.OperationalError:  # interrupted by a newer request
            result = None
        finally:
            with self._lock:
                if self._current is workspace:
                    self._current = None
            workspace.close()
        if result is not None and generation == self.generation:
            self.finished.emit(generation, result)
