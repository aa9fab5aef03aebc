"""The status on a day, from a history with dates known to the day, the month or the year (no Qt)."""

from __future__ import annotations

from app.domain.as_of import UNDATED, DatedStatus, StatusOn, last_day_iso, status_on


def event(date: str, status: str) -> DatedStatus:
    precision = {4: "year", 7: "month"}.get(len(date), "day")
    first = {4: f"{date}-01-01", 7: f"{date}-01"}.get(len(date), date)
    return DatedStatus.of(date, precision, first, status)


HISTORY = [
    event("2020-03-20", "in_effect"),
    event("2020-05", "suspended"),  # known only to the month
    event("2020-08-01", "in_effect"),
    event("2021", "under_litigation"),  # known only to the year
    event("2022-02-02", "expired"),
]


def test_last_days_of_months_and_years() -> None:
    assert last_day_iso("2024-02", "month") == "2024-02-29"  # a leap year
    assert last_day_iso("2023-02", "month") == "2023-02-28"
    assert last_day_iso("1900-02", "month") == "1900-02-28"  # a century, not a leap year
    assert last_day_iso("2000-02", "month") == "2000-02-29"
    assert last_day_iso("2023-12", "month") == "2023-12-31"
    assert last_day_iso("2023", "year") == "2023-12-31"
    assert last_day_iso("2023-04-05", "day") == "2023-04-05"


def test_before_the_first_event_the_policy_is_absent() -> None:
    assert status_on(HISTORY, "2020-03-19") is None


def test_on_the_day_of_an_event_its_status_holds() -> None:
    assert status_on(HISTORY, "2020-03-20") == StatusOn("in_effect", "2020-03-20", "2020-03-20", True)


def test_a_month_event_makes_the_days_of_its_month_uncertain_not_a_guess() -> None:
    on = status_on(HISTORY, "2020-05-10")
    assert on is not None
    assert (on.status, on.since, on.certain) == ("in_effect", "2020-03-20", False)
    assert on.may_be == ("suspended",)
    assert [(u.date, u.status) for u in on.unsettled] == [("2020-05", "suspended")]


def test_after_its_month_the_event_is_certain() -> None:
    assert status_on(HISTORY, "2020-06-01") == StatusOn("suspended", "2020-05", "2020-05", True)
    assert status_on(HISTORY, "2020-05-31") == StatusOn("suspended", "2020-05", "2020-05", True)


def test_a_year_event_makes_the_whole_year_uncertain() -> None:
    for day in ("2021-01-01", "2021-07-15", "2021-12-30"):
        on = status_on(HISTORY, day)
        assert on is not None and on.status == "in_effect" and not on.certain
        assert on.may_be == ("under_litigation",)
    assert status_on(HISTORY, "2021-12-31") == StatusOn("under_litigation", "2021", "2021", True)


def test_since_is_the_start_of_the_run_of_the_same_status() -> None:
    history = [
        event("2020-01-01", "announced"),
        event("2020-02-01", "in_effect"),
        event("2020-03-01", "in_effect"),
    ]
    on = status_on(history, "2020-04-01")
    assert on == StatusOn("in_effect", "2020-02-01", "2020-03-01", True)


def test_an_unsettled_event_that_keeps_the_status_leaves_it_certain() -> None:
    history = [event("2020-02-01", "in_effect"), event("2020-05", "in_effect")]
    assert status_on(history, "2020-05-10") == StatusOn("in_effect", "2020-02-01", "2020-02-01", True)


def test_a_policy_whose_first_event_is_unsettled_may_not_have_begun() -> None:
    history = [event("2020-05", "announced"), event("2020-09-01", "in_effect")]
    on = status_on(history, "2020-05-10")
    assert on is not None
    assert (on.status, on.since, on.certain, on.may_be) == (None, None, False, ("announced",))


def test_a_policy_without_events_is_undated() -> None:
    assert status_on([], "2020-01-01") is UNDATED
    assert UNDATED.status is None and not UNDATED.certain


def test_events_on_one_day_keep_the_history_order() -> None:
    history = [event("2024-03-19", "in_effect"), event("2024-03-19", "blocked_by_court")]
    on = status_on(history, "2024-03-19")
    assert on is not None and (on.status, on.certain) == ("blocked_by_court", True)
