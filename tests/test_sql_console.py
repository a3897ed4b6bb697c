"""Analyst SQL is read-only, cannot touch files or the network, and fails with a message."""

from __future__ import annotations

import pytest

from pressdesk import sql_console, store


@pytest.fixture()
def tables(sample_db):
    con = store.connect(sample_db)
    try:
        yield sql_console.snapshot(con)
    finally:
        con.close()


def test_select_over_public_tables(tables):
    result = sql_console.run(tables, "SELECT language, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1")
    assert result.error is None
    assert dict(zip(result.frame["language"], result.frame["n"], strict=True)) == {"en": 1, "fr": 2, "it": 1, "ro": 1}


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "COPY articles TO '/tmp/pressdesk-leak.csv'",
    "ATTACH '/tmp/other.duckdb' AS other",
    "INSTALL httpfs",
    "SELECT * FROM read_parquet('https://example.com/x.parquet')",
    "SET enable_external_access = true",
])
def test_file_and_network_access_is_off(tables, sql, tmp_path):
    result = sql_console.run(tables, sql)
    assert result.frame is None and result.error
    assert "\n" not in result.error


def test_writes_do_not_reach_the_corpus(tables, sample_db):
    for sql in ("DELETE FROM articles", "DROP VIEW articles", "UPDATE quotes SET speaker = 'x'"):
        sql_console.run(tables, sql)
    con = store.connect(sample_db)
    try:
        assert store.counts(con)["articles"] == 5
    finally:
        con.close()
    assert sql_console.run(tables, "SELECT count(*) AS n FROM articles").frame["n"][0] == 5


def test_row_cap_and_time_limit(tables):
    capped = sql_console.run(tables, "SELECT * FROM range(100)", max_rows=10)
    assert len(capped.frame) == 10 and capped.truncated
    slow = sql_console.run(tables, "SELECT count(*) FROM range(100000000000) a", time_limit=0.5)
    assert slow.error and "stopped" in slow.error


def test_syntax_error_is_one_line(tables):
    result = sql_console.run(tables, "SELEC oops")
    assert result.frame is None and "syntax error" in result.error.lower()
