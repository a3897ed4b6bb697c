"""Scale benchmark: ingest and extraction rates, every page's first and cached time, and peak memory, at 1k / 10k /
100k articles in one run. A base corpus (1,000 generated articles, or a real folder given with --corpus) is ingested
and extracted; bigger corpora replicate its rows with new ids and dates shifted by a week per copy."""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressdesk import parallel, pipeline, store  # noqa: E402
from pressdesk.store import digest, wire_index  # noqa: E402

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
SHIFT_DAYS = 7  # each copy of the base corpus moves a week later, so the timeline spans more time as it grows

# One statement per table: each copy k of a base article gets new ids and shifted dates, everything else kept.
REPLICATE = {
    "articles": """SELECT a.* REPLACE (a.article_id || '~' || r.k AS article_id,
                   a.content_hash || '~' || r.k AS content_hash, a.published + CAST(r.k * {shift} AS INTEGER) AS published,
                   a.source || '~' || r.k AS source)""",
    "sentences": "SELECT a.* REPLACE (a.article_id || '~' || r.k AS article_id)",
    "events": """SELECT a.* REPLACE (a.event_id || '~' || r.k AS event_id, a.article_id || '~' || r.k AS article_id,
                 a.cluster_id || '~' || r.k AS cluster_id, a.date_start + CAST(r.k * {shift} AS INTEGER) AS date_start,
                 a.date_end + CAST(r.k * {shift} AS INTEGER) AS date_end)""",
    "quotes": """SELECT a.* REPLACE (a.quote_id || '~' || r.k AS quote_id, a.article_id || '~' || r.k AS article_id,
                 a.said_on + CAST(r.k * {shift} AS INTEGER) AS said_on)""",
}


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: a child started by fork+exec inherits its
    parent's ru_maxrss, which would hide the page process's own peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


@contextlib.contextmanager
def timing_finish() -> Iterator[list[float]]:
    """Time each run of the corpus-wide steps after an extraction (`pipeline.finish`) apart: the part of an ingest
    whose cost may follow the corpus rather than the articles."""
    finish, steps = pipeline.finish, []

    def timed_finish(*args, **kwargs):
        t = time.perf_counter()
        try:
            return finish(*args, **kwargs)
        finally:
            steps.append(time.perf_counter() - t)

    pipeline.finish = timed_finish
    try:
        yield steps
    finally:
        pipeline.finish = finish


def build_base(db: Path, corpus: Path | None, n: int, workers: int | None) -> dict:
    """Ingest (no extraction) then extract the base corpus, timing each step."""
    from benchmarks.corpus import generate
    from pressdesk.ingest import ingest
    from pressdesk.pipeline import extract_articles

    con = store.connect(db)
    source = corpus
    if source is None:
        source = db.parent / "generated.jsonl"
        source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in generate(n)), encoding="utf-8")
    parallel.prestart()  # as `ingest` does when extraction follows: the pool warms up while the articles are read
    t0 = time.perf_counter()
    report = ingest(con, [source], extract=False)
    ingest_s = time.perf_counter() - t0
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    t0 = time.perf_counter()
    with timing_finish() as steps:
        counts = extract_articles(con, ids, workers=workers)
    extract_s = time.perf_counter() - t0
    con.close()
    return {"articles": len(ids), "added": len(report.added), "ingest_s": ingest_s, "extract_s": extract_s,
            "finish_s": sum(steps), **counts}


def dask_extract(db: Path, workers: int) -> float:
    """Seconds for `extract --engine dask` on a LocalCluster of worker processes over the base corpus."""
    from pressdesk.dask_engine import extract_distributed

    con = store.connect(db)
    t0 = time.perf_counter()
    extract_distributed(con, workers=workers)
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed


