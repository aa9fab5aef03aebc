"""Accessibility audit: every control a person can reach has a name a screen reader can say, and the
main window's controls are reachable with Tab."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui.main.main_window import MainWindow

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def spoken_name(widget: QWidget) -> str:
    """What assistive technology announces: the accessible name, else a button's text or a label's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name).replace("&", "").strip()


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # not reachable by keyboard: part of another control (a combo's line edit, say)
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the editable part of a combo or spin box speaks through it
        if not spoken_name(widget):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(root).__name__}")
    return found


DIALOGS: dict[str, Callable[[MainWindow], QWidget | None]] = {
    "new policy": lambda w: w.editor.new_policy(),
    "edit policy": lambda w: w.editor.edit_policy(),
    "new event": lambda w: w.editor.new_event(),
    "new source": lambda w: w.editor.new_source(),
    "link source": lambda w: w.editor.link_source(),
    "new note": lambda w: w.editor.new_note(),
    "new relation": lambda w: w.editor.new_relation(),
    "trash": lambda w: w.editor.show_trash(),
    "undo history": lambda w: w.editor.show_history(),
    "save search": lambda w: w.save_search(),
    "export": lambda w: w.show_export(),
    "notes": lambda w: w.show_notes(),
    "timeline": lambda w: w.show_timeline(),
    "preferences": lambda w: w.show_preferences(),
    "keyboard shortcuts": lambda w: w.show_shortcuts(),
    "new workspace": lambda w: w.workspaces.new_workspace(),
    "restore backup": lambda w: w.safety.choose_backup(),
}


def test_every_main_window_control_has_a_name(window: MainWindow) -> None:
    window.select_policy("title-42")
    assert unnamed_controls(window) == []


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_control_has_a_name(window: MainWindow, qtbot: QtBot, name: str) -> None:
    window.select_policy("title-42")
    shown = DIALOGS[name](window)
    assert shown is not None
    qtbot.waitExposed(shown)
    assert unnamed_controls(shown) == []
    shown.close()


def test_the_audit_catches_an_unnamed_control(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    field = QLineEdit(form)
    field.setObjectName("nameless")
    assert unnamed_controls(form) == ["QLineEdit 'nameless' in QWidget"]
    field.setAccessibleName("Title")
    assert unnamed_controls(form) == []


def test_tab_goes_round_the_panes_left_to_right(window: MainWindow, qtbot: QtBot) -> None:
    window.select_policy("title-42")
    window.filter_panel.tree.setFocus()
    reached: list[QWidget] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused not in reached:
            reached.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    panes = [window.filter_panel.tree, window.search_box, window.table, window.detail.tabs.tabBar()]
    assert [w for w in reached if w in panes] == panes
    assert any(window.detail.pages.get("Overview") is w for w in reached)  # its links, by keyboard
