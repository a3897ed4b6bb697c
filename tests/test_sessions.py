"""A busy team on one server: 20 browser sessions at once, every page loads with no exception while an editor
uploads (drive in benchmarks/sessions.py; the figures it prints are in the README)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

if not Path("/usr/bin/chromium").exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium for the browser tests (.ci/run does)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

from benchmarks.sessions import run  # noqa: E402
from pressdesk import audit, store  # noqa: E402

SESSIONS = 20


def test_twenty_sessions_load_while_an_editor_uploads(sample_db, tmp_path):
    db = tmp_path / "corpus.duckdb"
    shutil.copy(sample_db, db)
    outcome = run(db, SESSIONS)
    assert outcome.errors == []
    assert outcome.settled == SESSIONS
    assert outcome.upload.startswith("1 article added")
    assert "Traceback" not in outcome.server_log
    con = store.connect(db)
    try:
        assert store.counts(con)["articles"] == 6
        assert audit.recent(con)[["who", "action", "target"]].values.tolist() == [
            ["Load tester (password)", "upload", "upload.txt"]]
    finally:
        con.close()
