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
    changes_action: QAction
    audit_action: QAction
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
