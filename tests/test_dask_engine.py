"""`extract --engine dask`: the same per-article extraction as Dask tasks over Parquet batches, on a 2-worker
LocalCluster (in-process threads, no network), lands the same rows in DuckDB as the local engine."""

from __future__ import annotations

import pytest

from pressdesk import store

pytest.importorskip("distributed")


def _rows(con) -> tuple[list, list, list]:
    return (con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            con.execute("SELECT * FROM quotes ORDER BY quote_id").fetchall(),
            con.execute("SELECT * FROM statement_groups ORDER BY quote_id").fetchall())


def test_dask_engine_writes_the_rows_of_the_local_engine(db_copy, tmp_path):
    from pressdesk.dask_engine import extract_distributed
    from pressdesk.pipeline import fingerprint

    con = store.connect(db_copy)
    local = _rows(con)
    assert local[0] and local[1] and local[2]
    con.execute("DELETE FROM events")
    con.execute("DELETE FROM quotes")
    con.execute("DELETE FROM statement_groups")
    con.execute("DELETE FROM settings WHERE key = 'extractor'")
    # batches of 2 articles: the 5 sample articles make 3 tasks spread over the 2 workers
    stats = extract_distributed(con, workers=2, processes=False, batch=2, staging=str(tmp_path / "staging"))
    assert stats["batches"] == 3 and stats["articles"] == 5
    assert stats["events"] == len(local[0]) and stats["quotes"] == len(local[1])
    assert _rows(con) == local
    assert store.setting(con, "extractor") == fingerprint()
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
