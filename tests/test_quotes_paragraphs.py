"""A quotation that runs over paragraphs, as news copy writes it: each paragraph opens with a quotation mark and only
the last one closes it. The open paragraphs are statements of the speaker named where the quotation closes."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk.quotes import extract_quotes

PUB = date(2024, 5, 1)

CASES = [
    ("en", "The opposition answered the minister on Monday.\n\n“The government has no plan for the hospitals and no plan "
           "for the schools.\n\n“Nobody believes its numbers any more,” said Ion Rusu, who leads the opposition.",
     "Ion Rusu", "no plan for the hospitals"),
    ("fr", "L'opposition a répondu au ministre lundi.\n\n« Le gouvernement n'a aucun plan pour les hôpitaux ni pour les "
           "écoles.\n\n« Plus personne ne croit ses chiffres », a déclaré Jean Dupont, chef de l'opposition.",
     "Jean Dupont", "aucun plan pour les hôpitaux"),
    ("it", "L'opposizione ha risposto al ministro lunedì.\n\n«Il governo non ha alcun piano per gli ospedali né per le "
           "scuole.\n\n«Nessuno crede più ai suoi numeri», ha detto Mario Bianchi, leader dell'opposizione.",
     "Mario Bianchi", "alcun piano per gli ospedali"),
    ("ro", "Opoziţia i-a răspuns luni ministrului.\n\n„Guvernul nu are niciun plan pentru spitale şi niciunul pentru "
           "şcoli.\n\n„Nimeni nu mai crede cifrele sale”, a declarat Ion Rusu, liderul opoziţiei.",
     "Ion Rusu", "niciun plan pentru spitale"),
]


@pytest.mark.parametrize(("lang", "text", "speaker", "opened"), CASES)
def test_an_open_paragraph_is_said_by_whoever_closes_the_quotation(lang, text, speaker, opened):
    quotes = extract_quotes(text, lang, PUB)
    first = next(q for q in quotes if opened in q.text)
    assert (first.speaker, first.kind) == (speaker, "direct"), quotes
    assert len([q for q in quotes if q.speaker == speaker and q.kind == "direct"]) == 2


def test_the_quotation_may_run_over_several_open_paragraphs():
    text = ("“We will not raise taxes this year, whatever the deficit says.\n\n“Families have paid enough for this "
            "crisis.\n\n“We will keep our word,” Finance Minister Ana Pop said.")
    quotes = extract_quotes(text, "en", PUB)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ana Pop", "direct")] * 3, quotes


def test_an_unclosed_quotation_not_continued_by_the_next_paragraph_is_left_alone():
    text = ("“We will not raise taxes this year, whatever the deficit says.\n\nThe minister left the room without "
            "taking questions, her aides said.")
    assert not [q for q in extract_quotes(text, "en", PUB) if "raise taxes" in q.text]
