"""View ▸ Timeline: every listed policy's status over time, with export to PNG and SVG."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QToolBar, QVBoxLayout, QWidget

from app.domain.timeline import sort_lanes
from app.errors import UserError
from app.export.timeline_svg import timeline_svg
from app.services.files import write_atomically
from app.services.timeline import timeline
from app.ui.common.files import choose_file
from app.ui.timeline.timeline_view import TimelineView

if TYPE_CHECKING:
    from app.services.operations import Changes
    from app.ui.main.window_context import WindowContext


def write_timeline(svg: str, target: Path) -> None:
    """Write the timeline as SVG or PNG, chosen by the file's extension."""
    suffix = target.suffix.lower()
    if suffix == ".svg":
        write_atomically(target, svg.encode("utf-8"))
    elif suffix == ".png":
        from app.export.raster import svg_to_png

        write_atomically(target, svg_to_png(svg))
    else:
        raise UserError(
            QCoreApplication.translate(
                "TimelineWindow", "Cannot tell the format of {file}: name it .svg or .png"
            ).format(file=target.name)
        )


class TimelineWindow(QWidget):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.dialog_parent(), Qt.WindowType.Window)
        self.context = context
        self.setWindowTitle(self.tr("Timeline — {workspace}").format(workspace=context.workspace.path.stem))
        self.view = TimelineView()
        self.view.marker_clicked.connect(self._select_event)
        self.sort_combo = QComboBox()
        self.sort_combo.addItem(self.tr("By start date"), "start")
        self.sort_combo.addItem(self.tr("By title"), "title")
        self.sort_combo.setAccessibleName(self.tr("Sort lanes"))
        self.sort_combo.currentIndexChanged.connect(lambda _i: self.reload(fit=False))
        toolbar = QToolBar()
        self.fit_action = QAction(self.tr("Fit All"), self)
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.triggered.connect(self.view.fit_all)
        self.zoom_in_action = QAction(self.tr("Zoom In"), self)
        self.zoom_in_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_action.triggered.connect(lambda: self.view.zoom(1.5))
        self.zoom_out_action = QAction(self.tr("Zoom Out"), self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(lambda: self.view.zoom(1 / 1.5))
        self.export_action = QAction(self.tr("Export Picture…"), self)
        self.export_action.triggered.connect(self.choose_export)
        toolbar.addActions([self.fit_action, self.zoom_in_action, self.zoom_out_action])
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" " + self.tr("Lanes") + " "))
        toolbar.addWidget(self.sort_combo)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        for action in (self.fit_action, self.zoom_in_action, self.zoom_out_action):
            self.addAction(action)
        self.hint = QLabel(
            self.tr(
                "Ctrl+wheel zooms, dragging pans, a click on a marker shows that event. "
                "Boxes are events known only to the month or year."
            )
        )
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(toolbar)
        layout.addWidget(self.view)
        layout.addWidget(self.hint)
        self.resize(1200, 640)
        self.reload()
        context.events.changed.connect(self.on_changed)
        context.events.listed.connect(self._on_listed)

    def _on_listed(self) -> None:
        if self.isVisible():  # the lanes are the policies the list shows
            self.reload(fit=False)

    def on_changed(self, changes: Changes) -> None:
        """Show an edit made anywhere: the lanes are policies, their markers status events."""
        from app.services.operations import EntryKind

        if self.isVisible() and changes.touches(EntryKind.POLICY, EntryKind.EVENT, EntryKind.RELATION):
            self.reload(fit=False)

    def policy_ids(self) -> list[str]:
        return [row.id for row in self.context.listed_rows()]

    def reload(self, fit: bool = True) -> None:
        lanes, connectors = timeline(self.context.workspace, self.policy_ids())
        self.view.set_data(sort_lanes(lanes, str(self.sort_combo.currentData())), connectors, fit=fit)

    def svg(self) -> str:
        return timeline_svg(self.view.lanes, self.view.connectors, date.today(), title="Policy timeline")

    def choose_export(self) -> QFileDialog:
        self.file_dialog = choose_file(
            self,
            self.tr("Export Timeline"),
            Path.home() / "timeline.svg",
            self.tr("SVG picture (*.svg)") + ";;" + self.tr("PNG picture (*.png)"),
            self.export_to,
            save=True,
        )
        return self.file_dialog

    def export_to(self, target: Path) -> None:
        try:
            write_timeline(self.svg(), target)
        except UserError as error:
            self.context.report_error(str(error))
            return
        self.context.report(self.tr("Timeline saved to {file}").format(file=target), 10_000)

    def _select_event(self, slug: str, event_id: str) -> None:
        self.context.select_policy(slug)
        self.context.show_event(event_id)
