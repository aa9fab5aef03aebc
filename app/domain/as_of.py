"""A policy's status on any day, from its history, honest about dates known only to the month or year.

An event dated "2020-05" happened on some day of May 2020: by 31 May it has certainly happened,
before 1 May certainly not, and on 10 May nobody knows. So the status on a day is *certain* only
when every event that may have happened by then, but may not have, would leave it the same. When
it is not, the status shown is the last one that is certain (never a guess at the later one), and
the events that may have changed it are named.

Events are taken in the order of the history (the first day their date can mean, then their
position), the order in which "the latest event sets the current status" everywhere else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def last_day_iso(date: str, precision: str) -> str:
    """The last day (YYYY-MM-DD) a stored date of this precision can mean: cheap, no parsing."""
    if precision == "day":
        return date
    if precision == "month":
        year, month = int(date[:4]), int(date[5:7])
        days = 29 if month == 2 and _leap(year) else _DAYS_IN_MONTH[month - 1]
        return f"{date}-{days:02d}"
    return f"{date}-12-31"


@dataclass(frozen=True, slots=True)
class DatedStatus:
    """The little the as-of view needs of a status event, in the history's order."""

    first_day: str  # YYYY-MM-DD: the first day its date can mean
    last_day: str  # YYYY-MM-DD: the last day its date can mean (= first_day for a day)
    date: str  # as stored: YYYY, YYYY-MM or YYYY-MM-DD
    status: str

    @classmethod
    def of(cls, date: str, precision: str, first_day: str, status: str) -> DatedStatus:
        return cls(first_day, last_day_iso(date, precision), date, status)


@dataclass(frozen=True, slots=True)
class Unsettled:
    """An event that may or may not have happened by the day: its date straddles it."""

    date: str
    status: str


@dataclass(frozen=True, slots=True)
class StatusOn:
    """A policy's status on one day.

    `status` is the status the policy certainly had, or, when `certain` is false, the last one it
    certainly had (None when no event has certainly happened yet). `since` is the date of the event
    that began that status (later events that keep it do not move it); `last_change` the date of the
    latest event certainly on or before the day. `unsettled` names the events that may have changed
    the status by then.
    """

    status: str | None
    since: str | None
    last_change: str | None
    certain: bool
    unsettled: tuple[Unsettled, ...] = ()

    @property
    def may_be(self) -> tuple[str, ...]:
        """The other statuses the policy may have had on the day, in the history's order."""
        found = dict.fromkeys(u.status for u in self.unsettled if u.status != self.status)
        return tuple(found)


UNDATED = StatusOn(None, None, None, certain=False)


def settled_at(events: Sequence[DatedStatus], index: int) -> StatusOn:
    """The status once the event at `index` has certainly happened and no later one may have."""
    status = events[index].status
    first = index
    while first > 0 and events[first - 1].status == status:
        first -= 1
    return StatusOn(status, events[first].date, events[index].date, True)


def status_on(
    events: Sequence[DatedStatus], day: str, starts: Sequence[str] | None = None
) -> StatusOn | None:
    """The status on `day` (YYYY-MM-DD); None when the policy had certainly not begun (no event can
    have happened by then). A policy without any event has no dated history: UNDATED.

    `starts`, the events' first days, may be given when asked for many days (it saves making it).
    """
    if not events:
        return UNDATED
    begun = bisect_right(starts if starts is not None else [e.first_day for e in events], day)
    if begun == 0:
        return None
    settled = begun - 1  # the latest event, in the history's order, that has certainly happened
    while settled >= 0 and events[settled].last_day > day:
        settled -= 1
    unsettled = tuple(Unsettled(e.date, e.status) for e in events[settled + 1 : begun])
    if settled < 0:
        return StatusOn(None, None, None, certain=False, unsettled=unsettled)
    settled_status = settled_at(events, settled)
    if all(u.status == settled_status.status for u in unsettled):
        return settled_status
    return StatusOn(settled_status.status, settled_status.since, settled_status.last_change, False, unsettled)
