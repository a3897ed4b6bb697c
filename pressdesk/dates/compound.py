"""Compound day expressions: a weekday with its day number ('mercredi 13'), the nth weekday, day or week of a
month ('le premier mercredi du mois prochain', 'ultima domenica di marzo', 'the last day of October'), and the
week of a day ('la semaine du 6 octobre')."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from pressdesk.dates.lang import LanguageSpec
from pressdesk.dates.model import (
    add_months,
    nearest_day_month,
    nearest_month,
    nth_weekday,
    quarter_span,
    safe_date,
    week_span,
)
from pressdesk.dates.text import fold

Span = tuple[date, date, str, bool]
Groups = dict[str, str | None]


def _weekday(spec: LanguageSpec, name: str) -> int:
    return spec.weekday_of(name)


def weekday_day(spec: LanguageSpec, groups: Groups, published: date | None, tense: str | None) -> Span | None:
    """'Martedì 19': of the months around publication, the nearest one whose 19th is a Tuesday (tense-biased)."""
    if published is None or not (groups.get("day") or "").isdigit():
        return None
    weekday, day = _weekday(spec, groups["weekday"] or ""), int(groups["day"] or 0)
    best: tuple[int, date] | None = None
    for offset in range(-14, 15):
        year, month = add_months(published.year, published.month, offset)
        found = safe_date(year, month, day)
        if found is None or found.weekday() != weekday:
            continue
        delta = (found - published).days
        cost = abs(delta) + (200 if (tense == "past" and delta > 0) or (tense == "future" and delta < 0) else 0)
        if best is None or cost < best[0]:
            best = (cost, found)
    return (best[1], best[1], "day", True) if best else None


def _target_month(
    spec: LanguageSpec, groups: Groups, published: date | None, tense: str | None
) -> tuple[int, int] | None:
    """The month an ordinal points into: a named month (with its year, else by tense) or 'next month'. Without a
    tense a weekday or week of a month is the coming one ('the first Tuesday of October' names a schedule, like
    'the week of 6 October'); a day of a month ('the last day of February', a deadline or a record) reads back."""
    if groups.get("mref"):
        if published is None:
            return None
        return add_months(published.year, published.month, spec.month_refs[fold(groups["mref"] or "")])
    month = spec.months[fold(groups["month"] or "").rstrip(".")]
    if groups.get("year"):
        return int(groups["year"] or 0), month
    if published is None:
        return None
    if tense is None and (groups.get("weekday") or fold(groups.get("unit") or "") in spec.week_units):
        tense = "future"  # a weekday or week slot of a month is a schedule: 'the first Tuesday of November'
    return nearest_month(published, month, "future" if tense == "future" else "past")


def ordinal_of_month(spec: LanguageSpec, groups: Groups, published: date | None, tense: str | None) -> Span | None:
    """The nth (or nth last) weekday, day or week of a month. Weeks: the first is the one of the month's first
    Monday, the last the one of its last Sunday (whole weeks)."""
    target = _target_month(spec, groups, published, tense)
    if target is None:
        return None
    year, month = target
    nth = spec.ordinals[fold(groups["ord"] or "")]
    if groups.get("weekday"):
        found = nth_weekday(year, month, _weekday(spec, groups["weekday"] or ""), nth)
        return (found, found, "day", True) if found.month == month else None
    if fold(groups.get("unit") or "") in spec.week_units:
        anchor = nth_weekday(year, month, 6, nth) if nth < 0 else nth_weekday(year, month, 0, nth)
        start, end, precision = week_span(anchor)
        return (start, end, precision, True) if anchor.month == month else None
    last = calendar.monthrange(year, month)[1]
    day = last + nth + 1 if nth < 0 else nth  # 'the fifth last day of May' is the 27th
    found = safe_date(year, month, day)
    return (found, found, "day", True) if found else None


def week_of(spec: LanguageSpec, groups: Groups, published: date | None, tense: str | None) -> Span | None:
    """'la semaine du 6 octobre': the ISO week holding that day."""
    month = spec.months[fold(groups["month"] or "").rstrip(".")]
    raw = fold(groups.get("day") or "")
    day = int(raw) if raw.isdigit() else spec.day_words.get(raw, 0)
    if groups.get("year"):
        found = safe_date(int(groups["year"] or 0), month, day)
    else:
        found = nearest_day_month(published, month, day, tense or "future") if published else None
    if found is None:
        return None
    start, end, precision = week_span(found)
    return start, end, precision, True


def ordinal_quarter(spec: LanguageSpec, groups: Groups, published: date | None, tense: str | None) -> Span | None:
    """'the third quarter', 'au deuxième trimestre 2023': that quarter of the written year, else of publication's."""
    nth = spec.ordinals.get(fold(groups.get("ord") or ""), 0)
    year = int(groups["year"]) if groups.get("year") else (published.year if published else None)
    if year is None or not 1 <= nth <= 4 and nth != -1:
        return None
    start, end, precision = quarter_span(year, 4 if nth == -1 else nth)
    return start, end, precision, True


def day_of_ref(spec: LanguageSpec, groups: Groups, published: date | None, tense: str | None) -> Span | None:
    """'the 20th of next month', 'il 20 del mese prossimo': that day of the month named relatively to publication."""
    target = _target_month(spec, groups, published, tense)
    raw = fold(groups.get("day") or "")
    found = safe_date(*target, int(raw) if raw.isdigit() else spec.day_words.get(raw, 0)) if target else None
    return (found, found, "day", True) if found else None


def letter_quarter(spec: LanguageSpec, groups: Groups, published: date | None, tense: str | None) -> Span | None:
    """'Q4 2018', '2018Q4', '18q4': that quarter (a two-digit year is this century's)."""
    year = int(groups["year"]) if groups.get("year") else 2000 + int(groups.get("y2") or 0)
    start, end, precision = quarter_span(year, int(groups.get("q") or 1))
    return start, end, precision, True


COMPOUND: dict[str, Callable[[LanguageSpec, Groups, date | None, str | None], Span | None]] = {
    "wd": weekday_day,
    "nth": ordinal_of_month,
    "weekof": week_of,
    "quarter": ordinal_quarter,
    "dayref": day_of_ref,
    "qtr": letter_quarter,
}
