"""New quotes join the statement groups already stored: they are compared with the same speaker's reports within
the date window, and the groups they link are merged, so adding articles costs what they hold, not the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from pressdesk import store
from pressdesk.story.statements import MAX_FOLLOWING, WINDOW_DAYS, Link, Report, links_to_new
from pressdesk.unionfind import SmallestRoot


def ungrouped(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None) -> list[str]:
    """Quotes with a named speaker that no statement group holds yet (of these articles, when given: their quotes are
    looked up in the groups, cheaper than setting every quote against every group)."""
    cur = con.cursor()
    named = "speaker IS NOT NULL AND speaker_type IS DISTINCT FROM 'unnamed'"
    if article_ids is None:
        return [r[0] for r in cur.execute(f"SELECT quote_id FROM quotes ANTI JOIN statement_groups USING (quote_id)"
                                          f" WHERE {named} ORDER BY quote_id").fetchall()]
    quotes = [r[0] for r in cur.execute(f"SELECT quote_id FROM quotes WHERE {named} AND {store.among('article_id')}"
                                        " ORDER BY quote_id", [list(article_ids)]).fetchall()]
    grouped = {r[0] for r in cur.execute("SELECT quote_id FROM statement_groups WHERE list_contains(?, quote_id)",
                                         [quotes]).fetchall()}
    return [q for q in quotes if q not in grouped]


# Stored reports near each new one, the closest first. A dated new report meets its speaker's reports by (speaker,
# day) on each day of its window, an equality join (a join on the speaker alone pairs it with every report of a
# busy speaker before the dates are compared); the article is read only for a quote not dated itself. Dated stored
# quotes are first narrowed to the new reports' days ($first, $last), so the scan skips row groups outside them.
_NEIGHBOURS_SQL = """
WITH old AS (
    SELECT quote_id, speaker, said_on AS day FROM quotes
    WHERE said_on BETWEEN $first AND $last AND speaker IN (SELECT speaker FROM new_reports)
      AND speaker_type IS DISTINCT FROM 'unnamed'
    UNION ALL
    SELECT q.quote_id, q.speaker, a.published FROM quotes q JOIN articles a USING (article_id)
    WHERE q.said_on IS NULL AND q.speaker IN (SELECT speaker FROM new_reports)
      AND q.speaker_type IS DISTINCT FROM 'unnamed'),
window_days AS (
    SELECT new_id, speaker, new_day::DATE AS new_day, new_day::DATE + CAST(d AS INTEGER) AS day
    FROM new_reports, range(-$window, $window + 1) r(d) WHERE new_day IS NOT NULL),
near AS (
    SELECT o.quote_id, w.new_id, o.day, w.new_day FROM window_days w JOIN old o USING (speaker, day)
    UNION ALL  -- an undated report is near every report of its speaker, and a report of unknown date near it
    SELECT o.quote_id, n.new_id, o.day, NULL FROM new_reports n JOIN old o USING (speaker) WHERE n.new_day IS NULL
    UNION ALL
    SELECT o.quote_id, n.new_id, o.day, n.new_day::DATE FROM new_reports n JOIN old o USING (speaker)
    WHERE n.new_day IS NOT NULL AND o.day IS NULL),
pairs AS (  -- kept when grouped (joining every quote with its group first cost more than the pairs)
    SELECT quote_id, row_number() OVER (PARTITION BY new_id ORDER BY
               coalesce(abs(date_diff('day', day, new_day)), 0), quote_id) AS rank
    FROM near SEMI JOIN statement_groups g USING (quote_id))
SELECT DISTINCT quote_id FROM pairs WHERE rank <= $per_report ORDER BY quote_id
"""


def neighbours(con: duckdb.DuckDBPyConnection, new: Sequence[Report], per_report: int = 2 * MAX_FOLLOWING) -> list[str]:
    """Grouped quotes a new report can link to: its speaker's, within the date window (or undated), the
    `per_report` closest in date for each new report, as a full grouping compares each report with its neighbours."""
    frame = pd.DataFrame([(r.quote_id, r.speaker, r.day) for r in new], columns=["new_id", "speaker", "new_day"])
    frame["new_day"] = pd.to_datetime(frame["new_day"])
    first, last = _days_near([r.day for r in new])
    with store.reading(con, new_reports=frame) as cur:
        return [r[0] for r in cur.execute(_NEIGHBOURS_SQL, {"window": WINDOW_DAYS, "per_report": int(per_report),
                                                            "first": first, "last": last}).fetchall()]


def _days_near(days: list[date | None]) -> tuple[date, date]:
    """The stored days these reports' windows reach: every day when one of them is undated."""
    window = timedelta(days=WINDOW_DAYS)
    dated = [d for d in days if d is not None]
    if len(dated) < len(days) or not dated:
        return date.min, date.max
    first, last = min(dated), max(dated)
    return (first - window if first > date.min + window else date.min,
            last + window if last < date.max - window else date.max)


