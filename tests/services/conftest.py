from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.workspace import Workspace
from tests.conftest import FIXTURES


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace with the two-policy fixture dataset."""
    workspace = Workspace.open(tmp_path / "small.sqlite", seeds_root=FIXTURES / "seeds_small")
    yield workspace
    workspace.close()
