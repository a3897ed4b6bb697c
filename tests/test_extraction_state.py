"""Extraction state per article: what a crash leaves unextracted is found and repaired, one article's failure never
stops the others, and dates no newspaper could carry (year 1, 9999) break nothing."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk import parallel, pipeline, store
from pressdesk.__main__ import main
from pressdesk.ingest import ingest, ingest_upload
from pressdesk.store.schema import MIGRATIONS

TEXTS = {
    "a.txt": "Kremlin spokesman Dmitry Peskov said on Monday that talks would go on. They met on 3 March 2025.",
    "b.txt": "Le ministre a déclaré jeudi que l'accord serait signé le 12 avril 2025 à Bruxelles, selon l'AFP.",
    "c.txt": "Il premier ha detto martedì che il vertice si terrà il 5 maggio 2025 a Roma con i leader europei.",
}


def folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_articles_committed_but_never_extracted_are_found_and_repaired_by_extract_if_stale(tmp_path, capsys):
    db = tmp_path / "x.duckdb"
    con = store.connect(db)
    report = ingest(con, [folder(tmp_path)], extract=False)  # what a kill -9 between commit and extraction leaves
    assert len(report.added) == 3
    assert pipeline.is_stale(con) and sorted(pipeline.pending(con)) == sorted(report.added)
    assert sorted(pipeline.never_extracted(con)) == sorted(report.added)
    con.close()
    assert main(["extract", "--if-stale", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "up to date" not in out and "from 3 articles" in out
    con = store.connect(db)
    assert not pipeline.is_stale(con) and pipeline.pending(con) == []
    assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM extraction_state").fetchone() == (3, 3)
    assert store.counts(con)["events"] > 0 and store.counts(con)["quotes"] > 0
    con.close()
    assert main(["extract", "--if-stale", "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip() == "extractions are up to date"


def test_the_next_ingest_repairs_what_a_crash_left_unextracted(con, tmp_path):
    [first] = ingest_upload(con, "a.txt", TEXTS["a.txt"].encode(), extract=False).added
    assert pipeline.never_extracted(con) == [first]
    ingest_upload(con, "b.txt", TEXTS["b.txt"].encode())
    assert pipeline.never_extracted(con) == [] and not pipeline.is_stale(con)
    assert con.execute("SELECT count(*) FROM events WHERE article_id = ?", [first]).fetchone()[0] > 0


def test_a_run_stopped_before_reclustering_is_finished_on_repair(con):
    ingest_upload(con, "a.txt", TEXTS["a.txt"].encode())
    con.execute("UPDATE events SET cluster_id = NULL")
    con.execute("INSERT INTO settings (key, value) VALUES (?, '1')", [pipeline.RECLUSTER])  # as a crash leaves it
    assert pipeline.is_stale(con) and pipeline.pending(con) == []
    pipeline.refresh_if_stale(con)
    assert not pipeline.is_stale(con)
    assert con.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()[0] == 0


def test_migration_marks_only_articles_with_results_as_extracted(tmp_path, monkeypatch):
    db = tmp_path / "old.duckdb"
    monkeypatch.setattr("pressdesk.store.MIGRATIONS", [m for m in MIGRATIONS if m[0] < 9])
    old = store.connect(db)
    for aid in ("withrows", "without"):
        old.execute("INSERT INTO articles (article_id, text, content_hash) VALUES (?, 'Some text here ok.', ?)",
                    [aid, aid])
    old.execute("INSERT INTO events (event_id, article_id) VALUES ('e1', 'withrows')")
    old.execute("INSERT INTO settings (key, value) VALUES ('extractor', ?)", [pipeline.fingerprint()])
    old.close()
    monkeypatch.undo()
    con = store.connect(db)
    assert con.execute("SELECT article_id FROM extraction_state").fetchall() == [("withrows",)]
    assert pipeline.pending(con) == ["without"]


def test_one_failing_article_is_recorded_and_the_others_are_extracted(tmp_path, monkeypatch, capsys):
    real = parallel.extract_article

    def flaky(item):
        if "Bruxelles" in item.text:
            raise OverflowError("date value out of range")
        return real(item)

    monkeypatch.setattr(parallel, "extract_article", flaky)
    db = tmp_path / "x.duckdb"
    con = store.connect(db)
    report = ingest(con, [folder(tmp_path)])
    assert len(report.added) == 3 and not report.failed
    [bad] = [aid for aid in report.added if "Bruxelles" in store.article(con, aid)["text"]]
    assert pipeline.failures(con) == [(bad, "OverflowError: date value out of range")]
    assert (f"article {bad}", "loaded, but dates and quotes could not be extracted "
            "(OverflowError: date value out of range)") in report.notes
    assert store.counts(con)["extraction_failed"] == 1
    extracted = {r[0] for r in con.execute("SELECT DISTINCT article_id FROM events").fetchall()}
    assert extracted == set(report.added) - {bad}
    assert not pipeline.is_stale(con)  # a failure under this version is not retried on every start
    assert list(store.extraction_failures(con)["article_id"]) == [bad]
    con.close()
    assert main(["extract", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    assert "extraction failed on 1 article(s)" in captured.out and f"article {bad}: OverflowError" in captured.err


def test_a_row_the_database_refuses_fails_only_its_article(con, monkeypatch):
    real = parallel.extract_article

    def bad_row(item):
        events, quotes = real(item)
        if "Bruxelles" in item.text:
            events = [{**events[0], "date_start": "not a date"}]
        return events, quotes

    monkeypatch.setattr(parallel, "extract_article", bad_row)
    ids = [ingest_upload(con, name, text.encode(), extract=False).added[0] for name, text in TEXTS.items()]
    stats = pipeline.extract_articles(con, ids)
    assert stats["failed"] == 1 and stats["articles"] == 3
    [(bad, reason)] = pipeline.failures(con)
    assert reason.startswith("could not store:") and "Bruxelles" in store.article(con, bad)["text"]
    assert con.execute("SELECT count(*) FROM events WHERE article_id = ?", [bad]).fetchone()[0] == 0
    assert con.execute("SELECT count(DISTINCT article_id) FROM events").fetchone()[0] == 2


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_stored_dates_out_of_range_never_raise_in_extraction(con, published):
    text = "Le ministre a annoncé jeudi un nouvel accord. La réunion aura lieu le 3 décembre à Bruxelles."
    [aid] = ingest_upload(con, "x.txt", text.encode(), extract=False).added
    con.execute("UPDATE articles SET published = ? WHERE article_id = ?", [published, aid])  # stored before checks
    pipeline.extract_articles(con, [aid])
    assert pipeline.failures(con) == []
    rows = dict(con.execute("SELECT date_text, year_known FROM events").fetchall())
    assert rows == {"le 3 décembre": False}  # read as an undated article: no year, relative dates unresolved


@pytest.fixture()
def junk_dates_db(db_copy, monkeypatch):
    """The sample corpus with dates no newspaper could carry, as rows stored before dates were checked hold."""
    con = store.connect(db_copy)
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()]
    con.execute("UPDATE articles SET published = '0001-01-01' WHERE article_id = ?", [ids[0]])
    con.execute("UPDATE articles SET published = '9999-12-31' WHERE article_id = ?", [ids[1]])
    events = [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY 1").fetchall()]
    for event_id, start, end in zip(events, ["0001-01-01", "9999-12-31", "0001-01-01"],
                                    ["0001-01-01", "9999-12-31", "9999-12-31"], strict=False):
        con.execute("UPDATE events SET date_start = ?, date_end = ?, year_known = true WHERE event_id = ?",
                    [start, end, event_id])
    con.execute("UPDATE quotes SET said_on = '9999-12-31' WHERE quote_id = (SELECT min(quote_id) FROM quotes)")
    con.execute("UPDATE quotes SET said_on = '0001-01-01' WHERE quote_id = (SELECT max(quote_id) FROM quotes)")
    con.execute("INSERT OR REPLACE INTO extraction_state (article_id, extractor, error) VALUES (?, ?, ?)",
                [ids[2], pipeline.fingerprint(), "OverflowError: date value out of range"])
    con.close()
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return ids


@pytest.mark.parametrize(("page", "params"), [
    ("dashboard.py", {}), ("pages/1_Timeline.py", {}), ("pages/1_Timeline.py", {"range": "all", "rows": "cluster"}),
    ("pages/2_Who_said_what.py", {}), ("pages/2_Who_said_what.py", {"cards": "1"}), ("pages/5_People.py", {}),
    ("pages/6_Search.py", {"q": "minister"}), ("pages/3_Translations.py", {}), ("pages/4_SQL.py", {}),
])
def test_pages_with_year_1_and_9999_rows_render(junk_dates_db, page, params):
    from tests.test_pages import run

    run(page, **params)  # asserts no exception


def test_home_names_the_articles_extraction_failed_on(junk_dates_db):
    from tests.test_pages import run

    at = run("dashboard.py", article=junk_dates_db[0])
    [box] = [e for e in at.expander if "could not be extracted from 1 article" in e.label]
    assert "OverflowError" in box.dataframe[0].value.to_string()


def test_dask_engine_records_a_failing_article_and_marks_the_others_extracted(con, monkeypatch, tmp_path):
    pytest.importorskip("distributed")
    from pressdesk.dask_engine import extract_distributed

    real = parallel.extract_article

    def flaky(item):
        if "Bruxelles" in item.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(item)

    monkeypatch.setattr(parallel, "extract_article", flaky)
    ids = [ingest_upload(con, name, text.encode(), extract=False).added[0] for name, text in TEXTS.items()]
    extract_distributed(con, ids, workers=1, processes=False, staging=str(tmp_path / "staging"))
    [(bad, reason)] = pipeline.failures(con)
    assert reason.startswith("RecursionError") and "Bruxelles" in store.article(con, bad)["text"]
    assert not pipeline.is_stale(con)
    assert con.execute("SELECT count(DISTINCT article_id) FROM events").fetchone()[0] == 2
