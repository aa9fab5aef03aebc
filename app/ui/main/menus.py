"""The menu bar, the toolbar and the policy list's context menu, laid out from the action registry.

Each layout is a list of action names (None: a separator); what an action reads, looks like and
answers to is declared once, in app.ui.main.actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSizePolicy, QToolBar, QWidget

from app.ui.main.actions import MainAction, collect, declare, make_action, text_of
from app.ui.main.window_parts import WindowActions

if TYPE_CHECKING:
    from app.ui.browse.filter_panel import FilterPanel
    from app.ui.editing.edit_controller import EditController
    from app.ui.main.main_window import MainWindow
    from app.ui.workspace.safety import SafetyController
    from app.ui.workspace.workspaces import WorkspaceController

A = MainAction
Layout = list[MainAction | None]

MENUS: dict[str, Layout] = {
    "file": [
        A.NEW_WORKSPACE, A.OPEN_WORKSPACE, A.CONNECT_TEAM, A.OPEN_RECENT, A.PERSONAL_COPY, None,
        A.NEW_POLICY, None,
        A.EXPORT, A.IMPORT, None,
        A.SHOW_TRASH, A.BACK_UP, A.RESTORE_BACKUP, None,
        A.QUIT,
    ],
    "edit": [
        A.UNDO, A.REDO, None,
        A.EDIT_POLICY, A.TRASH_POLICY, None,
        A.NEW_EVENT, A.NEW_SOURCE, A.LINK_SOURCE, A.NEW_NOTE, A.NEW_RELATION, A.ANNOTATE, None,
        A.FIND, None,
        A.PREFERENCES,
    ],
    "view": [
        A.CLEAR_FILTERS, A.TOGGLE_FILTERS, A.RELOAD,
        A.SAVE_SEARCH, A.NOTES, A.TIMELINE, A.RECENT_CHANGES, A.CITATION_AUDIT, None,
        A.HISTORY, None,
        A.THEME,
    ],
    "help": [A.USER_GUIDE, A.SHORTCUTS, A.ABOUT, A.ABOUT_QT],
}  # fmt: skip

TOOLBAR: Layout = [A.NEW_POLICY, A.NEW_EVENT, A.NEW_SOURCE, A.NEW_NOTE, None, A.EXPORT, A.TIMELINE, A.FIND]

# What a right-click on a row of the list offers (the selected policy's own actions first).
LIST_ROW_MENU: Layout = [
    A.EDIT_POLICY, A.TRASH_POLICY, None,
    A.NEW_EVENT, A.NEW_SOURCE, A.LINK_SOURCE, A.NEW_NOTE, A.NEW_RELATION, None,
    A.EXPORT, A.TIMELINE,
]  # fmt: skip


def _window_actions(window: MainWindow, filter_panel: FilterPanel) -> None:
    """The actions that are the window's own (the others are made by their controllers)."""
    guarded = window.read_guarded
    make_action(window, A.EXPORT, lambda: guarded(window.show_export))
    make_action(window, A.IMPORT, window.choose_import)
    make_action(window, A.QUIT, window.close)
    make_action(window, A.FIND, window.focus_search)
    make_action(window, A.PREFERENCES, window.show_preferences)
    make_action(window, A.CLEAR_FILTERS, window.clear_search_and_filters)
    toggle = make_action(window, A.TOGGLE_FILTERS)
    toggle.setChecked(True)
    toggle.toggled.connect(filter_panel.setVisible)
    make_action(window, A.RELOAD, window.refresh)
    make_action(window, A.SAVE_SEARCH, window.save_search)
    make_action(window, A.NOTES, lambda: guarded(window.show_notes))
    make_action(window, A.TIMELINE, lambda: guarded(window.show_timeline))
    make_action(window, A.RECENT_CHANGES, lambda: guarded(window.show_changes))
    make_action(window, A.CITATION_AUDIT, lambda: guarded(window.show_audit))
    make_action(window, A.USER_GUIDE, window.show_user_guide)
    make_action(window, A.SHORTCUTS, window.show_shortcuts)
    make_action(window, A.ABOUT, window.show_about)
    make_action(window, A.ABOUT_QT, lambda: QMessageBox.aboutQt(window))


