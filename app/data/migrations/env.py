"""Alembic environment: runs on the connection the app hands over, never on a URL of its own.

One history for both backends: a local workspace (SQLite) and a team workspace (PostgreSQL,
from revision 0008 on, upgraded by its owner with `policy-tracker team upgrade`). A migration
that must differ between them branches on `op.get_bind().dialect.name`.

The app runs every pending migration inside one SQLite transaction it began (migrate.upgrade),
so an upgrade is all or nothing. A migration must therefore do only what SQLite allows inside a
transaction: no PRAGMA journal_mode or foreign_keys (they do nothing there), no VACUUM.
Foreign keys are off on this connection, so a table rebuilt by batch mode keeps its children.
"""

from alembic import context
from sqlmodel import SQLModel

import app.data.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
if not connection.in_transaction():
    raise RuntimeError("migrations run only inside the caller's transaction (see app/data/migrate.py)")
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
    transactional_ddl=True,  # SQLite's once pysqlite autocommit is handled; PostgreSQL's always
)
with context.begin_transaction():
    context.run_migrations()
