"""Recent changes across the workspace: who changed what, when; filtered by who, kind and period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import changes as change_service
from app.services.details import ChangeRow
from app.ui.detail.detail_html import change_phrase, kind_word, made_by, when

if TYPE_CHECKING:
    from app.services.operations import Changes
    from app.ui.main.window_context import WindowContext

KINDS = ("policy", "event", "source", "excerpt", "note", "relation", "figure")

POLICY_COLUMN_MAX = 260  # pixels


class ChangesWindow(QWidget):
    """The workspace's latest changes, newest first; double-click one to show its policy."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.dialog_parent(), Qt.WindowType.Window)
        self.context = context
        self.setWindowTitle(
            self.tr("Recent Changes — {workspace}").format(workspace=context.workspace.path.stem)
        )
        self.loaded: list[ChangeRow] = []  # the period's changes, newest first
        self.shown: list[ChangeRow] = []
        self.slugs: dict[str, str] = {}
        self.who_combo = QComboBox()
        self.who_combo.setAccessibleName(self.tr("Who"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of entry"))
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind in KINDS:
            self.kind_combo.addItem(kind_word(kind), kind)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Since"))
        for label, days in (
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
            (self.tr("Last 365 days"), 365),
            (self.tr("Any time"), None),
        ):
            self.period_combo.addItem(label, days)
        self.period_combo.setCurrentIndex(1)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Policy"), self.tr("What")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.show_policy_of(row))
        self.count_label = QLabel()

        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("Who"), self.who_combo),
            (self.tr("Kind"), self.kind_combo),
            (self.tr("Since"), self.period_combo),
        ):
            filters.addWidget(QLabel(text))
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)
        self.resize(980, 560)
        self.period_combo.currentIndexChanged.connect(lambda _i: self.reload())
        for combo in (self.who_combo, self.kind_combo):
            combo.currentIndexChanged.connect(lambda _i: self.show_rows())
        self.reload()
        context.events.changed.connect(self.on_changed)

    def on_changed(self, _changes: Changes) -> None:
        """Every change to an entry is recorded: any announced change may have added rows."""
        if self.isVisible():
            self.reload()

    def fill_choices(self) -> None:
        """Who changed something in the period, the choice kept when still there."""
        keep = self.who_combo.currentData()
        self.who_combo.blockSignals(True)
        self.who_combo.clear()
        self.who_combo.addItem(self.tr("Anyone"), "")
        for who in sorted({c.who for c in self.loaded}):
            self.who_combo.addItem(who, who)
        self.who_combo.setCurrentIndex(max(self.who_combo.findData(keep), 0))
        self.who_combo.blockSignals(False)

    def reload(self) -> None:
        days = self.period_combo.currentData()
        since = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M") if days else ""
        workspace = self.context.workspace
        found = change_service.list_changes(
            workspace, change_service.ChangeFilters(since=since, limit=change_service.RECENT_LIMIT)
        )
        self.loaded = list(reversed(found))
        self.slugs = change_service.slugs_of(workspace, found)
        self.fill_choices()
        self.show_rows()

    def show_rows(self) -> None:
        who, kind = self.who_combo.currentData(), self.kind_combo.currentData()
        self.shown = [c for c in self.loaded if (not who or c.who == who) and (not kind or c.kind == kind)]
        self.table.setRowCount(len(self.shown))
        for row, change in enumerate(self.shown):
            policy = self.slugs.get(change.policy_id or "", "") or ", ".join(
                self.slugs.get(p, "") for p in change.policy_ids if p in self.slugs
            )
            cells = (when(change), change.who, policy, f"{change_phrase(change)} · {made_by(change)}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(change.summary if column == 3 else text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        # A source's change names every policy it is linked to: the list of them is cut short here
        # (its tooltip has them all), so that what changed keeps the room.
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), POLICY_COLUMN_MAX))
        self.count_label.setText(
            self.tr("%Ln change(s)", "", len(self.shown)) if self.shown else self.tr("No changes match.")
        )
        self.count_label.setAccessibleName(self.count_label.text())

    def show_policy_of(self, row: int) -> None:
        """Show the policy a change concerns in the main window (if it is still there)."""
        if not 0 <= row < len(self.shown):
            return
        change = self.shown[row]
        slug = self.slugs.get(change.policy_id or "") or next(
            (self.slugs[p] for p in change.policy_ids if p in self.slugs), ""
        )
        if slug:
            self.context.select_policy(slug)