def _theme_menu(window: MainWindow) -> tuple[QMenu, dict[str, QAction]]:
    from app.ui.common.theme import THEMES

    menu = QMenu(text_of(A.THEME), window)
    declare(menu.menuAction(), A.THEME)
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    for key, label in THEMES.items():
        action = QAction(QApplication.translate("Theme", str(label)), window, checkable=True)
        action.triggered.connect(lambda _checked=False, k=key: window.set_theme(k))
        group.addAction(action)
        menu.addAction(action)
        actions[key] = action
    return menu, actions


def fill(target: QMenu | QToolBar, layout: Layout, actions: dict[MainAction, QAction]) -> None:
    for name in layout:
        if name is None:
            target.addSeparator()
        else:
            target.addAction(actions[name])


def build_menus(
    window: MainWindow,
    editor: EditController,
    workspaces: WorkspaceController,
    safety: SafetyController,
    filter_panel: FilterPanel,
) -> WindowActions:
    """Fill the menu bar, add the toolbar and the list's context menu; returns the window's actions."""
    _window_actions(window, filter_panel)
    theme_menu, theme_actions = _theme_menu(window)
    declare(workspaces.recent_menu.menuAction(), A.OPEN_RECENT)
    actions = collect(window)
    # Menus are not QObject children of their actions' owner; these two are submenus.
    actions[A.OPEN_RECENT] = workspaces.recent_menu.menuAction()
    actions[A.THEME] = theme_menu.menuAction()
    missing = [
        name for layout in (*MENUS.values(), TOOLBAR) for name in layout if name and name not in actions
    ]
    assert not missing, f"declared in a layout but never made: {missing}"
    menus = {
        "file": window.file_menu,
        "edit": window.edit_menu,
        "view": window.view_menu,
        "help": window.help_menu,
    }
    for key, layout in MENUS.items():
        fill(menus[key], layout, actions)
    main_toolbar(window, actions)
    window.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    window.table.customContextMenuRequested.connect(lambda at: list_row_menu(window, actions, at))
    return WindowActions(
        export_action=actions[A.EXPORT],
        import_action=actions[A.IMPORT],
        quit_action=actions[A.QUIT],
        find_action=actions[A.FIND],
        preferences_action=actions[A.PREFERENCES],
        clear_filters_action=actions[A.CLEAR_FILTERS],
        toggle_sidebar_action=actions[A.TOGGLE_FILTERS],
        refresh_action=actions[A.RELOAD],
        save_search_action=actions[A.SAVE_SEARCH],
        notes_action=actions[A.NOTES],
        timeline_action=actions[A.TIMELINE],
        changes_action=actions[A.RECENT_CHANGES],
        audit_action=actions[A.CITATION_AUDIT],
        shortcuts_action=actions[A.SHORTCUTS],
        about_action=actions[A.ABOUT],
        theme_menu=theme_menu,
        theme_actions=theme_actions,
    )


def main_toolbar(window: MainWindow, actions: dict[MainAction, QAction]) -> QToolBar:
    """Fill the toolbar the window keeps room for from its first paint."""
    from app.ui.main.main_window import TOOLBAR_ICON

    toolbar = window.toolbar
    toolbar.setObjectName("MainToolbar")  # its place is saved with the window's state
    toolbar.setAccessibleName(toolbar.windowTitle())
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(TOOLBAR_ICON, TOOLBAR_ICON))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    fill(toolbar, TOOLBAR, actions)
    spacer = QWidget(toolbar)  # the "As of" control at the toolbar's far end
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addWidget(window.as_of_control)
    toolbar.setMinimumHeight(0)  # from now on as tall as its buttons (the room kept was a guess)
    toolbar.setMaximumHeight(16_777_215)
    return toolbar


def list_row_menu(window: MainWindow, actions: dict[MainAction, QAction], at: QPoint) -> QMenu | None:
    """A right-click on a row selects it (as in a file manager) and offers what applies to it."""
    index = window.table.indexAt(at)
    if not index.isValid():
        return None
    if not window.table.selectionModel().isRowSelected(index.row()):
        window.table.selectRow(index.row())
    menu = QMenu(window.table)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fill(menu, LIST_ROW_MENU, actions)
    menu.popup(window.table.viewport().mapToGlobal(at))
    return menu
