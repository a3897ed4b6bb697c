"""Metadata found in the text: title, publication date from a dateline or the URL."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import dateparser

DATA = Path(__file__).resolve().parent.parent / "data"
# A dateline is a short line with a 4-digit year and a day number, e.g. "01 nov. 2024, 17:21,".
_DATELINE = re.compile(r"(?=.*\b(?:19|20)\d\d\b)(?=.*\b[0-3]?\d\b).{6,70}")
_TRAILING = re.compile(r"[\s,;|–—-]+$")


@lru_cache(maxsize=1)
def _url_patterns() -> tuple[re.Pattern, ...]:
    raw = tomllib.loads((DATA / "url_dates.toml").read_text(encoding="utf-8"))
    return tuple(re.compile(p) for p in raw["patterns"])


def date_from_url(url: str | None) -> date | None:
    """Publication date encoded in a URL, if any pattern of data/url_dates.toml finds a real date."""
    if not url:
        return None
    for pattern in _url_patterns():
        for m in pattern.finditer(url):
            groups = m.groupdict()
            year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
            try:
                return date(year, int(groups["m"]), int(groups["d"]))
            except ValueError:
                continue
    return None


def date_from_dateline(text: str, language: str | None, max_lines: int = 12) -> tuple[date, str] | None:
    """First short line near the top that parses as a full date; returns (date, the line). Wire lines and
    bylines ('(ANSA) - ROMA, 3 MAR 2024 -', 'di F. Q. | 16 Maggio 2021') are read by pressdesk.dates first."""
    from pressdesk.dates.dateline import find_dateline
    from pressdesk.dates.lang import load_language

    spec = load_language(language or "")
    found = find_dateline(spec, text) if spec is not None else None
    if found is not None and found.year_known:
        line_start = text.rfind("\n", 0, found.start) + 1
        line_end = text.find("\n", found.end)
        return found.day, text[line_start : line_end if line_end >= 0 else None].strip()
    lines = [ln for ln in text.split("\n") if ln.strip()][:max_lines]
    for line in lines:
        candidate = _TRAILING.sub("", line.strip())
        if len(candidate) > 70 or not _DATELINE.fullmatch(candidate):
            continue
        parsed = parse_date(candidate, language)
        if parsed:
            return parsed, line.strip()
    return None


def parse_date(value: str, language: str | None = None) -> date | None:
    """Parse a date given as metadata or a dateline (ISO first, then dateparser in the language)."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    languages = [language] if language else None
    try:
        parsed = dateparser.parse(value, languages=languages, settings=settings)
    except Exception:  # dateparser rejects unknown language codes
        parsed = dateparser.parse(value, settings=settings)
    return parsed.date() if parsed else None


def guess_title(text: str, roles: dict[int, str]) -> str | None:
    """The line marked as headline, else the first sentence of the text, shortened."""
    for offset, role in roles.items():
        if role == "title":
            end = text.find("\n", offset)
            return text[offset: end if end >= 0 else None].strip()
    first = text.strip().split("\n", 1)[0] if text.strip() else ""
    if not first:
        return None
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return sentence if len(sentence) <= 140 else sentence[:137].rsplit(" ", 1)[0] + "…"
