"""Queries behind "one story across languages": statement groups with their reports, paged in DuckDB, and the
articles that ran the same wire copy as an article."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from pressdesk.store import digest

GROUP_ORDERS = {"newest": "last_day DESC NULLS LAST, group_id",
                "oldest": "first_day ASC NULLS LAST, group_id",
                "most reported": "reports DESC, languages_n DESC, last_day DESC NULLS LAST, group_id"}

# Every statement any of whose reports matches the filters (the first step, left out when nothing is filtered).
_HIT = """hit AS (
    SELECT DISTINCT coalesce(g.group_id, q.quote_id) AS group_id
    FROM quotes q JOIN articles a USING (article_id) LEFT JOIN statement_groups g USING (quote_id)
    WHERE (? IS NULL OR list_contains(?, q.speaker))
      AND (? IS NULL OR list_contains(?, q.speaker_type))
      AND (? IS NULL OR list_contains(?, q.kind))
      AND (? IS NULL OR list_contains(?, q.language))
      AND (? IS NULL OR q.said_on >= ?)
      AND (? IS NULL OR q.said_on <= ?)
      AND (? IS NULL OR q.text ILIKE '%' || ? || '%' OR q.speaker ILIKE '%' || ? || '%')
      AND (? IS NULL OR q.article_id = ?)),"""
_HIT_PARAMS = _HIT.count("?")
# What ordering and paging need, for every matching statement: computed from its reports, or read from the digest
# kept at write time (pressdesk.store.digest) when nothing is filtered.
_LIGHT = """keys AS MATERIALIZED (
    SELECT coalesce(g.group_id, q.quote_id) AS group_id, coalesce(q.language, a.language) AS language,
           coalesce(q.said_on, a.published) AS day
    FROM quotes q JOIN articles a USING (article_id) LEFT JOIN statement_groups g USING (quote_id)
    WHERE {matching} AND (? IS NULL OR q.article_id = ?)),
light AS (
    SELECT group_id, min(day) AS first_day, max(day) AS last_day, count(*) AS reports,
           count(DISTINCT language) AS languages_n
    FROM keys GROUP BY group_id),"""
_LIGHT_PARAMS = _LIGHT.count("?")  # the digest replaces `keys` and `light`, and these parameters with them
_DIGEST_LIGHT = "light AS (SELECT group_id, first_day, last_day, reports, languages_n FROM statement_digest),"
_PAGE_AND_ITEMS = """page AS (
    SELECT group_id, count(*) OVER () AS _total FROM light WHERE (? IS NULL OR reports >= ?)
    ORDER BY {order} LIMIT ? OFFSET ?),
grouped AS (  -- each report in full, for the page's statements only
    SELECT group_id, any_value(speaker ORDER BY day NULLS LAST, quote_id) AS speaker, min(day) AS first_day,
           max(day) AS last_day, count(*) AS reports, count(DISTINCT article_id) AS articles,
           count(DISTINCT language) AS languages_n,
           list(DISTINCT language ORDER BY language) FILTER (WHERE language IS NOT NULL) AS languages,
           list(DISTINCT publisher ORDER BY publisher) AS outlets,
           any_value(reason ORDER BY length(reason) DESC) FILTER (WHERE reason IS NOT NULL) AS reason,
           list({'quote_id': quote_id, 'article_id': article_id, 'language': language, 'kind': kind, 'text': text,
                 'said_on': said_on, 'day': day, 'publisher': publisher, 'title': title, 'url': url, 'via': via,
                 'speaker_role': speaker_role, 'reason': reason}
                ORDER BY day NULLS LAST, language, article_id, quote_id) AS items
    FROM (SELECT coalesce(g.group_id, q.quote_id) AS group_id, q.quote_id, q.article_id, q.speaker, q.speaker_role,
                 q.kind, q.text, coalesce(q.language, a.language) AS language, q.said_on, q.via,
                 coalesce(q.said_on, a.published) AS day, coalesce(a.publisher, a.source, '(unknown)') AS publisher,
                 a.title, a.url, g.reason
          FROM quotes q JOIN articles a USING (article_id) LEFT JOIN statement_groups g USING (quote_id)
          WHERE {in_page} AND (? IS NULL OR q.article_id = ?))
    GROUP BY group_id)
