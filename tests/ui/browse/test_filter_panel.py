"""The filter panel used with the mouse and the keyboard, as a person uses it.

Ticking a box refreshes the counts while Qt is still handling the click; the panel used to rebuild
its items then, so the click arrived for a deleted item and printed a traceback on every tick.
The suite fails on any exception raised in a slot (tests/qt_errors.py), so these tests catch it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from app.services.notes import save_search
from app.services.policies import PolicyFilters
from app.services.workspace import Workspace
from app.ui.browse.filter_panel import VALUE_ROLE
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow


def _slugs(window: MainWindow) -> list[str]:
    return [window.model.row_at(r).slug for r in range(window.model.rowCount())]


def _check_box_centre(tree: QTreeWidget, item: QTreeWidgetItem) -> QPoint:
    """Where the item's check box is drawn in the tree's viewport, as the style lays it out."""
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = tree.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    assert option.rect.contains(box.center())
    return box.center()


def _item(window: MainWindow, facet: str, value: str) -> QTreeWidgetItem:
    item = window.filter_panel.item_for(facet, value)
    assert item is not None, f"no {facet} filter {value!r}"
    return item


def test_clicking_a_filter_box_ticks_it_and_filters_the_list(qtbot: QtBot, window: MainWindow) -> None:
    panel, tree = window.filter_panel, window.filter_panel.tree
    texas = _item(window, "jurisdiction", "texas")
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=_check_box_centre(tree, texas))
    assert panel.chosen("jurisdiction") == frozenset({"texas"})
    assert _slugs(window) == ["texas-sb4"]
    texas = _item(window, "jurisdiction", "texas")
    assert texas.checkState(0) == Qt.CheckState.Checked

    status = panel._groups["status"].child(0)  # a box in another facet narrows the list with it
    value = status.data(0, VALUE_ROLE)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=_check_box_centre(tree, status))
    assert panel.chosen("status") == frozenset({value})
    assert _slugs(window) == ["texas-sb4"]

    texas = _item(window, "jurisdiction", "texas")
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=_check_box_centre(tree, texas))
    assert panel.chosen("jurisdiction") == frozenset()
    assert _item(window, "jurisdiction", "texas").checkState(0) == Qt.CheckState.Unchecked


def test_the_space_key_ticks_the_current_filter_and_keeps_it_current(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel, tree = window.filter_panel, window.filter_panel.tree
    first = _item(window, "jurisdiction", "texas").parent().child(0)
    value = first.data(0, VALUE_ROLE)
    tree.setFocus()
    tree.setCurrentItem(first)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert panel.chosen("jurisdiction") == frozenset({value})
    current = tree.currentItem()
    assert current is not None and current.data(0, VALUE_ROLE) == value
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the keyboard goes on from where it was, not from the top
    below = tree.currentItem()
    assert below is not None and below.parent() is current.parent()
    assert below is current.parent().child(1)


def test_clicking_a_saved_search_applies_it(
    qtbot: QtBot, workspace_path: Path, open_window: OpenWindow
) -> None:
    workspace = Workspace.open(workspace_path)
    save_search(workspace, "Texas", PolicyFilters(jurisdictions=frozenset({"texas"})))
    workspace.close()
    window = open_window()
    tree = window.filter_panel.tree
    saved = window.filter_panel.saved_item("Texas")
    assert saved is not None
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(saved).center())
    assert window.filter_panel.chosen("jurisdiction") == frozenset({"texas"})
    assert _slugs(window) == ["texas-sb4"]
    texas = _item(window, "jurisdiction", "texas")
    assert texas.checkState(0) == Qt.CheckState.Checked
