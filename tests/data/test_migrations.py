"""Every schema change is an Alembic revision, and old workspaces upgrade safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.data import migrate
from app.data.schema import HEAD_REVISION, RAW_SQL_INDEXES, RAW_SQL_TABLES
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
    reader = workspace.reader
    assert reader.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    assert reader.execute("SELECT body FROM note").fetchone()[0] == "my old note about quokkas"
    # The new search index was filled from the rows that were already there.
    from app.data.read import list_policies

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
    assert workspace.reader.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    assert workspace.reader.execute("SELECT count(*) FROM saved_search").fetchone()[0] == 0
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
