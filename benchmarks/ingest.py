"""Ingestion throughput (articles/s, no extraction) and peak memory on 10,000 generated articles."""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate  # noqa: E402
from pressdesk import store  # noqa: E402
from pressdesk.ingest import ingest  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--per-file", type=int, default=1_000, help="records per JSONL file")
    parser.add_argument("--txt", type=int, default=500, help="also time this many one-article .txt files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        records = list(generate(args.n))
        for start in range(0, len(records), args.per_file):
            with open(root / f"part{start // args.per_file:03d}.jsonl", "w", encoding="utf-8") as fh:
                for rec in records[start:start + args.per_file]:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        txt_dir = root / "txt"
        txt_dir.mkdir()
        for i, rec in enumerate(generate(args.txt, seed=11)):
            (txt_dir / f"{i:05d}.txt").write_text(rec["text"], encoding="utf-8")
        con = store.connect(root / "bench.duckdb")
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest(con, sorted(root.glob("*.jsonl")), extract=False)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        t1 = time.perf_counter()
        txt_report = ingest(con, [txt_dir], extract=False)
        txt_elapsed = time.perf_counter() - t1
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        counts = store.counts(con)
    print(f"JSONL: {len(report.added):,} articles in {elapsed:.1f} s = {len(report.added) / elapsed:,.0f} articles/s "
          f"({report.duplicates} duplicates, {len(report.failed)} failed); CPU time {cpu:.1f} s on "
          f"{os.cpu_count()} cores: wall rates drop when other work shares the machine")
    print(f"TXT files: {len(txt_report.added):,} in {txt_elapsed:.1f} s = "
          f"{len(txt_report.added) / txt_elapsed:,.0f} articles/s (written in batches, retried file by file on error)")
    print(f"sentences stored: {counts['sentences']:,}; peak memory (RSS): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
