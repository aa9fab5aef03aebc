from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.dates import DatePrecision, PartialDate, sort_key


@pytest.mark.parametrize(
    ("text", "precision", "display"),
    [
        ("2019", DatePrecision.YEAR, "2019"),
        ("2019-01", DatePrecision.MONTH, "Jan 2019"),
        ("2019-01-24", DatePrecision.DAY, "24 Jan 2019"),
    ],
)
def test_a_date_keeps_the_precision_it_was_given(text: str, precision: DatePrecision, display: str) -> None:
    parsed = PartialDate.parse(text)
    assert parsed.precision is precision
    assert parsed.iso() == text
    assert parsed.display() == display


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2019-13", "no month 13"),
        ("2019-02-30", "not a real date"),
        ("2023-02-29", "not a real date"),
        ("24/01/2019", "write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "not a date"),
        ("0999", "implausible year"),
    ],
)
def test_bad_dates_are_refused_in_words(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        PartialDate.parse(text)


def test_leap_day_is_a_real_date() -> None:
    assert PartialDate.parse("2024-02-29").last_day() == date(2024, 2, 29)


def test_a_month_spans_the_whole_month() -> None:
    month = PartialDate.parse("2022-08")
    assert (month.first_day(), month.last_day()) == (date(2022, 8, 1), date(2022, 8, 31))
    assert PartialDate.parse("2021").last_day() == date(2021, 12, 31)


def test_future_means_even_the_earliest_day_is_later() -> None:
    today = date(2026, 11, 23)
    assert not PartialDate.parse("2026-11").is_after(today)
    assert PartialDate.parse("2026-12").is_after(today)


def test_sort_key_is_the_first_day() -> None:
    assert sort_key("2019") == "2019-01-01"
    assert sort_key("2019-05") < sort_key("2019-05-02")


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)), st.sampled_from([1, 2, 3]))
def test_iso_round_trips_at_every_precision(day: date, parts: int) -> None:
    text = day.isoformat()[: {1: 4, 2: 7, 3: 10}[parts]]
    assert PartialDate.parse(text).iso() == text
