"""Right-click menus on the entries of the detail pane: a status event, a source, an excerpt, a note.

Each page marks where an entry starts with an anchor named by its id (the detail pane scrolls to
them); the entry under the pointer is the last anchor before it. The menu's actions are the
registry's (app.ui.main.actions), and choosing one asks for it as the page's links do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser

from app.services.details import PolicyDetail
from app.ui.detail.actions import DetailAction
from app.ui.detail.detail_pane import ISOLATES
from app.ui.main.actions import MainAction, make_action

A = MainAction


@dataclass(frozen=True)
class Entry:
    kind: str  # "event", "source" or "note"
    id: str
    excerpt: str = ""  # the excerpt under the pointer, on a source


def _anchor_before(cursor: QTextCursor, known: set[str]) -> str | None:
    """The last entry anchor at or before the cursor's place in the page."""
    block = cursor.block()
    while block.isValid():
        names = list(block.charFormat().anchorNames())
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.position() <= cursor.position():
                names += fragment.charFormat().anchorNames()
            fragments += 1
        found = [name for name in names if name in known]
        if found:
            return found[-1]
        block = block.previous()
    return None


def _plain(text: str) -> str:
    """Text as compared: without the bidi isolates the page wraps a person's words in, spaces squashed."""
    return " ".join(text.translate(ISOLATES).split())


def entry_at(browser: QTextBrowser, at: QPoint, detail: PolicyDetail, page: str) -> Entry | None:
    """The entry of `page` ("History", "Sources" or "Notes") under the point `at` of its viewport."""
    ids = {
        "History": ("event", [e.id for e in detail.events]),
        "Sources": ("source", [s.id for s in detail.sources]),
        "Notes": ("note", [n.id for n in detail.notes]),
    }
    if page not in ids:
        return None
    kind, known = ids[page]
    cursor = browser.cursorForPosition(at)
    found = _anchor_before(cursor, set(known))
    if found is None:
        return None
    excerpt = ""
    if kind == "source":
        under = _plain(cursor.block().text())
        source = next(s for s in detail.sources if s.id == found)
        excerpt = next((x.text for x in source.excerpts if under and _plain(x.text) == under), "")
    return Entry(kind, found, excerpt)


def entry_menu(
    browser: QTextBrowser,
    at: QPoint,
    entry: Entry | None,
    page: str,
    ask: Callable[[str, str], None],
    annotate_excerpt: Callable[[], None],
    passage_selected: bool,
) -> QMenu:
    """The page's own menu (Copy, Select All) after the actions that apply to the entry there.
    `ask(action, target)` runs an action as the page's links do."""
    menu = browser.createStandardContextMenu(browser.viewport().mapToGlobal(at))
    first = menu.actions()[0] if menu.actions() else None
    items: list[MainAction | None] = []
    if entry is not None:
        items += {
            "event": [A.EDIT_EVENT, A.TRASH_EVENT],
            "source": [A.EDIT_SOURCE, A.UNLINK_SOURCE, A.TRASH_SOURCE],
            "note": [A.EDIT_NOTE, A.TRASH_NOTE],
        }[entry.kind]
        if entry.excerpt:
            items += [None, A.ANNOTATE, A.ANNOTATE_EXCERPT, A.COPY_EXCERPT]
        items.append(None)
    items += {
        "History": [A.NEW_EVENT],
        "Sources": [A.NEW_SOURCE, A.LINK_SOURCE] + ([] if entry and entry.excerpt else [A.ANNOTATE]),
        "Notes": [A.NEW_NOTE],
    }.get(page, [])
    for name in items:
        if name is None:
            menu.insertSeparator(first) if first else menu.addSeparator()
            continue
        target = entry.id if entry is not None and name in ENTRY_ACTIONS else ""
        if name == A.ANNOTATE_EXCERPT:
            action = make_action(menu, name, annotate_excerpt)
        elif name == A.COPY_EXCERPT:
            action = make_action(menu, name, partial(_copy, entry.excerpt if entry else ""))
        else:
            action = make_action(menu, name, partial(ask, DetailAction(name.value).value, target))
        if name == A.ANNOTATE:
            action.setEnabled(passage_selected)
        action.setShortcut("")  # the window's own action answers to the keys; a menu only shows the way
        menu.insertAction(first, action) if first else menu.addAction(action)
    if first is not None:
        menu.insertSeparator(first)
    return menu


def _copy(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


# The actions on one entry: they are asked for with its id.
ENTRY_ACTIONS = frozenset(
    {A.EDIT_EVENT, A.TRASH_EVENT, A.EDIT_SOURCE, A.UNLINK_SOURCE, A.TRASH_SOURCE, A.EDIT_NOTE, A.TRASH_NOTE}
)
