"""A reaction to someone's words is no statement of its own; a paragraph an article repeats is one statement."""

import pytest

from pressdesk.quotes import extract_quotes


def test_reacting_to_remarks_is_no_statement_fr() -> None:
    text = ("Le syndicat des enseignants a vivement réagi, ce lundi dans un communiqué, aux propos tenus par le "
            "ministre Jean Roux sur la réforme.")
    assert extract_quotes(text, "fr", None) == []


def test_a_reaction_with_quoted_words_is_a_statement_fr() -> None:
    text = "Le ministre Jean Roux a réagi : « Nous ne reviendrons pas sur cette réforme, elle est juste. »"
    assert [(q.speaker, q.kind) for q in extract_quotes(text, "fr", None)] == [("Jean Roux", "direct")]


@pytest.mark.parametrize(
    ("lang", "para", "more"),
    [
        ("en", "Mayor Ana Pop said: “We will rebuild the bridge before the winter comes to the valley.”",
         "The works cost two million."),
        ("fr", "La maire Ana Pop a déclaré : « Nous reconstruirons le pont avant que l'hiver n'arrive dans la vallée. »",
         "Les travaux coûtent deux millions."),
        ("it", "La sindaca Ana Pop ha dichiarato: «Ricostruiremo il ponte prima che l'inverno arrivi nella valle.»",
         "I lavori costano due milioni."),
        ("ro", "Primarul Ana Pop a declarat: „Vom reconstrui podul înainte ca iarna să ajungă în vale.”",
         "Lucrările costă două milioane."),
    ],
)
def test_a_paragraph_repeated_within_a_longer_one_is_one_statement(lang: str, para: str, more: str) -> None:
    quotes = extract_quotes(para + "\n\n" + para + " " + more + "\n", lang, None)
    assert len(quotes) == 1 and quotes[0].speaker == "Ana Pop" and quotes[0].start_char < len(para)
