"""The word gates in front of the date regexes: a phrase pattern is compiled and run only on texts holding every
word it cannot match without (pressdesk/dates/gate.py), and gating never changes what is found."""

from __future__ import annotations

import re
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


def test_a_field_runs_only_the_field_patterns_its_words_allow() -> None:
    spec = load_language("it")
    assert spec is not None
    kinds = [p.kind for p in spec.field_patterns(text_tokens("lunedi"), set())]
    assert "rel" in kinds and "mnum" not in kinds and "holiday" not in kinds
    named = [p for p in spec.field_patterns(text_tokens("natale"), {"natale"}) if p.kind == "holiday"]
    assert all(p.holiday is not None for p in named)
    assert [m.value for m in find_dates("natale", "it", date(2024, 5, 8))] == ["2023-12-25"]  # the nearest
    assert [m.value for m in find_dates("2014-10", "it", date(2024, 5, 8))] == ["2014-10"]


def test_alternation_is_longest_first_and_the_same_in_every_process() -> None:
    from pressdesk.dates.text import alternation

    words = ["sept", "septembre", "mai", "mar", "au mois de"]
    regex = re.compile(rf"(?:{alternation(words)})")
    assert regex.match("septembre 2024").group() == "septembre"
    assert regex.match("sept. 2024").group() == "sept"
    assert regex.match("au \n mois de mai").group() == "au \n mois de"
    assert alternation(list(reversed(words))) == alternation(words)  # the same in every process
    assert re.compile(alternation([])).search("anything") is None
