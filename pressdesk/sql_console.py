"""Analyst SQL, sandboxed: a throw-away in-memory DuckDB holding read-only copies of the public tables,
with file and network access switched off, no temp directory, the configuration locked, and bounds on rows,
result bytes, memory, time and concurrent queries."""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

PUBLIC_TABLES = ("articles", "sentences", "events", "quotes", "translations")
MAX_ROWS = 5_000
TIME_LIMIT_S = 10.0
MEMORY_LIMIT = "512MB"  # per query, inside DuckDB
MAX_CELL_CHARS = 2_000  # a longer text (or nested value) is cut inside DuckDB, before it reaches Python
MAX_RESULT_BYTES = 16_000_000  # what one result may hold in Python
CONCURRENT_QUERIES = 2  # sandboxes alive at once in this process: the memory bound is this times the above
BUSY_WAIT_S = 5.0
_slots = threading.BoundedSemaphore(CONCURRENT_QUERIES)
_EXACT_TYPES = re.compile(r"^(BOOLEAN|U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|REAL|DOUBLE|DECIMAL\(\d+,\s*\d+\)|DATE"
                          r"|TIME( WITH TIME ZONE)?|TIMESTAMP.*|INTERVAL|UUID)$")


@dataclass
class QueryResult:
    frame: pd.DataFrame | None
    error: str | None = None
    truncated: bool = False
    elapsed: float = 0.0  # seconds
    note: str | None = None  # why the result was cut, when it was


def snapshot(con: duckdb.DuckDBPyConnection, names: tuple[str, ...] = PUBLIC_TABLES) -> dict[str, pa.Table]:
    """Arrow copies of public tables (the sandbox never sees the database file itself)."""
    cur = con.cursor()
    return {name: cur.sql(f"SELECT * FROM {name}").to_arrow_table() for name in names if name in PUBLIC_TABLES}


def referenced(sql: str) -> tuple[str, ...]:
    """The public tables a query names: only those are copied, so a query on quotes never holds every sentence."""
    words = {w.lower() for w in re.findall(r"[A-Za-z_]+", sql)}
    return tuple(name for name in PUBLIC_TABLES if name in words)


def describe(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, list[str]]]:
    """Each public table's row count and columns, read from the database without copying anything."""
    cur = con.cursor()
    out = {}
    for name in PUBLIC_TABLES:
        columns = [r[0] for r in cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                                             " ORDER BY ordinal_position", [name]).fetchall()]
        out[name] = (cur.execute(f"SELECT count(*) FROM {name}").fetchone()[0], columns)
    return out


