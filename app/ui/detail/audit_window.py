"""The citation audit of the workspace: what rests on weak evidence, per policy, each item a link to
its entry. Read off the GUI thread (every policy's details), refreshed after every change."""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import Status
from app.errors import UserError
from app.services.audit import (
    MAX_STALE_AFTER_DAYS,
    AuditItem,
    AuditKind,
    PolicyAudit,
    audit_workspace,
    set_stale_after_days,
    stale_after_days,
)
from app.services.integrity import ReadError
from app.services.workspace import Workspace
from app.ui.common.i18n import QT_TRANSLATE_NOOP, display_date, label

if TYPE_CHECKING:
    from app.services.operations import Changes
    from app.ui.main.window_context import WindowContext

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # (slug, AuditItem) on an item's row; (slug, None) on a policy's

KIND_LABELS = {
    AuditKind.NO_PRIMARY_SOURCE: QT_TRANSLATE_NOOP("AuditWindow", "Only news, opinion or research sources"),
    AuditKind.NO_SOURCE: QT_TRANSLATE_NOOP("AuditWindow", "No source"),
    AuditKind.SINGLE_SOURCE: QT_TRANSLATE_NOOP("AuditWindow", "A single source"),
    AuditKind.UNCONFIRMED: QT_TRANSLATE_NOOP("AuditWindow", "Unconfirmed"),
    AuditKind.DISPUTED: QT_TRANSLATE_NOOP("AuditWindow", "Sources disagree"),
    AuditKind.SOURCE_WITHOUT_URL: QT_TRANSLATE_NOOP("AuditWindow", "Source without a URL"),
    AuditKind.SOURCE_WITHOUT_DATE: QT_TRANSLATE_NOOP("AuditWindow", "Source without a date"),
    AuditKind.UNUSED_EXCERPT: QT_TRANSLATE_NOOP("AuditWindow", "Excerpts no event, note or figure uses"),
    AuditKind.NOT_VERIFIED: QT_TRANSLATE_NOOP("AuditWindow", "Not verified recently"),
}


def kind_label(kind: AuditKind) -> str:
    return QCoreApplication.translate("AuditWindow", KIND_LABELS[kind])


class AuditReader(QObject):
    """Reads the audit in a thread of its own; a newer request makes an older answer stale."""

    finished = Signal(int, object)  # request number, list[PolicyAudit] (None when the read failed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.worker: threading.Thread | None = None

    def start(self, source: Workspace) -> int:
        self.generation += 1
        worker = threading.Thread(target=self._run, args=(self.generation, source), daemon=True)
        worker.start()
        self.worker = worker
        return self.generation

    def wait(self, seconds: float) -> None:
        """Let a read still running finish (it holds the workspace file open until it does)."""
        if self.worker is not None:
            self.worker.join(seconds)

    def _run(self, generation: int, source: Workspace) -> None:
        workspace = source.reopen()  # a connection of this thread's own (a file's or a server's)
        try:
            found: list[PolicyAudit] | None = audit_workspace(workspace, today=date.today())
        except (ReadError, UserError):  # a damaged file, a team workspace's server out of reach
            found = None
        finally:
            workspace.close()
        if generation == self.generation:
            self.finished.emit(generation, found)


class AuditWindow(QWidget):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.dialog_parent(), Qt.WindowType.Window)
        self.context = context
        self.setWindowTitle(
            self.tr("Citation audit — {workspace}").format(workspace=context.workspace.path.stem)
        )
        self.audits: list[PolicyAudit] = []
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self.kind_combo.addItem(self.tr("Everything"), None)
        for kind in AuditKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.days_box = QSpinBox()
        self.days_box.setRange(1, MAX_STALE_AFTER_DAYS)
        self.days_box.setSuffix(self.tr(" days"))
        self.days_box.setAccessibleName(self.tr("Not verified after"))
        self.days_box.setValue(stale_after_days(context.workspace))
        self.days_box.editingFinished.connect(self._save_days)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Policy and item"), self.tr("What"), self.tr("Details")])
        self.tree.setAccessibleName(self.tr("Audit items"))
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._open)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.kind_combo, 1)
        top.addSpacing(12)
        days_label = QLabel(self.tr("Not verified after:"))
        days_label.setBuddy(self.days_box)
        top.addWidget(days_label)
        top.addWidget(self.days_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)
        self.resize(1000, 620)
        self.reader = AuditReader(self)
        self.reader.finished.connect(self._on_read)
        context.events.changed.connect(self.on_changed)
        self.reload()

    def reload(self) -> None:
        self.count_label.setText(self.tr("Reading the audit…"))
        self.reader.start(self.context.workspace)

    def on_changed(self, _changes: Changes) -> None:
        if self.isVisible():
            self.reload()

    def _on_read(self, generation: int, audits: list[PolicyAudit] | None) -> None:
        if generation != self.reader.generation:
            return
        if audits is None:
            self.count_label.setText(self.tr("The audit could not be read: the workspace is damaged"))
            return
        self.audits = audits
        self._fill()

    def _save_days(self) -> None:
        days = self.days_box.value()
        if days == stale_after_days(self.context.workspace):
            return
        blocked = self.context.write_block()
        if blocked:
            self.context.report_error(blocked)
            return
        try:
            set_stale_after_days(self.context.workspace, days)
        except UserError as error:
            self.context.report_error(str(error))
            return
        self.context.events.audit_setting_changed.emit(days)
        self.reload()

    def _fill(self) -> None:
        wanted = self.kind_combo.currentData()
        self.tree.clear()
        items = 0
        for audit in self.audits:
            shown = [i for i in audit.items if wanted is None or i.kind.value == wanted]
            if not shown:
                continue
            policy = QTreeWidgetItem([audit.title, "", self.tr("%n item(s)", "", len(shown))])
            policy.setData(0, ITEM_ROLE, (audit.slug, None))
            for item in shown:
                what = (
                    f"{display_date(item.date)} — {label(item.status, Status)}"
                    if item.entry == "event"
                    else item.what
                )
                child = QTreeWidgetItem([kind_label(item.kind), what, item.detail])
                child.setData(0, ITEM_ROLE, (audit.slug, item))
                child.setToolTip(1, what)
                child.setToolTip(2, item.detail)
                policy.addChild(child)
            self.tree.addTopLevelItem(policy)
            items += len(shown)
        if self.tree.topLevelItemCount() <= 20:
            self.tree.expandAll()
        self.tree.setColumnWidth(0, 320)
        self.tree.setColumnWidth(1, 300)
        self.count_label.setText(
            self.tr("%n item(s)", "", items)
            + " · "
            + self.tr("%n policies", "", self.tree.topLevelItemCount())
        )

    def _open(self, tree_item: QTreeWidgetItem, _column: int = 0) -> None:
        """Select the item's policy in the main window and show its entry there."""
        slug, item = tree_item.data(0, ITEM_ROLE)
        self.context.select_policy(slug)
        if item is None:
            return
        assert isinstance(item, AuditItem)
        if item.entry == "event":
            self.context.show_event(item.entry_id)
        elif item.entry == "source":
            self.context.follow_link(QUrl(f"source:{item.entry_id}"))
