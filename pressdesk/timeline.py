"""Shape the timeline for drawing: bars, titles, date ranges and presets, and year-unknown mentions placed."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd


def label(summary: str, width: int = 70) -> str:
    summary = " ".join(str(summary).split())
    return summary if len(summary) <= width else summary[: width - 1].rsplit(" ", 1)[0] + "…"


MAX_ROWS = 30  # rows a timeline stays readable with; the rest is reached through filters


def bars(rows_frame: pd.DataFrame, rows: str = "actor", colour: str = "language") -> pd.DataFrame:
    """Bars from store.timeline_rows (one per row and cluster or bin); a day spans to the next midnight so it shows."""
    if rows_frame.empty:
        return pd.DataFrame(columns=["row", "start", "end", "colour", "cluster_id"])
    frame = rows_frame.copy()
    frame["start"] = pd.to_datetime(frame["date_start"])
    frame["end"] = pd.to_datetime(frame["date_end"].map(lambda d: d + timedelta(days=1)))
    key = "languages" if colour == "language" else "publishers"
    frame["colour"] = frame[key].map(lambda v: ", ".join(v) if len(v) else "unknown")
    if rows != "actor":
        frame["row"] = frame["date_start"].map(str) + " · " + frame["label"]
    return frame.reset_index(drop=True)


def month_day_text(month: float | None, day: float | None) -> str:
    """'22 Sep' for a year-unknown date stored as month and day (pandas may hand them over as floats)."""
    if month is None or pd.isna(month):
        return "?"
    name = date(2000, int(month), 1).strftime("%b")
    return name if day is None or pd.isna(day) else f"{int(day):02d} {name}"


def span_text(start: date, end: date, precision: str, year_known: bool = True) -> str:
    """Human form of a date span at its precision: '21 Oct 2024', 'week of 14 Oct 2024', 'Jun 2024', 'summer 2024',
    'winter 2024–25', '1990s'."""
    if not year_known:
        return start.strftime("%d %b") + " (year unknown)"
    if precision == "day":
        return start.strftime("%d %b %Y")
    if precision == "week":
        return "week of " + start.strftime("%d %b %Y")
    if precision == "month":
        return start.strftime("%b %Y")
    if precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision == "year":
        return str(start.year)
    if precision == "season":  # a season begins in March, June, September or December
        name = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}.get(start.month, "season")
        return f"{name} {start.year}" + (f"–{end.year % 100:02d}" if end.year != start.year else "")
    if precision == "decade":
        return f"{start.year}s"
    return f"{start:%d %b %Y} – {end:%d %b %Y}"


# --- default range, presets, titles, minimum bar width -------------------------------------------------------

PRESETS = ["dense", "30d", "90d", "all", "custom"]
PRESET_LABELS = {"dense": "Where events are", "30d": "Last 30 days", "90d": "Last 90 days", "all": "All",
                 "custom": "Custom"}
DENSE_GAP_DAYS = 21  # a gap longer than this between events separates two stretches of news


def dense_range(starts: list[date], gap_days: int = DENSE_GAP_DAYS, pad_days: int = 2,
                weights: list[int] | None = None) -> tuple[date, date] | None:
    """The stretch of dates holding the most events, so one background mention ("since February 2022") does
    not stretch the default view over years. `weights` counts the events on each start date when `starts` is a
    histogram (store.cluster_days)."""
    pairs = sorted((d, w) for d, w in zip(starts, weights or [1] * len(starts), strict=True) if d is not None)
    if not pairs:
        return None
    best, run_start, best_n, run_n = (pairs[0][0], pairs[0][0]), 0, 0, 0
    for i in range(len(pairs) + 1):
        if i == len(pairs) or (i > run_start and (pairs[i][0] - pairs[i - 1][0]).days > gap_days):
            if run_n > best_n:
                best_n, best = run_n, (pairs[run_start][0], pairs[i - 1][0])
            run_start, run_n = i, 0
        if i < len(pairs):
            run_n += pairs[i][1]
    return best[0] - timedelta(days=pad_days), best[1] + timedelta(days=pad_days)


def preset_range(preset: str, starts: list[date], ends: list[date], latest: date | None,
                 custom: tuple[date | None, date | None] = (None, None),
                 weights: list[int] | None = None) -> tuple[date | None, date | None]:
    """The date range a preset stands for; 'last N days' counts back from the newest article, not from today."""
    known = [d for d in starts if d is not None]
    if preset == "custom":
        return custom
    if preset == "all" or not known:
        return (min(known), max(d for d in ends if d is not None)) if known else (None, None)
    if preset in ("30d", "90d"):
        anchor = latest or max(known)
        return anchor - timedelta(days=int(preset[:-1])), anchor + timedelta(days=1)
    return dense_range(starts, weights=weights) or (None, None)


_CLAUSE_STOP = re.compile(r"[,;:.!?()\[\]«»“”„\"–—]")


def title(summary: str, actors: list[str] | None = None, date_text: str = "", words: int = 8,
          width: int = 60) -> str:
    """A short title for an event: the actor it names and the words that follow, or the sentence's first real
    clause; the date phrase itself is dropped, since the bar already sits on the date."""
    text = " ".join(str(summary or "").split())
    if date_text:
        text = re.sub(re.escape(date_text), " ", text, count=1, flags=re.IGNORECASE)
    text = " ".join(text.split())
    lower = text.lower()
    for actor in actors or []:
        at = lower.find(actor.lower())
        if at < 0:
            continue
        rest = _CLAUSE_STOP.split(text[at + len(actor):].lstrip(" ,"), maxsplit=1)[0].split()
        if len(rest) >= 2:
            return _trim(f"{actor}: {' '.join(_tidy(rest[:words]))}", width)
    for clause in _CLAUSE_STOP.split(text):
        if len(clause.split()) >= 3:
            return _trim(" ".join(_tidy(clause.split()[:words])), width)
    return _trim(" ".join(str(summary or "").split()).strip(" ,;"), width) or "(no text)"


def _tidy(tokens: list[str]) -> list[str]:
    """Drop dangling short lowercase words ("de", "the", "că") a cut phrase would end on."""
    while len(tokens) > 2 and len(tokens[-1]) <= 3 and tokens[-1].islower():
        tokens = tokens[:-1]
    return tokens


def _trim(text: str, width: int) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def min_bar_days(range_start: date, range_end: date, min_px: int = 8, plot_px: int = 400) -> float:
    """The shortest duration (days) a bar may have to stay `min_px` wide on a `plot_px` wide plot."""
    span = max(1, (range_end - range_start).days)
    return span * min_px / plot_px


def widen(bars_frame: pd.DataFrame, min_days: float) -> pd.DataFrame:
    """Stretch bars shorter than `min_days` around their centre, so a one-day event can still be seen and clicked."""
    if bars_frame.empty:
        return bars_frame
    out = bars_frame.copy()
    start, end = (pd.to_datetime(out[c]).astype("datetime64[ns]") for c in ("start", "end"))
    length = end - start
    half = length.clip(lower=pd.Timedelta(days=min_days)) / 2
    centre = start + length / 2
    out["start"], out["end"] = centre - half, centre + half
    return out


def axis_ticks(range_start: date, range_end: date) -> dict:
    """Plotly x-axis settings that never show hours: ticks by day on short ranges, by month on long ones."""
    span = (range_end - range_start).days
    day_ms = 86_400_000
    if span <= 16:
        return {"tickformat": "%d %b", "dtick": day_ms}
    if span <= 120:
        return {"tickformat": "%d %b", "dtick": 7 * day_ms}
    return {"tickformat": "%b %Y", "dtick": "M1" if span <= 730 else "M3"}


def year_unknown_matches(unknown: pd.DataFrame, clustered: pd.DataFrame,
                         names: dict[str, set[str]] | None = None) -> dict[str, tuple[str, str]]:
    """Year-unknown mentions that join a dated cluster with the same day and month (event_id -> (cluster, why)).

    Only a day-precise mention joins: to the one cluster that shares an actor with it (or with its article's other
    names, e.g. its quoted speakers), or to the only cluster that day when the mention names nobody."""
    out: dict[str, tuple[str, str]] = {}
    if unknown.empty or clustered.empty:
        return out
    days = clustered[clustered["precision"] == "day"]
    by_md: dict[tuple[int, int], list] = {}
    for row in days.itertuples():
        by_md.setdefault((row.date_start.month, row.date_start.day), []).append(row)
    article_actors = {k: set(v) for k, v in (names or {}).items()}
    for ev in unknown.itertuples():
        article_actors.setdefault(ev.article_id, set()).update(ev.actors if ev.actors is not None else [])
    for ev in unknown[unknown["precision"] == "day"].itertuples():
        if pd.isna(ev.month) or pd.isna(ev.day):
            continue
        candidates = by_md.get((int(ev.month), int(ev.day)), [])
        own = set(ev.actors) if ev.actors is not None else set()
        near = own | article_actors.get(ev.article_id, set())
        shared = [c for c in candidates if own & set(c.actors)] or [c for c in candidates if near & set(c.actors)]
        if len(shared) == 1:
            names = sorted((own or near) & set(shared[0].actors))
            out[ev.event_id] = (shared[0].cluster_id, "same day and month; shares " + ", ".join(names[:3]))
        elif len(candidates) == 1 and not own:
            out[ev.event_id] = (candidates[0].cluster_id, "same day and month, the only event that day")
    return out


def listing(names: list[str], most: int = 6) -> str:
    """'A, B, C and 4 more': a bin may gather dozens of outlets, a hover shows a few."""
    return ", ".join(names) if len(names) <= most else f"{', '.join(names[:most])} and {len(names) - most} more"
