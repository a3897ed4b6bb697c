"""`extract --engine dask`: the same per-article extraction as Dask tasks over Parquet batches, on a 2-worker
LocalCluster (in-process threads, no network), lands the same rows in DuckDB as the local engine."""

from __future__ import annotations

import pytest

from pressdesk import store

pytest.importorskip("distributed")


def _rows(con) -> tuple[list, ...]:
    """Every row extraction stores: events, quotes, statement groups and the story features of the workers."""
    return tuple(con.execute(sql).fetchall() for sql in (
        "SELECT * FROM events ORDER BY event_id", "SELECT * FROM quotes ORDER BY quote_id",
        "SELECT * FROM statement_groups ORDER BY quote_id", "SELECT * FROM quote_evidence ORDER BY quote_id",
        "SELECT * FROM article_signatures ORDER BY article_id", "SELECT * FROM wire_credits ORDER BY ALL",
        "SELECT b, k, article_id FROM article_bands ORDER BY ALL"))


def test_dask_engine_writes_the_rows_of_the_local_engine(db_copy, tmp_path):
    from pressdesk import pipeline
    from pressdesk.dask_engine import extract_distributed

    con = store.connect(db_copy)
    local = _rows(con)
    assert all(local[:5])
    for table in ("events", "quotes", "statement_groups", "extraction_state", "quote_evidence", "article_signatures",
                  "wire_credits", "article_bands"):
        con.execute(f"DELETE FROM {table}")
    # batches of 2 articles: the 5 sample articles make 3 tasks spread over the 2 workers
    stats = extract_distributed(con, workers=2, processes=False, batch=2, staging=str(tmp_path / "staging"))
    assert stats["batches"] == 3 and stats["articles"] == 5
    assert stats["events"] == len(local[0]) and stats["quotes"] == len(local[1])
    assert _rows(con) == local
    assert not pipeline.is_stale(con) and len(pipeline.pending(con)) == 0  # every article marked extracted
    assert sorted(p.name for p in (tmp_path / "staging").iterdir())[0] == "in-00000.parquet"
    con.close()


def test_dask_engine_replaces_only_the_given_articles(db_copy):
    from pressdesk.dask_engine import extract_distributed

    con = store.connect(db_copy)
    local = _rows(con)
    some = [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY article_id LIMIT 2").fetchall()]
    con.execute("DELETE FROM quotes WHERE list_contains(?, article_id)", [some])
    stats = extract_distributed(con, some, workers=2, processes=False)
    assert stats["articles"] == 2
    assert _rows(con) == local
    con.close()


def test_cli_offers_the_dask_engine_and_a_scheduler_address():
    from pressdesk.__main__ import build_parser

    args = build_parser().parse_args(["extract", "--engine", "dask", "--scheduler", "tcp://10.0.0.5:8786"])
    assert (args.engine, args.scheduler) == ("dask", "tcp://10.0.0.5:8786")
    assert build_parser().parse_args(["extract"]).engine == "local"
