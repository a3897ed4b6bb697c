"""The timeline aggregated in DuckDB: clusters, their busiest rows and time bins, so a page never holds every event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from pressdesk.store import digest
from pressdesk.store.queries import df

NO_ACTOR = "(no actor named)"
MAX_BARS = 1500  # above this many cluster bars, bars are binned by week, month, quarter or year
BIN_UNITS = [("week", 7), ("month", 31), ("quarter", 92), ("year", 366)]  # coarsest unit that keeps bars readable
MAX_BINS_PER_ROW = 120
# Dates a chart can draw (pandas timestamps end in 2262); a stored year 1 or 9999 is left off the timeline.
PLOTTABLE = (date(1700, 1, 1), date(2200, 12, 31))


@dataclass(frozen=True)
class EventFilter:
    """What the analyst asked for on the timeline; empty means no filter."""

    actors: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    text: str | None = None
    article: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over `events e JOIN articles a` and its parameters."""
        def listed(v: tuple[str, ...]) -> list[str] | None:
            return list(v) or None

        text = self.text or None
        sql = """WHERE (? IS NULL OR len(list_intersect(e.actors, ?)) > 0)
             AND (? IS NULL OR list_contains(?, a.language))
             AND (? IS NULL OR list_contains(?, coalesce(a.publisher, '(unknown)')))
             AND (? IS NULL OR e.summary ILIKE '%' || ? || '%' OR e.date_text ILIKE '%' || ? || '%')
             AND (? IS NULL OR e.article_id = ?)"""
        params = [listed(self.actors), listed(self.actors), listed(self.languages), listed(self.languages),
                  listed(self.publishers), listed(self.publishers), text, text, text, self.article, self.article]
        return sql, params

    def empty(self) -> bool:
        return not (self.actors or self.languages or self.publishers or self.text or self.article)


