"""Public phrase gold, side by side: pressdesk.dates against dateparser.search_dates on the same phrases.

Each phrase is read alone with the gold's reference date as the publication date. Each system's longest match
counts when what it read lies inside the gold span (the day, week, month, quarter or year), or, for a bare
weekday, day, day-month or named day, inside its backward reading (data/eval/public/README.md). dateparser
reads a point; pressdesk reads a span at its own precision, and the whole span must lie inside.
"""

from __future__ import annotations

import json
import warnings
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pressdesk.dates import find_dates

PUBLIC_DIR = Path(__file__).resolve().parents[2] / "data" / "eval" / "public"
Reading = tuple[str, date, date]  # matched text, first and last day of what was read
Reader = Callable[[str, str, date], Reading | None]


def load_gold(paths: list[Path]) -> list[dict]:
    """Rows of every JSONL file given (a folder means its *.jsonl files)."""
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    rows = []
    for file in files:
        with file.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def accepted_spans(row: dict) -> list[tuple[date, date]]:
    """The gold span, then the backward readings a bare phrase also accepts."""
    spans = [(date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))]
    return spans + [(date.fromisoformat(s), date.fromisoformat(e)) for s, e in row.get("also", [])]


def is_right(row: dict, reading: Reading | None) -> bool:
    """Right when what was read lies inside the gold span or an accepted backward reading."""
    if reading is None or reading[1] is None:
        return False
    return any(s <= reading[1] and reading[2] <= e for s, e in accepted_spans(row))


def read_pressdesk(text: str, lang: str, reference: date) -> Reading | None:
    """pressdesk.dates' longest mention and its span (no span for a year it does not know)."""
    mentions = find_dates(text, lang, reference)
    if not mentions:
        return None
    best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
    if not best.year_known or best.date_start is None:
        return best.text, None, None
    return best.text, best.date_start, best.date_end


def read_dateparser(text: str, lang: str, reference: date) -> Reading | None:
    """dateparser.search_dates' longest match, its default settings, the reference as RELATIVE_BASE."""
    from dateparser.search import search_dates

    base = datetime(reference.year, reference.month, reference.day, 4, 30)
    try:
        found = search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base}) or []
    except Exception:  # noqa: BLE001 - a crash on one phrase is a miss, not the end of the run
        return None
    if not found:
        return None
    matched, moment = max(found, key=lambda pair: len(pair[0]))
    return matched, moment.date(), moment.date()


def _span_text(reading: Reading) -> str:
    if reading[1] is None:
        return "year unknown"
    return str(reading[1]) if reading[1] == reading[2] else f"{reading[1]}..{reading[2]}"


@dataclass
class Score:
    ok: int = 0
    n: int = 0
    misses: list[str] = field(default_factory=list)

    def ratio(self) -> str:
        return f"{self.ok / self.n:.2f} ({self.ok}/{self.n})" if self.n else "n/a"


def score(rows: list[dict], reader: Reader) -> dict[str, Score]:
    """Per-language score of one reader; misses say what it read."""
    out: dict[str, Score] = defaultdict(Score)
    for row in rows:
        got = reader(row["text"], row["lang"], date.fromisoformat(row["reference"]))
        right = is_right(row, got)
        out[row["lang"]].n += 1
        out[row["lang"]].ok += right
        if not right:
            seen = f"{got[0]!r}={_span_text(got)}" if got else "nothing"
            out[row["lang"]].misses.append(f"{row['id']} {row['text']!r} want {row['value']} got {seen}")
    return out


def run(paths: list[str] | None = None, langs: list[str] | None = None, show_misses: bool = False) -> int:
    """Print per-language accuracy of both readers on the public phrase gold."""
    rows = load_gold([Path(p) for p in paths] if paths else [PUBLIC_DIR])
    if langs:
        rows = [r for r in rows if r["lang"] in langs]
    if not rows:
        print("no phrase gold found")
        return 1
    warnings.filterwarnings("ignore")
    ours, theirs = score(rows, read_pressdesk), score(rows, read_dateparser)
    bare = defaultdict(int)
    for row in rows:
        bare[row["lang"]] += "bare" in row
    print(f"public phrase gold: {len(rows)} phrases, reference {rows[0]['reference']}, direction-fair for bare phrases")
    print(f"{'lang':<6}{'phrases':>8}{'bare':>6}{'pressdesk.dates':>20}{'dateparser':>20}")
    for lang in sorted(ours):
        print(f"{lang:<6}{ours[lang].n:>8}{bare[lang]:>6}{ours[lang].ratio():>20}{theirs[lang].ratio():>20}")
    total_ok = sum(s.ok for s in ours.values()), sum(s.ok for s in theirs.values())
    print(f"{'ALL':<6}{len(rows):>8}{sum(bare.values()):>6}{total_ok[0] / len(rows):>20.3f}{total_ok[1] / len(rows):>20.3f}")
    if show_misses:
        for lang in sorted(ours):
            print(f"pressdesk.dates misses, {lang}: {len(ours[lang].misses)}")
            for line in ours[lang].misses:
                print(f"  - {line}")
    return 0
