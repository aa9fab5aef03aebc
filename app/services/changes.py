"""The change history: what changed in the workspace, when, by whom, before and after.

The store records every change as it commits it (app.data.change_log); this module reads the
records for the window and the command line, and keeps the setting that bounds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from app.data.details import ChangeQuery, ChangeRow
from app.domain.dates import PartialDate
from app.domain.vocab import ChangeKind
from app.errors import InvalidInput, NotFound
from app.messages import _
from app.services.workspace import Workspace

# A moment as the history writes it (UTC), or as a person may type it.
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$")


def parse_since(text: str) -> str:
    """A day (2026-12-01, 2026-12, 2026) or a UTC moment (2026-12-01T09:30) as the history's time.

    A day means its first moment, UTC. InvalidInput, in words, for anything else.
    """
    text = text.strip()
    if _MOMENT.match(text):
        try:
            moment = datetime.fromisoformat(text.removesuffix("Z").replace(" ", "T"))
        except ValueError:
            raise InvalidInput(_("“{text}” is not a date and time that exists").format(text=text)) from None
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    try:
        day = PartialDate.parse(text).first_day()
    except ValueError:
        raise InvalidInput(
            _(
                "“{text}” is not a date; give it as YYYY-MM-DD (or YYYY-MM, YYYY, or YYYY-MM-DDTHH:MM in UTC)"
            ).format(text=text)
        ) from None
    return f"{day.isoformat()}T00:00:00.000Z"


@dataclass(frozen=True)
class ChangeFilters:
    """Which changes a person asked for; empty fields ask for all."""

    since: str = ""  # as typed; parse_since reads it
    policy_slugs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    who: str = ""
    limit: int | None = None


def policy_ids_of(workspace: Workspace, slugs: tuple[str, ...]) -> tuple[str, ...]:
    ids = []
    for slug in slugs:
        policy_id = workspace.store.policy_id_for_slug(slug)
        if policy_id is None:
            raise NotFound(_("No policy with the slug “{slug}” in this workspace").format(slug=slug))
        ids.append(policy_id)
    return tuple(ids)


def list_changes(workspace: Workspace, filters: ChangeFilters = ChangeFilters()) -> list[ChangeRow]:
    """The recorded changes the filters ask for, oldest first."""
    for kind in filters.kinds:
        if kind not in set(ChangeKind):
            choices = ", ".join(k.value for k in ChangeKind)
            raise InvalidInput(
                _("“{kind}” is not a kind of entry; choose one of: {choices}").format(
                    kind=kind, choices=choices
                )
            )
    return workspace.store.changes(
        ChangeQuery(
            since=parse_since(filters.since) if filters.since else None,
            policy_ids=policy_ids_of(workspace, filters.policy_slugs),
            kinds=filters.kinds,
            who=filters.who or None,
            limit=filters.limit,
        )
    )


def changes_of_policy(workspace: Workspace, policy_id: str, limit: int | None = None) -> list[ChangeRow]:
    """The latest `limit` changes concerning one policy (by id), oldest first."""
    return workspace.store.changes(ChangeQuery(policy_ids=(policy_id,), limit=limit))


RECENT_LIMIT = 5000  # the window lists at most this many of the latest changes


def changes_after(workspace: Workspace, seq: int) -> list[ChangeRow]:
    """The changes numbered after `seq`, oldest first: catching up from the last one seen."""
    return workspace.store.changes(ChangeQuery(after_seq=seq))


def slugs_of(workspace: Workspace, changes: list[ChangeRow]) -> dict[str, str]:
    """The current slug of each policy these changes name (a purged policy has none)."""
    slugs: dict[str, str] = {}
    wanted = {c.policy_id for c in changes if c.policy_id} | {p for c in changes for p in c.policy_ids}
    if wanted:
        for row in workspace.store.rows_for_ids(sorted(wanted)):
            slugs[row.id] = row.slug
        for policy_id in wanted - slugs.keys():  # in the trash: rows_for_ids lists live ones only
            detail = workspace.store.policy_detail(policy_id)
            if detail is not None:
                slugs[policy_id] = detail.slug
    return slugs


def change_as_json(change: ChangeRow, slugs: dict[str, str]) -> dict[str, object]:
    """One change as `policy-tracker changes --json` prints it."""
    return {
        "seq": change.seq,
        "at": change.at,
        "who": change.who,
        "kind": change.kind,
        "entry": change.entry_id,
        "policy": slugs.get(change.policy_id, change.policy_id) if change.policy_id else None,
        "policies": [slugs.get(p, p) for p in change.policy_ids],
        "summary": change.summary,
        "source": change.source,
        "batch": change.batch,
        "before": change.before,
        "after": change.after,
    }


# The setting that bounds the history --------------------------------------------------------


def retention_days(workspace: Workspace) -> int:
    """How many days of changes the workspace keeps (0: all of them)."""
    from app.data.change_log import retention_days as stored

    with workspace.session() as session:
        return stored(session)


def set_retention_days(workspace: Workspace, days: int) -> None:
    """Keep `days` days of changes from now on (0 keeps all); older ones go now."""
    from app.data.change_log import PRUNE_BATCH, RETENTION_KEY, prune
    from app.data.tables import Meta

    if days < 0:
        raise InvalidInput(
            _("Give the days of changes to keep as a number of days, or 0 to keep all, not {days}").format(
                days=days
            )
        )
    workspace.ensure_writable()
    with workspace.session() as session:
        row = session.get(Meta, RETENTION_KEY) or Meta(key=RETENTION_KEY, value=str(days))
        row.value = str(days)
        session.add(row)
        session.flush()
        while prune(session, today=datetime.now(UTC)) == PRUNE_BATCH:
            pass  # a person asked for it: all that is older goes now, not a batch per write


# Briefings of changes: since when, and the last one of the same policies --------------------


@dataclass(frozen=True)
class Since:
    """Since when a briefing of changes reports: changes recorded at or after `moment` (or numbered
    after `after_seq`: since the last briefing), and events dated on or after `day`."""

    day: str  # YYYY-MM-DD
    moment: str | None = None  # the change history's time, UTC
    after_seq: int | None = None


def briefing_scope(policy_ids: list[str]) -> str:
    """The same key for the same set of policies, however they were chosen or ordered."""
    import hashlib

    return hashlib.sha256("\n".join(sorted(set(policy_ids))).encode()).hexdigest()


def last_briefing(workspace: Workspace, policy_ids: list[str]) -> Since | None:
    """Since the last briefing of changes of exactly these policies, if there was one."""
    from app.data.tables import BriefingMark

    with workspace.session() as session:
        mark = session.get(BriefingMark, briefing_scope(policy_ids))
        if mark is None:
            return None
        return Since(day=mark.at[:10], after_seq=mark.seq)


def since_of(workspace: Workspace, policy_ids: list[str], text: str) -> Since:
    """What `--changes-since DATE|last` asks for; InvalidInput, in words, when it cannot be told."""
    if text.strip().lower() == "last":
        found = last_briefing(workspace, policy_ids)
        if found is None:
            raise InvalidInput(
                _(
                    "These policies have had no briefing of changes yet; give a date instead of “last” "
                    "(YYYY-MM-DD)"
                )
            )
        return found
    moment = parse_since(text)
    return Since(day=moment[:10], moment=moment)


def remember_briefing(workspace: Workspace, policy_ids: list[str], seq: int) -> None:
    """Remember that the changes of these policies were briefed up to change `seq`, now.

    A workspace that cannot be written (read-only) keeps no memory; the briefing is written all the same.
    """
    from app.data.change_context import now
    from app.data.tables import BriefingMark

    if workspace.read_only or workspace.damage:
        return
    scope = briefing_scope(policy_ids)
    with workspace.session() as session:
        mark = session.get(BriefingMark, scope) or BriefingMark(scope=scope, at=now(), seq=seq)
        mark.policy_ids = sorted(set(policy_ids))
        mark.at, mark.seq = now(), seq
        session.add(mark)
