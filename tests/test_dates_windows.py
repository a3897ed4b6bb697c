"""Date patterns read only near the words they need (dates/windows.py) and tense cues only in the sentences that
hold a date (dates/clauses.py): both find exactly what reading the whole text finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressdesk.dates.clauses import analyse, sentences_of
from pressdesk.dates.engine import _sentence_bounds, fold, text_tokens
from pressdesk.dates.lang import load_language
from pressdesk.dates.windows import REACH, Windows
from pressdesk.language import detect

ARTICLES = sorted((Path(__file__).resolve().parent.parent / "data" / "articles").glob("*.txt"))


def _sample(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    return text, detect(text) or "en"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_windowed_scans_find_what_whole_text_scans_find(path: Path) -> None:
    text, lang = _sample(path)
    spec = load_language(lang)
    folded = fold(text)
    windows = Windows(folded)
    patterns = spec.patterns_for(text_tokens(folded))
    assert patterns
    for pattern in patterns:
        whole = [(m.span(), m.groupdict()) for m in pattern.regex.finditer(folded)]
        assert [(m.span(), m.groupdict()) for m in windows.finditer(pattern.regex, pattern.needs)] == whole


def test_a_long_text_is_read_only_around_the_needed_word() -> None:
    spec = load_language("en")
    filler = "The committee met again and the talks went on without any result. " * 300
    text = filler + "The vote is set for 14 March 2025 in the capital. " + filler
    folded = fold(text)
    month = next(p for p in spec.patterns_for(text_tokens(folded)) if p.kind == "dmy")
    windows = Windows(folded)
    spans = windows._windows(month.needs)
    assert spans is not None and sum(hi - lo for lo, hi in spans) <= 2 * REACH + len("march")
    assert [m.group() for m in windows.finditer(month.regex, month.needs)] == ["14 march 2025"]


def test_a_pattern_needing_nothing_reads_the_whole_text() -> None:
    windows = Windows("a b c d " * 500)
    assert len(list(windows.finditer(re.compile(r"\bd\b"), None))) == 500


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_tense_cues_read_in_the_dated_sentences_are_those_of_the_whole_text(path: Path) -> None:
    text, lang = _sample(path)
    spec = load_language(lang)
    bounds = _sentence_bounds(text)
    every_cue, every_break = analyse(spec, text, bounds)
    dated = [(m.start(), m.end()) for m in re.finditer(r"\d{4}", text)][:5]
    regions = sentences_of(bounds, dated, len(text))
    cues, breaks = analyse(spec, text, bounds, regions)

    def inside(item: tuple) -> bool:
        return any(lo <= item[0] and item[1] <= hi for lo, hi in regions)

    assert cues == [c for c in every_cue if inside(c)]
    assert sorted(breaks) == sorted(b for b in every_break if inside(b))
    assert len(cues) < len(every_cue)
