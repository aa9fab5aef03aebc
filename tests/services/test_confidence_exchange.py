"""Confidence, disagreement and last-verified through the editors' inputs, the JSON bundle and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.data.seeds import seed_id
from app.errors import InvalidInput
from app.export.briefing import build_briefing
from app.export.csv_tables import briefing_csv
from app.services import editing
from app.services.bundle import build_bundle, without_history, write_bundle
from app.services.bundle_import import import_bundle
from app.services.csv_import import apply_csv_import, plan_csv_import
from app.services.inputs import EventInput, PolicyInput, SourceInput, ValidationFailed
from app.services.workspace import Workspace

ALPHA = seed_id("policy", "alpha")
BLOCKED = seed_id("event", "alpha/blocked")
MEMO, RULING = seed_id("source", "memo-one"), seed_id("source", "ruling-one")


def _mark(workspace: Workspace) -> None:
    """Give alpha a last-verified day and its blocked event a confidence and a disagreement."""
    data = editing.event_input(workspace, BLOCKED)
    data.confidence, data.disagreement = "Unconfirmed", "The agency says the program goes on."
    editing.update_event(workspace, BLOCKED, data)
    policy = editing.policy_input(workspace, ALPHA)
    policy.last_verified = "2026-12-01"
    editing.update_policy(workspace, ALPHA, policy)


def _facts(workspace: Workspace, policy_id: str = ALPHA) -> tuple[str | None, list[tuple[str, str, str]]]:
    detail = workspace.store.policy_detail(policy_id)
    assert detail is not None
    return detail.last_verified, [(e.description, e.confidence, e.disagreement) for e in detail.events]


def test_the_editing_inputs_store_the_fields_and_derive_a_missing_confidence(small: Workspace) -> None:
    _mark(small)
    assert _facts(small) == (
        "2026-12-01",
        [
            ("The program began.", "confirmed", ""),
            ("A court blocked it.", "unconfirmed", "The agency says the program goes on."),
        ],
    )
    news = editing.add_source(small, SourceInput("A story", kind="news"))
    cited_news = editing.add_event(small, ALPHA, EventInput("2022", "expired", "Lapsed.", [news]))
    cited_court = editing.add_event(small, ALPHA, EventInput("2023", "reinstated", "Back.", [RULING, news]))
    stated = editing.add_event(small, ALPHA, EventInput("2024", "terminated", "", [RULING], "reported"))
    confidences = {e.id: e.confidence for e in small.store.policy_detail(ALPHA).events}  # type: ignore[union-attr]
    assert [confidences[i] for i in (cited_news, cited_court, stated)] == [
        "reported",
        "confirmed",
        "reported",
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (EventInput("2024", "expired", confidence="sure"), "confidence"),
        (EventInput("2024", "expired", disagreement="x" * 20_001), "disagreement"),
        (EventInput("2024", "expired", disagreement="bell \x07"), "disagreement"),
        (PolicyInput("T", last_verified="2026-12"), "last_verified"),
        (PolicyInput("T", last_verified="2100-01-01"), "last_verified"),
        (PolicyInput("T", last_verified="soon"), "last_verified"),
    ],
)
def test_bad_values_are_refused_in_words(
    small: Workspace, data: EventInput | PolicyInput, field: str
) -> None:
    before = build_bundle(small)
    with pytest.raises(ValidationFailed) as caught:
        if isinstance(data, EventInput):
            editing.add_event(small, ALPHA, data)
        else:
            editing.update_policy(small, ALPHA, data)
    assert field in caught.value.errors
    assert build_bundle(small) == before  # nothing changed


def test_a_bundle_carries_the_fields_both_ways(
    small: Workspace, empty_workspace: Workspace, tmp_path: Path
) -> None:
    _mark(small)
    file = tmp_path / "bundle.json"
    write_bundle(small, file)
    written = json.loads(file.read_text(encoding="utf-8"))
    alpha = next(p for p in written["policies"] if p["slug"] == "alpha")
    assert alpha["last_verified"] == "2026-12-01"
    assert [(e["confidence"], e["disagreement"]) for e in alpha["events"]] == [
        ("confirmed", ""),
        ("unconfirmed", "The agency says the program goes on."),
    ]
    import_bundle(empty_workspace, file)
    assert _facts(empty_workspace) == _facts(small)
    # Each workspace has its own history (the import is recorded as an import): the rest is equal.
    assert without_history(build_bundle(empty_workspace)) == without_history(build_bundle(small))


def _old_bundle(workspace: Workspace, path: Path) -> None:
    """The bundle as the version before these fields wrote it."""
    write_bundle(workspace, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    for policy in data["policies"]:
        del policy["last_verified"]
        for event in policy["events"]:
            del event["confidence"], event["disagreement"]
    path.write_text(json.dumps(data), encoding="utf-8")


def test_an_older_bundle_without_the_fields_still_imports(
    small: Workspace, empty_workspace: Workspace, tmp_path: Path
) -> None:
    news = editing.add_source(small, SourceInput("A story", kind="news"))
    editing.add_event(small, ALPHA, EventInput("2022", "expired", "Lapsed.", [news], "unconfirmed"))
    old = tmp_path / "old.json"
    _old_bundle(small, old)
    import_bundle(empty_workspace, old)  # new entries get the default for their sources
    assert _facts(empty_workspace) == (
        None,
        [
            ("The program began.", "confirmed", ""),
            ("A court blocked it.", "confirmed", ""),
            ("Lapsed.", "reported", ""),
        ],
    )
    _mark(small)
    before = _facts(small)
    report = import_bundle(small, old)  # entries already here keep what they have
    assert _facts(small) == before
    assert report.updated == {}


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda p: p["events"][0].update(confidence="sure"), "policies[1].events[1].confidence"),
        (lambda p: p.update(last_verified="2026-12"), "policies[1].last_verified"),
        (lambda p: p["events"][0].update(disagreement=["a list"]), "policies[1].events[1].disagreement"),
        (lambda p: p["events"][0].update(disagreement="bell \x07"), "policies[1].events[1]: disagreement"),
    ],
)
def test_a_bundle_with_a_bad_value_is_refused_and_changes_nothing(
    small: Workspace, tmp_path: Path, change: object, where: str
) -> None:
    file = tmp_path / "bad.json"
    write_bundle(small, file)
    data = json.loads(file.read_text(encoding="utf-8"))
    change(data["policies"][0])  # type: ignore[operator]
    file.write_text(json.dumps(data), encoding="utf-8")
    before = build_bundle(small)
    with pytest.raises(InvalidInput) as caught:
        import_bundle(small, file)
    assert f"{file}: {where}" in str(caught.value)
    assert build_bundle(small) == before


def test_csv_tables_carry_the_fields_and_older_tables_still_import(
    small: Workspace, empty_workspace: Workspace, tmp_path: Path
) -> None:
    _mark(small)
    policies_csv, events_csv, _no_notes = briefing_csv(build_briefing(small, [ALPHA], for_reading=False))
    assert policies_csv.splitlines()[0].endswith(",last_verified")
    assert ",2026-12-01" in policies_csv.splitlines()[1]
    assert events_csv.splitlines()[0].endswith(",confidence,disagreement")
    assert "Unconfirmed,The agency says the program goes on." in events_csv
    (tmp_path / "p.csv").write_text(policies_csv, encoding="utf-8")
    (tmp_path / "e.csv").write_text(events_csv, encoding="utf-8")
    apply_csv_import(empty_workspace, plan_csv_import(empty_workspace, tmp_path / "p.csv"))
    apply_csv_import(empty_workspace, plan_csv_import(empty_workspace, tmp_path / "e.csv"))
    alpha_here = empty_workspace.store.policy_id_for_slug("alpha")
    assert alpha_here is not None
    assert _facts(empty_workspace, alpha_here) == (
        "2026-12-01",
        [
            ("The program began.", "confirmed", ""),  # stated in the table, not derived
            ("A court blocked it.", "unconfirmed", "The agency says the program goes on."),
        ],
    )
    # A table exported before the columns existed: the day stays, new events get the default.
    (tmp_path / "old-p.csv").write_text(
        "slug,title,aliases,jurisdiction,kind,current_status,status_since,summary,legal_basis,agencies,tags,"
        "sources,related\r\nalpha,Alpha program,AP,US federal,Executive program,,,A test program.,,,test,,\r\n",
        encoding="utf-8",
    )
    plan = plan_csv_import(small, tmp_path / "old-p.csv")
    assert (plan.changed_policies, plan.unchanged) == ([], 1)
    (tmp_path / "old-e.csv").write_text(
        "policy_slug,policy_title,date,date_precision,status,description,sources\r\n"
        "alpha,,2024-05,,Expired,Lapsed.,\r\n",
        encoding="utf-8",
    )
    apply_csv_import(small, plan_csv_import(small, tmp_path / "old-e.csv"))
    assert _facts(small)[1][-1] == ("Lapsed.", "reported", "")
    assert _facts(small)[0] == "2026-12-01"


def test_a_csv_row_with_a_bad_confidence_names_row_and_field(small: Workspace, tmp_path: Path) -> None:
    file = tmp_path / "e.csv"
    file.write_text(
        "policy_slug,policy_title,date,date_precision,status,description,sources,confidence,disagreement\r\n"
        "alpha,,2024-05,,Expired,Lapsed.,,Likely,\r\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match=r"row 2, confidence: “Likely” is not one of: Confirmed"):
        plan_csv_import(small, file)
