"""Test-wide set-up: Qt offscreen, and no test ever touches the user's real data folder."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# The messages of the command line follow these before LANG (app/messages.py): the tests expect English
# unless they ask for another language themselves.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Exceptions in Qt slots, event handlers and threads fail the tests, here and in every process started.
pytest_plugins = ["tests.qt_errors", "tests.team.workspace_fixtures"]


@pytest.fixture(autouse=True)
def _private_data_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("POLICY_TRACKER_WORKSPACE", raising=False)
    # The system keyring, in tests and the processes they start: a file in the test's own data folder.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")


@pytest.fixture(autouse=True)
def _messages_in_english() -> Iterator[None]:
    """A test that switched the messages' language (the command line's --language) leaves English."""
    yield
    from app.messages import use_language

    use_language("en")


@pytest.fixture(autouse=True)
def _no_workspace_left_open(tmp_path: Path) -> Iterator[None]:
    """After each test, no file of a workspace in its folder is still open in this process.

    A connection nobody closes keeps the file open; on Windows the workspace can then not be
    renamed or replaced (restore, upgrade, moving a damaged file aside). Background threads get a
    moment to finish their query first.
    """
    yield
    if not PROCESS_FILES.is_dir():
        return  # no /proc (macOS, Windows): tests/data/test_connections_closed.py still reads the code
    if not open_workspace_files(tmp_path):
        return
    # What the garbage collector would close is not counted here (the code reading test does that);
    # what stays open is held by something still alive: a window, a cache, a thread still running.
    gc.collect()
    deadline = time.monotonic() + 2
    while (left := open_workspace_files(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, f"still open after the test: {left}"


PROCESS_FILES = Path("/proc/self/fd")


def open_workspace_files(folder: Path) -> list[str]:
    """The SQLite files (and their -wal and -shm) under `folder` this process has open."""
    found = []
    for descriptor in PROCESS_FILES.iterdir() if PROCESS_FILES.is_dir() else ():
        try:
            target = os.readlink(descriptor)
        except OSError:  # closed since the listing (the listing's own descriptor among them)
            continue
        if target.startswith(f"{folder}{os.sep}") and ".sqlite" in Path(target).name:
            found.append(target.removeprefix(f"{folder}{os.sep}"))
    return sorted(found)


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


@pytest.fixture(scope="session")
def team_server() -> Iterator[object]:
    """A PostgreSQL server of this test session (skips, saying why, when none can be started)."""
    from tests.team_server import start_server, why_not_available

    reason = why_not_available()
    if reason is not None:
        pytest.skip(f"team-workspace tests need PostgreSQL: {reason}")
    server = start_server()
    yield server
    server.stop()
    import shutil

    shutil.rmtree(server.folder, ignore_errors=True)


def team_workspace_fixture(
    request: pytest.FixtureRequest, template: str, seeds_root: Path | None
) -> Iterator[object]:
    """A fresh team workspace copied from a template, opened as alice; dropped afterwards."""
    from app.services.team import TeamWorkspace

    server = request.getfixturevalue("team_server")
    name = server.fresh_database(server.template(template, seeds_root))
    opened = TeamWorkspace.open_url(server.url("alice", name), seeds_root=seeds_root)
    try:
        yield opened
    finally:
        opened.close()
        server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def small(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A workspace with the two-policy fixture dataset: a local file, then a team workspace on PostgreSQL."""
    from app.services.workspace import Workspace

    if request.param == "postgresql":
        if request.node.get_closest_marker("sqlite_only"):
            pytest.skip(request.node.get_closest_marker("sqlite_only").args[0])
        yield from team_workspace_fixture(request, "pt_small", FIXTURES / "seeds_small")  # type: ignore[misc]
        return
    workspace = Workspace.open(tmp_path / "small.sqlite", seeds_root=FIXTURES / "seeds_small")
    yield workspace
    workspace.close()
