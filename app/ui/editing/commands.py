"""Every edit is an undo command over a service operation: pushing it announces what the operation
changed, undo runs the operation's inverse, redo the inverse of that (see app.services.operations)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.domain.vocab import Status
from app.errors import UserError
from app.services.inputs import EventInput, NoteInput, PolicyInput, SourceInput
from app.services.kinds import TrashKind
from app.ui.common.i18n import label as vocabulary_label

# The ORM loads on the first edit, not while the window first paints.
if TYPE_CHECKING:
    from app.services.operations import Op
    from app.ui.main.window_context import WorkspaceEvents

translate = QCoreApplication.translate


class EditHost(Protocol):
    """What commands need from the window: the "changed" signal, and a way to report a failure."""

    @property
    def events(self) -> WorkspaceEvents: ...

    def report_error(self, message: str) -> None: ...


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class OperationCommand(QUndoCommand):
    """An operation already done, on the undo stack. The first redo (the push) only announces
    what it changed; undo and redo run the inverse operations and announce theirs. A failure (say,
    the entry was removed elsewhere) is reported and drops the command."""

    def __init__(self, host: EditHost, text: str, done: Op[Any]) -> None:
        super().__init__(text)
        self.host = host
        self.failed: str | None = None
        self._announce_only = True
        self._latest = done  # the operation last run: its undo takes it back

    def _run(self, step: Callable[[], Op[Any]]) -> None:
        try:
            self._latest = step()
        except UserError as error:
            self.failed = str(error)
            self.setObsolete(True)
            self.host.report_error(str(error))
            return
        self.host.events.changed.emit(self._latest.changes)

    def redo(self) -> None:
        if self._announce_only:
            self._announce_only = False
            self.host.events.changed.emit(self._latest.changes)
            return
        self._run(self._latest.undo)

    def undo(self) -> None:
        self._run(self._latest.undo)


# What the undo history calls each edit. Whole phrases, so each language can order its own.
def add_policy_text(data: PolicyInput) -> str:
    return translate("UndoCommand", "Add policy ‘{name}’").format(name=short(data.title))


def edit_policy_text(data: PolicyInput) -> str:
    return translate("UndoCommand", "Edit policy ‘{name}’").format(name=short(data.title))


def status_label(status: str) -> str:
    try:
        return vocabulary_label(Status.parse(status))
    except ValueError:
        return status


def add_event_text(data: EventInput) -> str:
    return translate("UndoCommand", "Add status event ‘{name}’").format(name=status_label(data.status))


def edit_event_text(data: EventInput) -> str:
    return translate("UndoCommand", "Edit status event ‘{name}’").format(name=status_label(data.status))


def add_source_text(data: SourceInput) -> str:
    return translate("UndoCommand", "Add source ‘{name}’").format(name=short(data.title))


def edit_source_text(data: SourceInput) -> str:
    return translate("UndoCommand", "Edit source ‘{name}’").format(name=short(data.title))


def link_source_text(title: str) -> str:
    return translate("UndoCommand", "Link source ‘{name}’").format(name=short(title))


def unlink_source_text(title: str) -> str:
    return translate("UndoCommand", "Unlink source ‘{name}’").format(name=short(title))


def add_note_text(data: NoteInput) -> str:
    return translate("UndoCommand", "Add note ‘{name}’").format(name=short(data.body or data.quote, 30))


def edit_note_text(data: NoteInput) -> str:
    return translate("UndoCommand", "Edit note ‘{name}’").format(name=short(data.body or data.quote, 30))


def add_relation_text(label: str) -> str:
    return translate("UndoCommand", "Add relation ‘{name}’").format(name=short(label))


def delete_relation_text(label: str) -> str:
    return translate("UndoCommand", "Delete relation ‘{name}’").format(name=short(label))


# Whole phrases, not a verb and a noun, so each language can order and inflect its own.
TRASH_TEXTS = {
    (TrashKind.POLICY, False): QT_TRANSLATE_NOOP("UndoCommand", "Delete policy ‘{name}’"),
    (TrashKind.EVENT, False): QT_TRANSLATE_NOOP("UndoCommand", "Delete status event ‘{name}’"),
    (TrashKind.SOURCE, False): QT_TRANSLATE_NOOP("UndoCommand", "Delete source ‘{name}’"),
    (TrashKind.NOTE, False): QT_TRANSLATE_NOOP("UndoCommand", "Delete note ‘{name}’"),
    (TrashKind.POLICY, True): QT_TRANSLATE_NOOP("UndoCommand", "Restore policy ‘{name}’"),
    (TrashKind.EVENT, True): QT_TRANSLATE_NOOP("UndoCommand", "Restore status event ‘{name}’"),
    (TrashKind.SOURCE, True): QT_TRANSLATE_NOOP("UndoCommand", "Restore source ‘{name}’"),
    (TrashKind.NOTE, True): QT_TRANSLATE_NOOP("UndoCommand", "Restore note ‘{name}’"),
}


def trash_text(kind: TrashKind, label: str, *, restore: bool = False) -> str:
    return translate("UndoCommand", str(TRASH_TEXTS[kind, restore])).format(name=short(label))
