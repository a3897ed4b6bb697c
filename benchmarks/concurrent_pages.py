"""Server-side page times with many sessions at once: `-n` sessions, each opening one page (the pages in turn),
run at the same moment in one process as Streamlit runs them (a script thread per session, one shared cache),
timed from start to finish of the page script. No browser: benchmarks/sessions.py drives real Chromium, but on
this machine 20 Chromiums share the server's two cores and their own rendering dominates what they measure.

`python benchmarks/concurrent_pages.py -n 20 --db <corpus.duckdb>` prints the median and slowest page time, first
(a server just started: caches empty, page modules not yet imported), again (the same 20 sessions reopening their
page), and once more after emptying every cache (as after a write changed the corpus, plus reopening the database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


def one_session(page: str, out: list[tuple[str, float, str | None]], start: threading.Barrier) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
    if page != "dashboard.py":
        at.switch_page(page)
    start.wait()
    t0 = time.perf_counter()
    at.run()
    out.append((page, time.perf_counter() - t0, str(at.exception[0].value)[:200] if at.exception else None))


def serve_components_once() -> None:
    """A server scans installed packages for components once, when it starts (streamlit.runtime); AppTest scans
    them on every run, about 0.25 s of CPU that no real page view pays. Scan once here too."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    scan = functools.lru_cache(maxsize=1)(manifest_scanner.scan_component_manifests)
    manifest_scanner.scan_component_manifests = scan
    scan()  # at start-up, as the server does: 20 sessions missing the cache at once would each scan


def wave(n: int) -> list[tuple[str, float, str | None]]:
    """n sessions started together, pages in turn; (page, seconds, error) of each."""
    pages = ["dashboard.py", *PAGES]
    out: list[tuple[str, float, str | None]] = []
    start = threading.Barrier(n)
    threads = [threading.Thread(target=one_session, args=(pages[i % len(pages)], out, start)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20, help="sessions at once")
    parser.add_argument("--db", type=Path, required=True, help="the corpus database (used in place, read only)")
    args = parser.parse_args()
    os.environ["PRESSDESK_DB"] = str(args.db)
    serve_components_once()
    import streamlit as st

    for label in ("first (server just started)", "again (caches filled)", "after every cache was emptied"):
        if label.startswith("after"):
            st.cache_data.clear()
            st.cache_resource.clear()
        results = wave(args.n)
        times = sorted(t for _, t, _ in results)
        errors = [f"{p}: {e}" for p, _, e in results if e]
        print(f"{args.n} sessions at once, {label}: median page {statistics.median(times):.2f} s, "
              f"slowest {times[-1]:.2f} s, errors {len(errors)}")
        for error in errors:
            print("  ", error)


if __name__ == "__main__":
    main()
