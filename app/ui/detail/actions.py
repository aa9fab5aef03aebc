"""What the links and menus of the detail pane can ask the editor to do, declared once.

The page writes `ACTION:target` links (detail_html), the pane routes them (detail_pane) and the edit
controller handles them; one enum keeps the three in step (a name missing from a hand-kept list once left
"Annotate selected passage…" a link that did nothing).
"""

from __future__ import annotations

from enum import StrEnum


class DetailAction(StrEnum):
    EDIT_POLICY = "edit-policy"
    TRASH_POLICY = "trash-policy"
    ADD_RELATION = "add-relation"
    DELETE_RELATION = "delete-relation"
    ADD_EVENT = "add-event"
    EDIT_EVENT = "edit-event"
    TRASH_EVENT = "trash-event"
    ADD_SOURCE = "add-source"
    LINK_SOURCE = "link-source"
    EDIT_SOURCE = "edit-source"
    UNLINK_SOURCE = "unlink-source"
    TRASH_SOURCE = "trash-source"
    ANNOTATE = "annotate"
    ADD_NOTE = "add-note"
    EDIT_NOTE = "edit-note"
    TRASH_NOTE = "trash-note"

    def link(self, target: str = "") -> str:
        """The href of a link that asks for this action on `target` (an entry id, or nothing)."""
        return f"{self.value}:{target}"

    @classmethod
    def of(cls, scheme: str) -> DetailAction | None:
        """The action a link's scheme names, or None for any other scheme."""
        try:
            return cls(scheme)
        except ValueError:
            return None
