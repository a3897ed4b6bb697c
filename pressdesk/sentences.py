"""Language-aware sentence splitting that keeps character offsets into the clean text."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sentencex import segment

DATA = Path(__file__).resolve().parent.parent / "data"
_BLOCK = re.compile(r"[^\n]+")
# a full stop after a letter, then space and a (quoted) letter: a break the segmenter may have missed
_MISSED_BREAK = re.compile(r"(?<=[^\W\d_])\.\s+(?=[«“„\"]?[^\W\d_])")
# Extraction looks at each sentence as a whole (dates of a reporting clause, speakers, actors), so its cost grows
# with the square of a sentence's length: a sentence longer than this is cut at clause boundaries. The longest
# sentence in the real articles is about 630 characters.
MAX_SENTENCE = 1000
_CLAUSE_END = re.compile(r"[;:,)\]»”](?=\s)|\s[–—-](?=\s)")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str
    role: str = "body"  # "title" | "body" | "caption"


@lru_cache(maxsize=32)
def abbreviations(language: str) -> frozenset[str]:
    """Titles and abbreviations after which a full stop does not end a sentence (data/abbreviations.toml)."""
    data = tomllib.loads((DATA / "abbreviations.toml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in [*data.get("common", []), *data.get(language, [])])


def _pieces(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """sentencex's sentences of text[start:end] as (start, end) offsets, stripped."""
    out: list[tuple[int, int]] = []
    cursor = start
    for piece in segment(lang, text[start:end]):
        stripped = piece.strip()
        if not stripped:
            continue
        found = text.find(stripped, cursor, end)
        if found < 0:  # the segmenter normalised something: skip rather than point at the wrong span
            continue
        out.append((found, found + len(stripped)))
        cursor = found + len(stripped)
    return out


def _last_word(text: str, start: int, end: int) -> str:
    """The last whitespace-separated token of text[start:end] (rfind: no regex scan of the whole piece)."""
    cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end), text.rfind("\t", start, end), start - 1)
    return text[cut + 1:end]


def _repair(text: str, pieces: list[tuple[int, int]], abbrev: frozenset[str]) -> list[tuple[int, int]]:
    """Join a break that follows a title ("Dl." + "Ciolacu a spus"); split a missed one after a lower-case
    word ("avea loc. Ea a precizat") that no abbreviation list knows."""
    joined: list[tuple[int, int]] = []
    for start, end in pieces:
        if joined and _last_word(text, *joined[-1]).lower() in abbrev:
            joined[-1] = (joined[-1][0], end)
            continue
        joined.append((start, end))
    out: list[tuple[int, int]] = []
    for start, end in joined:
        for m in _MISSED_BREAK.finditer(text, start, end):
            token = _last_word(text, start, m.start() + 1).lower()
            if len(token) < 4 or not token[:-1].isalpha() or not token[0].islower() or token in abbrev:
                continue
            following = text[m.end()]
            if not following.isupper() and following not in "«“„\"":
                continue
            out.append((start, m.start() + 1))
            start = m.end()
        out.append((start, end))
    return out


def _last_end(regex: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    """End of the last match of regex inside text[lo:hi], or -1."""
    last = -1
    for m in regex.finditer(text, lo, hi):
        last = m.end()
    return last


def bound(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """text[start:end] in pieces of at most `limit` characters: cut after the last clause boundary (; : , or a
    dash) in the second half of each window, else at the last space, else hard at the limit."""
    out: list[tuple[int, int]] = []
    while end - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = _last_end(_CLAUSE_END, text, lo, hi)
        if cut < 0:
            cut = _last_end(_SPACE, text, lo, hi)
        if cut < 0:
            cut = hi
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def split_sentences(text: str, language: str | None, roles: dict[int, str] | None = None) -> list[Sentence]:
    """Split each line (a paragraph) with sentencex, repair titles, bound the length; text[start:end] == sentence.

    `roles` maps a line's start offset to its role (title, caption); other lines are body.
    """
    lang = (language or "en").lower()
    abbrev = abbreviations(lang)
    out: list[Sentence] = []
    for block in _BLOCK.finditer(text):
        role = (roles or {}).get(block.start(), "body")
        for piece in _repair(text, _pieces(text, block.start(), block.end(), lang), abbrev):
            for start, end in bound(text, *piece):
                out.append(Sentence(len(out), start, end, text[start:end], role))
    return out
