"""Analyst SQL, sandboxed: a throw-away in-memory DuckDB holding read-only copies of the public tables,
with file and network access switched off and the configuration locked, a row cap and a time limit."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import duckdb
import pandas as pd
import pyarrow as pa

PUBLIC_TABLES = ("articles", "sentences", "events", "quotes", "translations")
MAX_ROWS = 5_000
TIME_LIMIT_S = 10.0


@dataclass
class QueryResult:
    frame: pd.DataFrame | None
    error: str | None = None
    truncated: bool = False


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, pa.Table]:
    """Arrow copies of the public tables (the sandbox never sees the database file itself)."""
    cur = con.cursor()
    return {name: cur.sql(f"SELECT * FROM {name}").to_arrow_table() for name in PUBLIC_TABLES}


def sandbox(tables: dict[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    box = duckdb.connect(":memory:", config={"enable_external_access": False, "autoload_known_extensions": False,
                                              "autoinstall_known_extensions": False, "threads": 1,
                                              "memory_limit": "1GB"})
    for name, table in tables.items():
        box.register(name, table)  # a registered Arrow table is a read-only view
    box.execute("SET lock_configuration = true")
    return box


def run(tables: dict[str, pa.Table], sql: str, max_rows: int = MAX_ROWS, time_limit: float = TIME_LIMIT_S) -> QueryResult:
    """Run one analyst query; errors come back as one line, never as a traceback."""
    if not sql.strip():
        return QueryResult(None, "Type a query, e.g. SELECT speaker, count(*) FROM quotes GROUP BY 1")
    box = sandbox(tables)
    timer = threading.Timer(time_limit, box.interrupt)
    timer.start()
    try:
        cursor = box.execute(sql)
        if cursor.description is None:
            return QueryResult(pd.DataFrame(), None)
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchmany(max_rows + 1)
        frame = pd.DataFrame(rows[:max_rows], columns=columns)
        return QueryResult(frame, None, truncated=len(rows) > max_rows)
    except duckdb.InterruptException:
        return QueryResult(None, f"The query ran longer than {time_limit:.0f} s and was stopped.")
    except duckdb.Error as exc:
        return QueryResult(None, str(exc).strip().splitlines()[0])
    finally:
        timer.cancel()
        box.close()
