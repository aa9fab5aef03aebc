"""Every schema change is an Alembic revision, and old workspaces upgrade safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.data.schema import HEAD_REVISION, RAW_SQL_INDEXES, RAW_SQL_TABLES
from app.data.sqlite import migrate, workspace_file
from app.data.sqlite.db import make_engine
from app.errors import WorkspaceUnusable
from app.services.workspace import Workspace


def test_head_constant_matches_the_migrations() -> None:
    assert migrate.head_revision() == HEAD_REVISION


def test_the_tables_match_the_migrations(empty_workspace: Workspace) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with empty_workspace.engine.connect() as connection:
        # The search index (FTS5) and the list rows are raw SQL that the ORM does not model.
        def include(obj: object, name: str | None, kind: str, reflected: bool, _: object) -> bool:
            return not ((name or "").startswith("search_") or name in RAW_SQL_INDEXES | RAW_SQL_TABLES)

        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include}
        )
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def _workspace_at_first_revision(path: Path) -> None:
    migrate.upgrade(path, "0001")
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies,"
        " tags, origin, created_at, updated_at) VALUES ('p1', 'old-policy', 'Old policy', '[\"OP\"]',"
        " 'texas', 'state_law', 'Zanzibar clause', '', '[]', '[]', 'user', '2020', '2020')"
    )
    connection.execute(
        "INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at)"
        " VALUES ('n1', 'p1', '', 'my old note about quokkas', '[]', 0, '2020', '2020')"
    )
    connection.commit()
    connection.close()


def test_a_workspace_from_the_first_revision_upgrades_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _workspace_at_first_revision(path)
    workspace = Workspace.open(path)
    reader = workspace.store.connection
    assert reader.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    assert reader.execute("SELECT body FROM note").fetchone()[0] == "my old note about quokkas"
    # The new search index was filled from the rows that were already there.
    from app.data.sqlite.read import list_policies

    assert [r.slug for r in list_policies(reader, "quokkas")] == ["old-policy"]
    assert [r.slug for r in list_policies(reader, "zanzibar")] == ["old-policy"]
    aside = list(tmp_path.glob("old.before-upgrade-from-0001*.sqlite"))
    assert len(aside) == 1
    copy = sqlite3.connect(aside[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    copy.close()
    workspace.close()


def test_a_workspace_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    Workspace.open(path, starter_data=False).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceUnusable, match="newer version"):
        Workspace.open(path)
    assert path.read_bytes() == before


def test_a_workspace_from_the_second_revision_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "r2.sqlite"
    migrate.upgrade(path, "0002")
    workspace = Workspace.open(path)
    assert (
        workspace.store.connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        == HEAD_REVISION
    )
    assert workspace.store.connection.execute("SELECT count(*) FROM saved_search").fetchone()[0] == 0
    assert list(tmp_path.glob("r2.before-upgrade-from-0002*.sqlite"))
    workspace.close()


def test_a_failed_migration_leaves_the_original_untouched(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _workspace_at_first_revision(path)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE search_doc (x)")  # makes migration 0002 fail half-way
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceUnusable, match="The file is unchanged"):
        Workspace.open(path)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert (
        connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0] == 0
    )
    assert connection.execute("SELECT body FROM note").fetchone()[0] == "my old note about quokkas"
    connection.close()
    assert path.read_bytes() == before


def _objects(path: Path) -> set[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        return {(kind, name) for kind, name in rows}
    finally:
        connection.close()


def _blocked_workspace_at_first_revision(path: Path) -> None:
    """At 0001, with a table of the person's own named as migration 0003's: 0002 runs, then 0003 fails."""
    _workspace_at_first_revision(path)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE saved_search (mine TEXT)")
    connection.execute("INSERT INTO saved_search VALUES ('keep me')")
    connection.commit()
    connection.close()


def test_a_failure_late_in_the_upgrade_leaves_the_file_exactly_at_its_old_revision(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _blocked_workspace_at_first_revision(path)
    objects_before = _objects(path)
    before = path.read_bytes()
    with pytest.raises(WorkspaceUnusable, match=r"saved_search already exists.*The file is unchanged"):
        Workspace.open(path)
    # Migration 0002 had made the search index and filled it; none of that stays.
    assert _objects(path) == objects_before
    assert not {name for _kind, name in _objects(path)} & {"search_doc", "search_fts", "search_fts_data"}
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert connection.execute("SELECT mine FROM saved_search").fetchall() == [("keep me",)]
    assert connection.execute("SELECT body FROM note").fetchone()[0] == "my old note about quokkas"
    connection.close()
    assert path.read_bytes() == before


def test_failed_upgrades_do_not_pile_up_copies(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _blocked_workspace_at_first_revision(path)
    for _ in range(3):
        with pytest.raises(
            WorkspaceUnusable, match=r"a copy was saved as old\.before-upgrade-from-0001\.sqlite$"
        ):
            Workspace.open(path)
    assert [p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name] == [
        "old.before-upgrade-from-0001.sqlite"
    ]


def _half_done_by_an_older_version(path: Path) -> None:
    """The state versions before this one left when killed early in an upgrade from 0001: the first
    CREATEs of migration 0002 committed one by one, the version still 0001."""
    _workspace_at_first_revision(path)
    # They wrote the copy first, straight under its final name, in the workspace's WAL mode.
    source = sqlite3.connect(path)
    copy = sqlite3.connect(path.with_name("old.before-upgrade-from-0001.sqlite"))
    source.backup(copy)
    copy.close()
    source.close()
    made_by_0002 = migrate.schema_at("0002")
    connection = sqlite3.connect(path, isolation_level=None)
    for kind, name in [
        ("table", "search_doc"),
        ("table", "search_fts"),
        ("trigger", "search_doc_ai"),
        ("trigger", "search_doc_ad"),
        ("trigger", "search_policy_ai"),
    ]:
        connection.execute(made_by_0002[(kind, name)])
    connection.close()


def test_an_upgrade_an_older_version_left_half_done_is_redone(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    path = tmp_path / "old.sqlite"
    _half_done_by_an_older_version(path)
    # Before: "Could not upgrade … (table search_doc already exists)" on every launch, forever.
    launched = subprocess.run(
        [sys.executable, "-m", "app", "list", "--workspace", str(path), "--search", "quokkas"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert launched.returncode == 0, launched.stderr
    assert launched.stdout.split()[0] == "old-policy"
    for _ in range(2):
        workspace = Workspace.open(path)
        reader = workspace.store.connection
        assert reader.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        assert reader.execute("SELECT body FROM note").fetchone()[0] == "my old note about quokkas"
        from app.data.sqlite.read import list_policies

        assert [r.slug for r in list_policies(reader, "quokkas")] == ["old-policy"]
        workspace.close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert _objects(path) == set(migrate.schema_at(HEAD_REVISION))
    # The older version's copy holds the same data: kept as the one copy, nothing left beside it.
    assert [p.name for p in tmp_path.glob("old.before-upgrade-from-0001*")] == [
        "old.before-upgrade-from-0001.sqlite"
    ]


def _dead_pid() -> int:
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_copy_cut_short_is_neither_reused_nor_left_half_written(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _workspace_at_first_revision(path)
    good = tmp_path / "good.sqlite"
    workspace_file.copy_aside(path, "0001").rename(good)
    # A copy that an older version cut short under the final name, and one of ours under its temporary name.
    cut_short = tmp_path / "old.before-upgrade-from-0001.sqlite"
    cut_short.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    partial = tmp_path / f"old.before-upgrade-from-0001-2.sqlite.partial-{_dead_pid()}"
    partial.write_bytes(good.read_bytes()[:4096])
    Workspace.open(path).close()
    assert not partial.exists()
    assert cut_short.read_bytes() == good.read_bytes()[: good.stat().st_size // 2]  # kept, not trusted
    copy = tmp_path / "old.before-upgrade-from-0001-2.sqlite"
    connection = sqlite3.connect(copy)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert connection.execute("SELECT body FROM note").fetchone()[0] == "my old note about quokkas"
    connection.close()


def test_a_copy_from_the_same_revision_but_older_data_is_not_reused(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _workspace_at_first_revision(path)
    earlier = workspace_file.copy_aside(path, "0001")
    assert workspace_file.copy_aside(path, "0001") == earlier  # the same data: reused
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at)"
        " VALUES ('n2', 'p1', '', 'written after the first copy', '[]', 0, '2021', '2021')"
    )
    connection.commit()
    connection.close()
    Workspace.open(path).close()
    newer = tmp_path / "old.before-upgrade-from-0001-2.sqlite"
    connection = sqlite3.connect(newer)
    assert connection.execute("SELECT count(*) FROM note").fetchone()[0] == 2
    connection.close()


def test_a_migration_that_rebuilds_a_table_keeps_the_rows_that_point_at_it(tmp_path: Path) -> None:
    """Batch mode rebuilds a table by copying it and dropping the old one; with foreign keys on, that
    drop would cascade into the notes. Migration connections run with them off, checked at the end."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    path = tmp_path / "old.sqlite"
    _workspace_at_first_revision(path)  # at 0001: no triggers on policy yet to get in the way
    engine = make_engine(path, transactional_ddl=True)
    with engine.begin() as connection:
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("policy", recreate="always") as batch:
            batch.alter_column("summary", server_default="")
        migrate.check_references(connection)
    engine.dispose()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT body FROM note").fetchall() == [("my old note about quokkas",)]
    connection.close()


def test_a_migration_that_leaves_a_broken_reference_is_not_committed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _workspace_at_first_revision(path)
    engine = make_engine(path, transactional_ddl=True)
    with pytest.raises(RuntimeError, match="point at missing rows"), engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM policy")
        migrate.check_references(connection)
    engine.dispose()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM policy").fetchone()[0] == 1
    connection.close()
