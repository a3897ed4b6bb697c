"""Plain-text citations an analyst can paste into a report: quote, speaker, outlet, date and link."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote as url_quote


def _clean(value: object) -> str:
    text = "" if value is None else str(value)
    return "" if text in ("None", "nan", "NaT") else " ".join(text.split())


def quote_citation(text: object, speaker: object, outlet: object, said_on: date | None, link: object) -> str:
    """“Quote” — Speaker, Outlet, 5 November 2024. Link (empty parts are left out)."""
    when = said_on.strftime("%-d %B %Y") if isinstance(said_on, date) else ""
    parts = ", ".join(p for p in (_clean(speaker) or "Unnamed speaker", _clean(outlet), when) if p)
    link = _clean(link)
    return f"“{_clean(text)}” — {parts}." + (f" {link}" if link else "")


def event_citation(summary: object, when: object, outlet: object, link: object) -> str:
    """When: summary — Outlet. Link."""
    link = _clean(link)
    head = f"{_clean(when)}: " if _clean(when) else ""
    return f"{head}{_clean(summary)} — {_clean(outlet) or 'unknown outlet'}." + (f" {link}" if link else "")


def app_link(page: str, **params: object) -> str:
    """A relative dashboard link with URL-encoded parameters (page '' is Home)."""
    query = "&".join(f"{k}={url_quote(str(v), safe='')}" for k, v in params.items() if v not in (None, ""))
    return f"/{page}" + (f"?{query}" if query else "")
