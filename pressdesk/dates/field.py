"""Standalone date fields: a text that is nothing but one short date phrase (a table cell, a form or feed field, a
caption, a search query). There, words that running news text uses otherwise are dates: abbreviated weekdays ('mar'
is also the Italian sea, 'sat' an English verb), month names that are common words ('may', 'mars'), holidays named
without a preposition ('christmas', 'natale'), a bare day of the month ('le 16', 'on the 15th') and day-month numbers
separated by spaces ('20 02 2014'), a numeric month ('2014-10') and a two-digit year after a month name. These patterns only count when their match covers the whole field."""

from __future__ import annotations

import re

from pressdesk.dates.patterns import prefix
from pressdesk.dates.text import DAY_NUM, B, E, alternation

FIELD_MAX = 48  # characters: longer texts are running text, never a field
_EDGE = " \t\r\n.,;:!?\"'«»“”()[]-–—"


def field_bounds(folded: str) -> tuple[int, int] | None:
    """Start and end of the field's words (edge punctuation and spaces left out), or None for running text."""
    if len(folded) > FIELD_MAX or "\n" in folded.strip():
        return None
    start = len(folded) - len(folded.lstrip(_EDGE))
    end = len(folded.rstrip(_EDGE))
    return (start, end) if end > start else None


def covers(match: re.Match[str], bounds: tuple[int, int]) -> bool:
    """The match is the whole field (it may take a trailing abbreviation dot the bounds left out)."""
    return match.start() <= bounds[0] and match.end() >= bounds[1]


def field_sources(data: dict, month_any: str, weekday_any: str) -> list[tuple[str, str]]:
    """(kind, regex) pairs read only as a whole field: weekday or month name in any case or abbreviation, a day of
    the month alone, day-month(-year) numbers joined by spaces, slashes or dots."""
    day_pre = prefix(data.get("day_prefixes", []))
    month_pre = prefix(data.get("month_prefixes", []))
    ords = alternation(data.get("ordinal_suffixes", []))
    words = alternation(list(data.get("day_words", {})))
    day = rf"(?P<day>{DAY_NUM}|(?:{words}){E})(?:{ords})?"
    return [
        ("rel", rf"{B}{day_pre}(?P<weekday>{weekday_any})\.?{E}"),
        ("m", rf"{B}{month_pre}(?P<month>{month_any}){E}"),
        ("dom", rf"{B}{day_pre}{day}{E}"),
        ("num", rf"{B}{day_pre}(?P<a>\d{{1,2}})(?P<sep>[ /.])(?P<b>\d{{1,2}})(?:(?P=sep)(?P<y>\d{{4}}|\d\d))?{E}"),
        ("mnum", rf"{B}{month_pre}(?P<y>(?:1[89]|20)\d\d)[-/](?P<m>0?[1-9]|1[0-2]){E}"),  # 2014-10, 2014/10
        ("mnum", rf"{B}{month_pre}(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:1[89]|20)\d\d){E}"),  # 2/2013
        ("dmy2", rf"{B}{day_pre}{day}\s*(?P<month>{month_any}){E}\s+(?P<y>\d\d)"),  # 31 octobre 74
        ("mdy2", rf"{B}(?P<month>{month_any}){E}\s*{day}\s*,?\s+(?P<y>\d\d)"),  # April 14th, 15
    ]
