"""Named days (holidays) from the data files: fixed dates, Easter-relative feasts and nth-weekday days.

A holiday without a year resolves like a bare day-month: the occurrence nearest the publication date,
biased by the sentence tense ("will speak on Christmas Day" in December -> this year's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from pressdesk.dates.model import PLACEHOLDER_YEAR, nearest_occurrence, nth_weekday, safe_date

Span = tuple[date, date, str, bool]
_CALENDARS = {"western": EASTER_WESTERN, "orthodox": EASTER_ORTHODOX}


@dataclass(frozen=True)
class Holiday:
    """month+day (fixed), or easter (days from Easter Sunday, in `calendar`), or nth weekday of month (+offset)."""

    month: int = 0
    day: int = 0
    easter: int | None = None
    calendar: str = "western"
    weekday: int = -1  # 0=Monday, with nth
    nth: int = 0  # 1..5, -1 = last
    offset: int = 0  # days after the nth weekday ("Black Friday" = 4th Thursday of November + 1)
    observed: bool = False  # kept on the nearest weekday when it falls on a weekend (Saturday -> Friday)

    @classmethod
    def from_data(cls, item: dict) -> Holiday:
        if item.get("calendar", "western") not in _CALENDARS:
            raise ValueError(f"unknown Easter calendar in holiday {item.get('names')}")
        return cls(
            month=item.get("month", 0),
            day=item.get("day", 0),
            easter=item.get("easter"),
            calendar=item.get("calendar", "western"),
            weekday=item.get("weekday", -1),
            nth=item.get("nth", 0),
            offset=item.get("offset", 0),
            observed=bool(item.get("observed", False)),
        )

    @property
    def fixed(self) -> bool:
        return self.easter is None and self.nth == 0

    def in_year(self, year: int) -> date | None:
        if self.easter is not None:
            return easter(year, _CALENDARS[self.calendar]) + timedelta(days=self.easter)
        if self.nth:
            return nth_weekday(year, self.month, self.weekday, self.nth) + timedelta(days=self.offset)
        found = safe_date(year, self.month, self.day)
        if found is not None and self.observed and found.weekday() >= 5:
            found += timedelta(days=-1 if found.weekday() == 5 else 1)
        return found


def resolve_holiday(
    holiday: Holiday, year: int | None, published: date | None, tense: str | None
) -> Span | None:
    """The holiday's day: in the written year, else nearest publication, else (fixed ones) a placeholder year."""
    if year is not None:
        found = holiday.in_year(year)
        return (found, found, "day", True) if found else None
    if published is not None and tense in ("next", "last"):  # "next Easter", "Natale scorso": strictly after/before
        years = range(published.year, published.year + 2) if tense == "next" else range(published.year, published.year - 2, -1)
        days = [d for y in years if (d := holiday.in_year(y)) and (d > published if tense == "next" else d < published)]
        return (days[0], days[0], "day", True) if days else None
    if published is not None:
        found = nearest_occurrence(published, holiday.in_year, tense)
        return (found, found, "day", True) if found else None
    if not holiday.fixed:  # Easter moves: no year, no date
        return None
    found = holiday.in_year(PLACEHOLDER_YEAR)
    return (found, found, "day", False) if found else None
