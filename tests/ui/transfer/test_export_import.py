"""File ▸ Export and File ▸ Import driven through their dialogs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from app.export.briefing import ExportCancelled
from app.ui.main.main_window import MainWindow
from tests.ui.dialogs import SLOW_WORK_MS

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx", "csv", "json"])
def test_export_all_starter_policies_in_each_format(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, fmt: str
) -> None:
    dialog = window.show_export()
    qtbot.waitExposed(dialog)
    dialog.scope_buttons["all"].setChecked(True)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    assert dialog.path_edit.text().endswith(f"-briefing.{fmt}")
    dialog.path_edit.setText(str(tmp_path / "briefing"))
    assert "12 policies in this export" in dialog.preview_count.text()
    if fmt in ("html", "pdf", "docx"):  # the page: every policy counted, the first ones laid out
        assert "the first 2 are laid out" in dialog.preview_count.text()
        qtbot.waitUntil(lambda: dialog.preview_ready, timeout=SLOW_WORK_MS)
        assert dialog.preview_stack.currentWidget() is dialog.pages_view and dialog.preview_pages
    else:  # the file's own text
        assert (
            dialog.preview.toPlainText()
            .lstrip()
            .startswith("{" if fmt == "json" else ("#", "slug", "\ufeff"))
        )
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.open_button.isVisible(), timeout=SLOW_WORK_MS)
    written = Path(dialog.written[0])
    assert written == tmp_path / f"briefing.{fmt}" and written.stat().st_size > 5_000
    assert "Exported to" in dialog.message.text()
    opened: list[str] = []
    dialog.open_url = lambda url: opened.append(url.toLocalFile())  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]
    dialog.close()


def test_export_the_selected_policies_with_notes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.select_policy("title-42")
    row = next(r for r in range(window.model.rowCount()) if window.model.row_at(r).slug == "texas-sb4")
    window.table.selectionModel().select(
        window.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    dialog = window.show_export()
    assert dialog.scope() == "selected" and "(2)" in dialog.scope_buttons["selected"].text()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
    dialog.notes_box.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "two.md"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=SLOW_WORK_MS)
    text = (tmp_path / "two.md").read_text()
    assert text.startswith("# Policy briefing: Texas SB 4 (illegal entry as a state crime) and Title 42")
    assert "## Title 42 expulsions" in text and "## Texas SB 4" in text and "## Mérida" not in text
    dialog.close()


def test_a_bundle_from_the_dialog_holds_notes_only_when_ticked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.services import editing
    from app.services.inputs import NoteInput

    policy_id = next(
        window.model.row_at(r).id
        for r in range(window.model.rowCount())
        if window.model.row_at(r).slug == "title-42"
    )
    editing.add_note(window.workspace, policy_id, NoteInput("PRIVATE-THOUGHT"))
    for ticked, name in ((False, "plain.json"), (True, "mine.json")):
        dialog = window.show_export()
        dialog.scope_buttons["all"].setChecked(True)
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
        assert dialog.notes_box.isEnabled()
        dialog.notes_box.setChecked(ticked)
        dialog.path_edit.setText(str(tmp_path / name))
        dialog.start()
        qtbot.waitUntil(lambda dialog=dialog: bool(dialog.written), timeout=SLOW_WORK_MS)
        dialog.close()
    assert "PRIVATE-THOUGHT" not in (tmp_path / "plain.json").read_text(encoding="utf-8")
    assert "PRIVATE-THOUGHT" in (tmp_path / "mine.json").read_text(encoding="utf-8")


def test_the_dialog_remembers_its_choices_and_keeps_the_name_when_the_format_changes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = window.show_export()
    dialog.scope_buttons["all"].setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "march-update.pdf"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
    assert dialog.path_edit.text() == str(tmp_path / "march-update.docx")  # the stem the person typed stays
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("html"))
    dialog.length_combo.setCurrentIndex(dialog.length_combo.findData("brief"))
    assert dialog.path_edit.text() == str(tmp_path / "march-update.html")
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=SLOW_WORK_MS)
    page = (tmp_path / "march-update.html").read_text(encoding="utf-8")
    assert '<body class="brief">' in page and "Key points" in page
    dialog.close()
    again = window.show_export()
    assert again.fmt() == "html" and again.length_combo.currentData() == "brief"
    assert Path(again.path_edit.text()).parent == tmp_path  # the folder of the last export
    again.close()


def test_the_preview_is_paper_in_the_dark_theme(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QColor

    window.set_theme("dark")
    dialog = window.show_export()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
    qtbot.waitExposed(dialog)
    image = dialog.preview.viewport().grab().toImage()
    corner = QColor(image.pixel(image.width() - 5, image.height() - 5))
    assert corner.lightness() > 240  # white paper, whatever the window's theme
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=SLOW_WORK_MS)
    page = dialog.page_image.grab().toImage()
    margin = dialog.page_image.contentsMargins()
    paper = QColor(page.pixel(margin.left() + 5, margin.top() + 5))
    assert paper.lightness() > 240  # the drawn page is white paper too
    dialog.close()


def test_a_long_export_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    started = threading.Event()

    def slow_export(workspace: Any, request: Any, *, progress: Any = None, **_writers: Any) -> list[Path]:
        for done in range(1, 1000):
            started.set()
            if not progress(done, 1000):
                raise ExportCancelled
            threading.Event().wait(0.01)
        return [request.target]

    monkeypatch.setattr("app.ui.transfer.export_dialog.run_export", slow_export)
    dialog = window.show_export()
    dialog.path_edit.setText(str(tmp_path / "never.md"))
    dialog.start()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in dialog.message.text())
    assert not (tmp_path / "never.md").exists()
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    dialog.close()


def test_import_shows_what_will_change_before_writing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.services.bundle import build_bundle

    bundle = build_bundle(window.workspace, ["daca"])
    bundle["policies"][0]["id"] = "0b2c8f55-5b7c-4c1e-9b61-0f5d3c7d2a77"
    bundle["policies"][0]["slug"] = "daca-copy"
    bundle["policies"][0]["title"] = "DACA (a colleague's copy)"
    for event in bundle["policies"][0]["events"]:
        event["id"] = event["id"][:-4] + "beef"
    path = tmp_path / "from-colleague.json"
    path.write_text(json.dumps(bundle))
    dialog = window.show_import(path)
    assert "added 12 status events, 1 policy;" in dialog.summary.text()
    assert "DACA (a colleague's copy)" not in [
        window.model.row_at(r).title for r in range(window.model.rowCount())
    ]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "DACA (a colleague's copy)" in [
        window.model.row_at(r).title for r in range(window.model.rowCount())
    ]
    assert "Imported from-colleague.json" in window.statusBar().currentMessage()


def test_import_of_a_broken_file_explains_and_offers_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{ not json")
    dialog = window.show_import(path)
    assert "cannot be imported" in dialog.summary.text() and "not valid JSON" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.close()


def test_a_file_name_with_markup_is_shown_as_text(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "<b>loud.json"
    path.write_text("{ not json")
    dialog = window.show_import(path)
    assert "&lt;b&gt;loud.json" in dialog.summary.text()
    assert "<b>loud" not in dialog.summary.text()
    dialog.close()


def test_the_briefing_language_follows_the_language_the_window_speaks(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.common import i18n

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        i18n.apply_language(app, "es")  # as `--language es` does for one run, saving nothing
        dialog = window.show_export()
        assert dialog.language_combo.currentData() == "es"
        dialog.close()
    finally:
        i18n.apply_language(app, "en")


def test_closing_the_window_during_an_export_stops_it_and_leaves_no_half_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The export's thread outlived its dialog when the window closed under it, and Qt aborted the
    whole process ("QThread: Destroyed while thread is still running")."""
    dialog = window.show_export()
    qtbot.waitExposed(dialog)
    dialog.scope_buttons["all"].setChecked(True)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.path_edit.setText(str(tmp_path / "briefing"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    window.close()
    assert not dialog.running and not dialog.isVisible()
    assert dialog.thread_ is not None and dialog.thread_.isFinished()
    # Either the whole PDF was written before the stop, or nothing is there at all.
    written = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("briefing"))
    assert written in ([], ["briefing.pdf"])
