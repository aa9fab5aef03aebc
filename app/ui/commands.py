"""Every edit is an undo command: pushing it performs it, and undo takes it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.domain.vocab import Status
from app.errors import UserError
from app.lazy import lazy_import
from app.services.inputs import EventInput, NoteInput, PolicyInput, RelationInput, SourceInput
from app.services.workspace import Workspace
from app.ui.i18n import label as vocabulary_label

# The ORM loads on the first edit, not while the window first paints.
if TYPE_CHECKING:  # the types; at run time the module loads when first used
    from app.services import editing
else:
    editing = lazy_import("app.services.editing")
translate = QCoreApplication.translate


class EditHost(Protocol):
    """What commands need from the window: the workspace, and a way to show what changed."""

    workspace: Workspace

    def after_change(self, policy_ids: set[str], focus: str | None = None) -> None: ...

    def report_error(self, message: str) -> None: ...


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ServiceCommand(QUndoCommand):
    """Runs a service call; a failure (say, the entry was removed elsewhere) drops the command."""

    def __init__(self, host: EditHost, text: str) -> None:
        super().__init__(text)
        self.host = host
        self.ws = host.workspace
        self.failed: str | None = None

    def _run(self, action: Callable[[], set[str]], focus: str | None = None) -> None:
        try:
            changed = action()
        except UserError as error:
            self.failed = str(error)
            self.setObsolete(True)
            self.host.report_error(str(error))
            return
        self.host.after_change(changed, focus)


class AddPolicyCommand(ServiceCommand):
    def __init__(self, host: EditHost, data: PolicyInput) -> None:
        super().__init__(host, translate("UndoCommand", "Add policy ‘{name}’").format(name=short(data.title)))
        self.data = data
        self.policy_id: str | None = None

    def create(self) -> None:
        """Create now (so the dialog can show errors such as a taken slug); redo recreates it."""
        self.policy_id, slug = editing.create_policy(self.ws, self.data)
        self.data = PolicyInput(**{**self.data.__dict__, "slug": slug})

    def redo(self) -> None:
        if self.policy_id is None:
            self.create()
        elif editing.policy_exists(self.ws, self.policy_id):
            pass  # the first redo, right after create()
        else:
            editing.create_policy(self.ws, self.data, self.policy_id)
        self.host.after_change({self.policy_id}, self.data.slug)

    def undo(self) -> None:
        assert self.policy_id is not None
        policy_id = self.policy_id
        self._run(lambda: (editing.purge_policy(self.ws, policy_id, with_notes=False), {policy_id})[1])


class EditPolicyCommand(ServiceCommand):
    def __init__(self, host: EditHost, policy_id: str, before: PolicyInput, after: PolicyInput) -> None:
        super().__init__(
            host, translate("UndoCommand", "Edit policy ‘{name}’").format(name=short(after.title))
        )
        self.policy_id, self.before, self.after = policy_id, before, after

    def _apply(self, data: PolicyInput) -> None:
        self._run(
            lambda: (editing.update_policy(self.ws, self.policy_id, data), {self.policy_id})[1],
            data.slug or None,
        )

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


def status_label(status: str) -> str:
    try:
        return vocabulary_label(Status.parse(status))
    except ValueError:
        return status


class AddEventCommand(ServiceCommand):
    def __init__(self, host: EditHost, policy_id: str, data: EventInput) -> None:
        super().__init__(
            host, translate("UndoCommand", "Add status event ‘{name}’").format(name=status_label(data.status))
        )
        self.policy_id, self.data = policy_id, data
        self.event_id: str | None = None

    def redo(self) -> None:
        def add() -> set[str]:
            self.event_id = editing.add_event(self.ws, self.policy_id, self.data, self.event_id)
            return {self.policy_id}

        self._run(add)

    def undo(self) -> None:
        assert self.event_id is not None
        event_id = self.event_id
        self._run(lambda: (editing.purge_event(self.ws, event_id), {self.policy_id})[1])


class EditEventCommand(ServiceCommand):
    def __init__(
        self, host: EditHost, policy_id: str, event_id: str, before: EventInput, after: EventInput
    ) -> None:
        super().__init__(
            host,
            translate("UndoCommand", "Edit status event ‘{name}’").format(name=status_label(after.status)),
        )
        self.policy_id, self.event_id, self.before, self.after = policy_id, event_id, before, after

    def redo(self) -> None:
        self._run(lambda: (editing.update_event(self.ws, self.event_id, self.after), {self.policy_id})[1])

    def undo(self) -> None:
        self._run(lambda: (editing.update_event(self.ws, self.event_id, self.before), {self.policy_id})[1])


class AddSourceCommand(ServiceCommand):
    def __init__(self, host: EditHost, policy_id: str | None, data: SourceInput) -> None:
        super().__init__(host, translate("UndoCommand", "Add source ‘{name}’").format(name=short(data.title)))
        self.policy_id, self.data = policy_id, data
        self.source_id: str | None = None

    def _policies(self) -> set[str]:
        return {self.policy_id} if self.policy_id else set()

    def redo(self) -> None:
        def add() -> set[str]:
            self.source_id = editing.add_source(self.ws, self.data, self.policy_id, self.source_id)
            return self._policies()

        self._run(add)

    def undo(self) -> None:
        assert self.source_id is not None
        source_id = self.source_id
        self._run(lambda: (editing.purge_source(self.ws, source_id), self._policies())[1])


class EditSourceCommand(ServiceCommand):
    def __init__(self, host: EditHost, source_id: str, before: SourceInput, after: SourceInput) -> None:
        super().__init__(
            host, translate("UndoCommand", "Edit source ‘{name}’").format(name=short(after.title))
        )
        self.source_id, self.before, self.after = source_id, before, after

    def _apply(self, data: SourceInput) -> None:
        def update() -> set[str]:
            editing.update_source(self.ws, self.source_id, data)
            return editing.policies_of_source(self.ws, self.source_id)

        self._run(update)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class LinkSourceCommand(ServiceCommand):
    def __init__(self, host: EditHost, policy_id: str, source_id: str, title: str) -> None:
        super().__init__(host, translate("UndoCommand", "Link source ‘{name}’").format(name=short(title)))
        self.policy_id, self.source_id = policy_id, source_id

    def redo(self) -> None:
        self._run(lambda: (editing.link_source(self.ws, self.policy_id, self.source_id), {self.policy_id})[1])

    def undo(self) -> None:
        self._run(
            lambda: (editing.unlink_source(self.ws, self.policy_id, self.source_id), {self.policy_id})[1]
        )


class UnlinkSourceCommand(ServiceCommand):
    def __init__(self, host: EditHost, policy_id: str, source_id: str, title: str) -> None:
        super().__init__(host, translate("UndoCommand", "Unlink source ‘{name}’").format(name=short(title)))
        self.policy_id, self.source_id = policy_id, source_id

    def redo(self) -> None:
        self._run(
            lambda: (editing.unlink_source(self.ws, self.policy_id, self.source_id), {self.policy_id})[1]
        )

    def undo(self) -> None:
        self._run(lambda: (editing.link_source(self.ws, self.policy_id, self.source_id), {self.policy_id})[1])


class AddNoteCommand(ServiceCommand):
    def __init__(self, host: EditHost, policy_id: str, data: NoteInput) -> None:
        super().__init__(
            host,
            translate("UndoCommand", "Add note ‘{name}’").format(name=short(data.body or data.quote, 30)),
        )
        self.policy_id, self.data = policy_id, data
        self.note_id: str | None = None

    def redo(self) -> None:
        def add() -> set[str]:
            self.note_id = editing.add_note(self.ws, self.policy_id, self.data, self.note_id)
            return {self.policy_id}

        self._run(add)

    def undo(self) -> None:
        assert self.note_id is not None
        note_id = self.note_id
        self._run(lambda: (editing.purge_note(self.ws, note_id), {self.policy_id})[1])


class EditNoteCommand(ServiceCommand):
    def __init__(
        self, host: EditHost, policy_id: str, note_id: str, before: NoteInput, after: NoteInput
    ) -> None:
        super().__init__(
            host,
            translate("UndoCommand", "Edit note ‘{name}’").format(name=short(after.body or after.quote, 30)),
        )
        self.policy_id, self.note_id, self.before, self.after = policy_id, note_id, before, after

    def redo(self) -> None:
        self._run(lambda: (editing.update_note(self.ws, self.note_id, self.after), {self.policy_id})[1])

    def undo(self) -> None:
        self._run(lambda: (editing.update_note(self.ws, self.note_id, self.before), {self.policy_id})[1])


class AddRelationCommand(ServiceCommand):
    def __init__(self, host: EditHost, from_id: str, data: RelationInput, label: str) -> None:
        super().__init__(host, translate("UndoCommand", "Add relation ‘{name}’").format(name=short(label)))
        self.from_id, self.data = from_id, data
        self.relation_id: str | None = None

    def redo(self) -> None:
        def add() -> set[str]:
            self.relation_id = editing.add_relation(self.ws, self.from_id, self.data, self.relation_id)
            return {self.from_id, self.data.target_id}

        self._run(add)

    def undo(self) -> None:
        assert self.relation_id is not None
        relation_id = self.relation_id
        self._run(
            lambda: (editing.delete_relation(self.ws, relation_id), {self.from_id, self.data.target_id})[1]
        )


class DeleteRelationCommand(ServiceCommand):
    def __init__(self, host: EditHost, relation_id: str, label: str) -> None:
        super().__init__(host, translate("UndoCommand", "Delete relation ‘{name}’").format(name=short(label)))
        self.relation_id = relation_id
        self.record: editing.RelationRecord | None = None

    def redo(self) -> None:
        def delete() -> set[str]:
            self.record = editing.delete_relation(self.ws, self.relation_id)
            return {self.record.from_id, self.record.data.target_id}

        self._run(delete)

    def undo(self) -> None:
        record = self.record
        assert record is not None
        self._run(
            lambda: (
                editing.add_relation(self.ws, record.from_id, record.data, record.id),
                {record.from_id, record.data.target_id},
            )[1]
        )


# Whole phrases, not a verb and a noun, so each language can order and inflect its own.
TRASH_TEXTS = {
    ("policy", False): QT_TRANSLATE_NOOP("UndoCommand", "Delete policy ‘{name}’"),
    ("event", False): QT_TRANSLATE_NOOP("UndoCommand", "Delete status event ‘{name}’"),
    ("source", False): QT_TRANSLATE_NOOP("UndoCommand", "Delete source ‘{name}’"),
    ("note", False): QT_TRANSLATE_NOOP("UndoCommand", "Delete note ‘{name}’"),
    ("policy", True): QT_TRANSLATE_NOOP("UndoCommand", "Restore policy ‘{name}’"),
    ("event", True): QT_TRANSLATE_NOOP("UndoCommand", "Restore status event ‘{name}’"),
    ("source", True): QT_TRANSLATE_NOOP("UndoCommand", "Restore source ‘{name}’"),
    ("note", True): QT_TRANSLATE_NOOP("UndoCommand", "Restore note ‘{name}’"),
}


class TrashCommand(ServiceCommand):
    """Move an entry to the trash; with `restore`, bring it back from there. Undo does the opposite."""

    def __init__(
        self, host: EditHost, kind: str, entry_id: str, label: str, *, restore: bool = False
    ) -> None:
        super().__init__(host, translate("UndoCommand", TRASH_TEXTS[kind, restore]).format(name=short(label)))
        self.kind, self.entry_id, self.restore = kind, entry_id, restore

    def _set(self, trashed: bool) -> None:
        def change() -> set[str]:
            editing.set_trashed(self.ws, self.kind, self.entry_id, trashed)
            return editing.policies_of_entry(self.ws, self.kind, self.entry_id)

        self._run(change)

    def redo(self) -> None:
        self._set(not self.restore)

    def undo(self) -> None:
        self._set(self.restore)
