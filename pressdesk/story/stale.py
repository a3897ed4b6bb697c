"""Which speakers an add leaves with stale statement groups, read from the rows it touched (the added articles'
quotes, the names merge_speakers renamed) rather than by comparing every quote with its stored group."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

# Speakers regrouped in full: a grouped quote renamed, removed or extracted again. Quotes never grouped are added.
EVERY_ROW_SQL = """
SELECT q.speaker FROM quotes q JOIN statement_groups g USING (quote_id)
WHERE g.speaker IS DISTINCT FROM q.speaker OR list_contains(?, q.article_id)
UNION SELECT g.speaker FROM statement_groups g LEFT JOIN quotes q USING (quote_id)
WHERE q.quote_id IS NULL OR g.speaker IS DISTINCT FROM q.speaker
"""

# The same question asked of the touched rows only: the added articles' quotes and the rows grouped under a renamed
# name (merge_speakers renames every quote of a name, so those are all the renamed rows).
_TOUCHED_SQL = """
WITH touched AS (SELECT quote_id FROM quotes WHERE list_contains($ids, article_id)
                 UNION SELECT quote_id FROM statement_groups WHERE list_contains($renamed, speaker))
SELECT q.speaker FROM touched JOIN quotes q USING (quote_id) JOIN statement_groups g USING (quote_id)
WHERE g.speaker IS DISTINCT FROM q.speaker OR list_contains($ids, q.article_id)
UNION SELECT g.speaker FROM touched JOIN statement_groups g USING (quote_id) JOIN quotes q USING (quote_id)
WHERE g.speaker IS DISTINCT FROM q.speaker
"""

# Grouped quotes whose quote is gone: with every other quote grouped, groups minus quotes plus the added articles'
# quotes not grouped yet (counts are kept by the tables, so this reads only the added articles' rows).
_REMOVED_SQL = """
SELECT (SELECT count(*) FROM statement_groups) - (SELECT count(*) FROM quotes)
     + (SELECT count(*) FROM quotes q ANTI JOIN statement_groups g USING (quote_id)
        WHERE list_contains(?, q.article_id))
"""


def stale_speakers(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                   renamed: Sequence[str] | None) -> list[str | None] | None:
    """The speakers to regroup in full after these articles were extracted and `renamed` names merged, or None when
    every row must be checked (renames unknown, or quotes were removed or left ungrouped by a stopped run).

    Complete because quotes change only when articles are extracted (these) and when merge_speakers renames names
    (these), a refresh that stopped leaves the flag that makes the next one check every row, and the counts show
    no quote outside the add was removed or left ungrouped."""
    if renamed is None:
        return None
    cur = con.cursor()
    if cur.execute(_REMOVED_SQL, [list(article_ids)]).fetchone()[0] != 0:
        return None
    return [r[0] for r in cur.execute(_TOUCHED_SQL, {"ids": list(article_ids), "renamed": list(renamed)}).fetchall()]


def every_stale_speaker(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[str | None]:
    """The speakers to regroup in full, found by comparing every stored group with its quote."""
    return [r[0] for r in con.cursor().execute(EVERY_ROW_SQL, [list(article_ids)]).fetchall()]
