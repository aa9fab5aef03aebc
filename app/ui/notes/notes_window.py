"""All notes of the workspace in one place: filter, search, read, and jump to what they are about."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.search import search_words
from app.domain.vocab import Status
from app.errors import NotFound
from app.services import notes as note_service
from app.services.details import NoteListRow
from app.services.markdown import render_markdown
from app.services.policies import all_policy_rows
from app.ui.browse.delegates import HighlightDelegate
from app.ui.common import i18n
from app.ui.detail.detail_html import Theme, esc, highlight
from app.ui.detail.detail_pane import theme_for

if TYPE_CHECKING:
    from app.services.operations import Changes
    from app.ui.main.window_context import WindowContext


class NotesWindow(QWidget):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.dialog_parent(), Qt.WindowType.Window)
        self.context = context
        self.setWindowTitle(self.tr("Notes — {workspace}").format(workspace=context.workspace.path.stem))
        self.notes: list[NoteListRow] = []
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search your notes and the passages they quote"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search notes"))
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName(self.tr("Tag"))
        self.policy_combo = QComboBox()
        self.policy_combo.setAccessibleName(self.tr("Policy"))
        self.policy_combo.setMinimumContentsLength(24)
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Changed"))
        for label, days in (
            (self.tr("Any time"), None),
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
            (self.tr("Last 365 days"), 365),
        ):
            self.period_combo.addItem(label, days)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.highlighter = HighlightDelegate(self.list)
        self.list.setItemDelegate(self.highlighter)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("The selected note"))
        self.preview.anchorClicked.connect(self._follow)
        self.count_label = QLabel()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 3)
        filters.addWidget(QLabel(self.tr("Tag")))
        filters.addWidget(self.tag_combo, 1)
        filters.addWidget(QLabel(self.tr("Policy")))
        filters.addWidget(self.policy_combo, 2)
        filters.addWidget(QLabel(self.tr("Changed")))
        filters.addWidget(self.period_combo)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addWidget(self.empty_label)
        column.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([420, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter)
        self.resize(980, 620)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.tag_combo, self.policy_combo, self.period_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.currentRowChanged.connect(self._show_note)
        self.fill_choices()
        self.reload()
        context.events.changed.connect(self.on_changed)

    def on_changed(self, changes: Changes) -> None:
        """Show an edit made anywhere: notes, and the policies, events and sources they name."""
        from app.services.operations import EntryKind

        kinds = (EntryKind.NOTE, EntryKind.POLICY, EntryKind.EVENT, EntryKind.SOURCE)
        if self.isVisible() and changes.touches(*kinds):
            self.fill_choices()
            self.reload()

    def fill_choices(self) -> None:
        """The tag and policy choices, kept when still there."""
        workspace = self.context.workspace
        for combo, everything, entries in (
            (self.tag_combo, self.tr("All tags"), [(f"#{t}", t) for t in note_service.note_tags(workspace)]),
            (
                self.policy_combo,
                self.tr("All policies"),
                [(r.title, r.slug) for r in all_policy_rows(workspace)],
            ),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for label, value in entries:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)

    def reload(self) -> None:
        self._timer.stop()
        days = self.period_combo.currentData()
        since = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%d") if days else None
        current = self.current_note()
        keep = current.id if current else None
        filters = note_service.NoteFilters(
            policy_slug=str(self.policy_combo.currentData() or ""),
            tag=str(self.tag_combo.currentData() or ""),
            search=self.search_box.text(),
            updated_from=since or "",
        )
        try:
            self.notes = note_service.list_notes(self.context.workspace, filters)
        except NotFound:  # the chosen policy went (to the trash) since the choices were filled
            self.notes = []
        self.highlighter.set_terms(search_words(self.search_box.text()))
        self.list.blockSignals(True)
        self.list.clear()
        for note in self.notes:
            first = " ".join(re.sub(r"[*_`#>\[\]]+", "", note.body or note.quote).split())[:140]
            item = QListWidgetItem(f"{note.updated_at[:10]} · {note.policy_title} — {first}")
            item.setToolTip(note.body[:500])
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.count_label.setText(self.tr("%Ln note(s)", "", len(self.notes)))
        filtered = bool(
            self.search_box.text().strip()
            or self.tag_combo.currentIndex()
            or self.policy_combo.currentIndex()
            or self.period_combo.currentIndex()
        )
        self.empty_label.setText(
            self.tr("No notes match.")
            if filtered
            else self.tr(
                "No notes yet. Select a policy and choose Edit ▸ New Note, or select a passage "
                "in a source and choose Annotate Selected Passage."
            )
        )
        self.empty_label.setVisible(not self.notes)
        self.list.setVisible(bool(self.notes))
        rows = [n.id for n in self.notes]
        self.list.setCurrentRow(rows.index(keep) if keep in rows else (0 if rows else -1))
        self._show_note(self.list.currentRow())

    def current_note(self) -> NoteListRow | None:
        row = self.list.currentRow()
        return self.notes[row] if 0 <= row < len(self.notes) else None

    def _show_note(self, row: int) -> None:
        note = self.notes[row] if 0 <= row < len(self.notes) else None
        if note is None:
            self.preview.clear()
            return
        self.preview.setHtml(
            note_page(note, search_words(self.search_box.text()), theme_for(QApplication.palette(self)))
        )

    def visible_notes(self) -> list[str]:
        return [n.body for n in self.notes]

    def _follow(self, url: QUrl) -> None:
        note = self.current_note()
        if note is None:
            return
        self.context.select_policy(note.policy_slug)
        scheme = url.scheme()
        if scheme in ("source", "event", "note"):
            self.context.follow_link(url)
        main = self.context.dialog_parent()
        main.raise_()
        main.activateWindow()


def event_label(stored: str) -> str:
    """A note's event as the notes list reads it: "24 Jan 2019 · In effect" (stored: "2019-01-24 in_effect")."""
    date, _, status = stored.partition(" ")
    try:
        return f"{i18n.display_date(date)} · {i18n.label(status, Status)}"
    except ValueError:
        return stored


