"""The detail pane: one selected policy's overview, history, sources, figures and notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.details import PolicyDetail
from app.services.timeline import lane_of
from app.ui.browse.delegates import is_dark
from app.ui.common.i18n import QT_TRANSLATE_NOOP
from app.ui.detail import detail_html
from app.ui.detail.actions import DetailAction
from app.ui.timeline.timeline_view import TimelineView


class LazyPages(dict[str, QTextBrowser]):
    """The tab pages by name; a page whose policy changed is drawn when it is first looked at."""

    def __init__(self, render: Callable[[str, bool], None]) -> None:
        super().__init__()
        self._render = render
        self.stale: dict[str, bool] = {}  # name -> keep the scroll position when drawing

    def render(self, name: str) -> None:
        if name in self.stale:
            keep_scroll = self.stale.pop(name)
            self._render(name, keep_scroll)

    def __getitem__(self, name: str) -> QTextBrowser:
        self.render(name)
        return super().__getitem__(name)


def theme_for(palette: QPalette) -> detail_html.Theme:
    dark = is_dark(palette)
    return detail_html.Theme(
        text=palette.color(QPalette.ColorRole.Text).name(),
        muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
        link=palette.color(QPalette.ColorRole.Link).name() if not dark else "#7cb7ff",
        rule=palette.color(QPalette.ColorRole.Mid).name(),
        highlight="#6b5900" if dark else "#fff1a8",
        highlight_text="#fff7cc" if dark else "#1f2328",
        annotation="#1f3b5c" if dark else "#d8ecff",
        quiet="#2d333b" if dark else "#eef1f4",
        dark=dark,
    )


class PolicyDetailPane(QStackedWidget):
    policy_link_clicked = Signal(str)
    external_link_requested = Signal(QUrl)
    action_requested = Signal(str, str)  # action ("edit-event"), target id (may be empty)

    TABS = ("Overview", "History", "Sources", "Figures", "Notes")
    # The tab names are keys in code; these are the titles a reader sees.
    TAB_TITLES: ClassVar[dict[str, str]] = {
        "Overview": QT_TRANSLATE_NOOP("PolicyDetailPane", "Overview"),
        "History": QT_TRANSLATE_NOOP("PolicyDetailPane", "History"),
        "Sources": QT_TRANSLATE_NOOP("PolicyDetailPane", "Sources"),
        "Figures": QT_TRANSLATE_NOOP("PolicyDetailPane", "Figures"),
        "Notes": QT_TRANSLATE_NOOP("PolicyDetailPane", "Notes"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = QLabel(self.tr("Select a policy to read its history, sources, figures and notes."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setAccessibleName(self.tr("Policy details"))
        self.setMinimumWidth(440)
        self.pages = LazyPages(self._render_page)
        self.tabs.currentChanged.connect(
            lambda index: self.pages.render(self.TABS[index]) if index >= 0 else None
        )
        for name in self.TABS:
            browser = QTextBrowser()
            browser.setOpenLinks(False)
            browser.setAccessibleName(
                self.tr("{tab} of the selected policy").format(tab=self.tab_title(name))
            )
            browser.anchorClicked.connect(self.follow_link)
            self.pages[name] = browser
            if name == "History":
                self.history_page = QWidget()
                column = QVBoxLayout(self.history_page)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(0)
                self.timeline_strip = TimelineView(compact=True)
                self.timeline_strip.marker_clicked.connect(lambda _slug, event_id: self.show_event(event_id))
                column.addWidget(self.timeline_strip)
                column.addWidget(browser)
                self.tabs.addTab(self.history_page, self.tab_title(name))
            else:
                self.tabs.addTab(browser, self.tab_title(name))
        sources = self.pages["Sources"]
        sources.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        sources.customContextMenuRequested.connect(self._sources_menu)
        self.addWidget(self.placeholder)
        self.addWidget(self.tabs)
        self.detail: PolicyDetail | None = None
        self.terms: list[str] = []
        self.selected_event: str | None = None
        self.external_link_requested.connect(QDesktopServices.openUrl)

    def show_policy(self, detail: PolicyDetail | None, terms: list[str] | None = None) -> None:
        same_policy = detail is not None and self.detail is not None and self.detail.id == detail.id
        if not same_policy:
            self.selected_event = None
        self.detail = detail
        self.terms = terms or []
        if detail is None:
            self.setCurrentWidget(self.placeholder)
            return
        # Only the tab on screen is drawn now; the others when they are shown or read.
        self.pages.stale = {name: same_policy for name in self.TABS}
        current = self.tabs.currentIndex()
        if 0 <= current < len(self.TABS):
            self.pages.render(self.TABS[current])
        counts = {
            "History": len(detail.events),
            "Sources": len(detail.sources),
            "Figures": len(detail.figures),
            "Notes": len(detail.notes),
        }
        for position, name in enumerate(self.TABS):
            title = self.tab_title(name)
            self.tabs.setTabText(position, f"{title} ({counts[name]})" if name in counts else title)
        self.timeline_strip.set_data([lane_of(detail)], [], fit=not same_policy)
        self.setCurrentWidget(self.tabs)

    def tab_title(self, name: str) -> str:
        return self.tr(self.TAB_TITLES[name])

    def _render_page(self, name: str, keep_scroll: bool) -> None:
        detail = self.detail
        if detail is None:
            return
        theme = theme_for(QApplication.palette(self))
        if name == "Overview":
            page = detail_html.overview_html(detail, self.terms, theme, editable=True)
        elif name == "History":
            page = detail_html.history_html(
                detail, self.terms, theme, editable=True, selected=self.selected_event
            )
        elif name == "Sources":
            page = detail_html.sources_html(detail, self.terms, theme, editable=True)
        elif name == "Figures":
            page = detail_html.figures_html(detail, theme)
        else:
            page = detail_html.notes_html(detail, theme, editable=True)
        browser = dict.__getitem__(self.pages, name)
        keep = browser.verticalScrollBar().value() if keep_scroll else 0
        browser.setHtml(page)
        browser.verticalScrollBar().setValue(keep)

    def _sources_menu(self, position: QPoint) -> None:
        browser = self.pages["Sources"]
        menu = browser.createStandardContextMenu(position)
        annotate = menu.addAction(self.tr("Annotate Selected Passage…"))
        annotate.setEnabled(self.selected_passage() is not None)
        annotate.triggered.connect(lambda: self.action_requested.emit(DetailAction.ANNOTATE.value, ""))
        menu.popup(browser.viewport().mapToGlobal(position))
        self.context_menu = menu

    def selected_passage(self) -> tuple[str, str] | None:
        """(source id, selected words) when the Sources tab has a passage of an excerpt selected."""
        if self.detail is None:
            return None
        selected = self.pages["Sources"].textCursor().selectedText().replace("\u2029", " ")
        quote = " ".join(selected.split()).strip('“”" ')
        if len(quote) < 2:
            return None
        for source in self.detail.sources:
            if any(quote in " ".join(x.text.split()) for x in source.excerpts):
                return source.id, quote
        return None

    def show_event(self, event_id: str) -> None:
        """Show the History tab scrolled to an event, and mark it."""
        self.selected_event = event_id
        if self.detail is not None:
            self.show_policy(self.detail, self.terms)
        self.tabs.setCurrentWidget(self.history_page)
        self.pages["History"].scrollToAnchor(event_id)

    def show_source(self, source_id: str) -> None:
        self.tabs.setCurrentWidget(self.pages["Sources"])
        self.pages["Sources"].scrollToAnchor(source_id)

    def follow_link(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == "policy":
            self.policy_link_clicked.emit(url.path())
        elif scheme == "source":
            self.show_source(url.path())
        elif scheme == "note":
            self.tabs.setCurrentWidget(self.pages["Notes"])
            self.pages["Notes"].scrollToAnchor(url.path())
        elif scheme == "event":
            self.show_event(url.path())
        elif scheme in ("http", "https"):
            self.external_link_requested.emit(url)
        elif (action := DetailAction.of(scheme)) is not None:
            self.action_requested.emit(action.value, url.path())
        # Anything else (javascript:, file:, data:) is never opened.