SELECT * FROM (SELECT grouped.*, page._total FROM grouped JOIN page USING (group_id)) ORDER BY {order}
"""
_IN_PAGE = "coalesce(g.group_id, q.quote_id) IN (SELECT group_id FROM page)"
_GROUPS_SQL = "WITH " + _HIT + _LIGHT.format(matching="coalesce(g.group_id, q.quote_id) IN (SELECT group_id FROM hit)") + _PAGE_AND_ITEMS.replace("{in_page}", _IN_PAGE)
_ALL_GROUPS_SQL = "WITH " + _LIGHT.format(matching="TRUE") + _PAGE_AND_ITEMS.replace(
    "{in_page}", _IN_PAGE)  # every statement matches: no need to find which (the first view)
# the same from the digest: a statement's members are found by its group, before the joins
_DIGEST_GROUPS_SQL = "WITH " + _DIGEST_LIGHT + _PAGE_AND_ITEMS.replace(
    "{in_page}", "g.group_id IN (SELECT group_id FROM page)")


def statement_groups(
    con: duckdb.DuckDBPyConnection,
    speakers: list[str] | None = None,
    speaker_types: list[str] | None = None,
    kinds: list[str] | None = None,
    languages: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
    text: str | None = None,
    article: str | None = None,
    min_reports: int | None = None,
    order: str = "newest",
    limit: int = 20,
    offset: int = 0,
) -> tuple[pd.DataFrame, int]:
    """One row per statement (a group of reports of it) any of whose reports matches the filters, with every
    report (`items`: dicts in date order; only the article's when `article` is given), its languages, outlets and
    why they were grouped; a page and the total."""
    text = text or None
    filters = [speakers, speaker_types, kinds, languages, start, end, text, article]
    params = [speakers, speakers, speaker_types, speaker_types, kinds, kinds, languages, languages, start, start,
              end, end, text, text, text, article, article, article, article, min_reports, min_reports, int(limit),
              max(0, int(offset)), article, article]
    sql = _GROUPS_SQL
    if all(f is None for f in filters):  # every statement matches: no need to find which
        sql, params = _ALL_GROUPS_SQL, params[_HIT_PARAMS:]
        if digest.ready(con):
            sql, params = _DIGEST_GROUPS_SQL, params[_LIGHT_PARAMS:]
    sql = sql.replace("{order}", GROUP_ORDERS.get(order, GROUP_ORDERS["newest"]))
    frame = con.cursor().execute(sql, params).df(date_as_object=True)
    total = int(frame["_total"].iloc[0]) if len(frame) else 0
    frame = frame.drop(columns="_total")
    for col in ("languages", "outlets", "items"):
        frame[col] = frame[col].map(lambda v: list(v) if v is not None and not isinstance(v, float) else [])
    return frame, total


def group_summary(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many statements were reported more than once, and in more than one language."""
    row = con.cursor().execute("""
        SELECT count(*) FILTER (WHERE n > 1), count(*) FILTER (WHERE langs > 1), count(*)
        FROM (SELECT g.group_id, count(*) AS n, count(DISTINCT q.language) AS langs
              FROM statement_groups g JOIN quotes q USING (quote_id) GROUP BY g.group_id)""").fetchone()
    return {"grouped": row[0], "multilingual": row[1], "statements": row[2]}


def wire_related(con: duckdb.DuckDBPyConnection, article_id: str, days: int = 2, limit: int = 20) -> pd.DataFrame:
    """Articles related to this one by wire copy: the same text (near-identical), a credit to the same agency within
    `days` of it, or the same statements reported; strongest first. Columns: article_id, title, publisher,
    language, published, relation, detail."""
    return con.cursor().execute("""
        WITH me AS (SELECT article_id, published FROM articles WHERE article_id = ?),
        copies AS (
            SELECT CASE WHEN w.article_id = me.article_id THEN w.other_id ELSE w.article_id END AS other,
                   1 AS rank, 'same wire copy' AS relation,
                   w.reason || coalesce(' · both credit ' || w.agency, '') AS detail
            FROM wire_copies w, me WHERE me.article_id IN (w.article_id, w.other_id)),
        agency AS (
            SELECT o.article_id AS other, 2 AS rank, 'same agency' AS relation,
                   'both credit ' || string_agg(DISTINCT o.agency, ', ') ||
                   coalesce(' · ' || CASE WHEN min(abs(date_diff('day', me.published, a.published))) = 0
                                          THEN 'same day'
                                          ELSE min(abs(date_diff('day', me.published, a.published))) || ' day(s) apart'
                                     END, '') AS detail
            FROM me JOIN wire_credits mine ON mine.article_id = me.article_id
            JOIN wire_credits o ON o.agency = mine.agency AND o.article_id <> me.article_id
            JOIN articles a ON a.article_id = o.article_id
            WHERE me.published IS NOT NULL AND a.published IS NOT NULL
              AND abs(date_diff('day', me.published, a.published)) <= ?
            GROUP BY o.article_id),
        statements AS (
            SELECT q2.article_id AS other, 3 AS rank, 'same statements' AS relation,
                   count(DISTINCT g.group_id) || ' statement(s) reported in both: ' ||
                   string_agg(DISTINCT q2.speaker, ', ') AS detail
            FROM me JOIN quotes q1 ON q1.article_id = me.article_id
            JOIN statement_groups g ON g.quote_id = q1.quote_id
            JOIN statement_groups g2 ON g2.group_id = g.group_id AND g2.quote_id <> g.quote_id
            JOIN quotes q2 ON q2.quote_id = g2.quote_id AND q2.article_id <> me.article_id
            GROUP BY q2.article_id),
        every AS (SELECT * FROM copies UNION ALL SELECT * FROM agency UNION ALL SELECT * FROM statements)
        SELECT a.article_id, a.title, coalesce(a.publisher, a.source) AS publisher, a.language, a.published,
               arg_min(e.relation, e.rank) AS relation, string_agg(e.detail, ' · ' ORDER BY e.rank) AS detail
        FROM every e JOIN articles a ON a.article_id = e.other
        GROUP BY ALL ORDER BY min(e.rank), a.published DESC NULLS LAST, a.article_id LIMIT ?""",
        [article_id, days, limit]).df(date_as_object=True)


def credits_of(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """The agencies an article credits, with the crediting words."""
    return con.cursor().execute("SELECT agency, evidence FROM wire_credits WHERE article_id = ? ORDER BY agency",
                                [article_id]).df()
