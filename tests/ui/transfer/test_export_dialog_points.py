"""The export dialog as the analyst of issue 17 met it: each point, driven as a person does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from app.ui.main.main_window import MainWindow
from app.ui.transfer.export_dialog import ExportDialog
from tests.ui.conftest import OpenWindow

pytestmark = pytest.mark.gui


def _select_first(window: MainWindow, count: int) -> list[str]:
    selection = window.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(count):
        selection.select(window.model.index(row, 0), flags)
    return [row.title for row in window.selected_rows()]


def _export(qtbot: QtBot, dialog: ExportDialog) -> list[str]:
    dialog.written = []
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=30_000)
    return dialog.written


def test_three_selected_are_three_in_the_preview_with_the_timeline_as_a_picture(
    qtbot: QtBot, window: MainWindow
) -> None:
    """It said "2 policies" with "… and 1 more" at the bottom, and the timeline was a line of words."""
    titles = _select_first(window, 3)
    assert len(titles) == 3
    dialog = window.show_export()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.preview_count.text().startswith("Preview: 3 policies in this export.")
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=30_000)
    first_page = PdfReader(io.BytesIO(dialog.preview_pdf)).pages[0]
    words = " ".join(first_page.extract_text().split())
    for title in titles:  # the title, the table and the contents name all three
        assert words.count(" ".join(title.split())) >= 2, title
    assert "more" not in words
    # The overview timeline is a drawing on the page (an embedded SVG picture), not a line of words.
    assert "Timeline of these policies" in words and "Today" in words
    assert len(first_page["/Resources"]["/XObject"]) >= 1
    dialog.close()


def test_the_text_formats_preview_is_the_text_the_file_gets(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """JSON and CSV used to show the HTML briefing; now each shows the start of its own file."""
    window.select_policy("texas-sb4")
    dialog = window.show_export()
    for fmt in ("json", "csv", "md"):
        dialog.path_edit.setText(str(tmp_path / f"sb4.{fmt}"))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))  # keeps the stem "sb4"
        shown = dialog.preview.toPlainText().removesuffix("\n…").lstrip("\ufeff")
        written = Path(_export(qtbot, dialog)[0]).read_text(encoding="utf-8-sig")
        assert len(shown) > 1000 and written.startswith(shown), fmt
    assert "](sb4-files/timeline-texas-sb4.svg)" in shown  # Markdown: the picture beside the file
    dialog.close()


def test_reopening_the_app_remembers_format_folder_and_options(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path
) -> None:
    first = open_window()
    first.select_policy("texas-sb4")
    dialog = first.show_export()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("html"))
    dialog.length_combo.setCurrentIndex(dialog.length_combo.findData("brief"))
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    dialog.notes_box.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "out" / "sb4.html"))
    _export(qtbot, dialog)
    dialog.close()
    first.close()
    again = open_window().show_export()  # a new window on the same settings: the app started again
    assert again.fmt() == "html"
    assert again.length_combo.currentData() == "brief" and again.page_combo.currentData() == "Letter"
    assert again.notes_box.isChecked()
    assert Path(again.path_edit.text()).parent == tmp_path / "out"
    again.close()
