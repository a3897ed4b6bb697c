"""New quotes join the statement groups already stored: they are compared with the same speaker's reports within
the date window, and the groups they link are merged, so adding articles costs what they hold, not the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb
import pandas as pd

from pressdesk import store
from pressdesk.story.statements import MAX_FOLLOWING, WINDOW_DAYS, Link, Report, links_to_new
from pressdesk.unionfind import SmallestRoot


def ungrouped(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Quotes with a named speaker that no statement group holds yet."""
    return [r[0] for r in con.cursor().execute(
        "SELECT q.quote_id FROM quotes q LEFT JOIN statement_groups g USING (quote_id)"
        " WHERE g.quote_id IS NULL AND q.speaker IS NOT NULL AND q.speaker_type IS DISTINCT FROM 'unnamed'"
        " ORDER BY q.quote_id").fetchall()]


def neighbours(con: duckdb.DuckDBPyConnection, new: Sequence[Report], per_report: int = 2 * MAX_FOLLOWING) -> list[str]:
    """Grouped quotes a new report can link to: its speaker's, within the date window (or undated), the
    `per_report` closest in date for each new report, as a full grouping compares each report with its neighbours."""
    frame = pd.DataFrame([(r.quote_id, r.speaker, r.day) for r in new], columns=["new_id", "speaker", "new_day"])
    frame["new_day"] = pd.to_datetime(frame["new_day"])
    cur = con.cursor()
    cur.register("new_reports", frame)
    try:
        return [r[0] for r in cur.execute(
            """WITH pairs AS (
                   SELECT q.quote_id, n.new_id,
                          row_number() OVER (PARTITION BY n.new_id ORDER BY
                              coalesce(abs(date_diff('day', coalesce(q.said_on, a.published), n.new_day::DATE)), 0),
                              q.quote_id) AS rank
                   FROM new_reports n JOIN quotes q ON q.speaker = n.speaker JOIN articles a USING (article_id)
                   JOIN statement_groups g ON g.quote_id = q.quote_id
                   WHERE q.speaker_type IS DISTINCT FROM 'unnamed'
                     AND (n.new_day IS NULL OR coalesce(q.said_on, a.published) IS NULL
                          OR abs(date_diff('day', coalesce(q.said_on, a.published), n.new_day::DATE)) <= ?))
               SELECT DISTINCT quote_id FROM pairs WHERE rank <= ? ORDER BY quote_id""",
            [WINDOW_DAYS, int(per_report)]).fetchall()]
    finally:
        cur.unregister("new_reports")


def merge(links: Sequence[Link], new_ids: Sequence[str], groups: pd.DataFrame) -> pd.DataFrame:
    """The rows (quote_id, group_id, reason) of every group a new quote ends up in.

    `groups` holds the stored members (quote_id, group_id, reason, day) of the groups the links touch. A merged
    group is named by its earliest report; a member keeps its stored reason unless it had none."""
    sets = SmallestRoot()
    group_of = dict(zip(groups["quote_id"], groups["group_id"], strict=True))
    best: dict[str, tuple[int, str]] = {}
    for link in links:
        sets.union(group_of.get(link.a, link.a), group_of.get(link.b, link.b))
        for q in (link.a, link.b):
            if q not in best or link.strength > best[q][0]:
                best[q] = (link.strength, link.reason)
    day = {q: pd.Timestamp(d).date() for q, d in zip(groups["quote_id"], groups["day"], strict=True) if pd.notna(d)}
    stored = dict(zip(groups["quote_id"], groups["reason"], strict=True))
    members: dict[str, list[str]] = {}
    for q in [*new_ids, *groups["quote_id"]]:
        members.setdefault(sets.find(group_of.get(q, q)), []).append(q)
    rows = []
    for quotes in members.values():
        quotes = list(dict.fromkeys(quotes))
        first = min(quotes, key=lambda q: (day.get(q) or date.max, q))
        for q in quotes:
            reason = stored.get(q) if isinstance(stored.get(q), str) else None
            if reason is None and len(quotes) > 1 and q in best:
                reason = best[q][1]
            rows.append((q, first, reason))
    return pd.DataFrame(rows, columns=["quote_id", "group_id", "reason"])


def add_statements(con: duckdb.DuckDBPyConnection, quote_ids: Sequence[str]) -> int:
    """Group these (ungrouped) quotes with the stored statements; return how many quotes were placed."""
    from pressdesk.story.build import reports_of

    if not quote_ids:
        return 0
    new = reports_of(con, list(quote_ids))
    old = reports_of(con, neighbours(con, new)) if new else []
    links = links_to_new(new, old)
    touched = sorted({q for link in links for q in (link.a, link.b)} - set(quote_ids))
    groups = con.cursor().execute(
        """SELECT g.quote_id, g.group_id, g.reason, coalesce(q.said_on, a.published) AS day
           FROM statement_groups g JOIN quotes q USING (quote_id) JOIN articles a USING (article_id)
           WHERE g.group_id IN (SELECT group_id FROM statement_groups WHERE list_contains(?, quote_id))""",
        [touched]).df(date_as_object=True)
    new_days = pd.DataFrame([(r.quote_id, None, None, r.day) for r in new],
                            columns=["quote_id", "group_id", "reason", "day"])
    rows = merge(links, [r.quote_id for r in new],
                 pd.concat([groups, new_days[~new_days["quote_id"].isin(groups["quote_id"])]], ignore_index=True)
                 .assign(group_id=lambda f: f["group_id"].fillna(f["quote_id"])))
    with store.writing(con, new_groups=rows) as w:
        w.execute("DELETE FROM statement_groups WHERE quote_id IN (SELECT quote_id FROM new_groups)")
        w.execute("INSERT INTO statement_groups (quote_id, group_id, speaker, reason)"
                  " SELECT n.quote_id, n.group_id, q.speaker, n.reason FROM new_groups n JOIN quotes q USING (quote_id)")
    return len(new)
