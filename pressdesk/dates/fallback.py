"""dateparser-based finder for languages without a data file (day precision, best effort)."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from pressdesk.dates.model import TimeMention

_BARE_NUMBER = re.compile(r"^[\d\s.,:]+$")


def fallback_dates(text: str, language: str, published: date | None) -> list[TimeMention]:
    """Use dateparser.search_dates; bare numbers are dropped (too many troop counts and times)."""
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - dateparser is a project dependency
        return []
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, time(12))
    try:
        found = search_dates(text, languages=[language] if language else None, settings=settings) or []
    except Exception:  # dateparser raises on unsupported languages; no dates is the honest answer
        return []
    mentions: list[TimeMention] = []
    cursor = 0
    for snippet, moment in found:
        start = text.find(snippet, cursor)
        if start < 0 or _BARE_NUMBER.match(snippet):
            continue
        cursor = start + len(snippet)
        day = moment.date()
        mentions.append(TimeMention(snippet, start, cursor, day, day, "day", True))
    return mentions
