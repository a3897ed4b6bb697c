"""HTML fragments for the pages, built from escaped article text only (a hosted app is a public surface)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

import pandas as pd

CSS = """
<style>
.pd-article p{margin:0 0 .6em 0;line-height:1.55}
.pd-caption{font-style:italic;color:#666}
.pd-title{font-weight:700;font-size:1.15em}
mark.pd-quote{background:#fde68a;padding:0 .1em}
mark.pd-date{background:#bfdbfe;padding:0 .1em}
.pd-focus{outline:2px solid #f59e0b;border-radius:3px}
table.pd-align{width:100%;border-collapse:collapse}
table.pd-align td{vertical-align:top;padding:.35em .6em;border-bottom:1px solid #eee;width:50%}
table.pd-align td.pd-missing{color:#999;font-style:italic}
</style>
"""


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# GFM turns bare addresses into links after escapes are read, so escaping cannot stop it: a word joiner (U+2060,
# invisible) inside "http://", "www." and "a@b" breaks the pattern instead.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp|www)(?=[:.])|(?<=@)")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """Escape article-derived text for Streamlit markdown: no links (not even bare URLs), images, HTML or
    formatting sneak in."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(lambda m: (m.group(1) or "") + WORD_JOINER, flat))


def plot_text(value: object) -> object:
    """Escape a value Plotly will draw as a label (it reads <a href>, <b>, <br>…): strings only, others kept."""
    return escape(value, quote=False) if isinstance(value, str) else value


def plot_frame(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """A copy of `frame` whose named columns are safe as Plotly tick labels, legend names and hover values."""
    out = frame.copy()
    for col in columns:
        out[col] = out[col].map(plot_text)
    return out


UNKNOWN_OUTLET = "(unknown)"  # the store's filter value for articles without a publisher


def outlet_name(value: object) -> str:
    """An outlet as a reader sees it: a missing or placeholder publisher reads "unknown outlet", never None/nan."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() in ("", UNKNOWN_OUTLET):
        return "unknown outlet"
    return str(value)


def shown(value: object, missing: str = "—") -> str:
    """Any cell value as text, with None, NaN and NaT said plainly instead of printed raw."""
    if value is None or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return missing
    return str(value)


def count_ticks(largest: float, ticks: int = 6) -> dict:
    """Axis settings for counts: whole-number ticks only, so no chart shows "1.5 articles"."""
    return {"tick0": 0, "dtick": max(1, -(-int(largest) // ticks)), "tickformat": "d", "rangemode": "tozero"}


def figure_strings(fig: object) -> list[str]:
    """Every string in a Plotly figure's JSON (for tests: none may carry live HTML from data)."""
    import json

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(fig.to_json() if hasattr(fig, "to_json") else str(fig)))
    return found


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]], offset: int = 0) -> str:
    """Escape `text` and wrap spans (start, end, css class, title) in <mark>; overlapping spans are skipped."""
    out: list[str] = []
    pos = 0
    for start, end, cls, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, end = start - offset, end - offset
        if start < pos or start < 0 or end > len(text) or end <= start:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{escape(cls)}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def clip(spans: Iterable[tuple[int, int, str, str]], start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The parts of spans that fall inside [start, end): a quote running over sentences marks each one."""
    return [(max(a, start), min(b, end), cls, title) for a, b, cls, title in spans if a < end and b > start]


def article_html(
    sentences: Iterable[dict], spans: Iterable[tuple[int, int, str, str]] = (), focus: set[int] | None = None,
) -> str:
    """Sentences grouped back into paragraphs (by role), with marks and an outline on focused sentences."""
    spans = list(spans)
    parts = ['<div class="pd-article">']
    for s in sentences:
        inner = highlight(s["text"], clip(spans, s["start_char"], s["end_char"]), offset=s["start_char"])
        role = s.get("role") or "body"
        cls = {"caption": "pd-caption", "title": "pd-title"}.get(role, "")
        if focus and s["idx"] in focus:
            cls += " pd-focus"
        parts.append(f'<p class="{cls.strip()}" id="s{int(s["idx"])}">{inner}</p>')
    parts.append("</div>")
    return CSS + "".join(parts)


def aligned_html(rows: Iterable[tuple[str, str | None, str]]) -> str:
    """Two aligned columns; rows are (original HTML, translation HTML or None, reason when missing).

    Callers pass fragments already built with `highlight` (escaped); a missing translation shows its reason.
    """
    parts = [CSS, '<table class="pd-align">']
    for original, translated, reason in rows:
        right = f"<td>{translated}</td>" if translated is not None else f'<td class="pd-missing">{escape(reason)}</td>'
        parts.append(f"<tr><td>{original}</td>{right}</tr>")
    parts.append("</table>")
    return "".join(parts)
