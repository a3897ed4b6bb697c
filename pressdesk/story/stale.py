"""Which speakers an add leaves with stale statement groups, read from the rows it touched (the added articles'
quotes, the names merge_speakers renamed) rather than by comparing every quote with its stored group."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from pressdesk.store import among

# Speakers regrouped in full: a grouped quote renamed, removed or extracted again. Quotes never grouped are added.
EVERY_ROW_SQL = f"""
SELECT q.speaker FROM quotes q JOIN statement_groups g USING (quote_id)
WHERE g.speaker IS DISTINCT FROM q.speaker OR {among('q.article_id')}
UNION SELECT g.speaker FROM statement_groups g LEFT JOIN quotes q USING (quote_id)
WHERE q.quote_id IS NULL OR g.speaker IS DISTINCT FROM q.speaker
"""


def stale_speakers(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                   renamed: Sequence[str] | None) -> list[str | None] | None:
    """The speakers to regroup in full after these articles were extracted and `renamed` names merged, or None when
    every row must be checked (renames unknown, or quotes were removed or left ungrouped by a stopped run).

    Complete because quotes change only when articles are extracted (these) and when merge_speakers renames names
    (every quote of a name: these), a refresh that stopped leaves the flag that makes the next one check every row,
    and the counts show no quote outside the add was removed or left ungrouped."""
    if renamed is None:
        return None
    cur = con.cursor()
    ids = list(article_ids)
    added = [r[0] for r in cur.execute(f"SELECT quote_id FROM quotes WHERE {among('article_id')}", [ids])
             .fetchall()]
    regrouped = [r[0] for r in cur.execute(  # the added articles' quotes already grouped: extracted again
        "SELECT quote_id FROM statement_groups WHERE list_contains(?, quote_id)", [added]).fetchall()]
    groups, quotes = cur.execute(
        "SELECT (SELECT count(*) FROM statement_groups), (SELECT count(*) FROM quotes)").fetchone()
    if groups - quotes + len(added) - len(regrouped) != 0:  # grouped quotes removed, if every other one is grouped
        return None
    touched = regrouped + ([r[0] for r in cur.execute(
        f"SELECT quote_id FROM statement_groups WHERE {among('speaker')}", [list(renamed)]).fetchall()]
        if renamed else [])
    if not touched:
        return []
    wanted = set(ids)
    out: set[str | None] = set()
    for now, was, article in cur.execute(
            "SELECT q.speaker, g.speaker, q.article_id FROM quotes q JOIN statement_groups g USING (quote_id)"
            " WHERE list_contains(?, q.quote_id)", [touched]).fetchall():
        if now != was or article in wanted:  # as EVERY_ROW_SQL, row by row
            out.add(now)
        if now != was:
            out.add(was)
    return list(out)


def every_stale_speaker(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[str | None]:
    """The speakers to regroup in full, found by comparing every stored group with its quote."""
    return [r[0] for r in con.cursor().execute(EVERY_ROW_SQL, [list(article_ids)]).fetchall()]
