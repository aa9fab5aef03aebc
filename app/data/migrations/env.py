"""Alembic environment: runs on the connection the app hands over, never on a URL of its own."""

from alembic import context
from sqlmodel import SQLModel

import app.data.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