def replicate(base: Path, target: Path, size: int, shift: int = SHIFT_DAYS) -> dict:
    """A corpus of `size` articles: the base database plus copies of its rows (new ids, each copy `shift` days later
    than the one before)."""
    shutil.copy(base, target)
    con = store.connect(target)
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = math.ceil(size / n)
    con.execute("BEGIN TRANSACTION")
    con.execute(
        """CREATE TEMP TABLE copies AS
           SELECT article_id, k FROM (SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS i
                                      FROM articles), range(1, ?) r(k)
           WHERE k * ? + i < ?""", [copies, n, size])
    for table, select in REPLICATE.items():
        con.execute(f"INSERT INTO {table} {select.format(shift=shift)}"
                    f" FROM {table} a JOIN copies r USING (article_id)")
    # what extraction derives per article or per quote is replicated too, as extracting the copies would store it
    con.execute("""INSERT INTO statement_groups SELECT g.quote_id || '~' || r.k, g.group_id || '~' || r.k, g.speaker,
                   g.reason FROM statement_groups g JOIN quotes q USING (quote_id) JOIN copies r USING (article_id)""")
    con.execute("""INSERT INTO quote_evidence SELECT e.* REPLACE (e.quote_id || '~' || r.k AS quote_id)
                   FROM quote_evidence e JOIN quotes q USING (quote_id) JOIN copies r USING (article_id)""")
    for table in ("article_signatures", "wire_credits", "extraction_state"):
        con.execute(f"INSERT INTO {table} SELECT a.* REPLACE (a.article_id || '~' || r.k AS article_id)"
                    f" FROM {table} a JOIN copies r USING (article_id)")
    wire_index.rebuild(con)  # the copies' band keys, numbered as if they had arrived in id order
    digest.refresh(con)  # the first-view digests, as the last step of a write makes them
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    counts = store.counts(con)
    con.close()
    return counts


def span_days(db: Path) -> int:
    """Days between the base corpus's first and last publication dates."""
    con = store.connect(db)
    try:
        return con.execute("SELECT date_diff('day', min(published), max(published)) FROM articles").fetchone()[0] or 0
    finally:
        con.close()


