"""Editing from the window: the actions, the editors they open, and the undo stack."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QUndoView, QVBoxLayout

from app.domain.vocab import RelationKind
from app.errors import EditConflict, UserError
from app.lazy import lazy_import
from app.services import policies
from app.services.inputs import (
    EventInput,
    NoteInput,
    PolicyInput,
    RelationInput,
    SourceInput,
    checked_new_policy,
)
from app.services.kinds import TrashKind
from app.ui.common.i18n import display_date, label
from app.ui.detail.actions import DetailAction
from app.ui.editing import commands
from app.ui.editing.conflict import ConflictDialog
from app.ui.editing.editors import EventDialog, NoteDialog, PolicyDialog, RelationDialog, SourceDialog
from app.ui.editing.feedback import EditFeedback
from app.ui.editing.form import AwaitingConfirmation
from app.ui.editing.pick_source import PickSourceDialog
from app.ui.editing.trash import TrashDialog
from app.ui.main.actions import MainAction, declare, make_action

# The ORM loads on the first edit, not while the window first paints.
if TYPE_CHECKING:  # the types; at run time the modules load when first used
    from app.services import editing, operations
else:
    editing = lazy_import("app.services.editing")
    operations = lazy_import("app.services.operations")

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.services.operations import Op
    from app.ui.main.window_context import WindowContext

A = MainAction
URL_PATTERN = re.compile(r"^https?://\S+$", re.IGNORECASE)


class EditController(QObject):
    """The editing actions and the undo stack. Each edit runs a service operation and pushes it, as
    an `OperationCommand`, onto the stack, which announces what it changed on `events.changed`."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.dialog_parent())
        self.context = context
        self.dialog_parent = context.dialog_parent()  # dialogs it opens belong to the window
        self.stack = QUndoStack(self)
        self.undo_action = declare(
            self.stack.createUndoAction(self, self.tr("&Undo")), A.UNDO, keep_text=True
        )
        self.redo_action = declare(
            self.stack.createRedoAction(self, self.tr("&Redo")), A.REDO, keep_text=True
        )
        self.new_policy_action = make_action(self, A.NEW_POLICY, self.new_policy)
        self.edit_policy_action = make_action(self, A.EDIT_POLICY, self.edit_policy)
        self.delete_policy_action = make_action(self, A.TRASH_POLICY, self.trash_policy)
        self.new_event_action = make_action(self, A.NEW_EVENT, self.new_event)
        self.new_source_action = make_action(self, A.NEW_SOURCE, self.new_source)
        self.link_source_action = make_action(self, A.LINK_SOURCE, self.link_source)
        self.new_note_action = make_action(self, A.NEW_NOTE, self.new_note)
        self.annotate_action = make_action(self, A.ANNOTATE, self.annotate_selection)
        self.new_relation_action = make_action(self, A.NEW_RELATION, self.new_relation)
        self.trash_action = make_action(self, A.SHOW_TRASH, self.show_trash)
        self.history_action = make_action(self, A.HISTORY, self.show_history)
        self.per_policy = [
            self.edit_policy_action,
            self.delete_policy_action,
            self.new_event_action,
            self.new_note_action,
            self.new_relation_action,
            self.link_source_action,
            self.annotate_action,
        ]
        self.feedback = EditFeedback(self.stack)  # the window puts it in its status bar
        self.writable = True  # False while the workspace is read-only or damaged
        context.events.selected.connect(lambda _slug: self.update_enabled())

    # Helpers ----------------------------------------------------------------------
    @property
    def ws(self) -> Any:
        return self.context.workspace

    def update_enabled(self) -> None:
        has_policy = self.context.selected_row() is not None
        for action in self.per_policy:
            action.setEnabled(has_policy and self.writable)

    def set_writable(self, writable: bool) -> None:
        """Turn every way of changing the workspace on or off (off: read-only media, damage)."""
        if writable == self.writable:
            return
        self.writable = writable
        for action in (self.new_policy_action, self.new_source_action, self.trash_action):
            action.setEnabled(writable)
        if not writable:
            # Undo and redo would write too. Later, not now: this may run inside the stack's own
            # undo or redo (a write that found damage), where clearing it would pull the rug.
            QTimer.singleShot(0, self.stack.clear)
        self.update_enabled()

    def _refuse_if_read_only(self) -> bool:
        if self.writable:
            return False
        self.context.report_error(self.context.write_block())
        return True

    def _selected_id(self) -> str | None:
        row = self.context.selected_row()
        return row.id if row else None

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def push(self, text: str, done: Op[Any]) -> None:
        """Put an operation that has run on the undo stack; pushing it announces what it changed."""
        with self.feedback.pushing():
            self.stack.push(commands.OperationCommand(self.context, text, done))

    def run(self, text: str, operation: Callable[[], Op[Any]]) -> None:
        """Run an operation asked for without a dialog; a failure is reported, not raised."""
        try:
            done = operation()
        except UserError as error:
            self.context.report_error(str(error))
            return
        self.push(text, done)

    def save_edit(
        self,
        editor: QDialog,
        kind: str,
        entry_id: str,
        text: str,
        mine: Any,
        save: Callable[[Any, int | None], Op[Any]],
        read_theirs: Callable[[], Any],
        version: int | None,
    ) -> None:
        """Save an edit made in `editor`; if someone else saved the entry since it was read, show both
        versions and let the person keep theirs or take the other (the editor stays open meanwhile)."""
        try:
            self.push(text, save(mine, version))
        except EditConflict as conflict:
            theirs = read_theirs()

            def keep_mine() -> None:
                try:
                    self.push(text, save(mine, editing.entry_version(self.ws, kind, entry_id)))
                except UserError as error:
                    self.context.report_error(str(error))
                    return
                editor.accept()

            def take_theirs() -> None:
                editor.reject()
                self.context.report(self.tr("Your changes were dropped; their version is kept"))

            box = ConflictDialog(editor, str(conflict), mine, theirs, keep_mine, take_theirs)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            raise AwaitingConfirmation from None

    # Policies -----------------------------------------------------------------------
    def new_policy(self) -> QDialog:
        """A new policy, with its first status event and the source it rests on when they are given."""

        def submit(data: PolicyInput) -> None:
            # Errors such as a taken slug are the dialog's to show.
            data, first, source = checked_new_policy(data, dialog.first_event(), dialog.new_source())
            self.push(
                commands.add_policy_text(data),
                operations.add_policy_with_history(self.ws, data, first, source),
            )

        dialog = PolicyDialog(self.dialog_parent, submit)
        return self._open(dialog)

    def edit_policy(self) -> QDialog | None:
        policy_id = self._selected_id()
        if policy_id is None:
            return None
        before = editing.policy_input(self.ws, policy_id)
        # In a team workspace: saving over a change someone else made meanwhile is refused in words.
        version = editing.entry_version(self.ws, "policy", policy_id)

        def submit(data: PolicyInput) -> None:
            after = data.validated()
            if after != before:
                self.save_edit(
                    dialog,
                    "policy",
                    policy_id,
                    commands.edit_policy_text(after),
                    after,
                    lambda data, at: operations.edit_policy(self.ws, policy_id, data, expected_version=at),
                    lambda: editing.policy_input(self.ws, policy_id),
                    version,
                )

        dialog = self._open(PolicyDialog(self.dialog_parent, submit, before))
        return dialog

    def trash_policy(self) -> QMessageBox | None:
        row = self.context.selected_row()
        if row is None:
            return None
        contents = editing.policy_contents(self.ws, row.id)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete Policy"),
            self.tr("Move “{title}” to the trash?").format(title=row.title),
            parent=self.dialog_parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a title is shown as written, never as markup
        box.setInformativeText(self._describe_contents(contents))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Move to Trash"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self.run(
                    commands.trash_text(TrashKind.POLICY, row.title),
                    lambda: operations.set_trashed(self.ws, TrashKind.POLICY, row.id, True),
                )

        box.finished.connect(answered)
        box.open()
        return box

    def _describe_contents(self, contents: Any) -> str:
        parts = [
            self.tr("%n status event(s)", "", contents.events) if contents.events else "",
            self.tr("%n note(s)", "", contents.notes) if contents.notes else "",
            self.tr("%n figure(s)", "", contents.figures) if contents.figures else "",
        ]
        named = ", ".join(part for part in parts if part)
        if not named:
            return self.tr("Nothing else goes with it. You can restore it from File ▸ Trash, or undo.")
        return self.tr("Its {contents} go with it. You can restore them from File ▸ Trash, or undo.").format(
            contents=named
        )

    # Status events ----------------------------------------------------------------------
    def _policy_sources(self, policy_id: str) -> list[Any]:
        detail = policies.policy_detail(self.ws, policy_id)
        return detail.sources if detail else []

    def _confirm_early_date(self, data: EventInput, then: Any) -> None:
        """An event before the policy's first one is allowed, but only after the person confirms."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Earlier Than the History"),
            self.tr("{date} is before this policy's first event. Add it anyway?").format(
                date=display_date(data.date)
            ),
            parent=self.dialog_parent,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.finished.connect(lambda button: then() if button == QMessageBox.StandardButton.Yes else None)
        box.open()

    def new_event(self) -> QDialog | None:
        policy_id = self._selected_id()
        if policy_id is None:
            return None

        def submit(data: EventInput) -> None:
            data = data.validated()
            new_sources = dialog.pending_sources()  # written with the event: one step to undo

            def operation() -> Op[Any]:
                if new_sources:
                    return operations.add_event_citing_new_sources(self.ws, policy_id, data, new_sources)
                return operations.add_event(self.ws, policy_id, data)

            def add() -> None:
                self.run(commands.add_event_text(data), operation)
                dialog.accept()

            if editing.precedes_history(self.ws, policy_id, data.date):
                self._confirm_early_date(data, add)
                raise AwaitingConfirmation
            self.push(commands.add_event_text(data), operation())

        dialog = EventDialog(self.dialog_parent, submit, self._policy_sources(policy_id))
        return self._open(dialog)

    def edit_event(self, event_id: str) -> QDialog:
        policy_id = editing.policy_of(self.ws, TrashKind.EVENT, event_id)
        before = editing.event_input(self.ws, event_id)
        version = editing.entry_version(self.ws, "event", event_id)

        def submit(data: EventInput) -> None:
            after = data.validated()
            if after != before:
                self.save_edit(
                    dialog,
                    "event",
                    event_id,
                    commands.edit_event_text(after),
                    after,
                    lambda data, at: operations.edit_event(self.ws, event_id, data, expected_version=at),
                    lambda: editing.event_input(self.ws, event_id),
                    version,
                )

        dialog = self._open(EventDialog(self.dialog_parent, submit, self._policy_sources(policy_id), before))
        return dialog

    def trash_event(self, event_id: str) -> None:
        status = editing.event_input(self.ws, event_id).status
        self.run(
            commands.trash_text(TrashKind.EVENT, commands.status_label(status)),
            lambda: operations.set_trashed(self.ws, TrashKind.EVENT, event_id, True),
        )

    # Sources ------------------------------------------------------------------------------
    def new_source(self, url: str = "") -> QDialog:
        policy_id = self._selected_id()
        clipboard = QGuiApplication.clipboard().text().strip()
        prefill = url or (clipboard if URL_PATTERN.match(clipboard) else "")

        def submit(data: SourceInput) -> None:
            data = data.validated()
            self.push(commands.add_source_text(data), operations.add_source(self.ws, data, policy_id))

        filled = SourceInput(title="", url=prefill) if prefill else None
        return self._open(SourceDialog(self.dialog_parent, submit, filled, new=True))

    def add_dropped_url(self, policy_id: str, url: str) -> None:
        """A web address dropped on a policy becomes one of its sources, titled by its address."""
        if self._refuse_if_read_only():
            return
        title = re.sub(r"^https?://(www\\.)?", "", url).rstrip("/")[:200] or url
        data = SourceInput(title=title, url=url, kind="news").validated()
        self.run(commands.add_source_text(data), lambda: operations.add_source(self.ws, data, policy_id))

    def edit_source(self, source_id: str) -> QDialog:
        before = editing.source_input(self.ws, source_id)
        version = editing.entry_version(self.ws, "source", source_id)

        def submit(data: SourceInput) -> None:
            after = data.validated()
            if after != before:
                self.save_edit(
                    dialog,
                    "source",
                    source_id,
                    commands.edit_source_text(after),
                    after,
                    lambda data, at: operations.edit_source(self.ws, source_id, data, expected_version=at),
                    lambda: editing.source_input(self.ws, source_id),
                    version,
                )

        dialog = self._open(SourceDialog(self.dialog_parent, submit, before))
        return dialog

    def link_source(self) -> QDialog | None:
        policy_id = self._selected_id()
        if policy_id is None:
            return None
        linked = {s.id for s in self._policy_sources(policy_id)}
        choices = [s for s in policies.all_sources(self.ws) if s.id not in linked]

        def submit(source_id: str) -> None:
            title = next(s.title for s in choices if s.id == source_id)
            self.push(commands.link_source_text(title), operations.link_source(self.ws, policy_id, source_id))

        return self._open(PickSourceDialog(self.dialog_parent, submit, choices))

    def unlink_source(self, source_id: str) -> None:
        policy_id = self._selected_id()
        if policy_id is None:
            return
        title = editing.source_input(self.ws, source_id).title
        self.run(
            commands.unlink_source_text(title),
            lambda: operations.unlink_source(self.ws, policy_id, source_id),
        )

    def trash_source(self, source_id: str) -> None:
        title = editing.source_input(self.ws, source_id).title
        self.run(
            commands.trash_text(TrashKind.SOURCE, title),
            lambda: operations.set_trashed(self.ws, TrashKind.SOURCE, source_id, True),
        )

    # Notes -------------------------------------------------------------------------------------
    def _note_dialog(self, policy_id: str, submit: Any, current: NoteInput | None) -> QDialog:
        detail = policies.policy_detail(self.ws, policy_id)
        events = detail.events if detail else []
        sources = detail.sources if detail else []
        return self._open(
            NoteDialog(
                self.dialog_parent,
                submit,
                policies.all_tags(self.ws),
                events,
                sources,
                current,
                team=self.ws.is_team,
            )
        )

    def new_note(self, prefill: NoteInput | None = None) -> QDialog | None:
        """A new note on the selected policy; `prefill` carries a quoted passage and its source."""
        policy_id = self._selected_id()
        if policy_id is None:
            return None

        def submit(data: NoteInput) -> None:
            data = data.validated()
            self.push(commands.add_note_text(data), operations.add_note(self.ws, policy_id, data))

        dialog = self._note_dialog(policy_id, submit, None)
        if prefill is not None:
            assert isinstance(dialog, NoteDialog)
            dialog.quote_edit.setPlainText(prefill.quote)
            dialog.source_combo.setCurrentIndex(max(dialog.source_combo.findData(prefill.source_id), 0))
            dialog.setWindowTitle(self.tr("Annotate Passage"))
            dialog.body_edit.setFocus()
        return dialog

    def annotate_selection(self) -> QDialog | None:
        """A note on the passage selected in the Sources tab, attached to the source it is quoted from."""
        passage = self.context.selected_passage()
        if passage is None:
            self.context.report_error(self.tr("Select a passage in a source's excerpt first"))
            return None
        source_id, quote = passage
        return self.new_note(NoteInput(body="", quote=quote, source_id=source_id))

    def edit_note(self, note_id: str) -> QDialog:
        policy_id = editing.policy_of(self.ws, TrashKind.NOTE, note_id)
        before = editing.note_input(self.ws, note_id)
        version = editing.entry_version(self.ws, "note", note_id)

        def submit(data: NoteInput) -> None:
            after = data.validated()
            if after != before:
                self.save_edit(
                    dialog,
                    "note",
                    note_id,
                    commands.edit_note_text(after),
                    after,
                    lambda data, at: operations.edit_note(self.ws, note_id, data, expected_version=at),
                    lambda: editing.note_input(self.ws, note_id),
                    version,
                )

        dialog = self._note_dialog(policy_id, submit, before)
        return dialog

    def trash_note(self, note_id: str) -> None:
        data = editing.note_input(self.ws, note_id)
        self.run(
            commands.trash_text(TrashKind.NOTE, commands.note_name(data)),
            lambda: operations.set_trashed(self.ws, TrashKind.NOTE, note_id, True),
        )

    # Relations ----------------------------------------------------------------------------------
    def new_relation(self) -> QDialog | None:
        row = self.context.selected_row()
        if row is None:
            return None
        others = [(r.id, r.title) for r in self.context.all_rows() if r.id != row.id]

        def submit(data: RelationInput) -> None:
            data = data.validated(row.id)
            other = next(title for pid, title in others if pid == data.target_id)
            text = f"{label(RelationKind(data.kind))} {other}"
            self.push(commands.add_relation_text(text), operations.add_relation(self.ws, row.id, data))

        return self._open(RelationDialog(self.dialog_parent, submit, others))

    def delete_relation(self, relation_ids: str) -> None:
        """Remove a relation as the pane shows it: one, or the same one stored both ways ("id,id")."""
        ids = [i for i in relation_ids.split(",") if i]
        row = self.context.selected_row()
        detail = policies.policy_detail(self.ws, row.id) if row else None
        text = next(
            (
                f"{label(RelationKind(r.kind))} {r.other_title}"
                for r in (detail.relations if detail else [])
                if r.id in ids
            ),
            self.tr("relation"),
        )
        self.run(commands.delete_relation_text(text), lambda: operations.delete_relations(self.ws, ids))

    # Trash and history ----------------------------------------------------------------------------
    def show_trash(self) -> TrashDialog:
        dialog = TrashDialog(self.dialog_parent, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_history(self) -> QDialog:
        dialog = QDialog(self.dialog_parent)
        dialog.setWindowTitle(self.tr("Undo History"))
        layout = QVBoxLayout(dialog)
        view = QUndoView(self.stack)
        view.setEmptyLabel(self.tr("Opened workspace"))
        view.setAccessibleName(self.tr("Undo history"))
        layout.addWidget(view)
        dialog.resize(380, 420)
        dialog.show()
        return dialog

    # Links in the detail pane ------------------------------------------------------------------------
    def detail_handlers(self) -> dict[DetailAction, Callable[[str], object]]:
        """What each action of the detail pane does, given its target (an entry id, or "")."""
        return {
            DetailAction.EDIT_POLICY: lambda _t: self.edit_policy(),
            DetailAction.TRASH_POLICY: lambda _t: self.trash_policy(),
            DetailAction.ADD_RELATION: lambda _t: self.new_relation(),
            DetailAction.DELETE_RELATION: self.delete_relation,
            DetailAction.ADD_EVENT: lambda _t: self.new_event(),
            DetailAction.EDIT_EVENT: self.edit_event,
            DetailAction.TRASH_EVENT: self.trash_event,
            DetailAction.ADD_SOURCE: lambda _t: self.new_source(),
            DetailAction.LINK_SOURCE: lambda _t: self.link_source(),
            DetailAction.EDIT_SOURCE: self.edit_source,
            DetailAction.UNLINK_SOURCE: self.unlink_source,
            DetailAction.TRASH_SOURCE: self.trash_source,
            DetailAction.ADD_NOTE: lambda _t: self.new_note(),
            DetailAction.ANNOTATE: lambda _t: self.annotate_selection(),
            DetailAction.EDIT_NOTE: self.edit_note,
            DetailAction.TRASH_NOTE: self.trash_note,
        }

    def on_detail_action(self, action: str, target: str) -> None:
        handlers = self.detail_handlers()
        if self._refuse_if_read_only():
            return
        try:
            handlers[DetailAction(action)](target)
        except UserError as error:
            self.context.report_error(str(error))
