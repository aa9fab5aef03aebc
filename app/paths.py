"""Where things live: the user's workspace and the starter dataset."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "policy-tracker"
WORKSPACE_ENV = "POLICY_TRACKER_WORKSPACE"
WORKSPACE_FILE = "workspace.sqlite"


def data_dir() -> Path:
    """The platform's per-user data folder for the app (not created here)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def real_path(path: str | os.PathLike[str]) -> Path:
    """A workspace's one true path: absolute, with `~` and every symlink resolved.

    Resolved once and used for the lock, the backups folder and restore alike, so that a link and
    its target never get two locks, two backup folders, or a restore that replaces the link.
    """
    return Path(os.path.realpath(Path(path).expanduser()))


# A workspace given as one of these is a team workspace on a PostgreSQL server, not a file.
TEAM_URL_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_team_url(text: object) -> bool:
    """Whether a workspace given as text is a PostgreSQL URL (a team workspace) rather than a path."""
    return isinstance(text, str) and text.strip().lower().startswith(TEAM_URL_PREFIXES)


def workspace_location(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """The workspace to open, as `default_workspace` finds it, but a team URL stays a URL."""
    chosen = explicit or os.environ.get(WORKSPACE_ENV)
    if chosen and is_team_url(chosen):
        return str(chosen).strip()
    return default_workspace(explicit)


def default_workspace(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The workspace to open: the explicit path, else the environment variable, else the data folder."""
    if explicit:
        return real_path(explicit)
    from_env = os.environ.get(WORKSPACE_ENV)
    if from_env:
        return real_path(from_env)
    return real_path(data_dir() / WORKSPACE_FILE)


def resources_dir() -> Path:
    """Icons and other files the interface shows: in a bundle, a wheel, or the checkout."""
    bundled = getattr(sys, "_MEIPASS", None)
    package_dir = Path(__file__).resolve().parent
    candidates = ([Path(bundled) / "resources"] if bundled else []) + [
        package_dir / "resources_data",
        package_dir.parent / "resources",
    ]
    return next((c for c in candidates if c.is_dir()), candidates[-1])


def seeds_dir() -> Path:
    """The starter dataset: inside a frozen bundle, an installed wheel, or the source checkout."""
    bundled = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundled) / "seeds"] if bundled else []
    package_dir = Path(__file__).resolve().parent
    candidates += [package_dir / "starter_seeds", package_dir.parent / "seeds"]
    for candidate in candidates:
        if (candidate / "policies").is_dir():
            return candidate
    return candidates[-1]
