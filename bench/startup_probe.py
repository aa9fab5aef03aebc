"""Started as its own process: time from launch to the first painted window with its list filled,
or to the complete window.

`python -m bench.startup_probe app WORKSPACE LAUNCHED_AT` starts Policy Tracker's real main
window; `... bare ROWS LAUNCHED_AT` starts a bare PySide6 window with a table of ROWS filled
rows, the floor to compare against. Prints the seconds from launch to that first paint, and
the process's peak memory in MB, then exits.

`... app-complete WORKSPACE LAUNCHED_AT SLUG` and `... bare-complete ROWS LAUNCHED_AT` time
the complete window instead (see bench/complete_probe.py).
"""

from __future__ import annotations

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_mb() -> float:
    """This process's peak resident memory. (ru_maxrss would carry over the parent's peak
    across exec on Linux; VmHWM starts afresh with the new program.)"""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    kind, target, launched = sys.argv[1], sys.argv[2], float(sys.argv[3])
    if kind.endswith("-complete"):
        from bench.complete_probe import main as complete

        complete(kind, target, launched, sys.argv[4:])
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    if kind == "app":
        import tempfile
        from pathlib import Path

        from PySide6.QtCore import QSettings

        from app.services.workspace import Workspace
        from app.ui.main.main_window import MainWindow

        settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Workspace.open(Path(target)), settings)
        view = window.table
    else:
        from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

        rows = int(target)
        view = QTableWidget(min(rows, 256), 6)
        for row in range(min(rows, 256)):  # what a lazily filled view shows at first
            for column in range(6):
                view.setItem(row, column, QTableWidgetItem(f"cell {row} {column}"))
        window = view
        window.resize(1320, 820)

    def loaded() -> bool:
        # The app reads the rest of the list after its first paint; memory counts once all is in.
        return kind != "app" or not window.count_label.text().startswith("Reading")

    def report(elapsed: float) -> None:
        if not loaded():
            QTimer.singleShot(10, lambda: report(elapsed))
            return
        print(f"{elapsed:.4f} {_peak_mb():.1f}", flush=True)
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and view.model().rowCount() > 0:
                elapsed = time.time() - launched
                QTimer.singleShot(0, lambda: report(elapsed))
                view.viewport().removeEventFilter(self)
            return False

    probe = FirstPaint()
    view.viewport().installEventFilter(probe)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
