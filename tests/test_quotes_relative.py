"""A statement noun with its owner and a relative attribution ('l'accusation du ministre selon laquelle A')."""

import pytest

from pressdesk.quotes import extract_quotes


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "Le syndicat a rejeté l'accusation de la maire Ana Pop selon laquelle les enseignants auraient bloqué "
               "la réforme des écoles.", "les enseignants auraient bloqué la réforme des écoles"),
        ("it", "Il sindacato ha respinto l'accusa della sindaca Ana Pop secondo cui gli insegnanti avrebbero bloccato "
               "la riforma delle scuole.", "gli insegnanti avrebbero bloccato la riforma delle scuole"),
        ("ro", "Sindicatul a respins acuzaţia primarului Ana Pop potrivit căreia profesorii ar fi blocat reforma "
               "şcolilor.", "profesorii ar fi blocat reforma şcolilor"),
        ("en", "The union rejected the claim by Mayor Ana Pop according to which the teachers had blocked the school "
               "reform.", "the teachers had blocked the school reform"),
    ],
)
def test_relative_attribution_credits_the_owner_of_the_statement(lang: str, text: str, content: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.text.rstrip(".")) for q in quotes if q.speaker == "Ana Pop"] == [("Ana Pop", content)]


def test_a_thesis_with_no_owner_is_no_statement_fr() -> None:
    text = "La thèse selon laquelle les enseignants auraient bloqué la réforme ne tient pas."
    assert extract_quotes(text, "fr", None) == []
