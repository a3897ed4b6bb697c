"""pressdesk.dates on standalone fields (a cell, a caption, a query that is one date phrase): abbreviated and
lower-case names, bare months, holidays without a preposition, a day of the month alone and numbers joined by
spaces are dates there, and stay words in running text."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk.dates import find_dates

WED = date(2024, 5, 8)  # a Wednesday


def values(text: str, lang: str, published: date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, lang, published)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "sat.", "2024-05-04"),  # no tense: the latest Saturday
        ("en", "Fri", "2024-05-03"),
        ("fr", "jeu.", "2024-05-02"),
        ("it", "gio", "2024-05-02"),
        ("ro", "vin", "2024-05-03"),
        ("en", "june", "2023-06"),  # no tense: a month reads backwards, as in running text
        ("it", "agosto", "2023-08"),
        ("fr", "le 3", "2024-05-03"),
        ("en", "on the 21st", "2024-05-21"),  # the nearest 21st
        ("it", "il 9", "2024-05-09"),
        ("fr", "5 11", "2024-11-05"),
        ("fr", "le 5 11 2021", "2021-11-05"),
        ("it", "12/3", "2024-03-12"),
        ("ro", "7.10.19", "2019-10-07"),
        ("en", "halloween", "2024-10-31"),  # nearest: 176 days ahead beats 190 back
        ("it", "befana", "2024-01-06"),
    ],
)
def test_a_field_holding_one_date_phrase_is_read(lang: str, text: str, expected: str) -> None:
    got = values(text, lang)
    assert len(got) == 1 and got[0][1] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Il mar era calmo quando la nave è partita dal porto di Genova."),
        ("en", "She sat on the bench and said she may march again in the square."),
        ("ro", "Guvernul vrea mai multe fonduri pentru spitale și vin noi reguli."),
        ("fr", "Le 3 a marqué deux buts et le 5 11 fois cette saison."),
        ("it", "Il mare di Sab e dom resta agitato, ha detto la guardia costiera."),
    ],
)
def test_running_text_keeps_the_words(lang: str, text: str) -> None:
    assert values(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The fair returns next Halloween.", "2024-10-31"),
        ("en", "Sales fell sharply at last Easter's market.", "2024-03-31"),
        ("en", "Figures for Halloween 2019 were released.", "2019-10-31"),
        ("it", "Ci rivedremo a Natale prossimo.", "2024-12-25"),
    ],
)
def test_a_qualifier_or_year_makes_a_holiday_name_a_date(lang: str, text: str, expected: str) -> None:
    assert [v for _t, v in values(text, lang)] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le conseil se réunira jeudi en huit.", "2024-05-16"),
        ("fr", "Réponse attendue mercredi en quinze.", "2024-05-22"),  # today's Wednesday counts, then two weeks
        ("en", "The fund closes two Mondays from now.", "2024-05-20"),
        ("en", "It opened 3 Sundays ago.", "2024-04-21"),
        ("en", "The vote is on Friday after next.", "2024-05-17"),
    ],
)
def test_a_weekday_counted_on_by_weeks(lang: str, text: str, expected: str) -> None:
    assert [v for _t, v in values(text, lang)] == [expected]


def test_french_day_anaphora_counts_from_the_date_before_and_only_when_alone() -> None:
    assert values("Le 3 mars, la grève a commencé. Deux jours après, elle a cessé.", "fr")[-1] == (
        "Deux jours après",
        "2024-03-05",
    )
    assert values("Il est parti le jour d'avant.", "fr") == [("le jour d'avant", "2024-05-07")]
    assert values("Deux jours après le vote, il est parti.", "fr") == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a weekday or week slot of a month without tense is the coming one; a day of a month keeps reading back
        ("en", "Polling day is the first Tuesday of March.", "2025-03-04"),
        ("it", "Il mercato apre l'ultima domenica di aprile.", "2025-04-27"),
        ("fr", "Rendez-vous la semaine du 3 mars.", "2025-W10"),
        ("en", "Deadline: the last day of February.", "2024-02-29"),
        # nth last
        ("en", "The review falls on the second last Friday of June 2024.", "2024-06-21"),
        ("fr", "Il est parti l'avant-dernier jour de janvier 2024.", "2024-01-30"),
        ("it", "Si vota la penultima domenica di novembre 2024.", "2024-11-17"),
        # a day of a month named relatively, with its "of"
        ("en", "Rents rise on the 3rd of next month.", "2024-06-03"),
        ("fr", "Le vote aura lieu le 20 du mois prochain.", "2024-06-20"),
        ("it", "Si vota il 3 del mese prossimo.", "2024-06-03"),
        ("ro", "Votul are loc pe 20 a lunii viitoare.", "2024-06-20"),
    ],
)
def test_days_and_weeks_of_a_month(lang: str, text: str, expected: str) -> None:
    assert [v for _t, v in values(text, lang, date(2024, 11, 20) if "2025" in expected else WED)] == [expected]


def test_a_count_before_next_month_is_no_day() -> None:
    assert values("The firm will hire 20 next month.", "en") == [("next month", "2024-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schools close on Martin Luther King Day 2025.", "2025-01-20"),  # third Monday of January
        ("Boss's Day 2021 was kept early.", "2021-10-15"),  # 16 October on a Saturday: kept on the Friday
        ("Shops shut for Whit Monday 2024.", "2024-05-20"),
        ("Pancake Day 2024 drew crowds.", "2024-02-13"),
        ("The next Pentecost is late.", "2024-05-19"),  # next: strictly after publication
        ("Prices rose since last Easter.", "2024-03-31"),  # last: the latest before publication
        ("Tickets go on sale Tuesday the 21st.", "2024-05-21"),
        ("The law took effect on March third 2015.", "2015-03-03"),
    ],
)
def test_english_named_days_and_written_days(text: str, expected: str) -> None:
    assert [v for _t, v in values(text, "en")] == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Earnings for Q3 2023 beat forecasts.", "2023-Q3"),
        ("fr", "Le PIB du T2 2022 a reculé.", "2022-Q2"),
        ("it", "I conti del 2021Q4 sono in rosso.", "2021-Q4"),
        ("en", "2019/07", "2019-07"),  # a numeric month in a field
        ("it", "3/2016", "2016-03"),
        ("en", "14th April 15", "2015-04-14"),  # a two-digit year after a month name, in a field
        ("en", "The deal closed Wed., Feb. 13, the filing shows.", "2019-02-13"),  # the weekday picks the year
        ("en", "It opened on February the 15th.", "2024-02-15"),
        ("it", "Tutto cambia dal primo di marzo.", "2024-03-01"),
        ("en", "Sales on Black Friday of last year hit a record.", "2023-11-24"),
        ("it", "A Natale dello scorso anno i negozi erano pieni.", "2023-12-25"),
        ("ro", "jo", "2024-05-02"),
    ],
)
def test_quarters_numeric_months_and_joined_forms(lang: str, text: str, expected: str) -> None:
    assert [v for _t, v in values(text, lang, date(2019, 5, 8) if "2019-02" in expected else WED)] == [expected]


def test_numeric_fields_stay_out_of_running_text() -> None:
    assert all(len(v) != 7 for _t, v in values("The 2014-15 budget and law 2/2013 were cited.", "en"))
    assert values("They sat, 3 of them, on the bench.", "en") == []
    assert values("Le 3 mars 15 personnes ont été arrêtées.", "fr") == [("Le 3 mars", "2024-03-03")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Parades are planned for Memorial Day 2025.", "2025-05-26"),  # the last Monday of May
        ("fr", "Les magasins ferment le jeudi de l'Ascension 2024.", "2024-05-09"),
        ("fr", "Concerts prévus pour la fête de la musique 2024.", "2024-06-21"),
        ("it", "Il voto cadeva alle idi di marzo.", "2024-03-15"),
        ("it", "Sfilate per la festa della donna 2024.", "2024-03-08"),
        ("ro", "Școlile sunt închise de Ziua Copilului 2024.", "2024-06-01"),
        ("ro", "Ziua Eroilor 2024 a fost marcată la Mărășești.", "2024-06-13"),  # Orthodox Ascension
    ],
)
def test_more_holidays_as_data(lang: str, text: str, expected: str) -> None:
    assert [v for _t, v in values(text, lang)][:1] == [expected]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Il a perdu du temps dans la dernière ascension du col."),
        ("it", "L'azienda ha annunciato l'assunzione di 200 persone."),
    ],
)
def test_holiday_words_with_another_sense_stay_words(lang: str, text: str) -> None:
    assert values(text, lang) == []


def test_italian_today_and_day_before_yesterday_words() -> None:
    assert values("La decisione è attesa in giornata.", "it") == [("in giornata", "2024-05-08")]
    assert values("altroieri", "it") == [("altroieri", "2024-05-06")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "On Sunday 20 minutes of play were lost.", [("On Sunday", "2024-05-05")]),
        ("en", "Police said Monday 3 men were held.", [("Monday", "2024-05-06")]),
        ("fr", "Ils ont gagné samedi 2-1 à domicile.", [("samedi", "2024-05-04")]),
    ],
)
def test_a_count_or_score_after_a_weekday_is_no_day_number(lang: str, text: str, expected: list) -> None:
    assert values(text, lang) == expected


def test_a_weekday_then_a_duration_in_digits_is_no_week_count() -> None:
    assert values("Il a bouclé le parcours mardi en 15 minutes.", "fr") == [("mardi", "2024-05-07")]
    assert values("Rendez-vous mardi en 15.", "fr") == [("mardi en 15", "2024-05-28")]  # the coming Tuesday + 14 days
