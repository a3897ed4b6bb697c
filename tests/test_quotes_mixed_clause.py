"""A quotation that closes a clause begun outside the marks, with the cue after it: the whole clause is the
statement (mixed), not only the quoted words."""

import pytest

from pressdesk.quotes import extract_quotes


@pytest.mark.parametrize(
    ("lang", "text", "head", "quoted"),
    [
        ("en", "The port has two economies. One serves the ships, and then there is the old town that has been "
               "“left to rot for decades,” Ana Pop explained.", "One serves the ships", "left to rot for decades"),
        ("fr", "Le port a deux économies. L'une sert les navires, et puis il y a la vieille ville qui a été « laissée "
               "à l'abandon depuis des décennies », a expliqué Ana Pop.", "L'une sert les navires",
         "laissée à l'abandon"),
        ("it", "Il porto ha due economie. Una serve le navi, e poi c'è il centro storico che è stato «lasciato marcire "
               "per decenni», ha spiegato Ana Pop.", "Una serve le navi", "lasciato marcire per decenni"),
        ("ro", "Portul are două economii. Una serveşte navele, iar apoi este oraşul vechi care a fost „lăsat să "
               "putrezească decenii la rând”, a explicat Ana Pop.", "Una serveşte navele", "lăsat să putrezească"),
    ],
)
def test_quotation_closing_a_clause_gives_the_whole_clause(lang: str, text: str, head: str, quoted: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ana Pop", "mixed")]
    assert quotes[0].text.startswith(head) and quoted in quotes[0].text


@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild the bridge before winter,” said Ana Pop.",
        "In a statement on Monday, “We will rebuild the bridge before winter,” said Ana Pop.",
    ],
)
def test_a_quotation_opening_its_clause_stays_direct(text: str) -> None:
    quotes = extract_quotes(text, "en", None)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "We will rebuild the bridge before winter")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Ana Pop criticised “the narrative pushed by the generals who seized power” during the summit."),
        ("fr", "Ana Pop a dénoncé « un coup d'État militaire contre la démocratie » lundi à Paris."),
        ("it", "Ana Pop ha definito «una scelta irresponsabile e pericolosa» la decisione del governo."),
        ("ro", "Ana Pop a criticat „o decizie iresponsabilă şi periculoasă pentru ţară” luni seara."),
    ],
)
def test_words_quoted_inside_the_sentence_after_the_cue_are_mixed(lang: str, text: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ana Pop", "mixed")]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Pop said: “We will rebuild the bridge before winter.”",
        "Ana Pop said “We will rebuild the bridge before winter.”",  # a whole sentence, opening in capitals
    ],
)
def test_a_statement_after_its_cue_stays_direct(text: str) -> None:
    quotes = extract_quotes(text, "en", None)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "We will rebuild the bridge before winter.")]


def test_a_low_opening_mark_closed_by_a_straight_one_is_a_quotation():
    from pressdesk.quotes.spans import find_quote_spans

    text = 'Ana Pop a afirmat că reforma este „o necesitate pentru economia ţării". Apoi a plecat.'
    assert [text[s:e] for s, e in find_quote_spans(text)] == ['„o necesitate pentru economia ţării"']
    assert [(q.speaker, q.kind) for q in extract_quotes(text, "ro", None)] == [("Ana Pop", "mixed")]


@pytest.mark.parametrize(
    ("lang", "text", "second"),
    [
        ("en", "“The reform is a trap for every worker in the country,” Ana Pop said, for whom “neither the unions nor "
               "the employers are fooled by it”.", "neither the unions"),
        ("fr", "« La réforme est un piège pour tous les travailleurs du pays », a déclaré Ana Pop, pour qui « ni les "
               "syndicats ni les patrons ne sont dupes ».", "ni les syndicats"),
        ("it", "«La riforma è una trappola per tutti i lavoratori del paese», ha dichiarato Ana Pop, per la quale «né "
               "i sindacati né i datori di lavoro ci cascano».", "né i sindacati"),
        ("ro", "„Reforma este o capcană pentru toţi muncitorii din ţară”, a declarat Ana Pop, pentru care „nici "
               "sindicatele, nici patronii nu sunt păcăliţi”.", "nici sindicatele"),
    ],
)
def test_a_cueless_quotation_running_on_from_the_reporter_is_mixed(lang: str, text: str, second: str) -> None:
    """A second quotation after an attributed one continues its speaker; inside the reporter's clause it is mixed."""
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ana Pop", "direct"), ("Ana Pop", "mixed")], quotes
    assert quotes[1].text.startswith(second)


def test_a_second_quotation_opening_its_own_sentence_stays_direct() -> None:
    text = "“The reform is a trap for every worker,” Ana Pop said. “Nobody is fooled by it, not the unions.”"
    assert [q.kind for q in extract_quotes(text, "en", None)] == ["direct", "direct"]


@pytest.mark.parametrize(
    ("lang", "text", "cue", "said"),
    [
        ("en", "The ministry has \"totally\" rejected what it called \"unfounded accusations\" from the opposition.",
         'has "totally" rejected', "rejected what it called"),
        ("fr", "Le ministère a « totalement » rejeté des « accusations infondées » de l'opposition.",
         "a « totalement » rejeté", "rejeté des"),
        ("it", "Il ministero ha «totalmente» respinto le «accuse infondate» dell'opposizione.",
         "ha «totalmente» respinto", "respinto le"),
        ("ro", "Ministerul a „categoric” respins „acuzaţiile nefondate” ale opoziţiei.",
         "a „categoric” respins", "respins „acuzaţiile"),
    ],
)
def test_a_word_quoted_between_auxiliary_and_verb_keeps_the_cue(lang: str, text: str, cue: str, said: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [(q.kind, q.cue) for q in quotes] == [("mixed", cue)], quotes
    assert quotes[0].text.startswith(said)


@pytest.mark.parametrize(
    ("lang", "text", "verb"),
    [
        ("en", "Ana Pop criticised the \"perennial prophets of doom\" who say that the world is in crisis.", "criticised"),
        ("fr", "Ana Pop a fustigé les « éternels prophètes de malheur » qui affirment que le monde est en crise.",
         "a fustigé"),
        ("it", "Ana Pop si scaglia contro i \"perenni profeti di sventura\" che avvertono che il mondo è in crisi.",
         "scaglia"),
        ("ro", "Ana Pop a criticat „eternii profeţi ai nenorocirii” care avertizează că lumea este în criză.",
         "a criticat"),
    ],
)
def test_a_relative_clause_on_quoted_words_leaves_them_to_the_cue(lang: str, text: str, verb: str) -> None:
    """'that/que/che/că' after the quoted object opens the relative's clause: the statement is the quoted words."""
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.kind, q.cue) for q in quotes] == [("Ana Pop", "mixed", verb)], quotes


def test_told_reporters_who_gathered_keeps_the_clause() -> None:
    quotes = extract_quotes("Ana Pop told reporters who gathered outside that she would resign.", "en", None)
    assert [(q.speaker, q.text) for q in quotes] == [("Ana Pop", "she would resign")]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ana Pop lashed out at the \"perennial prophets of doom\" on the left.", 1),
        ("Ana Pop hit out at \"fake experts\" during the rally.", 1),
        ("Ana Pop lashed out at her critics during the rally.", 0),  # no quoted words: an act, no statement
    ],
)
def test_lashing_out_at_quoted_words_is_a_statement(text: str, said: int) -> None:
    quotes = extract_quotes(text, "en", None)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ana Pop", "mixed")] * said