def _digested(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> bool:
    """Nothing filtered and the cluster digest in step: clusters are read from it, not from every mention."""
    return flt.empty() and digest.ready(con)


def _dated(flt: EventFilter) -> tuple[str, list[Any]]:
    """CTE `ev`: the filtered mentions whose year is known and whose dates a chart can draw."""
    where, params = flt.where()
    sql = f"""ev AS (SELECT e.*, a.language, coalesce(a.publisher, 'unknown outlet') AS publisher, a.published
                     FROM events e JOIN articles a USING (article_id) {where}
                       AND e.year_known AND e.date_start BETWEEN ? AND ? AND e.date_end BETWEEN ? AND ?)"""
    return sql, params + [*PLOTTABLE, *PLOTTABLE]


# Clusters, light: their span and size. What a cluster says is looked up only for the clusters a page shows.
_CLUSTERS = """cl AS MATERIALIZED (
    SELECT cluster_id, min(date_start) AS date_start, max(date_end) AS date_end, count(*) AS reports
    FROM ev GROUP BY cluster_id)"""
_IN_RANGE = "inr AS (SELECT * FROM cl WHERE (? IS NULL OR date_end >= ?) AND (? IS NULL OR date_start <= ?))"
# What each shown cluster says: its earliest report (the one a reader meets first) and all its sources.
_DETAILS = """SELECT cluster_id, min(date_start) AS date_start, max(date_end) AS date_end, count(*) AS reports,
           count(DISTINCT article_id) AS articles,
           arg_min(precision, (date_start, published, event_id)) AS precision,
           arg_min(summary, (date_start, published, event_id)) AS summary,
           arg_min(language, (date_start, published, event_id)) AS language,
           arg_min(actors, (date_start, published, event_id)) AS lead_actors,
           arg_min(date_text, (date_start, published, event_id)) AS date_text,
           list_sort(list_distinct(flatten(list(actors)))) AS actors,
           list_sort(list_distinct(list(language))) AS languages,
           list_sort(list_distinct(list(publisher))) AS publishers
    FROM ev WHERE cluster_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY cluster_id"""


# The same from the digest kept at write time (pressdesk.store.digest): every cluster with a drawable mention.
_DIGEST_CLUSTERS = """cl AS (SELECT cluster_id, date_start, date_end, reports FROM cluster_digest WHERE reports > 0)"""
_NAMED = "named AS (SELECT DISTINCT cluster_id, unnest(actors) AS row FROM ev)"
_DIGEST_NAMED = "named AS (SELECT cluster_id, unnest(actors) AS row FROM cluster_digest WHERE reports > 0)"
_DIGEST_DETAILS = """SELECT cluster_id, date_start, date_end, reports, articles, precision, summary, language,
           lead_actors, date_text, actors, languages, publishers
    FROM cluster_digest WHERE reports > 0 AND cluster_id IN (SELECT unnest(?::VARCHAR[]))"""


def _with(con: duckdb.DuckDBPyConnection, flt: EventFilter, start: date | None, end: date | None,
          named: bool = False) -> tuple[str, list[Any]]:
    """CTEs `cl` (clusters of the matching mentions), `inr` (those overlapping the range) and, when asked, `named`
    (each cluster's actors), with `ev` (the mentions) unless read from the digest."""
    if _digested(con, flt):
        return (f"WITH {_DIGEST_CLUSTERS}, {_IN_RANGE}" + (f", {_DIGEST_NAMED}" if named else ""),
                [start, start, end, end])
    dated, params = _dated(flt)
    return (f"WITH {dated}, {_CLUSTERS}, {_IN_RANGE}" + (f", {_NAMED}" if named else ""),
            params + [start, start, end, end])


def cluster_days(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> pd.DataFrame:
    """How many clusters start and end on each day: enough to place a date-range preset without the clusters."""
    head, params = _with(con, flt, None, None)
    return df(con, f"""{head} SELECT date_start AS day, count(*) AS n, max(date_end) AS last_end
                       FROM cl GROUP BY 1 ORDER BY 1""", params)


def latest_published(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> date | None:
    """The newest publication date among the articles whose mentions match: 'last 30 days' counts back from it."""
    where, params = flt.where()
    return con.cursor().execute(f"SELECT max(a.published) FROM events e JOIN articles a USING (article_id) {where}",
                                params).fetchone()[0]


def cluster_details(con: duckdb.DuckDBPyConnection, flt: EventFilter, ids: list[str]) -> pd.DataFrame:
    """What the named clusters say and who reported them (only the matching mentions count)."""
    if _digested(con, flt):
        return df(con, f"{_DIGEST_DETAILS} ORDER BY date_start, cluster_id", [list(ids)])
    dated, params = _dated(flt)
    return df(con, f"WITH {dated} {_DETAILS} ORDER BY date_start, cluster_id", params + [list(ids)])


def clusters_in_range(con: duckdb.DuckDBPyConnection, flt: EventFilter, start: date | None = None,
                      end: date | None = None, limit: int | None = None,
                      ids: list[str] | None = None) -> pd.DataFrame:
    """Clusters overlapping the range (the `limit` most reported when limited), or the clusters named in `ids`."""
    if ids is None:
        head, params = _with(con, flt, start, end)
        tail = " ORDER BY reports DESC, date_start, cluster_id LIMIT ?" if limit else ""
        ids = [r[0] for r in con.cursor().execute(f"{head} SELECT cluster_id FROM inr{tail}",
                                                  params + ([int(limit)] if limit else [])).fetchall()]
    details = cluster_details(con, flt, ids)
    if limit:
        details = details.sort_values(["reports", "date_start", "cluster_id"], ascending=[False, True, True],
                                      kind="stable").reset_index(drop=True)
    return details


def clusters_count(con: duckdb.DuckDBPyConnection, flt: EventFilter, start: date | None,
                   end: date | None) -> int:
    """How many clusters overlap the range."""
    head, params = _with(con, flt, start, end)
    return con.cursor().execute(f"{head} SELECT count(*) FROM inr", params).fetchone()[0]


def bin_unit(start: date, end: date) -> tuple[str, int]:
    """The finest of week, month, quarter, year that keeps a row under MAX_BINS_PER_ROW bins over the range."""
    span = max(1, (end - start).days)
    for unit, days in BIN_UNITS:
        if span / days <= MAX_BINS_PER_ROW:
            return unit, days
    return BIN_UNITS[-1]


def timeline_rows(con: duckdb.DuckDBPyConnection, flt: EventFilter, start: date | None, end: date | None,
                  rows: str = "actor", max_rows: int = 30, max_bars: int = MAX_BARS) -> tuple[pd.DataFrame, int, str]:
    """The bars to draw: (frame, rows available, grain).

    By actor, the `max_rows` actors with the most reports in the range, one bar per (actor, cluster); by
    cluster, the `max_rows` most reported clusters. When that is more than `max_bars` bars, each actor's clusters
    are binned by the coarsest unit that still shows the shape (grain 'week', 'month', ...): a bin counts its
    events and reports and opens its most reported event."""
    if rows != "actor":
        frame = clusters_in_range(con, flt, start, end, limit=max_rows)
        frame = frame.assign(row=frame["date_start"].map(str), events=1)
        return (frame.sort_values(["date_start", "cluster_id"]).reset_index(drop=True),
                clusters_count(con, flt, start, end), "cluster")
    head, params = _with(con, flt, start, end, named=True)
    unit = bin_unit(start, end)[0] if start is not None and end is not None else "year"
    out = df(con, f"""{head},
        pairs AS (SELECT coalesce(named.row, {_quote(NO_ACTOR)}) AS row, inr.*
                  FROM inr LEFT JOIN named USING (cluster_id)),
        weights AS (SELECT row, sum(reports) AS weight FROM pairs GROUP BY row),
        top AS (SELECT row FROM weights ORDER BY weight DESC, row LIMIT ?),
        chosen AS (SELECT pairs.* FROM pairs JOIN top USING (row)),
        binned AS (SELECT (SELECT count(*) FROM chosen) > ? AS many),
        keyed AS (SELECT chosen.*, CASE WHEN many THEN date_trunc('{unit}', date_start)::VARCHAR
                                        ELSE cluster_id END AS bin
                  FROM chosen, binned)
        SELECT row, bin, min(date_start) AS date_start, max(date_end) AS date_end, count(*) AS events,
               sum(reports) AS reports, arg_max(cluster_id, (reports, cluster_id)) AS cluster_id,
               any_value(many) AS many, (SELECT count(*) FROM weights) AS total
        FROM keyed, binned GROUP BY row, bin ORDER BY date_start, row, bin""", params + [int(max_rows), int(max_bars)])
    if out.empty:
        return out, 0, "cluster"
    total, many = int(out["total"].iloc[0]), bool(out["many"].iloc[0])
    details = cluster_details(con, flt, out["cluster_id"].unique().tolist()).set_index("cluster_id")
    said = details[["precision", "summary", "language", "lead_actors", "date_text", "languages", "publishers",
                    "articles", "actors"]].assign(top_reports=details["reports"])
    frame = out.drop(columns=["many", "total"]).join(said, on="cluster_id")
    if many:  # a bin spans its whole unit, and is coloured and credited by the event it opens
        frame["date_start"] = [pd.Timestamp(b).date() for b in frame["bin"]]
        frame["date_end"] = [(pd.Timestamp(b) + pd.tseries.frequencies.to_offset(_OFFSETS[unit])).date()
                             - pd.Timedelta(days=1).to_pytimedelta() for b in frame["bin"]]
        frame["precision"] = unit
    return frame.drop(columns=["bin"]), total, unit if many else "cluster"


_OFFSETS = {"week": "7D", "month": "MS", "quarter": "QS", "year": "YS"}


def cluster_reports(con: duckdb.DuckDBPyConnection, flt: EventFilter, cluster_id: str) -> pd.DataFrame:
    """The matching mentions of one cluster with their article's outlet, date and language."""
    dated, params = _dated(flt)
    return df(con, f"""WITH {dated} SELECT * FROM ev WHERE cluster_id = ?
                       ORDER BY date_start, published NULLS LAST, event_id""", params + [cluster_id])


def year_unknown(con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int = 500) -> tuple[pd.DataFrame, int]:
    """Matching mentions with a day and month but no year (the first `limit`), and how many there are."""
    where, params = flt.where()
    base = f"FROM events e JOIN articles a USING (article_id) {where} AND NOT coalesce(e.year_known, FALSE)"
    total = con.cursor().execute(f"SELECT count(*) {base}", params).fetchone()[0]
    frame = df(con, f"""SELECT e.*, a.language, coalesce(a.publisher, 'unknown outlet') AS publisher, a.published
                        {base} ORDER BY e.month NULLS LAST, e.day NULLS LAST, e.event_id LIMIT ?""",
               params + [int(limit)])
    return frame, total


def day_clusters(con: duckdb.DuckDBPyConnection, flt: EventFilter, month_days: list[tuple[int, int]]) -> pd.DataFrame:
    """Day-precise clusters falling on any of these (month, day) pairs in any year: where a year-unknown mention
    may belong."""
    if not month_days:
        return pd.DataFrame(columns=["cluster_id", "date_start", "precision", "actors"])
    dated, params = _dated(flt)
    keys = [m * 100 + d for m, d in month_days]
    ids = [r[0] for r in con.cursor().execute(
        f"""WITH {dated} SELECT DISTINCT cluster_id FROM ev
            WHERE precision = 'day' AND list_contains(?, month(date_start) * 100 + day(date_start))""",
        params + [keys]).fetchall()]
    return cluster_details(con, flt, ids)


def _quote(text: str) -> str:
    """A SQL string literal for a constant of this module (never for user input)."""
    return "'" + text.replace("'", "''") + "'"
