"""The word gates in front of the date regexes: a phrase pattern is compiled and run only on texts holding every
word it cannot match without (pressdesk/dates/gate.py), and gating never changes what is found."""

from __future__ import annotations

from datetime import date

from pressdesk.dates import find_dates
from pressdesk.dates.gate import DIGIT, all_present, phrase_requirements, text_tokens
from pressdesk.dates.lang import load_language

SLOTS = {"weekday": frozenset({"lundi", "mardi"}), "num": frozenset({"deux", DIGIT})}


def test_a_phrase_requires_each_literal_word_each_slot_and_each_required_group() -> None:
    needs = set(phrase_requirements("il y a {num} [semaines|mois]", SLOTS))
    assert needs == {frozenset({"il"}), frozenset({"y"}), frozenset({"a"}), frozenset({"deux", DIGIT}),
                     frozenset({"semaines", "mois"})}


def test_optional_and_glued_parts_require_nothing() -> None:
    assert phrase_requirements("[le |]{weekday} [|prochain]", SLOTS) == (frozenset({"lundi", "mardi"}),)
    assert phrase_requirements("the {decade}[s|'s]", {}) == (frozenset({"the"}),)  # '1990s' is one token
    assert phrase_requirements("{weekday}abend", SLOTS) == ()


def test_all_present_needs_one_word_of_every_set() -> None:
    tokens = text_tokens("il y a deux semaines")
    assert all_present(phrase_requirements("il y a {num} [semaines|mois]", SLOTS), tokens)
    assert not all_present(phrase_requirements("il y a {num} [semaines|mois]", SLOTS), text_tokens("il y a deux ans"))


def test_patterns_for_leaves_out_phrases_missing_a_word_but_finds_the_same_dates() -> None:
    spec = load_language("fr")
    assert spec is not None
    text = "Le texte sera voté la semaine prochaine."
    chosen = spec.patterns_for(text_tokens(text.lower()))
    assert all(all_present(p.also, text_tokens(text.lower())) for p in chosen)
    assert not any(p.kind == "rel" and "mois" in p.source for p in chosen)
    assert [m.value for m in find_dates(text, "fr", date(2024, 5, 8))] == ["2024-W20"]


def test_alternation_as_a_prefix_tree_matches_what_the_longest_first_list_matches() -> None:
    import re

    from pressdesk.dates.text import alternation, literal_words

    words = ["sept", "septembre", "sep", "au mois de", "au mois d'", "au", "à la fin de", "à la fin du mois de",
             "mi-", "mars", "mar", "ma"]
    tree = re.compile(rf"(?<!\w)(?:{alternation(words)})")
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(literal_words(words))})")
    assert "(?:" in alternation(words) and alternation([]) == r"(?!x)x"
    for text in ["septembre", "sept ans", "sep.", "au mois d'août", "au  mois de mai", "a la fin du mois de mars",
                 "a la fin de", "mi-mars", "marseille", "ma", "au", "a la fin du mois"]:
        assert [m.group(0) for m in tree.finditer(text)] == [m.group(0) for m in plain.finditer(text)], text
