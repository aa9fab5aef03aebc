"""Every policy as it stood on a given day: its status then, since when, and whether that is certain.

The histories of all policies are read once (`StatusHistories.read`, a few hundred milliseconds at
10,000 policies) and then asked for any day in a few milliseconds, so that a date control can be
moved freely; read them again after the workspace changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.data.rows import PolicyRow
from app.domain.as_of import UNDATED, DatedStatus, StatusOn, status_on
from app.domain.dates import PartialDate
from app.errors import InvalidInput
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
        raise InvalidInput(f"“{text}” is not a day: give the full date, YYYY-MM-DD")
    return parsed.first_day()


class StatusHistories:
    """Every live policy's status events, in the order of its history, ready to be asked about any day."""

    def __init__(self, events: dict[str, list[DatedStatus]]) -> None:
        self._events = events
        self._starts = {pid: [e.first_day for e in history] for pid, history in events.items()}

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
        history = self._events.get(policy_id)
        if history is None:
            return UNDATED
        return status_on(history, day.isoformat(), self._starts[policy_id])

    def rows_on(self, rows: list[PolicyRow], day: date) -> list[AsOfRow]:
        """The rows of the policies that had begun by `day` (or may have), each with its status then:
        its status and last change as on that day, the rest as today."""
        iso = day.isoformat()
        found = []
        for row in rows:
            history = self._events.get(row.id)
            status = UNDATED if history is None else status_on(history, iso, self._starts[row.id])
            if status is None:
                continue  # not yet begun: absent on that day
            changed = status.last_change
            found.append(
                AsOfRow(
                    PolicyRow(
                        row.id,
                        row.slug,
                        row.title,
                        row.aliases,
                        row.jurisdiction,
                        row.kind,
                        row.tags,
                        status.status,
                        changed,
                        None if changed is None else _precision(changed),
                        row.source_count,
                        row.note_count,
                    ),
                    status,
                )
            )
        return found


@dataclass(frozen=True, slots=True)
class AsOfRow:
    row: PolicyRow  # the list row, its status and last change as on the day
    status: StatusOn


@dataclass(frozen=True)
class AsOf:
    """A day to see the workspace as of, and the histories that say what stood then."""

    day: date
    histories: StatusHistories

    def rows(self, rows: list[PolicyRow]) -> list[AsOfRow]:
        """The rows of the policies that had begun by the day (or may have), each with its status then."""
        return self.histories.rows_on(rows, self.day)


def _precision(iso: str) -> str:
    return {4: "year", 7: "month"}.get(len(iso), "day")


def as_of(workspace: Workspace, day: date, status: str | None = None) -> list[AsOfRow]:
    """Every policy that had begun by `day` (by title), with its status then; only those with
    `status` then, when given (an uncertain one counts by the status it certainly had)."""
    from app.services.policies import all_policy_rows

    rows = AsOf(day, StatusHistories.read(workspace)).rows(all_policy_rows(workspace))
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
