"""Dates known to the day, the month or only the year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.domain.vocab import LabelledEnum
from app.messages import _, language_in_use


class DatePrecision(LabelledEnum):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# The years a policy's history can be entered for. From 1000 because that is what earlier versions
# accepted (a charter or an old statute a person has recorded must still import back); to 2200
# because scheduled dates reach that far (sunset clauses, 2100 targets, 99-year leases) while a year
# beyond it is a typo or a placeholder such as 9999 — which no calendar or export can draw.
MIN_YEAR = 1000
MAX_YEAR = 2200

# Short month names, as the window's locale writes them ("19 mar 2024"), for text made without Qt
# (the command line, text reports). Not calendar.month_abbr: it follows the C locale, not the
# language the messages are in.
SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
}


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date at the precision actually known ("2019", "2019-01", "2019-01-24")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ISO 8601 at year, month or day precision; raise ValueError in plain words.

        Stored dates are read with this; what a person or a file enters goes through `entered`.
        """
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(_("“{text}” is not a date; write YYYY, YYYY-MM or YYYY-MM-DD").format(text=text))
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if year < 1000:
            raise ValueError(_("“{text}” has an implausible year").format(text=text))
        if month is not None and not 1 <= month <= 12:
            raise ValueError(_("“{text}” has no month {month}").format(text=text, month=month))
        if day is not None:
            assert month is not None
            last = _days_in_month(year, month)
            if not 1 <= day <= last:
                raise ValueError(
                    _("“{text}” is not a real date: that month has {last} days").format(text=text, last=last)
                )
        return cls(year, month, day)

    @classmethod
    def entered(cls, text: str) -> PartialDate:
        """A date entered in an editor, on the command line or in an imported file: parsed, and
        refused outside MIN_YEAR..MAX_YEAR with the one message every way in shows."""
        parsed = cls.parse(text)
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise ValueError(
                _("“{text}” is outside the years Policy Tracker records ({first}–{last})").format(
                    text=text.strip(), first=MIN_YEAR, last=MAX_YEAR
                )
            )
        return parsed

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return date(self.year, month, _days_in_month(self.year, month))

    def is_after(self, today: date) -> bool:
        """True when even the earliest day this date can mean is after today."""
        return self.first_day() > today

    def display(self, language: str | None = None) -> str:
        """A human rendering that shows only the known precision: "24 Jan 2019", "Jan 2019"; the
        month named in `language` (None: the language the messages are in)."""
        if self.month is None:
            return str(self.year)
        names = SHORT_MONTHS.get(language or language_in_use(), SHORT_MONTHS["en"])
        month = names[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.iso()


def _days_in_month(year: int, month: int) -> int:
    if month == 12:  # December has 31 days, and year 9999 has no following January to count to
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def sort_key(iso: str) -> str:
    """The first day a partial ISO date can mean, as YYYY-MM-DD, for ordering."""
    return PartialDate.parse(iso).first_day().isoformat()
