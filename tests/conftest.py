"""Shared fixtures: a database built from the sample corpus the way `make run` builds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pressdesk import store
from pressdesk.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A database file holding the five sample articles, fully extracted (built once per test session)."""
    path = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    con = store.connect(path)
    report = ingest(con, [SAMPLES])
    assert not report.failed, report.failed
    con.close()
    return path


@pytest.fixture()
def db_copy(sample_db, tmp_path) -> Path:
    """A private copy of the sample database, for tests that write."""
    target = tmp_path / "corpus.duckdb"
    shutil.copy(sample_db, target)
    return target


@pytest.fixture()
def con():
    connection = store.connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture(autouse=True)
def local_server(monkeypatch):
    """Pages under test are served as `make run` serves them, on loopback only, where the local user edits.
    Access tests override server.address to play a public server."""
    from streamlit import config

    monkeypatch.delenv("PRESSDESK_EDITOR_PASSWORD", raising=False)
    monkeypatch.delenv("PRESSDESK_EDITORS", raising=False)
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)
