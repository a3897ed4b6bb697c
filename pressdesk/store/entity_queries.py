"""Queries behind the entity pages (a person, organisation or country): aggregated, filtered and paged in DuckDB."""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from pressdesk.entities import fold, load_gazetteer

_RE2_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")
MIN_ALIAS = 4  # shorter aliases ("US", "UN") would match ordinary words once folded


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.cursor().execute(sql, params).df(date_as_object=True)


def names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every named speaker and event actor, with its type and how often it is quoted or on the timeline."""
    return _df(con, """
        WITH said AS (SELECT speaker AS name, any_value(speaker_type) AS type, count(*) AS quotes FROM quotes
                      WHERE speaker IS NOT NULL AND speaker_type <> 'unnamed' GROUP BY speaker),
             acted AS (SELECT name, any_value(type) AS type, count(*) AS events
                       FROM (SELECT unnest(actors) AS name, unnest(actor_types) AS type FROM events) GROUP BY name)
        SELECT coalesce(s.name, a.name) AS name, coalesce(s.type, a.type) AS type,
               coalesce(s.quotes, 0) AS quotes, coalesce(a.events, 0) AS events
        FROM said s FULL JOIN acted a ON s.name = a.name
        ORDER BY coalesce(s.quotes, 0) + coalesce(a.events, 0) DESC, name""", [])


def alias_pattern(name: str) -> str | None:
    """An RE2 pattern for the entity's folded name and gazetteer aliases as whole words (None: nothing to match)."""
    entity = load_gazetteer().by_canonical.get(name)
    forms = {fold(a) for a in ((entity.canonical, *entity.aliases) if entity else (name,))}
    forms = sorted((f for f in forms if len(f) >= MIN_ALIAS), key=len, reverse=True)
    if not forms:
        return None
    return r"\b(?:" + "|".join(_RE2_SPECIAL.sub(r"\\\1", f) for f in forms) + r")\b"


def statements(con: duckdb.DuckDBPyConnection, name: str, article: str | None = None,
               limit: int = 200, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """What the entity said, oldest first (undated last), one page of it and the total."""
    frame = _df(con, """
        SELECT q.quote_id, q.article_id, q.text, q.kind, q.cue, q.said_on, q.language, q.speaker, q.speaker_role,
               q.via, coalesce(a.publisher, a.source) AS publisher, a.title, a.url, a.published,
               count(*) OVER () AS _total
        FROM quotes q JOIN articles a USING (article_id)
        WHERE q.speaker = ? AND (? IS NULL OR q.article_id = ?)
        ORDER BY q.said_on NULLS LAST, a.published NULLS LAST, q.article_id, q.start_char
        LIMIT ? OFFSET ?""", [name, article, article, limit, offset])
    total = int(frame["_total"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="_total"), total


def statements_over_time(con: duckdb.DuckDBPyConnection, name: str, article: str | None = None) -> pd.DataFrame:
    """Quotes per day and language (dated ones), for the chart: already aggregated."""
    return _df(con, """
        SELECT said_on AS day, language, count(*) AS quotes FROM quotes
        WHERE speaker = ? AND said_on IS NOT NULL AND (? IS NULL OR article_id = ?)
        GROUP BY ALL ORDER BY day""", [name, article, article])


def timeline_events(con: duckdb.DuckDBPyConnection, name: str, article: str | None = None,
                    limit: int = 50) -> tuple[pd.DataFrame, int]:
    """Events the entity takes part in, in date order, and how many there are."""
    frame = _df(con, """
        SELECT e.event_id, e.cluster_id, e.article_id, e.date_text, e.date_start, e.date_end, e.precision,
               e.year_known, e.month, e.day, e.summary, coalesce(a.publisher, a.source) AS publisher, a.language, a.url,
               count(*) OVER () AS _total
        FROM events e JOIN articles a USING (article_id)
        WHERE list_contains(e.actors, ?) AND (? IS NULL OR e.article_id = ?)
        ORDER BY e.year_known DESC, e.date_start, e.month, e.day, a.published LIMIT ?""", [name, article, article, limit])
    total = int(frame["_total"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="_total"), total


def mentioning_articles(con: duckdb.DuckDBPyConnection, name: str, limit: int = 50) -> tuple[pd.DataFrame, int]:
    """Articles that quote it, put it on the timeline, or name it (any alias, accents folded), newest first."""
    pattern = alias_pattern(name)
    frame = _df(con, """
        WITH hits AS (
            SELECT article_id, count(*) AS quotes, 0 AS events FROM quotes WHERE speaker = ? GROUP BY article_id
            UNION ALL
            SELECT article_id, 0, count(*) FROM events WHERE list_contains(actors, ?) GROUP BY article_id
            UNION ALL
            SELECT article_id, 0, 0 FROM articles
            WHERE ? IS NOT NULL AND regexp_matches(strip_accents(lower(coalesce(title, '') || ' ' || text)), ?))
        SELECT a.article_id, a.title, coalesce(a.publisher, a.source) AS publisher, a.language, a.published, a.url,
               sum(h.quotes)::INTEGER AS quotes, sum(h.events)::INTEGER AS events, count(*) OVER () AS _total
        FROM hits h JOIN articles a USING (article_id)
        GROUP BY ALL ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ?""",
        [name, name, pattern, pattern or "", limit])
    total = int(frame["_total"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="_total"), total


def quoted_alongside(con: duckdb.DuckDBPyConnection, name: str, limit: int = 15) -> pd.DataFrame:
    """Other named speakers quoted in the same articles, by how many articles they share."""
    return _df(con, """
        SELECT q.speaker AS name, any_value(q.speaker_type) AS type, count(DISTINCT q.article_id) AS articles,
               count(*) AS quotes
        FROM quotes q
        WHERE q.article_id IN (SELECT article_id FROM quotes WHERE speaker = ?)
          AND q.speaker IS NOT NULL AND q.speaker <> ? AND q.speaker_type <> 'unnamed'
        GROUP BY q.speaker ORDER BY articles DESC, quotes DESC, name LIMIT ?""", [name, name, limit])
