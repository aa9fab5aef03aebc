"""Reaching the server: the URL of a team workspace, its engine, and its failures in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.errors import UserError, WorkspaceUnusable
from app.messages import _

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine

# How long opening a connection waits for a server that does not answer (a laptop off the VPN).
CONNECT_TIMEOUT_SECONDS = 10


def require_driver() -> None:
    """Refuse in words when the optional driver is not installed."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise WorkspaceUnusable(
            _('A team workspace needs the PostgreSQL driver: pip install "policy-tracker[team]"')
        ) from None


def parse_url(text: str) -> URL:
    """The SQLAlchemy URL of a team workspace, whatever PostgreSQL spelling it was given in."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):  # a malformed host or port ("[::1", ":abc") is a ValueError
        raise WorkspaceUnusable(
            _("“{text}” is not a PostgreSQL address (postgresql://USER@HOST/DATABASE)").format(text=text)
        ) from None
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise WorkspaceUnusable(
            _("“{text}” is not a PostgreSQL address (postgresql://USER@HOST/DATABASE)").format(text=text)
        )
    if not url.database:
        raise WorkspaceUnusable(
            _("“{address}” names no database (postgresql://USER@HOST/DATABASE)").format(
                address=url.render_as_string()
            )
        )
    _check_settings(url)
    return url.set(drivername="postgresql+psycopg")


def _check_settings(url: URL) -> None:
    """Refuse, in words, settings in the address that libpq does not know (a misspelt "sslmod")."""
    try:
        import psycopg
        from psycopg.conninfo import make_conninfo
    except ImportError:
        return  # said by require_driver
    try:
        make_conninfo("", **_settings(url))
    except psycopg.ProgrammingError as error:
        raise _refused_setting(str(url.database), str(error).strip()) from None


def _settings(url: URL) -> dict[str, Any]:
    """The libpq settings the address carries after its "?" (sslmode, host, options…)."""
    return {key: value for key, value in url.query.items() if isinstance(value, str)}


def _refused_setting(name: str, message: str) -> WorkspaceUnusable:
    return WorkspaceUnusable(
        _(
            "The address of {name} has a setting the PostgreSQL client does not accept ({message}); correct the address; nothing was changed"
        ).format(name=name, message=message)
    )


def without_password(url: URL) -> URL:
    """The same address with no password in it (URL.set(password=None) would leave it as it is)."""
    from sqlalchemy.engine import URL

    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)


def display_name(url: URL) -> str:
    """How the workspace is named to people: the database, and the server unless it is local."""
    host = url.host or url.query.get("host") or ""
    if not host or str(host).startswith("/"):
        return str(url.database)
    return f"{url.database} on {host}"


def conninfo(url: URL) -> str:
    """The libpq connection string of the URL (TLS settings, service files and .pgpass apply; the
    system keyring's password when neither the URL nor PGPASSWORD gives one)."""
    from psycopg.conninfo import make_conninfo

    from app.data.postgres.passwords import saved_password

    parameters = _settings(url)
    for key, value in (
        ("host", url.host),
        ("port", url.port),
        ("user", url.username),
        ("password", url.password),
        ("dbname", url.database),
    ):
        if value is not None:
            parameters[key] = str(value)
    if "password" not in parameters:
        saved = saved_password(url)
        if saved is not None:
            parameters["password"] = saved
    # JIT compiling pays off for long analytic queries, not for the app's: it added about 50 ms to the
    # whole list at size M (measured with EXPLAIN ANALYZE), more than the query itself.
    parameters["options"] = f"{parameters.get('options', '')} -c jit=off".strip()
    parameters.setdefault("connect_timeout", str(CONNECT_TIMEOUT_SECONDS))
    parameters.setdefault("application_name", "policy-tracker")
    return make_conninfo("", **parameters)


def make_engine(url: URL) -> Engine:
    """The SQLAlchemy engine for writes; every connection is a plain libpq one from `conninfo`."""
    import psycopg
    from sqlmodel import create_engine

    info = conninfo(url)
    return create_engine(
        "postgresql+psycopg://",
        creator=lambda: psycopg.connect(info),
        pool_pre_ping=True,  # a connection the server dropped (a laptop asleep) is replaced, not used
    )


def in_words(error: BaseException, name: str) -> UserError | None:
    """A failure to reach or use the server, as one plain line; None for anything else (a bug)."""
    import psycopg
    from psycopg import errors

    cause = getattr(error, "orig", None) or error
    if not isinstance(cause, psycopg.Error):
        return None
    message = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    lowered = message.lower()
    if isinstance(cause, errors.InsufficientPrivilege):
        return UserError(
            _("You have no permission to do that in the team workspace {name}; nothing was changed").format(
                name=name
            )
        )
    if isinstance(cause, errors.InvalidPassword) or "password authentication failed" in lowered:
        return WorkspaceUnusable(
            _(
                "The server of {name} refused the password (or the user name); check them and try again"
            ).format(name=name)
        )
    if "no password supplied" in lowered:
        return WorkspaceUnusable(
            _(
                "The server of {name} asks for a password: put it in ~/.pgpass, a service file, PGPASSWORD or the system keyring (`policy-tracker team password URL`)"
            ).format(name=name)
        )
    if isinstance(cause, errors.InvalidCatalogName) or (
        "database" in lowered and "does not exist" in lowered
    ):
        return WorkspaceUnusable(
            _("There is no team workspace {name} on that server (no such database)").format(name=name)
        )
    if _bad_setting(cause, lowered):
        return _refused_setting(name, message.removeprefix("connection is bad: "))
    if isinstance(cause, psycopg.OperationalError) and "certificate" in lowered:
        # verify-full or verify-ca refused the server (or the address names a certificate file that is not there).
        return WorkspaceUnusable(
            _(
                "The server of {name} could not prove who it is, so nothing was sent to it ({reason}); check the address's TLS settings (sslmode, sslrootcert) with whoever runs the server"
            ).format(name=name, reason=message.rsplit("failed: ", 1)[-1])
        )
    if isinstance(cause, psycopg.OperationalError):
        if "connection refused" in lowered or "no such file or directory" in lowered or "timeout" in lowered:
            return WorkspaceUnusable(
                _(
                    "Cannot reach the server of {name}: it is down or unreachable from here; nothing was changed"
                ).format(name=name)
            )
        return WorkspaceUnusable(
            _("Lost the connection to the server of {name} ({message}); nothing was changed").format(
                name=name, message=message
            )
        )
    return None


def _bad_setting(cause: BaseException, lowered: str) -> bool:
    """libpq refused a setting of the address itself (an sslmode, a port, a timeout it cannot read),
    before reaching any server."""
    import psycopg

    if isinstance(cause, psycopg.ProgrammingError) and (
        lowered.startswith("bad value for") or "invalid connection option" in lowered
    ):
        return True
    return isinstance(cause, psycopg.OperationalError) and (
        "invalid connection option" in lowered
        or (lowered.startswith("connection is bad: invalid") and "value" in lowered)
        or "invalid port number" in lowered
        or "invalid integer value" in lowered
    )
