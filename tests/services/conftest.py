from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.workspace import Workspace
from tests.conftest import FIXTURES, team_workspace_fixture


@pytest.fixture(params=["sqlite", "postgresql"])
def small(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """A workspace with the two-policy fixture dataset: a local file, then a team workspace on PostgreSQL."""
    if request.param == "postgresql":
        if request.node.get_closest_marker("sqlite_only"):
            pytest.skip(request.node.get_closest_marker("sqlite_only").args[0])
        yield from team_workspace_fixture(request, "pt_small", FIXTURES / "seeds_small")  # type: ignore[misc]
        return
    workspace = Workspace.open(tmp_path / "small.sqlite", seeds_root=FIXTURES / "seeds_small")
    yield workspace
    workspace.close()
