"""The sidebar: status, jurisdiction, kind and tag filters, each value with its count."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain.vocab import Jurisdiction, PolicyKind, Status
from app.services.kinds import Facet
from app.services.policies import PolicyFilters
from app.ui.common.i18n import QT_TRANSLATE_NOOP, label

FACET_TITLES = {
    Facet.STATUS: QT_TRANSLATE_NOOP("FilterPanel", "Status"),
    Facet.JURISDICTION: QT_TRANSLATE_NOOP("FilterPanel", "Jurisdiction"),
    Facet.KIND: QT_TRANSLATE_NOOP("FilterPanel", "Kind"),
    Facet.TAG: QT_TRANSLATE_NOOP("FilterPanel", "Tag"),
}
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
SAVED_ROLE = Qt.ItemDataRole.UserRole + 2


def value_label(facet: Facet, value: str) -> str:
    try:
        if facet is Facet.STATUS:
            return (
                label(value, Status) if value else QCoreApplication.translate("FilterPanel", "No status yet")
            )
        if facet is Facet.JURISDICTION:
            return label(value, Jurisdiction)
        if facet is Facet.KIND:
            return label(value, PolicyKind)
    except ValueError:
        pass
    return value


def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for n in range(group.childCount()) if (child := group.child(n)) is not None]


class FilterPanel(QWidget):
    filters_changed = Signal()
    saved_search_chosen = Signal(str)
    saved_search_delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Filters"))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.clear_button)
        self.saved_group = QTreeWidgetItem([self.tr("Saved searches")])
        self.saved_group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        bold = self.saved_group.font(0)
        bold.setBold(True)
        self.saved_group.setFont(0, bold)
        self.tree.addTopLevelItem(self.saved_group)
        self.saved_group.setExpanded(True)
        self.saved_group.setHidden(True)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._groups: dict[Facet, QTreeWidgetItem] = {}
        for facet in Facet:
            group = QTreeWidgetItem([self.tr(FACET_TITLES[facet])])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
            self._groups[facet] = group
        self._chosen: dict[str, set[str]] = {facet: set() for facet in Facet}
        self.tree.itemChanged.connect(self._on_item_changed)
        self._update_clear_button()

    def chosen(self, facet: Facet) -> frozenset[str]:
        return frozenset(self._chosen[facet])

    def set_chosen(self, chosen: dict[str, set[str]]) -> None:
        """Restore choices (from settings) before the first counts arrive."""
        for facet in Facet:
            self._chosen[facet] = set(chosen.get(facet, set()))
        self._update_clear_button()

    def set_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Show each facet's values with their counts, keeping what is ticked.

        A facet whose values are unchanged keeps its items and only updates their counts: ticking a
        box refreshes the counts while Qt is still handling that click, and an item deleted under
        the mouse (or under the keyboard's current item) would lose the click and the focus.
        """
        self.tree.blockSignals(True)
        try:
            for facet, group in self._groups.items():
                values = dict(counts.get(facet, {}))
                for value in self._chosen[facet]:
                    values.setdefault(value, 0)
                ordered = sorted(values, key=lambda v: value_label(facet, v).casefold())
                if facet is Facet.STATUS:
                    order = {s.value: n for n, s in enumerate(Status)}
                    ordered = sorted(values, key=lambda v: order.get(v, 99))
                shown = [child.data(0, VALUE_ROLE) for child in _children(group)]
                if shown != ordered:
                    current = self.tree.currentItem()
                    keep_current = current is not None and current.parent() is group
                    current_value = (
                        current.data(0, VALUE_ROLE) if keep_current and current is not None else None
                    )
                    group.takeChildren()
                    for value in ordered:
                        item = QTreeWidgetItem()
                        item.setData(0, VALUE_ROLE, value)
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                        group.addChild(item)
                        if keep_current and value == current_value:
                            self.tree.setCurrentItem(item)
                for item, value in zip(_children(group), ordered, strict=True):
                    item.setText(0, f"{value_label(facet, value)}  ({values[value]})")
                    item.setToolTip(0, _plain_tip(item.text(0)))
                    ticked = value in self._chosen[facet]
                    item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                group.setHidden(group.childCount() == 0)
        finally:
            self.tree.blockSignals(False)

    def set_saved_searches(self, entries: list[tuple[str, str, int]]) -> None:
        """(id, name, how many policies match now) for each saved search."""
        self.saved_group.takeChildren()
        for search_id, name, count in entries:
            item = QTreeWidgetItem([f"{name}  ({count})"])
            item.setData(0, SAVED_ROLE, search_id)
            item.setToolTip(
                0,
                _plain_tip(
                    self.tr("{name}: %n policies match now. Right-click to delete.", "", count).format(
                        name=name
                    )
                ),
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.saved_group.addChild(item)
        self.saved_group.setHidden(not entries)

    def saved_item(self, name: str) -> QTreeWidgetItem | None:
        for child in _children(self.saved_group):
            if child.text(0).rsplit("  (", 1)[0] == name:
                return child
        return None

    def _on_item_clicked(self, item: QTreeWidgetItem | None, _column: int) -> None:
        if item is None:  # the click ticked a box whose facet then lost or gained values: rows rebuilt
            return
        search_id = item.data(0, SAVED_ROLE)
        if search_id:
            self.saved_search_chosen.emit(str(search_id))

    def _context_menu(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        search_id = item.data(0, SAVED_ROLE) if item else None
        if not search_id:
            return
        menu = QMenu(self.tree)
        menu.addAction(
            self.tr("Delete Saved Search"), lambda: self.saved_search_delete_requested.emit(str(search_id))
        )
        menu.popup(self.tree.viewport().mapToGlobal(position))
        self.context_menu = menu

    def item_for(self, facet: Facet, value: str) -> QTreeWidgetItem | None:
        group = self._groups[facet]
        for child in _children(group):
            if child.data(0, VALUE_ROLE) == value:
                return child
        return None

    def clear(self) -> None:
        if any(self._chosen.values()):
            self._chosen = {facet: set() for facet in Facet}
            self._update_clear_button()
            self.filters_changed.emit()

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        parent = item.parent()
        if parent is None or parent is self.saved_group:
            return
        facet = next(f for f, g in self._groups.items() if g is parent)
        value = str(item.data(0, VALUE_ROLE))
        if item.checkState(0) == Qt.CheckState.Checked:
            self._chosen[facet].add(value)
        else:
            self._chosen[facet].discard(value)
        self._update_clear_button()
        self.filters_changed.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(any(self._chosen.values()))


def _plain_tip(text: str) -> str:
    """A tooltip that shows its text as written: Qt reads a tooltip with a tag in it as markup."""
    return f"<p>{html.escape(text)}</p>"


def describe_filters(filters: PolicyFilters) -> str:
    """The search and filters in words: “court” · Status: In effect, Blocked by court."""
    parts = [f"“{filters.search.strip()}”"] if filters.search.strip() else []
    for facet in Facet:
        chosen = sorted(value_label(facet, v) for v in filters.chosen(facet))
        if chosen:
            parts.append(
                f"{QCoreApplication.translate('FilterPanel', FACET_TITLES[facet])}: {', '.join(chosen)}"
            )
    return " · ".join(parts)
