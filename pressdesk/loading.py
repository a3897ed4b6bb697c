"""What an editor's load did, said plainly: the metadata they gave, checked, and a summary of the new articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from pressdesk.ingest import IngestReport
from pressdesk.records import check_field

ORIGINS = {"record": "given", "text:dateline": "from the dateline", "url": "from the URL",
           "html:meta": "from the page's metadata", "analyst": "set by an analyst"}


def given_metadata(outlet: str = "", url: str = "", published: date | None = None,
                   language: str | None = None) -> tuple[dict, list[str]]:
    """The optional fields of the load form, checked like a record's: (metadata to apply, one line per problem)."""
    meta: dict = {}
    problems: list[str] = []
    for name, value in (("publisher", outlet), ("url", url), ("published", published), ("language", language)):
        kept, note = check_field(name, value.strip() if isinstance(value, str) else value)
        if kept is not None:
            meta[name] = kept
        if note:
            problems.append(note.replace("'publisher'", "'outlet'").replace("'published'", "'date'"))
    return meta, problems


@dataclass
class NewArticle:
    """One article a load added, with what extraction found in it."""

    article_id: str
    title: str
    outlet: str
    language: str
    published: date | None
    published_from: str  # where the date came from, in words ("from the dateline"), or ""
    dates: int
    quotes: int


@dataclass
class LoadSummary:
    """Articles added, duplicates skipped, dates and quotes found, and each problem in one line."""

    articles: list[NewArticle] = field(default_factory=list)
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def dates(self) -> int:
        return sum(a.dates for a in self.articles)

    @property
    def quotes(self) -> int:
        return sum(a.quotes for a in self.articles)

    def headline(self) -> str:
        """One sentence: what was added, skipped and found."""
        added = len(self.articles)
        parts = [_plural(added, "article") + " added"]
        if self.duplicates:
            parts.append(_plural(self.duplicates, "duplicate") + " skipped (already loaded)")
        if added:
            parts.append(f"{_plural(self.dates, 'date')} and {_plural(self.quotes, 'quote')} found")
        if self.problems:
            parts.append(_plural(len(self.problems), "problem"))
        return ", ".join(parts) + "."


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def summarise(con: duckdb.DuckDBPyConnection, report: IngestReport, problems: list[str] | None = None) -> LoadSummary:
    """The summary of an ingest report, with dates and quotes counted in the store for each new article."""
    summary = LoadSummary(duplicates=report.duplicates, problems=list(problems or []))
    summary.problems += [f"{source}: {reason}" for source, reason in report.failed]
    summary.notes = [f"{source}: {note}" for source, note in report.notes]
    if not report.added:
        return summary
    rows = con.cursor().execute(
        """SELECT a.article_id, a.title, a.publisher, a.language, a.published, a.published_origin,
                  (SELECT count(*) FROM events e WHERE e.article_id = a.article_id),
                  (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id)
           FROM articles a WHERE list_contains(?, a.article_id)""",
        [report.added],
    ).fetchall()
    order = {aid: i for i, aid in enumerate(report.added)}
    for aid, title, outlet, lang, published, origin, dates, quotes in sorted(rows, key=lambda r: order[r[0]]):
        summary.articles.append(NewArticle(
            aid, title or "Untitled article", outlet or "unknown outlet", lang or "language unknown",
            published if published and not pd.isna(published) else None,
            ORIGINS.get(origin or "", origin or ""), int(dates), int(quotes)))
    return summary


def article_line(article: NewArticle) -> str:
    """One line for a new article: outlet, language, date and where it came from, dates and quotes found."""
    when = (f"published {article.published.isoformat()}" + (f" ({article.published_from})" if article.published_from
                                                              else "")
            if article.published else "no publication date found")
    return (f"{article.outlet} · {article.language} · {when} · {_plural(article.dates, 'date')}, "
            f"{_plural(article.quotes, 'quote')}")
