"""Start the GUI: QApplication, the workspace, the main window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import UserError, WorkspaceDamaged

if TYPE_CHECKING:
    from app.services.workspace import Workspace

log = logging.getLogger("app.ui")
_KEEP: list[QApplication] = []


def _route_qt_messages(kind: QtMsgType, _context: object, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    log.log(level, "Qt: %s", message)


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_route_qt_messages)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Policy Tracker")
    app.setOrganizationName("policy-tracker")
    app.setDesktopFileName("policy-tracker")
    app.setStyle("Fusion")  # the look of every theme (see theme.apply_theme), from the first paint on
    from PySide6.QtGui import QIcon

    from app.paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "policy-tracker.svg")))
    _KEEP.append(app)  # the application must outlive the function that made it
    return app


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings

    from app.paths import real_path
    from app.services.workspace import Workspace
    from app.ui.common.i18n import apply_language, chosen_language
    from app.ui.main.main_window import MainWindow
    from app.ui.workspace.workspace_lock import LockUnavailable, WorkspaceInUse, WorkspaceLock, refusal

    qt_app = application()
    settings = QSettings()
    apply_language(qt_app, args.language or chosen_language(settings))
    location = _startup_workspace(args, settings)
    if isinstance(location, str):  # a team workspace on a server: no file to lock, check or back up
        return _run_team(location, args, settings, qt_app)
    path = real_path(location)
    if args.screenshot:
        return screenshot(
            Workspace.open(path),
            Path(args.screenshot),
            select=args.select,
            search=args.search,
            show=args.show,
            theme=args.theme,
        )
    lock = WorkspaceLock(path)
    try:
        lock.acquire()
    except LockUnavailable as error:
        if not (error.read_only and path.is_file()):
            _tell(refusal(error))
            return 1
        # Read-only media: nobody can change the file there, so one window at a time needs no lock.
        log.warning("Opening %s without a lock: %s", path, error)
    except WorkspaceInUse as error:
        _tell(refusal(error), icon=QMessageBox.Icon.Information)
        return 1
    try:
        workspace = Workspace.open(path)
    except WorkspaceDamaged as error:
        recovered = _recover(path, str(error))
        if recovered is None:
            return 1
        workspace = recovered
    except UserError as error:
        _tell(str(error))
        return 1
    # The lock is not held on read-only media; switching workspaces still locks the next one.
    window = MainWindow(workspace, settings, lock=lock)
    window.show()
    window.check_safety_when_ready()
    code = qt_app.exec()
    window.release_lock()
    return code


def _run_team(url: str, args: argparse.Namespace, settings: object, qt_app: QApplication) -> int:
    from app.services.team import TeamWorkspace
    from app.ui.main.main_window import MainWindow

    try:
        workspace = TeamWorkspace.open_url(url)
    except UserError as error:
        _tell(str(error))
        return 1
    if args.screenshot:
        return screenshot(
            workspace,
            Path(args.screenshot),
            select=args.select,
            search=args.search,
            show=args.show,
            theme=args.theme,
        )
    window = MainWindow(workspace, settings)  # type: ignore[arg-type]
    window.show()  # a schema of another version: the window's read-only bar says so
    code = qt_app.exec()
    window.workspace.close()  # the one shown last (the person may have switched)
    return code


def _has_screen() -> bool:
    """False where no one could see or dismiss a message box (offscreen, minimal: tests, scripts)."""
    return QApplication.platformName() not in ("offscreen", "minimal")


def _tell(message: str, icon: QMessageBox.Icon = QMessageBox.Icon.Critical) -> None:
    """Why the window will not open: on standard error always, in a message box where there is a screen."""
    print(f"policy-tracker: error: {message}", file=sys.stderr, flush=True)
    if _has_screen():
        QMessageBox(icon, "Policy Tracker", message).exec()


def _recover(path: Path, problem: str) -> Workspace | None:
    """At start-up, a damaged workspace: offer the latest good backup (the damaged file is kept)."""
    from app.services import backups
    from app.services.workspace import Workspace

    found = backups.list_backups(path)
    if not found:
        _tell(
            QCoreApplication.translate("Startup", "{problem}\n\nThere is no backup to restore.").format(
                problem=problem
            )
        )
        return None
    if not _has_screen():  # no one to answer the question: say how to restore instead
        _tell(
            QCoreApplication.translate(
                "Startup", "{problem}. To restore the latest backup, run: policy-tracker restore latest"
            ).format(problem=problem.rstrip("."))
        )
        return None
    answer = QMessageBox.question(
        None,
        "Policy Tracker",
        QCoreApplication.translate(
            "Startup",
            "{problem}\n\nRestore the latest good backup, {backup}? The damaged file is moved "
            "aside, never overwritten or deleted.",
        ).format(problem=problem, backup=found[0].describe()),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        backups.restore(path, found[0].path)  # moves the damaged file aside first
        return Workspace.open(path)
    except UserError as error:
        _tell(str(error))
        return None


def _startup_workspace(args: argparse.Namespace, settings: object) -> Path | str:
    """The workspace named on the command line or in the environment (a file, or a team workspace's
    postgresql:// address), else the last file used."""
    import os

    from PySide6.QtCore import QSettings

    from app.paths import WORKSPACE_ENV, default_workspace, workspace_location
    from app.ui.workspace.workspaces import RECENT_KEY

    if args.workspace or os.environ.get(WORKSPACE_ENV) or not isinstance(settings, QSettings):
        return workspace_location(args.workspace)
    recent = settings.value(RECENT_KEY) or []
    recent = [recent] if isinstance(recent, str) else list(recent)
    for candidate in recent[:1]:
        if Path(candidate).is_file():
            return Path(candidate)
    return default_workspace(None)


def screenshot(
    workspace: object,
    target: Path,
    *,
    select: str | None,
    search: str | None,
    show: str = "window",
    theme: str | None = None,
) -> int:
    """Render the real window (or one of its views) at its default size, with fresh settings, to a PNG."""
    import tempfile
    from contextlib import closing

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings

    from app.services.workspace import Workspace
    from app.ui.main.main_window import MainWindow

    assert isinstance(workspace, Workspace)
    # The workspace is closed here, explicitly: the window drawn from it outlives this function.
    with tempfile.TemporaryDirectory() as folder, closing(workspace):
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        if theme:
            settings.setValue("view/theme", theme)
        window = MainWindow(workspace, settings, deferred=False)
        if search:
            window.search_box.setText(search)
            window.refresh()
        if select and not window.select_policy_if_listed(select):
            window.close()
            raise UserError(f"No policy with the slug “{select}” in the list")
        window.show()
        QApplication.processEvents()
        shot: QWidget = window
        if show == "history":
            window.detail.tabs.setCurrentWidget(window.detail.history_page)
        elif show == "timeline":
            shot = window.show_timeline()
            shot.resize(1320, 620)
            QApplication.processEvents()
            window.timeline_window.view.fit_all()  # type: ignore[union-attr]
        elif show == "export":
            shot = window.show_export()
            shot.resize(1100, 720)
            waited = QElapsedTimer()
            waited.start()
            while not shot.preview_ready and waited.elapsed() < 30_000:  # its pages are drawn in a worker
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        elif show == "notes":
            shot = window.show_notes()
        QApplication.processEvents()
        saved = shot.grab().save(str(target), "PNG")
        window.close()
        if theme:
            from app.ui.common.theme import apply_theme

            apply_theme(QApplication.instance(), "system")  # type: ignore[arg-type]
    if not saved:
        raise UserError(f"Cannot write the screenshot to {target}")
    return 0
