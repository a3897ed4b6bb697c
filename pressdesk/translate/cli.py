"""`python -m pressdesk translate`: translate the corpus into one language, import/export the cache.

Exit codes: 0 done; 1 some texts failed (provider reachable); 2 bad usage or configuration;
3 provider unreachable, key refused or rate-limited (the rest was not sent; the cache is intact).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tomllib
from typing import Any, TextIO

from pressdesk import store
from pressdesk.translate import export_cache, import_cache, translate_corpus
from pressdesk.translate.config import PROVIDERS, TranslatorConfig, normalize_lang, scrub

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_UNREACHABLE = 0, 1, 2, 3
_FATAL_KINDS = {"offline", "timeout", "auth", "rate_limited", "server"}


class ProgressBar:
    """A dependency-free progress bar on stderr (redrawn in place on a terminal, sparse lines otherwise)."""

    def __init__(self, stream: TextIO | None = None, label: str = "translating", width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.label = label
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_draw = 0.0
        self._last_decile = -1
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self.tty:
            now = time.monotonic()
            if done < total and now - self._last_draw < 0.1:
                return
            self._last_draw = now
            filled = int(self.width * done / total)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
            self._drawn = True
        else:
            decile = 10 * done // total
            if decile == self._last_decile:
                return
            self._last_decile = decile
            self.stream.write(f"{self.label}: {done}/{total} ({100 * done // total}%)\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()


SECRETS_PATH = store.ROOT / ".streamlit" / "secrets.toml"


def _secrets_file() -> dict[str, Any]:
    """PRESSDESK_* values from .streamlit/secrets.toml, so the CLI can use the keys the UI uses."""
    try:
        with SECRETS_PATH.open("rb") as fh:
            return {k: v for k, v in tomllib.load(fh).items() if k.startswith("PRESSDESK_")}
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def load_config(args: argparse.Namespace) -> TranslatorConfig:
    """.streamlit/secrets.toml, overridden by the environment, overridden by flags."""
    mapping: dict[str, Any] = {**_secrets_file(), **{k: v for k, v in os.environ.items() if k.startswith("PRESSDESK_")}}
    if args.provider:
        mapping["PRESSDESK_TRANSLATOR"] = args.provider
    if args.timeout is not None:
        mapping["PRESSDESK_TRANSLATE_TIMEOUT"] = args.timeout
    if args.workers is not None:
        mapping["PRESSDESK_TRANSLATE_WORKERS"] = args.workers
    return TranslatorConfig.from_mapping(mapping)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="DuckDB file (default: $PRESSDESK_DB or data/pressdesk.duckdb)")
    parser.add_argument("--to", dest="to", metavar="LANG", help="target language, ISO 639-1 (en, fr, zh...)")
    parser.add_argument("--article", metavar="ID", help="only this article")
    parser.add_argument("--provider", choices=PROVIDERS, help="override PRESSDESK_TRANSLATOR")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="per-request timeout")
    parser.add_argument("--workers", type=int, metavar="N", help="parallel requests")
    parser.add_argument("--export-cache", metavar="PATH", help="write the translation cache to Parquet")
    parser.add_argument("--import-cache", metavar="PATH", help="merge a Parquet translation cache")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `translate` sub-command to the lead's argparse; dispatch is args.func(args) -> int."""
    parser = subparsers.add_parser(
        "translate",
        help="translate sentences, quotes and event summaries (cached in the database)",
        description="Translate every sentence, quote and event summary not yet in the target language. "
        "Already-translated texts come from the cache; nothing is translated twice.",
    )
    add_arguments(parser)
    parser.set_defaults(func=run)
    return parser


def _err(message: str) -> None:
    print(f"translate: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """The sub-command; returns the exit code."""
    if not (args.to or args.export_cache or args.import_cache):
        _err("nothing to do: give --to LANG and/or --import-cache / --export-cache")
        return EXIT_USAGE
    if args.to and normalize_lang(args.to) == "auto":
        _err(f"unknown target language {args.to!r}")
        return EXIT_USAGE
    config = None
    if args.to:
        try:
            config = load_config(args)
        except ValueError as exc:
            _err(f"configuration: {exc}")
            return EXIT_USAGE
        if config.problem():
            _err(f"configuration: {config.problem()}")
            return EXIT_USAGE
    con = store.connect(args.db)
    try:
        if args.import_cache:
            added = _cache_io("import", import_cache, con, args.import_cache)
            if added is None:
                return EXIT_USAGE
            print(f"imported {added} translations from {args.import_cache}")
        code = EXIT_OK
        if args.article and con.cursor().execute("SELECT 1 FROM articles WHERE article_id = ?", [args.article]).fetchone() is None:
            _err(f"no article {args.article!r} in {store.db_path(args.db)}")
            return EXIT_USAGE
        if config is not None:
            code = _translate(con, args, config)
        if args.export_cache:
            rows = _cache_io("export", export_cache, con, args.export_cache)
            if rows is None:
                return EXIT_USAGE
            print(f"exported {rows} translations to {args.export_cache}")
        return code
    finally:
        con.close()


def _cache_io(verb: str, action: Any, con: Any, path: str) -> int | None:
    """Run a cache import/export; a bad path or file becomes one line on stderr and None."""
    try:
        return action(con, path)
    except (OSError, ValueError) as exc:
        _err(f"cannot {verb} cache: {scrub(exc)}")
    except Exception as exc:  # duckdb.Error on a file that is not Parquet
        _err(f"cannot {verb} cache: {type(exc).__name__}: {scrub(exc)[:300]}")
    return None


def _translate(con: Any, args: argparse.Namespace, config: TranslatorConfig) -> int:
    bar = None if args.no_progress else ProgressBar()
    try:
        result = translate_corpus(con, args.to, config, article_id=args.article, progress=bar)
    except KeyboardInterrupt:
        if bar:
            bar.close()
        _err("interrupted; translations finished so far are kept in the cache")
        return 130
    if bar:
        bar.close()
    print(result.summary())
    if result.error:
        message = scrub(result.error, config.secrets)
        if result.error_kind in _FATAL_KINDS:
            _err(f"{message} — {result.failed} text(s) not translated yet, nothing else was sent; "
                 "cached translations are intact")
            return EXIT_UNREACHABLE
        _err(message)
        return EXIT_USAGE if result.error_kind == "config" else EXIT_PARTIAL
    if result.failed:
        reasons = sorted({r.error for r in result.results.values() if r.error})
        _err(f"{result.failed} text(s) failed: {'; '.join(reasons[:3])}")
        return EXIT_PARTIAL
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (tests, `python -m pressdesk.translate.cli`); accepts a leading 'translate'."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "translate":
        argv = argv[1:]
    parser = argparse.ArgumentParser(prog="pressdesk translate")
    add_arguments(parser)
    parser.set_defaults(func=run)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