# The touched quotes' stored rows (a tuple each: tens of thousands can be read per add).
_TOUCHED_SQL = "SELECT g.quote_id, g.group_id, g.reason FROM statement_groups g JOIN touched USING (quote_id)"


@dataclass(frozen=True)
class Placement:
    """What an add writes: stored groups renamed (old id -> new), stored members' new reasons, the new rows."""

    renamed: dict[str, str]
    reasons: dict[str, str]
    rows: list[tuple[str, str, str | None]]  # (quote_id, group_id, reason) of each new quote


def merge(links: Sequence[Link], new: Sequence[str], member_of: dict[str, tuple[str, str | None]]) -> Placement:
    """Where the links put the `new` quotes and the stored groups they join.

    `member_of` gives the stored (group, reason) of each stored quote a link touches. A group is named by its
    smallest quote id, so merged groups take the smallest of their names and the new quotes' ids; a stored member
    keeps its reason unless it had none, so only the members a link touches can change besides their group's name.
    A quote gets a reason only from a link, so its group holds two reports."""
    sets = SmallestRoot()
    best: dict[str, tuple[int, str]] = {}

    def node(q: str) -> str:
        return member_of[q][0] if q in member_of else q

    for link in links:
        sets.union(node(link.a), node(link.b))
        for q in (link.a, link.b):
            if q not in best or link.strength > best[q][0]:
                best[q] = (link.strength, link.reason)
    groups = {g for g, _ in member_of.values()}
    renamed = {g: sets.find(g) for g in sorted(groups) if sets.find(g) != g}
    reasons = {q: best[q][1] for q, (_, reason) in member_of.items() if reason is None and q in best}
    rows = [(q, sets.find(q), best[q][1] if q in best else None) for q in new]
    return Placement(renamed, reasons, rows)


def add_statements(con: duckdb.DuckDBPyConnection, quote_ids: Sequence[str]) -> tuple[int, list[str]]:
    """Group these (ungrouped) quotes with the stored statements; return how many quotes were placed, and the stored
    groups merged into others (their ids are gone)."""
    from pressdesk.story.build import reports_of

    if not quote_ids:
        return 0, []
    new = reports_of(con, list(quote_ids))
    old = reports_of(con, neighbours(con, new)) if new else []
    links = links_to_new(new, old)
    touched = sorted({q for link in links for q in (link.a, link.b)} - set(quote_ids))
    with store.reading(con, touched=pd.DataFrame({"quote_id": pd.Series(touched, dtype=object)})) as cur:
        member_of = {q: (g, reason) for q, g, reason in cur.execute(_TOUCHED_SQL).fetchall()}
    placed = merge(links, [r.quote_id for r in new], member_of)
    speaker = {r.quote_id: r.speaker for r in new}
    frames = {
        "stale_groups": pd.DataFrame({"group_id": pd.Series(sorted({g for g, _ in member_of.values()}), dtype=object)}),
        "renamed_groups": pd.DataFrame({"old": pd.Series(list(placed.renamed), dtype=object),
                                        "new": pd.Series(list(placed.renamed.values()), dtype=object)}),
        "new_reasons": pd.DataFrame({"quote_id": pd.Series(list(placed.reasons), dtype=object),
                                     "reason": pd.Series(list(placed.reasons.values()), dtype=object)}),
        "new_groups": _rows([(q, g, speaker[q], reason) for q, g, reason in placed.rows]),
    }
    # stored rows are updated in place, a merged group's members by its name in one statement (a delete and insert
    # would rewrite the key index: 0.7 s for 50k rows at 100k articles); a member keeps the speaker its quote has now
    with store.writing(con, **frames) as w:
        w.execute("UPDATE statement_groups SET speaker = q.speaker FROM quotes q WHERE statement_groups.quote_id ="
                  " q.quote_id AND statement_groups.speaker IS DISTINCT FROM q.speaker"
                  " AND statement_groups.group_id IN (SELECT group_id FROM stale_groups)")
        w.execute("UPDATE statement_groups SET reason = r.reason FROM new_reasons r"
                  " WHERE statement_groups.quote_id = r.quote_id")
        w.execute("UPDATE statement_groups SET group_id = r.new FROM renamed_groups r"
                  " WHERE statement_groups.group_id = r.old")
        w.execute("DELETE FROM statement_groups WHERE quote_id IN (SELECT quote_id FROM new_groups)")
        w.execute("INSERT INTO statement_groups (quote_id, group_id, speaker, reason)"
                  " SELECT quote_id, group_id, speaker, reason FROM new_groups")
    return len(new), sorted(placed.renamed)


def _rows(rows: list[tuple]) -> pd.DataFrame:
    """(quote_id, group_id, speaker, reason) rows as a frame of strings (None kept)."""
    columns = ["quote_id", "group_id", "speaker", "reason"]
    return pd.DataFrame({name: pd.Series(values, dtype=object)
                         for name, values in zip(columns, zip(*rows, strict=True) if rows else [()] * 4, strict=True)})
