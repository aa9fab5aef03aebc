"""What the main window's finish_start() builds, as one object: until it exists none of it does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QMenu

    from app.services.policies import BrowseResult
    from app.ui.browse.browse_runner import BrowseRunner
    from app.ui.browse.delegates import HighlightDelegate
    from app.ui.browse.filter_panel import FilterPanel
    from app.ui.browse.policy_table import PolicyTableModel
    from app.ui.detail.detail_pane import PolicyDetailPane
    from app.ui.editing.edit_controller import EditController
    from app.ui.workspace.safety import SafetyController
    from app.ui.workspace.workspaces import WorkspaceController


@dataclass
class WindowActions:
    """The window's own menu commands (the editing, workspace and safety ones are their controllers')."""

    export_action: QAction
    import_action: QAction
    quit_action: QAction
    find_action: QAction
    preferences_action: QAction
    clear_filters_action: QAction
    toggle_sidebar_action: QAction
    refresh_action: QAction
    save_search_action: QAction
    notes_action: QAction
    timeline_action: QAction
    shortcuts_action: QAction
    about_action: QAction
    theme_menu: QMenu
    theme_actions: dict[str, QAction]


@dataclass
class WindowParts:
    """Everything finish_start() builds, made together and kept as one: until it exists none of it
    does, and once it does all of it does."""

    filter_panel: FilterPanel
    detail: PolicyDetailPane
    model: PolicyTableModel
    highlighter: HighlightDelegate
    empty_label: QLabel
    search_timer: QTimer
    editor: EditController
    workspaces: WorkspaceController
    safety: SafetyController
    browse_runner: BrowseRunner
    actions: WindowActions
    result: BrowseResult  # what the list shows now


def set_action_icons(
    editor: EditController, workspaces: WorkspaceController, safety: SafetyController, actions: WindowActions
) -> None:
    """One line-icon set across the menus (drawn lazily, in the theme's text colour)."""
    from app.ui.common.icons import action_icon

    icons = {
        workspaces.new_action: "new-workspace",
        workspaces.open_action: "open-workspace",
        workspaces.connect_action: "connect-team",
        workspaces.copy_action: "personal-copy",
        workspaces.recent_menu.menuAction(): "recent",
        editor.new_policy_action: "new-policy",
        actions.export_action: "export",
        actions.import_action: "import",
        editor.trash_action: "trash",
        safety.backup_action: "back-up",
        safety.restore_action: "restore-backup",
        actions.quit_action: "quit",
        editor.undo_action: "undo",
        editor.redo_action: "redo",
        editor.edit_policy_action: "edit",
        editor.delete_policy_action: "move-to-trash",
        editor.new_event_action: "new-event",
        editor.new_source_action: "new-source",
        editor.link_source_action: "link-source",
        editor.new_note_action: "new-note",
        editor.new_relation_action: "new-relation",
        editor.annotate_action: "annotate",
        actions.find_action: "search",
        actions.clear_filters_action: "clear-filters",
        actions.toggle_sidebar_action: "filters",
        actions.refresh_action: "refresh",
        actions.save_search_action: "save-search",
        actions.notes_action: "notes",
        actions.timeline_action: "timeline",
        editor.history_action: "history",
        actions.theme_menu.menuAction(): "theme",
        actions.preferences_action: "preferences",
        actions.shortcuts_action: "keyboard-shortcuts",
        actions.about_action: "about",
    }
    for action, name in icons.items():
        action.setIcon(action_icon(name))
