"""A translation cache uploaded from the browser: checked, merged, and reported as rows imported and skipped."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

import duckdb

from pressdesk.translate.cache import import_cache

MAX_BYTES = 200 * 1024 * 1024  # a cache of a large corpus is tens of MB; more is not a cache


@dataclass(frozen=True)
class CacheImport:
    """Rows in the file, rows added to the cache, rows skipped (already cached, or lacking text or language)."""

    rows: int
    imported: int

    @property
    def skipped(self) -> int:
        return self.rows - self.imported

    def summary(self) -> str:
        return (f"{self.rows:,} row{'s' if self.rows != 1 else ''} read: {self.imported:,} imported, "
                f"{self.skipped:,} skipped (already cached, or without text, translation or language).")


def import_upload(con: duckdb.DuckDBPyConnection, data: bytes) -> CacheImport:
    """Merge an uploaded Parquet cache; a file that is not one raises ValueError with a one-line reason."""
    if not data:
        raise ValueError("the file is empty")
    if len(data) > MAX_BYTES:
        raise ValueError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if data[:4] != b"PAR1" or data[-4:] != b"PAR1":
        raise ValueError("not a Parquet file")
    fd, path = tempfile.mkstemp(suffix=".parquet", prefix="pressdesk-cache-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        try:
            rows = con.cursor().execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
        except duckdb.Error as exc:
            raise ValueError(f"not a readable Parquet file ({str(exc).splitlines()[0][:120]})") from None
        try:
            return CacheImport(int(rows), import_cache(con, path))
        except duckdb.Error as exc:  # a column of the wrong type, e.g. created_at that is no timestamp
            raise ValueError(f"the file's rows cannot be read as translations ({str(exc).splitlines()[0][:120]})") \
                from None
    finally:
        os.remove(path)
