"""The citation audit, on a policy built for it and on the starter data (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import InvalidInput
from app.services.audit import (
    DEFAULT_STALE_AFTER_DAYS,
    AuditKind,
    PolicyAudit,
    audit_of,
    audit_workspace,
    set_stale_after_days,
    stale_after_days,
)
from app.services.editing import add_event, add_note, add_source, create_policy
from app.services.inputs import EventInput, NoteInput, PolicyInput, SourceInput
from app.services.workspace import Workspace

TODAY = date(2026, 12, 7)


def _kinds(audit: PolicyAudit, entry_id: str) -> set[AuditKind]:
    return {i.kind for i in audit.items if i.entry_id == entry_id}


@pytest.fixture
def built(empty_workspace: Workspace) -> tuple[Workspace, dict[str, str]]:
    ws = empty_workspace
    pid, _ = create_policy(ws, PolicyInput(title="Audited", last_verified="2026-01-02"))
    court = add_source(
        ws,
        SourceInput(
            title="Court order",
            kind="court",
            published="2024-02-29",
            url="https://example.org/order",
            excerpts=["The injunction against the statute is granted today.", "Costs are awarded."],
        ),
        pid,
    )
    news = add_source(ws, SourceInput(title="Newspaper", kind="news", excerpts=["Opinion polls moved."]), pid)
    blog = add_source(ws, SourceInput(title="Blog", kind="opinion", published="2024-03"), pid)
    ids = {
        "pid": pid,
        "court": court,
        "news": news,
        "blog": blog,
        "strong": add_event(
            ws,
            pid,
            EventInput(
                date="2024-02-29",
                status="blocked_by_court",
                description="The court granted an injunction against the statute.",
                source_ids=[court, news],
            ),
        ),
        "weak": add_event(
            ws,
            pid,
            EventInput(date="2024-03", status="in_effect", source_ids=[news, blog], confidence="unconfirmed"),
        ),
        "single": add_event(
            ws,
            pid,
            EventInput(
                date="2024-04-01",
                status="under_litigation",
                source_ids=[court],
                disagreement="The parties disagree on the date.",
            ),
        ),
        "bare": add_event(ws, pid, EventInput(date="2024-05-01", status="expired")),
    }
    return ws, ids


def test_each_kind_of_weakness_is_named_on_its_entry(built: tuple[Workspace, dict[str, str]]) -> None:
    ws, ids = built
    audit = audit_of(ws, ids["pid"], TODAY)
    assert audit is not None
    assert _kinds(audit, ids["strong"]) == set()  # a court source and a second one
    assert _kinds(audit, ids["weak"]) == {AuditKind.NO_PRIMARY_SOURCE, AuditKind.UNCONFIRMED}
    assert _kinds(audit, ids["single"]) == {AuditKind.SINGLE_SOURCE, AuditKind.DISPUTED}
    assert _kinds(audit, ids["bare"]) == {AuditKind.NO_SOURCE}
    assert _kinds(audit, ids["news"]) == {
        AuditKind.SOURCE_WITHOUT_URL,
        AuditKind.SOURCE_WITHOUT_DATE,
        AuditKind.UNUSED_EXCERPT,
    }
    assert _kinds(audit, ids["blog"]) == {AuditKind.SOURCE_WITHOUT_URL}
    # The court order's first excerpt supports the event citing it; the second nothing uses.
    unused = [i for i in audit.items if i.kind is AuditKind.UNUSED_EXCERPT and i.entry_id == ids["court"]]
    assert [i.detail for i in unused] == ["1 of 2 excerpts, from “Costs are awarded.”"]
    # Verified on 2 Jan 2026: 339 days before 7 Dec 2026, more than the default 180.
    stale = [i for i in audit.items if i.kind is AuditKind.NOT_VERIFIED]
    assert [(i.entry, i.detail) for i in stale] == [("policy", "last verified 2026-01-02, 339 days ago")]
    assert audit.of_event(ids["weak"]) == [AuditKind.NO_PRIMARY_SOURCE, AuditKind.UNCONFIRMED]


def test_a_note_quoting_an_excerpt_uses_it(built: tuple[Workspace, dict[str, str]]) -> None:
    ws, ids = built
    add_note(ws, ids["pid"], NoteInput(body="Telling.", source_id=ids["court"], quote="Costs are awarded"))
    add_note(ws, ids["pid"], NoteInput(body="Also.", source_id=ids["news"], quote="polls moved"))
    audit = audit_of(ws, ids["pid"], TODAY)
    assert audit is not None
    assert AuditKind.UNUSED_EXCERPT not in _kinds(audit, ids["court"])
    assert AuditKind.UNUSED_EXCERPT not in _kinds(audit, ids["news"])


def test_the_not_verified_setting_is_kept_in_the_workspace(built: tuple[Workspace, dict[str, str]]) -> None:
    ws, ids = built
    assert stale_after_days(ws) == DEFAULT_STALE_AFTER_DAYS
    set_stale_after_days(ws, 400)
    assert stale_after_days(ws) == 400
    audit = audit_of(ws, ids["pid"], TODAY)
    assert audit is not None and audit.count(AuditKind.NOT_VERIFIED) == 0
    with pytest.raises(InvalidInput):
        set_stale_after_days(ws, 0)
    assert stale_after_days(ws) == 400


def test_a_policy_never_verified_is_listed(empty_workspace: Workspace) -> None:
    pid, _ = create_policy(empty_workspace, PolicyInput(title="Unchecked"))
    audit = audit_of(empty_workspace, pid, TODAY)
    assert audit is not None
    assert [(i.kind, i.detail) for i in audit.items] == [(AuditKind.NOT_VERIFIED, "never verified")]


def test_the_starter_data_audit_by_hand(workspace: Workspace) -> None:
    audits = {a.slug: a for a in audit_workspace(workspace, today=TODAY)}
    assert len(audits) == 12
    title_42 = audits["title-42"]
    # The D.C. Circuit's 29 Jan 2021 stay is known from Law360 and the Civil Rights Litigation
    # Clearinghouse only; the 2025 reports of a new order are unconfirmed (CNN, CGRS).
    flagged = {(i.kind, i.what) for i in title_42.items}
    assert (AuditKind.NO_PRIMARY_SOURCE, "2021-01-29 In effect") in flagged
    assert (AuditKind.UNCONFIRMED, "2025-02-19 Expired") in flagged
    assert (AuditKind.SINGLE_SOURCE, "2020-11-18 Under litigation") in flagged
    assert (AuditKind.NO_PRIMARY_SOURCE, "2020-03-20 In effect") not in flagged
    assert title_42.count(AuditKind.NOT_VERIFIED) == 0  # verified 2026-12-07
    sb4 = audits["texas-sb4"]
    assert {i.what for i in sb4.items if i.kind is AuditKind.UNCONFIRMED} == {
        "2026-05-04 Under litigation",
        "2026-05-29 In effect",
    }
    # Every starter policy was verified on 7 Dec 2026; a year later all are listed.
    later = audit_workspace(workspace, today=date(2027, 12, 8))
    assert all(a.count(AuditKind.NOT_VERIFIED) == 1 for a in later)