def add_median(db: Path, base: int, runs: int = 3) -> tuple[float, float, float, float]:
    """add_articles `runs` times, each into a fresh copy: the run of median time (one add varies by a second here)."""
    return sorted((add_articles(db, base) for _ in range(runs)), key=lambda r: r[0])[runs // 2]


def add_articles(db: Path, base: int, n: int = 100) -> tuple[float, float, float, float]:
    """Seconds to ingest and extract `n` new articles into a copy of the corpus (the incremental steps, event
    clusters, statement groups and wire copies, should cost about what the new articles hold, whatever the corpus),
    the megabytes this left in the write-ahead log, and the seconds of the checkpoint that writes them into the file
    (DuckDB runs one whenever the log passes `checkpoint_threshold`: once per so many adds), and the seconds of the
    corpus-wide steps within the add."""
    from benchmarks.corpus import generate
    from pressdesk.ingest import ingest

    copy = db.with_name(db.stem + "_add.duckdb")
    shutil.copy(db, copy)
    source = db.with_name("added.jsonl")
    records = [dict(r, text=r["text"] + f" (new article {i})") for i, r in enumerate(generate(base + n)) if i >= base]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    con = store.connect(copy)
    t0 = time.perf_counter()
    with timing_finish() as steps:
        ingest(con, [source])
    elapsed = time.perf_counter() - t0
    wal = Path(f"{copy}.wal")
    logged = wal.stat().st_size / 1e6 if wal.exists() else 0.0
    t0 = time.perf_counter()
    con.execute("CHECKPOINT")  # what the add left in the write-ahead log, written into the file
    checkpoint = time.perf_counter() - t0
    con.close()
    copy.unlink()
    return elapsed, logged, checkpoint, sum(steps)


def time_pages(db: Path) -> dict:
    """Run in a child process: each page's first and cached script time, and this process's peak memory."""
    from streamlit.testing.v1 import AppTest

    os.environ["PRESSDESK_DB"] = str(db)
    out: dict = {"pages": {}}
    for page in PAGES:
        timings, error = [], None
        for _ in range(2):  # the first run fills Streamlit's caches; the second is what a returning user sees
            at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
            if page != PAGES[0]:
                at.switch_page(page)
            t0 = time.perf_counter()
            at.run()
            timings.append(time.perf_counter() - t0)
            if at.exception:
                error = str(at.exception[0].value)[:200]
        out["pages"][page] = {"first": timings[0], "cached": timings[1], "error": error}
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def pages_in_child(db: Path) -> dict:
    """Page timings in a fresh process, so its caches start empty and its peak memory is the page server's."""
    proc = subprocess.run([sys.executable, __file__, "--pages-of", str(db)], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"page timing failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def page_name(page: str) -> str:
    return Path(page).stem.split("_", 1)[1].replace("_", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes, comma-separated")
    parser.add_argument("--base", type=int, default=1000, help="generated articles ingested and extracted")
    parser.add_argument("--corpus", type=Path, default=None, help="a real folder or file to ingest as the base")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: every core)")
    parser.add_argument("--dask", action="store_true", help="also time extract --engine dask on the base corpus")
    parser.add_argument("--keep", type=Path, default=None, help="keep the databases in this folder")
    parser.add_argument("--pages-of", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pages_of:
        print(json.dumps(time_pages(args.pages_of)))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    workdir = Path(tempfile.mkdtemp(prefix="pressdesk-scale-")) if args.keep is None else args.keep
    workdir.mkdir(parents=True, exist_ok=True)
    workers = min(args.workers or parallel.cores(), parallel.cores())
    try:
        base_db = workdir / "base.duckdb"
        base = build_base(base_db, args.corpus, args.base, args.workers)
        n = base["articles"]
        print(f"base corpus: {n:,} articles ({'generated' if args.corpus is None else args.corpus}), "
              f"{base['events']:,} events, {base['quotes']:,} quotes; {parallel.cores()} cores available")
        print(f"ingest (no extraction): {n / base['ingest_s']:,.0f} articles/s ({base['ingest_s']:.1f} s)")
        print(f"extract (dates + events + quotes), local engine on {workers} worker processes: "
              f"{n / base['extract_s']:,.1f} articles/s ({base['extract_s']:.1f} s, of which {base['finish_s']:.1f} s "
              "the corpus-wide steps after it: clusters, speaker names, statement groups, wire copies)")
        if args.dask:
            dask_s = dask_extract(workdir / "base.duckdb", workers)
            print(f"extract, --engine dask on a LocalCluster of {workers} workers: {n / dask_s:,.1f} articles/s "
                  f"({dask_s:.1f} s)")
        print(f"builder peak RSS: {peak_rss_mb():,.0f} MB (extraction worker processes not included)")
        results = {}
        for size in sizes:
            db = workdir / f"corpus_{size}.duckdb"
            t0 = time.perf_counter()
            counts = replicate(base_db, db, size) if size != n else store.counts(store.connect(base_db))
            if size == n:
                db = base_db
            print(f"\n{label(size)}: {counts['articles']:,} articles, {counts['events']:,} events, "
                  f"{counts['quotes']:,} quotes (built in {time.perf_counter() - t0:.1f} s); timing pages...")
            results[size] = pages_in_child(db)
            for page, t in results[size]["pages"].items():
                note = f"   ERROR {t['error']}" if t["error"] else ""
                print(f"  {page_name(page):16s} first {t['first']:6.2f} s   cached {t['cached']:6.2f} s{note}")
            print(f"  page process peak RSS: {results[size]['peak_rss_mb']:,.0f} MB")
            added, logged, checkpoint, steps = add_median(db, n)
            print(f"  100 new articles ingested and extracted into it: {added:.1f} s (median of 3), of which"
                  f" {steps:.1f} s the corpus-wide steps; it left {logged:.1f} MB in the write-ahead log, whose"
                  f" checkpoint (once the log passes the threshold) took {checkpoint:.1f} s")
            if size > n:  # the same size at the base's density: each copy a base span later, none overlapping
                spread = workdir / f"spread_{size}.duckdb"
                replicate(base_db, spread, size, span_days(base_db) + 2 * SHIFT_DAYS)
                added, _, _, steps = add_median(spread, n)
                print(f"  ... into {label(size)} whose copies do not overlap in time (each speaker as many reports a "
                      f"day as in the base): {added:.1f} s, of which {steps:.1f} s the corpus-wide steps")
                spread.unlink()
        print("\n| page | " + " | ".join(f"{label(s)} first / cached" for s in sizes) + " |")
        print("|---|" + "---|" * len(sizes))
        for page in PAGES:
            cells = [f"{results[s]['pages'][page]['first']:.2f} / {results[s]['pages'][page]['cached']:.2f} s"
                     for s in sizes]
            print(f"| {page_name(page)} | " + " | ".join(cells) + " |")
        print("| page process peak RSS | " + " | ".join(f"{results[s]['peak_rss_mb']:,.0f} MB" for s in sizes) + " |")
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
