"""Test-wide set-up: Qt offscreen, and no test ever touches the user's real data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Exceptions in Qt slots, event handlers and threads fail the tests, here and in every process started.
pytest_plugins = ["tests.qt_errors"]


@pytest.fixture(autouse=True)
def _private_data_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("POLICY_TRACKER_WORKSPACE", raising=False)


@pytest.fixture(scope="session")
def starter_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the real starter dataset, built once and copied by tests that need one."""
    from app.services.workspace import Workspace

    path = tmp_path_factory.mktemp("template") / "starter.sqlite"
    Workspace.open(path).close()
    return path


@pytest.fixture
def workspace_path(tmp_path: Path, starter_template: Path) -> Path:
    import shutil

    path = tmp_path / "workspace.sqlite"
    shutil.copyfile(starter_template, path)
    return path


@pytest.fixture
def workspace(workspace_path: Path) -> Iterator[object]:
    from app.services.workspace import Workspace

    opened = Workspace.open(workspace_path)
    yield opened
    opened.close()


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Iterator[object]:
    from app.services.workspace import Workspace

    opened = Workspace.open(tmp_path / "empty.sqlite", starter_data=False)
    yield opened
    opened.close()
