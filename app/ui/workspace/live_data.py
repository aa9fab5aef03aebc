"""Live data: the window notices what other processes write to its workspace, within a second.

`policy-tracker import` or `add-event` while the window is open, or (later) a colleague on a team
store: the store's change feed (app.services.change_feed) is read every POLL_MS on the GUI thread
and, when it moved, the window refreshes through the one "changed" signal, as after its own edits.

Reading it on the GUI thread is safe: in SQLite's WAL mode PRAGMA data_version reads the shared
WAL index and waits for no writer (tests/ui/workspace/test_live_data.py measures it while another
process holds a write open).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from app.services.change_feed import data_version

if TYPE_CHECKING:
    from app.ui.main.window_context import WindowContext

# Often enough that a write shows within a second, refresh included; one poll costs microseconds.
POLL_MS = 250


class OutsideWrites(QObject):
    """Polls the change feed and announces other processes' writes as `Changes.all()`."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.dialog_parent())
        self.context = context
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.seen: int | None = None if context.workspace.is_team else data_version(context.workspace)
        # The window's own writes move the counter too (they go through another connection than its
        # reads): after each announced change the counter as it is now is taken as seen. (A write by
        # another process in the same instant is then shown with the next change, or View ▸ Reload.)
        context.events.changed.connect(self._note_version)
        self.timer.start()

    def _note_version(self, _changes: object = None) -> None:
        if not self.context.workspace.is_team:
            self.seen = data_version(self.context.workspace)

    def poll(self) -> None:
        if not self.context.dialog_parent().isVisible():
            return  # not shown yet, or closed: its workspace may be closed too
        if self.context.workspace.is_team:
            # A team workspace hears its server's notifications off this thread (team_live); a
            # query to the server every 250 ms here would wait on the network in the GUI thread.
            self.seen = None
            return
        now = data_version(self.context.workspace)
        if self.seen is None or now is None:
            self.seen = now
            return
        if now != self.seen:
            self.seen = now
            # Here, not at the top: operations bring the ORM, which the start leaves for the first edit.
            from app.services.operations import Changes

            self.context.events.changed.emit(Changes.all())
