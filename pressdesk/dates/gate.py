"""Cheap gates in front of the regexes: a pattern only runs when a word it cannot match without is in the text.

Most of a language's ~200 patterns are phrases ('il y a {num} semaines', 'la veille'); scanning every text with
each costs more than everything else together. A text's word set is computed once; a phrase needs its longest
literal word, or one of the words of its first required [a|b] group, or of its first {slot}."""

from __future__ import annotations

import re

from pressdesk.dates.text import fold

DIGIT = "#d"  # the token standing for "the text has a digit"
YEARLIKE = "#y"  # ... "a number 1800..2099 stands in it"
NUMERIC = "#n"  # ... "digits joined by / . or - stand in it" (20/02/2014, 2015-3-3)
_WORD = re.compile(r"[a-z0-9]+")
_HAS_DIGIT = re.compile(r"\d")
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_HAS_NUMERIC = re.compile(r"\d[./-]\d")
_WHOLE = re.compile(r"(?<![a-z0-9\x00])[a-z0-9]+(?![a-z0-9\x00])")
_SLOT_OR_GROUP = re.compile(r"\{(\w+)\}|\[([^\]]*)\]")
Needs = frozenset[str] | None  # None: always run


def text_tokens(folded: str) -> set[str]:
    """The words of a folded text, plus DIGIT when it holds a digit."""
    found = set(_WORD.findall(folded))
    if _HAS_DIGIT.search(folded):
        found.add(DIGIT)
        if _HAS_YEAR.search(folded):
            found.add(YEARLIKE)
        if _HAS_NUMERIC.search(folded):
            found.add(NUMERIC)
    return found


def _key(text: str) -> str | None:
    """The longest word of a phrase chunk: the part of it the text must contain."""
    words = _WORD.findall(fold(text))
    return max(words, key=len) if words else None


def words_of(names: list[str]) -> frozenset[str]:
    """Any of these names (each by its longest word)."""
    return frozenset(k for n in names if (k := _key(n)))


def _glued(phrase: str, start: int, end: int) -> bool:
    """A slot or group written against letters ('{weekday}abend'): in the text it is part of a longer word."""
    return (start > 0 and phrase[start - 1].isalnum()) or (end < len(phrase) and phrase[end].isalnum())


def phrase_needs(phrase: str, slot_words: dict[str, Needs]) -> Needs:
    """What a data phrase cannot match without (see the module docstring); None when nothing is certain.
    Only whole words count: a word glued to a slot or group ('{weekday}abend') is no word of the text."""
    marked = _SLOT_OR_GROUP.sub("\x00", phrase)
    literal = _WHOLE.findall(fold(marked))
    if literal:
        return frozenset([max(literal, key=len)])
    for m in _SLOT_OR_GROUP.finditer(phrase):
        if _glued(phrase, m.start(), m.end()):
            continue
        if m.group(1):
            if slot_words.get(m.group(1)) is not None:
                return slot_words[m.group(1)]
            continue
        keys = [_key(alt) for alt in m.group(2).split("|")]
        if all(keys):
            return frozenset(k for k in keys if k)
    return None


def runs(needs: Needs, tokens: set[str]) -> bool:
    return needs is None or not needs.isdisjoint(tokens)
