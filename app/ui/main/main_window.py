"""The main window: filters, search, the policy list and the selected policy's details.

It opens in two steps, so that the list is on screen about as soon as Qt can paint a window.
The constructor builds the frame (menu bar, search box, the list with its first screenful read
straight from SQLite) from little more than Qt's own classes. finish_start(), which runs just
after that first paint, imports and builds the rest: filters, details, menus, badges, sorting,
and the complete list, read off the GUI thread. Until it has run, `ready` is False.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import policy_list
from app.services.audit import stale_after_days
from app.services.kinds import Facet
from app.services.rows import PolicyRow
from app.ui.browse.first_screen import (
    AfterFirstPaint,
    Column,
    FirstScreenModel,
    PolicyTableView,
    details_stand_in,
    filters_stand_in,
    row_order,
)
from app.ui.common.i18n import number
from app.ui.common.theme import THEME_KEY
from app.ui.main.window_context import WorkspaceEvents
from app.ui.main.window_parts import WindowParts

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QCloseEvent, QShowEvent
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from app.services.as_of import AsOf, StatusHistories
    from app.services.details import ChangeRow
    from app.services.operations import Changes
    from app.services.policies import BrowseResult, PolicyFilters
    from app.services.workspace import Workspace
    from app.ui.browse.delegates import HighlightDelegate
    from app.ui.browse.filter_panel import FilterPanel
    from app.ui.browse.policy_table import PolicyTableModel
    from app.ui.browse.save_search import SaveSearchDialog
    from app.ui.detail.audit_window import AuditWindow
    from app.ui.detail.detail_pane import PolicyDetailPane
    from app.ui.editing.edit_controller import EditController
    from app.ui.notes.notes_window import NotesWindow
    from app.ui.timeline.timeline_window import TimelineWindow
    from app.ui.transfer.export_dialog import ExportDialog
    from app.ui.transfer.import_dialog import ImportDialog
    from app.ui.workspace.changes_window import ChangesWindow
    from app.ui.workspace.safety import SafetyController
    from app.ui.workspace.workspace_lock import WorkspaceLock
    from app.ui.workspace.workspaces import WorkspaceController

log = logging.getLogger(__name__)

# Whether the list, as of a past day, keeps the policies not yet begun then (greyed).
NOT_BEGUN_KEY = "view/as_of_not_begun"
SEARCH_DELAY_MS = 120
FIRST_PAGE = 256  # rows painted before the complete list is read
TOOLBAR_ICON = 18  # pixels
CHANGES_SHOWN = 200  # a policy's latest changes in its Changes tab (the command line lists them all)
PANE_STRETCH = (0, 1, 1)  # how the filters, the list and the details share a wider window


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings | None = None,
        *,
        deferred: bool = True,
        lock: WorkspaceLock | None = None,
    ) -> None:
        """`deferred`: build the rest of the window only after its first paint (see finish_start).
        `lock`: the workspace's lock, held when the app runs (not in tests of the window alone)."""
        super().__init__()
        self._workspace = workspace
        self._settings = settings if settings is not None else QSettings()
        self._events = WorkspaceEvents(self)
        self.ready = False  # finish_start() has run
        self.start_failed = ""  # why finish_start() could not build the rest, if it could not
        self._lock = lock
        self._parts: WindowParts | None = None  # made by finish_start()
        self.notes_window: NotesWindow | None = None
        self.changes_window: ChangesWindow | None = None
        self.timeline_window: TimelineWindow | None = None
        self.audit_window: AuditWindow | None = None
        self._restoring_slug: str | None = None
        self._as_of_day: date | None = None  # the day the list shows; None: today
        self._histories: StatusHistories | None = None  # read when a past day is first shown
        self._when_ready: list[Callable[[], object]] = []
        self._after_first_paint: AfterFirstPaint | None = None
        self.setObjectName("MainWindow")
        self.read_only_bar: QLabel | None = None  # made when a workspace cannot be changed
        self._build_frame()
        self.apply_write_state()
        self._team_link.follow(workspace)
        self._restore_frame()
        if deferred and not any(_as_list(self.settings.value(key)) for key in (f.setting_key for f in Facet)):
            self._show_first_screen()
        else:  # saved filters: the first screenful by title would not be what the list shows
            self.finish_start()

    # What collaborators may use (app.ui.main.window_context.WorkspaceHost) -------------
    @property
    def workspace(self) -> Workspace:
        return self._workspace

    @property
    def settings(self) -> QSettings:
        return self._settings

    @property
    def events(self) -> WorkspaceEvents:
        return self._events

    def dialog_parent(self) -> QWidget:
        return self

    def listed_rows(self) -> list[PolicyRow]:
        return [self.model.row_at(r) for r in range(self.model.total_rows)]

    def show_event(self, event_id: str) -> None:
        self.detail.show_event(event_id)

    def follow_link(self, url: QUrl) -> None:
        self.detail.follow_link(url)

    def selected_passage(self) -> tuple[str, str] | None:
        return self.detail.selected_passage()

    def report(self, message: str, timeout_ms: int = 8000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def holds_lock(self) -> bool:
        return self._lock is not None

    def release_lock(self) -> None:
        """Let go of the workspace's lock (the one held now: switching may have replaced it)."""
        if self._lock is not None:
            self._lock.release()

    # Construction ---------------------------------------------------------
    def _build_frame(self) -> None:
        """What the first paint shows: the menu bar's titles, the search box, the list. (No use
        of the Qt enum namespace, QStyle or QKeySequence here: their first use costs milliseconds.)"""
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu(self.tr("&File"))
        self.edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        self.view_menu = menu_bar.addMenu(self.tr("&View"))
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        # Filled by finish_start() (app.ui.main.menus); its room is kept from the first paint on,
        # so that the list does not move down when its buttons arrive.
        self.toolbar = QToolBar(self.tr("Toolbar"))
        self.toolbar.setFixedHeight(max(TOOLBAR_ICON, self.fontMetrics().height()) + 15)
        self.addToolBar(self.toolbar)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Search titles, summaries, history, sources and notes  (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search policies"))

        self._first_screen: FirstScreenModel | None = FirstScreenModel(self)
        self.table = PolicyTableView()
        self.table.setModel(self._first_screen)
        self.table.setAccessibleName(self.tr("Policies"))
        self.table.setAcceptDrops(False)  # until finish_start() connects what takes a dropped link
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

        middle = QWidget()
        layout = QVBoxLayout(middle)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        from app.ui.browse.keyboard import mark_focus

        mark_focus(self.search_box)  # from the first paint: its ring's padding sets its height
        layout.addWidget(self.search_box)
        layout.addWidget(self.table)

        self.splitter = QSplitter()  # horizontal
        self.splitter.setObjectName("MainSplitter")
        # The filters and the details come with finish_start(); until then, their empty frames.
        self.splitter.addWidget(filters_stand_in())
        self.splitter.addWidget(middle)
        self.splitter.addWidget(details_stand_in(not self.settings.value("selection/slug")))
        for index, stretch in enumerate(PANE_STRETCH):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([204, 636, 440])  # a wider window goes to the list and the details alike
        self.splitter.setChildrenCollapsible(False)
        container = QWidget()
        outer = self._outer = QVBoxLayout(container)
        outer.setContentsMargins(8, 8, 8, 4)
        outer.addWidget(self.splitter)
        self.setCentralWidget(container)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        from app.ui.workspace.team_live import TeamLink

        self._team_link = TeamLink(self.events, self)  # a team workspace: who you are, others' changes live
        self.statusBar().addPermanentWidget(self._team_link.label)

    def _restore_frame(self) -> None:
        """The saved size and layout, and a chosen light or dark look, before the first paint."""
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 820)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        if s.value("window/sidebar", True) in (False, "false"):
            self.splitter.widget(0).hide()
        columns = s.value("list/header")  # widths, order, sort indicator
        header = self.table.horizontalHeader()
        self._header_restored = isinstance(columns, QByteArray) and header.restoreState(columns)
        self.table.columns.enabled = not self._header_restored  # widths from last time are kept
        # "Follow the System" is what Qt starts with; a chosen look is set now, so that a dark
        # window never flashes light. (Finding out whether the system is dark costs more.)
        self._theme_applied = str(s.value(THEME_KEY, "system"))
        app = QApplication.instance()
        if self._theme_applied in ("light", "dark") and isinstance(app, QApplication):
            from app.ui.common.theme import apply_theme

            apply_theme(app, self._theme_applied)
        else:
            self._theme_applied = ""

    def _show_first_screen(self) -> None:
        """The first screenful, in the saved order; the rest of the window follows its first paint."""
        tallest = max(self.height(), self.screen().availableGeometry().height())
        rows = policy_list.first_page(
            self.workspace, tallest // self.table.verticalHeader().defaultSectionSize() + 2
        )
        header = self.table.horizontalHeader()
        if self._header_restored and header.isSortIndicatorShown() and header.sortIndicatorSection() >= 0:
            from PySide6.QtCore import Qt

            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            rows.sort(key=row_order(header.sortIndicatorSection()), reverse=descending)
        assert self._first_screen is not None
        self._first_screen.set_rows(rows)
        self.count_label.setText(self.tr("Reading policies…"))
        self._after_first_paint = AfterFirstPaint(self.table.viewport(), self.finish_start)

    def finish_start(self) -> None:
        """Build the rest of the window and read the complete list. Runs once: just after the
        first paint, or at once for a window made with deferred=False (or with saved filters)."""
        if self.ready:
            return
        self.ready = True  # before building: a paint while building must not start it again
        if self._after_first_paint is not None:
            self._after_first_paint.cancel()
            self._after_first_paint = None
        try:
            self._build_the_rest()
        except Exception as error:
            # After the first paint nobody is there to catch it: say so, and keep the saved settings.
            self.start_failed = str(error) or type(error).__name__
            log.exception("The window could not finish opening")
            self.count_label.setText(self.tr("Could not finish opening this workspace"))
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "Policy Tracker",
                self.tr(
                    "The window could not finish opening: {error}\n\nClose it and open the workspace again."
                ).format(error=self.start_failed),
                parent=self,
            )
            box.open()
            return
        waiting, self._when_ready = self._when_ready, []
        for action in waiting:
            action()

    def _build_the_rest(self) -> None:
        from app.services.policies import BrowseResult
        from app.ui.browse.browse_runner import BrowseRunner
        from app.ui.editing.edit_controller import EditController
        from app.ui.workspace.live_data import OutsideWrites
        from app.ui.workspace.safety import SafetyController
        from app.ui.workspace.workspaces import WorkspaceController

        filter_panel, detail, model, highlighter, empty_label, search_timer = self._build_widgets()
        editor = EditController(self)
        safety = SafetyController(self)
        workspaces = WorkspaceController(self, safety)
        browse_runner = BrowseRunner(self)
        from app.ui.main.menus import build_menus

        actions = build_menus(self, editor, workspaces, safety, filter_panel)
        self.statusBar().addWidget(editor.feedback, 1)
        self._parts = WindowParts(
            filter_panel=filter_panel,
            detail=detail,
            model=model,
            highlighter=highlighter,
            empty_label=empty_label,
            search_timer=search_timer,
            editor=editor,
            workspaces=workspaces,
            safety=safety,
            browse_runner=browse_runner,
            actions=actions,
            result=BrowseResult(rows=[], total=0),
        )
        self.table.addAction(editor.delete_policy_action)
        detail.action_requested.connect(editor.on_detail_action)
        detail.audit_requested.connect(
            lambda policy_id: self.read_guarded(lambda: self.show_audit(policy_id))
        )
        detail.stale_after_days = stale_after_days(self.workspace)
        self.events.audit_setting_changed.connect(self._on_audit_setting_changed)
        self.events.changed.connect(self.on_changed)
        OutsideWrites(self)  # writes by other processes come in through the same "changed" signal
        self.table.url_dropped.connect(self._on_url_dropped)
        self.table.setAcceptDrops(True)
        filter_panel.saved_search_chosen.connect(self.apply_saved_search)
        filter_panel.saved_search_delete_requested.connect(self.delete_saved_search)
        browse_runner.finished.connect(self._on_browsed)
        browse_runner.failed.connect(self.report_error)
        self.apply_write_state()
        self._restore_settings()
        filters = self.current_filters()
        total = policy_list.count_policies(self.workspace)
        if total > FIRST_PAGE and not any(filters.chosen(facet) for facet in Facet):
            # A large workspace paints its first page at once; the rest follows off the GUI thread.
            self._show_first_page(total)
            if filters.search.strip():  # typed while the window was opening
                self._on_search_typed()
        else:
            restoring, self._restoring_slug = self._restoring_slug, None
            self.refresh()
            self._restoring_slug = restoring
        self._select_slug(self._restoring_slug)
        if self.search_box.hasFocus() and not self.search_box.text():
            self.filter_panel.tree.setFocus()  # where a window of the whole app starts

    @property
    def parts(self) -> WindowParts:
        """Everything finish_start() builds; asking before it has run is a mistake."""
        if self._parts is None:
            raise RuntimeError("The window is not complete yet: wait for when_ready()")
        return self._parts

    # The parts most used, by name.
    @property
    def model(self) -> PolicyTableModel:
        return self.parts.model

    @property
    def detail(self) -> PolicyDetailPane:
        return self.parts.detail

    @property
    def filter_panel(self) -> FilterPanel:
        return self.parts.filter_panel

    @property
    def editor(self) -> EditController:
        return self.parts.editor

    @property
    def workspaces(self) -> WorkspaceController:
        return self.parts.workspaces

    @property
    def safety(self) -> SafetyController:
        return self.parts.safety

    def check_safety_when_ready(self) -> None:
        """Once the window is complete (and has painted), check the workspace and take the daily backup."""
        self.when_ready(lambda: QTimer.singleShot(0, self.safety.check_in_background))

    def when_ready(self, action: Callable[[], object]) -> None:
        """Run `action` once finish_start() has run (at once, if it has)."""
        if self.ready:
            action()
        else:
            self._when_ready.append(action)

    def _build_widgets(
        self,
    ) -> tuple[FilterPanel, PolicyDetailPane, PolicyTableModel, HighlightDelegate, QLabel, QTimer]:
        """The filters, the details, the full list model with its badges and sorting."""
        from PySide6.QtCore import Qt

        from app.ui.browse.delegates import HighlightDelegate, StatusBadgeDelegate
        from app.ui.browse.filter_panel import FilterPanel
        from app.ui.browse.keyboard import SearchBoxKeys, mark_focus
        from app.ui.browse.policy_table import PolicyTableModel
        from app.ui.detail.detail_pane import PolicyDetailPane

        filter_panel = FilterPanel()
        filter_panel.filters_changed.connect(self.refresh)

        search_timer = QTimer(self)
        search_timer.setSingleShot(True)
        search_timer.setInterval(SEARCH_DELAY_MS)
        search_timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(lambda _text: self._on_search_typed())
        self.search_box.returnPressed.connect(self._search_now)

        from app.ui.browse.as_of_control import AsOfControl

        self.as_of_control = AsOfControl()
        self.as_of_control.day_changed.connect(self._on_as_of_changed)
        self.as_of_control.not_begun_box.setChecked(self.settings.value(NOT_BEGUN_KEY, False, type=bool))
        self.as_of_control.not_begun_toggled.connect(self._on_not_begun_toggled)
        # On the toolbar (see app.ui.main.menus.main_toolbar), where a narrow window folds it into
        # the toolbar's overflow menu instead of widening the list's column.

        model = PolicyTableModel()
        first_selection = self.table.selectionModel()
        self.table.setModel(model)  # the header keeps its sizes and sort indicator
        first_selection.deleteLater()
        if self._first_screen is not None:
            self._first_screen.deleteLater()
            self._first_screen = None
        header = self.table.horizontalHeader()
        if not self._header_restored:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts the model as the header shows
        highlighter = HighlightDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.TITLE, highlighter)
        self.table.setItemDelegateForColumn(Column.STATUS, StatusBadgeDelegate(self.table))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        # Through the action: while it is disabled (a read-only workspace), a double-click edits nothing.
        self.table.doubleClicked.connect(lambda _index: self.editor.edit_policy_action.trigger())

        empty_label = QLabel(self.table.viewport())
        empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_label.setWordWrap(True)
        empty_label.setTextFormat(Qt.TextFormat.RichText)
        empty_label.linkActivated.connect(lambda _link: self.clear_search_and_filters())
        empty_label.hide()

        detail = PolicyDetailPane()
        detail.policy_link_clicked.connect(self.select_policy)
        detail.changes_of = self._changes_of
        for index, pane in ((0, filter_panel), (2, detail)):
            # In the stand-in's place, at its size, shown or hidden as it was; the stretch factor
            # is the widget's own (its size policy), so it is set again.
            self.splitter.replaceWidget(index, pane).deleteLater()
            self.splitter.setStretchFactor(index, PANE_STRETCH[index])
        # Tab follows the panes from left to right, as they are read.
        chain = [
            filter_panel.tree,
            filter_panel.clear_button,
            self.search_box,
            self.table,
            detail.tabs,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._search_keys = SearchBoxKeys(self.search_box, self.table)
        mark_focus(self.search_box, self.table, filter_panel.tree, *dict.values(detail.pages))
        return filter_panel, detail, model, highlighter, empty_label, search_timer

    # Reading the workspace --------------------------------------------------
    def current_filters(self) -> PolicyFilters:
        from app.services.policies import PolicyFilters

        chosen = self.filter_panel.chosen
        return PolicyFilters(
            search=self.search_box.text(),
            statuses=chosen(Facet.STATUS),
            jurisdictions=chosen(Facet.JURISDICTION),
            kinds=chosen(Facet.KIND),
            tags=chosen(Facet.TAG),
        )

    def current_as_of(self) -> AsOf | None:
        """The day the list shows, with every policy's status then; None when it shows today."""
        day = self._as_of_day
        if day is None:
            return None
        from app.services.as_of import AsOf, StatusHistories

        if self._histories is None:
            self._histories = StatusHistories.read(self.workspace)
        return AsOf.of(self._histories, day, keep_not_begun=self.as_of_control.not_begun_box.isChecked())

    def as_of_day(self) -> date | None:
        return self._as_of_day

    def _on_not_begun_toggled(self, keep: bool) -> None:
        self.settings.setValue(NOT_BEGUN_KEY, keep)
        if self._as_of_day is not None:
            self.refresh()

    def _on_as_of_changed(self, day: date | None) -> None:
        self._as_of_day = day
        self.refresh()
        self.events.as_of_changed.emit(day)

    def _search_now(self) -> None:
        self.parts.search_timer.stop()
        self.refresh()

    def refresh(self) -> None:
        """Re-run the search and filters now, keeping the selected policy when it still matches."""
        from app.services.policies import browse

        self._restoring_slug = None  # the person has moved on from the selection saved last time
        self.parts.search_timer.stop()
        self.parts.browse_runner.cancel()
        self.parts.browse_runner.generation += 1  # an answer still on its way is out of date
        try:
            result = browse(self.workspace, self.current_filters(), as_of=self.current_as_of())
        except UserError as error:  # a team workspace's server out of reach: keep the list, say why
            self.report_error(str(error))
            return
        self._show_result(result)

    def _show_first_page(self, total: int) -> None:
        from app.services.policies import BrowseResult

        self.parts.result = BrowseResult(rows=policy_list.first_page(self.workspace, FIRST_PAGE), total=total)
        self.model.set_rows(self.parts.result.rows)
        self.count_label.setText(self.tr("Reading %Ln policies…", "", total))
        self.parts.browse_runner.start(self.workspace, self.current_filters(), self.current_as_of())

    def _on_search_typed(self) -> None:
        """Small workspaces search in a blink after a short pause; large ones show matches in
        policy fields at once, then the complete results from a background query."""
        self._restoring_slug = None
        from app.domain.search import search_words
        from app.services import policies
        from app.services.policies import passes
        from app.ui.browse.match_reason import explainer

        if self.parts.result.total <= FIRST_PAGE:
            self.parts.search_timer.start()
            return
        self.parts.search_timer.stop()
        filters = self.current_filters()
        if filters.search.strip():
            ids = policies.policies_matching_fields(self.workspace, filters.search)
            rows = policies.rows_for_ids(self.workspace, ids)
            as_of = self.current_as_of()
            if as_of is not None:
                rows = policies.filtered(rows, filters, len(rows), as_of).rows
            else:
                rows = [r for r in rows if passes(r, filters)]
            self.parts.highlighter.set_terms(search_words(filters.search))
            self.model.set_explain(explainer(self.workspace, filters.search))
            self.model.set_rows(rows)
            self.parts.empty_label.hide()
            self.count_label.setText(
                self.tr("{count} matching by title or summary · searching further…").format(
                    count=number(len(rows))
                )
            )
        self.parts.browse_runner.start(self.workspace, filters, self.current_as_of())

    def _on_browsed(self, generation: int, result: BrowseResult) -> None:
        if generation == self.parts.browse_runner.generation:
            self._show_result(result)
            if self.selected_row() is None and self._restoring_slug:
                self._select_slug(self._restoring_slug)  # it was beyond the first screenful
            self._restoring_slug = None

    def _show_result(self, result: BrowseResult) -> None:
        from app.domain.search import search_words
        from app.ui.browse.match_reason import explainer

        keep = self.selected_slug()
        filters = self.current_filters()
        self.parts.result = result
        self.parts.highlighter.set_terms(search_words(filters.search))
        self.model.set_explain(explainer(self.workspace, filters.search))
        self.model.as_of = result.as_of
        self.model.set_rows(self.parts.result.rows)
        self.filter_panel.set_counts(self.parts.result.counts)
        self._update_empty_state(filters)
        self._show_count()
        self._refresh_saved_searches()
        self.events.listed.emit()
        if keep is not None and self.model.row_of_slug(keep) is not None:
            self._select_slug(keep)
        else:
            self._show_current()

    def _update_empty_state(self, filters: PolicyFilters) -> None:
        if self.parts.result.rows:
            self.parts.empty_label.hide()
            return
        if self.parts.result.total == 0:
            text = self.tr(
                "<p><b>No policies yet.</b></p><p>This workspace is empty. Open another "
                "workspace with <i>--workspace</i>, or import a bundle with "
                "<i>policy-tracker import FILE</i>.</p>"
            )
        else:
            search = filters.search.strip()
            what = self.tr("“{search}”").format(search=search) if search else self.tr("these filters")
            text = self.tr(
                '<p><b>No policies match {what}.</b></p><p><a href="clear">Clear search and filters</a></p>'
            ).format(what=_html(what))
        self.parts.empty_label.setText(text)
        self.parts.empty_label.resize(self.table.viewport().size())
        self.parts.empty_label.show()

    def _show_count(self) -> None:
        text = self.tr("{shown} of %Ln policies", "", self.parts.result.total).format(
            shown=number(len(self.parts.result.rows))
        )
        as_of = self.parts.result.as_of
        if as_of is not None:
            from app.ui.common.i18n import display_date

            text += " · " + self.tr("as of {date}").format(date=display_date(as_of.day.isoformat()))
        self.count_label.setText(text)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._parts is not None:
            self._parts.empty_label.resize(self.table.viewport().size())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.ready and self.isMinimized():  # no paint to wait for
            QTimer.singleShot(0, self.finish_start)

    # Selection --------------------------------------------------------------
    def selected_row(self) -> PolicyRow | None:
        """The policy the detail pane shows: the current row, when it is selected."""
        selection = self.table.selectionModel()
        current = selection.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row()):
            return self.model.row_at(current.row())
        rows = selection.selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_slug(self) -> str | None:
        row = self.selected_row()
        return row.slug if row else None

    def _select_slug(self, slug: str | None) -> bool:
        from PySide6.QtCore import QItemSelectionModel

        row = self.model.row_of_slug(slug) if slug else None
        if row is None:
            self._show_current()
            return False
        index = self.model.index(row, Column.TITLE)
        before = self.selected_slug()
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        if before == slug:  # no selection change, so no signal: show the (possibly edited) policy again
            self._show_current()
        return True

    def select_policy_if_listed(self, slug: str) -> bool:
        return self._select_slug(slug)

    def select_policy(self, slug: str) -> None:
        """Select a policy, clearing the search and filters if they hide it."""
        if not self._select_slug(slug):
            self.clear_search_and_filters()
            self._select_slug(slug)

    def _show_current(self) -> None:
        from app.domain.search import search_words

        row = self.selected_row()
        from app.services import policies
        from app.services.integrity import ReadError

        try:
            detail = policies.policy_detail(self.workspace, row.id) if row else None
        except ReadError as error:  # its pages are damaged
            detail = None
            self.read_failed(error, box=False)
        self.detail.show_policy(detail, search_words(self.search_box.text()))
        self.events.selected.emit(row.slug if row else "")

    # After an edit, undo or redo ---------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        """Show an edit at once: changed rows repainted, appearing or vanishing rows inserted or
        removed (no reset of the list), the detail pane redrawn only if it shows a changed policy."""
        from app.services.operations import EntryKind
        from app.services.policies import browse
        from app.ui.browse.keep_place import KeepPlace

        if changes.everything:
            self._histories = None
            self.refresh()
            if changes.focus is not None:
                self.select_policy(changes.focus)
            return
        if changes.kinds == {EntryKind.SAVED_SEARCH}:
            self._refresh_saved_searches()
            return
        filters = self.current_filters()
        if changes.touches(EntryKind.POLICY, EntryKind.EVENT, EntryKind.TRASH):
            self._histories = None  # the statuses on other days may have changed too
        try:
            self.parts.result = browse(self.workspace, filters, as_of=self.current_as_of())
        except UserError as error:  # a team workspace's server out of reach: keep the list, say why
            self.report_error(str(error))
            return
        place = KeepPlace(self.table, self.selected_row() is not None)
        self.model.as_of = self.parts.result.as_of
        self.model.apply_rows(self.parts.result.rows)
        self.filter_panel.set_counts(self.parts.result.counts)
        self._update_empty_state(filters)
        self._show_count()
        self._refresh_saved_searches()
        if changes.focus is not None:
            self.select_policy(changes.focus)
            return
        place.restore()  # the selected row went (deleted): the next one takes its place
        selected = self.selected_row()
        shown = self.detail.detail.id if self.detail.detail else None
        if changes.touches_policy(shown) or (selected.id if selected else None) != shown:
            self._show_current()

    # Saved searches ------------------------------------------------------------------
    def _refresh_saved_searches(self) -> None:
        from app.services.notes import filters_of, saved_searches
        from app.services.policies import browse

        entries = []
        for saved in saved_searches(self.workspace):
            found = browse(self.workspace, filters_of(saved), as_of=self.current_as_of())
            entries.append((saved.id, saved.name, len(found.rows)))
        self.filter_panel.set_saved_searches(entries)

    def save_search(self) -> SaveSearchDialog:
        from app.services.notes import save_search
        from app.ui.browse.filter_panel import describe_filters
        from app.ui.browse.save_search import SaveSearchDialog

        filters = self.current_filters()
        summary = describe_filters(filters) or self.tr("Type a search or choose filters first.")

        def submit(name: str) -> None:
            from app.services.operations import Changes, EntryKind

            save_search(self.workspace, name, filters)
            self.events.changed.emit(Changes.of({EntryKind.SAVED_SEARCH}))

        dialog = SaveSearchDialog(self, submit, summary)
        dialog.open()
        return dialog

    def apply_saved_search(self, search_id: str) -> None:
        from app.services.notes import filters_of, saved_searches

        saved = next((s for s in saved_searches(self.workspace) if s.id == search_id), None)
        if saved is None:
            return
        filters = filters_of(saved)
        self.search_box.blockSignals(True)
        self.search_box.setText(filters.search)
        self.search_box.blockSignals(False)
        self.filter_panel.set_chosen({facet: set(filters.chosen(facet)) for facet in Facet})
        self.refresh()

    def delete_saved_search(self, search_id: str) -> None:
        from app.services.notes import delete_saved_search

        if self.write_block():
            self.report_error(self.write_block())
            return
        from app.services.operations import Changes, EntryKind

        delete_saved_search(self.workspace, search_id)
        self.events.changed.emit(Changes.of({EntryKind.SAVED_SEARCH}))

    # Export ---------------------------------------------------------------------------
    def show_export(self) -> ExportDialog:
        from app.ui.transfer.export_dialog import ExportDialog

        dialog = ExportDialog(self)
        dialog.open()
        return dialog

    def choose_import(self) -> QFileDialog:
        from app.ui.common.files import choose_file

        return choose_file(
            self,
            self.tr("Import"),
            self.workspace.path.parent,
            self.tr("Bundles and tables (*.json *.csv);;JSON bundles (*.json);;CSV tables (*.csv)"),
            self.show_import,
        )

    def show_import(self, path: Path) -> ImportDialog:
        from app.ui.transfer.import_dialog import ImportDialog

        dialog = ImportDialog(self, path)
        dialog.open()
        return dialog

    def selected_rows(self) -> list[PolicyRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    # Notes, changes and workspaces ----------------------------------------------------------
    def _changes_of(self, policy_id: str) -> list[ChangeRow]:
        """The Changes tab's rows: the latest changes of one policy."""
        from app.services.changes import changes_of_policy

        return changes_of_policy(self.workspace, policy_id, CHANGES_SHOWN)

    def show_changes(self) -> ChangesWindow:
        from app.ui.workspace.changes_window import ChangesWindow

        if self.changes_window is None:
            self.changes_window = ChangesWindow(self)
        else:
            self.changes_window.fill_choices()
            self.changes_window.reload()
        self.changes_window.show()
        self.changes_window.raise_()
        return self.changes_window

    def show_notes(self) -> NotesWindow:
        from app.ui.notes.notes_window import NotesWindow

        if self.notes_window is None:
            self.notes_window = NotesWindow(self)
        else:
            self.notes_window.fill_choices()
            self.notes_window.reload()
        self.notes_window.show()
        self.notes_window.raise_()
        return self.notes_window

    def show_audit(self, policy_id: str = "") -> AuditWindow:
        """The citation audit of the workspace (scrolled to a policy's items when one is given)."""
        from app.ui.detail.audit_window import AuditWindow

        if self.audit_window is None:
            self.audit_window = AuditWindow(self)
        else:
            self.audit_window.reload()
        self.audit_window.show()
        self.audit_window.raise_()
        return self.audit_window

    def _on_audit_setting_changed(self, days: int) -> None:
        self.detail.stale_after_days = days
        self._show_current()

    def show_timeline(self) -> TimelineWindow:
        from app.ui.timeline.timeline_window import TimelineWindow

        if self.timeline_window is None:
            self.timeline_window = TimelineWindow(self)
        else:
            self.timeline_window.reload()
        self.timeline_window.show()
        self.timeline_window.raise_()
        return self.timeline_window

    def show_workspace(self, workspace: Workspace, lock: WorkspaceLock | None = None) -> None:
        """Switch this window to another workspace, keeping nothing of the previous one on screen.
        `lock`, the new workspace's, replaces the one held now (if one is)."""
        from app.services.operations import Changes

        if self._lock is not None and lock is not None:
            self._lock.release()
            self._lock = lock
        elif self._lock is not None and workspace.is_team:
            self._lock.release()  # a team workspace has no file to lock; the next file gets its own
        for window in (self.notes_window, self.timeline_window, self.audit_window):
            if window is not None:
                window.close()
                window.deleteLater()
        self.notes_window = self.timeline_window = self.audit_window = None
        self.editor.stack.clear()
        previous = self.workspace
        self._workspace = workspace
        self._histories = None
        previous.close()
        self.detail.stale_after_days = stale_after_days(workspace)
        self.apply_write_state()
        self._team_link.follow(workspace)
        self.detail.show_policy(None)
        self.table.clearSelection()
        self._clear_search_and_filters_quietly()
        self.events.changed.emit(Changes.all())

    def report_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        self.apply_write_state()  # the failure may have been damage found by a write

    # Read-only and damaged workspaces ------------------------------------------
    def read_guarded(self, show: Callable[[], object]) -> None:
        from app.services.integrity import ReadError

        try:
            show()
        except ReadError as error:
            self.read_failed(error)

    def read_failed(self, error: Exception, *, box: bool = True) -> None:
        """A read that met damage: say so in words (not a traceback), and turn editing off."""
        from PySide6.QtWidgets import QMessageBox

        from app.errors import WorkspaceDamaged
        from app.services.integrity import translate_sqlite_error

        plain = translate_sqlite_error(error, self.workspace.path)
        reason = str(plain or error).removesuffix("; nothing was changed")
        if isinstance(plain, WorkspaceDamaged):
            self.workspace.mark_damaged(reason)
        message = self.tr("Could not read this workspace: {error}").format(error=reason)
        self.report_error(message)
        if box:
            QMessageBox(QMessageBox.Icon.Warning, "Policy Tracker", message, parent=self).open()

    def write_block(self) -> str:
        """Why this workspace cannot be changed now, in words; "" when it can."""
        if self.workspace.is_team and self.workspace.read_only:
            return self.tr(
                "Read-only: this team workspace’s schema is of another version of Policy Tracker. You can "
                "read, search and export; to edit, use the version the workspace was last upgraded by."
            )
        if self.workspace.read_only:
            return self.tr(
                "Read-only: this workspace’s file, folder or disk cannot be written. You can read, search "
                "and export; to edit, copy the file to a writable folder and open the copy."
            )
        if self.workspace.damage:
            return self.tr(
                "This workspace is damaged, so editing is off: writing into damage spreads it. "
                "Restore a backup (File ▸ Restore from Backup…); the damaged file is kept."
            )
        return ""

    def apply_write_state(self) -> None:
        """Say in the title and a bar when the workspace cannot be changed, and turn editing off then."""
        reason = self.write_block()
        stem = self.workspace.path.stem
        if self.workspace.is_team:
            from app.ui.workspace.team_live import team_name

            stem = self.tr("Team: {name}").format(name=team_name(self.workspace))
        if self.workspace.read_only:
            self.setWindowTitle(self.tr("{workspace} (read-only) — Policy Tracker").format(workspace=stem))
        else:
            self.setWindowTitle(self.tr("{workspace} — Policy Tracker").format(workspace=stem))
        if reason and self.read_only_bar is None:
            self.read_only_bar = QLabel()
            self.read_only_bar.setObjectName("ReadOnlyBar")
            self.read_only_bar.setWordWrap(True)
            self.read_only_bar.setFrameShape(QLabel.Shape.StyledPanel)
            self.read_only_bar.setMargin(6)
            self.read_only_bar.setAccessibleName(self.tr("Workspace cannot be changed"))
            self._outer.insertWidget(0, self.read_only_bar)
        if self.read_only_bar is not None:
            self.read_only_bar.setText(reason)
            self.read_only_bar.setVisible(bool(reason))
        if self._parts is None:
            return  # the editing actions come with finish_start()
        writable = not reason
        self.editor.set_writable(writable)
        for action in (self.parts.actions.import_action, self.parts.actions.save_search_action):
            action.setEnabled(writable)
        # Restoring cures damage; a team workspace is backed up and restored on its server (pg_dump).
        self.safety.restore_action.setEnabled(not self.workspace.read_only and not self.workspace.is_team)
        self.safety.backup_action.setEnabled(not self.workspace.is_team)
        self.workspaces.copy_action.setVisible(self.workspace.is_team)
        self.table.setAcceptDrops(writable)

    def all_rows(self) -> list[PolicyRow]:
        from app.services.policies import all_policy_rows

        return all_policy_rows(self.workspace)

    def _on_url_dropped(self, row: int, url: str) -> None:
        self.editor.add_dropped_url(self.model.row_at(row).id, url)

    # Actions ------------------------------------------------------------------
    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search_and_filters(self) -> None:
        self._clear_search_and_filters_quietly()
        self.refresh()

    def _clear_search_and_filters_quietly(self) -> None:
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.filter_panel.blockSignals(True)
        self.filter_panel.clear()
        self.filter_panel.blockSignals(False)

    def set_theme(self, theme: str) -> None:
        """Switch between the system's look, light and dark, and remember the choice."""
        from app.ui.common.theme import apply_theme

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, theme)
        self.settings.setValue(THEME_KEY, theme)
        self.parts.actions.theme_actions[theme].setChecked(True)
        QApplication.processEvents()  # let the new palette reach every widget first
        self.detail.detail = None  # then draw the pages anew, in its colours
        self._show_current()
        self.table.viewport().update()

    def show_preferences(self) -> QDialog:
        from app.ui.main.preferences import PreferencesDialog

        dialog = PreferencesDialog(self, self.settings, self.set_theme)
        dialog.open()
        return dialog

    def show_user_guide(self) -> QDialog:
        """Help ▸ User Guide: how to use the window, in its language."""
        from app.ui.main.help import user_guide_dialog

        return user_guide_dialog(self)

    def show_shortcuts(self) -> QDialog:
        """Help ▸ Keyboard Shortcuts: every menu command that has one."""
        from app.ui.main.help import shortcuts_dialog

        return shortcuts_dialog(self)

    def show_about(self) -> QMessageBox:
        from app.ui.main.help import about_box

        return about_box(self, self.workspace.path)

    # Settings -----------------------------------------------------------------
    def _restore_settings(self) -> None:
        from app.ui.common.theme import THEMES, apply_theme

        s = self.settings  # the window's size, layout and list columns are restored already
        theme = str(s.value(THEME_KEY, "system"))
        if theme not in THEMES:
            theme = "system"
        app = QApplication.instance()
        if isinstance(app, QApplication) and theme != self._theme_applied:
            apply_theme(app, theme)
        self.parts.actions.theme_actions[theme].setChecked(True)
        sidebar = s.value("window/sidebar", True)
        self.parts.actions.toggle_sidebar_action.setChecked(sidebar not in (False, "false"))
        chosen = {facet: set(_as_list(s.value(facet.setting_key))) for facet in Facet}
        self.filter_panel.set_chosen(chosen)
        slug = s.value("selection/slug")
        self._restoring_slug = str(slug) if slug else None

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/sidebar", self.parts.actions.toggle_sidebar_action.isChecked())
        s.setValue("list/header", self.table.horizontalHeader().saveState())
        for facet in Facet:
            s.setValue(facet.setting_key, sorted(self.filter_panel.chosen(facet)))
        s.setValue("selection/slug", self.selected_slug() or self._restoring_slug or "")
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._team_link.stop()
        # Dialogs still open (an export in progress, say) finish or cancel their background work
        # first: a worker thread must not outlive the dialog that owns it.
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        # Before the window is complete nothing was shown to change, and the filters are not read yet.
        if self.ready and not self.start_failed:
            self.save_settings()
        if self.audit_window is not None:
            self.audit_window.reader.wait(10)  # its read holds the file open; the file may be moved next
        if self._parts is not None and self.workspaces.personal_copy is not None:
            self.workspaces.personal_copy.wait()  # a copy half-made is no copy: it ends first
        super().closeEvent(event)

    # For tests and screenshots -------------------------------------------------
    def visible_titles(self) -> list[str]:
        return [self.model.row_at(r).title for r in range(self.model.rowCount())]


def _html(text: str) -> str:
    import html

    return html.escape(text)


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []
