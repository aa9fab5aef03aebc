"""The window's actions, each declared once: its text, icon and shortcut.

The menus, the toolbar, the context menus and the detail pane's links are all built from this
registry (see app.ui.main.menus), so an action reads, looks and answers to keys the same way
wherever it appears. An action the detail pane's links also ask for has the same name as there
(app.ui.detail.actions.DetailAction), so a menu and a link reach the same handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from app.ui.common.i18n import QT_TRANSLATE_NOOP
from app.ui.common.icons import action_icon
from app.ui.detail.actions import DetailAction

Key = QKeySequence.StandardKey


class MainAction(StrEnum):
    # Workspaces and files
    NEW_WORKSPACE = "new-workspace"
    OPEN_WORKSPACE = "open-workspace"
    OPEN_RECENT = "open-recent"
    CONNECT_TEAM = "connect-team"
    PERSONAL_COPY = "personal-copy"
    EXPORT = "export"
    IMPORT = "import"
    SHOW_TRASH = "show-trash"
    BACK_UP = "back-up"
    RESTORE_BACKUP = "restore-backup"
    QUIT = "quit"
    # Editing
    UNDO = "undo"
    REDO = "redo"
    NEW_POLICY = "new-policy"
    EDIT_POLICY = DetailAction.EDIT_POLICY.value
    TRASH_POLICY = DetailAction.TRASH_POLICY.value
    NEW_EVENT = DetailAction.ADD_EVENT.value
    NEW_SOURCE = DetailAction.ADD_SOURCE.value
    LINK_SOURCE = DetailAction.LINK_SOURCE.value
    NEW_NOTE = DetailAction.ADD_NOTE.value
    NEW_RELATION = DetailAction.ADD_RELATION.value
    ANNOTATE = DetailAction.ANNOTATE.value
    HISTORY = "history"
    # One entry of the selected policy (context menus and the detail pane's links)
    EDIT_EVENT = DetailAction.EDIT_EVENT.value
    TRASH_EVENT = DetailAction.TRASH_EVENT.value
    EDIT_SOURCE = DetailAction.EDIT_SOURCE.value
    UNLINK_SOURCE = DetailAction.UNLINK_SOURCE.value
    TRASH_SOURCE = DetailAction.TRASH_SOURCE.value
    ANNOTATE_EXCERPT = "annotate-excerpt"
    COPY_EXCERPT = "copy-excerpt"
    EDIT_NOTE = DetailAction.EDIT_NOTE.value
    TRASH_NOTE = DetailAction.TRASH_NOTE.value
    DELETE_RELATION = DetailAction.DELETE_RELATION.value
    # Finding and viewing
    FIND = "find"
    CLEAR_FILTERS = "clear-filters"
    TOGGLE_FILTERS = "toggle-filters"
    RELOAD = "reload"
    SAVE_SEARCH = "save-search"
    NOTES = "notes"
    TIMELINE = "timeline"
    RECENT_CHANGES = "recent-changes"
    CITATION_AUDIT = "citation-audit"
    THEME = "theme"
    PREFERENCES = "preferences"
    # Help
    USER_GUIDE = "user-guide"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"
    ABOUT_QT = "about-qt"


@dataclass(frozen=True)
class ActionSpec:
    text: str  # in the "MainAction" translation context
    icon: str | None = None  # a name in app.ui.common.icons.ACTION_ICON_NAMES
    shortcut: str | QKeySequence.StandardKey | None = None
    short: str | None = None  # on the toolbar, when the menu's text is too long there
    checkable: bool = False
    role: QAction.MenuRole | None = None
    # Only where the focus is (Delete in a text field deletes a character, not the policy).
    local: bool = False


Role = QAction.MenuRole
SPECS: dict[MainAction, ActionSpec] = {
    MainAction.NEW_WORKSPACE: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "New &Workspace…"), "new-workspace"),
    MainAction.OPEN_WORKSPACE: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Open Workspace…"), "open-workspace", Key.Open
    ),
    MainAction.OPEN_RECENT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "Open &Recent"), "recent"),
    MainAction.CONNECT_TEAM: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Connect to &Team Workspace…"), "connect-team"
    ),
    MainAction.PERSONAL_COPY: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Save a &Personal Copy…"), "personal-copy"
    ),
    MainAction.EXPORT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Export…"), "export", "Ctrl+Shift+E"),
    MainAction.IMPORT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Import…"), "import", "Ctrl+Shift+I"),
    MainAction.SHOW_TRASH: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Trash…"), "trash", "Ctrl+Shift+T"),
    MainAction.BACK_UP: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Back Up Now"), "back-up"),
    MainAction.RESTORE_BACKUP: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Restore from Backup…"), "restore-backup"
    ),
    MainAction.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Quit"), "quit", Key.Quit, role=Role.QuitRole
    ),
    MainAction.UNDO: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Undo"), "undo", Key.Undo),
    MainAction.REDO: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Redo"), "redo", Key.Redo),
    MainAction.NEW_POLICY: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&New Policy…"),
        "new-policy",
        Key.New,
        short=QT_TRANSLATE_NOOP("MainAction", "New Policy"),
    ),
    MainAction.EDIT_POLICY: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Edit Policy…"), "edit", "F2"),
    MainAction.TRASH_POLICY: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Delete Policy…"), "move-to-trash", Key.Delete, local=True
    ),
    MainAction.NEW_EVENT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "New Status &Event…"),
        "new-event",
        "Ctrl+E",
        short=QT_TRANSLATE_NOOP("MainAction", "New Event"),
    ),
    MainAction.NEW_SOURCE: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "New &Source…"),
        "new-source",
        "Ctrl+Shift+S",
        short=QT_TRANSLATE_NOOP("MainAction", "New Source"),
    ),
    MainAction.LINK_SOURCE: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Link Existing Source…"), "link-source"
    ),
    MainAction.NEW_NOTE: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "New No&te…"),
        "new-note",
        "Ctrl+Shift+N",
        short=QT_TRANSLATE_NOOP("MainAction", "New Note"),
    ),
    MainAction.NEW_RELATION: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "New &Relation…"), "new-relation"),
    MainAction.ANNOTATE: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Annotate Selected Passage…"), "annotate", "Ctrl+Shift+A"
    ),
    MainAction.HISTORY: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Undo &History"), "history", "Ctrl+Shift+H"
    ),
    MainAction.EDIT_EVENT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Edit Status Event…"), "edit"),
    MainAction.TRASH_EVENT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Delete Status Event"), "move-to-trash"
    ),
    MainAction.EDIT_SOURCE: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Edit Source…"), "edit"),
    MainAction.UNLINK_SOURCE: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Unlink from This Policy"), "link-source"
    ),
    MainAction.TRASH_SOURCE: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Delete Source"), "move-to-trash"),
    MainAction.ANNOTATE_EXCERPT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Annotate This Excerpt…"), "annotate"
    ),
    MainAction.COPY_EXCERPT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Copy Excerpt")),
    MainAction.EDIT_NOTE: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Edit Note…"), "edit"),
    MainAction.TRASH_NOTE: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Delete Note"), "move-to-trash"),
    MainAction.DELETE_RELATION: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Remove Relation"), "move-to-trash"
    ),
    MainAction.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Find…"),
        "search",
        Key.Find,
        short=QT_TRANSLATE_NOOP("MainAction", "Search"),
    ),
    MainAction.CLEAR_FILTERS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Clear Search and Filters"), "clear-filters", "Ctrl+Shift+L"
    ),
    MainAction.TOGGLE_FILTERS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Show &Filters"), "filters", "Ctrl+Shift+B", checkable=True
    ),
    MainAction.RELOAD: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Reload"), "refresh", Key.Refresh),
    MainAction.SAVE_SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Save Search…"), "save-search", "Ctrl+Shift+D"
    ),
    MainAction.NOTES: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "All &Notes…"), "notes", "Ctrl+Shift+O"),
    MainAction.TIMELINE: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Timeline"), "timeline", "Ctrl+T"),
    MainAction.RECENT_CHANGES: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Recent &Changes…"), "history", "Ctrl+Shift+G"
    ),
    MainAction.CITATION_AUDIT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Citation &Audit"), "citation-audit", "Ctrl+Shift+U"
    ),
    MainAction.THEME: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "T&heme"), "theme"),
    MainAction.PREFERENCES: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Preferences…"), "preferences", "Ctrl+,", role=Role.PreferencesRole
    ),
    MainAction.USER_GUIDE: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&User Guide"), "user-guide"),
    MainAction.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Keyboard Shortcuts"), "keyboard-shortcuts", Key.HelpContents
    ),
    MainAction.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&About Policy Tracker"), "about", role=Role.AboutRole
    ),
    MainAction.ABOUT_QT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "About &Qt"), role=Role.AboutQtRole),
}


def text_of(name: MainAction) -> str:
    """The action's text in the interface's language (with its & mnemonic)."""
    return QCoreApplication.translate("MainAction", SPECS[name].text)


def declare(action: QAction, name: MainAction, *, keep_text: bool = False) -> QAction:
    """Give an action its declared text, icon and shortcut, and its name (kept in data()).
    `keep_text`: for the undo stack's actions, which name the edit they would take back."""
    spec = SPECS[name]
    action.setData(name.value)
    if not keep_text:
        action.setText(text_of(name))
    if spec.short is not None:
        action.setIconText(QCoreApplication.translate("MainAction", spec.short))
    if spec.icon is not None:
        action.setIcon(action_icon(spec.icon))
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{action.iconText()} ({keys})")
    if spec.checkable:
        action.setCheckable(True)
    if spec.role is not None:
        action.setMenuRole(spec.role)
    if spec.local:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return action


def make_action(parent: QObject, name: MainAction, slot: Callable[[], object] | None = None) -> QAction:
    """A new action as declared, doing `slot` when triggered."""
    action = declare(QAction(parent), name)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action


def name_of(action: QAction) -> MainAction | None:
    value = action.data()
    return MainAction(value) if isinstance(value, str) and value in MainAction._value2member_map_ else None


def collect(owner: QObject) -> dict[MainAction, QAction]:
    """The declared actions made so far by `owner` and its children, by name."""
    found: dict[MainAction, QAction] = {}
    for action in owner.findChildren(QAction):
        name = name_of(action)
        if name is not None:
            found.setdefault(name, action)
    return found
