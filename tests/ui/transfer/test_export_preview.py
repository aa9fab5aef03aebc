"""The export dialog's preview is the real output: the first pages of the PDF the export writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.ui.main.main_window import MainWindow
from app.ui.transfer.export_dialog import ExportDialog
from app.ui.transfer.export_preview import draw_pages
from tests.ui.dialogs import SLOW_WORK_MS

pytestmark = pytest.mark.gui

A4 = 297 / 210
LETTER = 11 / 8.5


def open_dialog(qtbot: QtBot, window: MainWindow, fmt: str = "pdf") -> ExportDialog:
    window.select_policy("title-42")
    dialog = window.show_export()
    qtbot.waitExposed(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    return dialog


def drawn(qtbot: QtBot, dialog: ExportDialog) -> list[QImage]:
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=SLOW_WORK_MS)
    assert dialog.preview_stack.currentWidget() is dialog.pages_view
    assert dialog.preview_pages, dialog.page_status.text()
    return dialog.preview_pages


def aspect(image: QImage) -> float:
    return image.height() / image.width()


def test_the_pdf_preview_is_the_first_page_of_the_file_the_export_writes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, window)
    assert dialog.page_status.text() == "Preparing preview…" and not dialog.preview_ready
    first = drawn(qtbot, dialog)[0]
    assert dialog.page_status.isHidden() and dialog.page_number.text().startswith("Page 1 of the first")
    dialog.path_edit.setText(str(tmp_path / "title-42.pdf"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=SLOW_WORK_MS)
    sent = draw_pages((tmp_path / "title-42.pdf").read_bytes())[0]
    assert sent.size() == first.size()
    assert sent.convertToFormat(first.format()) == first  # pixel for pixel: what you see is what you send
    dialog.close()


def test_the_page_size_changes_the_page_drawn(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("A4"))
    assert aspect(drawn(qtbot, dialog)[0]) == pytest.approx(A4, abs=0.01)
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    assert not dialog.preview_ready and dialog.page_status.text() == "Preparing preview…"
    assert aspect(drawn(qtbot, dialog)[0]) == pytest.approx(LETTER, abs=0.01)
    dialog.close()


def test_the_person_pages_through_the_first_pages(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    pages = drawn(qtbot, dialog)
    assert 1 < len(pages) <= 3  # Title 42's dossier runs longer: only the first pages are drawn
    assert not dialog.previous_page.isEnabled() and dialog.next_page.isEnabled()
    first = dialog.page_image.pixmap().toImage()
    dialog.next_page.click()
    assert dialog.page_index == 1 and dialog.page_number.text() == f"Page 2 of the first {len(pages)}"
    assert dialog.page_image.pixmap().toImage() != first and dialog.previous_page.isEnabled()
    dialog.close()


def test_changing_the_format_changes_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window, "md")
    assert dialog.preview_stack.currentWidget() is dialog.preview and dialog.preview_ready
    assert dialog.preview.toPlainText().startswith("# ")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("html"))
    assert "as printed" in dialog.preview_count.text()
    drawn(qtbot, dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
    assert "approximated from the PDF" in dialog.preview_count.text()
    drawn(qtbot, dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    assert dialog.preview_stack.currentWidget() is dialog.preview
    assert dialog.preview.toPlainText().lstrip("\ufeff").startswith("slug")
    dialog.close()


def test_a_drawing_for_options_since_changed_is_ignored(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("A4"))
    stale = dialog.preview_generation
    stale_job = dialog.preview_jobs[stale]
    arrived: list[int] = []
    stale_job.signals.drawn.connect(lambda generation, _drawn: arrived.append(generation))
    # Changed before the A4 pages are back: they arrive (or were never started) and must not be shown.
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    assert aspect(drawn(qtbot, dialog)[0]) == pytest.approx(LETTER, abs=0.01)
    qtbot.wait(50)
    assert arrived in ([], [stale])
    letter_pages = dialog.preview_pages
    late = (b"%PDF-", [QImage(210, 297, QImage.Format.Format_RGB32)])
    dialog._on_pages_drawn(stale, late)  # arriving late, as a slow drawing would
    assert dialog.preview_pages is letter_pages
    dialog._on_preview_failed(stale, "late failure")
    assert dialog.page_status.isHidden()
    dialog.close()


def test_closing_the_dialog_while_the_preview_is_drawn(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    assert not dialog.preview_ready
    dialog.close()  # waits for the drawing; what it brings back goes nowhere, without an error
    assert dialog.preview_pool.activeThreadCount() == 0
