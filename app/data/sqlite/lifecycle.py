"""Opening a workspace file: creating it whole, upgrading it in one transaction, reading its marks.

What Workspace needs to open a SQLite workspace, in one module of the SQLite package.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.data.sqlite import db, workspace_file
from app.data.sqlite.db import BUSY_TIMEOUT_MS, can_write
from app.data.sqlite.workspace_file import (
    STARTER_KEY,
    is_current,
    read_meta,
    read_revision,
    remove_stale_temporaries,
)
from app.data.sqlite.write_wait import wait_for_other_writers
from app.data.store import WriteWait
from app.errors import WorkspaceUnusable
from app.messages import _

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = [
    "BUSY_TIMEOUT_MS",
    "STARTER_KEY",
    "can_write",
    "create",
    "ensure_parent",
    "is_current",
    "read_meta",
    "read_revision",
    "remove_stale_temporaries",
    "upgrade",
]

log = logging.getLogger(__name__)

ensure_parent = workspace_file.ensure_parent


def create(path: Path, fill: Callable[[Session], None]) -> bool:
    """Build the workspace (schema, then `fill`) under a temporary name, then move it into place:
    a kill at any moment leaves either no workspace or a complete one.

    False when another process put a workspace at the path first; that one is kept.
    """
    from sqlmodel import Session

    from app.data.change_log import record_changes, write_recorded
    from app.data.sqlite import migrate

    workspace_file.ensure_parent(path)
    building = workspace_file.temporary_name(path)
    try:
        engine = db.make_engine(building, transactional_ddl=True)
        try:
            with engine.begin() as connection:
                migrate.upgrade_on(connection)
                # The session joins the connection's transaction: one commit for all of it.
                with Session(bind=connection, expire_on_commit=False) as session:
                    record_changes(session)
                    fill(session)
                    write_recorded(session)
                migrate.check_references(connection)
        finally:
            engine.dispose()
        # Only an empty or half-created file (read_revision said None) may be replaced.
        replace = path.exists() and workspace_file.read_revision(path) is None
        if replace:  # its journal files belong to it alone; left beside the new file they would corrupt it
            for leftover in workspace_file.sidecars(path):
                leftover.unlink(missing_ok=True)
        return workspace_file.put_in_place(building, path, replace=replace)
    except BaseException as error:
        if db.is_operational_error(error) or isinstance(error, OSError):
            raise WorkspaceUnusable(
                _("Cannot create a workspace at {path}: {reason}").format(path=path, reason=error)
            ) from None
        if type(error).__module__.startswith("sqlalchemy"):
            raise WorkspaceUnusable(
                _("Cannot create a workspace at {path}: {reason}").format(
                    path=path, reason=error.__cause__ or error
                )
            ) from None
        raise
    finally:
        for leftover in (building, *workspace_file.sidecars(building)):
            leftover.unlink(missing_ok=True)


def upgrade(path: Path, revision: str, write_wait: WriteWait) -> None:
    """Bring the file at `revision` up to this version in one transaction, after copying it aside.

    WorkspaceUnusable, in words, when it cannot be done; the file is then unchanged.
    """
    from app.data.sqlite import migrate

    if revision not in migrate.known_revisions():
        raise WorkspaceUnusable(
            _("{path} was made by a newer version of Policy Tracker; update the app to open it").format(
                path=path
            )
        )
    copy = workspace_file.copy_aside(path, revision)
    wait_for_other_writers(path, write_wait)  # the upgrade takes the write lock
    try:
        try:
            migrate.upgrade(path)
        except Exception:
            # Nothing of it stayed. An older version may have left this upgrade half done: then
            # redo it, dropping what that one left, in the same single transaction.
            leftovers = workspace_file.half_done_leftovers(path, revision)
            if not leftovers:
                raise
            log.warning("%s: redoing an upgrade an earlier version left half done", path.name)
            migrate.upgrade(path, leftovers=leftovers)
    except Exception as error:  # the upgrade runs in one transaction: nothing of it stays
        raise WorkspaceUnusable(
            _(
                "Could not upgrade {name} to this version ({reason}). "
                "The file is unchanged, and a copy was saved as {copy}"
            ).format(name=path.name, reason=error.__cause__ or error, copy=copy.name)
        ) from None
