"""Two analysts, alice and bob, on one fresh team workspace (a copy of the two-policy dataset):
fixtures for every test that needs a team workspace (a plugin of tests/conftest.py), wherever
it stands: the team suite, the window's, the end-to-end ones."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from app.services.team import TeamWorkspace
from tests.conftest import FIXTURES
from tests.team_server import TeamServer

SEEDS = FIXTURES / "seeds_small"


@dataclass
class Team:
    server: TeamServer
    database: str

    def url(self, user: str, password: str | None = None) -> str:
        return self.server.url(user, self.database, password)

    def open(self, user: str) -> TeamWorkspace:
        return TeamWorkspace.open_url(self.url(user), seeds_root=SEEDS)

    def admin_sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(statement)


@pytest.fixture
def team(team_server: TeamServer) -> Iterator[Team]:
    name = team_server.fresh_database(team_server.template("pt_small", SEEDS))
    yield Team(team_server, name)
    team_server.drop_database(name)


@pytest.fixture
def alice(team: Team) -> Iterator[TeamWorkspace]:
    workspace = team.open("alice")
    yield workspace
    workspace.close()


@pytest.fixture
def bob(team: Team) -> Iterator[TeamWorkspace]:
    workspace = team.open("bob")
    yield workspace
    workspace.close()
