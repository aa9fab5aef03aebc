"""The citation audit in the window: its view with links to entries, History's quiet marks, the
overview's summary, and the setting; and the Figures tab's chart beside the table."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from app.services.audit import AuditKind, stale_after_days
from app.ui.detail.audit_window import ITEM_ROLE
from app.ui.main.main_window import MainWindow


def test_the_audit_view_lists_items_and_opens_their_entries(qtbot: QtBot, window: MainWindow) -> None:
    audit = window.show_audit()
    qtbot.waitUntil(lambda: audit.tree.topLevelItemCount() > 0, timeout=10_000)
    titles = [audit.tree.topLevelItem(n).text(0) for n in range(audit.tree.topLevelItemCount())]
    assert "Title 42 expulsions" in titles
    audit.kind_combo.setCurrentIndex(audit.kind_combo.findData(AuditKind.UNCONFIRMED.value))
    policy = next(
        audit.tree.topLevelItem(n)
        for n in range(audit.tree.topLevelItemCount())
        if audit.tree.topLevelItem(n).text(0) == "Title 42 expulsions"
    )
    item = policy.child(0)
    assert (item.text(0), item.text(1)) == ("Unconfirmed", "19 Feb 2025 — Expired")
    slug, entry = item.data(0, ITEM_ROLE)
    audit.tree.itemActivated.emit(item, 0)  # as a double-click or Enter does
    assert window.selected_slug() == slug == "title-42"
    assert window.detail.tabs.currentWidget() is window.detail.history_page
    assert window.detail.selected_event == entry.entry_id


def test_history_marks_and_the_overview_summary(window: MainWindow) -> None:
    window.select_policy("title-42")
    history = window.detail.pages["History"].toPlainText()
    # The D.C. Circuit's stay (29 Jan 2021) rests on a news report and a case database only.
    assert "◦ no primary source" in history
    assert "◦ one source" in history
    overview = window.detail.pages["Overview"].toPlainText()
    assert "Citation audit" in overview and "with a single source" in overview


def test_the_not_verified_setting_is_saved_in_the_workspace(qtbot: QtBot, window: MainWindow) -> None:
    audit = window.show_audit()
    qtbot.waitUntil(lambda: audit.tree.topLevelItemCount() > 0, timeout=10_000)
    audit.days_box.setValue(30)
    audit.days_box.editingFinished.emit()
    assert stale_after_days(window.workspace) == 30
    assert window.detail.stale_after_days == 30


def test_the_audit_link_in_the_overview_opens_the_view(window: MainWindow) -> None:
    window.select_policy("texas-sb4")
    window.detail.follow_link(QUrl(f"audit:{window.detail.detail.id if window.detail.detail else ''}"))
    assert window.audit_window is not None and window.audit_window.isVisible()


def test_the_figures_tab_charts_figures_of_one_unit(window: MainWindow) -> None:
    window.select_policy("border-crossing-closures-2023")
    browser = window.detail.pages["Figures"]
    assert "figures-chart:0" in browser.toHtml()
    image = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("figures-chart:0"))
    assert isinstance(image, QImage) and image.width() == 1440 and not image.isNull()
    window.select_policy("title-42")  # no two figures in one unit: the table alone
    assert "figures-chart:" not in window.detail.pages["Figures"].toHtml()
