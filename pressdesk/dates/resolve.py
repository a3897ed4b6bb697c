"""Turn one regex match (of a known kind) into a concrete date span, given publication date and tense."""

from __future__ import annotations

from datetime import date

from pressdesk.dates.lang import LanguageSpec, Pattern, fold
from pressdesk.dates.model import (
    PLACEHOLDER_YEAR,
    month_span,
    nearest_day_month,
    nearest_month,
    safe_date,
    shifted_span,
    weekday_date,
    year_span,
)

Span = tuple[date, date, str, bool]  # date_start, date_end, precision, year_known


def _month_of(spec: LanguageSpec, name: str) -> int:
    return spec.months[fold(name).rstrip(".")]


def _day_month(
    month: int, day: int, year: int | None, published: date | None, tense: str | None
) -> Span | None:
    """A day-month with optional year; yearless resolves near publication, else keeps a placeholder year."""
    if year is not None:
        found = safe_date(year, month, day)
        return (found, found, "day", True) if found else None
    if published is not None:
        found = nearest_day_month(published, month, day, tense)
        return (found, found, "day", True) if found else None
    found = safe_date(PLACEHOLDER_YEAR, month, day)
    return (found, found, "day", False) if found else None


def _numeric(spec: LanguageSpec, a: int, b: int, year: int) -> Span | None:
    """20/02/2014-style dates: try the language's preferred orders, first valid wins."""
    for order in spec.numeric_orders:
        day, month = (a, b) if order == "dmy" else (b, a)
        found = safe_date(year, month, day) if 1 <= month <= 12 else None
        if found:
            return found, found, "day", True
    return None


def _int(groups: dict[str, str | None], key: str) -> int | None:
    value = groups.get(key)
    return int(value) if value else None


def resolve_absolute(
    spec: LanguageSpec, kind: str, groups: dict[str, str | None], published: date | None, tense: str | None
) -> Span | None:
    """Dates written with a day number, month name or year."""
    if kind == "iso":
        found = safe_date(int(groups["y"] or 0), int(groups["a"] or 0), int(groups["b"] or 0))
        return (found, found, "day", True) if found else None
    if kind == "num":
        return _numeric(spec, int(groups["a"] or 0), int(groups["b"] or 0), int(groups["y"] or 0))
    if kind == "year":
        start, end, precision = year_span(int(groups["year"] or 0))
        return start, end, precision, True
    month = _month_of(spec, groups["month"] or "")
    if kind in ("dmy", "mdy"):
        return _day_month(month, int(groups["day"] or 0), _int(groups, "year"), published, tense)
    if kind == "my":
        start, end, precision = month_span(int(groups["year"] or 0), month)
        return start, end, precision, True
    if published is None:  # a bare month name cannot be placed without a publication date
        return None
    start, end, precision = month_span(*nearest_month(published, month, tense))
    return start, end, precision, True


def _direction(rule_dir: str, tense: str | None) -> str:
    """A rule's fixed direction, or the sentence tense (past when unknown: news mostly reports)."""
    if rule_dir != "tense":
        return rule_dir
    return "future" if tense == "future" else "past"


def resolve_relative(
    spec: LanguageSpec,
    pattern: Pattern,
    groups: dict[str, str | None],
    published: date | None,
    tense: str | None,
    previous: tuple[date, bool] | None,
) -> Span | None:
    """Expressions that need an anchor: the publication date, or the previous day mention (anaphora)."""
    rule = pattern.rule
    assert rule is not None
    if rule.anchor == "previous":
        if previous is None:
            return None
        start, end, precision = shifted_span(previous[0], "day", rule.offset)
        return start, end, precision, previous[1]
    if published is None:
        return None
    if groups.get("weekday"):
        weekday = spec.weekdays[fold(groups["weekday"] or "")]
        found = weekday_date(published, weekday, _direction(rule.direction, tense))
        return found, found, "day", True
    if groups.get("month"):
        month = _month_of(spec, groups["month"] or "")
        direction = _direction(rule.direction, tense)
        strict = direction in ("last", "next")
        month_tense = "future" if direction in ("future", "next") else "past"
        start, end, precision = month_span(*nearest_month(published, month, month_tense, strict))
        return start, end, precision, True
    count = 0
    if rule.per_num:
        raw = fold(groups.get("num") or "")
        count = int(raw) if raw.isdigit() else spec.numbers.get(raw, 0)
    start, end, precision = shifted_span(published, rule.unit, rule.offset + rule.per_num * count)
    if rule.part and rule.unit == "year":  # "at the end of last year" -> December of that year
        start, end, precision = month_span(start.year, 12 if rule.part == "end" else 1)
    return start, end, precision, True
