"""Word lists as regex alternations built as a trie, for speed: Python's `re` tries the branches of a flat
`minister|ministry|mayor|...` one by one at every position it scans, so a list of 2,000 role forms costs 2,000
tries per word of text; as a trie ('m(?:inist(?:er|ry)|ayor)') it costs the length of the word.

The match is the one a flat alternation sorted longest first gives: of the listed words that match at a position,
the longest is tried first and the shorter ones, in order, only when the rest of the pattern fails after it (two
words matching at one position are a prefix one of the other, and a trie tries a longer continuation before
stopping)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # key of the end of a word in a trie node (no character is the empty string)
_SPACE = " "


def trie_alternation(words: Iterable[str], space: str | None = r"\s+", ignore_case: bool = False) -> str:
    """The words as one regex (no group is captured), or '' for no words.

    `space` replaces each space inside a word (r'\\s+' lets a phrase run over a line break; None keeps a literal
    space). With `ignore_case` (the pattern is compiled with re.IGNORECASE) words are put in lower case first, so
    that 'Premier ministre' and 'premier' share a branch and the longer still wins."""
    root: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = root
        for char in word.lower() if ignore_case else word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(root, re.escape(_SPACE) if space is None else space)


def _emit(node: dict[str, dict], space: str) -> str:
    branches = [(space if char == _SPACE else re.escape(char)) + _emit(child, space)
                for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return f"(?:{body})?" if len(branches) == 1 else body + "?"
