"""Import the CSV tables the app exports (policies, or status events), checked first, then in one go."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.columns import ADDED_COLUMNS, EVENT_COLUMNS, POLICY_COLUMNS
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, Status
from app.errors import InvalidInput
from app.messages import _
from app.services.bundle_import import ImportReport
from app.services.inputs import EventInput, PolicyInput, ValidationFailed
from app.services.workspace import Workspace

MAX_CSV_BYTES = 50 * 1024 * 1024


@dataclass
class CsvPlan:
    """What importing the file would do, row by row, before anything is written."""

    kind: str  # "policies" or "events"
    name: str = ""  # the file's name, which the change history gives as the import's
    new_policies: list[PolicyInput] = field(default_factory=list)
    changed_policies: list[tuple[str, PolicyInput]] = field(default_factory=list)  # (policy id, new values)
    new_events: list[tuple[str, EventInput]] = field(default_factory=list)  # (policy id, event)
    unchanged: int = 0

    def report(self) -> ImportReport:
        report = ImportReport()
        for _policy in self.new_policies:
            report.count("policies", added=True)
        for _change in self.changed_policies:
            report.count("policies", added=False)
        for _event in self.new_events:
            report.count("events", added=True)
        return report


def _unquote(value: str) -> str:
    """Undo the export's protection against spreadsheet formulas."""
    return value[1:] if value[:2] in ("'=", "'+", "'-", "'@") else value


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise InvalidInput(_("{path} is too large to import").format(path=path))
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("{path} is not UTF-8 text").format(path=path)) from None
    except OSError as error:
        raise InvalidInput(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        rows = [{k: _unquote(v or "") for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as error:
        raise InvalidInput(
            _("{path}: line {line}: {problem}").format(path=path, line=reader.line_num, problem=error)
        ) from None
    return list(reader.fieldnames or []), rows


def _parse_choice(vocabulary: Any, value: str, where: str) -> str:
    try:
        return str(vocabulary.parse(value).value)
    except ValueError:
        raise InvalidInput(
            _("{where}: “{value}” is not one of: {choices}").format(
                where=where, value=value, choices=", ".join(m.label for m in vocabulary)
            )
        ) from None


def plan_csv_import(workspace: Workspace, path: Path) -> CsvPlan:
    """Read and check the file; every error names the file, the row and the field."""
    columns, rows = _rows(path)
    if set(POLICY_COLUMNS) - ADDED_COLUMNS <= set(columns):
        return _plan_policies(workspace, path, rows)
    if set(EVENT_COLUMNS) - ADDED_COLUMNS <= set(columns):
        return _plan_events(workspace, path, rows)
    raise InvalidInput(
        _(
            "{path} is neither a policies table nor an events table exported by Policy Tracker "
            "(expected the columns {policy_columns}, … or {event_columns}, …)"
        ).format(
            path=path,
            policy_columns=", ".join(POLICY_COLUMNS[:4]),
            event_columns=", ".join(EVENT_COLUMNS[:4]),
        )
    )


def _split(value: str, separator: str) -> list[str]:
    """The items of a list cell, undoing the export's escapes (a "\\;" is a ";" inside an item)."""
    items, current, chars = [], "", iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current += following if following in (separator, "\\") else char + following
        elif char == separator:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [item.strip() for item in items if item.strip()]


def _plan_policies(workspace: Workspace, path: Path, rows: list[dict[str, str]]) -> CsvPlan:
    from app.services import editing

    plan = CsvPlan("policies", path.name)
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        where = _("{path}: row {number}").format(path=path, number=number)
        slug = row["slug"].strip()
        if slug in seen:
            raise InvalidInput(
                _("{where}, slug: “{slug}” appears twice in the file").format(where=where, slug=slug)
            )
        seen.add(slug)
        policy_id = workspace.store.policy_id_for_slug(slug)
        if "last_verified" in row:
            last_verified = row["last_verified"]
        else:  # a table exported before the column existed leaves the date as it is
            last_verified = editing.policy_input(workspace, policy_id).last_verified if policy_id else ""
        data = PolicyInput(
            title=row["title"],
            slug=slug,
            aliases=_split(row["aliases"], ";"),
            jurisdiction=_parse_choice(
                Jurisdiction, row["jurisdiction"] or "Other", f"{where}, jurisdiction"
            ),
            kind=_parse_choice(PolicyKind, row["kind"] or "Other", f"{where}, kind"),
            summary=row["summary"],
            legal_basis=row["legal_basis"],
            agencies=_split(row["agencies"], ";"),
            tags=_split(row["tags"], ","),
            last_verified=last_verified,
        )
        try:
            data = data.validated()
        except ValidationFailed as failure:
            name, message = next(iter(failure.errors.items()))
            raise InvalidInput(
                _("{where}, {field}: {problem}").format(where=where, field=name, problem=message)
            ) from None
        if not slug:
            raise InvalidInput(_("{where}, slug: is required").format(where=where))
        if policy_id is None:
            plan.new_policies.append(data)
        elif editing.policy_input(workspace, policy_id) != data:
            plan.changed_policies.append((policy_id, data))
        else:
            plan.unchanged += 1
    return plan


def _plan_events(workspace: Workspace, path: Path, rows: list[dict[str, str]]) -> CsvPlan:

    plan = CsvPlan("events", path.name)
    known: dict[str, set[tuple[str, str, str]]] = {}
    for number, row in enumerate(rows, start=2):
        where = _("{path}: row {number}").format(path=path, number=number)
        slug = row["policy_slug"].strip()
        policy_id = workspace.store.policy_id_for_slug(slug)
        if policy_id is None:
            raise InvalidInput(
                _("{where}, policy_slug: no policy “{slug}” in this workspace").format(where=where, slug=slug)
            )
        status = _parse_choice(Status, row["status"], f"{where}, status")
        confidence = row.get("confidence", "").strip()
        if confidence:
            confidence = _parse_choice(Confidence, confidence, f"{where}, confidence")
        try:
            event = EventInput(
                row["date"],
                status,
                row["description"],
                confidence=confidence,
                disagreement=row.get("disagreement", ""),
            ).validated()
        except ValidationFailed as failure:
            name, message = next(iter(failure.errors.items()))
            raise InvalidInput(
                _("{where}, {field}: {problem}").format(where=where, field=name, problem=message)
            ) from None
        date = event.date
        description = " ".join(row["description"].split())
        if policy_id not in known:
            detail = workspace.store.policy_detail(policy_id)
            known[policy_id] = {
                (e.date, e.status, " ".join(e.description.split())) for e in (detail.events if detail else [])
            }
        key = (date, status, description)
        if key in known[policy_id]:
            plan.unchanged += 1
            continue
        known[policy_id].add(key)
        plan.new_events.append((policy_id, event))
    return plan


def apply_csv_import(workspace: Workspace, plan: CsvPlan) -> ImportReport:
    """Write the plan in one transaction."""
    from sqlmodel import func, select

    from app.data.change_context import recording
    from app.data.tables import Policy, StatusEvent, assign, utc_now
    from app.services.editing import event_fields, policy_fields

    with recording(f"import {plan.name or 'a CSV file'}"), workspace.session() as session:
        for data in plan.new_policies:
            session.add(Policy(slug=data.slug, origin="user", **policy_fields(data)))
        for policy_id, data in plan.changed_policies:
            policy = session.get(Policy, policy_id)
            if policy is not None:
                assign(policy, policy_fields(data))
                policy.updated_at = utc_now()
                session.add(policy)
        session.flush()
        for policy_id, event in plan.new_events:
            last = session.exec(
                select(func.max(StatusEvent.position)).where(StatusEvent.policy_id == policy_id)
            ).one()
            session.add(
                StatusEvent(
                    policy_id=policy_id, position=(last or 0) + 1, origin="user", **event_fields(event)
                )
            )
            session.flush()
    return plan.report()
