"""Preferences name the author and organisation; the export dialog prints them in the title block."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.ui.main.main_window import MainWindow
from app.ui.transfer.export_settings import AUTHOR_KEY, ORGANISATION_KEY
from tests.ui.dialogs import SLOW_WORK_MS

pytestmark = pytest.mark.gui


def test_the_author_from_preferences_heads_the_briefing_not_the_file_name(
    window: MainWindow, qtbot: QtBot, settings_path: Path, tmp_path: Path
) -> None:
    dialog = window.show_preferences()
    qtbot.keyClicks(dialog.author_edit, "  Ana   Ruiz ")
    qtbot.keyClicks(dialog.organisation_edit, "Border Desk")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    saved = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert (saved.value(AUTHOR_KEY), saved.value(ORGANISATION_KEY)) == ("Ana Ruiz", "Border Desk")

    export = window.show_export()
    export.scope_buttons["all"].setChecked(True)
    export.format_combo.setCurrentIndex(export.format_combo.findData("html"))
    qtbot.waitUntil(lambda: export.preview_ready, timeout=SLOW_WORK_MS)
    first_page = PdfReader(io.BytesIO(export.preview_pdf)).pages[0].extract_text()
    assert "Prepared by Ana Ruiz, Border Desk" in first_page  # on the preview's page, as it will print
    export.path_edit.setText(str(tmp_path / "out.html"))
    export.start()
    qtbot.waitUntil(lambda: bool(export.written), timeout=SLOW_WORK_MS)
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert '<p class="byline">Prepared by Ana Ruiz, Border Desk</p>' in page
    assert window.workspace.path.stem not in page
    export.close()
