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
MARKERS = {  # where in a text each marker token stands
    DIGIT: re.compile(r"\d+"),
    YEARLIKE: re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"),
    NUMERIC: re.compile(r"\d[./-]\d"),
}
_WHOLE = re.compile(r"(?<![a-z0-9\x00])[a-z0-9]+(?![a-z0-9\x00])")
_SLOT_OR_GROUP = re.compile(r"\{(\w+)\}|\[([^\]]*)\]")
Needs = frozenset[str] | None  # None: always run


def text_tokens(folded: str) -> set[str]:
    """The words of a folded text, plus DIGIT when it holds a digit."""
    found = set(_WORD.findall(folded))
    if MARKERS[DIGIT].search(folded):
        found.add(DIGIT)
        if MARKERS[YEARLIKE].search(folded):
            found.add(YEARLIKE)
        if MARKERS[NUMERIC].search(folded):
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


class _Layout:
    """The slots and groups of a data phrase, to tell which of them may run into a neighbouring word."""

    def __init__(self, phrase: str) -> None:
        self.phrase = phrase
        self.items = list(_SLOT_OR_GROUP.finditer(phrase))
        self.ending = {m.end(): m for m in self.items}
        self.starting = {m.start(): m for m in self.items}

    @staticmethod
    def _alts(item: re.Match[str]) -> list[str]:
        return [] if item.group(1) else item.group(2).split("|")

    def ends_alnum(self, pos: int) -> bool:
        """Whether the phrase text just before pos may end with a letter or digit."""
        item = self.ending.get(pos)
        if item is None:
            return pos > 0 and self.phrase[pos - 1].isalnum()
        alts = self._alts(item)
        return not alts or any(a and a[-1].isalnum() for a in alts) or ("" in alts and self.ends_alnum(item.start()))

    def starts_alnum(self, pos: int) -> bool:
        """Whether the phrase text from pos on may begin with a letter or digit."""
        item = self.starting.get(pos)
        if item is None:
            return pos < len(self.phrase) and self.phrase[pos].isalnum()
        alts = self._alts(item)
        return not alts or any(a and a[0].isalnum() for a in alts) or ("" in alts and self.starts_alnum(item.end()))

    def touches(self, item: re.Match[str]) -> bool:
        """A slot or group that may run into a letter, digit, slot or group beside it ('{weekday}abend',
        '{decade}[s|'s]'): in the text it can be part of a longer word, so its words are no words of the text."""
        alts = self._alts(item)
        first = not alts or any(a and a[0].isalnum() for a in alts)
        last = not alts or any(a and a[-1].isalnum() for a in alts)
        return (first and self.ends_alnum(item.start())) or (last and self.starts_alnum(item.end()))


def phrase_requirements(phrase: str, slot_words: dict[str, Needs]) -> tuple[frozenset[str], ...]:
    """Everything a data phrase cannot match without, each as a set of words of which the text must hold one: every
    literal word, every slot with known words, every required [a|b] group. Checked after phrase_needs picked the
    phrase as a candidate, so that a phrase is compiled and run only on texts that hold all its words."""
    marked = _SLOT_OR_GROUP.sub("\x00", phrase)
    out = {frozenset([w]) for w in _WHOLE.findall(fold(marked))}
    layout = _Layout(phrase)
    for m in layout.items:
        if layout.touches(m):
            continue
        if m.group(1):
            if slot_words.get(m.group(1)) is not None:
                out.add(slot_words[m.group(1)])  # type: ignore[arg-type]
            continue
        keys = [_key(alt) for alt in m.group(2).split("|")]
        if all(keys):
            out.add(frozenset(k for k in keys if k))
    return tuple(sorted(out, key=len))


def all_present(requirements: tuple[frozenset[str], ...], tokens: set[str]) -> bool:
    return all(not need.isdisjoint(tokens) for need in requirements)


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
