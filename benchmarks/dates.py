"""Benchmark pressdesk.dates.find_dates against dateparser.search_dates: accuracy and speed, side by side.

Run: .venv/bin/python benchmarks/dates.py [--phrases tests/data/date_phrase_regressions.jsonl] [--gold GOLD.json]
Sentences come from the regression sentences (the retired synthetic phrase sets) and from the gold articles'
sentences (feed publication dates).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # runnable as a plain script from anywhere

from pressdesk.dates import TimeMention, find_dates, iso_value  # noqa: E402


@dataclass
class Case:
    lang: str
    text: str
    published: date | None
    expected: list[dict]  # {"text", "value"}


def phrase_cases(path: Path) -> list[Case]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [
        r for r in rows if all(e.get("year_known", True) for e in r.get("expected", []))
    ]  # dateparser has no
    return [
        Case(
            r["lang"],
            r["text"],
            date.fromisoformat(r["published"]) if r.get("published") else None,
            r.get("expected", []),
        )
        for r in rows
    ]  # notion of an unknown year, so those rows are left out


def gold_cases(path: Path) -> list[Case]:
    """One case per line of each gold article that contains an expected expression (feed publication date)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    cases = []
    for art in gold["articles"]:
        text = (path.resolve().parent.parent / "seeds" / art["file"]).read_text(encoding="utf-8")
        published = date.fromisoformat(art["published_feed"]) if art.get("published_feed") else None
        for line in filter(None, (s.strip() for s in text.splitlines())):
            expected = [
                d for d in art["dates"] if d["text"].lower() in line.lower() and d.get("anchor") != "previous"
            ]
            cases.append(Case(art["language"], line, published, expected))
    return cases


def _precision_of(value: str) -> str:
    return {10: "day", 8: "week", 7: "month", 4: "year"}[len(value)] if "W" not in value else "week"


def ours(case: Case) -> list[tuple[str, str, str]]:
    """(text, value, precision) from pressdesk.dates."""
    found: list[TimeMention] = find_dates(case.text, case.lang, case.published)
    return [(m.text, m.value, m.precision) for m in found]


def theirs(case: Case) -> list[tuple[str, str, str]]:
    """(text, datetime as day, 'any') from dateparser; judged leniently at the expected precision."""
    from dateparser.search import search_dates

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if case.published:
        settings["RELATIVE_BASE"] = datetime(case.published.year, case.published.month, case.published.day)
    try:
        found = search_dates(case.text, languages=[case.lang], settings=settings) or []
    except Exception:
        found = []
    return [(text, moment.date().isoformat(), "any") for text, moment in found]


def _hit(expected: dict, got: list[tuple[str, str, str]]) -> bool:
    ref = expected["text"].lower()
    for text, value, precision in got:
        if ref not in text.lower() and text.lower() not in ref:
            continue
        if precision != "any":
            if value == expected["value"]:
                return True
        elif iso_value(date.fromisoformat(value), _precision_of(expected["value"])) == expected["value"]:
            return True
    return False


def measure(name: str, finder: Callable[[Case], list[tuple[str, str, str]]], cases: list[Case]) -> dict:
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    spurious = 0
    start = time.perf_counter()
    outputs = [finder(c) for c in cases]  # first pass: loads and compiles what the sentences need
    cold = time.perf_counter() - start
    start = time.perf_counter()
    outputs = [finder(c) for c in cases]  # second pass: the steady state of a long-running process
    elapsed = time.perf_counter() - start
    for case, got in zip(cases, outputs, strict=True):
        for exp in case.expected:
            hits[case.lang][0] += _hit(exp, got)
            hits[case.lang][1] += 1
        if not case.expected:
            spurious += len(got)
    return {"name": name, "hits": hits, "speed": len(cases) / elapsed, "cold": len(cases) / cold, "spurious": spurious}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phrases", default=str(ROOT / "tests/data/date_phrase_regressions.jsonl"))
    parser.add_argument("--gold", default=str(Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.json"))
    args = parser.parse_args(argv)
    cases = phrase_cases(Path(args.phrases))
    if Path(args.gold).exists():
        cases += gold_cases(Path(args.gold))
    warnings.filterwarnings("ignore")
    results = [measure("pressdesk.dates", ours, cases), measure("dateparser.search_dates", theirs, cases)]
    langs = sorted({c.lang for c in cases})
    print(f"{len(cases)} sentences ({sum(len(c.expected) for c in cases)} expected expressions)")
    print(f"{'':<26}" + "".join(f"{lang:>14}" for lang in langs) + f"{'ALL':>14}{'neg.FP':>8}{'sent/s':>10}{'cold':>8}")
    for res in results:
        cells = []
        for lang in langs:
            ok, n = res["hits"][lang]
            cells.append(f"{ok / n:.2f} ({ok}/{n})" if n else "n/a")
        ok = sum(v[0] for v in res["hits"].values())
        n = sum(v[1] for v in res["hits"].values())
        print(
            f"{res['name']:<26}" + "".join(f"{c:>14}" for c in cells) + f"{ok / n:>14.3f}{res['spurious']:>8}"
            f"{res['speed']:>10.0f}{res['cold']:>8.0f}"
        )
    ratio = results[0]["speed"] / results[1]["speed"]
    print(f"speed ratio (steady state): {ratio:.1f}x; first pass: {results[0]['cold'] / results[1]['cold']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
