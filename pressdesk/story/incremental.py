"""New quotes join the statement groups already stored: they are compared with the same speaker's reports within
the date window, and the groups they link are merged, so adding articles costs what they hold, not the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

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
    quotes = [r[0] for r in cur.execute(f"SELECT quote_id FROM quotes WHERE {named} AND list_contains(?, article_id)"
                                        " ORDER BY quote_id", [list(article_ids)]).fetchall()]
    grouped = {r[0] for r in cur.execute("SELECT quote_id FROM statement_groups WHERE list_contains(?, quote_id)",
                                         [quotes]).fetchall()}
    return [q for q in quotes if q not in grouped]


def neighbours(con: duckdb.DuckDBPyConnection, new: Sequence[Report], per_report: int = 2 * MAX_FOLLOWING) -> list[str]:
    """Grouped quotes a new report can link to: its speaker's, within the date window (or undated), the
    `per_report` closest in date for each new report, as a full grouping compares each report with its neighbours."""
    frame = pd.DataFrame([(r.quote_id, r.speaker, r.day) for r in new], columns=["new_id", "speaker", "new_day"])
    frame["new_day"] = pd.to_datetime(frame["new_day"])
    cur = con.cursor()
    cur.register("new_reports", frame)
    try:
        return [r[0] for r in cur.execute(
            # pairs within the window first, then kept when grouped (joining every quote with its group first
            # cost more than the pairs)
            """WITH near AS (
                   SELECT q.quote_id, n.new_id, coalesce(q.said_on, a.published) AS day, n.new_day::DATE AS new_day
                   FROM new_reports n JOIN quotes q ON q.speaker = n.speaker JOIN articles a USING (article_id)
                   WHERE q.speaker_type IS DISTINCT FROM 'unnamed'
                     AND (n.new_day IS NULL OR coalesce(q.said_on, a.published) IS NULL
                          OR abs(date_diff('day', coalesce(q.said_on, a.published), n.new_day::DATE)) <= ?)),
               pairs AS (
                   SELECT quote_id, row_number() OVER (PARTITION BY new_id ORDER BY
                              coalesce(abs(date_diff('day', day, new_day)), 0), quote_id) AS rank
                   FROM near SEMI JOIN statement_groups g USING (quote_id))
               SELECT DISTINCT quote_id FROM pairs WHERE rank <= ? ORDER BY quote_id""",
            [WINDOW_DAYS, int(per_report)]).fetchall()]
    finally:
        cur.unregister("new_reports")


# The stored members of every group one of these quotes belongs to, and whether each is stored under the name its
# quote now has (a row whose group is unchanged is then left as it is).
_MEMBERS_SQL = """
SELECT g.quote_id, g.group_id, g.reason, coalesce(q.said_on, a.published), q.speaker,
       g.speaker IS NOT DISTINCT FROM q.speaker
FROM statement_groups g JOIN quotes q USING (quote_id) JOIN articles a USING (article_id)
WHERE g.group_id IN (SELECT group_id FROM statement_groups WHERE quote_id IN (SELECT quote_id FROM touched))
"""


class Stored(NamedTuple):
    """A stored member of a group a new quote links to (a tuple: tens of thousands are read per add)."""

    group_id: str
    reason: str | None
    day: date | None
    speaker: str | None  # its quote's present speaker
    current: bool  # stored under that speaker


def merge(links: Sequence[Link], new: dict[str, date | None], stored: dict[str, Stored]) -> list[tuple]:
    """The rows (quote_id, group_id, reason) of every group a new quote ends up in.

    `new` gives each new quote's date, `stored` the stored members of the groups the links touch. A merged group is
    named by its earliest report; a member keeps its stored reason unless it had none."""
    sets = SmallestRoot()
    best: dict[str, tuple[int, str]] = {}

    def group(q: str) -> str:
        member = stored.get(q)
        return member.group_id if member else q

    for link in links:
        sets.union(group(link.a), group(link.b))
        for q in (link.a, link.b):
            if q not in best or link.strength > best[q][0]:
                best[q] = (link.strength, link.reason)
    members: dict[str, dict[str, None]] = {}
    for q in [*new, *stored]:
        members.setdefault(sets.find(group(q)), {})[q] = None
    rows = []
    for quotes in members.values():
        first = min(quotes, key=lambda q: ((stored[q].day if q in stored else new[q]) or date.max, q))
        for q in quotes:
            reason = stored[q].reason if q in stored else None
            if reason is None and len(quotes) > 1 and q in best:
                reason = best[q][1]
            rows.append((q, first, reason))
    return rows


def add_statements(con: duckdb.DuckDBPyConnection, quote_ids: Sequence[str]) -> int:
    """Group these (ungrouped) quotes with the stored statements; return how many quotes were placed."""
    from pressdesk.story.build import reports_of

    if not quote_ids:
        return 0
    new = reports_of(con, list(quote_ids))
    old = reports_of(con, neighbours(con, new)) if new else []
    links = links_to_new(new, old)
    touched = sorted({q for link in links for q in (link.a, link.b)} - set(quote_ids))
    cur = con.cursor()
    cur.register("touched", pd.DataFrame({"quote_id": pd.Series(touched, dtype=object)}))
    try:
        stored = {r[0]: Stored._make(r[1:]) for r in cur.execute(_MEMBERS_SQL).fetchall()}
    finally:
        cur.unregister("touched")
    rows = merge(links, {r.quote_id: r.day for r in new}, stored)
    speaker = {r.quote_id: r.speaker for r in new}
    # a member whose group, reason and name are unchanged is not written again
    changed = [(q, g, stored[q].speaker if q in stored else speaker[q], reason) for q, g, reason in rows
               if q not in stored or not stored[q].current or (stored[q].group_id, stored[q].reason) != (g, reason)]
    # stored members are updated in place (a delete and insert would rewrite the key index: 0.7 s for 50k rows at
    # 100k articles, against 0.04 s), new quotes inserted
    moved = _rows([r for r in changed if r[0] in stored])
    added = _rows([r for r in changed if r[0] not in stored])
    with store.writing(con, moved_groups=moved, new_groups=added) as w:
        w.execute("UPDATE statement_groups SET group_id = m.group_id, speaker = m.speaker, reason = m.reason"
                  " FROM moved_groups m WHERE statement_groups.quote_id = m.quote_id")
        w.execute("DELETE FROM statement_groups WHERE quote_id IN (SELECT quote_id FROM new_groups)")
        w.execute("INSERT INTO statement_groups (quote_id, group_id, speaker, reason)"
                  " SELECT quote_id, group_id, speaker, reason FROM new_groups")
    return len(new)


def _rows(rows: list[tuple]) -> pd.DataFrame:
    """(quote_id, group_id, speaker, reason) rows as a frame of strings (None kept)."""
    columns = ["quote_id", "group_id", "speaker", "reason"]
    return pd.DataFrame({name: pd.Series(values, dtype=object)
                         for name, values in zip(columns, zip(*rows, strict=True) if rows else [()] * 4, strict=True)})
