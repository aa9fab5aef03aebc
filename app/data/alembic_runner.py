"""Running the one Alembic history (app/data/migrations) on a connection the caller holds.

Shared by both stores: a local workspace's file is upgraded when it is opened
(app.data.sqlite.migrate), a team workspace's database by its owner (app.data.postgres.upgrade).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade_on(connection: Connection, target: str = "head") -> None:
    """Run the pending migrations inside the caller's transaction (which must be transactional DDL)."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, target)


def downgrade_on(connection: Connection, target: str) -> None:
    """Undo migrations down to `target`, inside the caller's transaction."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, target)
