"""Text of a statement card (one statement, its reports in every language and outlet, and why they are one),
escaped for Streamlit Markdown; the pages lay it out."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from pressdesk.render import md


def _day(value: Any) -> str | None:
    """'1 Nov 2024'; None for a missing date (None, NaT)."""
    return value.strftime("%-d %b %Y") if isinstance(value, date) and not pd.isna(value) else None


def _span(first: Any, last: Any) -> str:
    a, b = _day(first), _day(last)
    if a and b and a != b:
        return f"{a} – {b}"
    return a or b or "date unknown"


def heading(group: dict[str, Any], with_speaker: bool = True) -> str:
    """"**Sergei Lavrov** · 1 Nov 2024 · 3 reports in 2 languages (it, ro) · 2 outlets: A, B"."""
    reports, languages, outlets = int(group["reports"]), list(group["languages"]), list(group["outlets"])
    parts = [f"**{md(group['speaker'] or 'Unnamed speaker')}**"] if with_speaker else []
    parts.append(md(_span(group["first_day"], group["last_day"])))
    if reports == 1:
        parts.append(f"1 report ({md(languages[0])})" if languages else "1 report")
    else:
        langs = f"{len(languages)} language{'s' if len(languages) != 1 else ''}"
        parts.append(f"{reports} reports in {langs} ({md(', '.join(languages))})")
    shown = ", ".join(md(o) for o in outlets[:4]) + (f" and {len(outlets) - 4} more" if len(outlets) > 4 else "")
    parts.append(f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}: {shown}")
    return " · ".join(parts)


def why(group: dict[str, Any]) -> str | None:
    """Why these reports are one statement (None for a statement reported once)."""
    reason = group.get("reason")
    return f"Grouped because: {md(reason)}" if isinstance(reason, str) and reason else None


def report_line(item: dict[str, Any]) -> str:
    """"`ro` · Redacția BZI · 1 Nov 2024 · direct quote" for one report of the statement."""
    when = _day(item.get("said_on")) or (f"published {_day(item.get('day'))}" if _day(item.get("day"))
                                         else "date unknown")
    parts = [f"`{md(item.get('language') or '?')}`", md(item.get("publisher") or "unknown outlet"), md(when),
             f"{md(item.get('kind') or '')} quote"]
    if item.get("via"):
        parts.append(f"via {md(item['via'])}")
    return " · ".join(parts)


def quote_text(item: dict[str, Any]) -> str:
    """The reported words as an escaped block quote."""
    return f"> {md(item.get('text') or '')}"
