"""Datelines, bylines and wire lines: the date a text gives about itself. It is publication metadata (the anchor
of 'yesterday'), never an event on the timeline. A wire line without a year ('(ANSA) - NAPOLI, 24 FEB -') gives
a day whose year is unknown until one is known."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pressdesk.dates.lang import LanguageSpec, fold
from pressdesk.dates.model import PLACEHOLDER_YEAR, safe_date

_HEAD = 600  # a dateline stands in the first lines of an article
_DASH = r"[-–—]"
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_PATTERNS = (
    # (ANSA) - NAPOLI, 24 FEB -    /    ROMA, 3 marzo 2024 (ANSA) -
    re.compile(rf"\([A-Z][\w.]{{1,12}}\)\s*{_DASH}\s*[^\W\d_][^\n,]{{0,40}},\s*(?P<day>\d{{1,2}})\s+{_MONTH}"
               rf"(?:\s+(?P<year>\d{{4}}))?\s*{_DASH}"),
    # PARIS, Feb 10 (Reuters) -   /   WASHINGTON, March 3, 2024 (AP) —
    re.compile(rf"(?m)^[^\W\d_][^\n,]{{0,40}},\s+{_MONTH}\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\s*"
               rf"\([A-Z][\w.]{{1,12}}\)\s*{_DASH}"),
    # Paris, le 14 novembre 2024 —   /   Bucureşti, 3 martie 2025 -
    re.compile(rf"(?m)^[^\W\d_][^\n,]{{0,40}},\s+(?:le\s+)?(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\s*{_DASH}"),
    # di F. Q. | 16 Maggio 2021   /   By Name | 3 March 2024   /   ( 01 septembre 2023 )   /   21 Gennaio 2020
    re.compile(rf"(?m)^(?:[^\n|]{{1,60}}\|\s*|\(\s*)?(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\s*\)?\s*$"),
    # May 16, 2021 GMT
    re.compile(rf"(?m)^{_MONTH}\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})(?:\s+[A-Z]{{2,4}})?\s*$"),
    # Publié le : 04/05/2026 - 23:46   /   Le 19/05/2024 à 7:17   /   Pubblicato il 03/02/2021
    re.compile(r"(?im)^(?:(?:publié|mis à jour|published|updated|pubblicato|aggiornato|publicat|actualizat)\w*"
               r"(?:\s+(?:le|il|on|pe|la))?|le|il)?\s*:?\s*(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})[/.](?P<year>\d{4})"
               r"(?:\s*(?:à|-|,|alle|ore|at)?\s*\d{1,2}[:h.]\d{2})?\s*$"),

)


@dataclass(frozen=True)
class Dateline:
    start: int  # the date's own words within the line
    end: int
    day: date  # year PLACEHOLDER_YEAR when the line gives none
    year_known: bool


def _month(spec: LanguageSpec, name: str) -> int | None:
    return spec.months.get(fold(name).rstrip("."))


def find_dateline(spec: LanguageSpec, text: str) -> Dateline | None:
    """The first dateline, byline date or wire line in the head of a text, if any names a real day."""
    head = text[:_HEAD]
    found: list[Dateline] = []
    for regex in _PATTERNS:
        for m in regex.finditer(head):
            groups = m.groupdict()
            month = int(groups["nm"]) if groups.get("nm") else _month(spec, groups.get("month") or "")
            day = int(groups["nd"] or 0) if groups.get("nd") else int(groups.get("day") or 0)
            year = int(groups["year"]) if groups.get("year") else None
            when = safe_date(year or PLACEHOLDER_YEAR, month, day) if month else None
            if when is not None and (year is None or 1900 < year < 2100):
                spans = [m.span(g) for g in ("day", "month", "year", "nd", "nm") if groups.get(g)]
                start, end = min(a for a, _ in spans), max(b for _, b in spans)
                found.append(Dateline(start, end, when, year is not None))
                break
    return min(found, key=lambda d: d.start) if found else None
