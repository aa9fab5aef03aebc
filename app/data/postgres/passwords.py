"""A team workspace's password in the system keyring (macOS Keychain, Windows Credential Locker,
the Secret Service of a Linux desktop), through the `keyring` library.

One of the places a password may come from, beside PostgreSQL's own (the address, PGPASSWORD,
~/.pgpass, a service file); never the app's settings file. It is looked up only when neither
the address nor PGPASSWORD gives one, and a keyring that is missing or locked is the same as
one without the password: libpq's own places still apply.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from app.errors import UserError
from app.messages import _

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

SERVICE = "policy-tracker"


def account(url: URL) -> str:
    """The keyring's name for one user of one team workspace: user@host:port/database."""
    host = url.host or url.query.get("host") or "localhost"
    port = url.port or url.query.get("port") or 5432
    return f"{url.username or ''}@{host}:{port}/{url.database}"


def saved_password(url: URL) -> str | None:
    """The password saved for the address's user, or None (none saved, or no keyring here)."""
    if url.password is not None or os.environ.get("PGPASSWORD"):
        return None
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        return keyring.get_password(SERVICE, account(url))
    except (KeyringError, OSError, RuntimeError):  # no keyring here, or locked: as if none were saved
        return None


def save_password(url: URL, password: str) -> None:
    """Keep the password for the address's user in the system keyring; in words when there is none."""
    keyring, errors = _keyring()
    try:
        keyring.set_password(SERVICE, account(url), password)
    except (errors.KeyringError, OSError, RuntimeError) as error:
        raise UserError(
            _(
                "The password could not be kept in the system keyring ({reason}); put it in ~/.pgpass instead"
            ).format(reason=str(error) or type(error).__name__)
        ) from None


def forget_password(url: URL) -> bool:
    """Remove the saved password of the address's user; False when none was saved."""
    keyring, errors = _keyring()
    try:
        keyring.delete_password(SERVICE, account(url))
    except errors.PasswordDeleteError:
        return False
    except (errors.KeyringError, OSError, RuntimeError) as error:
        raise UserError(
            _("The system keyring could not be used ({reason}); nothing was changed").format(
                reason=str(error) or type(error).__name__
            )
        ) from None
    return True


def _keyring() -> tuple[Any, Any]:
    try:
        import keyring
        import keyring.errors
    except ImportError:
        raise UserError(
            _(
                'Keeping passwords in the system keyring needs the keyring library: pip install "policy-tracker[team]"'
            )
        ) from None
    return keyring, keyring.errors
