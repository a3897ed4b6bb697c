"""Run `python -m pressdesk ingest` with small batches, printing a line after each commit, so a test can
SIGKILL it at a known phase (`python -m tests.crash_ingest FOLDER DB`). Not a test module."""

from __future__ import annotations

import sys

from pressdesk import ingest, pipeline
from pressdesk.__main__ import main


def _announce(fn, marker):
    def wrapped(*args, **kwargs):
        out = fn(*args, **kwargs)
        print(marker, flush=True)
        return out
    return wrapped


if __name__ == "__main__":
    ingest.BATCH_FILES = 40  # several ingest commits
    pipeline.BATCH = 40  # several extraction commits
    ingest.store_records = _announce(ingest.store_records, "committed")
    pipeline.write_rows = _announce(pipeline.write_rows, "extracted")
    sys.exit(main(["ingest", sys.argv[1], "--db", sys.argv[2]]))
