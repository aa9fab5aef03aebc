"""Setting up a team workspace on a server: its schema and its people (PostgreSQL roles).

`init` runs as the role that will own the tables (the URL's user, an administrator); it makes
the schema, a member role (NOLOGIN) that may read and write rows but not change the schema,
and stamps the schema revision. `add_member` makes a login role for one analyst, a member of
that role. Clients connect as members, never as the owner: row-level security then holds for
them whatever they do. `upgrade` runs, as the owner, the migrations of the one Alembic history
that a workspace made by an older version lacks (their PostgreSQL branches), in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors, sql

from app.data.postgres import connection as server
from app.data.postgres import schema
from app.data.schema import HEAD_REVISION
from app.errors import InvalidInput, UserError, WorkspaceUnusable
from app.messages import _

if TYPE_CHECKING:
    from sqlalchemy.engine import URL
    from sqlmodel import Session


def member_role_for(database: str) -> str:
    """The member role of a database: one per team workspace (roles belong to the whole server)."""
    return f"{database}_members"


def _server_error(error: BaseException) -> psycopg.Error | None:
    """The server's error behind `error`, raised by psycopg itself or wrapped by SQLAlchemy."""
    cause = error if isinstance(error, psycopg.Error) else getattr(error, "orig", None)
    return cause if isinstance(cause, psycopg.Error) else None


def _not_a_team_workspace(url: URL) -> WorkspaceUnusable:
    return WorkspaceUnusable(
        _("{display_name} is not a team workspace yet: run `policy-tracker team init` first").format(
            display_name=server.display_name(url)
        )
    )


def _fail(error: psycopg.Error, url: URL) -> UserError:
    if isinstance(error, errors.InsufficientPrivilege):
        return UserError(
            _(
                "{user} may not do that on the server of {display_name} (it needs to own the database and be allowed to create roles); nothing was changed"
            ).format(user=url.username or _("This user"), display_name=server.display_name(url))
        )
    return server.in_words(error, server.display_name(url)) or UserError(str(error).strip())


def init(url: URL, fill: Callable[[Session], None] | None = None) -> str:
    """Make the team workspace in the (empty) database of `url`; returns the member role's name.

    One transaction: the schema, the member role's rights, and `fill` (the starter data), all
    or nothing. A database that already holds a workspace is refused.
    """
    from sqlmodel import Session

    engine = server.make_engine(url)
    role = member_role_for(str(url.database))
    try:
        with engine.begin() as connection:
            if schema.read_revision(connection) is not None:
                raise InvalidInput(
                    _("{display_name} already holds a team workspace; nothing was changed").format(
                        display_name=server.display_name(url)
                    )
                )
            raw: Any = connection.connection.dbapi_connection
            exists = connection.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = %(role)s", {"role": role}
            ).scalar()
            if not exists:
                raw.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
            schema.create(connection, role)
            if fill is not None:
                import app.data.postgres.search  # noqa: F401  (documents are written on flush)

                with Session(bind=connection, expire_on_commit=False) as session:
                    fill(session)
                    session.flush()
    except Exception as error:
        cause = _server_error(error)
        if cause is None:
            raise
        raise _fail(cause, url) from None
    finally:
        engine.dispose()
    return role


def add_member(url: URL, name: str, password: str) -> bool:
    """A login role for one analyst, in the workspace's member role; False when the role existed
    already (an analyst of another team workspace on the server): it is made a member, its
    password left as it is."""
    if not name or not name.replace("_", "").replace("-", "").replace(".", "").isalnum():
        raise InvalidInput(
            _("“{name}” cannot be a user name: use letters, digits, '.', '-' or '_'").format(name=name)
        )
    if not password:
        raise InvalidInput(_("A member needs a password; nothing was changed"))
    try:
        with psycopg.connect(server.conninfo(url)) as connection:
            found = connection.execute(
                "SELECT value FROM meta WHERE key = %s", (schema.MEMBER_ROLE_KEY,)
            ).fetchone()
            if found is None:
                raise _not_a_team_workspace(url)
            taken = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if not taken:
                connection.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                        sql.Identifier(name), sql.Literal(password)
                    )
                )
            connection.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(found[0]), sql.Identifier(name))
            )
    except psycopg.errors.UndefinedTable:
        raise _not_a_team_workspace(url) from None
    except psycopg.Error as error:
        raise _fail(error, url) from None
    return not taken


# How long an upgrade waits for a member's unfinished write before giving up (it needs the tables to itself).
UPGRADE_LOCK_TIMEOUT = "30s"


def upgrade(url: URL) -> tuple[str, str]:
    """Bring the team workspace of `url` to this version's schema; returns (from, to) revisions.

    Runs as the owner of the tables, in one transaction: all the migrations or none. Row-level
    security stops applying to the owner while it runs (a migration must reach every analyst's
    notes) and applies again before it commits. The members' rights are granted on anything new.
    """
    from app.data.alembic_runner import upgrade_on

    name = server.display_name(url)
    engine = server.make_engine(url)
    try:
        with engine.begin() as connection:
            found = schema.read_revision(connection)
            if found is None:
                raise _not_a_team_workspace(url)
            if found > HEAD_REVISION:
                raise WorkspaceUnusable(
                    _(
                        "{display_name} was upgraded by a newer version of Policy Tracker (schema {found}); this version knows {head} at most: update the app"
                    ).format(display_name=name, found=found, head=HEAD_REVISION)
                )
            if found == HEAD_REVISION:
                return found, found
            if found < schema.TEAM_BASELINE:  # team workspaces began at the baseline: none is older
                raise WorkspaceUnusable(
                    _("{display_name} has a schema ({found}) that no team workspace ever had").format(
                        display_name=name, found=found
                    )
                )
            run = connection.exec_driver_sql
            run(f"SET LOCAL lock_timeout = '{UPGRADE_LOCK_TIMEOUT}'")
            for table in schema.FORCED_RLS_TABLES:
                run(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            upgrade_on(connection)
            for table in schema.FORCED_RLS_TABLES:
                run(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
            role = connection.exec_driver_sql(
                "SELECT value FROM meta WHERE key = %(key)s", {"key": schema.MEMBER_ROLE_KEY}
            ).scalar()
            schema.grant_members(connection, str(role))
    except Exception as error:
        cause = _server_error(error)
        if isinstance(cause, errors.LockNotAvailable):
            raise UserError(
                _(
                    "An analyst is in the middle of a change in {display_name}; nothing was changed: try the upgrade again in a moment"
                ).format(display_name=name)
            ) from None
        if cause is None:
            raise
        raise _fail(cause, url) from None
    finally:
        engine.dispose()
    return found, HEAD_REVISION
