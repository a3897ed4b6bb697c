"""Command line: `python -m pressdesk ingest|extract|translate ...`."""

from __future__ import annotations

import argparse
import re
import sys

import duckdb

from pressdesk import store


def _ingest(args: argparse.Namespace) -> int:
    from pressdesk.ingest import ingest

    con = store.connect(args.db)
    report = ingest(con, args.paths, extract=not args.no_extract, allow_private_urls=args.allow_private_urls)
    for source, reason in report.failed:
        print(f"skipped {source}: {reason}", file=sys.stderr)
    for source, note in report.notes:
        print(f"loaded {source} with a note: {note}", file=sys.stderr)
    print(report.summary())
    return 0 if report.added or report.duplicates or not report.failed else 1


def _extract(args: argparse.Namespace) -> int:
    from pressdesk.pipeline import extract_articles, failures, is_stale, pending, refresh_if_stale

    con = store.connect(args.db)
    if args.if_stale and not is_stale(con):
        refresh_if_stale(con)  # the first-view digests, when a database made before them lacks them
        print(f"extractions are up to date{_failed_note(failures(con))}")
        return 0
    ids = pending(con) if args.if_stale else [r[0] for r in con.cursor().execute(
        "SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    if args.engine == "dask":
        from pressdesk.dask_engine import extract_distributed

        stats = extract_distributed(con, ids, scheduler=args.scheduler, workers=args.workers, staging=args.staging)
        print(f"extracted {stats['events']} events and {stats['quotes']} quotes from {stats['articles']} articles"
              f" in {stats['batches']} Dask tasks{_failed_note(failures(con))}")
        return 0
    stats = extract_articles(con, ids, workers=args.workers)
    print(f"extracted {stats['events']} events and {stats['quotes']} quotes from {stats['articles']} articles"
          f"{_failed_note(failures(con))}")
    return 0


def _failed_note(failed: list[tuple[str, str]]) -> str:
    """The articles extraction failed on, for the summary line (each one is listed on stderr)."""
    for article_id, reason in failed:
        print(f"extraction failed on article {article_id}: {reason}", file=sys.stderr)
    return f"; extraction failed on {len(failed)} article(s), listed above" if failed else ""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pressdesk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="load files, folders or URLs into the database")
    p.add_argument("paths", nargs="+")
    p.add_argument("--db", default=None, help="database file (default $PRESSDESK_DB or data/pressdesk.duckdb)")
    p.add_argument("--no-extract", action="store_true", help="skip date and quote extraction")
    p.add_argument("--allow-private-urls", action="store_true", help="allow fetching loopback/private addresses")
    p.set_defaults(func=_ingest)
    p = sub.add_parser("extract", help="re-run date, event and quote extraction on every article")
    p.add_argument("--db", default=None)
    p.add_argument("--if-stale", action="store_true",
                   help="only when the extractor (code or language data) changed since the last extraction")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: a process pool on this machine; dask: Dask tasks over Parquet batches")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask scheduler (tcp://host:8786) of a running cluster; default a LocalCluster here")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--staging", default=None, metavar="DIR_OR_URL",
                   help="where Parquet batches go; on a real cluster a path or URL every worker can read")
    p.set_defaults(func=_extract)
    try:
        from pressdesk.translate import cli as translate_cli
    except ImportError:  # translation is optional for the rest of the CLI
        translate_cli = None
    if translate_cli is not None:
        translate_cli.register(sub)
    return parser


EXIT_LOCKED = 3


def locked_message(error: duckdb.IOException, db: str | None) -> str | None:
    """One line for a database another process holds (DuckDB allows one writing process), else None."""
    text = str(error)
    if "lock" not in text.lower():
        return None
    pid = re.search(r"PID (\d+)", text)
    holder = f"process {pid.group(1)}" if pid else "another process"
    return (f"{db or 'the database'} is open in {holder} (the running dashboard?), and DuckDB lets one process write"
            " it: stop that process and run this again, or load the files through the dashboard's upload panel.")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except duckdb.IOException as error:
        message = locked_message(error, str(store.db_path(getattr(args, "db", None))))
        if message is None:
            raise
        print(message, file=sys.stderr)
        return EXIT_LOCKED


if __name__ == "__main__":
    sys.exit(main())
