"""The CLI while another process (the dashboard) holds the database: one line, no traceback, nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(60)"


def test_ingest_while_another_process_holds_the_database_says_so_in_one_line(tmp_path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for command in (["ingest", "--db", str(db), str(ROOT / "data" / "articles")], ["extract", "--db", str(db)]):
            run = subprocess.run([sys.executable, "-m", "pressdesk", *command], cwd=ROOT, capture_output=True,
                                 text=True, timeout=120)
            assert run.returncode == 3, run.stderr
            lines = run.stderr.strip().splitlines()
            assert len(lines) == 1 and "Traceback" not in run.stderr
            assert f"process {holder.pid}" in lines[0] and "upload panel" in lines[0]
    finally:
        holder.kill()
        holder.wait()
    tables = duckdb.connect(str(db)).execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]
    assert tables == 0  # the refused CLI wrote nothing
