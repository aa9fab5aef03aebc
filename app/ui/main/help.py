"""The Help menu's windows: the keyboard shortcuts and About."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import __version__, paths

# The texts keep the main window's translation context, where they were first written.
translate = QCoreApplication.translate


def shortcuts_dialog(window: QMainWindow) -> QDialog:
    """Help ▸ Keyboard Shortcuts: every menu command that has one."""
    rows: list[tuple[str, str, str]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):  # typed as any QObject; a menu bar's entries hold menus
            continue
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and not action.isSeparator():
                rows.append((menu_action.text().replace("&", ""), action.text().replace("&", ""), keys))
    rows += [
        (
            translate("MainWindow", "List"),
            translate("MainWindow", "Move through policies"),
            translate("MainWindow", "Up, Down, Page Up, Page Down, Home, End"),
        ),
        (
            translate("MainWindow", "Timeline"),
            translate("MainWindow", "Zoom"),
            translate("MainWindow", "Ctrl + mouse wheel"),
        ),
        (translate("MainWindow", "Timeline"), translate("MainWindow", "Fit all"), "Ctrl+0"),
    ]
    dialog = QDialog(window)
    dialog.setWindowTitle(translate("MainWindow", "Keyboard Shortcuts"))
    table = QTableWidget(len(rows), 3)
    table.setHorizontalHeaderLabels(
        [translate("MainWindow", "Menu"), translate("MainWindow", "Command"), translate("MainWindow", "Keys")]
    )
    table.setAccessibleName(translate("MainWindow", "Keyboard shortcuts"))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    dialog.resize(620, 520)
    dialog.open()
    return dialog


def about_box(parent: QWidget, workspace: Path) -> QMessageBox:
    """Help ▸ About: the version, the workspace and the data folder."""
    box = QMessageBox(parent)
    box.setWindowTitle(translate("MainWindow", "About Policy Tracker"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        translate(
            "MainWindow",
            "<h3>Policy Tracker {version}</h3>"
            "<p>Track public policies, the sources behind them and your own notes.</p>"
            "<p><b>Workspace:</b> {workspace}<br><b>Data folder:</b> {data_folder}</p>",
        ).format(
            version=__version__,
            workspace=html.escape(str(workspace)),
            data_folder=html.escape(str(paths.data_dir())),
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
    return box
