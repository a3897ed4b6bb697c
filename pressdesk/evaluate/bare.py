"""Direction-fair gold: a bare weekday, day or day-month (no year, no qualifier) may be read backward as well.

Duckling resolves "lundi", "le 2 mars" or "Noël" forward from its reference date; a news reader reads the same
words backward just as often. For such phrases the backward reading (the latest matching date before the
reference, or the reference day itself) is recorded as an also-accepted span.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parents[2] / "data" / "eval" / "public" / "bare_words.toml"
_TOKEN = re.compile(r"[^\W_]+[º°]?", re.UNICODE)
_NUMBER = re.compile(r"(\d{1,4})(st|nd|rd|th|er|e|º|°)?$")


def load_words(path: Path = WORDS_FILE) -> dict:
    """Per-language weekday and month names, 'first' words and fillers."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _names_day(token: str, number: re.Match | None, table: dict, value: date, grain: str) -> bool:
    """The token is value's day of the month: a number, or the language's word for the first."""
    if token in table["first"]:
        return value.day == 1
    return bool(number) and grain == "day" and int(number.group(1)) == value.day


def _pattern(phrase: str, lang: str, grain: str, value: date, words: dict) -> tuple[bool, bool, bool] | None:
    """(weekday, day, month) named in a bare phrase that agrees with value; None when the phrase is not bare."""
    table = words.get(lang)
    if table is None or grain not in ("day", "month"):
        return None
    weekday = month = day = False
    for token in _TOKEN.findall(phrase.lower()):
        number = _NUMBER.match(token)
        if token in table["fillers"]:
            continue
        if token in table["weekdays"][value.weekday()]:
            weekday = True
        elif token in table["months"][value.month - 1]:
            month = True
        elif not day and _names_day(token, number, table, value, grain):
            day = True
        elif number and not number.group(2) and int(number.group(1)) == value.month and not month:
            month = True
        else:
            return None  # a year, a qualifier ("next", "prochain"), a holiday name...
    if grain == "month":
        return (False, False, True) if month and not (weekday or day) else None
    if weekday and day and month:
        return None  # fully specified but for the year, which the weekday fixes: no second reading
    return (weekday, day, month) if (weekday or day) else None


def _matches(d: date, weekday: bool, day: bool, month: bool, value: date) -> bool:
    return ((not weekday or d.weekday() == value.weekday()) and (not day or d.day == value.day)
            and (not month or d.month == value.month))


def _kind(weekday: bool, day: bool, month: bool) -> str:
    if month:
        return "day-month" if day else "month"
    return "weekday-day" if weekday and day else ("weekday" if weekday else "day")


def _named_day(phrase: str, lang: str, grain: str, start: date, reference: date, words: dict) -> bool:
    """A fixed-date holiday or named day alone: no number, no weekday, no qualifier, more than a week ahead."""
    table = words.get(lang)
    if table is None or grain != "day" or start <= reference + timedelta(days=7):
        return False
    tokens = _TOKEN.findall(phrase.lower())
    weekdays = {form for forms in table["weekdays"] for form in forms}
    return not any(t[0].isdigit() or t in weekdays or t in table["qualifiers"] for t in tokens)


def _bare_season(phrase: str, lang: str, words: dict) -> bool:
    """A season's name with filler words only ("in estate", "in the summer"): no year, no qualifier."""
    table = words.get(lang)
    if table is None:
        return False
    tokens = _TOKEN.findall(phrase.lower())
    named = [t for t in tokens if t in table.get("seasons", [])]
    return len(named) == 1 and all(t in table["fillers"] or t in named for t in tokens)


def backward_spans(phrase: str, lang: str, grain: str, start: date, reference: date,
                   words: dict, end: date | None = None) -> tuple[str, list[tuple[date, date]]] | None:
    """(bare kind, backward spans) for a bare phrase Duckling resolved forward; None otherwise. A bare season
    (end: its last day) is also read as the same season a year earlier."""
    if start <= reference:
        return None
    if grain == "season":
        if end is None or not _bare_season(phrase, lang, words):
            return None
        return "season", [(start.replace(year=start.year - 1), end.replace(year=end.year - 1))]
    pattern = _pattern(phrase, lang, grain, start, words)
    if pattern is None:
        if not _named_day(phrase, lang, grain, start, reference, words):
            return None
        previous = start.replace(year=start.year - 1) if (start.month, start.day) != (2, 29) else None
        return ("named-day", [(previous, previous)]) if previous and previous <= reference else None
    weekday, day, month = pattern
    if grain == "month":
        first = date(start.year - 1, start.month, 1)
        spans = [(first, first.replace(day=calendar.monthrange(first.year, first.month)[1]))]
        if reference.month == start.month:
            spans.append((reference.replace(day=1), reference))
        return "month", spans
    spans = []
    d = reference
    for _ in range(400):  # the latest earlier match within about a year
        if _matches(d, weekday, day, month, start):
            spans.append((d, d))
            if d < reference:
                break
        d -= timedelta(days=1)
    return (_kind(weekday, day, month), spans) if spans else None
