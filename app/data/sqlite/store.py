"""The SQLite store: the reference implementation of app.data.store.Store.

Reads go through one plain sqlite3 connection (no ORM objects, the fast path of the list and the
search); writes through the SQLAlchemy engine, one transaction per unit of work.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.data.rows import PolicyRow
from app.data.sqlite import db, list_rows
from app.data.sqlite.write_wait import busy_error, is_busy, wait_for_other_writers
from app.data.store import CancelToken, SearchCancelled, WriteWait

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from app.data.details import (
        ChangeQuery,
        ChangeRow,
        ContentCounts,
        MatchReason,
        NoteListRow,
        PolicyDetail,
        SavedSearchRow,
        SourceRow,
        TimelineRows,
        TrashRow,
    )


class SqliteStore:
    """One workspace file. Cheap to create: nothing is opened (or imported) before first use."""

    def __init__(self, path: Path, *, read_only: bool, write_wait: WriteWait) -> None:
        self.path = path
        self.read_only = read_only
        self.write_wait = write_wait
        self._connection: sqlite3.Connection | None = None
        self._query_only = False
        self._running = threading.Lock()
        self._search: CancelToken | None = None
        self._pruned_at: float | None = None  # time.monotonic() of the last pruning of the history

    # The plain connection of the read path.

    @property
    def connection(self) -> sqlite3.Connection:
        """The plain sqlite3 connection of the read path (for this package and its tests)."""
        if self._connection is None:
            self._connection = db.connect(self.path, read_only=self.read_only)
            self._connection.row_factory = sqlite3.Row
            if self._query_only:
                self._connection.execute("PRAGMA query_only = ON")
        return self._connection

    def count_policies(self) -> int:
        return list_rows.count_policies(self.connection)

    def first_page(self, limit: int) -> list[PolicyRow]:
        return list_rows.first_page(self.connection, limit)

    def policy_rows(self, search: str = "", cancel: CancelToken | None = None) -> list[PolicyRow]:
        from app.data.sqlite import read  # not before the first paint

        if cancel is None:
            return read.list_policies(self.connection, search)
        connection = self.connection
        with self._running:
            self._search = cancel
        try:
            with cancel.while_running(connection.interrupt):
                try:
                    return read.list_policies(connection, search)
                except sqlite3.OperationalError:
                    if cancel.cancelled:  # SQLite reports an interrupted query as "interrupted"
                        raise SearchCancelled from None
                    raise
        finally:
            with self._running:
                self._search = None

    def status_histories(self) -> list[tuple[str, str, str, str, str]]:
        from app.data.sqlite import read  # not before the first paint

        return read.status_histories(self.connection)

    def meta_value(self, key: str) -> str | None:
        from app.data.sqlite import read  # not before the first paint

        return read.meta_value(self.connection, key)

    def cancel_search(self) -> None:
        with self._running:
            running = self._search
        if running is not None:
            running.cancel()

    def rows_for_ids(self, ids: list[str]) -> list[PolicyRow]:
        from app.data.sqlite import read  # not before the first paint

        return read.rows_for_ids(self.connection, ids)

    def policies_matching_fields(self, search: str, limit: int = 100) -> list[str]:
        from app.data.sqlite import read  # not before the first paint

        return read.policies_matching_fields(self.connection, search, limit)

    def match_reason(self, search: str, policy_id: str) -> MatchReason | None:
        from app.data.sqlite import read  # not before the first paint

        return read.match_reason(self.connection, search, policy_id)

    def policy_id_for_slug(self, slug: str) -> str | None:
        from app.data.sqlite import read  # not before the first paint

        return read.policy_id_for_slug(self.connection, slug)

    def policy_detail(self, policy_id: str) -> PolicyDetail | None:
        from app.data.sqlite import read  # not before the first paint

        return read.policy_detail(self.connection, policy_id)

    def policy_details(self, policy_ids: list[str]) -> list[PolicyDetail]:
        from app.data.sqlite import read  # not before the first paint

        return read.policy_details(self.connection, policy_ids)

    def all_sources(self) -> list[SourceRow]:
        from app.data.sqlite import read  # not before the first paint

        return read.all_sources(self.connection)

    def sources_by_id(self, ids: list[str]) -> list[SourceRow]:
        from app.data.sqlite import read  # not before the first paint

        return read.sources_by_id(self.connection, ids)

    def all_tags(self) -> list[str]:
        from app.data.sqlite import read  # not before the first paint

        return read.all_tags(self.connection)

    def note_tags(self) -> list[str]:
        from app.data.sqlite import read  # not before the first paint

        return read.note_tags(self.connection)

    def list_notes(
        self,
        *,
        policy_id: str | None = None,
        tag: str | None = None,
        search: str = "",
        updated_from: str | None = None,
    ) -> list[NoteListRow]:
        from app.data.sqlite import read  # not before the first paint

        return read.list_notes(
            self.connection, policy_id=policy_id, tag=tag, search=search, updated_from=updated_from
        )

    def saved_searches(self) -> list[SavedSearchRow]:
        from app.data.sqlite import read  # not before the first paint

        return read.saved_searches(self.connection)

    def trashed_note_count(self, policy_id: str) -> int:
        from app.data.sqlite import read  # not before the first paint

        return read.trashed_note_count(self.connection, policy_id)

    def policy_exists(self, policy_id: str) -> bool:
        from app.data.sqlite import read  # not before the first paint

        return read.policy_exists(self.connection, policy_id)

    def content_counts(self, policy_id: str) -> ContentCounts:
        from app.data.sqlite import read  # not before the first paint

        return read.content_counts(self.connection, policy_id)

    def first_event_day(self, policy_id: str) -> str | None:
        from app.data.sqlite import read  # not before the first paint

        return read.first_event_day(self.connection, policy_id)

    def policies_of_source(self, source_id: str) -> set[str]:
        from app.data.sqlite import read  # not before the first paint

        return read.policies_of_source(self.connection, source_id)

    def policy_of_entry(self, kind: str, entry_id: str) -> str | None:
        from app.data.sqlite import read  # not before the first paint

        return read.policy_of_entry(self.connection, kind, entry_id)

    def trash(self) -> list[TrashRow]:
        from app.data.sqlite import read  # not before the first paint

        return read.trash(self.connection)

    def timeline_rows(self, policy_ids: list[str]) -> TimelineRows:
        from app.data.sqlite import read  # not before the first paint

        return read.timeline_rows(self.connection, policy_ids)

    def changes(self, query: ChangeQuery) -> list[ChangeRow]:
        from app.data.sqlite import changes  # not before the first paint

        return changes.changes(self.connection, query)

    def last_change_seq(self) -> int:
        from app.data.sqlite import changes  # not before the first paint

        return changes.last_change_seq(self.connection)

    def data_version(self) -> int:
        """Changes whenever another connection commits (PRAGMA data_version)."""
        return int(self.connection.execute("PRAGMA data_version").fetchone()[0])

    # Writes.

    @cached_property
    def engine(self) -> Engine:
        if self.read_only:
            return db.make_read_only_engine(self.path)
        engine = db.make_engine(self.path)
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _no_writes_once_damaged(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            if self._query_only:
                dbapi_connection.execute("PRAGMA query_only = ON")

        return engine

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work; SQLite's failures that are the environment's become plain-words errors."""
        from sqlalchemy.exc import DatabaseError as SQLDatabaseError
        from sqlalchemy.exc import OperationalError
        from sqlmodel import Session

        from app.data.sqlite.integrity import translate_sqlite_error

        wait_for_other_writers(self.path, self.write_wait)
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                self.record_changes(session)
                yield session
                if self._prune_due():
                    from app.data.change_log import prune

                    prune(session)
        except (OperationalError, SQLDatabaseError) as error:
            if is_busy(error):  # another writer took the lock between the wait and this write
                raise busy_error(self.path, self.write_wait.seconds) from None
            plain = translate_sqlite_error(error, self.path)
            if plain is None:
                raise
            raise plain from None

    def record_changes(self, session: Session) -> None:
        from app.data.change_log import record_changes

        record_changes(session)

    def _prune_due(self) -> bool:
        """Prune the history on the first write, then at most hourly: it grows by a day a day.
        Never on a file that is read-only or known to be damaged (pruning writes)."""
        import time

        if self.read_only or self._query_only:
            return False
        if self._pruned_at is not None and time.monotonic() - self._pruned_at < 3600:
            return False
        self._pruned_at = time.monotonic()
        return True

    def set_query_only(self) -> None:
        self._query_only = True
        if self._connection is not None:
            self._connection.execute("PRAGMA query_only = ON")
        if "engine" in self.__dict__:
            self.engine.dispose()  # connections made from now on are query-only

    # Backup and integrity.

    def copy_to(self, target: Path) -> None:
        from app.data.sqlite.backup import copy_pages

        copy_pages(self.path, target)

    def check_integrity(self, *, thorough: bool = False) -> str | None:
        from app.data.sqlite.integrity import check

        return check(self.path, thorough=thorough)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if "engine" in self.__dict__:
            self.engine.dispose()
            del self.__dict__["engine"]
