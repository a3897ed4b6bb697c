"""Quotes filtered, sorted, counted and paged in DuckDB, so a page receives only the rows it shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from pressdesk.store.queries import df

QUOTE_FROM = "FROM quotes q JOIN articles a USING (article_id)"
QUOTE_SELECT = "SELECT q.*, coalesce(a.publisher, 'unknown outlet') AS publisher, a.title, a.url, a.published"
DEFAULT_ORDER = "q.said_on DESC NULLS LAST, q.speaker, q.article_id, q.start_char, q.quote_id"
# what a page may sort by, mapped to SQL: never a user string in the SQL text
SORTABLE = {"said_on": "q.said_on", "speaker": "q.speaker", "publisher": "publisher", "language": "q.language",
            "kind": "q.kind"}


@dataclass(frozen=True)
class QuoteFilter:
    """What the analyst asked for; None means no filter, an empty tuple means nothing matches."""

    speakers: tuple[str, ...] | None = None
    speaker_types: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    languages: tuple[str, ...] | None = None
    start: date | None = None
    end: date | None = None
    text: str | None = None
    article: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters."""
        def listed(v: tuple[str, ...] | None) -> list[str] | None:
            return None if v is None else list(v)

        sql = """WHERE (? IS NULL OR list_contains(?, q.speaker))
             AND (? IS NULL OR list_contains(?, q.speaker_type))
             AND (? IS NULL OR list_contains(?, q.kind))
             AND (? IS NULL OR list_contains(?, q.language))
             AND (? IS NULL OR q.said_on >= ?)
             AND (? IS NULL OR q.said_on <= ?)
             AND (? IS NULL OR q.text ILIKE '%' || ? || '%' OR q.speaker ILIKE '%' || ? || '%'
                  OR q.cue ILIKE '%' || ? || '%')
             AND (? IS NULL OR q.article_id = ?)"""
        text = self.text or None
        params = [listed(self.speakers), listed(self.speakers), listed(self.speaker_types),
                  listed(self.speaker_types), listed(self.kinds), listed(self.kinds), listed(self.languages),
                  listed(self.languages), self.start, self.start, self.end, self.end, text, text, text, text,
                  self.article, self.article]
        return sql, params


def order_by(sort: str | None = None, descending: bool = False) -> str:
    """ORDER BY for a sort column (missing values last either way), ties in the default order."""
    if sort not in SORTABLE:
        return DEFAULT_ORDER
    return f"{SORTABLE[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, {DEFAULT_ORDER}"


def quotes_page(con: duckdb.DuckDBPyConnection, flt: QuoteFilter, sort: str | None = None,
                descending: bool = False, limit: int | None = 50, offset: int = 0) -> pd.DataFrame:
    """One page of matching quotes with their article's outlet, title and URL (limit None: all of them)."""
    where, params = flt.where()
    page = "" if limit is None else " LIMIT ? OFFSET ?"
    extra = [] if limit is None else [int(limit), max(0, int(offset))]
    return df(con, f"{QUOTE_SELECT} {QUOTE_FROM} {where} ORDER BY {order_by(sort, descending)}{page}",
              params + extra)


def quotes_count(con: duckdb.DuckDBPyConnection, flt: QuoteFilter) -> int:
    """How many quotes match, counted in SQL."""
    where, params = flt.where()
    return con.cursor().execute(f"SELECT count(*) {QUOTE_FROM} {where}", params).fetchone()[0]


def quote(con: duckdb.DuckDBPyConnection, quote_id: str) -> dict[str, Any] | None:
    """One quote with its article's outlet, title and URL, or None."""
    frame = df(con, f"{QUOTE_SELECT} {QUOTE_FROM} WHERE q.quote_id = ?", [quote_id])
    return None if frame.empty else frame.iloc[0].to_dict()


def speaker_totals(con: duckdb.DuckDBPyConnection, speaker: str) -> tuple[int, int]:
    """A speaker's number of quotes and of articles quoting them."""
    return con.cursor().execute(
        "SELECT count(*), count(DISTINCT article_id) FROM quotes WHERE speaker = ?", [speaker]).fetchone()


def speaker_affiliations(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each named speaker with the roles they were quoted with (input to a country look-up)."""
    return df(con, "SELECT DISTINCT speaker, speaker_role FROM quotes WHERE speaker IS NOT NULL"
                   " ORDER BY speaker, speaker_role NULLS LAST")
