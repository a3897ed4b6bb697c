"""What two reports of a statement can share: named entities, numbers and words (accent-folded, cognates across
languages), read from a quote's text and the sentence around it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from pressdesk.entities import find_entities, fold

DATA = Path(__file__).resolve().parents[2] / "data"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# 10 000 / 10.000 / 10,000 / 12,5: digits with thousands separators kept as one number
NUMBER = re.compile(r"\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")
MIN_WORD = 5  # shorter words are mostly function words in every language
WORD_MATCH = 72.0  # rapidfuzz ratio of two folded words above which they are one word or its cognate
ENTITY_TYPES = ("person", "organisation", "country", "place")


@lru_cache(maxsize=1)
def story_config() -> dict:
    with open(DATA / "story.toml", "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=16)
def function_words(language: str | None) -> frozenset[str]:
    """Folded function words of a language (every language's when it is unknown)."""
    table = story_config()["function_words"]
    if language in table:
        return frozenset(table[language])
    return frozenset(w for words in table.values() for w in words)


@dataclass(frozen=True)
class Evidence:
    """The comparable content of one report: content words, numbers and named entities."""

    words: frozenset[str]
    numbers: frozenset[str]
    entities: frozenset[str]

    def without(self, speaker: str | None) -> Evidence:
        """The speaker's own name is no evidence that two of their quotes are one statement."""
        return Evidence(self.words, self.numbers, self.entities - {speaker}) if speaker in self.entities else self


def numbers_in(text: str) -> frozenset[str]:
    """Numbers of two digits or more, separators dropped ("10 000", "10.000" and "10,000" are one number)."""
    out = set()
    for m in NUMBER.finditer(text or ""):
        digits = re.sub(r"[ .,\u00a0\u202f]", "", m.group()) if re.search(r"\d[ .,\u00a0\u202f]\d{3}\b", m.group()) \
            else m.group().replace(",", ".")
        if len(digits.replace(".", "")) >= 2:
            out.add(digits)
    return frozenset(out)


def evidence(text: str, language: str | None, context: str = "", speaker: str | None = None) -> Evidence:
    """Content words of the quote (entity names and function words left out), numbers of the quote, and the
    entities named in the quote or its sentence (`context`), the speaker excepted."""
    text = text or ""
    mentions = find_entities(text, language)
    inside = [(m.start, m.end) for m in mentions]
    stop = function_words(language)
    words = set()
    folded = fold(text)  # one char per char: a word's folded form is a slice
    for m in WORD.finditer(text):
        if any(s <= m.start() < e for s, e in inside):
            continue
        word = folded[m.start() : m.end()]
        if len(word) >= MIN_WORD and word not in stop:
            words.add(word)
    names = {m.canonical for m in mentions if m.type in ENTITY_TYPES}
    if context and context != text:
        names |= {m.canonical for m in find_entities(context, language) if m.type in ENTITY_TYPES}
    names.discard(speaker or "")
    return Evidence(frozenset(words), numbers_in(text), frozenset(names))


def matched_words(a: frozenset[str], b: frozenset[str], threshold: float = WORD_MATCH) -> list[tuple[str, str]]:
    """Pairs of words, one from each side, that are the same word, an inflection or a cognate
    ("stabiliti" ~ "stabilite"), each word used once; greedy from the best pair down."""
    if not a or not b:
        return []
    left, right = sorted(a), sorted(b)
    matrix = process.cdist(left, right, scorer=fuzz.ratio, score_cutoff=threshold)
    scored = sorted(((float(matrix[i, j]), left[i], right[j]) for i, j in zip(*matrix.nonzero(), strict=True)),
                    key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[str] = set()
    used_b: set[str] = set()
    pairs = []
    for score, x, y in scored:
        if score < threshold:
            break
        if x in used_a or y in used_b:
            continue
        used_a.add(x)
        used_b.add(y)
        pairs.append((x, y))
    return pairs
