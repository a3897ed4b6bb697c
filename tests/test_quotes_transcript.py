"""Transcript lines ('NAME: words' is NAME's statement to the end of the line) and wire lead-ins ('KYIV (Reuters) -', not part of what was said)."""

from datetime import date

import pytest

from pressdesk.quotes import extract_quotes

PUB = date(2024, 1, 8)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "said"),
    [
        ("en", "Defence minister Ana Pop spoke to reporters.\n\nPOP: The troops will stay at the border until March. "
               "We will review the plan then.\n\nThe talks ended at noon.", "Ana Pop",
         "The troops will stay at the border until March. We will review the plan then"),
        ("en", "VLADIMIR PUTIN: Together we uphold the principles of justice and a democratic world order.",
         "Vladimir Putin", "Together we uphold the principles of justice and a democratic world order"),
        ("fr", "Le ministre Ana Pop a répondu aux questions.\n\nAna Pop : Nous ne reconnaissons pas les putschistes "
               "et nous soutenons le président élu.", "Ana Pop",
         "Nous ne reconnaissons pas les putschistes et nous soutenons le président élu"),
        ("it", "Il ministro Ana Pop ha risposto alle domande.\n\nPOP: Le truppe resteranno al confine fino a marzo, "
               "poi vedremo.", "Ana Pop", "Le truppe resteranno al confine fino a marzo, poi vedremo"),
        ("ro", "Ministrul Ana Pop a răspuns la întrebări.\n\nANA POP: Trupele vor rămâne la graniţă până în martie, "
               "apoi vom vedea.", "Ana Pop", "Trupele vor rămâne la graniţă până în martie, apoi vom vedea"),
    ],
)
def test_a_labelled_line_is_its_speakers_statement(lang, text, speaker, said):
    quotes = extract_quotes(text, lang, PUB)
    assert [(q.speaker, q.kind, q.text) for q in quotes] == [(speaker, "direct", said)]


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Reuters photographers covered the summit in Kyiv on Monday.",
        "Question: Will the troops stay at the border until March?",
        "Ana Pop: the minister who wants to keep the troops at the border",  # a heading, no sentence
    ],
)
def test_a_label_that_names_nobody_or_no_speech_is_no_statement(text):
    assert extract_quotes(text, "en", PUB) == []


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("en", "KYIV, Jan 8 (Reuters) - The troops will stay at the border until March, Ana Pop said on Monday.",
         "The troops will stay at the border until March"),
        ("fr", "KYIV (AFP) - Les troupes resteront à la frontière jusqu'en mars, a déclaré lundi Ana Pop.",
         "Les troupes resteront à la frontière jusqu'en mars"),
        ("it", "ROMA, 8 GEN - Le truppe resteranno al confine fino a marzo, ha detto il ministro Ana Pop.",
         "Le truppe resteranno al confine fino a marzo"),
        ("ro", "BUCUREŞTI, 8 ian (Agerpres) - Trupele vor rămâne la graniţă până în martie, a declarat Ana Pop.",
         "Trupele vor rămâne la graniţă până în martie"),
        ("en", "NATO - the alliance - will stay at the border until March, Ana Pop said on Monday.",
         "NATO - the alliance - will stay at the border until March"),  # no date, no agency: no wire lead-in
    ],
)
def test_a_wire_lead_in_is_not_part_of_the_statement(lang, text, said):
    assert [q.text for q in extract_quotes(text, lang, PUB)] == [said]
