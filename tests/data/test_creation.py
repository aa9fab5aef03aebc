"""A new workspace appears whole or not at all, and what older versions left half-created is finished."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.data.schema import HEAD_REVISION
from app.data.sqlite import migrate, workspace_file
from app.errors import InvalidInput, WorkspaceUnusable
from app.services.workspace import Workspace
from tests.conftest import REPO


def _count(path: Path, sql: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


def _list(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "list", "--workspace", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def test_a_workspace_an_older_version_left_without_its_starter_data_gets_it(
    tmp_path: Path, starter_template: Path
) -> None:
    # Older versions committed the schema, then loaded the starter data: a kill between left this.
    path = tmp_path / "half.sqlite"
    migrate.upgrade(path)
    result = _list(path)
    assert result.returncode == 0, result.stderr
    starter_policies = _count(starter_template, "SELECT count(*) FROM policy")
    assert _count(path, "SELECT count(*) FROM policy") == starter_policies > 0
    assert len(result.stdout.splitlines()) == starter_policies
    assert workspace_file.read_meta(path, workspace_file.STARTER_KEY) == "yes"


def test_a_half_created_workspace_that_already_holds_policies_gets_no_starter_data(tmp_path: Path) -> None:
    path = tmp_path / "half.sqlite"
    migrate.upgrade(path)
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies,"
        " tags, origin, created_at, updated_at) VALUES ('p1', 'mine', 'Mine', '[]', 'texas', 'state_law',"
        " '', '', '[]', '[]', 'user', '2020', '2020')"
    )
    connection.commit()
    connection.close()
    Workspace.open(path).close()
    assert _count(path, "SELECT count(*) FROM policy") == 1
    assert workspace_file.read_meta(path, workspace_file.STARTER_KEY) == "no"


def _empty_wal_file(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")  # writes the header: an SQLite file with nothing in it
    connection.close()


def _some_empty_tables_and_no_version(path: Path) -> None:
    """Older versions committed each CREATE of a new workspace on its own: killed after a few of them."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    for name in ("meta", "policy"):
        connection.execute(migrate.schema_at("0001")[("table", name)])
    connection.close()


@pytest.mark.parametrize("leftover", [_empty_wal_file, _some_empty_tables_and_no_version])
def test_a_creation_an_older_version_cut_short_is_done_again(tmp_path: Path, leftover: object) -> None:
    path = tmp_path / "new.sqlite"
    leftover(path)  # type: ignore[operator]
    assert workspace_file.read_revision(path) is None  # before: "not a Policy Tracker workspace", forever
    workspace = Workspace.open(path, starter_data=False)
    assert (
        workspace.store.connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        == HEAD_REVISION
    )
    workspace.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]
    assert workspace_file.read_meta(path, workspace_file.STARTER_KEY) == "no"


def test_another_programs_empty_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipe (name TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceUnusable, match="not a Policy Tracker workspace"):
        Workspace.open(path)
    assert path.read_bytes() == before


def test_a_creation_that_fails_leaves_nothing_behind(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "policies").mkdir(parents=True)
    (seeds / "policies" / "broken.toml").write_text("title = ")
    folder = tmp_path / "workspaces"
    with pytest.raises(InvalidInput, match=r"broken\.toml"):
        Workspace.open(folder / "new.sqlite", seeds_root=seeds)
    assert list(folder.iterdir()) == []


def test_a_new_workspace_is_never_seen_half_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While it is being built it lives under a temporary name; the final name appears complete."""
    import app.data.seeds

    path = tmp_path / "new.sqlite"
    seen: list[tuple[str | None, list[str]]] = []
    real_load = app.data.seeds.load_starter_data

    def watching(session: object, root: Path) -> object:
        seen.append((workspace_file.read_revision(path), sorted(p.name for p in tmp_path.iterdir())))
        return real_load(session, root)  # type: ignore[arg-type]

    monkeypatch.setattr(app.data.seeds, "load_starter_data", watching)
    Workspace.open(path).close()
    building = f"new.sqlite.partial-{os.getpid()}"
    assert seen == [(None, [building, f"{building}-shm", f"{building}-wal"])]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]
    assert workspace_file.read_meta(path, workspace_file.STARTER_KEY) == "yes"
