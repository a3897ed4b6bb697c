"""Statements attributed after the fact: 'X. Lo ha detto Y.', "X. C'est ce qu'a affirmé Y.", 'X. Y l'a affirmé.'"""

from datetime import date

import pytest

from pressdesk.quotes import extract_quotes

PUB = date(2024, 1, 8)


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("it", "Le truppe resteranno al confine fino a marzo. Lo ha detto il ministro Ana Pop.",
         "Le truppe resteranno al confine fino a marzo"),
        ("it", "Le truppe resteranno al confine fino a marzo. L'ha detto Ana Pop ai giornalisti.",
         "Le truppe resteranno al confine fino a marzo"),
        ("it", "Le truppe resteranno al confine fino a marzo. È quanto ha dichiarato Ana Pop.",
         "Le truppe resteranno al confine fino a marzo"),
        ("fr", "Les troupes resteront à la frontière jusqu'en mars. C'est ce qu'a affirmé Ana Pop lundi.",
         "Les troupes resteront à la frontière jusqu'en mars"),
        ("fr", "Les troupes resteront à la frontière jusqu'en mars. Ana Pop l'a affirmé lundi devant les députés.",
         "Les troupes resteront à la frontière jusqu'en mars"),
    ],
)
def test_a_sentence_pointing_back_hands_the_one_before_to_its_speaker(lang, text, said):
    assert [(q.speaker, q.text) for q in extract_quotes(text, lang, PUB)] == [("Ana Pop", said)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Ana Pop ha visitato Kiev lunedì. Lo ha accolto il presidente del parlamento."),
        ("fr", "Les mesures qu'a annoncées le gouvernement seront appliquées dès lundi dans tout le pays."),
    ],
)
def test_no_statement_without_a_reporting_verb_pointing_back(lang, text):
    assert extract_quotes(text, lang, PUB) == []
