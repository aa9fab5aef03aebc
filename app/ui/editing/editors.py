"""The editors: policy, status event, source, note and relation."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from app.domain.dates import DatePrecision, PartialDate
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, RelationKind, SourceKind, Status
from app.services.details import EventRow, SourceRow
from app.services.inputs import (
    MAX_SLUG,
    EventInput,
    NoteInput,
    PolicyInput,
    RelationInput,
    SourceInput,
    checked_new_policy,
)
from app.services.markdown import render_markdown
from app.ui.common import i18n
from app.ui.common.theme import mute
from app.ui.editing.form import LIST_SEPARATOR, FormDialog, combo_for, join_list, split_list, split_tags

PENDING_ROLE = Qt.ItemDataRole.UserRole + 1  # a new source's place among those added in the dialog


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def date_hint() -> str:
    return QCoreApplication.translate(
        "PolicyDialog", "YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known"
    )


class PolicyDialog(FormDialog):
    """A policy's fields; a new one also takes its first status event and a source for it."""

    def __init__(
        self, parent: QWidget | None, submit: Callable[[Any], None], current: PolicyInput | None = None
    ) -> None:
        super().__init__(parent, self.tr("Edit Policy") if current else self.tr("New Policy"), submit)
        self.is_new = current is None
        data = current or PolicyInput(title="")
        self.title_edit = self.line("title", self.tr("&Title"), data.title)
        self.slug_edit = self.line(
            "slug",
            self.tr("S&lug"),
            data.slug,
            placeholder=self.tr("made from the title"),
            hint=self.tr(
                "Up to {limit} lowercase letters, digits and hyphens; used on the command line and in links."
            ).format(limit=MAX_SLUG),
        )
        self.aliases_edit = self.line(
            "aliases",
            self.tr("&Also known as"),
            join_list(data.aliases),
            placeholder=self.tr("Other names, separated by semicolons"),
        )
        self.jurisdiction_combo = combo_for(Jurisdiction, data.jurisdiction)
        self.add_field("jurisdiction", self.tr("&Jurisdiction"), self.jurisdiction_combo)
        self.kind_combo = combo_for(PolicyKind, data.kind)
        self.add_field("kind", self.tr("&Kind"), self.kind_combo)
        self.summary_edit = self.text(
            "summary", self.tr("&Summary"), data.summary, lines=3 if self.is_new else 5
        )
        self.legal_basis_edit = self.line("legal_basis", self.tr("Legal &basis"), data.legal_basis)
        self.agencies_edit = self.line(
            "agencies",
            self.tr("A&gencies"),
            join_list(data.agencies),
            placeholder=self.tr("Separated by semicolons"),
        )
        self.tags_edit = self.line(
            "tags", self.tr("Ta&gs"), join_list(data.tags), placeholder=self.tr("Separated by semicolons")
        )
        self.last_verified_edit = self.line(
            "last_verified",
            self.tr("Last &verified"),
            data.last_verified,
            placeholder="2026-12-07",
            hint=self.tr("The day this policy's facts were last checked against sources (YYYY-MM-DD)."),
        )
        if self.is_new:
            self._first_event_fields()
        self.resize(600, self.sizeHint().height())

    def _first_event_fields(self) -> None:
        """The first status event and the source it rests on, so that one dialog makes a usable entry."""
        heading = QLabel(self.tr("<b>First status event</b> (optional: leave the date empty for none)"))
        heading.setContentsMargins(0, 8, 0, 0)
        self.form.addRow(heading)
        self.event_date_edit = self.line(
            "event_date", self.tr("Status &date"), hint=date_hint(), placeholder="2023-05-11"
        )
        self.event_status_combo = combo_for(Status, "in_effect")
        self.add_field("event_status", self.tr("Stat&us"), self.event_status_combo)
        self.source_title_edit = self.line(
            "source_title",
            self.tr("S&ource"),
            placeholder=self.tr("Title of the document or article it rests on (optional)"),
        )
        self.source_url_edit = self.line(
            "source_url", self.tr("Source &web address"), placeholder="https://…"
        )

    def collect(self) -> PolicyInput:
        return PolicyInput(
            title=self.title_edit.text(),
            slug=self.slug_edit.text(),
            aliases=split_list(self.aliases_edit.text()),
            jurisdiction=str(self.jurisdiction_combo.currentData()),
            kind=str(self.kind_combo.currentData()),
            summary=self.summary_edit.toPlainText(),
            legal_basis=self.legal_basis_edit.text(),
            agencies=split_list(self.agencies_edit.text()),
            tags=split_tags(self.tags_edit.text()),
            last_verified=self.last_verified_edit.text().strip(),
        )

    def first_event(self) -> EventInput | None:
        """The first status event entered with a new policy; None when no date is given."""
        if not self.is_new or not self.event_date_edit.text().strip():
            return None
        return EventInput(
            date=self.event_date_edit.text().strip(), status=str(self.event_status_combo.currentData())
        )

    def new_source(self) -> SourceInput | None:
        """The source entered with a new policy; None when neither its title nor its address is given."""
        if not self.is_new:
            return None
        title, url = self.source_title_edit.text().strip(), self.source_url_edit.text().strip()
        if not title and not url:
            return None
        kind = "government" if re.search(r"\.gov(\.[a-z]{2})?(/|$)", url) else "news"
        return SourceInput(title=title, url=url, kind=kind)

    def validate(self, data: PolicyInput) -> None:
        checked_new_policy(data, self.first_event(), self.new_source())


class EventDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        submit: Callable[[Any], None],
        sources: list[SourceRow],
        current: EventInput | None = None,
    ) -> None:
        super().__init__(
            parent, self.tr("Edit Status Event") if current else self.tr("New Status Event"), submit
        )
        self.pending: list[SourceInput] = []  # sources added here, written with the event
        data = current or EventInput(date="", status="in_effect")
        self.date_edit = self.line(
            "date", self.tr("&Date"), data.date, hint=date_hint(), placeholder="2023-05-11"
        )
        self.date_meaning = QLabel()
        mute(self.date_meaning)
        self.form.addRow("", self.date_meaning)
        self.date_edit.textChanged.connect(self._explain_date)
        self.status_combo = combo_for(Status, data.status)
        self.add_field("status", self.tr("&Status"), self.status_combo)
        self.description_edit = self.text("description", self.tr("D&escription"), data.description)
        self.confidence_combo = combo_for(Confidence, data.confidence)
        # A new event can leave it to the sources: confirmed when one is a government, court or
        # legislation source, else reported.
        self.confidence_combo.insertItem(0, self.tr("From the sources cited"), "")
        self.confidence_combo.setCurrentIndex(max(self.confidence_combo.findData(data.confidence), 0))
        self.add_field(
            "confidence",
            self.tr("C&onfidence"),
            self.confidence_combo,
            self.tr(
                "Confirmed: by a primary source (court, agency, statute). Reported: by secondary sources"
                " only. Unconfirmed: declared or claimed, but not confirmed."
            ),
        )
        self.disagreement_edit = self.text(
            "disagreement",
            self.tr("Disa&greement"),
            data.disagreement,
            hint=self.tr("Where sources disagree: what each says. Leave empty when they agree."),
            lines=2,
        )
        self.sources_list = QListWidget()
        for source in sources:
            item = QListWidgetItem(source.title)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            cited = source.id in data.source_ids
            item.setCheckState(Qt.CheckState.Checked if cited else Qt.CheckState.Unchecked)
            item.setToolTip(source.title)
            self.sources_list.addItem(item)
        self.sources_list.setMinimumHeight(110)
        hint = (
            self.tr("Tick the sources this event rests on.")
            if sources
            else self.tr("No sources yet: add one with New Source.")
        )
        self.add_field("sources", self.tr("&Cites"), self.sources_list, hint)
        if current is None:
            self.new_source_button = QPushButton(self.tr("&New Source…"))
            self.new_source_button.clicked.connect(self.add_source)
            self.form.addRow("", self.new_source_button)
        self._explain_date(data.date)

    def add_source(self) -> SourceDialog:
        """A new source, cited by this event; it is written with the event (one step to undo)."""

        def submit(data: SourceInput) -> None:
            data = data.validated()
            self.pending.append(data)
            item = QListWidgetItem(self.tr("{title} (new)").format(title=data.title))
            item.setData(Qt.ItemDataRole.UserRole, None)
            item.setData(PENDING_ROLE, len(self.pending) - 1)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sources_list.addItem(item)
            self.sources_list.scrollToItem(item)

        dialog = SourceDialog(self, submit, None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def pending_sources(self) -> list[SourceInput]:
        """The new sources added here and still ticked."""
        items = (self.sources_list.item(n) for n in range(self.sources_list.count()))
        return [
            self.pending[int(i.data(PENDING_ROLE))]
            for i in items
            if i.data(PENDING_ROLE) is not None and i.checkState() == Qt.CheckState.Checked
        ]

    def _explain_date(self, text: str) -> None:
        try:
            date = PartialDate.parse(text)
        except ValueError:
            self.date_meaning.setText("")
            return
        meanings = {
            DatePrecision.DAY: self.tr("{date} — known to the day"),
            DatePrecision.MONTH: self.tr("{date} — known to the month"),
            DatePrecision.YEAR: self.tr("{date} — known to the year"),
        }
        self.date_meaning.setText(meanings[date.precision].format(date=i18n.display_date(date)))

    def cited_ids(self) -> list[str]:
        items = (self.sources_list.item(n) for n in range(self.sources_list.count()))
        return [
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked and i.data(PENDING_ROLE) is None
        ]

    def collect(self) -> EventInput:
        return EventInput(
            date=self.date_edit.text().strip(),
            status=str(self.status_combo.currentData()),
            description=self.description_edit.toPlainText(),
            source_ids=self.cited_ids(),
            confidence=str(self.confidence_combo.currentData() or ""),
            disagreement=self.disagreement_edit.toPlainText(),
        )


class SourceDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        submit: Callable[[Any], None],
        current: SourceInput | None = None,
        *,
        new: bool | None = None,
    ) -> None:
        """`current`: what the fields hold at first; `new`: whether it adds a source (by default,
        when nothing is given: a new source filled from a copied web address is still new)."""
        new = current is None if new is None else new
        super().__init__(parent, self.tr("New Source") if new else self.tr("Edit Source"), submit)
        data = current or SourceInput(title="")
        self.title_edit = self.line("title", self.tr("&Title"), data.title)
        self.url_edit = self.line("url", self.tr("&Web address"), data.url, placeholder="https://…")
        self.publisher_edit = self.line("publisher", self.tr("&Publisher"), data.publisher)
        self.authors_edit = self.line(
            "authors",
            self.tr("&Authors"),
            join_list(data.authors),
            placeholder=self.tr("Separated by semicolons"),
        )
        self.published_edit = self.line("published", self.tr("&Date"), data.published, hint=date_hint())
        self.kind_combo = combo_for(SourceKind, data.kind)
        self.add_field("kind", self.tr("&Kind"), self.kind_combo)
        self.language_edit = self.line("language", self.tr("&Language"), data.language)
        self.issuer_edit = self.line(
            "issuer", self.tr("&Issuer"), data.issuer, placeholder=self.tr("Agency or court, for documents")
        )
        self.excerpts_edit = self.text(
            "excerpts",
            self.tr("&Excerpts"),
            "\n\n".join(data.excerpts),
            hint=self.tr("Exact quotations; separate them with a blank line."),
        )
        self.note_edit = self.line("note", self.tr("N&ote"), data.note)

    def collect(self) -> SourceInput:
        excerpts = [p.strip() for p in self.excerpts_edit.toPlainText().split("\n\n")]
        return SourceInput(
            title=self.title_edit.text(),
            publisher=self.publisher_edit.text(),
            authors=split_list(self.authors_edit.text()),
            published=self.published_edit.text().strip(),
            url=self.url_edit.text(),
            kind=str(self.kind_combo.currentData()),
            language=self.language_edit.text(),
            issuer=self.issuer_edit.text(),
            note=self.note_edit.text(),
            excerpts=excerpts,
        )


class NoteDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        submit: Callable[[Any], None],
        known_tags: list[str],
        events: list[EventRow],
        sources: list[SourceRow],
        current: NoteInput | None = None,
        *,
        team: bool = False,
    ) -> None:
        """`team`: a team workspace's note, which its author may share with the team."""
        super().__init__(parent, self.tr("Edit Note") if current else self.tr("New Note"), submit)
        self.data = current or NoteInput(body="")
        self.body_edit = self.text(
            "body",
            self.tr("&Note"),
            self.data.body,
            lines=8,
            hint=self.tr("Markdown: **bold**, *italic*, - lists, [links](https://…)."),
        )
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setMinimumHeight(120)
        self.add_field("preview", self.tr("Preview"), self.preview)
        self.body_edit.textChanged.connect(self._render_preview)
        self.quote_edit = self.text(
            "quote",
            self.tr("&Quoted passage"),
            self.data.quote,
            lines=2,
            hint=self.tr("Paste the exact words the note comments on."),
        )
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("(none)"), None)
        for source in sources:
            self.source_combo.addItem(_short(source.title), source.id)
        self.source_combo.setCurrentIndex(max(self.source_combo.findData(self.data.source_id), 0))
        self.add_field("source", self.tr("On &source"), self.source_combo)
        self.event_combo = QComboBox()
        self.event_combo.addItem(self.tr("(none)"), None)
        for event in events:
            label = f"{i18n.display_date(event.date)} · {i18n.label(event.status, Status)}"
            self.event_combo.addItem(label, event.id)
        self.event_combo.setCurrentIndex(max(self.event_combo.findData(self.data.event_id), 0))
        self.add_field("event", self.tr("On &event"), self.event_combo)
        self.tags_edit = self.line(
            "tags",
            self.tr("Ta&gs"),
            join_list(self.data.tags),
            placeholder=self.tr("Separated by semicolons"),
        )
        self.tag_completer = TagCompleter(known_tags, self.tags_edit)
        self.pinned_box = QCheckBox(self.tr("&Pin to the top of the policy's notes"))
        self.pinned_box.setChecked(self.data.pinned)
        self.add_field("pinned", "", self.pinned_box)
        self.shared_box = QCheckBox(self.tr("S&hare with the team (otherwise only you see this note)"))
        self.shared_box.setChecked(self.data.shared)
        if team:
            self.add_field("shared", "", self.shared_box)
        self._render_preview()
        self.resize(620, 720)

    def _render_preview(self) -> None:
        self.preview.setHtml(render_markdown(self.body_edit.toPlainText()))

    def collect(self) -> NoteInput:
        return NoteInput(
            body=self.body_edit.toPlainText(),
            tags=split_tags(self.tags_edit.text()),
            pinned=self.pinned_box.isChecked(),
            event_id=self.event_combo.currentData(),
            source_id=self.source_combo.currentData(),
            quote=self.quote_edit.toPlainText(),
            shared=self.shared_box.isChecked(),
        )


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last separator, keeping the ones before it."""

    def __init__(self, tags: list[str], edit: QLineEdit) -> None:
        super().__init__(sorted(tags), edit)
        self.edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setWidget(edit)
        edit.textEdited.connect(self._update)
        self.activated.connect(self.insert)

    def current_word(self) -> str:
        return re.split(r"[;,]", self.edit.text())[-1].strip()

    def _update(self, _text: str) -> None:
        word = self.current_word()
        self.setCompletionPrefix(word)
        if word and self.completionCount():
            self.complete()
        elif (popup := self.popup()) is not None:
            popup.hide()

    def insert(self, tag: str) -> None:
        before = split_tags(self.edit.text())
        if before and self.current_word():
            before.pop()  # the word being typed, now completed
        self.edit.setText(join_list([*before, tag]) + LIST_SEPARATOR)


class RelationDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, submit: Callable[[Any], None], policies: list[tuple[str, str]]
    ) -> None:
        super().__init__(parent, self.tr("New Relation"), submit)
        self.kind_combo = combo_for(RelationKind, "related_to")
        self.add_field("kind", self.tr("&This policy"), self.kind_combo)
        self.target_combo = QComboBox()
        for policy_id, title in policies:
            self.target_combo.addItem(title, policy_id)
        self.add_field("target", self.tr("&Other policy"), self.target_combo)
        self.note_edit = self.line("note", self.tr("N&ote"), "")

    def validate(self, data: RelationInput) -> None:
        data.validated("")  # relating a policy to itself is checked on saving

    def collect(self) -> RelationInput:
        return RelationInput(
            kind=str(self.kind_combo.currentData()),
            target_id=str(self.target_combo.currentData() or ""),
            note=self.note_edit.text(),
        )
