"""Wire copy: articles that ran the same agency text (near-identical 5-word phrases, found with MinHash and checked
exactly) and the agency an article credits (a byline, a bracketed credit, a closing relay verb)."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from pressdesk.alternation import trie_alternation
from pressdesk.entities import fold
from pressdesk.story.evidence import DATA, story_config

SHINGLE = 5  # words per phrase: long enough that two texts share them only by copying
PERMUTATIONS = 64  # MinHash size: a similarity estimate within about ±0.06
CANDIDATE = 0.3  # estimated Jaccard similarity worth an exact check
SAME_COPY = 0.6  # share of the shorter article's phrases found in the other: the same wire copy (trimmed or not)
_WORD = re.compile(r"\w+", re.UNICODE)
_RNG = np.random.default_rng(20241101)  # fixed: signatures stored in the database must stay comparable
_A = _RNG.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _RNG.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)


_MIX = _RNG.integers(1, 2**63, SHINGLE, dtype=np.uint64) | np.uint64(1)  # odd multipliers, one per word position


def shingles(text: str, size: int = SHINGLE) -> np.ndarray:
    """The text's distinct word phrases (accent-folded, punctuation ignored) as 64-bit hashes: each distinct word is
    hashed once, and a phrase's hash mixes its words' hashes by position (vectorised, not a hash per phrase)."""
    words = _WORD.findall(fold(text or ""))
    if not words:
        return np.zeros(0, dtype=np.uint64)
    ids: dict[str, int] = {}
    codes = np.fromiter((ids.setdefault(w, len(ids)) for w in words), dtype=np.int64, count=len(words))
    hashed = np.fromiter((_hash(w) for w in ids), dtype=np.uint64, count=len(ids))[codes]
    width = min(size, len(words))
    mixed = np.zeros(len(words) - width + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(width):
            mixed ^= hashed[k:len(words) - width + 1 + k] * _MIX[k]
            mixed = (mixed << np.uint64(7)) | (mixed >> np.uint64(57))  # rotate, so the order of words counts
    return np.unique(mixed)


@lru_cache(maxsize=1 << 17)
def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def signature(hashes: np.ndarray) -> np.ndarray:
    """MinHash signature: per permutation (multiply-shift hashing), the smallest hashed phrase."""
    if hashes.size == 0:
        return np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        mixed = (_A[:, None] * hashes[None, :] + _B[:, None]) >> np.uint64(11)
    return mixed.min(axis=1)


def estimate(sig: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of one signature with each row of `others`."""
    if others.size == 0:
        return np.zeros(0)
    return (others == sig[None, :]).mean(axis=1)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the shorter text's phrases found in the other (1.0: one is a cut of the other). Both are sorted
    and distinct (as shingles gives them): the shorter is looked up in the longer by bisection, nothing re-sorted."""
    if a.size == 0 or b.size == 0:
        return 0.0
    short, long_ = (a, b) if a.size <= b.size else (b, a)
    at = np.minimum(np.searchsorted(long_, short), long_.size - 1)
    return int(np.count_nonzero(long_[at] == short)) / short.size


@dataclass(frozen=True)
class Credit:
    agency: str
    evidence: str  # the words that credit it


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    """News agency alias -> canonical name (broadcasters and outlets are not wire services)."""
    with open(DATA / "agencies.csv", encoding="utf-8", newline="") as fh:
        return {r["alias"]: r["canonical"] for r in csv.DictReader(fh) if r["type"] == "agency"}


@lru_cache(maxsize=1)
def _agency() -> str:
    """An agency's name as a word (case-sensitive: 'AP', not 'ap')."""
    return rf"(?<![\w-])(?:{trie_alternation(_agencies(), space=None)})(?![\w-])"


@lru_cache(maxsize=1)
def _any_agency() -> re.Pattern[str]:
    """Any agency's name: every credit pattern holds one, so a text naming none credits none."""
    return re.compile(_agency())


@lru_cache(maxsize=16)
def _credit_patterns(language: str | None) -> tuple[re.Pattern[str], ...]:
    table = story_config()["wire_credits"]
    agency = f"(?P<agency>{_agency()})"
    langs = [language] if language in table else [k for k in table if k != "common"]
    return tuple(re.compile(p.replace("{agency}", agency), re.MULTILINE)
                 for lang in ["common", *langs] for p in table[lang])


def credits(text: str, language: str | None = None, publisher: str | None = None) -> list[Credit]:
    """Agencies the article credits for its copy, with the crediting words; an agency as publisher counts."""
    found: dict[str, str] = {}
    agencies = _agencies()
    if publisher and publisher.strip() in agencies:
        found[agencies[publisher.strip()]] = f"published by {publisher.strip()}"
    for pattern in _credit_patterns(language) if _any_agency().search(text or "") else ():
        for m in pattern.finditer(text or ""):
            found.setdefault(agencies[m.group("agency")], " ".join(m.group().split()))
    return [Credit(a, e) for a, e in sorted(found.items())]


@dataclass(frozen=True)
class Copy:
    article_id: str  # the smaller id of the pair
    other_id: str
    similarity: float
    reason: str


MAX_COPIES = 20  # copies checked per new article, most alike first (the reader lists 20): a story syndicated
# hundreds of times costs the same as one syndicated twenty times
READ_AT_ONCE = 10_000  # articles whose phrases are held at once for the exact check (a few tens of MB)
_NONE = np.zeros(0, dtype=np.uint64)


def _slices(pairs: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Consecutive runs of pairs naming at most READ_AT_ONCE articles."""
    out: list[list[tuple[str, str]]] = [[]]
    seen: set[str] = set()
    for pair in pairs:
        if len(seen) + sum(a not in seen for a in pair) > READ_AT_ONCE:
            out.append([])
            seen = set()
        out[-1].append(pair)
        seen.update(pair)
    return out


def same_copies(candidates: dict[str, list[str]], sigs: dict[str, np.ndarray],
                load: Callable[[list[str]], dict[str, np.ndarray]]) -> list[Copy]:
    """Pairs (new article, any article) that ran the same wire copy, kept when the exact share of phrases is high.

    `candidates` maps each new article id -> the articles sharing bands of its signature (store.wire_index); `sigs` holds the
    signature of every article named there; `load(article_ids)` gives those articles' phrase hashes for the exact
    check (called once per slice of the pairs whose signatures are alike)."""
    pairs: set[tuple[str, str]] = set()
    for article_id, others in candidates.items():
        others = sorted(set(others) - {article_id})
        if not others:
            continue
        likeness = estimate(sigs[article_id], np.stack([sigs[o] for o in others]))
        ranked = sorted((-x, o) for x, o in zip(likeness, others, strict=True) if x >= CANDIDATE)
        pairs |= {(min(article_id, o), max(article_id, o)) for _, o in ranked[:MAX_COPIES]}  # the most alike first
    out = []
    for chunk in _slices(sorted(pairs)):  # texts read in slices: memory bounded on a full rebuild
        phrases = load(sorted({a for pair in chunk for a in pair}))
        for a, b in chunk:
            share = containment(phrases.get(a, _NONE), phrases.get(b, _NONE))
            if share >= SAME_COPY:
                out.append(Copy(a, b, round(share, 3),
                                f"near-identical text: {share:.0%} of the shorter article's 5-word phrases shared"))
    return out
