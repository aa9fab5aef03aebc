"""Finding from the keyboard (issue 17): from the search box into the results, Tab onto a selected
row, and a focus mark one can see in both themes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.main.main_window import MainWindow


def test_down_in_the_search_box_moves_into_the_results(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_box, "merida")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    first = window.model.row_at(0)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.table.hasFocus()
    assert window.selected_slug() == first.slug
    assert window.detail.detail is not None and window.detail.detail.slug == first.slug
    qtbot.keyClick(window.table, Qt.Key.Key_Down)  # and on down the list
    assert window.selected_slug() == window.model.row_at(1).slug


def test_tab_reaches_the_list_with_a_row_selected(qtbot: QtBot, window: MainWindow) -> None:
    window.table.clearSelection()
    assert window.selected_row() is None
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Tab)
    assert window.table.hasFocus()
    assert window.selected_row() is not None
    assert window.detail.detail is not None  # the pane shows what the row is


def _ring(image: QImage, x: int, y: int) -> QColor:
    return image.pixelColor(x, y)


def test_the_focused_list_is_ringed_in_the_selection_colour_in_both_themes(
    qtbot: QtBot, window: MainWindow
) -> None:
    for theme in ("light", "dark"):
        window.set_theme(theme)
        highlight = QApplication.palette().color(QPalette.ColorRole.Highlight)
        window.search_box.setFocus()
        QApplication.processEvents()
        unfocused = window.table.grab().toImage()
        window.table.setFocus()
        QApplication.processEvents()
        focused = window.table.grab().toImage()
        middle = focused.height() // 2
        for x in (0, 1):  # two pixels wide at the left edge
            assert _ring(focused, x, middle) == highlight, theme
            assert _ring(unfocused, x, middle) != highlight, theme
        # Clearly apart from the background it sits on.
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        assert abs(highlight.lightness() - base.lightness()) > 60 or abs(highlight.hue() - base.hue()) > 60
