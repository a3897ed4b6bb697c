"""Analyst SQL is read-only, cannot touch files or the network, and fails with a message."""

from __future__ import annotations

import duckdb
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


def test_no_temp_files_even_when_a_query_would_spill(tables, tmp_path, monkeypatch):
    """A multi-statement query that outgrows memory is stopped; it never writes spill files to disk."""
    import threading

    monkeypatch.chdir(tmp_path)  # DuckDB's default temp directory is ./.tmp
    seen: list[str] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.extend(str(p) for p in tmp_path.rglob("*"))
            done.wait(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = sql_console.run(tables, "CREATE TABLE big AS SELECT range AS x, repeat('x', 100) AS y "
                                         "FROM range(30000000); SELECT count(*) FROM big")
    finally:
        done.set()
        watcher.join()
    assert result.frame is None and "memory" in result.error
    assert seen == []
    box = sql_console.sandbox(tables)
    try:
        assert box.execute("SELECT current_setting('temp_directory')").fetchone()[0] == ""
        with pytest.raises(duckdb.Error):
            box.execute("SET temp_directory = '/tmp/spill'")
    finally:
        box.close()


def test_huge_values_are_cut_inside_duckdb(tables):
    result = sql_console.run(tables, "SELECT repeat('x', 100000000) AS big, 1 AS n, [repeat('y', 5000)] AS l "
                                     "FROM range(3)")
    assert result.error is None and len(result.frame) == 3
    assert len(result.frame["big"][0]) == sql_console.MAX_CELL_CHARS + 1 and result.frame["big"][0].endswith("…")
    assert len(result.frame["l"][0]) == sql_console.MAX_CELL_CHARS + 1
    assert result.frame["n"].tolist() == [1, 1, 1]  # numbers keep their type


def test_result_bytes_are_capped(tables, monkeypatch):
    monkeypatch.setattr(sql_console, "MAX_RESULT_BYTES", 100_000)
    result = sql_console.run(tables, "SELECT repeat('x', 1000) AS t FROM range(1000)")
    assert result.truncated and 0 < len(result.frame) <= 100 and "larger than" in result.note


def test_memory_error_becomes_a_message(tables, monkeypatch):
    def boom(*_args):
        raise MemoryError

    monkeypatch.setattr(sql_console, "_fetch", boom)
    result = sql_console.run(tables, "SELECT 1")
    assert result.frame is None and "memory" in result.error


def test_errors_name_no_path_and_no_process_id(tables):
    import os

    db = str(store.db_path().resolve())
    result = sql_console.run(tables, f"SELECT * FROM read_csv('{db}')")
    assert result.error and db not in result.error and "pressdesk.duckdb" not in result.error
    mention = sql_console.run(tables, f"SELECT error('worker {os.getpid()} at {os.getcwd()}/x.tmp failed')")
    assert str(os.getpid()) not in mention.error and os.getcwd() not in mention.error
    assert "<pid>" in mention.error


def test_several_statements_show_the_last_result(tables):
    result = sql_console.run(tables, "CREATE TABLE t AS SELECT 42 AS answer; SELECT answer, answer FROM t")
    assert result.error is None and result.frame.values.tolist() == [[42, 42]]


def test_only_the_tables_a_query_names_are_copied(con):
    assert sql_console.referenced("SELECT * FROM Quotes q JOIN articles USING (article_id)") == ("articles", "quotes")
    assert sql_console.referenced("SELECT 1") == ()
    described = sql_console.describe(con)
    assert set(described) == set(sql_console.PUBLIC_TABLES) and "speaker" in described["quotes"][1]
    assert set(sql_console.snapshot(con, ("quotes",))) == {"quotes"}
