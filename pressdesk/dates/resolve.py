"""Turn one regex match (of a known kind) into a concrete date span, given publication date and tense."""

from __future__ import annotations

from datetime import date, timedelta

from pressdesk.dates.compound import COMPOUND as _COMPOUND
from pressdesk.dates.lang import LanguageSpec, Pattern, fold
from pressdesk.dates.model import (
    PIVOT_YEAR,
    PLACEHOLDER_YEAR,
    month_span,
    nearest_day_month,
    nearest_day_of_month,
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


def _full_year(year: int, published: date | None) -> int:
    """A two-digit year ('20/02/14', '31/10/74'): the century that puts it at most ten years after publication."""
    if year >= 100:
        return year
    reference = published.year if published else PIVOT_YEAR
    return 2000 + year if 2000 + year <= reference + 10 else 1900 + year


def _numeric(
    spec: LanguageSpec, a: int, b: int, year: int | None, published: date | None, tense: str | None
) -> Span | None:
    """20/02/2014-style dates (or a yearless 17/02): try the language's preferred orders, first valid wins."""
    for order in spec.numeric_orders:
        day, month = (a, b) if order == "dmy" else (b, a)
        if not 1 <= month <= 12:
            continue
        found = _day_month(month, day, _full_year(year, published) if year is not None else None, published, tense)
        if found:
            return found
    return None


def _int(groups: dict[str, str | None], key: str) -> int | None:
    value = groups.get(key)
    return int(value) if value else None


def _day_of(spec: LanguageSpec, raw: str | None) -> int:
    """A day number, written in digits or as a day word ('premier', 'primo')."""
    text = fold(raw or "")
    return int(text) if text.isdigit() else spec.day_words.get(text, 0)


def _range(spec: LanguageSpec, kind: str, groups: dict[str, str | None], end: Span | None) -> Span | None:
    """'3 and 5 November', 'dal 3 al 5 novembre', 'from 2014 to 2016': one mention, start..end, value = start."""
    if end is None:
        return None
    if kind == "yrange":
        first = int(groups["year1"] or 0)
        return (year_span(first)[0], end[1], "year", True) if first < end[0].year else None
    first = _day_of(spec, groups["day1"])
    start = safe_date(end[0].year, end[0].month, first)
    return (start, end[1], "day", end[3]) if start and start < end[0] else None


def resolve_absolute(
    spec: LanguageSpec, kind: str, groups: dict[str, str | None], published: date | None, tense: str | None
) -> Span | None:
    """Dates written with a day number, month name or year."""
    if kind in _COMPOUND:
        return _COMPOUND[kind](spec, groups, published, tense)
    if kind == "iso":
        found = safe_date(int(groups["y"] or 0), int(groups["a"] or 0), int(groups["b"] or 0))
        return (found, found, "day", True) if found else None
    if kind in ("num", "numdm"):
        year = int(groups["y"]) if groups.get("y") else None
        return _numeric(spec, int(groups["a"] or 0), int(groups["b"] or 0), year, published, tense)
    if kind == "dom":  # a day of the month alone, in a field: 'le 16', 'on the 15th'
        found = nearest_day_of_month(published, _day_of(spec, groups["day"]), tense) if published else None
        return (found, found, "day", True) if found else None
    if kind == "mnum":
        start, end, precision = month_span(int(groups["y"] or 0), int(groups["m"] or 0))
        return start, end, precision, True
    if kind in ("dmy2", "mdy2"):  # a field's '31 octobre 74'
        year = _full_year(int(groups["y"] or 0), published)
        return _day_month(_month_of(spec, groups["month"] or ""), _day_of(spec, groups["day"]), year, None, None)
    if kind in ("year", "yrange"):
        start, end, precision = year_span(int(groups["year"] or 0))
        span = (start, end, precision, True)
        return _range(spec, kind, groups, span) if kind == "yrange" else span
    month = _month_of(spec, groups["month"] or "")
    if kind in ("dmy", "mdy", "drange", "mrange"):
        found = _day_month(month, _day_of(spec, groups["day"]), _int(groups, "year"), published, tense)
        return _range(spec, kind, groups, found) if kind in ("drange", "mrange") else found
    if kind == "my":
        start, end, precision = month_span(int(groups["year"] or 0), month)
        return start, end, precision, True
    if published is None:  # a bare month name without a publication date: its year is unknown
        start, end, precision = month_span(PLACEHOLDER_YEAR, month)
        return start, end, precision, False
    start, end, precision = month_span(*nearest_month(published, month, tense))
    return start, end, precision, True


def _direction(rule_dir: str, tense: str | None, default: str = "") -> str:
    """A rule's fixed direction, or the sentence tense (the rule's default, else past, when unknown)."""
    if rule_dir != "tense":
        return rule_dir
    if tense is None:
        return default or "past"
    return "future" if tense == "future" else "past"


def _weekend(published: date, direction: str) -> Span:
    """Saturday..Sunday: 'this weekend' by tense, 'last weekend' in the previous ISO week, 'next' the coming one."""
    if direction == "last":
        saturday = published - timedelta(days=published.weekday() + 2)
    else:
        saturday = weekday_date(published, 5, direction if direction != "this" else "future")
    return saturday, saturday + timedelta(days=1), "day", True


def resolve_relative(
    spec: LanguageSpec,
    pattern: Pattern,
    groups: dict[str, str | None],
    published: date | None,
    tense: str | None,
    previous: tuple[date, bool] | None,
    last: tuple[date, bool, str] | None = None,
    field: bool = False,
) -> Span | None:
    """Expressions that need an anchor: the publication date, or a previous mention (anaphora): the last day
    mention for day units ("two days later"), the last mention of any precision for longer units ("the previous
    year" after "in 2025"), falling back to the publication date when the text has none."""
    rule = pattern.rule
    assert rule is not None
    if tense is None and field:
        tense = "future" if rule.when else tense  # a field "in 2 weeks" has no sentence that makes it a duration
    if (rule.when == "future" and tense != "future") or (rule.when == "not_past" and tense == "past"):
        return None  # "in two weeks" reports a duration in a past-tense sentence
    count = 0
    if rule.per_num:
        raw = fold(groups.get("num") or "")
        count = int(raw) if raw.isdigit() else spec.numbers.get(raw, 0)
    if rule.anchor == "previous":
        fallback = (published, True, "day") if published else None  # no date mentioned yet: publication
        anchor = (previous + ("day",) if previous else fallback) if rule.unit == "day" else last or fallback
        if anchor is None:
            return None
        shift = rule.offset + rule.per_num * count
        if rule.unit == "year" and anchor[2] == "month":  # "in January, from a year earlier": that January
            start, end, precision = shifted_span(anchor[0], "month", 12 * shift)
        else:
            start, end, precision = shifted_span(anchor[0], rule.unit, shift)
        return start, end, precision, anchor[1]
    if published is None:
        return None
    if rule.unit == "weekend":
        return _weekend(published, _direction(rule.direction, tense, rule.default))
    if groups.get("weekday") and rule.unit == "weekday":  # "mardi en huit", "3 Fridays from now": days on from it
        found = weekday_date(published, spec.weekday_of(groups["weekday"] or ""), rule.direction)
        found += timedelta(days=rule.offset + rule.per_num * count)
        return found, found, "day", True
    if groups.get("weekday") and rule.unit == "week":  # "mardi la semaine prochaine": that day of that week
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=rule.offset)
        found = monday + timedelta(days=spec.weekday_of(groups["weekday"] or ""))
        return found, found, "day", True
    if groups.get("weekday"):
        weekday = spec.weekday_of(groups["weekday"] or "")
        found = weekday_date(published, weekday, _direction(rule.direction, tense, rule.default))
        return found, found, "day", True
    if groups.get("month") and rule.unit == "year":  # "nell'ottobre dello scorso anno": that month, that year
        start, end, precision = month_span(published.year + rule.offset, _month_of(spec, groups["month"] or ""))
        return start, end, precision, True
    if groups.get("month"):
        month = _month_of(spec, groups["month"] or "")
        direction = _direction(rule.direction, tense, rule.default)
        strict = direction in ("last", "next")
        month_tense = "future" if direction in ("future", "next") else "past"
        start, end, precision = month_span(*nearest_month(published, month, month_tense, strict))
        return start, end, precision, True
    start, end, precision = shifted_span(published, rule.unit, rule.offset + rule.per_num * count)
    if rule.part and rule.unit == "year":  # "at the end of last year" -> December of that year
        start, end, precision = month_span(start.year, 12 if rule.part == "end" else 1)
    return start, end, precision, True
