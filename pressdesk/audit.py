"""Who changed what: every edit made through the dashboard leaves a row (who, when, action, before, after)."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from pressdesk import store

MAX_VALUE = 500  # characters kept of a before/after value: the audit says what changed, it is not a backup


def _text(value: object) -> str | None:
    return None if value is None else str(value)[:MAX_VALUE]


def record(cur: duckdb.DuckDBPyConnection, who: str, action: str, article_id: str | None = None,
           target: str | None = None, before: object = None, after: object = None) -> None:
    """Add one audit row inside the caller's transaction, so the edit and its record commit together."""
    cur.execute(
        "INSERT INTO audit (who, action, article_id, target, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        [who, action, article_id, _text(target), _text(before), _text(after)],
    )


def log(con: duckdb.DuckDBPyConnection, who: str, action: str,
        rows: Iterable[tuple[str | None, str | None, object, object]]) -> int:
    """Record several (article_id, target, before, after) rows of one action in one transaction."""
    rows = list(rows)
    if rows:
        with store.writing(con) as cur:
            for article_id, target, before, after in rows:
                record(cur, who, action, article_id, target, before, after)
    return len(rows)


def history(con: duckdb.DuckDBPyConnection, article_id: str) -> pd.DataFrame:
    """An article's changes, newest first (for the reader's provenance)."""
    return store.df(
        con,
        "SELECT changed_at, who, action, target, before, after FROM audit WHERE article_id = ? ORDER BY audit_id DESC",
        [article_id],
    )


def recent(con: duckdb.DuckDBPyConnection, limit: int = 50) -> pd.DataFrame:
    """The latest changes across the corpus."""
    return store.df(con, "SELECT changed_at, who, action, article_id, target, before, after FROM audit"
                         " ORDER BY audit_id DESC LIMIT ?", [limit])
