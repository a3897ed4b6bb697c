"""The translation cache in DuckDB: hashing, look-ups, one-transaction writes, Parquet export/import."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from pressdesk.store import writing
from pressdesk.translate.config import normalize_lang

COLUMNS = ("text_hash", "source_lang", "target_lang", "provider", "source_text", "translated", "created_at")
_LOOKUP_BATCH = 2000


def normalize_text(text: str) -> str:
    """NFC and collapsed whitespace (NBSP included): texts differing only there share one translation."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def text_hash(text: str) -> str:
    """sha256 hex of the normalised text: the cache key's first column."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Translated:
    """A cached translation of one (normalised) source text."""

    source_text: str
    translated: str
    source_lang: str
    target_lang: str
    provider: str
    created_at: datetime | None = None


def lookup(
    con: duckdb.DuckDBPyConnection,
    texts: Iterable[str],
    source_lang: str | None,
    target_lang: str,
    provider: str | None = None,
    *,
    any_provider: bool = True,
) -> dict[str, Translated]:
    """Cached translations keyed by normalised text.

    The preferred provider wins, then an exact source language, then the newest. With any_provider=False
    only `provider` counts. Entries stored with source 'auto' match any source and vice versa (same text).
    """
    src, tgt = normalize_lang(source_lang), normalize_lang(target_lang)
    by_hash: dict[str, str] = {}
    for text in texts:
        norm = normalize_text(text)
        if norm:
            by_hash[text_hash(norm)] = norm
    if not by_hash:
        return {}
    cur = con.cursor()
    out: dict[str, Translated] = {}
    hashes = list(by_hash)
    for i in range(0, len(hashes), _LOOKUP_BATCH):
        rows = cur.execute(
            """SELECT text_hash, translated, source_lang, target_lang, provider, created_at
               FROM translations
               WHERE text_hash IN (SELECT unnest(?::VARCHAR[]))
                 AND target_lang = ?
                 AND (source_lang = ? OR source_lang = 'auto' OR ? = 'auto')
                 AND (? OR provider = ?)
               QUALIFY row_number() OVER (
                   PARTITION BY text_hash
                   ORDER BY (provider = ?) DESC, (source_lang = ?) DESC, created_at DESC) = 1""",
            [hashes[i : i + _LOOKUP_BATCH], tgt, src, src, any_provider or provider is None, provider,
             provider, src],
        ).fetchall()
        for h, translated, s, t, p, created in rows:
            norm = by_hash[h]
            out[norm] = Translated(norm, translated, s, t, p, created)
    return out


def store(con: duckdb.DuckDBPyConnection, rows: list[Translated]) -> int:
    """Write translations in one transaction (existing keys kept); return rows inserted."""
    if not rows:
        return 0
    frame = pd.DataFrame(
        {
            "text_hash": [text_hash(r.source_text) for r in rows],
            "source_lang": [normalize_lang(r.source_lang) for r in rows],
            "target_lang": [normalize_lang(r.target_lang) for r in rows],
            "provider": [r.provider for r in rows],
            "source_text": [normalize_text(r.source_text) for r in rows],
            "translated": [r.translated for r in rows],
        }
    )
    return _insert_frame(con, frame)


def _insert_frame(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> int:
    has_created = "created_at" in frame.columns
    created = "coalesce(CAST(created_at AS TIMESTAMP), current_timestamp)" if has_created else "current_timestamp"
    with writing(con, _pressdesk_new_translations=frame) as cur:
        inserted = cur.execute(
            f"""INSERT OR IGNORE INTO translations
                (text_hash, source_lang, target_lang, provider, source_text, translated, created_at)
                SELECT DISTINCT ON (text_hash, source_lang, target_lang, provider)
                       text_hash, source_lang, target_lang, provider, source_text, translated, {created}
                FROM _pressdesk_new_translations"""
        ).fetchone()[0]
    return int(inserted)


def count(con: duckdb.DuckDBPyConnection) -> int:
    return con.cursor().execute("SELECT count(*) FROM translations").fetchone()[0]


def stats(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Cache size per provider and language pair (for a status panel)."""
    return con.cursor().execute(
        "SELECT provider, source_lang, target_lang, count(*) AS texts, max(created_at) AS newest"
        " FROM translations GROUP BY ALL ORDER BY texts DESC"
    ).df()


def _checked_path(path: str | os.PathLike) -> str:
    """Paths are bound as parameters, never spliced into SQL; refuse what DuckDB would read as a URL."""
    text = os.fspath(path)
    if not text or "\x00" in text:
        raise ValueError("invalid path")
    if "://" in text:
        raise ValueError("the cache file must be a local path")
    return str(Path(text).expanduser())


def export_cache(con: duckdb.DuckDBPyConnection, path: str | os.PathLike) -> int:
    """Write the whole cache to a Parquet file (atomically); return the number of rows written."""
    target = _checked_path(path)
    parent = Path(target).parent
    if not parent.is_dir():
        raise FileNotFoundError(f"folder does not exist: {parent}")
    tmp = f"{target}.tmp-{os.getpid()}"
    cur = con.cursor()
    try:
        written = cur.execute(
            "COPY (SELECT text_hash, source_lang, target_lang, provider, source_text, translated, created_at"
            " FROM translations ORDER BY target_lang, provider, text_hash) TO ? (FORMAT parquet)",
            [tmp],
        ).fetchone()[0]
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return int(written)


def import_cache(con: duckdb.DuckDBPyConnection, path: str | os.PathLike) -> int:
    """Merge a Parquet cache into the database; idempotent; return the number of rows inserted.

    Hashes are recomputed from source_text and language codes normalised, so a file made by another
    version (or edited by hand) cannot plant a translation under the wrong key.
    """
    source = _checked_path(path)
    if not Path(source).is_file():
        raise FileNotFoundError(f"no such file: {source}")
    frame = con.cursor().execute("SELECT * FROM read_parquet(?)", [source]).df()
    missing = {"source_lang", "target_lang", "provider", "source_text", "translated"} - set(frame.columns)
    if missing:
        raise ValueError(f"not a translation cache: missing column(s) {', '.join(sorted(missing))}")
    frame = frame.dropna(subset=["source_text", "translated", "target_lang", "provider"])
    frame = frame[(frame["translated"].astype(str) != "")]
    if frame.empty:
        return 0
    norm = [normalize_text(str(t)) for t in frame["source_text"]]
    clean = pd.DataFrame(
        {
            "text_hash": [text_hash(t) for t in norm],
            "source_lang": [normalize_lang(s if isinstance(s, str) else None) for s in frame["source_lang"]],
            "target_lang": [normalize_lang(str(t)) for t in frame["target_lang"]],
            "provider": [str(p).strip().lower() for p in frame["provider"]],
            "source_text": norm,
            "translated": [str(t) for t in frame["translated"]],
            "created_at": frame["created_at"].tolist() if "created_at" in frame.columns else None,
        }
    )
    clean = clean[(clean["source_text"] != "") & (clean["target_lang"] != "auto")]
    return _insert_frame(con, clean)
