"""The detail pane: one selected policy's overview, history, sources, figures and notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPalette, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.audit import DEFAULT_STALE_AFTER_DAYS, PolicyAudit, audit_policy
from app.services.details import ChangeRow, PolicyDetail
from app.services.timeline import lane_of
from app.ui.browse.delegates import is_dark
from app.ui.common.i18n import QT_TRANSLATE_NOOP
from app.ui.common.theme import mute
from app.ui.detail import detail_html
from app.ui.detail.actions import DetailAction
from app.ui.timeline.timeline_view import TimelineView

# The invisible marks that isolate a person's words on the pages (app.domain.bidi), to take out of
# text read back from a page.
ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


# The longest line a page wraps at, in average characters: about what a book or a newspaper
# column holds, so a wide pane does not stretch the text into lines too long to follow.
MEASURE_CHARACTERS = 90


class ReadableBrowser(QTextBrowser):
    """A page whose lines stop at a readable measure when the pane is wider than that."""

    def measure(self) -> int:
        return self.fontMetrics().averageCharWidth() * MEASURE_CHARACTERS

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Each call below lays the page out again, even with the same value: only on a change.
        measure = self.measure()
        if self.viewport().width() > measure:
            if self.lineWrapMode() != QTextBrowser.LineWrapMode.FixedPixelWidth:
                self.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
            if self.lineWrapColumnOrWidth() != measure:
                self.setLineWrapColumnOrWidth(measure)
        elif self.lineWrapMode() != QTextBrowser.LineWrapMode.WidgetWidth:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        super().resizeEvent(event)


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
    audit_requested = Signal(str)  # the policy whose citation audit the person asked to see

    TABS = ("Overview", "History", "Sources", "Figures", "Notes", "Changes")
    # The tab names are keys in code; these are the titles a reader sees.
    TAB_TITLES: ClassVar[dict[str, str]] = {
        "Overview": QT_TRANSLATE_NOOP("PolicyDetailPane", "Overview"),
        "History": QT_TRANSLATE_NOOP("PolicyDetailPane", "History"),
        "Sources": QT_TRANSLATE_NOOP("PolicyDetailPane", "Sources"),
        "Figures": QT_TRANSLATE_NOOP("PolicyDetailPane", "Figures"),
        "Notes": QT_TRANSLATE_NOOP("PolicyDetailPane", "Notes"),
        "Changes": QT_TRANSLATE_NOOP("PolicyDetailPane", "Changes"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = QLabel(self.tr("Select a policy to read its history, sources, figures and notes."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        mute(self.placeholder)
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
            browser = ReadableBrowser()
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
        for name in ("History", "Sources", "Notes"):  # a right-click offers what applies to the entry
            page = dict.__getitem__(self.pages, name)
            page.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            page.customContextMenuRequested.connect(lambda at, n=name: self.entry_menu(n, at))
        self.addWidget(self.placeholder)
        self.addWidget(self.tabs)
        self.detail: PolicyDetail | None = None
        # The recorded changes of a policy (by id), oldest first: set by the window, which has the workspace.
        self.changes_of: Callable[[str], list[ChangeRow]] | None = None
        self.terms: list[str] = []
        self.selected_event: str | None = None
        self.stale_after_days = DEFAULT_STALE_AFTER_DAYS  # the workspace's audit setting
        self.audit: PolicyAudit | None = None  # the shown policy's citation audit
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
        self.audit = audit_policy(detail, date.today(), self.stale_after_days)
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
            page = detail_html.overview_html(detail, self.terms, theme, editable=True, audit=self.audit)
        elif name == "History":
            page = detail_html.history_html(
                detail, self.terms, theme, editable=True, selected=self.selected_event, audit=self.audit
            )
        elif name == "Sources":
            page = detail_html.sources_html(detail, self.terms, theme, editable=True)
        elif name == "Figures":
            charts = self._figure_charts(detail)
            width = max(240, dict.__getitem__(self.pages, name).viewport().width() - 24)
            page = detail_html.figures_html(detail, theme, len(charts), width)
        elif name == "Changes":
            changes = self.changes_of(detail.id) if self.changes_of is not None else []
            page = detail_html.changes_html(changes, theme)
        else:
            page = detail_html.notes_html(detail, theme, editable=True)
        browser = dict.__getitem__(self.pages, name)
        keep = browser.verticalScrollBar().value() if keep_scroll else 0
        browser.setHtml(page)
        browser.verticalScrollBar().setValue(keep)

    def _figure_charts(self, detail: PolicyDetail) -> list[QImage]:
        """The charts beside the figures table (one per unit with two figures or more), as the
        page's image resources figures-chart:0, 1… (a text browser shows pictures, not SVG)."""
        from app.export.figure_chart import figure_chart_svg
        from app.export.raster import svg_to_image
        from app.services.figures import build_chart, measures_of

        browser = dict.__getitem__(self.pages, "Figures")
        images: list[QImage] = []
        numbers = {s.id: n for n, s in enumerate(detail.sources, start=1)}  # as the page numbers them
        for m in measures_of(detail.figures):
            if m.figures < 2:
                continue
            chart = build_chart(
                m.unit, [(detail.slug, detail.title, detail.figures)], detail.sources, numbers
            )
            image = svg_to_image(figure_chart_svg(chart), 1440)
            browser.document().addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"figures-chart:{len(images)}"), image
            )
            images.append(image)
        return images

    def entry_menu(self, page: str, at: QPoint) -> QMenu:
        """The right-click menu at a point of a page: the actions on the entry there, then Copy."""
        from app.ui.detail.entry_menu import entry_at, entry_menu

        browser = self.pages[page]
        entry = entry_at(browser, at, self.detail, page) if self.detail is not None else None

        def annotate_excerpt() -> None:  # the whole excerpt, selected, is the passage quoted
            cursor = browser.cursorForPosition(at)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            browser.setTextCursor(cursor)
            self.action_requested.emit(DetailAction.ANNOTATE.value, "")

        passage = page == "Sources" and self.selected_passage() is not None
        menu = entry_menu(browser, at, entry, page, self.action_requested.emit, annotate_excerpt, passage)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(browser.viewport().mapToGlobal(at))
        return menu

    def selected_passage(self) -> tuple[str, str] | None:
        """(source id, selected words) when the Sources tab has a passage of an excerpt selected."""
        if self.detail is None:
            return None
        selected = self.pages["Sources"].textCursor().selectedText().replace("\u2029", " ")
        # The page wraps a person's words in invisible bidi isolates; a whole excerpt selected holds them.
        selected = selected.translate(ISOLATES)
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
        elif scheme == "audit":
            self.audit_requested.emit(url.path())
        elif scheme in ("http", "https"):
            self.external_link_requested.emit(url)
        elif (action := DetailAction.of(scheme)) is not None:
            self.action_requested.emit(action.value, url.path())
        # Anything else (javascript:, file:, data:) is never opened.
