"""Turn Duckling's time corpora (facebook/duckling, BSD) into public phrase gold: one JSONL row per date phrase.

Run: python -m pressdesk.evaluate.duckling --duckling DUCKLING_CHECKOUT [--out data/eval/public]
It reads Duckling/Time/<LANG>/Corpus.hs for en, fr, it, ro, keeps the date values (day, week, month, quarter,
year grains), skips the rest with a named reason, and prints how many phrases each skip class removed.
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pressdesk.evaluate.bare import backward_spans, load_words

SEASONS_FILE = Path(__file__).resolve().parents[2] / "data" / "dates" / "seasons.toml"
REFERENCE = date(2013, 2, 12)  # Duckling's test reference time: Tuesday 2013-02-12T04:30
REPO = "facebook/duckling"
LANGS = ("en", "fr", "it", "ro")
DATE_GRAINS = ("Day", "Week", "Month", "Quarter", "Year")
# Holidays placed by a lunar or lunisolar calendar: the value is a table look-up, not date reading.
LUNAR_HOLIDAYS = {
    "Chinese New Year", "Yom Kippur", "Shemini Atzeret", "Simchat Torah", "Tisha B'Av", "Yom Ha'atzmaut",
    "Lag BaOmer", "Yom HaShoah", "Mawlid", "Eid al-Fitr", "Eid al-Adha", "Laylat al-Qadr", "Islamic New Year",
    "Ashura", "Tu BiShvat", "Jumu'atul-Wida", "Isra and Mi'raj", "Dhanteras", "Naraka Chaturdashi", "Diwali",
    "Bhai Dooj", "Chhath", "Maha Saptami", "Vijayadashami", "Raksha Bandhan", "Dayananda Saraswati Jayanti",
    "Thai Pongal", "Boghi", "Mattu Pongal", "Kaanum Pongal", "Vaisakhi", "Thiru Onam", "Vasant Panchami",
    "Holika Dahan", "Krishna Janmashtami", "Holi", "Parsi New Year", "Vesak", "Purim", "Shushan Purim",
    "Guru Gobind Singh Jayanti", "Rabindra Jayanti", "Guru Ravidass Jayanti",
}
# Holidays whose date moves from year to year: "the same day a year earlier" is not their backward reading.
MOVABLE_HOLIDAYS = {
    "Thanksgiving Day", "Black Friday", "Boss's Day", "Martin Luther King's Day", "Easter Sunday", "Easter Monday",
    "Maundy Thursday", "Pentecost", "Whit Monday", "Palm Sunday", "Trinity Sunday", "Shrove Tuesday",
    "Orthodox Easter Sunday", "Clean Monday", "Lazarus Saturday", "Global Youth Service Day",
}
SKIP_REASONS = {
    "time-of-day": "a time of day or an hour-precise offset (Second/Minute/Hour grain): not a calendar date",
    "time-interval": "an interval of hours or minutes (evenings, 'from 9:30 to 11'): not a calendar date",
    "date-range": "a range of days, weeks or months (seasons, 'July 13-15', 'end of the month'): it has two "
                  "ends, and dateparser.search_dates returns single points, so it cannot be scored side by side",
    "open-interval": "an open interval ('after 14:00', 'before 2014'): no single value",
    "era": "a year before 1000 or BC: era notation, not news dates",
    "lunar-holiday": "a holiday placed by a lunar or lunisolar calendar: a table look-up, not date reading",
    "duplicate": "the same phrase with the same value appears again in the corpus",
    "season-word": "'this season', 'last season': the word season without a season's name; in news a sports, "
                   "fashion or TV season, and Duckling gives it other days than its named seasons",
}


@dataclass(frozen=True)
class Example:
    """One `examples (value) [phrases]` block of a Corpus.hs."""

    ctor: str  # datetime | datetimeHoliday | datetimeInterval | datetimeIntervalHoliday | datetimeOpenInterval
    numbers: tuple[int, ...]
    grain: str
    holiday: str | None
    phrases: tuple[str, ...]


def _balanced(text: str, start: int, open_: str, close: str) -> int:
    """Index just past the bracket that closes text[start] (strings skipped)."""
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch == '"':
            i = _string_end(text, i)
            continue
        depth += (ch == open_) - (ch == close)
        i += 1
        if depth == 0:
            return i
    raise ValueError(f"unbalanced {open_!r} at {start}")


def _string_end(text: str, start: int) -> int:
    """Index just past the Haskell string literal that opens at text[start]."""
    i = start + 1
    while text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _unescape(literal: str) -> str:
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


def _strings(text: str) -> list[str]:
    out, i = [], 0
    while (i := text.find('"', i)) >= 0:
        end = _string_end(text, i)
        out.append(_unescape(text[i:end]))
        i = end
    return out


def parse_corpus(source: str) -> list[Example]:
    """The example blocks of `allExamples` (or of the whole text when it has none); Haskell comments ignored."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith("--")]
    text = "\n".join(lines)
    anchor = re.search(r"^allExamples\s*=", text, re.MULTILINE)
    pos = anchor.start() if anchor else 0
    out = []
    for match in re.finditer(r"\bexamples\s*\(", text[pos:]):
        open_at = pos + match.end() - 1
        expr_end = _balanced(text, open_at, "(", ")")
        expr = text[open_at + 1 : expr_end - 1]
        list_at = text.index("[", expr_end)
        list_end = _balanced(text, list_at, "[", "]")
        ctor = re.match(r"\s*(\w+)", expr).group(1)
        holiday = _strings(expr)
        bare_expr = re.sub(r'"(?:\\.|[^"\\])*"', "", expr)  # the holiday name may hold "Year" or digits
        numbers = tuple(int(n) for n in re.findall(r"-?\d+", bare_expr))
        grain = re.findall(r"\b(Second|Minute|Hour|Day|Week|Month|Quarter|Year)\b", bare_expr)[-1]
        out.append(Example(ctor, numbers, grain, holiday[0] if holiday else None,
                           tuple(_strings(text[list_at:list_end]))))
    return out


