"""The PostgreSQL store of a team workspace.

Reads go through one plain psycopg connection in autocommit mode (each read sees every commit
made before it, and no transaction is left open between reads); writes through the SQLAlchemy
engine, one transaction per unit of work. Every failure to reach or use the server becomes a
plain-words error naming the workspace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import psycopg
from psycopg import errors

from app.data.postgres import connection as server
from app.data.postgres import history, read
from app.data.rows import PolicyRow
from app.data.store import CancelToken, SearchCancelled, StoreError
from app.messages import _

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine
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

T = TypeVar("T")

# The kinds of entry that carry a version, and their tables.
VERSIONED = {
    "policy": "policy",
    "event": "status_event",
    "source": "source",
    "note": "note",
    "figure": "figure",
    "relation": "relation",
}


class EntryChanged(StoreError):
    """The entry was changed by someone else since it was read (its version moved on)."""

    def __init__(self, kind: str, entry_id: str, changed_by: str, version: int) -> None:
        super().__init__(
            _("{kind} {entry_id} was changed by {changed_by} (now version {version})").format(
                kind=kind, entry_id=entry_id, changed_by=changed_by, version=version
            )
        )
        self.kind, self.entry_id, self.changed_by, self.version = kind, entry_id, changed_by, version


class PostgresStore:
    """One team workspace on a server. Nothing connects before first use."""

    def __init__(self, url: URL, *, read_only: bool = False) -> None:
        self.url = url
        self.name = server.display_name(url)
        self.path = Path(str(url.database))  # what names the workspace in titles and file names
        self.read_only = read_only
        self._connection: psycopg.Connection[Any] | None = None
        self._lock = threading.RLock()  # one query at a time on the read connection
        self._search: CancelToken | None = None
        self._keeps_list: bool | None = None  # whether the schema has the commit count (0010)

    @property
    def connection(self) -> psycopg.Connection[Any]:
        if self._connection is None or self._connection.closed:
            self._connection = self._connect()
        return self._connection

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            connection = psycopg.connect(server.conninfo(self.url), autocommit=True)
        except psycopg.Error as error:
            raise self._in_words(error) from None
        if self.read_only:
            connection.execute("SET default_transaction_read_only = on")
        return connection

    def _in_words(self, error: BaseException) -> Exception:
        plain = server.in_words(error, self.name)
        return plain if plain is not None else error  # type: ignore[return-value]

    def _read(self, query: Callable[[psycopg.Connection[Any]], T]) -> T:
        """Run one read; a connection the server dropped (a laptop asleep) is replaced once."""
        with self._lock:
            try:
                return query(self.connection)
            except psycopg.OperationalError as error:
                if self._connection is not None and not self._connection.closed:
                    raise self._in_words(error) from None
                self._connection = None
            try:
                return query(self.connection)
            except psycopg.OperationalError as error:
                raise self._in_words(error) from None

    # The policy list and its search.

    def count_policies(self) -> int:
        return self._read(read.count_policies)

    def first_page(self, limit: int) -> list[PolicyRow]:
        return self._read(lambda c: read.first_page(c, limit))

    def _list(self, connection: psycopg.Connection[Any], search: str) -> list[PolicyRow]:
        if self._keeps_list is None:
            self._keeps_list = bool(
                read._one(connection, "SELECT to_regclass('pt_commit_count') IS NOT NULL")
            )
        return read.list_policies(connection, search, keep=self._keeps_list)

    def policy_rows(self, search: str = "", cancel: CancelToken | None = None) -> list[PolicyRow]:
        if cancel is None:
            return self._read(lambda c: self._list(c, search))
        connection = self.connection
        self._search = cancel
        try:
            with cancel.while_running(connection.cancel_safe):
                try:
                    return self._read(lambda c: self._list(c, search))
                except errors.QueryCanceled:
                    raise SearchCancelled from None
        finally:
            self._search = None

    def cancel_search(self) -> None:
        running = self._search
        if running is not None:
            running.cancel()

    def rows_for_ids(self, ids: list[str]) -> list[PolicyRow]:
        return self._read(lambda c: read.rows_for_ids(c, ids))

    def policies_matching_fields(self, search: str, limit: int = 100) -> list[str]:
        return self._read(lambda c: read.policies_matching_fields(c, search, limit))

    def match_reason(self, search: str, policy_id: str) -> MatchReason | None:
        return self._read(lambda c: history.match_reason(c, search, policy_id))

    def status_histories(self) -> list[tuple[str, str, str, str, str]]:
        return self._read(history.status_histories)

    def meta_value(self, key: str) -> str | None:
        return self._read(lambda c: history.meta_value(c, key))

    # One policy and what belongs to it.

    def policy_id_for_slug(self, slug: str) -> str | None:
        return self._read(lambda c: read.policy_id_for_slug(c, slug))

    def policy_detail(self, policy_id: str) -> PolicyDetail | None:
        return self._read(lambda c: read.policy_detail(c, policy_id))

    def policy_details(self, policy_ids: list[str]) -> list[PolicyDetail]:
        found = [self.policy_detail(policy_id) for policy_id in policy_ids]
        return [detail for detail in found if detail is not None]

    def all_sources(self) -> list[SourceRow]:
        return self._read(read.all_sources)

    def sources_by_id(self, ids: list[str]) -> list[SourceRow]:
        return self._read(lambda c: read.sources_by_id(c, ids))

    def all_tags(self) -> list[str]:
        return self._read(read.all_tags)

    def note_tags(self) -> list[str]:
        return self._read(read.note_tags)

    def list_notes(
        self,
        *,
        policy_id: str | None = None,
        tag: str | None = None,
        search: str = "",
        updated_from: str | None = None,
    ) -> list[NoteListRow]:
        return self._read(
            lambda c: read.list_notes(
                c, policy_id=policy_id, tag=tag, search=search, updated_from=updated_from
            )
        )

    def saved_searches(self) -> list[SavedSearchRow]:
        return self._read(read.saved_searches)

    def trashed_note_count(self, policy_id: str) -> int:
        return self._read(lambda c: read.trashed_note_count(c, policy_id))

    def policy_exists(self, policy_id: str) -> bool:
        return self._read(lambda c: read.policy_exists(c, policy_id))

    def content_counts(self, policy_id: str) -> ContentCounts:
        return self._read(lambda c: read.content_counts(c, policy_id))

    def first_event_day(self, policy_id: str) -> str | None:
        return self._read(lambda c: read.first_event_day(c, policy_id))

    def policies_of_source(self, source_id: str) -> set[str]:
        return self._read(lambda c: read.policies_of_source(c, source_id))

    def policy_of_entry(self, kind: str, entry_id: str) -> str | None:
        return self._read(lambda c: read.policy_of_entry(c, kind, entry_id))

    def trash(self) -> list[TrashRow]:
        return self._read(read.trash)

    def timeline_rows(self, policy_ids: list[str]) -> TimelineRows:
        return self._read(lambda c: read.timeline_rows(c, policy_ids))

    def changes(self, query: ChangeQuery) -> list[ChangeRow]:
        return self._read(lambda c: history.changes(c, query))

    def last_change_seq(self) -> int:
        return self._read(history.last_change_seq)

    def record_changes(self, session: Session) -> None:
        from app.data.change_log import record_changes

        record_changes(session)

    def data_version(self) -> int:
        """Grows with every statement anyone commits that changes an entry (a sequence)."""
        return int(self._read(lambda c: read._one(c, "SELECT last_value FROM pt_change_seq")))

    # Team facts.

    def user(self) -> str:
        """The database user this client is connected as."""
        return str(self._read(lambda c: read._one(c, "SELECT current_user")))

    def note_author(self, note_id: str) -> tuple[str, bool] | None:
        """Who wrote a note this user can see, and whether it is shared."""
        rows = self._read(lambda c: read._all(c, "SELECT author, shared FROM note WHERE id = %s", (note_id,)))
        return None if not rows else (str(rows[0][0]), bool(rows[0][1]))

    def entry_version(self, kind: str, entry_id: str) -> int | None:
        """The version of an entry as it is now (None when it is gone or not visible)."""
        table = VERSIONED[kind]
        value = self._read(lambda c: read._one(c, f"SELECT version FROM {table} WHERE id = %s", (entry_id,)))
        return None if value is None else int(value)

    @staticmethod
    def claim_version(session: Session, kind: str, entry_id: str, expected: int) -> None:
        """Within a write: lock the entry and refuse (EntryChanged) when its version is not `expected`."""
        from sqlalchemy import text

        table = VERSIONED[kind]
        row = (
            session.connection()
            .execute(
                text(f"SELECT version, changed_by FROM {table} WHERE id = :id FOR UPDATE"), {"id": entry_id}
            )
            .first()
        )
        if row is not None and int(row[0]) != expected:
            raise EntryChanged(kind, entry_id, str(row[1]), int(row[0]))

    @staticmethod
    def set_note_shared(session: Session, note_id: str, shared: bool) -> None:
        """Within a write: share a note with the team, or make it private again (its author only)."""
        from sqlalchemy import text

        session.flush()
        done = session.connection().execute(
            text("UPDATE note SET shared = :shared WHERE id = :id AND author = current_user"),
            {"shared": shared, "id": note_id},
        )
        if done.rowcount != 1:
            from app.errors import InvalidInput

            raise InvalidInput(_("Only the note's author can share it or make it private"))

    # Writes.

    @cached_property
    def engine(self) -> Engine:
        return server.make_engine(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error (in words when it is the server's)."""
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        import app.data.postgres.search  # noqa: F401  (writes the search documents on every flush)

        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                if self.read_only:
                    session.connection().exec_driver_sql("SET TRANSACTION READ ONLY")
                # Recorded in the same transaction, "who" set by the server (the database user).
                # Not pruned here: members cannot delete the history (row-level security).
                self.record_changes(session)
                yield session
        except DBAPIError as error:
            plain = server.in_words(error, self.name)
            if plain is None or isinstance(error.orig, errors.IntegrityError):
                raise
            raise plain from None

    def set_query_only(self) -> None:
        self.read_only = True

    # Backup and integrity: the server's own (pg_dump, its checksums).

    def copy_to(self, target: Path) -> None:
        raise StoreError(
            f"{self.name} is a team workspace: back it up on the server (pg_dump), or export a JSON bundle"
        )

    def check_integrity(self, *, thorough: bool = False) -> str | None:
        try:
            self._read(lambda c: read._one(c, "SELECT 1"))
        except Exception as error:  # reaching the server is all a client can check
            return str(error)
        return None

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
        if "engine" in self.__dict__:
            self.engine.dispose()
            del self.__dict__["engine"]
