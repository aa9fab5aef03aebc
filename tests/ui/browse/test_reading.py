"""Finding and reading (issue 17): the title column, search highlights folded as the search folds,
and why a result matched — driven the way a person does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import operations
from app.services.inputs import NoteInput
from app.ui.browse.delegates import HighlightDelegate
from app.ui.browse.first_screen import Column
from app.ui.main.main_window import MainWindow

MARK = "background-color:#fff1a8"  # the detail pane's highlight, light theme


def _row(window: MainWindow, slug: str) -> int:
    return [window.model.row_at(r).slug for r in range(window.model.rowCount())].index(slug)


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, text)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # search now, not after the pause
    assert 0 < window.model.rowCount() < window.parts.result.total


def _title_cell(window: MainWindow, slug: str) -> str:
    """The title cell's text as the list draws it while searching."""
    delegate = window.table.itemDelegateForColumn(Column.TITLE)
    assert isinstance(delegate, HighlightDelegate)
    index = window.model.index(_row(window, slug), Column.TITLE)
    width = window.table.visualRect(index).adjusted(4, 0, -4, 0).width()
    return delegate.cell_html(
        window.model.row_at(index.row()).title, QFontMetrics(window.table.font()), width
    )


def test_the_title_takes_the_slack_and_shows_in_full_in_a_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.table.viewport().width() > 800)
    header = window.table.horizontalHeader()
    metrics = window.table.fontMetrics()
    titles = [window.model.row_at(r).title for r in range(window.model.rowCount())]
    # At 1920 px every starter title fits; the other columns hold their longest text.
    assert header.sectionSize(Column.TITLE) > max(metrics.horizontalAdvance(t) for t in titles)
    for column in (Column.JURISDICTION, Column.STATUS, Column.LAST_CHANGE):
        texts = [str(window.model.index(r, column).data()) for r in range(window.model.rowCount())]
        assert header.sectionSize(column) > max(metrics.horizontalAdvance(t) for t in texts)
        # …and no wider than that needs (with a badge's room), so the title has the slack.
        assert header.sectionSize(column) <= max(metrics.horizontalAdvance(t) for t in texts) + 40
    # A title without other names still has its tooltip: the whole title, however narrow the column.
    row = _row(window, "border-crossing-closures-2023")
    tooltip = window.model.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[0].strip("\u2068\u2069") == titles[row]


def test_a_title_cut_short_while_searching_ends_in_an_ellipsis(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 800)
    _search(qtbot, window, "merida")
    drawn = _title_cell(window, "us-mexico-border-infrastructure-commitments")
    assert drawn.endswith("…") and "commitments" not in drawn


def test_merida_marks_merida_with_its_accent_in_the_list_overview_and_sources(
    qtbot: QtBot, window: MainWindow
) -> None:
    _search(qtbot, window, "merida")  # typed without the accent, as the search allows
    assert '">Mérida</span> Initiative' in _title_cell(window, "merida-initiative")
    window.select_policy("merida-initiative")
    overview = window.detail.pages["Overview"].toHtml()
    assert f"{MARK.split(':')[1]}" in overview
    marked = [chunk.split("</span>")[0] for chunk in overview.split("#fff1a8;")[1:]]
    assert any(word.endswith("Mérida") for word in marked)  # accented text, marked for an unaccented search
    window.select_policy("border-crossing-closures-2023")
    sources = window.detail.pages["Sources"].toHtml()
    assert any(
        chunk.split("</span>")[0].endswith(("Merida", "Mérida")) for chunk in sources.split("#fff1a8;")[1:]
    )


def test_a_tooltip_says_why_a_result_matched(qtbot: QtBot, window: MainWindow) -> None:
    policy = window.model.row_at(_row(window, "daca"))
    operations.add_note(
        window.workspace, policy.id, NoteInput(body="Ask the clinic about zanzibarite filings.")
    )
    _search(qtbot, window, "zanzibarit")
    assert window.visible_titles() == [policy.title]
    tooltip = window.model.index(0, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "In a note:" in tooltip and "«zanzibarite»" in tooltip
    window.search_box.clear()
    _search(qtbot, window, "cartel")  # in a source's excerpt
    tooltip = window.model.index(_row(window, "border-crossing-closures-2023"), Column.TITLE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "In a source:" in tooltip and "«cartels»" in tooltip


def test_a_column_the_person_resized_stays_as_they_left_it(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    header.resizeSection(Column.JURISDICTION, 60)  # narrowed, as a drag on the heading's edge does
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "texas")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    window.clear_search_and_filters()
    assert header.sectionSize(Column.JURISDICTION) == 60


def test_the_detail_pane_reads_at_a_comfortable_measure(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("title-42")
    overview = window.detail.pages["Overview"]
    average = overview.fontMetrics().averageCharWidth()
    for width, height in ((1280, 800), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        QApplication.processEvents()
        # Not a tall narrow column: a third of the window or more, some 55 characters a line or more…
        assert window.detail.width() >= width // 3
        assert overview.document().textWidth() >= 55 * average
        # …and not lines too long to follow on a wide screen.
        assert overview.document().textWidth() <= 90 * average
