"""A policy's current status is derived from its latest event, never stored apart from it."""

from __future__ import annotations

from app.data.seeds import seed_id
from app.data.tables import StatusEvent
from app.domain.dates import PartialDate
from app.services.policies import PolicyFilters, list_policies, policy_by_slug
from app.services.workspace import Workspace


def _add_event(workspace: Workspace, slug: str, when: str, status: str, position: int = 99) -> None:
    date = PartialDate.parse(when)
    with workspace.session() as session:
        session.add(
            StatusEvent(
                policy_id=seed_id("policy", slug),
                date=date.iso(),
                date_precision=date.precision.value,
                date_sort=date.first_day().isoformat(),
                position=position,
                status=status,
            )
        )


def _status(workspace: Workspace, slug: str) -> tuple[str | None, str | None]:
    row = next(r for r in list_policies(workspace) if r.slug == slug)
    return row.current_status, row.last_change


def test_current_status_is_the_latest_event(small: Workspace) -> None:
    assert _status(small, "alpha") == ("blocked_by_court", "2021-06")
    _add_event(small, "alpha", "2022-08-08", "terminated")
    assert _status(small, "alpha") == ("terminated", "2022-08-08")
    assert policy_by_slug(small, "alpha").current_status == "terminated"


def test_an_earlier_event_added_later_does_not_become_current(small: Workspace) -> None:
    _add_event(small, "alpha", "2019-12", "announced")
    assert _status(small, "alpha") == ("blocked_by_court", "2021-06")
    assert policy_by_slug(small, "alpha").events[0].status == "announced"


def test_a_soft_deleted_event_no_longer_counts(small: Workspace) -> None:
    with small.session() as session:
        event = session.get(StatusEvent, seed_id("event", "alpha/blocked"))
        assert event is not None
        event.deleted_at = "2026-01-01T00:00:00Z"
        session.add(event)
    assert _status(small, "alpha") == ("in_effect", "2020-01-15")


def test_status_filter_uses_the_current_status(small: Workspace) -> None:
    rows = list_policies(small, PolicyFilters(statuses=frozenset({"blocked_by_court"})))
    assert [r.slug for r in rows] == ["alpha"]
    assert list_policies(small, PolicyFilters(statuses=frozenset({"in_effect"}))) == []


def test_search_finds_policies_through_aliases_events_and_excerpts(small: Workspace) -> None:
    def found(text: str) -> list[str]:
        return [r.slug for r in list_policies(small, PolicyFilters(search=text))]

    assert found("AP") == ["alpha"]  # alias
    assert found("blocked") == ["alpha"]  # event description
    assert found("enjoined") == ["alpha"]  # excerpt of a cited source
    assert found("framework") == ["beta"]
    assert found('NEAR( "quotes" AND') == []  # query syntax typed by a person is text, not an error
    assert found("") == ["alpha", "beta"]
