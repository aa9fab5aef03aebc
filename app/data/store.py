"""The store: the one door to a workspace's data, whatever holds it.

`Store` names what each backend provides; app/data/sqlite is the reference implementation (a
second backend, such as PostgreSQL, is a package beside it). Services talk to the store; the
window and the command line talk to services.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.data.rows import PolicyRow

if TYPE_CHECKING:
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


class StoreError(Exception):
    """A failure of the backend itself (its message says what); the caller puts it in words."""


@dataclass(frozen=True)
class WriteWait:
    """How long a write waits for another process's, and whom to tell that it is waiting."""

    seconds: float
    on_wait: Callable[[], None] | None = None


class SearchCancelled(Exception):
    """A search stopped by its CancelToken before it finished."""


class CancelToken:
    """Cancels one running search from another thread: `cancel()` stops it as soon as it can.

    The store registers how to stop the query it is running (`while_running`); a token cancelled
    before the query starts stops it before it reads anything.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._stop: Callable[[], None] | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            stop = self._stop
        if stop is not None:
            stop()

    @contextmanager
    def while_running(self, stop: Callable[[], None]) -> Iterator[None]:
        """Within this block, `cancel()` calls `stop`; raises SearchCancelled if already cancelled."""
        with self._lock:
            if self._cancelled:
                raise SearchCancelled
            self._stop = stop
        try:
            yield
        finally:
            with self._lock:
                self._stop = None
        if self._cancelled:
            raise SearchCancelled


class Store(Protocol):
    """What every backend provides. Reads return plain rows (app.data.rows), never ORM objects."""

    path: Path
    read_only: bool

    # The policy list and its search.
    def count_policies(self) -> int: ...
    def first_page(self, limit: int) -> list[PolicyRow]: ...
    def policy_rows(self, search: str = "", cancel: CancelToken | None = None) -> list[PolicyRow]:
        """Every live policy, or those matching `search` best first; SearchCancelled when cancelled."""
        ...

    def rows_for_ids(self, ids: list[str]) -> list[PolicyRow]: ...
    def policies_matching_fields(self, search: str, limit: int = 100) -> list[str]: ...
    def match_reason(self, search: str, policy_id: str) -> MatchReason | None:
        """Where a policy matches `search` (the entry and field), with a snippet; None if it does not."""
        ...

    def status_histories(self) -> list[tuple[str, str, str, str, str]]:
        """(policy id, date, precision, first day, status) of every live event of every live policy,
        grouped by policy, each policy's in the order of its history: the status on any day."""
        ...

    def meta_value(self, key: str) -> str | None:
        """A workspace setting kept in the file (None when never set)."""
        ...

    def cancel_search(self) -> None:
        """Stop the search this store is running (from another thread); it raises SearchCancelled."""
        ...

    # One policy and what belongs to it.
    def policy_id_for_slug(self, slug: str) -> str | None: ...
    def policy_detail(self, policy_id: str) -> PolicyDetail | None: ...
    def policy_details(self, policy_ids: list[str]) -> list[PolicyDetail]:
        """Several live policies in full (as policy_detail gives each), in the order of `policy_ids`."""
        ...

    def all_sources(self) -> list[SourceRow]: ...
    def all_tags(self) -> list[str]: ...
    def note_tags(self) -> list[str]: ...
    def list_notes(
        self,
        *,
        policy_id: str | None = None,
        tag: str | None = None,
        search: str = "",
        updated_from: str | None = None,
    ) -> list[NoteListRow]: ...
    def saved_searches(self) -> list[SavedSearchRow]: ...
    def sources_by_id(self, ids: list[str]) -> list[SourceRow]: ...

    # What editing asks before it changes something.
    def policy_exists(self, policy_id: str) -> bool:
        """Whether the policy is there, live or in the trash."""
        ...

    def content_counts(self, policy_id: str) -> ContentCounts: ...
    def trashed_note_count(self, policy_id: str) -> int: ...
    def first_event_day(self, policy_id: str) -> str | None:
        """The first day (YYYY-MM-DD) of the policy's earliest live event, if it has any."""
        ...

    def policies_of_source(self, source_id: str) -> set[str]: ...
    def policy_of_entry(self, kind: str, entry_id: str) -> str | None:
        """The policy a status event ("event") or a note ("note") belongs to; None if it is gone."""
        ...

    def trash(self) -> list[TrashRow]: ...

    # The timeline of some policies.
    def timeline_rows(self, policy_ids: list[str]) -> TimelineRows: ...

    # Writes: one unit of work, committed on success and rolled back on any error. Every backend
    # calls record_changes on the session it yields, so no write escapes the change history.
    def transaction(self) -> AbstractContextManager[Session]: ...
    def record_changes(self, session: Session) -> None:
        """Record every change `session` makes (app.data.change_log), in its own transaction."""
        ...

    # The change history: what changed, when, by whom, before and after.
    def changes(self, query: ChangeQuery) -> list[ChangeRow]:
        """The recorded changes `query` asks for, oldest first."""
        ...

    def last_change_seq(self) -> int:
        """The number of the newest recorded change (0: none); numbers only grow."""
        ...

    # Change feed: a number that changes whenever another connection or process commits.
    def data_version(self) -> int: ...

    # Backup and integrity.
    def copy_to(self, target: Path) -> None:
        """A consistent, self-contained copy into the new file `target`, even while others write."""
        ...

    def check_integrity(self, *, thorough: bool = False) -> str | None:
        """None when the data is sound, else a one-line diagnosis in plain words."""
        ...

    def set_query_only(self) -> None:
        """Refuse every write from now on (the workspace is known to be damaged)."""
        ...

    def close(self) -> None: ...
