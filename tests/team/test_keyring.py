"""A team workspace's password kept in the system keyring: looked up when the address and
PGPASSWORD give none, checked before it is kept, never written to the app's settings; from the
command line (a real process) and the Connect dialog. The keyring here is keyrings.alt's file
keyring in the test's own data folder (tests/conftest.py), standing in for the system's."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.data.postgres.connection import conninfo, parse_url
from app.data.postgres.passwords import SERVICE, account
from app.errors import UserError
from app.services import team as team_service
from app.services.team import TeamWorkspace
from app.services.workspace import Workspace
from app.ui.main.main_window import MainWindow
from app.ui.workspace.workspaces import ConnectTeamDialog
from tests.team.command_line import process
from tests.team.workspace_fixtures import Team
from tests.team_server import MEMBERS


def bare(team: Team, user: str) -> str:
    """The address of the workspace for `user`, without a password."""
    return team_service.shown_address(team.url(user))


def kept(team: Team, user: str) -> str | None:
    return keyring.get_password(SERVICE, account(parse_url(bare(team, user))))


def test_the_kept_password_is_used_only_when_the_address_and_pgpassword_give_none(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    url = parse_url(bare(team, "alice"))
    assert "password" not in conninfo(url)
    keyring.set_password(SERVICE, account(url), "from-the-keyring")
    assert "password=from-the-keyring" in conninfo(url)
    assert "password=typed" in conninfo(url.set(password="typed"))
    monkeypatch.setenv("PGPASSWORD", "from-the-environment")
    assert "password" not in conninfo(url)  # libpq takes PGPASSWORD itself


def test_a_wrong_password_is_refused_in_words_and_not_kept(team: Team) -> None:
    with pytest.raises(UserError, match="refused the password"):
        team_service.remember_password(bare(team, "alice"), "not-her-password")
    assert kept(team, "alice") is None


def test_kept_from_the_command_line_then_the_address_alone_opens_it(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = bare(team, "alice")
    monkeypatch.delenv("PGPASSWORD", raising=False)  # the real processes get no password but the keyring's

    refused = process("--workspace", address, "list")
    assert refused.returncode == 1 and "asks for a password" in refused.stderr, refused.stderr
    done = process("team", "password", address, "--password-stdin", stdin=MEMBERS["alice"] + "\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Your password for {address} is kept in the system keyring"
    listed = process("--workspace", address, "list")
    assert listed.returncode == 0, listed.stderr
    assert "alpha" in listed.stdout
    forgotten = process("team", "password", address, "--forget")
    assert forgotten.returncode == 0 and "Removed" in forgotten.stdout
    assert kept(team, "alice") is None
    again = process("team", "password", address, "--forget")
    assert "No password" in again.stdout
    settings = Path(os.environ["XDG_CONFIG_HOME"])
    for file in settings.rglob("*") if settings.exists() else []:
        if file.is_file():
            assert MEMBERS["alice"] not in file.read_text(errors="replace"), file


def _local_window(qtbot: QtBot, workspace_path: Path, settings: Path) -> MainWindow:
    window = MainWindow(Workspace.open(workspace_path), QSettings(str(settings), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.ready)
    return window


def test_the_connect_dialog_takes_a_password_and_keeps_it_in_the_keyring_not_in_settings(
    qtbot: QtBot, team: Team, workspace_path: Path, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"
    window = _local_window(qtbot, workspace_path, settings)
    try:
        dialog = window.workspaces.connect_team()
        assert isinstance(dialog, ConnectTeamDialog)
        assert not dialog.remember_box.isEnabled()
        dialog.url_edit.setText(bare(team, "alice"))
        dialog.password_edit.setText("wrong")
        dialog.remember_box.setChecked(True)
        dialog.try_accept()
        assert dialog.isVisible() and "refused the password" in dialog.general_error.text()
        assert kept(team, "alice") is None and not window.workspace.is_team
        dialog.password_edit.setText(MEMBERS["alice"])
        dialog.try_accept()
        assert not dialog.isVisible()
        assert window.workspace.is_team
        assert window.windowTitle() == f"Team: {team.database} — Policy Tracker"
        assert kept(team, "alice") == MEMBERS["alice"]
        assert not window.findChildren(QMessageBox)  # nothing to warn about
    finally:
        window.close()
        window.workspace.close()
    assert MEMBERS["alice"] not in settings.read_text()
    assert bare(team, "alice") in settings.read_text()  # in Open Recent, without its password
    reopened = TeamWorkspace.open_url(bare(team, "alice"))
    try:
        assert reopened.user == "alice"
    finally:
        reopened.close()


def test_an_address_typed_with_its_password_is_remembered_without_it(team: Team) -> None:
    workspace = team.open("alice")  # the address carries alice's password
    try:
        assert MEMBERS["alice"] not in workspace.location
        assert workspace.location.endswith(bare(team, "alice").split("@", 1)[1])
    finally:
        workspace.close()


def test_the_connect_dialog_tells_a_malformed_address_in_words_and_stays_open(
    qtbot: QtBot, workspace_path: Path, tmp_path: Path
) -> None:
    window = _local_window(qtbot, workspace_path, tmp_path / "settings.ini")
    try:
        dialog = window.workspaces.connect_team()
        dialog.url_edit.setText("postgresql://ana@/tracker?sslmode=bogus")
        dialog.try_accept()
        assert dialog.isVisible()
        assert 'invalid sslmode value: "bogus"' in dialog.general_error.text()
        assert not window.workspace.is_team
        dialog.reject()
    finally:
        window.close()
        window.workspace.close()
