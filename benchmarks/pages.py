"""Dashboard responsiveness at corpus scale: build N generated articles (with extraction), then time each page."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402
from pressdesk import store  # noqa: E402
from pressdesk.ingest import ingest  # noqa: E402

PAGES = ["pages/0_Home.py", "pages/1_Timeline.py", "pages/2_Who_said_what.py", "pages/3_Translations.py",
         "pages/4_SQL.py"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=2_000)
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        feed = root / "feed.jsonl"
        feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in generate(args.n)), encoding="utf-8")
        db = root / "pages.duckdb"
        con = store.connect(db)
        t0 = time.perf_counter()
        report = ingest(con, [feed], extract=True)
        build = time.perf_counter() - t0
        counts = store.counts(con)
        con.close()
        print(f"built {len(report.added):,} articles with extraction in {build:.1f} s "
              f"({len(report.added) / build:,.0f} articles/s): {counts['events']:,} events, {counts['quotes']:,} quotes")
        os.environ["PRESSDESK_DB"] = str(db)
        for page in PAGES:
            timings = []
            for _ in range(2):  # first run fills Streamlit's caches; the second is what a returning user sees
                at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
                if page != PAGES[0]:
                    at.switch_page(page)
                t = time.perf_counter()
                at.run()
                timings.append(time.perf_counter() - t)
                if at.exception:
                    print(f"  {page}: EXCEPTION {at.exception[0].value}")
            print(f"  {page:28s} first {timings[0]:5.2f} s   cached {timings[1]:5.2f} s")


if __name__ == "__main__":
    main()
