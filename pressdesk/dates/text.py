"""Text folding and the small regex vocabulary shared by the date patterns (offsets are kept: one char per char)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pressdesk.alternation import trie_alternation

B = r"(?<!\w)"  # start of word
E = r"(?!\w)"  # end of word
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)(?![.,]\d)(?![^\W\d_])"  # not glued to letters ("2021Q4")
DAY_NUM = r"0?[1-9]|[12]\d|3[01]"
DAY_GUARD = r"(?<![\d.,:/-])"  # not inside a number, a time or a numeric date
_PLACEHOLDER = re.compile(r"\{(\w+)\}|\[([^\]]*)\]")


def _strip_table() -> dict[int, str]:
    """Map accented Latin letters to their base letter and curly apostrophes to ASCII, keeping length."""
    table: dict[int, str] = {0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x00B4: "'"}
    for cp in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii():
            table[cp] = base
    return table


_STRIP = _strip_table()
_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț", "’": "'", "‘": "'"})


def lower_same_length(text: str) -> str:
    """Lowercase without changing length (a few characters expand under str.lower)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def fold(text: str) -> str:
    """Lowercase and drop diacritics, one output char per input char so offsets stay valid."""
    return lower_same_length(text).translate(_STRIP)


def tense_view(text: str) -> str:
    """Lowercase with diacritics kept (tense cues need them: French 'à' vs 'a'), cedillas unified."""
    return lower_same_length(text).translate(_CEDILLA)


def phrase_regex(phrase: str, slots: dict[str, str]) -> str:
    """Turn a readable data phrase like 'il y a {num} [semaines|sem.]' into a regex body.

    {slot} is a number/weekday/month/year (or a season/decade slot); [a|b] lists alternatives ([|a] makes a word
    optional).
    """
    parts: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(phrase):
        parts.append(_literal(phrase[pos : m.start()]))
        if m.group(1):
            parts.append(slots[m.group(1)])
        else:
            parts.append("(?:" + "|".join(_literal(a) for a in m.group(2).split("|")) + ")")
        pos = m.end()
    parts.append(_literal(phrase[pos:]))
    return "".join(parts)


def _literal(chunk: str) -> str:
    return re.escape(fold(chunk)).replace(r"\ ", r"\s+")


def alternation(words: list[str]) -> str:
    """Longest-first alternation of folded literal words (so 'septembre' beats 'sept'), built once per word list
    (prefix lists recur in many patterns)."""
    return _alternation(tuple(words))


@lru_cache(maxsize=1024)
def _alternation(words: tuple[str, ...]) -> str:
    return trie_alternation(fold(w) for w in words) or r"(?!x)x"


def literal_words(words: list[str]) -> list[str]:
    """Each folded word as its own regex, longest first."""
    return [_literal(w) for w in sorted({fold(w) for w in words if w}, key=lambda w: (-len(w), w))]
