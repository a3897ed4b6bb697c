"""Fault test: `kill -9` of a real ingest process mid-run, then restart. Every article ends extracted exactly once,
nothing is half-written, and the database equals one built without a crash."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from pressdesk import pipeline, store
from pressdesk.ingest import ingest
from tests.conftest import ROOT, SAMPLES

N_ARTICLES = 240
PEOPLE = [("Maria Ionescu", "the foreign minister"), ("Jean Dupont", "the army spokesman"),
          ("Giulia Bianchi", "the mayor"), ("Samuel Okafor", "the UN envoy")]
CITIES = ["Bucharest", "Paris", "Rome", "Geneva", "Kyiv", "Brussels"]


def write_corpus(root):
    """A folder of small articles with dates, events and quotes (generated: no real text in the repo)."""
    root.mkdir()
    for i in range(N_ARTICLES):
        name, role = PEOPLE[i % len(PEOPLE)]
        city = CITIES[i % len(CITIES)]
        day = 1 + i % 27
        text = (f"{city}, {day} March 2025. Round {i} of the talks on the grain corridor opened on Monday in {city}. "
                f"{name}, {role}, said on Tuesday that the delegations would meet again on {day} April 2025. "
                f"\"We will not accept a deal that leaves {city} without guarantees,\" {name.split()[-1]} "
                f"told reporters after session {i}.")
        (root / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("kill9") / "in")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A database already in use: the sample articles, fully extracted by this version."""
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    con = store.connect(path)
    assert ingest(con, [SAMPLES]).added and not pipeline.is_stale(con)
    con.close()
    return path


@pytest.fixture(scope="module")
def reference(seeded, corpus, tmp_path_factory):
    """The same folder ingested into the same database with no crash."""
    path = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    shutil.copy(seeded, path)
    con = store.connect(path)
    report = ingest(con, [corpus])
    assert len(report.added) == N_ARTICLES and not report.failed
    yield snapshot(con)
    con.close()


@pytest.fixture()
def db(seeded, tmp_path):
    shutil.copy(seeded, tmp_path / "crash.duckdb")
    return tmp_path / "crash.duckdb"


def snapshot(con) -> dict[str, list[tuple]]:
    """Everything stored, in a comparable form (ingestion times left out)."""
    queries = {
        "articles": "SELECT article_id, source, url, title, publisher, language, published, text, content_hash"
                    " FROM articles",
        "sentences": "SELECT * FROM sentences",
        "events": "SELECT * FROM events",
        "quotes": "SELECT * FROM quotes",
        "state": "SELECT article_id, extractor, error FROM extraction_state",
    }
    return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}


def kill_after(corpus, db, marker: str, count: int) -> int:
    """Start the ingest in its own process group, SIGKILL the group after `count` lines `marker`; lines seen."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.crash_ingest", str(corpus), str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    seen = 0
    try:
        for line in proc.stdout:
            seen += line.strip() == marker
            if seen >= count:
                break
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its extraction workers, as an OOM kill or a crash would
        proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    return seen


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pressdesk", *args], cwd=ROOT, capture_output=True, text=True,
                          check=True)


def assert_whole(con) -> None:
    """Every article extracted exactly once by this extractor; no duplicate or orphan rows."""
    assert not pipeline.is_stale(con) and pipeline.failures(con) == []
    assert con.execute("SELECT count(*) FROM articles ANTI JOIN extraction_state USING (article_id)").fetchone()[0] == 0
    for table, key in [("events", "event_id"), ("quotes", "quote_id"), ("extraction_state", "article_id")]:
        total, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {table}").fetchone()
        assert total == distinct, f"duplicate rows in {table}"
        assert con.execute(f"SELECT count(*) FROM {table} ANTI JOIN articles USING (article_id)").fetchone()[0] == 0


def test_kill_9_mid_ingest_then_extract_if_stale_and_restart(corpus, reference, db):
    kill_after(corpus, db, "committed", 2)  # 80 articles committed, extraction not yet started
    con = store.connect(db)
    committed = con.execute("SELECT count(*) FROM articles").fetchone()[0] - len(list(SAMPLES.iterdir()))
    assert 0 < committed < N_ARTICLES and len(pipeline.never_extracted(con)) == committed
    con.close()
    repaired = cli("extract", "--if-stale", "--db", str(db)).stdout
    assert "up to date" not in repaired and f"from {committed} articles" in repaired
    restart = cli("ingest", str(corpus), "--db", str(db)).stdout  # the analyst runs the same command again
    assert f"added {N_ARTICLES - committed}, already loaded {committed}, failed 0" in restart
    con = store.connect(db)
    assert_whole(con)
    assert snapshot(con) == reference
    con.close()


def test_kill_9_mid_extraction_then_app_start_repairs(corpus, reference, db, monkeypatch):
    from tests.test_pages import run

    kill_after(corpus, db, "extracted", 2)  # every article committed, 2 of 6 extraction batches written
    con = store.connect(db)
    samples = len(list(SAMPLES.iterdir()))
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == samples + N_ARTICLES
    extracted = con.execute("SELECT count(*) FROM extraction_state").fetchone()[0] - samples
    assert 0 < extracted < N_ARTICLES and len(pipeline.pending(con)) == N_ARTICLES - extracted
    # nothing half-written: an article has events or quotes only if it is marked extracted, and then all of them
    assert con.execute("SELECT count(*) FROM (SELECT article_id FROM events UNION SELECT article_id FROM quotes)"
                       " ANTI JOIN extraction_state USING (article_id)").fetchone()[0] == 0
    con.close()
    monkeypatch.setenv("PRESSDESK_DB", str(db))
    at = run("dashboard.py")  # the app's start repairs what the crash left
    assert at.metric[0].value == str(samples + N_ARTICLES) and not any("up-to-date" in w.value for w in at.warning)
    con = store.connect(db)
    assert_whole(con)
    assert snapshot(con) == reference
    con.close()
