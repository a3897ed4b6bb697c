"""Parameterised read queries the pages use (no string-built SQL with user values)."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pandas as pd

from pressdesk.store import among


def df(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    """Run a parameterised query and return a DataFrame (a fresh cursor keeps threads apart)."""
    return con.cursor().execute(sql, list(params or [])).df(date_as_object=True)


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    row = con.cursor().execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),"
        " (SELECT count(*) FROM events), (SELECT count(*) FROM quotes),"
        " (SELECT count(DISTINCT cluster_id) FROM events),"
        " (SELECT count(*) FROM extraction_state WHERE error IS NOT NULL)"
    ).fetchone()
    return dict(zip(["articles", "sentences", "events", "quotes", "clusters", "extraction_failed"], row, strict=True))


def extraction_failed_count(con: duckdb.DuckDBPyConnection) -> int:
    """How many articles the extractor failed on (read on every page run: a repair must show at once)."""
    return con.cursor().execute("SELECT count(*) FROM extraction_state WHERE error IS NOT NULL").fetchone()[0]


def extraction_failures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Articles the extractor failed on, with why: their text is stored, their dates and quotes are missing."""
    return df(con, "SELECT a.article_id, a.title, s.error, s.extracted_at FROM extraction_state s"
                   " JOIN articles a USING (article_id) WHERE s.error IS NOT NULL ORDER BY s.extracted_at DESC")


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article as plain Python values (None stays None, dates stay dates)."""
    cur = con.cursor().execute("SELECT * FROM articles WHERE article_id = ?", [article_id])
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def sentences(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    return df(
        con,
        "SELECT idx, start_char, end_char, text, role FROM sentences WHERE article_id = ? ORDER BY idx",
        [article_id],
    )


def facets(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Distinct languages and outlets, for filter widgets."""
    cur = con.cursor()
    langs = [r[0] for r in cur.execute(
        "SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY 1").fetchall()]
    pubs = [r[0] for r in cur.execute(
        "SELECT DISTINCT coalesce(publisher, '(unknown)') FROM articles ORDER BY 1").fetchall()]
    return {"languages": langs, "publishers": pubs}


def by_day(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return df(
        con,
        "SELECT published, language, count(*) AS articles FROM articles"
        " WHERE published IS NOT NULL GROUP BY ALL ORDER BY published",
    )


def generation(con: duckdb.DuckDBPyConnection) -> tuple:
    """A cheap token that changes whenever the corpus, extractions or translations change (cache key)."""
    return con.cursor().execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT max(ingested_at) FROM articles),"
        " (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), (SELECT count(*) FROM translations),"
        " (SELECT count(DISTINCT speaker) FROM quotes)"
    ).fetchone()


def events(
    con: duckdb.DuckDBPyConnection,
    start: date | None = None,
    end: date | None = None,
    actors: list[str] | None = None,
    languages: list[str] | None = None,
    publishers: list[str] | None = None,
    text: str | None = None,
    article: str | None = None,
) -> pd.DataFrame:
    """Events with their article's language, outlet and title, filtered; date filters use overlap."""
    return df(
        con,
        """SELECT e.*, a.language, coalesce(a.publisher, 'unknown outlet') AS publisher, a.title, a.published, a.url
           FROM events e JOIN articles a USING (article_id)
           WHERE (? IS NULL OR e.date_end >= ?)
             AND (? IS NULL OR e.date_start <= ?)
             AND (? IS NULL OR len(list_intersect(e.actors, ?)) > 0)
             AND (? IS NULL OR list_contains(?, a.language))
             AND (? IS NULL OR list_contains(?, coalesce(a.publisher, '(unknown)')))
             AND (? IS NULL OR e.summary ILIKE '%' || ? || '%' OR e.date_text ILIKE '%' || ? || '%')
             AND (? IS NULL OR e.article_id = ?)
           ORDER BY e.date_start NULLS LAST, e.month, e.day, e.cluster_id, a.published""",
        [start, start, end, end, actors, actors, languages, languages, publishers, publishers, text, text, text,
         article, article],
    )


def actors(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.cursor().execute(
        "SELECT actor, count(*) AS n FROM (SELECT unnest(actors) AS actor FROM events) GROUP BY 1 ORDER BY n DESC, 1"
    ).fetchall()
    return [r[0] for r in rows]


def quotes(
    con: duckdb.DuckDBPyConnection,
    speakers: list[str] | None = None,
    speaker_types: list[str] | None = None,
    kinds: list[str] | None = None,
    languages: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
    text: str | None = None,
    article: str | None = None,
) -> pd.DataFrame:
    """Quotes with their article's outlet, title and URL, filtered."""
    return df(
        con,
        """SELECT q.*, coalesce(a.publisher, 'unknown outlet') AS publisher, a.title, a.url, a.published
           FROM quotes q JOIN articles a USING (article_id)
           WHERE (? IS NULL OR list_contains(?, q.speaker))
             AND (? IS NULL OR list_contains(?, q.speaker_type))
             AND (? IS NULL OR list_contains(?, q.kind))
             AND (? IS NULL OR list_contains(?, q.language))
             AND (? IS NULL OR q.said_on >= ?)
             AND (? IS NULL OR q.said_on <= ?)
             AND (? IS NULL OR q.text ILIKE '%' || ? || '%' OR q.speaker ILIKE '%' || ? || '%'
                  OR q.cue ILIKE '%' || ? || '%')
             AND (? IS NULL OR q.article_id = ?)
           ORDER BY q.said_on DESC NULLS LAST, q.speaker, q.article_id, q.start_char""",
        [speakers, speakers, speaker_types, speaker_types, kinds, kinds, languages, languages,
         start, start, end, end, text, text, text, text, article, article],
    )


def speakers(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return df(
        con,
        "SELECT speaker, any_value(speaker_type) AS speaker_type, count(*) AS quotes FROM quotes"
        " WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY quotes DESC, speaker",
    )


def article_marks(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """Spans of quotes and dates in an article, for highlighting."""
    return df(
        con,
        """SELECT 'quote' AS kind, start_char, end_char, sentence_idx, speaker AS label FROM quotes WHERE article_id = ?
           UNION ALL
           SELECT 'date', start_char, end_char, sentence_idx, coalesce(CAST(date_start AS VARCHAR), printf('--%02d-%02d', month, day)) FROM events
           WHERE article_id = ?
           ORDER BY start_char""",
        [article_id, article_id],
    )


RECLUSTER = "recluster_pending"  # setting: events or quotes were written and the corpus-wide steps are not yet redone


def setting(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.cursor().execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_setting(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    from pressdesk.store import writing

    with writing(con) as cur:
        put_setting(cur, key, value)


def put_setting(cur: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Set a setting inside the caller's write transaction."""
    cur.execute("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, current_timestamp)", [key, value])


def article_names(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, set[str]]:
    """Named speakers and event actors of each article: the context that places a year-unknown mention."""
    rows = con.cursor().execute(
        f"""SELECT article_id, speaker FROM quotes
           WHERE {among('article_id')} AND speaker_type IN ('person', 'organisation', 'country')
           UNION SELECT article_id, unnest(actors) FROM events WHERE {among('article_id')}""",
        [article_ids, article_ids],
    ).fetchall()
    out: dict[str, set[str]] = {}
    for article_id, name in rows:
        out.setdefault(article_id, set()).add(name)
    return out
