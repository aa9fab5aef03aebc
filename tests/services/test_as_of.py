"""The starter data as of days checked by hand against its sources (seeds/policies/*.toml)."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import InvalidInput
from app.services.as_of import AsOfRow, as_of, parse_day
from app.services.workspace import Workspace


def _on(workspace: Workspace, day: date) -> dict[str, AsOfRow]:
    return {r.row.slug: r for r in as_of(workspace, day)}


def _status(workspace: Workspace, day: date, slug: str) -> tuple[str | None, str | None, bool] | None:
    found = _on(workspace, day).get(slug)
    return None if found is None else (found.status.status, found.status.since, found.status.certain)


def test_title_42_in_effect_in_2021_and_expired_in_2023(workspace: Workspace) -> None:
    # In effect since the D.C. Circuit stayed the P.J.E.S. injunction (29 Jan 2021, after the
    # 18 Nov 2020 litigation event); expired with the public health emergency on 11 May 2023.
    assert _status(workspace, date(2021, 6, 1), "title-42") == ("in_effect", "2021-01-29", True)
    assert _status(workspace, date(2023, 6, 1), "title-42") == ("expired", "2023-05-11", True)
    # The day before the first order it did not exist yet; on the day it took effect, it was in effect.
    assert _status(workspace, date(2020, 3, 19), "title-42") is None
    assert _status(workspace, date(2020, 3, 20), "title-42") == ("in_effect", "2020-03-20", True)


def test_texas_sb4_absent_before_it_was_proposed(workspace: Workspace) -> None:
    assert "texas-sb4" not in _on(workspace, date(2023, 1, 1))
    assert _status(workspace, date(2023, 11, 9), "texas-sb4") == ("proposed", "2023-11-09", True)


def test_texas_sb4_blocked_then_uncertain_in_april_2026(workspace: Workspace) -> None:
    # Two events on 19 Mar 2024 (in effect, then blocked the same evening): the later one holds.
    assert _status(workspace, date(2024, 3, 20), "texas-sb4") == ("blocked_by_court", "2024-03-19", True)
    # An event known only to "April 2026" (under litigation): mid-April is uncertain, not a guess.
    row = _on(workspace, date(2026, 4, 15))["texas-sb4"]
    assert (row.status.status, row.status.certain) == ("blocked_by_court", False)
    assert row.status.may_be == ("under_litigation",)
    assert _status(workspace, date(2026, 5, 1), "texas-sb4") == ("under_litigation", "2026-04", True)


def test_a_year_only_first_event_leaves_the_policy_possibly_begun(workspace: Workspace) -> None:
    # The Central America commitment's first event is dated only "2020" (proposed).
    row = _on(workspace, date(2020, 3, 19))["central-america-development-commitment-2021"]
    assert (row.status.status, row.status.certain, row.status.may_be) == (None, False, ("proposed",))
    assert "central-america-development-commitment-2021" not in _on(workspace, date(2019, 12, 31))


def test_remain_in_mexico_across_its_history(workspace: Workspace) -> None:
    assert _status(workspace, date(2020, 3, 19), "remain-in-mexico") == ("in_effect", "2020-03-11", True)
    assert _status(workspace, date(2021, 6, 1), "remain-in-mexico") == ("terminated", "2021-06-01", True)
    assert _status(workspace, date(2023, 6, 1), "remain-in-mexico") == (
        "under_litigation",
        "2022-12-15",
        True,
    )


def test_status_filter_and_today(workspace: Workspace) -> None:
    in_effect = as_of(workspace, date(2021, 6, 1), "in_effect")
    assert {r.row.slug for r in in_effect} == {"title-42", "daca", "merida-initiative"}
    from app.services.policies import list_policies

    today = {r.slug: r.current_status for r in list_policies(workspace)}
    assert {r.row.slug: r.status.status for r in as_of(workspace, date.today())} == today


def test_the_quick_path_agrees_with_the_rule_on_every_day_of_the_starter_histories(
    workspace: Workspace,
) -> None:
    from datetime import timedelta

    from app.services.as_of import AsOf, StatusHistories

    histories = StatusHistories.read(workspace)
    ids = [pid for pid in histories._histories if histories._histories[pid][0]]
    day = date(2008, 1, 1)
    while day < date(2027, 1, 1):
        quick = AsOf.of(histories, day)
        for pid in ids:
            assert quick.status(pid) == histories.on(pid, day), (pid, day)
        day += timedelta(days=11)


def test_an_edit_shows_in_the_next_reading(workspace: Workspace) -> None:
    from app.services.editing import add_event
    from app.services.inputs import EventInput

    pid = workspace.store.policy_id_for_slug("title-42")
    assert pid is not None
    add_event(workspace, pid, EventInput(date="2021-05", status="suspended", description="A test."))
    row = _on(workspace, date(2021, 5, 20))["title-42"]
    assert (row.status.status, row.status.certain, row.status.may_be) == ("in_effect", False, ("suspended",))
    assert _status(workspace, date(2021, 6, 1), "title-42") == ("suspended", "2021-05", True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-13-01", "no month 13"),
        ("2021-02-30", "not a real date"),
        ("2021-06", "give the full date"),
        ("yesterday", "is not a date"),
        ("0999-01-01", "implausible year"),
        ("2301-01-01", "outside the years"),
    ],
)
def test_bad_days_are_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_day(text)


def test_today_is_a_day() -> None:
    assert parse_day("today", date(2026, 12, 7)) == date(2026, 12, 7)
    assert parse_day(" 2021-06-01 ") == date(2021, 6, 1)


def test_the_list_its_filters_and_counts_follow_the_day(workspace: Workspace) -> None:
    from app.services.as_of import AsOf, StatusHistories
    from app.services.policies import PolicyFilters, browse

    as_of = AsOf.of(StatusHistories.read(workspace), date(2021, 6, 1))
    seen = browse(workspace, as_of=as_of)
    assert "texas-sb4" not in {r.slug for r in seen.rows}
    assert len(seen.rows) == 6 and seen.total == 12
    assert seen.counts["status"]["in_effect"] == 3
    assert seen.counts["status"]["terminated"] == 1  # Remain in Mexico, terminated that very day
    narrowed = browse(workspace, PolicyFilters(statuses=frozenset({"in_effect"})), as_of=as_of)
    assert {r.slug for r in narrowed.rows} == {"title-42", "daca", "merida-initiative"}
    assert as_of.status(narrowed.rows[0].id) is not None
    today = browse(workspace, PolicyFilters(statuses=frozenset({"in_effect"})))
    assert "title-42" not in {r.slug for r in today.rows}


def test_policies_not_yet_begun_may_be_kept_without_a_status(workspace: Workspace) -> None:
    from app.services.as_of import AsOf, StatusHistories
    from app.services.policies import browse

    as_of = AsOf.of(StatusHistories.read(workspace), date(2023, 1, 1), keep_not_begun=True)
    seen = browse(workspace, as_of=as_of)
    sb4 = next(r for r in seen.rows if r.slug == "texas-sb4")
    assert (sb4.current_status, sb4.last_change) == (None, None)
    assert as_of.not_begun(sb4.id) and len(seen.rows) == 12
    assert seen.counts["status"][""] == 3  # SB 4, the 2023 asylum rule and the 2023 closures


def test_as_of_json_names_what_may_have_changed_an_uncertain_status(workspace: Workspace) -> None:
    from app.services.as_of import as_json

    answer = as_json(date(2026, 4, 15), as_of(workspace, date(2026, 4, 15)))
    sb4 = next(p for p in answer["policies"] if p["slug"] == "texas-sb4")  # type: ignore[index]
    assert sb4 == {
        "slug": "texas-sb4",
        "title": "Texas SB 4 (illegal entry as a state crime)",
        "status": "blocked_by_court",
        "since": "2024-03-19",
        "certain": False,
        "may_be": [{"status": "under_litigation", "date": "2026-04"}],
    }
