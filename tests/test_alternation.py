"""Word lists compiled as a trie match exactly what a flat alternation sorted longest first matches."""

from __future__ import annotations

import random
import re

import pytest

from pressdesk.alternation import trie_alternation


def _flat(words: list[str], space: str | None) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    escaped = [re.escape(w) for w in forms]
    return "|".join(e.replace(r"\ ", space) if space else e for e in escaped)


def test_the_longest_listed_word_wins_over_its_prefix() -> None:
    regex = re.compile(rf"(?:{trie_alternation(['minister', 'minister of state', 'ministers', 'mayor'])})")
    assert regex.match("minister of state said").group() == "minister of state"
    assert regex.match("ministers said").group() == "ministers"
    assert regex.match("minister said").group() == "minister"
    assert regex.match("mayor").group() == "mayor"


def test_a_shorter_word_is_tried_when_the_rest_of_the_pattern_fails_after_the_longer() -> None:
    regex = re.compile(rf"(?<!\w)(?:{trie_alternation(['prime minister', 'prime'])})(?= said)")
    assert regex.search("the prime said").group() == "prime"
    assert regex.search("the prime minister said").group() == "prime minister"


def test_spaces_are_whitespace_runs_or_literal() -> None:
    assert re.fullmatch(trie_alternation(["au mois de"]), "au\n mois  de")
    assert not re.fullmatch(trie_alternation(["au mois de"], space=None), "au\n mois de")
    assert re.fullmatch(trie_alternation(["au mois de"], space=None), "au mois de")


def test_ignore_case_merges_spellings_so_the_longer_still_wins() -> None:
    pattern = trie_alternation(["Premier ministre", "premier"], ignore_case=True)
    assert re.match(pattern, "PREMIER MINISTRE", re.I).group() == "PREMIER MINISTRE"


def test_no_words_is_an_empty_pattern_and_empty_words_are_skipped() -> None:
    assert trie_alternation([]) == ""
    assert trie_alternation(["", "a"]) == "a"


def test_special_characters_are_escaped() -> None:
    regex = re.compile(trie_alternation(["sept.", "a+b", "(c)"]))
    assert regex.fullmatch("sept.") and regex.fullmatch("a+b") and regex.fullmatch("(c)")
    assert not regex.fullmatch("septx")


@pytest.mark.parametrize("space", [r"\s+", None])
def test_same_matches_as_a_longest_first_flat_alternation(space: str | None) -> None:
    rng = random.Random(7)
    letters = "abc "
    for _ in range(300):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 6))).strip() or "a" for _ in range(8)]
        text = "".join(rng.choice(letters + "d") for _ in range(60))
        tail = rng.choice(["", r"(?!\w)", r"(?= )", r"b"])
        flat = re.compile(rf"(?:{_flat(words, space)}){tail}")
        trie = re.compile(rf"(?:{trie_alternation(words, space=space)}){tail}")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], (words, text)