def sandbox(tables: dict[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    """In memory, no files (not even spill files: no temp directory), no network, locked configuration."""
    box = duckdb.connect(":memory:", config={
        "enable_external_access": False, "autoload_known_extensions": False, "autoinstall_known_extensions": False,
        "threads": 1, "memory_limit": MEMORY_LIMIT, "temp_directory": "", "max_temp_directory_size": "0B",
        "allow_community_extensions": False, "allow_unsigned_extensions": False,
    })
    for name, table in tables.items():
        box.register(name, table)  # a registered Arrow table is a read-only view
    box.execute("SET lock_configuration = true")
    return box


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _bounded(rel: duckdb.DuckDBPyRelation, max_rows: int) -> duckdb.DuckDBPyRelation:
    """At most max_rows + 1 rows, texts and nested values cut to MAX_CELL_CHARS, all inside DuckDB."""
    exprs = []
    for i, (name, kind) in enumerate(zip(rel.columns, rel.types, strict=True), start=1):
        col = f"#{i}" if _EXACT_TYPES.match(str(kind)) else None
        if col is None:
            text = f"#{i}" if str(kind) == "VARCHAR" else f"CAST(#{i} AS VARCHAR)"
            col = (f"CASE WHEN strlen({text}) > {MAX_CELL_CHARS} THEN left({text}, {MAX_CELL_CHARS}) || '…'"
                   f" ELSE {text} END")
        exprs.append(f"{col} AS {_quote(name)}")
    return rel.project(", ".join(exprs)).limit(max_rows + 1)


def _size(row: tuple) -> int:
    return sum(len(v) if isinstance(v, str | bytes) else 16 for v in row)


def _fetch(source, max_rows: int) -> tuple[list[tuple], bool, str | None]:
    """Rows in batches until the row cap or the byte cap; returns (rows, truncated, note)."""
    rows: list[tuple] = []
    size = 0
    while len(rows) <= max_rows:
        batch = source.fetchmany(100)
        if not batch:
            return rows, False, None
        for row in batch:
            size += _size(row)
            if size > MAX_RESULT_BYTES:
                return rows, True, f"Showing the first {len(rows):,} rows: the result is larger than " \
                                   f"{MAX_RESULT_BYTES // 1_000_000} MB."
            rows.append(row)
    return rows[:max_rows], True, f"Showing the first {max_rows:,} rows."


_PATH = re.compile(r"(?<![\w.:/])(?:[A-Za-z]:)?[/\\](?:[\w.\-~ ]+[/\\])*[\w.\-~]+")


def scrub(message: str) -> str:
    """One line, with no file path of this machine and no process id (an error is shown to strangers)."""
    line = (message.strip().splitlines() or [""])[0]
    for secret in {str(Path.cwd()), str(Path(__file__).resolve().parents[1])}:
        line = line.replace(secret, "…")
    line = _PATH.sub("<path>", line)
    return re.sub(rf"(?<!\d){os.getpid()}(?!\d)", "<pid>", line)


def run(tables: dict[str, pa.Table], sql: str, max_rows: int = MAX_ROWS, time_limit: float = TIME_LIMIT_S) -> QueryResult:
    """Run one analyst query (several statements allowed; the last one's result is shown); errors come back as
    one scrubbed line, never as a traceback."""
    if not sql.strip():
        return QueryResult(None, "Type a query, e.g. SELECT speaker, count(*) FROM quotes GROUP BY 1")
    if not _slots.acquire(timeout=BUSY_WAIT_S):
        return QueryResult(None, "Other queries are running: try again in a moment.")
    started = time.perf_counter()
    box = None
    timer = None
    try:
        box = sandbox(tables)
        timer = threading.Timer(time_limit, box.interrupt)
        timer.start()
        statements = duckdb.extract_statements(sql)
        if not statements:
            return QueryResult(None, "Type a query, e.g. SELECT speaker, count(*) FROM quotes GROUP BY 1")
        for statement in statements[:-1]:
            box.execute(statement.query)
        last = statements[-1]
        if last.type == duckdb.StatementType.SELECT:
            rel = box.sql(last.query)
            rows, truncated, note = _fetch(box.execute(_bounded(rel, max_rows).sql_query()), max_rows)
            columns = rel.columns
        else:
            cursor = box.execute(last.query)
            if cursor.description is None:
                return QueryResult(pd.DataFrame(), elapsed=time.perf_counter() - started)
            columns = [d[0] for d in cursor.description]
            rows, truncated, note = _fetch(cursor, max_rows)
        frame = pd.DataFrame(rows, columns=pd.Index(columns) if len(set(columns)) == len(columns) else None)
        if len(set(columns)) != len(columns):
            frame.columns = [f"{c} ({i})" if columns.count(c) > 1 else c for i, c in enumerate(columns, start=1)]
        return QueryResult(frame, None, truncated=truncated, elapsed=time.perf_counter() - started, note=note)
    except duckdb.InterruptException:
        return QueryResult(None, f"The query ran longer than {time_limit:.0f} s and was stopped.",
                           elapsed=time.perf_counter() - started)
    except duckdb.OutOfMemoryException:
        return QueryResult(None, f"The query needs more than {MEMORY_LIMIT} of memory and was stopped.",
                           elapsed=time.perf_counter() - started)
    except MemoryError:
        return QueryResult(None, "The result does not fit in memory: select fewer or shorter columns.",
                           elapsed=time.perf_counter() - started)
    except duckdb.Error as exc:
        return QueryResult(None, scrub(str(exc)), elapsed=time.perf_counter() - started)
    finally:
        if timer is not None:
            timer.cancel()
        if box is not None:
            box.close()
        _slots.release()
