"""Several workspaces: new, open and recent, and switching the window from one to another."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLineEdit, QMenu, QMessageBox

from app.errors import UserError
from app.paths import real_path
from app.services.workspace import Workspace
from app.ui.common.files import choose_file
from app.ui.editing.form import FormDialog
from app.ui.workspace.workspace_lock import LockUnavailable, WorkspaceInUse, WorkspaceLock, refusal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.main.window_context import WorkspaceHost
    from app.ui.workspace.personal_copy import PersonalCopy
    from app.ui.workspace.safety import SafetyController

RECENT_KEY = "workspaces/recent"
MAX_RECENT = 8


class NewWorkspaceDialog(FormDialog):
    def __init__(self, window: QWidget, current: Path, submit: Any) -> None:
        super().__init__(window, self.tr("New Workspace"), submit)
        self.path_edit = self.line(
            "path",
            self.tr("&File"),
            str(current.with_name("new-workspace.sqlite")),
            hint=self.tr("A workspace is one file you can copy, back up or send."),
        )
        self.starter_box = QCheckBox(
            self.tr("Start with the &starter dataset (US–Mexico migration and security)")
        )
        self.starter_box.setChecked(True)
        self.add_field("starter", "", self.starter_box)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Create"))

    def collect(self) -> tuple[Path, bool]:
        from app.services.inputs import ValidationFailed

        text = self.path_edit.text().strip()
        if not text:
            raise ValidationFailed({"path": self.tr("choose where to put the workspace file")})
        path = Path(text).expanduser()
        if path.suffix == "":
            path = path.with_suffix(".sqlite")
        if path.exists():
            raise ValidationFailed(
                {"path": self.tr("a file with this name exists already; choose another name")}
            )
        return path, self.starter_box.isChecked()


@dataclass(frozen=True)
class TeamLogin:
    url: str
    password: str  # empty: from ~/.pgpass, a service file, PGPASSWORD or the system keyring
    remember: bool


class ConnectTeamDialog(FormDialog):
    """The address of a team workspace on a PostgreSQL server, and a password if none is kept."""

    def __init__(self, window: QWidget, submit: Any) -> None:
        super().__init__(window, self.tr("Connect to Team Workspace"), submit)
        self.url_edit = self.line(
            "url",
            self.tr("&Address"),
            "postgresql://",
            hint=self.tr("postgresql://YOU@SERVER/DATABASE, from whoever runs the team's server."),
        )
        self.password_edit = self.line(
            "password",
            self.tr("&Password"),
            hint=self.tr(
                "Leave empty when it is kept in ~/.pgpass, a PostgreSQL service file, PGPASSWORD or the "
                "system keyring. Never written to this app's settings."
            ),
        )
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("&Keep the password in the system keyring"))
        self.remember_box.setEnabled(False)
        self.password_edit.textChanged.connect(lambda text: self.remember_box.setEnabled(bool(text)))
        self.add_field("remember", "", self.remember_box)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Connect"))

    def collect(self) -> TeamLogin:
        from app.paths import is_team_url
        from app.services.inputs import ValidationFailed

        text = self.url_edit.text().strip()
        if not is_team_url(text) or text.rstrip("/").endswith("postgresql:"):
            raise ValidationFailed({"url": self.tr("write the address as postgresql://YOU@SERVER/DATABASE")})
        password = self.password_edit.text()
        return TeamLogin(text, password, bool(password) and self.remember_box.isChecked())


class WorkspaceController(QObject):
    """New, open and recent workspaces; a switch is checked for damage and backed up, as at start."""

    def __init__(self, host: WorkspaceHost, safety: SafetyController) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.safety = safety
        # Here, not at the top: the start-up reads RECENT_KEY from this module before the first paint.
        from app.ui.main.actions import MainAction, make_action, text_of

        self.new_action = make_action(self, MainAction.NEW_WORKSPACE, self.new_workspace)
        self.open_action = make_action(self, MainAction.OPEN_WORKSPACE, self.open_workspace)
        self.connect_action = make_action(self, MainAction.CONNECT_TEAM, self.connect_team)
        self.copy_action = make_action(self, MainAction.PERSONAL_COPY, self.save_personal_copy)
        self.personal_copy: PersonalCopy | None = None  # made on first use
        self.copy_action.setToolTip(self.tr("Write what you can see of this team workspace to a local file"))
        self.recent_menu = QMenu(text_of(MainAction.OPEN_RECENT), host.dialog_parent())
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.remember(host.workspace.location)

    # Recent list ---------------------------------------------------------------
    def recent(self) -> list[Path | str]:
        """Recent workspaces: file paths, and team workspaces' addresses (never with a password)."""
        from app.paths import is_team_url

        stored = self.host.settings.value(RECENT_KEY) or []
        paths = [stored] if isinstance(stored, str) else list(stored)
        return [str(p) if is_team_url(p) else Path(p) for p in paths if p]

    def remember(self, location: Path | str) -> None:
        paths = [str(location)] + [str(p) for p in self.recent() if str(p) != str(location)]
        self.host.settings.setValue(RECENT_KEY, paths[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = self.host.workspace.location
        for entry in self.recent():
            if isinstance(entry, str):  # a team workspace
                action = self.recent_menu.addAction(self.tr("Team: {address}").format(address=entry))
                action.setEnabled(entry != current)
                action.triggered.connect(lambda _checked=False, url=entry: self.switch_team(url))
                continue
            path = entry
            action = self.recent_menu.addAction(f"{path.stem}  —  {path.parent}")
            action.setEnabled(str(path) != current and path.exists())
            action.triggered.connect(lambda _checked=False, p=path: self.switch(p, create=False))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent workspaces")).setEnabled(False)

    # Actions ------------------------------------------------------------------------
    def new_workspace(self) -> NewWorkspaceDialog:
        def submit(choice: tuple[Path, bool]) -> None:
            path, starter = choice
            if not self.switch(path, create=True, starter=starter):
                raise UserError(self.last_error)

        dialog = NewWorkspaceDialog(self.host.dialog_parent(), self._local_path(), submit)
        dialog.open()
        return dialog

    def open_workspace(self) -> QFileDialog:
        self.file_dialog = choose_file(
            self.host.dialog_parent(),
            self.tr("Open Workspace"),
            self._local_path().parent,
            self.tr("Policy Tracker workspaces (*.sqlite)") + ";;" + self.tr("All files (*)"),
            lambda path: self.switch(path, create=False),
        )
        return self.file_dialog

    def save_personal_copy(self) -> QFileDialog | None:
        """A team workspace, as this analyst sees it, into a new local file for reading offline."""
        if not self.host.workspace.is_team:
            return None
        start = self._local_path().with_name(f"{self.host.workspace.path.name}-copy.sqlite")

        def chosen(path: Path) -> None:
            from app.ui.workspace.personal_copy import PersonalCopy

            target = path if path.suffix else path.with_suffix(".sqlite")
            if self.personal_copy is None:
                self.personal_copy = PersonalCopy(self.host.dialog_parent())
                self.personal_copy.failed.connect(self.host.report_error)
                self.personal_copy.saved.connect(
                    lambda count, file: self.host.report(
                        self.tr("Saved {count} policies to {file}").format(count=count, file=file)
                    )
                )
            self.personal_copy.start(self.host.workspace, target)

        self.file_dialog = choose_file(
            self.host.dialog_parent(),
            self.tr("Save a Personal Copy"),
            start,
            self.tr("Policy Tracker workspaces (*.sqlite)"),
            chosen,
            save=True,
        )
        return self.file_dialog

    def _local_path(self) -> Path:
        """The current workspace's file, or (for a team workspace) where a local one goes by default."""
        from app.paths import default_workspace

        return default_workspace(None) if self.host.workspace.is_team else self.host.workspace.path

    def connect_team(self) -> ConnectTeamDialog:
        def submit(login: TeamLogin) -> None:
            from app.services import team

            url = team.with_password(login.url, login.password) if login.password else login.url
            if not self.switch_team(url, quiet=True):
                raise UserError(self.last_error)
            if login.remember:
                try:
                    team.remember_password(login.url, login.password)
                except UserError as error:  # connected all the same: say why it is not kept
                    QMessageBox(
                        QMessageBox.Icon.Warning,
                        self.tr("Password Not Kept"),
                        str(error),
                        parent=self.host.dialog_parent(),
                    ).open()

        dialog = ConnectTeamDialog(self.host.dialog_parent(), submit)
        dialog.open()
        return dialog

    def switch_team(self, url: str, *, quiet: bool = False) -> bool:
        """Open a team workspace in this window; on failure say why (a box unless `quiet`) and keep the current one."""
        from app.services.team import TeamWorkspace

        self.last_error = ""
        try:
            workspace = TeamWorkspace.open_url(url)
        except UserError as error:
            self.last_error = str(error)
            if not quiet:
                QMessageBox(
                    QMessageBox.Icon.Warning,
                    self.tr("Cannot Open Workspace"),
                    self.last_error,
                    parent=self.host.dialog_parent(),
                ).open()
            return False
        self.host.show_workspace(workspace, None)
        self.remember(workspace.location)
        return True

    def switch(self, path: Path, *, create: bool, starter: bool = True) -> bool:
        """Open another workspace in this window; on failure say why and keep the current one."""
        self.last_error = ""
        new_lock = None
        path = real_path(path)
        try:
            if self.host.holds_lock():
                new_lock = _lock(path)
            workspace = Workspace.open(path, create=create, starter_data=starter)
        except UserError as error:
            if new_lock is not None:
                new_lock.release()
            self.last_error = (
                refusal(error) if isinstance(error, WorkspaceInUse | LockUnavailable) else str(error)
            )
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Cannot Open Workspace"),
                self.last_error,
                parent=self.host.dialog_parent(),
            )
            box.open()
            return False
        self.host.show_workspace(workspace, new_lock)
        self.remember(workspace.location)
        self.safety.check_in_background()
        return True


def _lock(path: Path) -> WorkspaceLock:
    """The lock on the workspace to switch to; on read-only media, where no one can change it, none is held."""
    lock = WorkspaceLock(path)
    try:
        return lock.acquire()
    except LockUnavailable as error:
        if error.read_only and path.is_file():
            return lock
        raise
