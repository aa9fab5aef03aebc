"""What makes the changes a transaction records: an edit, undo, redo, an import, the starter data.

A context around an operation (`recording("undo")`), read by the change history's recorder
(app.data.change_log) when the transaction commits. Plain Python, cheap to import: the start-up
path imports it before any ORM.
"""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container), no USER variable
        return "unknown"


@dataclass(frozen=True)
class ChangeContext:
    """What makes the changes of the transactions run inside `recording()`."""

    source: str = "edit"
    who: str = field(default_factory=_os_user)
    # One action of a person, however many transactions it takes; None: each transaction is one.
    batch: str | None = None


_current: ContextVar[ChangeContext | None] = ContextVar("change_context", default=None)


@contextmanager
def recording(
    source: str | None = None, *, who: str | None = None, batch: bool = True
) -> Iterator[ChangeContext]:
    """Record the changes made inside this block as made by `source` ("undo", "import NAME", …),
    by `who`, as one group. Nested blocks keep the outer group and who, and take their own source."""
    outer = _current.get()
    base = outer or ChangeContext()
    context = replace(
        base,
        source=source or base.source,
        who=who or base.who,
        batch=base.batch or (str(uuid.uuid4()) if batch else None),
    )
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def current_context() -> ChangeContext:
    return _current.get() or ChangeContext()


def now() -> str:
    """The time a change is recorded at: UTC to the millisecond, sorting as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
