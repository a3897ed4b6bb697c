"""DuckDB store: the single source of truth, with versioned migrations applied on open."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "pressdesk.duckdb"

# Each migration is (version, name, statements). Never edit an applied one: append a new one.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "articles and sentences",
        [
            """CREATE TABLE articles (
                article_id VARCHAR PRIMARY KEY,
                source VARCHAR,
                url VARCHAR,
                title VARCHAR,
                publisher VARCHAR,
                language VARCHAR,
                published DATE,
                published_origin VARCHAR,
                text VARCHAR NOT NULL,
                content_hash VARCHAR NOT NULL UNIQUE,
                ingested_at TIMESTAMP DEFAULT current_timestamp,
                provenance JSON
            )""",
            """CREATE TABLE sentences (
                article_id VARCHAR NOT NULL,
                idx INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                role VARCHAR DEFAULT 'body',
                PRIMARY KEY (article_id, idx)
            )""",
        ],
    ),
    (
        2,
        "events",
        [
            """CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                sentence_idx INTEGER,
                start_char INTEGER,
                end_char INTEGER,
                date_text VARCHAR,
                date_start DATE,
                date_end DATE,
                precision VARCHAR,
                year_known BOOLEAN,
                summary VARCHAR,
                actors VARCHAR[],
                cluster_id VARCHAR
            )""",
        ],
    ),
    (
        3,
        "quotes",
        [
            """CREATE TABLE quotes (
                quote_id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                sentence_idx INTEGER,
                start_char INTEGER,
                end_char INTEGER,
                speaker VARCHAR,
                speaker_surface VARCHAR,
                speaker_role VARCHAR,
                speaker_type VARCHAR,
                kind VARCHAR,
                cue VARCHAR,
                text VARCHAR,
                said_on DATE,
                via VARCHAR,
                language VARCHAR
            )""",
        ],
    ),
    (
        4,
        "translation cache",
        [
            """CREATE TABLE translations (
                text_hash VARCHAR NOT NULL,
                source_lang VARCHAR NOT NULL,
                target_lang VARCHAR NOT NULL,
                provider VARCHAR NOT NULL,
                source_text VARCHAR NOT NULL,
                translated VARCHAR NOT NULL,
                created_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (text_hash, source_lang, target_lang, provider)
            )""",
        ],
    ),
]


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: explicit path, else $PRESSDESK_DB, else data/pressdesk.duckdb."""
    if path:
        return Path(path)
    env = os.environ.get("PRESSDESK_DB")
    return Path(env) if env else DEFAULT_DB


def connect(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database and bring its schema up to date."""
    target = db_path(path)
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(target))
    migrate(con)
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations, each in its own transaction; return the versions applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, statements in MIGRATIONS:
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for sql in statements:
                con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def df(con: duckdb.DuckDBPyConnection, sql: str, params: Iterable[Any] | None = None) -> pd.DataFrame:
    """Run a parameterised query and return a DataFrame (a fresh cursor keeps threads apart)."""
    return con.cursor().execute(sql, list(params or [])).df()


# ---------------------------------------------------------------- read queries used by pages


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    row = con.cursor().execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),"
        " (SELECT count(*) FROM events), (SELECT count(*) FROM quotes),"
        " (SELECT count(DISTINCT cluster_id) FROM events)"
    ).fetchone()
    return dict(zip(["articles", "sentences", "events", "quotes", "clusters"], row, strict=True))


def articles(
    con: duckdb.DuckDBPyConnection,
    languages: list[str] | None = None,
    publishers: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> pd.DataFrame:
    """Article list (no text) filtered by language, outlet and publication date."""
    return df(
        con,
        """SELECT article_id, title, publisher, language, published, published_origin, url, source,
                  length(text) AS chars, ingested_at
           FROM articles
           WHERE (? IS NULL OR list_contains(?, language))
             AND (? IS NULL OR list_contains(?, coalesce(publisher, '(unknown)')))
             AND (? IS NULL OR published >= ?)
             AND (? IS NULL OR published <= ?)
           ORDER BY published DESC NULLS LAST, title""",
        [languages, languages, publishers, publishers, start, start, end, end],
    )


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    frame = df(con, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    return None if frame.empty else frame.iloc[0].to_dict()


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
