"""Started as its own process (through bench/startup_probe.py): time from launch to the complete
window, and the same for a bare PySide6 window with the same widgets, the floor.

Complete means: the filters show their counts, the list model holds every policy (status
badges drawn by their delegate), the selected policy's details have been painted since they
were shown, and the event loop is free to take input. The app is given a saved selection
(SLUG), as a person reopening it has, so its details are read and painted as part of the start.

The floor is a QMainWindow with menus full of actions, a tree of facet values with counts, a
table view over a model of ROWS rows of six columns, a text browser showing a page of details
and a status bar, all filled in the process from content of similar size, with its first row
selected. Both are watched the same way: a check every POLL_MS of the event loop.

Prints the seconds from launch to the complete window and the peak memory in MB, then exits.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QWidget

POLL_MS = 2
GIVE_UP_S = 60  # a window that never completes fails the run rather than hanging it
FACETS = {"Status": 8, "Jurisdiction": 12, "Kind": 6, "Tag": 30}  # about the generator's vocabularies
MENUS = {"File": 14, "Edit": 12, "View": 12, "Policy": 10, "Help": 4}  # actions per menu


class PaintClock(QObject):
    """Remembers when a widget was last painted."""

    def __init__(self) -> None:
        super().__init__()
        self.last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.last = time.perf_counter()
        return False


def _watch(app: QApplication, launched: float, complete: Callable[[], bool]) -> None:
    from bench.startup_probe import _peak_mb

    def check() -> None:
        if time.time() - launched > GIVE_UP_S:
            print(f"the window was not complete after {GIVE_UP_S} s", file=sys.stderr, flush=True)
            app.exit(1)
            return
        if complete():
            print(f"{time.time() - launched:.4f} {_peak_mb():.1f}", flush=True)
            app.quit()
        else:
            QTimer.singleShot(POLL_MS, check)

    QTimer.singleShot(POLL_MS, check)


def _app(app: QApplication, workspace: str, launched: float, slug: str) -> QWidget:
    from PySide6.QtCore import QSettings

    from app.services.workspace import Workspace
    from app.ui.main.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("selection/slug", slug)
    window = MainWindow(Workspace.open(Path(workspace)), settings)
    clock = PaintClock()
    shown = {"at": 0.0, "hooked": False}

    def complete() -> bool:
        if not window.ready or window.start_failed:
            return bool(window.start_failed)  # says so rather than waiting for ever
        parts = window.parts
        detail = parts.detail
        if not shown["hooked"]:  # the detail pane exists from finish_start() on
            show_policy = detail.show_policy

            def show_and_time(*args: object, **kwargs: object) -> None:
                show_policy(*args, **kwargs)  # type: ignore[arg-type]
                shown["at"] = time.perf_counter()

            detail.show_policy = show_and_time  # type: ignore[method-assign]
            for name in detail.TABS:
                dict.__getitem__(detail.pages, name).viewport().installEventFilter(clock)
            shown["hooked"] = True
            if detail.detail is not None:
                shown["at"] = time.perf_counter()
                detail.update()
        return (
            not window.count_label.text().startswith("Reading")
            and window.model.total_rows == parts.result.total  # rows the view fetches as it scrolls included
            and bool(parts.result.counts)
            and detail.detail is not None
            and detail.detail.slug == slug
            and clock.last > shown["at"]
        )

    _watch(app, launched, complete)
    return window


class RowsModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


def _bare(app: QApplication, rows: int, launched: float) -> QWidget:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QLabel,
        QLineEdit,
        QMainWindow,
        QSplitter,
        QTableView,
        QTextBrowser,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
    )

    window = QMainWindow()
    for menu_title, count in MENUS.items():
        menu = window.menuBar().addMenu(menu_title)
        for number in range(count):
            action = QAction(f"{menu_title} action {number}…", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(ord('A') + number)}"))
            menu.addAction(action)
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    for facet, values in FACETS.items():
        group = QTreeWidgetItem([facet])
        tree.addTopLevelItem(group)
        for value in range(values):
            item = QTreeWidgetItem([f"{facet.lower()} value {value}  ({rows // values})"])
            item.setCheckState(0, Qt.CheckState.Unchecked)
            group.addChild(item)
        group.setExpanded(True)
    content = [
        (
            f"Policy number {r} on border and asylum cooperation",
            "in force",
            "US",
            "program",
            "2024-03-01",
            str(r % 9),
        )
        for r in range(rows)
    ]
    table = QTableView()
    table.setModel(RowsModel(content))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSortingEnabled(True)
    table.verticalHeader().hide()
    browser = QTextBrowser()
    paragraph = "<p>The administration and the court set out the order, its appeal and the ruling.</p>"
    events = "".join(f"<li><b>2024-0{1 + e % 9}-1{e % 9}</b> event {e}: {paragraph}</li>" for e in range(10))
    browser.setHtml(f"<h2>{content[0][0] if content else ''}</h2>{paragraph * 6}<ul>{events}</ul>")
    clock = PaintClock()
    browser.viewport().installEventFilter(clock)
    middle = QWidget()
    column = QVBoxLayout(middle)
    column.addWidget(QLineEdit())
    column.addWidget(table)
    splitter = QSplitter()
    splitter.addWidget(tree)
    splitter.addWidget(middle)
    splitter.addWidget(browser)
    window.setCentralWidget(splitter)
    window.statusBar().addPermanentWidget(QLabel(f"{rows} of {rows} policies"))
    if rows:
        table.selectRow(0)
    window.resize(1320, 820)
    _watch(app, launched, lambda: clock.last > 0)
    return window


def main(kind: str, target: str, launched: float, extra: list[str]) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    if kind == "app-complete":
        window = _app(app, target, launched, extra[0])
    else:
        window = _bare(app, int(target), launched)
    window.show()
    app.exec()
