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


def shingles(text: str, size: int = SHINGLE) -> np.ndarray:
    """The text's distinct word phrases (accent-folded, punctuation ignored) as 64-bit hashes."""
    words = _WORD.findall(fold(text or ""))
    if len(words) < size:
        return np.array(sorted({_hash(" ".join(words))} if words else set()), dtype=np.uint64)
    return np.unique(np.array([_hash(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)],
                              dtype=np.uint64))


def _hash(phrase: str) -> int:
    return int.from_bytes(hashlib.blake2b(phrase.encode(), digest_size=8).digest(), "little")


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
    """Share of the shorter text's phrases found in the other (1.0: one is a cut of the other)."""
    if a.size == 0 or b.size == 0:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / min(a.size, b.size)


@dataclass(frozen=True)
class Credit:
    agency: str
    evidence: str  # the words that credit it


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    """News agency alias -> canonical name (broadcasters and outlets are not wire services)."""
    with open(DATA / "agencies.csv", encoding="utf-8", newline="") as fh:
        return {r["alias"]: r["canonical"] for r in csv.DictReader(fh) if r["type"] == "agency"}


@lru_cache(maxsize=16)
def _credit_patterns(language: str | None) -> tuple[re.Pattern[str], ...]:
    table = story_config()["wire_credits"]
    names = "|".join(re.escape(a) for a in sorted(_agencies(), key=len, reverse=True))
    agency = rf"(?P<agency>(?<![\w-])(?:{names})(?![\w-]))"
    langs = [language] if language in table else [k for k in table if k != "common"]
    return tuple(re.compile(p.replace("{agency}", agency), re.MULTILINE)
                 for lang in ["common", *langs] for p in table[lang])


def credits(text: str, language: str | None = None, publisher: str | None = None) -> list[Credit]:
    """Agencies the article credits for its copy, with the crediting words; an agency as publisher counts."""
    found: dict[str, str] = {}
    agencies = _agencies()
    if publisher and publisher.strip() in agencies:
        found[agencies[publisher.strip()]] = f"published by {publisher.strip()}"
    for pattern in _credit_patterns(language):
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
BANDS = 32  # locality-sensitive hashing: signatures agreeing on any band of 2 values are candidates


def _band_keys(sig: np.ndarray) -> list[tuple[int, bytes]]:
    rows = PERMUTATIONS // BANDS
    return [(band, sig[band * rows:(band + 1) * rows].tobytes()) for band in range(BANDS)]


def same_copies(new: dict[str, np.ndarray], known: dict[str, np.ndarray],
                load: Callable[[str], np.ndarray]) -> list[Copy]:
    """Pairs (new article, any article) that ran the same wire copy: MinHash candidates found by banding (linear in
    the corpus), kept when the exact share of phrases is high.

    `new` maps article id -> phrase hashes; `known` maps every stored article id -> signature (new ones included);
    `load(article_id)` gives another article's phrase hashes for the exact check."""
    buckets: dict[tuple[int, bytes], list[str]] = {}
    for article_id, sig in known.items():
        for key in _band_keys(sig):
            buckets.setdefault(key, []).append(article_id)
    out: dict[tuple[str, str], Copy] = {}
    for article_id, hashes in new.items():
        sig = known.get(article_id)
        sig = signature(hashes) if sig is None else sig
        candidates = sorted({o for key in _band_keys(sig) for o in buckets.get(key, ()) if o != article_id})
        likeness = estimate(sig, np.stack([known[o] for o in candidates])) if candidates else np.zeros(0)
        ranked = sorted((-x, o) for x, o in zip(likeness, candidates, strict=True) if x >= CANDIDATE)
        for _, other in ranked[:MAX_COPIES]:  # the most alike first; the exact check reads each one's text
            pair = (min(article_id, other), max(article_id, other))
            if pair in out:
                continue
            share = containment(hashes, new[other] if other in new else load(other))
            if share >= SAME_COPY:
                out[pair] = Copy(*pair, round(share, 3),
                                 f"near-identical text: {share:.0%} of the shorter article's 5-word phrases shared")
    return list(out.values())
