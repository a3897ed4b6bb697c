"""Counts over a filtered slice of the corpus: one query, so Home and Timeline always agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd


@dataclass(frozen=True)
class CorpusCounts:
    """What a set of filters selects: articles and their sentences, quotes, date mentions and events."""

    articles: int
    sentences: int
    quotes: int
    mentions: int  # every date mention (event row), year known or not
    dated: int  # mentions whose year is known: the ones on the timeline
    events: int  # distinct events (clusters) among the dated mentions: the timeline's bars
    year_unknown: int  # mentions with a day and month only
    event_articles: int  # articles with at least one date mention


def corpus_counts(
    con: duckdb.DuckDBPyConnection,
    languages: list[str] | None = None,
    publishers: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
    article: str | None = None,
    actors: list[str] | None = None,
    text: str | None = None,
) -> CorpusCounts:
    """Counts for articles matching language, outlet, publication date and article; events also by actor and text."""
    row = con.cursor().execute(
        """WITH arts AS (
               SELECT article_id FROM articles
               WHERE (? IS NULL OR list_contains(?, language))
                 AND (? IS NULL OR list_contains(?, coalesce(publisher, '(unknown)')))
                 AND (? IS NULL OR published >= ?)
                 AND (? IS NULL OR published <= ?)
                 AND (? IS NULL OR article_id = ?)),
           ev AS (
               SELECT e.cluster_id, e.year_known, e.article_id FROM events e JOIN arts USING (article_id)
               WHERE (? IS NULL OR len(list_intersect(e.actors, ?)) > 0)
                 AND (? IS NULL OR e.summary ILIKE '%' || ? || '%' OR e.date_text ILIKE '%' || ? || '%'))
           SELECT (SELECT count(*) FROM arts),
                  (SELECT count(*) FROM sentences JOIN arts USING (article_id)),
                  (SELECT count(*) FROM quotes JOIN arts USING (article_id)),
                  (SELECT count(*) FROM ev),
                  (SELECT count(*) FROM ev WHERE year_known),
                  (SELECT count(DISTINCT cluster_id) FROM ev WHERE year_known),
                  (SELECT count(*) FROM ev WHERE NOT year_known),
                  (SELECT count(DISTINCT article_id) FROM ev)""",
        [languages, languages, publishers, publishers, start, start, end, end, article, article,
         actors, actors, text, text, text],
    ).fetchone()
    return CorpusCounts(*(int(v) for v in row))


def article_label(con: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    """A short human name for an article (title, outlet, language), or None when no such article exists."""
    row = con.cursor().execute(
        "SELECT title, publisher, language, published FROM articles WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        return None
    title, publisher, language, published = row
    parts = [title or "Untitled article", publisher, language, published.isoformat() if published else None]
    return " · ".join(str(p) for p in parts if p)


_ARTICLE_WHERE = """WHERE (? IS NULL OR list_contains(?, language))
      AND (? IS NULL OR list_contains(?, coalesce(publisher, '(unknown)')))
      AND (? IS NULL OR published >= ?)
      AND (? IS NULL OR published <= ?)"""


def _article_params(languages, publishers, start, end) -> list:
    return [languages, languages, publishers, publishers, start, start, end, end]


@dataclass(frozen=True)
class ArticleBreakdown:
    """The corpus charts, counted in SQL: articles by language, by outlet, by day and language, and undated."""

    by_language: pd.DataFrame  # language, articles
    by_outlet: pd.DataFrame  # publisher, articles
    by_day: pd.DataFrame  # published, language, articles
    undated: int


def article_breakdown(con: duckdb.DuckDBPyConnection, languages: list[str] | None = None,
                      publishers: list[str] | None = None, start: date | None = None,
                      end: date | None = None) -> ArticleBreakdown:
    """Counts behind Home's charts for the articles matching the filters (never the articles themselves)."""
    params = _article_params(languages, publishers, start, end)

    def frame(select: str, group: str) -> pd.DataFrame:
        return con.cursor().execute(f"SELECT {select}, count(*) AS articles FROM articles {_ARTICLE_WHERE}"
                                    f" GROUP BY {group} ORDER BY {group}", params).df(date_as_object=True)

    undated = con.cursor().execute(f"SELECT count(*) FROM articles {_ARTICLE_WHERE} AND published IS NULL",
                                   params).fetchone()[0]
    return ArticleBreakdown(frame("language", "language"), frame("publisher", "publisher"),
                            frame("published, language", "published, language").dropna(subset=["published"]),
                            int(undated))


def articles_page(con: duckdb.DuckDBPyConnection, languages: list[str] | None = None,
                  publishers: list[str] | None = None, start: date | None = None, end: date | None = None,
                  limit: int = 100, offset: int = 0) -> pd.DataFrame:
    """One page of the article list (no text), newest first; the page is chosen before any text is read (its
    length was otherwise computed for every article: 0.3 s at 100,000)."""
    return con.cursor().execute(
        f"""WITH page AS (SELECT article_id, published, title FROM articles {_ARTICLE_WHERE}
                          ORDER BY published DESC NULLS LAST, title, article_id LIMIT ? OFFSET ?)
            SELECT a.article_id, a.title, a.publisher, a.language, a.published, a.published_origin, a.url, a.source,
                   length(a.text) AS chars, a.ingested_at
            FROM page JOIN articles a USING (article_id)
            ORDER BY page.published DESC NULLS LAST, page.title, page.article_id""",
        _article_params(languages, publishers, start, end) + [int(limit), max(0, int(offset))],
    ).df(date_as_object=True)


def article_choices(con: duckdb.DuckDBPyConnection, text: str | None = None, limit: int = 200,
                    include: str | None = None) -> tuple[pd.DataFrame, int]:
    """Articles a picker offers: the newest `limit` whose title or outlet contains `text` (always with `include`,
    the one a link opened), and how many match."""
    where = "WHERE (? IS NULL OR title ILIKE '%' || ? || '%' OR publisher ILIKE '%' || ? || '%')"
    params = [text or None] * 3
    total = con.cursor().execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0]
    frame = con.cursor().execute(
        f"""SELECT article_id, title, publisher, language, published FROM articles {where} OR article_id = ?
            ORDER BY article_id = ? DESC, published DESC NULLS LAST, title, article_id LIMIT ?""",
        params + [include, include, int(limit)]).df(date_as_object=True)
    return frame, total
