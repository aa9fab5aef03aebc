"""A workspace: one file and the store that reads and writes it (created or upgraded on opening)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.data.change_context import recording
from app.data.sqlite import lifecycle
from app.data.sqlite.store import SqliteStore
from app.data.store import Store, WriteWait
from app.errors import InvalidInput, WorkspaceDamaged, WorkspaceReadOnly, WorkspaceUnusable
from app.messages import _

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from app.data.seeds import SeedReport

__all__ = ["Workspace", "WriteWait"]

log = logging.getLogger(__name__)


class Workspace:
    """Handle to one workspace file. Cheap to create; the ORM is imported only when writing."""

    # How long a write waits for another process's: the window's short wait ends in a message box;
    # the command line waits longer, saying so (see app.cli).
    write_wait = WriteWait(lifecycle.BUSY_TIMEOUT_MS / 1000)

    def __init__(self, path: Path, seeds_root: Path | None = None) -> None:
        self.path = path
        self.seeds_root = seeds_root or paths.seeds_dir()
        # A file on read-only media (or in a folder that cannot be written) is opened for reading only.
        self.read_only = self.path.exists() and not lifecycle.can_write(self.path)
        self.damage = ""  # once damage is known, what it is; writes are refused from then on
        self._store: SqliteStore | None = None

    @property
    def store(self) -> Store:
        """The one door to this workspace's data: every read and write goes through it."""
        return self._sqlite_store

    @property
    def _sqlite_store(self) -> SqliteStore:
        if self._store is None:
            self._store = SqliteStore(self.path, read_only=self.read_only, write_wait=self.write_wait)
            if self.damage:
                self._store.set_query_only()
        return self._store

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        starter_data: bool = True,
        seeds_root: Path | None = None,
        write_wait: WriteWait | None = None,
    ) -> Workspace:
        """Open (creating or upgrading as needed) the workspace at `path`."""
        workspace = cls(path.expanduser().absolute(), seeds_root)
        if write_wait is not None:
            workspace.write_wait = write_wait
        if workspace.read_only:
            workspace._prepare_read_only()
        else:
            workspace._prepare(create=create, starter_data=starter_data)
        return workspace

    def _prepare_read_only(self) -> None:
        """A workspace that cannot be written is read as it is: nothing is created, upgraded or refreshed."""
        revision = lifecycle.read_revision(self.path)
        if revision is None:
            raise WorkspaceUnusable(
                _("{path} is empty and cannot be written (it is read-only)").format(path=self.path)
            )
        if not lifecycle.is_current(revision):
            raise WorkspaceUnusable(
                _(
                    "{name} was made by another version of Policy Tracker and must be upgraded, "
                    "but it is read-only here; copy it to a writable folder and open the copy"
                ).format(name=self.path.name)
            )

    def _prepare(self, *, create: bool, starter_data: bool) -> None:
        lifecycle.remove_stale_temporaries(self.path)
        revision = lifecycle.read_revision(self.path)
        if revision is None:
            if not create and not self.path.exists():
                raise WorkspaceUnusable(_("There is no workspace at {path}").format(path=self.path))
            if self._create(starter_data):
                return
            revision = lifecycle.read_revision(self.path)  # another process created it first
            assert revision is not None
        if not lifecycle.is_current(revision):
            self._upgrade(revision)
        marker = lifecycle.read_meta(self.path, lifecycle.STARTER_KEY)
        if marker is None:
            self._finish_creation(starter_data)
        elif marker == "yes":
            self._refresh_starter_data_if_changed()

    def _create(self, starter_data: bool) -> bool:
        """Build the workspace (schema, starter data, its marker) so that a kill at any moment leaves
        either no workspace or a complete one. False when another process made one first; that one is kept.
        """

        def fill(session: Session) -> None:
            self._set_meta(session, lifecycle.STARTER_KEY, "yes" if starter_data else "no")
            if starter_data:
                from app.data.seeds import load_starter_data

                load_starter_data(session, self.seeds_root)

        with recording("starter data"):
            return lifecycle.create(self.path, fill)

    def _finish_creation(self, starter_data: bool) -> None:
        """Finish a workspace whose creation an older version left half done: schema, no starter data.

        Those versions committed the schema before loading the starter data, so a kill between
        left a workspace without it and without the marker that says whether it should have it.
        """
        from sqlmodel import func, select

        from app.data.tables import Policy

        with recording("starter data"), self.session() as session:
            empty = session.exec(select(func.count()).select_from(Policy)).one() == 0
            load = starter_data and empty
            self._set_meta(session, lifecycle.STARTER_KEY, "yes" if load else "no")
            if load:
                from app.data.seeds import load_starter_data

                load_starter_data(session, self.seeds_root)

    def _upgrade(self, revision: str) -> None:
        try:
            lifecycle.upgrade(self.path, revision, self.write_wait)
        except WorkspaceUnusable:
            self.close()
            raise

    def _refresh_starter_data_if_changed(self) -> None:
        from app.data.seed_files import FINGERPRINT_KEY, fingerprint

        if not (self.seeds_root / "policies").is_dir():
            return  # a build without the starter dataset keeps what the workspace has
        if lifecycle.read_meta(self.path, FINGERPRINT_KEY) != fingerprint(self.seeds_root):
            try:
                self.load_starter_data()
            except InvalidInput as error:
                # A broken update must not lock the user out of their own workspace.
                log.warning("Starter data not updated: %s", error)

    def load_starter_data(self) -> SeedReport:
        """Bring the starter data up to date in one transaction, keeping the user's edits."""
        from app.data.seeds import load_starter_data

        with recording("starter data"), self.session() as session:
            return load_starter_data(session, self.seeds_root)

    @staticmethod
    def _set_meta(session: Session, key: str, value: str) -> None:
        from app.data.tables import Meta

        row = session.get(Meta, key) or Meta(key=key, value=value)
        row.value = value
        session.add(row)

    @property
    def engine(self) -> Engine:
        return self._sqlite_store.engine

    def mark_damaged(self, problem: str) -> None:
        """From now on, refuse every write: writing into damage spreads it."""
        self.damage = problem
        self._sqlite_store.set_query_only()

    def ensure_writable(self) -> None:
        """Refuse, in words, to change a workspace that is read-only or damaged (a quick check finds damage)."""
        if self.read_only:
            raise WorkspaceReadOnly(
                _(
                    "{name} is read-only here (its file, folder or disk cannot be written): "
                    "it can be read and exported, not changed; nothing was changed"
                ).format(name=self.path.name)
            )
        if not self.damage:
            from app.services.integrity import diagnose

            # Damaged pages only: a write spreads them (a broken reference it does not).
            damage = diagnose(self.path, references=False)
            if damage is not None:
                self.mark_damaged(damage.summary())
        if self.damage:
            raise self._damaged_error()

    def _damaged_error(self) -> WorkspaceDamaged:
        return WorkspaceDamaged(
            _(
                "{damage}; nothing was changed. Restore a backup to keep working (the damaged file is kept)"
            ).format(damage=self.damage)
        )

    # What a team workspace adds (app.services.team); a local workspace has one user and no versions.

    is_team = False  # a workspace on a server (app.services.team.TeamWorkspace), not a file

    @property
    def location(self) -> str:
        """What names this workspace to reopen it later: its file's path (a team workspace: its URL
        without the password, which comes from .pgpass, a service file or PGPASSWORD instead)."""
        return str(self.path)

    def reopen(self) -> Workspace:
        """Another handle on the same workspace, for another thread (connections belong to one thread)."""
        return Workspace(self.path, self.seeds_root)

    def share_note(self, session: Session, note_id: str, shared: bool) -> None:
        """Share a note with the team, or make it private again."""
        if shared:
            raise InvalidInput(_("Only a note in a team workspace can be shared; this one is yours alone"))

    def note_author(self, note_id: str) -> tuple[str, bool] | None:
        """Who wrote a note, and whether it is shared; None in a local workspace (all notes are yours)."""
        return None

    def ensure_note_author(self, note_id: str) -> None:
        """Refuse, in words, to change a note someone else wrote (a team workspace's shared notes)."""

    def entry_version(self, kind: str, entry_id: str) -> int | None:
        """The version of an entry as it is now, to save it later without overwriting someone else's change."""
        return None

    def claim_version(self, session: Session, kind: str, entry_id: str, expected: int | None) -> None:
        """Within a write: refuse (EditConflict) when the entry is no longer at the version `expected`."""

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        A read-only file, a full disk or a damaged file becomes a plain-words UserError; the
        transaction is rolled back, so nothing is half written.
        """
        try:
            with self.store.transaction() as session:
                yield session
        except (WorkspaceDamaged, WorkspaceReadOnly) as plain:
            if isinstance(plain, WorkspaceDamaged):
                self.mark_damaged(str(plain).removesuffix("; nothing was changed"))
                raise
            if self.damage:
                raise self._damaged_error() from None  # refused by the query-only guard, not by the disk
            raise
        except Exception as error:
            from sqlalchemy.exc import DatabaseError

            if self.damage and isinstance(error, DatabaseError):
                # On a file known to be damaged, SQLite fails in many words ("vtable constructor
                # failed" when a search index page is garbled): they all mean the damage.
                raise self._damaged_error() from None
            raise

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
