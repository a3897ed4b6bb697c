"""Shape events for the timeline: one row per cluster (an event and all its reports)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

CLUSTER_COLUMNS = ["cluster_id", "date_start", "date_end", "precision", "year_known", "label", "actors",
                   "reports", "articles", "languages", "publishers", "date_texts", "summary", "language"]


def clusters(events: pd.DataFrame) -> pd.DataFrame:
    """Aggregate event rows (from store.events) by cluster_id: the date span, actors and sources."""
    if events.empty:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    g = events.groupby("cluster_id", sort=False)
    out = g.agg(date_start=("date_start", "min"), date_end=("date_end", "max"), precision=("precision", "first"),
                year_known=("year_known", "first"), summary=("summary", "first"), language=("language", "first"),
                reports=("event_id", "size"), articles=("article_id", "nunique"))

    def collect(column: str, explode: bool = False, sort: bool = False) -> pd.Series:
        part = events[["cluster_id", column]]
        if explode:
            part = part.explode(column)
        part = part.dropna().drop_duplicates()
        agg = part.groupby("cluster_id", sort=False)[column].agg(sorted if sort else list)
        return agg.reindex(out.index).map(lambda v: v if isinstance(v, list) else [])

    out["actors"] = collect("actors", explode=True)
    out["languages"] = collect("language", sort=True)
    out["publishers"] = collect("publisher", sort=True)
    out["date_texts"] = collect("date_text")
    out["year_known"] = out["year_known"].astype(bool)
    out["label"] = out["summary"].map(label)
    out = out.reset_index()[CLUSTER_COLUMNS]
    return out.sort_values("date_start", kind="stable").reset_index(drop=True)


def label(summary: str, width: int = 70) -> str:
    summary = " ".join(str(summary).split())
    return summary if len(summary) <= width else summary[: width - 1].rsplit(" ", 1)[0] + "…"


MAX_ROWS = 30  # rows a timeline stays readable with; the rest is reached through filters


def bars(clustered: pd.DataFrame, rows: str = "actor", colour: str = "language", max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """One bar per cluster (per actor when rows are actors); a day spans to the next midnight so it shows.

    Only the `max_rows` busiest rows are kept (most reported actors, or most reported events).
    """
    if clustered.empty:
        return pd.DataFrame(columns=["row", "start", "end", "colour", "cluster_id"])
    frame = clustered.copy()
    frame["start"] = pd.to_datetime(frame["date_start"])
    frame["end"] = pd.to_datetime(frame["date_end"].map(lambda d: d + timedelta(days=1)))
    key = "languages" if colour == "language" else "publishers"
    frame["colour"] = frame[key].map(lambda v: ", ".join(v) if len(v) else "(unknown)")
    if rows == "actor":
        frame["row"] = frame["actors"].map(lambda a: a if len(a) else ["(no actor named)"])
        frame = frame.explode("row")
        weight = frame.groupby("row")["reports"].sum().sort_values(ascending=False, kind="stable")
        frame = frame[frame["row"].isin(weight.index[:max_rows])]
    else:
        frame = frame.sort_values("reports", ascending=False, kind="stable").head(max_rows).sort_values("start")
        frame["row"] = frame["date_start"].map(str) + " · " + frame["label"]
    return frame.reset_index(drop=True)


def month_day_text(month: float | None, day: float | None) -> str:
    """'22 Sep' for a year-unknown date stored as month and day (pandas may hand them over as floats)."""
    if month is None or pd.isna(month):
        return "?"
    name = date(2000, int(month), 1).strftime("%b")
    return name if day is None or pd.isna(day) else f"{int(day):02d} {name}"


def span_text(start: date, end: date, precision: str, year_known: bool = True) -> str:
    """Human form of a date span at its precision: '21 Oct 2024', 'week of 14 Oct 2024', 'Jun 2024'."""
    if not year_known:
        return start.strftime("%d %b") + " (year unknown)"
    if precision == "day":
        return start.strftime("%d %b %Y")
    if precision == "week":
        return "week of " + start.strftime("%d %b %Y")
    if precision == "month":
        return start.strftime("%b %Y")
    if precision == "year":
        return str(start.year)
    return f"{start:%d %b %Y} – {end:%d %b %Y}"
