"""Every policy as it stood on a given day: its status then, since when, and whether that is certain.

The histories of all policies are read once (`StatusHistories.read`, a few hundred milliseconds at
10,000 policies) and then asked for any day in a few milliseconds, so that a date control can be
moved freely; read them again after the workspace changes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.data.rows import PolicyRow
from app.domain.as_of import UNDATED, DatedStatus, StatusOn, settled_at, status_on
from app.domain.dates import PartialDate
from app.errors import InvalidInput
from app.messages import _
from app.services.workspace import Workspace

__all__ = ["AsOf", "AsOfRow", "StatusHistories", "StatusOn", "as_of", "parse_day"]


def parse_day(text: str, today: date | None = None) -> date:
    """A day typed by a person ("2021-06-01", or "today"), checked as every date entered is."""
    text = text.strip()
    if text.casefold() == "today":
        return today or date.today()
    try:
        parsed = PartialDate.entered(text)
    except ValueError as error:
        raise InvalidInput(str(error)) from None
    if parsed.day is None:
        raise InvalidInput(_("“{text}” is not a day: give the full date, YYYY-MM-DD").format(text=text))
    return parsed.first_day()


class StatusHistories:
    """Every live policy's status events, in the order of its history, ready to be asked about any day."""

    def __init__(self, events: dict[str, list[DatedStatus]]) -> None:
        # policy id -> (its events, their first days, their last days, the settled status after
        # each, made when first asked for)
        self._histories: dict[str, tuple[list[DatedStatus], list[str], list[str], list[StatusOn | None]]] = {
            pid: (
                history,
                [e.first_day for e in history],
                [e.last_day for e in history],
                [None] * len(history),
            )
            for pid, history in events.items()
        }

    @classmethod
    def read(cls, workspace: Workspace) -> StatusHistories:
        events: dict[str, list[DatedStatus]] = {}
        statuses: dict[str, str] = {}  # one string per status, not one per event (memory at L)
        for policy_id, when, precision, first_day, status in workspace.store.status_histories():
            status = statuses.setdefault(status, status)
            events.setdefault(policy_id, []).append(DatedStatus.of(when, precision, first_day, status))
        return cls(events)

    def on(self, policy_id: str, day: date) -> StatusOn | None:
        """The policy's status on `day`; None when it had certainly not begun."""
        found = self._histories.get(policy_id)
        if found is None:
            return UNDATED
        return status_on(found[0], day.isoformat(), found[1])

    def statuses_on(self, day: date) -> dict[str, StatusOn | None]:
        """Each policy with a history: its status on `day`, or None when it had not begun.

        A policy without any event is not named (its status on any day is UNDATED). Written for
        10,000 policies in a few milliseconds: the common case, a day after the latest event that
        may have happened by then, is one bisection and a status already made.
        """
        iso = day.isoformat()
        found: dict[str, StatusOn | None] = {}
        for policy_id, (events, starts, ends, settled) in self._histories.items():
            begun = bisect_right(starts, iso)
            if begun == 0:
                found[policy_id] = None
            elif ends[begun - 1] <= iso:
                on = settled[begun - 1]
                if on is None:
                    on = settled[begun - 1] = settled_at(events, begun - 1)
                found[policy_id] = on
            else:
                found[policy_id] = status_on(events, iso, starts)
        return found


class AsOfRow(NamedTuple):
    row: PolicyRow  # the list row as it is today
    status: StatusOn  # and the policy's status on the day


@dataclass(frozen=True)
class AsOf:
    """A day to see the workspace as of, and every policy's status then."""

    day: date
    statuses: dict[str, StatusOn | None]
    # Policies not yet begun on the day: left out of the list (False), or kept, to be shown greyed.
    keep_not_begun: bool = False

    @classmethod
    def of(cls, histories: StatusHistories, day: date, *, keep_not_begun: bool = False) -> AsOf:
        return cls(day, histories.statuses_on(day), keep_not_begun)

    def status(self, policy_id: str) -> StatusOn | None:
        """The policy's status on the day; None when it had not begun."""
        return self.statuses.get(policy_id, UNDATED)

    def not_begun(self, policy_id: str) -> bool:
        return self.statuses.get(policy_id, UNDATED) is None

    def rows(self, rows: list[PolicyRow]) -> list[AsOfRow]:
        """The rows of the policies that had begun by the day (or may have), each with its status then."""
        found = []
        for row in rows:
            on = self.statuses.get(row.id, UNDATED)
            if on is not None:
                found.append(AsOfRow(row, on))
        return found


def as_of(workspace: Workspace, day: date, status: str | None = None) -> list[AsOfRow]:
    """Every policy that had begun by `day` (by title), with its status then; only those with
    `status` then, when given (an uncertain one counts by the status it certainly had)."""
    from app.services.policies import all_policy_rows

    rows = AsOf.of(StatusHistories.read(workspace), day).rows(all_policy_rows(workspace))
    if status is not None:
        rows = [r for r in rows if r.status.status == status]
    return rows


def as_json(day: date, rows: list[AsOfRow]) -> dict[str, object]:
    """What `policy-tracker as-of --json` prints."""
    return {
        "date": day.isoformat(),
        "policies": [
            {
                "slug": r.row.slug,
                "title": r.row.title,
                "status": r.status.status,
                "since": r.status.since,
                "certain": r.status.certain,
                "may_be": [{"status": u.status, "date": u.date} for u in r.status.unsettled],
            }
            for r in rows
        ],
    }
