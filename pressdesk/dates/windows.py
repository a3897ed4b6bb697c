"""Where in a text a date pattern can match: near a word it cannot match without (the gate's words, gate.py).

Python's `re` pays for every position it scans, and an article meets thirty-odd patterns, so scanning each over the
whole text is most of what finding dates costs. A pattern's match holds one of its needed words, and no date
phrase is longer than a few dozen characters, so a pattern only runs over the stretches of text within REACH of
one of those words: the matches are the same, and a month pattern reads a few hundred characters of a long
article instead of all of it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pressdesk.dates.gate import MARKERS, Needs

REACH = 100  # characters read on each side of a needed word: twice the longest date phrase (the longest met in 1,000 articles is 30)
_DENSE = 0.85  # windows covering more of the text than this: one scan of the whole text is cheaper
_SHORT = 4 * REACH  # a text this short (a sentence, a field) is scanned whole: looking for windows costs more
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")  # gate.py's words are runs of these


class Windows:
    """The stretches of one folded text worth scanning for each set of needed words (computed once per set)."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._spans: dict[frozenset[str], list[tuple[int, int]] | None] = {}

    def finditer(self, regex: re.Pattern[str], needs: Needs) -> Iterator[re.Match[str]]:
        """regex.finditer over the text, reading only near the needed words (all of it when needs is None)."""
        spans = None if needs is None or len(self.folded) <= _SHORT else self._windows(needs)
        if spans is None:
            yield from regex.finditer(self.folded)
            return
        for lo, hi in spans:
            yield from regex.finditer(self.folded, lo, hi)

    def _windows(self, needs: frozenset[str]) -> list[tuple[int, int]] | None:
        if needs not in self._spans:
            self._spans[needs] = self._merge(sorted(self._occurrences(needs)))
        return self._spans[needs]

    def _occurrences(self, needs: frozenset[str]) -> Iterator[tuple[int, int]]:
        text = self.folded
        for word in needs:
            marker = MARKERS.get(word)
            if marker is not None:
                yield from (m.span() for m in marker.finditer(text))
                continue
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or text[at - 1] not in _TOKEN_CHARS) and (end == len(text) or text[end] not in _TOKEN_CHARS):
                    yield at, end
                at = text.find(word, at + 1)

    def _merge(self, found: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
        length = len(self.folded)
        out: list[tuple[int, int]] = []
        for start, end in found:
            lo, hi = max(0, start - REACH), min(length, end + REACH)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        return None if sum(hi - lo for lo, hi in out) > _DENSE * length else out
