"""The TimeMention value type and pure calendar arithmetic used to resolve it."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

PLACEHOLDER_YEAR = 2000  # a leap year, so 29 February survives when the year is unknown
PIVOT_YEAR = 2030  # with no publication date, a two-digit year up to 40 is read 20xx, above it 19xx


@dataclass(frozen=True)
class TimeMention:
    text: str
    start: int
    end: int
    date_start: date
    date_end: date
    precision: str  # "day" | "week" | "month" | "quarter" | "season" | "year" | "decade"
    year_known: bool
    dateline: bool = False  # the text's own publication date (dateline, byline, wire line): metadata, no event

    @property
    def value(self) -> str:
        """ISO-style value at the mention's precision (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY-SU, YYYY, YYY)."""
        return iso_value(self.date_start, self.precision)


def iso_value(d: date, precision: str) -> str:
    """Render a date at a precision the way the gold files do."""
    if precision == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "season":  # TIMEX3: a season begins in March, June, September or December of its year
        return f"{d.year:04d}-" + {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(d.month, "??")
    if precision == "decade":  # TIMEX3 / ISO 8601-2: the decade's first three digits ("199" for the 1990s)
        return f"{d.year // 10:03d}"
    return d.isoformat()


def day_span(d: date) -> tuple[date, date, str]:
    return d, d, "day"


def week_span(d: date) -> tuple[date, date, str]:
    """Monday..Sunday of the ISO week containing d."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6), "week"


def month_span(year: int, month: int) -> tuple[date, date, str]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last), "month"


def quarter_span(year: int, quarter: int) -> tuple[date, date, str]:
    """The three months of a quarter (1..4)."""
    start = date(year, 3 * quarter - 2, 1)
    return start, month_span(year, 3 * quarter)[1], "quarter"


def year_span(year: int) -> tuple[date, date, str]:
    return date(year, 1, 1), date(year, 12, 31), "year"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Shift a (year, month) pair by delta months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shifted_span(base: date, unit: str, offset: int) -> tuple[date, date, str]:
    """The day/week/month/year that lies `offset` units away from base (calendar units, not durations)."""
    if unit == "day":
        return day_span(base + timedelta(days=offset))
    if unit == "week":
        return week_span(base + timedelta(weeks=offset))
    if unit == "month":
        return month_span(*add_months(base.year, base.month, offset))
    if unit == "quarter":
        year, month = add_months(base.year, base.month, 3 * offset)
        return quarter_span(year, (month - 1) // 3 + 1)
    return year_span(base.year + offset)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_date(base: date, weekday: int, direction: str) -> date:
    """Resolve a weekday (0=Monday) against base.

    direction: "past" on-or-before base, "future" on-or-after, "last" strictly before,
    "next" strictly after, "this" the weekday of base's ISO week.
    """
    if direction == "this":
        return base + timedelta(days=weekday - base.weekday())
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if direction == "last":
        return base - timedelta(days=back or 7)
    if direction == "next":
        return base + timedelta(days=ahead or 7)
    if direction == "future":
        return base + timedelta(days=ahead)
    return base - timedelta(days=back)


def nearest_occurrence(
    base: date, occurrence: Callable[[int], date | None], tense: str | None
) -> date | None:
    """Of a yearly day's occurrences around base, the nearest, tense-biased (a wrong direction costs 6 months)."""
    best: tuple[int, date] | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        candidate = occurrence(year)
        if candidate is None:
            continue
        delta = (candidate - base).days
        cost = abs(delta)
        if (tense == "past" and delta > 0) or (tense == "future" and delta < 0):
            cost += 183
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1] if best else None


def nearest_day_month(base: date, month: int, day: int, tense: str | None) -> date | None:
    """The year for a bare day-month that puts it nearest base, tense-biased."""
    return nearest_occurrence(base, lambda year: safe_date(year, month, day), tense)


def nearest_day_of_month(base: date, day: int, tense: str | None) -> date | None:
    """'le 16', 'on the 15th': that day of base's month or of the month before or after, nearest base, tense-biased."""
    best: tuple[int, date] | None = None
    for offset in (-1, 0, 1):
        year, month = add_months(base.year, base.month, offset)
        found = safe_date(year, month, day)
        if found is None:
            continue
        delta = (found - base).days
        cost = abs(delta) + (100 if (tense == "past" and delta > 0) or (tense == "future" and delta < 0) else 0)
        if best is None or cost < best[0]:
            best = (cost, found)
    return best[1] if best else None


def nearest_month(base: date, month: int, tense: str | None, strict: bool = False) -> tuple[int, int]:
    """The (year, month) for a month name without year: not after base unless future tense.

    strict=True excludes base's own month (for "last March" / "next March").
    """
    same = month == base.month
    if tense == "future":
        year = base.year if month > base.month or (same and not strict) else base.year + 1
    else:
        year = base.year if month < base.month or (same and not strict) else base.year - 1
    return year, month


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1..5, or -1 = last, -2 = second last) given weekday of a month; a 5th that does not exist runs into
    the next month (the caller checks)."""
    if nth < 0:  # -1 the last, -2 the second last...
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
