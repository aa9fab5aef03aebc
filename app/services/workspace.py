"""A workspace: one SQLite file, opened through the light read path and, for writes, the ORM."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.data import db, workspace_file
from app.data.write_wait import WriteWait, busy_error, is_busy, wait_for_other_writers
from app.errors import InvalidInput, WorkspaceDamaged, WorkspaceReadOnly, WorkspaceUnusable

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from app.data.seeds import SeedReport

log = logging.getLogger(__name__)


class Workspace:
    """Handle to one workspace file. Cheap to create; the ORM is imported only when writing."""

    # How long a write waits for another process's: the window's short wait ends in a message box;
    # the command line waits longer, saying so (see app.cli).
    write_wait = WriteWait(db.BUSY_TIMEOUT_MS / 1000)

    def __init__(self, path: Path, seeds_root: Path | None = None) -> None:
        self.path = path
        self.seeds_root = seeds_root or paths.seeds_dir()
        self._reader: sqlite3.Connection | None = None
        # A file on read-only media (or in a folder that cannot be written) is opened for reading only.
        self.read_only = self.path.exists() and not db.can_write(self.path)
        self.damage = ""  # once damage is known, what it is; writes are refused from then on

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
        revision = workspace_file.read_revision(self.path)
        if revision is None:
            raise WorkspaceUnusable(f"{self.path} is empty and cannot be written (it is read-only)")
        if not workspace_file.is_current(revision):
            raise WorkspaceUnusable(
                f"{self.path.name} was made by another version of Policy Tracker and must be upgraded, "
                "but it is read-only here; copy it to a writable folder and open the copy"
            )

    def _prepare(self, *, create: bool, starter_data: bool) -> None:
        workspace_file.remove_stale_temporaries(self.path)
        revision = workspace_file.read_revision(self.path)
        if revision is None:
            if not create and not self.path.exists():
                raise WorkspaceUnusable(f"There is no workspace at {self.path}")
            if self._create(starter_data):
                return
            revision = workspace_file.read_revision(self.path)  # another process created it first
            assert revision is not None
        if not workspace_file.is_current(revision):
            self._upgrade(revision)
        marker = workspace_file.read_meta(self.path, workspace_file.STARTER_KEY)
        if marker is None:
            self._finish_creation(starter_data)
        elif marker == "yes":
            self._refresh_starter_data_if_changed()

    def _create(self, starter_data: bool) -> bool:
        """Build the workspace (schema, starter data, its marker) under a temporary name, then move it
        into place: a kill at any moment leaves either no workspace or a complete one.

        False when another process put a workspace at the path first; that one is kept.
        """
        from sqlmodel import Session

        from app.data import migrate

        workspace_file.ensure_parent(self.path)
        building = workspace_file.temporary_name(self.path)
        try:
            engine = db.make_engine(building, transactional_ddl=True)
            try:
                with engine.begin() as connection:
                    migrate.upgrade_on(connection)
                    # The session joins the connection's transaction: one commit for all of it.
                    with Session(bind=connection, expire_on_commit=False) as session:
                        self._set_meta(session, workspace_file.STARTER_KEY, "yes" if starter_data else "no")
                        if starter_data:
                            from app.data.seeds import load_starter_data

                            load_starter_data(session, self.seeds_root)
                        session.flush()
                    migrate.check_references(connection)
            finally:
                engine.dispose()
            # Only an empty or half-created file (read_revision said None) may be replaced.
            replace = self.path.exists() and workspace_file.read_revision(self.path) is None
            if (
                replace
            ):  # its journal files belong to it alone; left beside the new file they would corrupt it
                for leftover in workspace_file.sidecars(self.path):
                    leftover.unlink(missing_ok=True)
            return workspace_file.put_in_place(building, self.path, replace=replace)
        except BaseException as error:
            if isinstance(error, sqlite3.OperationalError | OSError):
                raise WorkspaceUnusable(f"Cannot create a workspace at {self.path}: {error}") from None
            if type(error).__module__.startswith("sqlalchemy"):
                raise WorkspaceUnusable(
                    f"Cannot create a workspace at {self.path}: {error.__cause__ or error}"
                ) from None
            raise
        finally:
            for leftover in (building, *workspace_file.sidecars(building)):
                leftover.unlink(missing_ok=True)

    def _finish_creation(self, starter_data: bool) -> None:
        """Finish a workspace whose creation an older version left half done: schema, no starter data.

        Those versions committed the schema before loading the starter data, so a kill between
        left a workspace without it and without the marker that says whether it should have it.
        """
        from sqlmodel import func, select

        from app.data.tables import Policy

        with self.session() as session:
            empty = session.exec(select(func.count()).select_from(Policy)).one() == 0
            load = starter_data and empty
            self._set_meta(session, workspace_file.STARTER_KEY, "yes" if load else "no")
            if load:
                from app.data.seeds import load_starter_data

                load_starter_data(session, self.seeds_root)

    def _upgrade(self, revision: str) -> None:
        from app.data import migrate

        if revision not in migrate.known_revisions():
            raise WorkspaceUnusable(
                f"{self.path} was made by a newer version of Policy Tracker; update the app to open it"
            )
        copy = workspace_file.copy_aside(self.path, revision)
        wait_for_other_writers(self.path, self.write_wait)  # the upgrade takes the write lock
        try:
            try:
                migrate.upgrade(self.path)
            except Exception:
                # Nothing of it stayed. An older version may have left this upgrade half done: then
                # redo it, dropping what that one left, in the same single transaction.
                leftovers = workspace_file.half_done_leftovers(self.path, revision)
                if not leftovers:
                    raise
                log.warning("%s: redoing an upgrade an earlier version left half done", self.path.name)
                migrate.upgrade(self.path, leftovers=leftovers)
        except Exception as error:  # the upgrade runs in one transaction: nothing of it stays
            self.close()
            raise WorkspaceUnusable(
                f"Could not upgrade {self.path.name} to this version ({error.__cause__ or error}). "
                f"The file is unchanged, and a copy was saved as {copy.name}"
            ) from None

    def _refresh_starter_data_if_changed(self) -> None:
        from app.data.seed_files import FINGERPRINT_KEY, fingerprint

        if not (self.seeds_root / "policies").is_dir():
            return  # a build without the starter dataset keeps what the workspace has
        if workspace_file.read_meta(self.path, FINGERPRINT_KEY) != fingerprint(self.seeds_root):
            try:
                self.load_starter_data()
            except InvalidInput as error:
                # A broken update must not lock the user out of their own workspace.
                log.warning("Starter data not updated: %s", error)

    def load_starter_data(self) -> SeedReport:
        """Bring the starter data up to date in one transaction, keeping the user's edits."""
        from app.data.seeds import load_starter_data

        with self.session() as session:
            return load_starter_data(session, self.seeds_root)

    @staticmethod
    def _set_meta(session: Session, key: str, value: str) -> None:
        from app.data.tables import Meta

        row = session.get(Meta, key) or Meta(key=key, value=value)
        row.value = value
        session.add(row)

    @cached_property
    def engine(self) -> Engine:
        if self.read_only:
            return db.make_read_only_engine(self.path)
        engine = db.make_engine(self.path)
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _no_writes_once_damaged(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            if self.damage:
                dbapi_connection.execute("PRAGMA query_only = ON")

        return engine

    def mark_damaged(self, problem: str) -> None:
        """From now on, refuse every write: writing into damage spreads it."""
        self.damage = problem
        if self._reader is not None:
            self._reader.execute("PRAGMA query_only = ON")
        if "engine" in self.__dict__:
            self.engine.dispose()  # connections made from now on are query-only

    def ensure_writable(self) -> None:
        """Refuse, in words, to change a workspace that is read-only or damaged (a quick check finds damage)."""
        if self.read_only:
            raise WorkspaceReadOnly(
                f"{self.path.name} is read-only here (its file, folder or disk cannot be written): "
                "it can be read and exported, not changed; nothing was changed"
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
            f"{self.damage}; nothing was changed. Restore a backup to keep working (the damaged file is kept)"
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        A read-only file, a full disk or a damaged file becomes a plain-words UserError; the
        transaction is rolled back, so nothing is half written.
        """
        from sqlalchemy.exc import DatabaseError as SQLDatabaseError
        from sqlalchemy.exc import OperationalError
        from sqlmodel import Session

        from app.services.integrity import translate_sqlite_error

        wait_for_other_writers(self.path, self.write_wait)
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except (OperationalError, SQLDatabaseError) as error:
            if is_busy(error):  # another writer took the lock between the wait and this write
                raise busy_error(self.path, self.write_wait.seconds) from None
            plain = translate_sqlite_error(error, self.path)
            if plain is None and self.damage:
                # On a file known to be damaged, SQLite fails in many words ("vtable constructor
                # failed" when a search index page is garbled): they all mean the damage.
                plain = self._damaged_error()
            if plain is None:
                raise
            if isinstance(plain, WorkspaceDamaged):
                self.mark_damaged(str(plain).removesuffix("; nothing was changed"))
            elif self.damage and isinstance(plain, WorkspaceReadOnly):
                plain = self._damaged_error()  # refused by the query-only guard, not by the disk
            raise plain from None

    @property
    def reader(self) -> sqlite3.Connection:
        """The plain sqlite3 connection for list and search reads (no ORM objects)."""
        if self._reader is None:
            self._reader = db.connect(self.path, read_only=self.read_only)
            self._reader.row_factory = sqlite3.Row
            if self.damage:
                self._reader.execute("PRAGMA query_only = ON")
        return self._reader

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if "engine" in self.__dict__:
            self.engine.dispose()
            del self.__dict__["engine"]
