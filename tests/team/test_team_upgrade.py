"""Upgrading a team workspace made by an older version: members open it read-only and are told
who can upgrade it; the owner's `team upgrade` runs the history's PostgreSQL branches in one
transaction, so a kill or a busy table leaves it as it was, and the result is the schema a
fresh `team init` makes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time

import psycopg
import pytest

from app.data.postgres.schema import FORCED_RLS_TABLES, TEAM_BASELINE
from app.data.schema import HEAD_REVISION
from app.errors import UserError, WorkspaceReadOnly
from app.services import operations
from app.services import team as team_service
from app.services.inputs import PolicyInput
from app.services.policies import list_policies
from tests.conftest import REPO
from tests.team.command_line import cli, one_line_error
from tests.team.workspace_fixtures import Team

# The oldest team workspace there is: this version's, with the later migrations undone.
_OLDER = TEAM_BASELINE


def make_older(team: Team) -> None:
    """Undo the migrations after the team baseline, as the owner (what an older version made)."""
    from app.data.alembic_runner import downgrade_on
    from app.data.postgres.connection import make_engine, parse_url

    engine = make_engine(parse_url(team.url("postgres")))
    try:
        with engine.begin() as connection:
            downgrade_on(connection, _OLDER)
    finally:
        engine.dispose()


def revision(team: Team) -> str:
    with psycopg.connect(team.url("postgres")) as raw:
        found = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    assert found is not None
    return str(found[0])


def schema_facts(url: str) -> dict[str, list[tuple[object, ...]]]:
    """What makes up a schema: columns, indexes, constraints, triggers, policies, forced RLS, grants."""
    queries = {
        "columns": """SELECT table_name, column_name, data_type, is_nullable, column_default
                        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2""",
        "indexes": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
        "constraints": """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                            FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2""",
        "triggers": """SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)
                         FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2""",
        "policies": "SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2",
        "rls": """SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
                   WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1""",
        "grants": """SELECT table_name, privilege_type FROM information_schema.role_table_grants
                      WHERE grantee LIKE '%%_members' ORDER BY 1, 2""",
    }
    with psycopg.connect(url) as raw:
        return {name: raw.execute(sql).fetchall() for name, sql in queries.items()}


def test_a_member_opens_an_older_team_workspace_read_only_and_is_told_who_upgrades_it(team: Team) -> None:
    make_older(team)
    workspace = team.open("alice")
    try:
        assert workspace.read_only
        assert "older version" in workspace.notice and "team upgrade" in workspace.notice
        assert [r.slug for r in list_policies(workspace)] == ["alpha", "beta"]
        with pytest.raises(WorkspaceReadOnly, match="team upgrade"):
            operations.add_policy(workspace, PolicyInput(title="Not written"))
    finally:
        workspace.close()


def test_the_owner_upgrades_it_to_the_schema_a_fresh_init_makes(team: Team) -> None:
    fresh = schema_facts(team.url("postgres"))
    make_older(team)
    assert revision(team) == _OLDER
    assert schema_facts(team.url("postgres")) != fresh  # the undone migrations changed something

    done = subprocess.run(
        [sys.executable, "-m", "app", "team", "upgrade", team.url("postgres")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Upgraded the team workspace from schema {_OLDER} to {HEAD_REVISION}"
    assert revision(team) == HEAD_REVISION
    assert schema_facts(team.url("postgres")) == fresh

    workspace = team.open("alice")
    try:
        assert not workspace.read_only and not workspace.notice
        # Filled in for the rows already there: a word found only in an excerpt finds its policies.
        assert [r.slug for r in workspace.store.policy_rows("enjoined")] == ["alpha"]
        operations.add_policy(workspace, PolicyInput(title="Written after the upgrade"))
    finally:
        workspace.close()
    again = cli("team", "upgrade", team.url("postgres"))
    assert again.returncode == 0
    assert "up to date" in again.stdout and "nothing was changed" in again.stdout


def test_a_member_cannot_upgrade_it(team: Team) -> None:
    make_older(team)
    one_line_error(cli("team", "upgrade", team.url("alice")), "may not do that")
    assert revision(team) == _OLDER


def test_a_workspace_newer_than_this_version_is_not_touched(team: Team) -> None:
    team.admin_sql("UPDATE alembic_version SET version_num = '9999'")
    one_line_error(cli("team", "upgrade", team.url("postgres")), "newer version of Policy Tracker")
    assert revision(team) == "9999"


def test_an_unfinished_write_makes_the_upgrade_give_up_in_words_changing_nothing(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.data.postgres import team as team_data

    make_older(team)
    monkeypatch.setattr(team_data, "UPGRADE_LOCK_TIMEOUT", "300ms")
    with psycopg.connect(team.url("postgres")) as busy:
        busy.execute("LOCK TABLE search_doc IN ROW EXCLUSIVE MODE")  # a write in progress
        with pytest.raises(UserError, match="in the middle of a change"):
            team_service.upgrade_team(team.url("postgres"))
    assert revision(team) == _OLDER
    assert all(forced for _name, _on, forced in _forced(team))


def _forced(team: Team) -> list[tuple[str, bool, bool]]:
    with psycopg.connect(team.url("postgres")) as raw:
        return [
            (str(r[0]), bool(r[1]), bool(r[2]))
            for r in raw.execute(
                "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY(%s)",
                (list(FORCED_RLS_TABLES),),
            ).fetchall()
        ]


def _upgrade_process(team: Team) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "team", "upgrade", team.url("postgres")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def _assert_whole(team: Team) -> str:
    """The workspace is at one revision or the other, never between, and row-level security holds."""
    found = revision(team)
    assert found in (_OLDER, HEAD_REVISION)
    with psycopg.connect(team.url("postgres")) as raw:
        has_column = raw.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'search_doc' AND column_name = 'source_id'"
        ).fetchone()
    assert has_column == ((1,) if found == HEAD_REVISION else (0,))
    assert _forced(team) and all(on and forced for _name, on, forced in _forced(team))
    return found


def test_killing_the_upgrade_while_it_holds_the_tables_leaves_the_older_workspace_whole(team: Team) -> None:
    make_older(team)
    with (
        psycopg.connect(team.url("postgres")) as busy,
        psycopg.connect(team.url("postgres"), autocommit=True) as watch,
    ):
        busy.execute("LOCK TABLE search_doc IN ROW EXCLUSIVE MODE")
        upgrading = _upgrade_process(team)
        # Wait until it is inside its transaction (row-level security lifted, waiting for the table).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            waiting = watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'policy-tracker' "
                "AND wait_event_type = 'Lock'"
            ).fetchone()
            if waiting and waiting[0]:
                break
            time.sleep(0.05)
        else:
            upgrading.kill()
            pytest.fail("the upgrade never reached the table")
        upgrading.send_signal(signal.SIGKILL)
        upgrading.communicate()
    # The server notices the dead client and rolls its transaction back.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with psycopg.connect(team.url("postgres")) as raw:
            left = raw.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'policy-tracker'"
            ).fetchone()
        if left == (0,):
            break
        time.sleep(0.05)
    assert _assert_whole(team) == _OLDER


@pytest.mark.skipif(os.environ.get("PT_SKIP_KILLS") == "1", reason="kill harnesses turned off")
def test_twenty_kills_at_random_moments_leave_one_revision_or_the_other(team: Team) -> None:
    rng = random.Random(2112)
    started = time.monotonic()
    make_older(team)
    whole = _upgrade_process(team)
    whole.communicate(timeout=120)
    lifetime = time.monotonic() - started
    outcomes = []
    for _ in range(20):
        if revision(team) != _OLDER:
            make_older(team)
        upgrading = _upgrade_process(team)
        timer = threading.Timer(rng.uniform(0.2, lifetime), upgrading.send_signal, (signal.SIGKILL,))
        timer.start()
        upgrading.communicate(timeout=120)
        timer.cancel()
        time.sleep(0.1)  # the server's end of a killed connection rolls back
        outcomes.append(_assert_whole(team))
    print(f"kill outcomes: {outcomes.count(_OLDER)} left it older, {outcomes.count(HEAD_REVISION)} upgraded")
    assert _OLDER in outcomes  # some kills landed before the commit
    workspace = team.open("alice")
    try:
        assert [r.slug for r in list_policies(workspace)] == ["alpha", "beta"]
    finally:
        workspace.close()


def test_a_schema_older_than_any_team_workspace_is_refused_in_words(team: Team) -> None:
    team.admin_sql("UPDATE alembic_version SET version_num = '0003'")
    one_line_error(cli("team", "upgrade", team.url("postgres")), "that no team workspace ever had")
    assert revision(team) == "0003"
