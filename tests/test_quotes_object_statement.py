"""A statement whose content is the object of an announce/accuse/appeal verb ('announces the US contribution',
'accusé X de …', 'ha accusato X di …') keeps its verb: the object alone says nothing."""

import pytest

from pressdesk.quotes import extract_quotes


@pytest.mark.parametrize(
    ("lang", "text", "start"),
    [
        ("en", "Mayor Ana Pop accused the regional council of blocking the funds for the new bridge.", "accused the"),
        ("fr", "La maire Ana Pop a accusé le conseil régional de bloquer les fonds du nouveau pont.", "accusé le"),
        ("it", "La sindaca Ana Pop ha accusato il consiglio regionale di bloccare i fondi per il nuovo ponte.",
         "accusato il"),
        ("ro", "Primarul Ana Pop a acuzat consiliul judeţean că blochează fondurile pentru noul pod.", "blochează"),
    ],
)
def test_object_statement_starts_at_its_verb(lang: str, text: str, start: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [q.speaker for q in quotes] == ["Ana Pop"] and quotes[0].text.startswith(start)


def test_a_that_clause_still_starts_after_the_verb() -> None:
    quotes = extract_quotes("Mayor Ana Pop announced that the bridge would open in May.", "en", None)
    assert [q.text for q in quotes] == ["the bridge would open in May"]