def season_starts(path: Path = SEASONS_FILE) -> dict[str, tuple[str, int, int]]:
    """Season start days and TIMEX3 codes (data/dates/seasons.toml): key -> (code, month, day)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {k: (v["code"], *v["start"]) for k, v in data.items() if isinstance(v, dict)}


def season_code(example: Example, starts: dict[str, tuple[str, int, int]]) -> str | None:
    """The TIMEX3 code of an interval that is a season: days, beginning within a day of a season's start, 85 to 95
    days long (Duckling's own season days differ from the data's by a day here and there)."""
    if example.ctor != "datetimeInterval" or example.grain != "Day" or len(example.numbers) < 9:
        return None
    first, last = date(*example.numbers[:3]), date(*example.numbers[6:9])
    if not 85 <= (last - first).days <= 96:
        return None
    for code, month, day in starts.values():
        if abs((first - date(first.year, month, day)).days) <= 1:
            return code
    return None


def skip_reason(example: Example, starts: dict | None = None) -> str | None:
    """Why an example is not a single calendar date value, or None when it is kept (a season is kept: issue 9)."""
    if example.ctor == "datetimeOpenInterval":
        return "open-interval"
    if season_code(example, starts if starts is not None else season_starts()):
        return None
    if "Interval" in example.ctor:
        return "date-range" if example.grain in DATE_GRAINS else "time-interval"
    if example.grain not in DATE_GRAINS:
        return "time-of-day"
    if example.numbers[0] < 1000:
        return "era"
    if example.holiday in LUNAR_HOLIDAYS:
        return "lunar-holiday"
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def gold_span(example: Example, starts: dict | None = None) -> tuple[str, date, date]:
    """(value, first day, last day) of a kept example at its grain (independent of pressdesk.dates). A season is
    Duckling's interval, whose end is exclusive; its value is TIMEX3's (2013-SU), named by the year it begins in."""
    year, month, day = example.numbers[:3]
    code = season_code(example, starts if starts is not None else season_starts())
    if code:
        return f"{year}-{code}", date(year, month, day), date(*example.numbers[6:9]) - timedelta(days=1)
    if example.grain == "Day":
        d = date(year, month, day)
        return d.isoformat(), d, d
    if example.grain == "Week":
        d = date(year, month, day)
        iso_year, week, _ = d.isocalendar()
        return f"{iso_year}-W{week:02d}", d, d + timedelta(days=6)
    if example.grain == "Month":
        month = max(month, 1)  # Duckling writes some months as (2013, 1, 0, ...)
        return f"{year:04d}-{month:02d}", date(year, month, 1), _month_end(year, month)
    if example.grain == "Quarter":
        last_month = month + 2
        return f"{year}-Q{(month - 1) // 3 + 1}", date(year, month, 1), _month_end(year, last_month)
    return f"{year:04d}", date(year, 1, 1), date(year, 12, 31)


def convert(source: str, lang: str, source_label: str, words: dict) -> tuple[list[dict], Counter]:
    """Rows of public gold from one Corpus.hs text, and the count of phrases skipped per reason."""
    rows: list[dict] = []
    skipped: Counter = Counter()
    seen: set[tuple[str, str]] = set()
    starts = season_starts()
    names = {n.lower() for n in words.get(lang, {}).get("seasons", [])}
    for example in parse_corpus(source):
        reason = skip_reason(example, starts)
        if reason:
            skipped[reason] += len(example.phrases)
            continue
        value, start, end = gold_span(example, starts)
        season = season_code(example, starts) is not None
        grain = "season" if season else example.grain.lower()
        for phrase in example.phrases:
            if season and not names.intersection(re.findall(r"[^\W\d_]+", phrase.lower())):
                skipped["season-word"] += 1
                continue
            if (phrase.lower(), value) in seen:
                skipped["duplicate"] += 1
                continue
            seen.add((phrase.lower(), value))
            row = {
                "id": f"{lang}-{len(rows) + 1:04d}", "lang": lang, "text": phrase, "reference": REFERENCE.isoformat(),
                "grain": grain, "value": value, "start": start.isoformat(), "end": end.isoformat(),
            }
            if example.holiday:
                row["holiday"] = example.holiday
            bare = backward_spans(phrase, lang, grain, start, REFERENCE, words, end)
            if bare and example.holiday not in MOVABLE_HOLIDAYS:
                row["bare"], spans = bare
                row["also"] = [[s.isoformat(), e.isoformat()] for s, e in spans]
            row["source"] = source_label
            rows.append(row)
    return rows, skipped


def append_rows(existing: str, rows: list[dict]) -> list[dict]:
    """The rows of an existing JSONL file, ids unchanged (results cite them), then the new rows it lacks (same
    phrase and value), numbered on from its last id."""
    old = [json.loads(line) for line in existing.splitlines() if line.strip()]
    have = {(r["text"].lower(), r["value"]) for r in old}
    fresh = [dict(r) for r in rows if (r["text"].lower(), r["value"]) not in have]
    lang = old[0]["lang"] if old else (rows[0]["lang"] if rows else "")
    for number, row in enumerate(fresh, start=len(old) + 1):
        row["id"] = f"{lang}-{number:04d}"
    return old + fresh


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pressdesk.evaluate.duckling", description=__doc__)
    parser.add_argument("--duckling", required=True, help="a checkout (or copy) of facebook/duckling")
    parser.add_argument("--commit", default="", help="the commit each file was read at, LANG=SHA,...")
    parser.add_argument("--out", default="data/eval/public")
    parser.add_argument("--append", action="store_true",
                        help="keep the rows already in the files, ids unchanged, and add only the rows they lack")
    args = parser.parse_args(argv)
    commits = dict(pair.split("=", 1) for pair in args.commit.split(",") if "=" in pair)
    words = load_words()
    total: Counter = Counter()
    for lang in LANGS:
        path = Path(args.duckling) / "Duckling" / "Time" / lang.upper() / "Corpus.hs"
        if not path.exists():
            print(f"{lang}: {path} not found, skipped")
            continue
        label = f"{REPO} Duckling/Time/{lang.upper()}/Corpus.hs" + (f"@{commits[lang]}" if lang in commits else "")
        rows, skipped = convert(path.read_text(encoding="utf-8"), lang, label, words)
        out = Path(args.out) / f"duckling_{lang}.jsonl"
        if args.append and out.exists():
            rows = append_rows(out.read_text(encoding="utf-8"), rows)
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        bare = sum("bare" in r for r in rows)
        print(f"{lang}: {len(rows)} phrases ({bare} bare) -> {out}; skipped " +
              ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
        total.update(skipped)
    for reason, count in sorted(total.items()):
        print(f"  {reason:<14} {count:>4}  {SKIP_REASONS[reason]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
