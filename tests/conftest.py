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
