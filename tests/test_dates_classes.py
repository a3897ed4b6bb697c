"""pressdesk.dates on the classes of issue 9: numeric and abbreviated forms, both ends of ranges, bare months
without a publication date, months of relatively named years, Italian word order, weekday plus day number,
ordinal weekdays, week-of and last-day expressions, and the tense of reported clauses."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk.dates import find_dates

THU = date(2025, 6, 12)  # a Thursday


def values(text: str, lang: str, published: date | None = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, lang, published)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "La loi a été promulguée le 09/04 au Journal officiel.", [("le 09/04", "2025-04-09")]),
        ("it", "Il contratto è scaduto il 28/02 senza proroga.", [("il 28/02", "2025-02-28")]),
        ("ro", "Ordinul a fost publicat pe 11/03 în Monitorul Oficial.", [("pe 11/03", "2025-03-11")]),
        ("fr", "Il a quitté le club le 14/07/09 après dix saisons.", [("le 14/07/09", "2009-07-14")]),
        ("it", "Nato il 03/11/68 a Torino, era un ingegnere.", [("il 03/11/68", "1968-11-03")]),
        ("en", "The filing is dated 2019-7-4 in the court record.", [("2019-7-4", "2019-07-04")]),
        ("it", "Il rapporto di sett. 2016 parlava già di crisi.", [("di sett. 2016", "2016-09")]),
        ("it", "Una norma del genn. 2011 fu poi abrogata.", [("del genn. 2011", "2011-01")]),
        ("ro", "Raportul din oct 2018 nu a fost publicat.", [("din oct 2018", "2018-10")]),
    ],
)
def test_numeric_and_abbreviated_forms(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The shop is open 24/7 all year.", "en"),
        ("Il a marqué 3/4 de ses tirs.", "fr"),
        ("La versione 2.10.15 è uscita.", "it"),
    ],
)
def test_fractions_and_versions_are_not_dates(text: str, lang: str) -> None:
    assert find_dates(text, lang, THU) == []


def test_yearless_numeric_date_without_publication_keeps_year_unknown() -> None:
    (found,) = find_dates("La séance a été levée le 22/10 à minuit.", "fr", None)
    assert (found.date_start.month, found.date_start.day, found.year_known) == (10, 22, False)


@pytest.mark.parametrize(
    ("lang", "text", "month"),
    [
        ("en", "Exports slumped in September, the customs office said.", 9),
        ("fr", "Les ventes ont chuté en novembre selon l'institut.", 11),
        ("it", "Le vendite sono calate a febbraio.", 2),
        ("ro", "Vânzările au scăzut în iulie.", 7),
    ],
)
def test_bare_month_without_publication_has_unknown_year(lang: str, text: str, month: int) -> None:
    (found,) = find_dates(text, lang, None)
    assert (found.precision, found.date_start.month, found.year_known) == ("month", month, False)


def test_a_year_earlier_after_a_month_is_that_month_a_year_before() -> None:
    found = values("Output fell 20% in March from a year earlier.", "en")
    assert found == [("in March", "2025-03"), ("a year earlier", "2024-03")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "November was the coldest month on record.", "2024-11"),
        ("fr", "Septembre a été marqué par des grèves.", "2024-09"),
        ("it", "Gennaio è stato un mese difficile per la borsa.", "2025-01"),
    ],
)
def test_bare_month_as_subject(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "Il furto è avvenuto nel settembre dello scorso anno.", [("nel settembre dello scorso anno", "2024-09")]),
        ("it", "Nel marzo di un anno fa è iniziata l'indagine.", [("Nel marzo di un anno fa", "2024-03")]),
        ("it", "L'opera sarà consegnata nel maggio del prossimo anno.", [("nel maggio del prossimo anno", "2026-05")]),
        ("fr", "Le scrutin de 2029 s'annonce serré.", [("de 2029", "2029")]),
    ],
)
def test_anchored_months_and_years(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    ["Il a recruté plus de 2000 salariés.", "Un budget de 2030 euros a été voté.", "Il y avait près de 2010 inscrits."],
)
def test_french_de_before_a_count_is_no_year(text: str) -> None:
    assert find_dates(text, "fr", THU) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nel mese scorso i prezzi sono saliti.", "2025-05"),
        ("Dello scorso mese si ricorda poco.", "2025-05"),
        ("Scorsa settimana il consiglio si è riunito.", "2025-W23"),
        ("Nella prossima settimana il governo deciderà.", "2025-W25"),
        ("Dal prossimo mese cambia tutto.", "2025-07"),
    ],
)
def test_italian_word_order(text: str, expected: str) -> None:
    assert [v for _, v in values(text, "it")] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le conseil s'est réuni vendredi 16 pour voter le budget.", "2025-05-16"),
        ("it", "Domenica 22 si è votato in tutta la regione.", "2024-12-22"),
        ("ro", "Vineri 16 s-a votat bugetul.", "2025-05-16"),
        ("it", "Il vertice è fissato per gio 19 a Bruxelles.", "2025-06-19"),
        ("fr", "Le match se jouera samedi 14 au Stade de France.", "2025-06-14"),
    ],
)
def test_weekday_with_day_number(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


def test_weekday_with_count_is_no_day() -> None:
    assert values("Lundi 12 salariés ont été licenciés.", "fr") == [("Lundi", "2025-06-09")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le salon ouvrira le deuxième mardi du mois prochain.", "2025-07-08"),
        ("fr", "La grève a commencé le premier lundi de mars.", "2025-03-03"),
        ("it", "La maratona si correrà l'ultima domenica di ottobre.", "2025-10-26"),
        ("it", "L'assemblea si è tenuta il primo venerdì del mese.", "2025-06-06"),
        ("en", "The board meets on the last Friday of September.", "2025-09-26"),
        ("en", "Voting took place on the first Tuesday of November 2022.", "2022-11-01"),
        ("ro", "Ședința va avea loc în prima luni din iulie.", "2025-07-07"),
    ],
)
def test_ordinal_weekday_of_month(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le loyer est dû le dernier jour de février.", "2025-02-28"),
        ("it", "Il bando scade l'ultimo giorno di agosto.", "2025-08-31"),
        ("en", "Applications close on the last day of July.", "2025-07-31"),
        ("ro", "Termenul este ultima zi din decembrie 2024.", "2024-12-31"),
        ("fr", "Les travaux auront lieu la dernière semaine d'août.", "2025-W35"),
        ("it", "La fiera si terrà nella prima settimana di settembre.", "2025-W36"),
        ("fr", "Le verdict est attendu la semaine du 23 juin.", "2025-W26"),
        ("en", "Talks are planned for the week of 7 July.", "2025-W28"),
        ("it", "Il voto è previsto nella settimana del 14 luglio.", "2025-W29"),
    ],
)
def test_last_day_and_week_expressions(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


SUN = date(2025, 6, 15)  # a Sunday: "Monday" is tomorrow or six days ago


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister insisted Monday's reopening would go ahead.", "2025-06-16"),
        ("Experts warned that lifting the curbs on Monday would be risky.", "2025-06-16"),
        ("The minister said on Friday that prices could rise.", "2025-06-13"),
        ("The union said Monday's strike was a success.", "2025-06-09"),
    ],
)
def test_reported_clause_tense(text: str, expected: str) -> None:
    assert values(text, "en", SUN)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the talks resume on monday", "2025-06-16"),
        ("prices fell in october", "2024-10"),
        ("shops closed early on christmas eve", "2024-12-24"),
        ("the count started march 3", "2025-03-03"),
    ],
)
def test_english_names_in_lower_case(text: str, expected: str) -> None:
    assert [v for _, v in values(text, "en")] == [expected]


@pytest.mark.parametrize("text", ["you may go now", "troops march on the capital", "an august assembly met"])
def test_english_common_words_stay_words(text: str) -> None:
    assert find_dates(text, "en", THU) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le texte sera voté mardi de la semaine prochaine.", "2025-06-17"),
        ("fr", "Le conseil se réunira jeudi la semaine suivante.", "2025-06-19"),
        ("it", "La riunione si terrà mercoledì della prossima settimana.", "2025-06-18"),
        ("en", "The panel meets Friday of next week.", "2025-06-20"),
        ("en", "He arrived on Monday of this week.", "2025-06-09"),
        ("ro", "Ședința a avut loc vineri săptămâna trecută.", "2025-06-06"),
    ],
)
def test_weekday_of_a_named_week(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Three weeks ago the plant closed.", "2025-05-22"),
        ("fr", "Le verdict sera rendu dans deux semaines.", "2025-06-26"),
        ("it", "Due settimane fa il sindaco si è dimesso.", "2025-05-29"),
        ("ro", "Acum două săptămâni primarul a demisionat.", "2025-05-29"),
    ],
)
def test_weeks_from_publication_are_days(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "La veille, les négociations avaient échoué.", "2025-06-11"),
        ("it", "Il giorno dopo il ministro si è dimesso.", "2025-06-13"),
        ("en", "The day before, talks had collapsed.", "2025-06-11"),
    ],
)
def test_anaphora_without_a_mentioned_date_uses_publication(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


def test_compound_words_still_reach_their_patterns() -> None:
    """The word gate must not hide a weekday written inside a compound ('Mittwochabend')."""
    found = values("Die Regierung ist am Mittwochabend zerbrochen.", "de", date(2025, 6, 12))
    assert found == [("am Mittwochabend", "2025-06-11")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Profits rose in the third quarter.", "2025-Q3"),
        ("en", "Sales slowed in the 4th quarter of 2021.", "2021-Q4"),
        ("en", "Margins shrank last quarter.", "2025-Q1"),
        ("fr", "La production reprendra au premier trimestre 2026.", "2026-Q1"),
        ("it", "Il fatturato è cresciuto nel secondo trimestre del 2024.", "2024-Q2"),
        ("it", "Le assunzioni ripartiranno nel prossimo trimestre.", "2025-Q3"),
        ("ro", "Exporturile au scăzut în trimestrul trecut.", "2025-Q1"),
    ],
)
def test_quarters(lang: str, text: str, expected: str) -> None:
    assert [v for _, v in values(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il corteo ha sfilato alla Liberazione.", [("alla Liberazione", "2025-04-25")]),
        ("Il negozio riapre a Santo Stefano.", [("a Santo Stefano", "2025-12-26")]),
        ("Fiori per la festa della mamma.", [("la festa della mamma", "2025-05-11")]),
        ("La liberazione degli ostaggi è avvenuta ieri.", [("ieri", "2025-06-11")]),
        ("Ha vissuto a Santo Stefano di Cadore.", []),
    ],
)
def test_italian_holidays(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, "it") == expected


def test_romanian_weekday_with_pe_and_day_word() -> None:
    assert values("Ședința va avea loc marți pe 17, nu pe întâi iulie.", "ro") == [
        ("marți pe 17", "2025-06-17"),
        ("pe întâi iulie", "2025-07-01"),
    ]
