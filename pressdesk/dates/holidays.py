"""Named days (holidays) from the data files: fixed dates, Easter-relative feasts and nth-weekday days.

A holiday without a year resolves like a bare day-month: the occurrence nearest the publication date,
biased by the sentence tense ("will speak on Christmas Day" in December -> this year's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from pressdesk.dates.model import (
    PLACEHOLDER_YEAR,
    add_months,
    month_span,
    nearest_occurrence,
    nth_weekday,
    safe_date,
)
from pressdesk.dates.text import alternation, fold

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


@dataclass(frozen=True)
class HolidayOffsets:
    """Dates counted from a holiday ([holiday_offsets] in the data): 'the third Tuesday after Christmas', 'three days
    after Easter', 'a year from Christmas', 'the month after Christmas'. The offset stands before one of the
    forward/backward words, which are holiday prefixes too ('after Christmas')."""

    units: dict[str, str]  # folded unit word -> day | year
    backward: frozenset[str]  # folded words that count back ('before')
    numbers: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]

    @staticmethod
    def regex(data: dict, weekday: str, ordinals: str) -> str:
        """The optional offset in front of a holiday's prefix, or '' when the language has none."""
        spec = data.get("holiday_offsets")
        if not spec:
            return ""
        words = alternation(spec.get("forward", []) + spec.get("backward", []))
        num = rf"\d{{1,3}}|{alternation(list(data.get('numbers', {})))}"
        month = rf"|(?P<hmonth>{alternation(spec['month'])})" if spec.get("month") else ""
        return (rf"(?:(?:(?P<hord>{ordinals})\s+(?P<hwd>{weekday})|(?P<hnum>{num})\s+(?P<hunit>"
                rf"{alternation(list(spec.get('units', {})))}){month})\s+(?=(?P<hdir>{words})\s))?")

    def shift(self, span: Span, groups: dict[str, str | None]) -> Span | None:
        """The holiday's span moved by the offset its mention holds."""
        start, _, _, known = span
        sign = -1 if fold(groups.get("hdir") or "") in self.backward else 1
        if groups.get("hord"):
            nth, weekday = self.ordinals.get(fold(groups["hord"] or ""), 0), self.weekdays[fold(groups["hwd"] or "")]
            if nth < 1:
                return None
            gap = ((weekday - start.weekday()) % 7 or 7) if sign > 0 else ((start.weekday() - weekday) % 7 or 7)
            found = start + timedelta(days=sign * (gap + 7 * (nth - 1)))
            return found, found, "day", known
        if groups.get("hmonth"):
            year, month = add_months(start.year, start.month, sign)
            first, last, precision = month_span(year, month)
            return first, last, precision, known
        raw = fold(groups.get("hnum") or "")
        count = sign * (int(raw) if raw.isdigit() else self.numbers.get(raw, 0))
        if self.units.get(fold(groups.get("hunit") or "")) == "year":
            found = safe_date(start.year + count, start.month, start.day) or date(start.year + count, 2, 28)
        else:
            found = start + timedelta(days=count)
        return found, found, "day", known
