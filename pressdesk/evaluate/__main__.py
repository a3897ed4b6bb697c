"""Dispatch evaluation commands; each prints precision/recall-style figures and the misses."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pressdesk.evaluate")
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("dates", help="date-value accuracy against a gold file")
    p.add_argument("--gold", required=True)
    p.add_argument("--mode", choices=["text", "feed"], default="feed")
    p = sub.add_parser("date-phrases", help="public phrase gold: pressdesk.dates and dateparser side by side")
    p.add_argument("--phrases", nargs="*", help="JSONL files or folders (default: data/eval/public)")
    p.add_argument("--lang", nargs="*", help="only these languages")
    p.add_argument("--misses", action="store_true", help="list every phrase pressdesk.dates gets wrong")
    p = sub.add_parser("quotes", help="quote P/R/F1, speaker accuracy and attribution F1 against a gold file")
    p.add_argument("--gold", required=True)
    p = sub.add_parser("quote-cases", help="quote extraction on a case set (jsonl)")
    p.add_argument("--cases", default="data/eval/quote_cases.jsonl")
    args = parser.parse_args(argv)
    if args.what == "dates":
        from pressdesk.evaluate import dates

        return dates.run(args.gold, args.mode)
    if args.what == "date-phrases":
        from pressdesk.evaluate import phrases

        return phrases.run(args.phrases, args.lang, args.misses)
    from pressdesk.evaluate import quotes

    return quotes.run(args.gold) if args.what == "quotes" else quotes.run_cases(args.cases)


if __name__ == "__main__":
    sys.exit(main())
