"""Date evaluation: value accuracy on a gold file (text or feed mode); public phrase gold is in phrases.py."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pressdesk.dates import TimeMention, find_dates


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Spans of needle in haystack, case-insensitive and whitespace-flexible."""
    pattern = r"\s+".join(re.escape(w) for w in needle.split())
    return [m.span() for m in re.finditer(pattern, haystack, re.IGNORECASE)] if pattern else []


def text_matches(mention: TimeMention, gold_text: str, article: str) -> bool:
    """Equal texts, or one contains the other and the gold occurrence overlaps the mention."""
    sys_text, ref = norm(mention.text), norm(gold_text)
    if sys_text == ref:
        return True
    if ref not in sys_text and sys_text not in ref:
        return False
    return any(s < mention.end and mention.start < e for s, e in _occurrences(article, gold_text))


def value_matches(mention: TimeMention, gold_value: str, text_only: str = "full") -> bool:
    """Compare at the mention's own precision; 'month_day' items ignore an unknown year."""
    if text_only == "month_day":  # a day-month, or a month, whose year the bare text does not give
        precision = {10: "day", 7: "month"}.get(len(gold_value))
        if precision is None or mention.precision != precision:
            return False
        same = mention.date_start.strftime("%m-%d" if precision == "day" else "%m") == gold_value[5:]
        return same and (not mention.year_known or mention.date_start.year == int(gold_value[:4]))
    if mention.precision == "season" and len(gold_value) == 4 and mention.year_known:
        # the gold has no season values: a season item is written as its year ("au printemps suivant" = 2019),
        # and the season named by that year agrees with it (as a day read for a month does in the phrase gold)
        return mention.value[:4] == gold_value
    return mention.value == gold_value


@dataclass
class Tally:
    required: int = 0
    required_ok: int = 0
    total: int = 0
    total_ok: int = 0
    system: int = 0
    system_ok: int = 0
    misses: list[str] = field(default_factory=list)
    false_pos: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("required", "required_ok", "total", "total_ok", "system", "system_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.false_pos += other.false_pos


def ratio(ok: int, n: int) -> str:
    return f"{ok / n:.3f} ({ok}/{n})" if n else "n/a (0/0)"


def score_items(label: str, text: str, mentions: list[TimeMention], items: list[dict], mode: str) -> Tally:
    """Score one document's mentions against its gold items; text mode skips items the text cannot resolve."""
    tally = Tally()
    neutral: list[dict] = []
    scored: list[dict] = []
    for item in items:
        text_only = item.get("text_only", "full") if mode == "text" else "full"
        (neutral if text_only == "none" else scored).append(item)
    for item in scored:
        text_only = item.get("text_only", "full") if mode == "text" else "full"
        hit = any(
            text_matches(m, item["text"], text) and value_matches(m, item["value"], text_only)
            for m in mentions
        )
        required = item.get("required", True)
        tally.total += 1
        tally.total_ok += hit
        tally.required += required
        tally.required_ok += hit and required
        if not hit:
            got = [f"{m.text!r}={m.value}" for m in mentions if text_matches(m, item["text"], text)]
            tally.misses.append(
                f"{label}: {item['text']!r} want {item['value']} got {got or 'nothing'}"
                + ("" if required else " (optional)")
            )
    for m in mentions:
        if any(text_matches(m, item["text"], text) for item in neutral):
            continue
        tally.system += 1
        ok = any(
            text_matches(m, item["text"], text)
            and value_matches(m, item["value"], item.get("text_only", "full") if mode == "text" else "full")
            for item in scored
        )
        tally.system_ok += ok
        if not ok:
            tally.false_pos.append(f"{label}: {m.text!r}={m.value} year_known={m.year_known} @{m.start}")
    return tally


def _corpus(gold_path: str, mode: str) -> list:
    """Articles as ingested (pressdesk.evaluate.common), or raw files when ingestion is unavailable."""
    try:
        from pressdesk.evaluate.common import load_corpus
    except ImportError:
        load_corpus = None
    if load_corpus is not None:
        return load_corpus(gold_path, mode)
    return _raw_corpus(gold_path, mode)


@dataclass
class _RawArticle:
    file: str
    language: str
    text: str
    published: date | None
    gold: dict


def _raw_corpus(gold_path: str, mode: str) -> list[_RawArticle]:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    base = Path(gold_path).resolve().parent.parent / "seeds"
    out = []
    for item in gold["articles"]:
        raw = item.get("published_feed") if mode == "feed" else item.get("published")
        text = (base / item["file"]).read_text(encoding="utf-8")
        out.append(
            _RawArticle(item["file"], item["language"], text, date.fromisoformat(raw) if raw else None, item)
        )
    return out


def _print_tally(title: str, tally: Tally) -> None:
    print(
        f"{title:<10} required {ratio(tally.required_ok, tally.required)}  all {ratio(tally.total_ok, tally.total)}"
        f"  precision {ratio(tally.system_ok, tally.system)}"
    )


def run(gold_path: str, mode: str = "feed") -> int:
    """Value accuracy of find_dates on a gold file; prints per-language figures, misses and false positives."""
    per_lang: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for article in _corpus(gold_path, mode):
        mentions = find_dates(article.text, article.language, article.published)
        tally = score_items(article.file, article.text, mentions, article.gold.get("dates", []), mode)
        per_lang[article.language].add(tally)
        total.add(tally)
    print(f"dates vs {gold_path} (mode={mode})")
    for lang in sorted(per_lang):
        _print_tally(lang, per_lang[lang])
    _print_tally("ALL", total)
    _print_list("misses", total.misses)
    _print_list("false positives (not in gold)", total.false_pos)
    return 0


def _print_list(title: str, lines: list[str]) -> None:
    print(f"{title}: {len(lines)}")
    for line in lines:
        print(f"  - {line}")


if __name__ == "__main__":  # pragma: no cover - convenience: python -m pressdesk.evaluate.dates GOLD [MODE]
    import sys

    sys.exit(run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "feed"))
