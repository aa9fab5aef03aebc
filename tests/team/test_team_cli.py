"""The command line on a team workspace, as a real process: setting one up, working in it, and
every failure to reach or use the server told in one line (exit 1), never a traceback."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.conftest import FIXTURES
from tests.team.command_line import cli, one_line_error, process
from tests.team.workspace_fixtures import Team
from tests.team_server import TeamServer


def test_team_init_then_add_member_then_work_as_that_member(team_server: TeamServer) -> None:
    database = "team_cli_setup"
    team_server.admin(f'DROP DATABASE IF EXISTS "{database}"')
    team_server.admin(f'CREATE DATABASE "{database}"')
    owner = team_server.url("postgres", database)
    try:
        made = process("team", "init", owner, "--with-starter-data")
        assert made.returncode == 0, made.stderr
        assert "Team workspace ready" in made.stdout
        again = cli("team", "init", owner)
        one_line_error(again, "already holds a team workspace")

        added = cli("team", "add-member", owner, "carol_cli", "--password-stdin", stdin="carol's secret\n")
        assert added.returncode == 0, added.stderr
        carol = team_server.url("carol_cli", database, password="carol's secret")

        # The URL works wherever a workspace is given: --workspace and the environment variable.
        listed = process("list", "--json", env={"POLICY_TRACKER_WORKSPACE": carol})
        assert listed.returncode == 0, listed.stderr
        assert {"title-42", "texas-sb4"} <= {p["slug"] for p in json.loads(listed.stdout)["policies"]}
        noted = cli("--workspace", carol, "add-note", "title-42", "--text", "Shared with the desk", "--team")
        assert noted.returncode == 0, noted.stderr
        private = cli("--workspace", carol, "add-note", "title-42", "--text", "Mine alone")
        assert private.returncode == 0, private.stderr
        notes = json.loads(cli("--workspace", carol, "notes", "--json").stdout)["notes"]
        assert sorted((n["text"], n["author"], n["shared"]) for n in notes) == [
            ("Mine alone", "carol_cli", False),
            ("Shared with the desk", "carol_cli", True),
        ]

        # The member cannot change the schema; the owner is refused as a daily client.
        with psycopg.connect(carol) as raw, pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("ALTER TABLE note DISABLE ROW LEVEL SECURITY")
        one_line_error(cli("--workspace", owner, "list"), "connect as a member")
    finally:
        team_server.admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        team_server.admin("DROP ROLE IF EXISTS carol_cli")


def test_a_note_shared_from_the_command_line_reaches_the_other_member(team: Team) -> None:
    shared = cli("--workspace", team.url("alice"), "add-note", "alpha", "--text", "For bob too", "--team")
    assert shared.returncode == 0, shared.stderr
    cli("--workspace", team.url("alice"), "add-note", "alpha", "--text", "Not for bob")
    seen = cli("--workspace", team.url("bob"), "notes")
    assert seen.returncode == 0, seen.stderr
    assert "For bob too" in seen.stdout and "(alice, shared)" in seen.stdout
    assert "Not for bob" not in seen.stdout


def test_a_wrong_password_is_told_in_words(team: Team) -> None:
    one_line_error(
        process("--workspace", team.url("alice", password="not-hers"), "list"), "refused the password"
    )


def test_a_server_that_is_down_is_told_in_words(team: Team) -> None:
    down = team.url("alice").replace(f"port={team.server.port}", "port=1")
    one_line_error(cli("--workspace", down, "list"), "it is down or unreachable")
    one_line_error(
        cli("--workspace", down, "add-note", "alpha", "--text", "kept?"), "it is down or unreachable"
    )


def test_no_permission_is_told_in_words_and_changes_nothing(team: Team) -> None:
    one_line_error(
        cli("team", "add-member", team.url("alice"), "mallory", "--password-stdin", stdin="x\n"),
        "may not do that",
    )
    with psycopg.connect(team.url("postgres")) as raw:
        assert raw.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'mallory'").fetchone() == (0,)


def test_a_newer_schema_opens_read_only_from_the_command_line(team: Team) -> None:
    team.admin_sql("UPDATE alembic_version SET version_num = '9999'")
    listed = cli("--workspace", team.url("alice"), "list")
    assert listed.returncode == 0, listed.stderr
    assert "alpha" in listed.stdout
    assert "newer version of Policy Tracker" in listed.stderr
    one_line_error(
        cli("--workspace", team.url("alice"), "add-note", "alpha", "--text", "not written"),
        "open read-only here",
    )


def test_backup_of_a_team_workspace_writes_a_json_bundle_and_restore_points_to_the_server(
    team: Team, tmp_path: object
) -> None:
    target = f"{tmp_path}/team.json"
    done = cli("--workspace", team.url("alice"), "backup", "-o", target)
    assert done.returncode == 0, done.stderr
    assert "pg_dump" in done.stdout
    with open(target, encoding="utf-8") as file:
        assert {p["slug"] for p in json.load(file)["policies"]} == {"alpha", "beta"}
    one_line_error(cli("--workspace", team.url("alice"), "restore", "latest"), "pg_dump")


def test_sharing_a_note_in_a_local_workspace_is_refused_in_words(tmp_path: object) -> None:
    path = f"{tmp_path}/local.sqlite"
    from app.services.workspace import Workspace

    Workspace.open(__import__("pathlib").Path(path), seeds_root=FIXTURES / "seeds_small").close()
    one_line_error(cli("--workspace", path, "add-note", "alpha", "--text", "x", "--team"), "team workspace")


def test_publish_a_personal_workspace_then_save_a_personal_copy(team: Team, tmp_path: object) -> None:
    from pathlib import Path

    from app.services import editing
    from app.services.inputs import NoteInput, PolicyInput
    from app.services.workspace import Workspace

    personal = Path(f"{tmp_path}/personal.sqlite")
    mine = Workspace.open(personal, seeds_root=FIXTURES / "seeds_small")
    try:
        policy_id, _ = editing.create_policy(mine, PolicyInput(title="Delta order"))
        editing.add_note(mine, policy_id, NoteInput(body="My reading of delta"))
    finally:
        mine.close()

    preview = cli("team", "publish", team.url("alice"), "--from", str(personal), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "would have" in preview.stdout and "1" in preview.stdout
    assert (
        "delta-order" not in cli("--workspace", team.url("bob"), "list").stdout
    )  # a dry run changes nothing

    done = cli("team", "publish", team.url("alice"), "--from", str(personal))
    assert done.returncode == 0, done.stderr
    assert "delta-order" in cli("--workspace", team.url("bob"), "list").stdout
    assert (
        "My reading of delta" not in cli("--workspace", team.url("bob"), "notes").stdout
    )  # private to alice
    assert "My reading of delta" in cli("--workspace", team.url("alice"), "notes").stdout

    copy = Path(f"{tmp_path}/offline.sqlite")
    abandoned = Path(f"{tmp_path}/.offline.sqlite.999999999.partial")  # a copy whose process was killed
    abandoned.write_bytes(b"half made")
    saved = cli("team", "copy", team.url("bob"), "-o", str(copy))
    assert saved.returncode == 0, saved.stderr
    assert not abandoned.exists()
    assert sorted(p.name for p in Path(f"{tmp_path}").iterdir() if p.name.startswith(".offline")) == []
    listed = cli("--workspace", str(copy), "list").stdout
    assert "delta-order" in listed and "alpha" in listed
    assert (
        "My reading of delta" not in cli("--workspace", str(copy), "notes").stdout
    )  # bob's copy: bob's view


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("postgresql://ana@[::1/tracker", "is not a PostgreSQL address"),
        ("postgresql://ana@db.example/", "names no database"),
        ("postgresql://ana@/tracker?sslmod=require", 'invalid connection option "sslmod"'),
        ("postgresql://ana@/tracker?sslmode=bogus", 'invalid sslmode value: "bogus"'),
        ("postgresql://ana@/tracker?host=/nowhere&port=99999", 'invalid port number: "99999"'),
        ("postgresql://ana@/tracker?host=/nowhere&connect_timeout=soon", "bad value for connect_timeout"),
    ],
)
def test_a_malformed_team_address_is_told_in_words_on_every_path(address: str, words: str) -> None:
    for argv in (["--workspace", address, "list"], ["team", "copy", address, "-o", "copy.sqlite"]):
        one_line_error(cli(*argv), words)