def note_page(note: NoteListRow, terms: list[str], theme: Theme) -> str:
    """One note with its context and links back to its policy, event and passage."""
    links = [f'<a href="policy:{esc(note.policy_slug)}">{esc(note.policy_title)}</a>']
    if note.source_id:
        link = f'<a href="source:{esc(note.source_id)}">{esc(note.source_title)}</a>'
        links.append(QCoreApplication.translate("NotesWindow", "source {link}").format(link=link))
    if note.event_id:
        link = f'<a href="event:{esc(note.event_id)}">{esc(event_label(note.event_label))}</a>'
        links.append(QCoreApplication.translate("NotesWindow", "event {link}").format(link=link))
    quote = ""
    if note.quote:
        target = f"note:{note.id}" if not note.source_id else f"source:{note.source_id}"
        quote = (
            f'<blockquote>“{highlight(note.quote, terms, theme)}” <a href="{esc(target)}">↗</a></blockquote>'
        )
    tags = " ".join(f"#{esc(t)}" for t in note.tags)
    body = render_markdown(note.body)
    if terms:
        body = _highlight_rendered(body, terms, theme)
    context = QCoreApplication.translate("NotesWindow", "On {links}").format(links=" · ".join(links))
    dates = QCoreApplication.translate("NotesWindow", "created {created} · updated {updated}").format(
        created=esc(note.created_at[:10]), updated=esc(note.updated_at[:10])
    )
    pinned = " · " + QCoreApplication.translate("NotesWindow", "pinned") if note.pinned else ""
    return f'<p style="color:{theme.muted}">{context}<br>{dates}{pinned} {tags}</p>{quote}{body}'


def _highlight_rendered(rendered: str, terms: list[str], theme: Theme) -> str:
    """Mark search words in rendered Markdown, only in text between tags (never inside a tag)."""
    parts = re.split(r"(<[^>]+>)", rendered)
    return "".join(
        part if part.startswith("<") else highlight(html.unescape(part), terms, theme) for part in parts
    )
