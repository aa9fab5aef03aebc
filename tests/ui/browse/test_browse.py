"""Browsing the starter workspace the way a person does: search, filter, select, follow links."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from app.ui.browse.policy_table import Column
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow
from tests.ui.dialogs import active_dialog

MPP = "Remain in Mexico (Migrant Protection Protocols)"


def _slugs(window: MainWindow) -> list[str]:
    return [window.model.row_at(r).slug for r in range(window.model.rowCount())]


def _click_row(qtbot: QtBot, window: MainWindow, slug: str) -> None:
    row = _slugs(window).index(slug)
    rect = window.table.visualRect(window.model.index(row, Column.TITLE))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_every_starter_policy_is_listed_at_once(window: MainWindow) -> None:
    assert len(_slugs(window)) == window.parts.result.total >= 5
    assert {"remain-in-mexico", "title-42", "texas-sb4"} <= set(_slugs(window))
    assert window.count_label.text() == f"{window.parts.result.total} of {window.parts.result.total} policies"
    assert not window.parts.empty_label.isVisible()


def test_typing_in_the_search_box_narrows_the_list(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "Senate Bill 4")
    qtbot.waitUntil(lambda: _slugs(window) == ["texas-sb4"] or _slugs(window)[:1] == ["texas-sb4"])
    assert _slugs(window)[0] == "texas-sb4"
    assert window.count_label.text().startswith(f"{len(_slugs(window))} of ")


def test_search_reaches_source_excerpts_and_ranks_title_matches_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClicks(window.search_box, "merida")  # typed without the accent
    qtbot.waitUntil(lambda: bool(_slugs(window)) and len(_slugs(window)) < window.parts.result.total)
    assert _slugs(window)[0] == "merida-initiative"
    window.search_box.clear()
    window.search_box.insert("Mérida")  # pasted with it (QTest cannot type non-ASCII keys)
    qtbot.waitUntil(lambda: bool(_slugs(window)) and _slugs(window)[0] == "merida-initiative")


def test_no_results_shows_an_empty_state_that_clears(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_box, "xylophonequartz")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.parts.empty_label.isVisible()
    assert "No policies match “xylophonequartz”" in window.parts.empty_label.text()
    window.parts.empty_label.linkActivated.emit("clear")
    assert window.search_box.text() == ""
    assert window.model.rowCount() == window.parts.result.total


def test_filters_combine_and_show_counts(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.filter_panel
    texas = panel.item_for("jurisdiction", "texas")
    assert texas is not None and texas.text(0).endswith("(1)")
    texas.setCheckState(0, Qt.CheckState.Checked)
    assert _slugs(window) == ["texas-sb4"]
    assert panel.clear_button.isEnabled()
    federal = panel.item_for("jurisdiction", "us_federal")
    assert federal is not None
    federal.setCheckState(0, Qt.CheckState.Checked)  # values within a facet widen the list
    assert len(_slugs(window)) > 1
    expired = panel.item_for("status", "expired")
    assert expired is not None
    expired.setCheckState(0, Qt.CheckState.Checked)  # facets narrow it
    statuses = {window.model.row_at(r).current_status for r in range(window.model.rowCount())}
    assert statuses == {"expired"}
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert len(_slugs(window)) == window.parts.result.total
    assert not panel.clear_button.isEnabled()


def test_selecting_a_policy_shows_its_details(qtbot: QtBot, window: MainWindow) -> None:
    assert window.detail.currentWidget() is window.detail.placeholder
    _click_row(qtbot, window, "remain-in-mexico")
    assert window.selected_slug() == "remain-in-mexico"
    overview = window.detail.pages["Overview"].toPlainText()
    assert MPP in overview and "Migrant Protection Protocols" in overview
    history = window.detail.pages["History"].toPlainText()
    assert "Dec 2018" in history or "20 Dec 2018" in history
    assert "Announced" in history
    assert window.detail.tabs.tabText(1).startswith("History (")
    sources = window.detail.pages["Sources"].toPlainText()
    assert "[1]" in sources
    assert "No notes on this policy yet." in window.detail.pages["Notes"].toPlainText()


def test_the_keyboard_moves_through_the_list(qtbot: QtBot, window: MainWindow) -> None:
    _click_row(qtbot, window, _slugs(window)[0])
    first = window.selected_slug()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    second = window.selected_slug()
    assert first is not None and second is not None and first != second
    assert window.detail.detail is not None and window.detail.detail.slug == second


def test_clicking_a_column_header_sorts(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.LAST_CHANGE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    keys = [window.model.row_at(r).last_change or "" for r in range(window.model.rowCount())]
    from app.domain.dates import sort_key

    ordered = [sort_key(k) for k in keys]
    assert ordered == sorted(ordered) or ordered == sorted(ordered, reverse=True)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    again = [sort_key(window.model.row_at(r).last_change or "") for r in range(window.model.rowCount())]
    assert again == list(reversed(ordered)) or again == sorted(again, reverse=True)


def test_following_a_related_policy_link_selects_it(qtbot: QtBot, window: MainWindow) -> None:
    window.select_policy("merida-initiative")
    overview = window.detail.pages["Overview"]
    assert "Superseded by" in overview.toPlainText()
    overview.anchorClicked.emit(QUrl("policy:bicentennial-framework"))
    assert window.selected_slug() == "bicentennial-framework"
    assert "Supersedes" in window.detail.pages["Overview"].toPlainText()


def test_a_related_link_to_a_filtered_out_policy_clears_the_filters(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_box, "Zacatecas Quokka")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.select_policy("title-42")
    assert window.selected_slug() == "title-42"
    assert window.search_box.text() == ""


def test_a_citation_link_opens_the_sources_tab(window: MainWindow) -> None:
    window.select_policy("title-42")
    detail = window.detail.detail
    assert detail is not None
    cited = detail.events[0].source_ids[0]
    window.detail.pages["History"].anchorClicked.emit(QUrl(f"source:{cited}"))
    assert window.detail.tabs.currentWidget() is window.detail.pages["Sources"]


def test_only_http_links_are_opened(qtbot: QtBot, window: MainWindow) -> None:
    opened: list[str] = []
    window.detail.external_link_requested.disconnect()
    window.detail.external_link_requested.connect(lambda url: opened.append(url.toString()))
    for link in ("javascript:alert(1)", "file:///etc/passwd", "https://www.dhs.gov/", "data:text/html,x"):
        window.detail.pages["Sources"].anchorClicked.emit(QUrl(link))
    assert opened == ["https://www.dhs.gov/"]


def test_state_is_restored_after_a_restart(qtbot: QtBot, open_window: OpenWindow) -> None:
    first = open_window()
    first.resize(780, 560)  # the offscreen screen is 800×600; restoring clamps to it
    texas = first.filter_panel.item_for("jurisdiction", "us_federal")
    assert texas is not None
    texas.setCheckState(0, Qt.CheckState.Checked)
    first.select_policy("title-42")
    header = first.table.horizontalHeader()
    header.resizeSection(Column.STATUS, 171)
    first.table.sortByColumn(Column.LAST_CHANGE, Qt.SortOrder.DescendingOrder)
    first.close()

    second = open_window()
    assert (second.size().width(), second.size().height()) == (780, 560)
    assert second.filter_panel.chosen("jurisdiction") == frozenset({"us_federal"})
    assert {second.model.row_at(r).jurisdiction for r in range(second.model.rowCount())} == {"us_federal"}
    assert second.selected_slug() == "title-42"
    assert second.detail.detail is not None and second.detail.detail.slug == "title-42"
    assert second.table.horizontalHeader().sectionSize(Column.STATUS) == 171
    assert second.table.horizontalHeader().sortIndicatorSection() == Column.LAST_CHANGE
    assert second.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_about_names_the_version_workspace_and_data_folder(qtbot: QtBot, window: MainWindow) -> None:
    from app import __version__, paths

    window.parts.actions.about_action.trigger()
    box = active_dialog(QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert __version__ in box.text()
    assert str(window.workspace.path) in box.text()
    assert str(paths.data_dir()) in box.text()
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not box.isVisible())


def test_menus_use_the_standard_shortcuts(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    assert window.parts.actions.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.parts.actions.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert QApplication.instance() is not None


def test_view_theme_switches_to_dark_and_back(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QPalette

    window.parts.actions.theme_actions["dark"].trigger()
    try:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        assert app.palette().color(QPalette.ColorRole.Base).lightness() < 60
        assert window.settings.value("view/theme") == "dark"
        window.select_policy("title-42")
        assert "#7cb7ff" in window.detail.pages["Overview"].toHtml()  # links in the dark theme's blue
    finally:
        window.parts.actions.theme_actions["light"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 200


def test_help_lists_the_keyboard_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget)
    assert table is not None
    rows = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert (
        rows["New Status Event…"] == "Ctrl+E" and rows["Find…"] == "Ctrl+F" and rows["Timeline"] == "Ctrl+T"
    )
    dialog.close()


def test_a_tag_with_markup_in_it_is_shown_as_written() -> None:
    from app.ui.browse.filter_panel import _plain_tip

    assert _plain_tip("<b>x</b> (3)") == "<p>&lt;b&gt;x&lt;/b&gt; (3)</p>"
