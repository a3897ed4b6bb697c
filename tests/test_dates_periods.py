"""Seasons and decades (issue 9): spans at precision "season" (northern-hemisphere astronomical days, from
data/dates/seasons.toml) and "decade", in every language with the data; words that only look like them stay words."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pressdesk import timeline
from pressdesk.dates import find_dates
from pressdesk.evaluate.bare import backward_spans, load_words
from pressdesk.evaluate.dates import value_matches
from pressdesk.evaluate.duckling import append_rows, convert

FEB = date(2025, 2, 12)  # in winter 2024 (21 Dec 2024 .. 19 Mar 2025)
NOV = date(2025, 11, 5)  # in autumn 2025


def found(text: str, lang: str, published: date | None = FEB) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.value, m.date_start.isoformat(), m.date_end.isoformat()) for m in find_dates(text, lang, published)]


@pytest.mark.parametrize(
    ("lang", "text", "mention", "value"),
    [
        # a season with its year: the season that begins in that year
        ("en", "The reform was voted in the spring of 2023 after long talks.", "in the spring of 2023", "2023-SP"),
        ("en", "Summer 2022 was the hottest on record.", "Summer 2022", "2022-SU"),
        ("fr", "La réforme a été votée au printemps 2023 après de longs débats.", "au printemps 2023", "2023-SP"),
        ("fr", "Les négociations ont échoué à l'automne de 2021.", "à l'automne de 2021", "2021-FA"),
        ("it", "La riforma è stata approvata nella primavera del 2023.", "nella primavera del 2023", "2023-SP"),
        ("ro", "Alegerile au avut loc în toamna lui 2022, după o campanie scurtă.", "în toamna lui 2022", "2022-FA"),
        ("ro", "Proiectul a fost lansat în vara anului 2021.", "în vara anului 2021", "2021-SU"),
        # last: the latest one over by publication (in February, last winter is the one before the current)
        ("en", "Sales fell last summer, the company said.", "last summer", "2024-SU"),
        ("fr", "L'été dernier, la sécheresse a vidé les barrages.", "L'été dernier", "2024-SU"),
        ("it", "La primavera scorsa il governo è caduto.", "La primavera scorsa", "2024-SP"),
        ("it", "Lo scorso inverno le scuole sono rimaste chiuse.", "Lo scorso inverno", "2023-WI"),
        ("ro", "Iarna trecută a fost cea mai blândă din ultimul deceniu.", "Iarna trecută", "2023-WI"),
        # next and this: the coming one; the one under way, else the nearest
        ("en", "Prices will rise again this summer, the bank said.", "this summer", "2025-SU"),
        ("fr", "Le chantier reprendra l'automne prochain.", "l'automne prochain", "2025-FA"),
        ("fr", "Cet hiver, les prix de l'énergie ont baissé.", "Cet hiver", "2024-WI"),
        ("it", "Il nuovo ponte aprirà la prossima estate.", "la prossima estate", "2025-SU"),
        ("ro", "Lucrările vor fi gata la toamnă.", "la toamnă", "2025-FA"),
        ("ro", "Vara aceasta va fi foarte caldă, spun meteorologii.", "Vara aceasta", "2025-SU"),
        # a season alone, with its preposition: by tense
        ("en", "The talks will resume in the spring.", "in the spring", "2025-SP"),
        ("fr", "Les travaux ont commencé au printemps.", "au printemps", "2024-SP"),
    ],
)
def test_a_season_is_a_span_of_days(lang: str, text: str, mention: str, value: str) -> None:
    got = found(text, lang)
    assert [(m[0], m[1]) for m in got] == [(mention, value)]


def test_season_days_are_astronomical_and_a_winter_runs_into_the_next_year() -> None:
    assert found("The summer of 2023 was dry.", "en")[0][2:] == ("2023-06-21", "2023-09-22")
    assert found("L'hiver 2023 a été doux.", "fr")[0][2:] == ("2023-12-21", "2024-03-19")
    assert found("nella primavera del 2024", "it")[0][2:] == ("2024-03-20", "2024-06-20")
    assert found("în toamna lui 2020", "ro")[0][2:] == ("2020-09-23", "2020-12-20")


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "Le traité fut signé en 2019. Au printemps suivant, les troupes se retirèrent.", "2020-SP"),
        ("en", "The plant closed in March 2018. The following winter was hard for the town.", "2018-WI"),
        ("it", "Le elezioni si sono tenute nel 2020. L'estate successiva il governo è caduto.", "2021-SU"),
        ("ro", "Fabrica s-a închis în 2017. Vara următoare, orașul și-a pierdut jumătate din locuri de muncă.", "2018-SU"),
    ],
)
def test_the_following_season_comes_after_the_previous_mention(lang: str, text: str, value: str) -> None:
    assert found(text, lang, NOV)[-1][1] == value


@pytest.mark.parametrize(
    ("lang", "text", "mention", "value"),
    [
        ("en", "Inflation was much higher in the 1990s.", "in the 1990s", "199"),
        ("en", "The building dates from the early 2000s.", "from the early 2000s", "200"),
        ("en", "a hit of the '80s", "of the '80s", "198"),
        ("fr", "Dans les années 1990, le pays a changé de visage.", "Dans les années 1990", "199"),
        ("fr", "Depuis les années 80, la ville perd des habitants.", "Depuis les années 80", "198"),
        ("fr", "La mode des années soixante-dix revient.", "des années soixante-dix", "197"),
        ("it", "Negli anni '90 la lira era debole.", "Negli anni '90", "199"),
        ("it", "È un quartiere costruito negli anni Sessanta.", "negli anni Sessanta", "196"),
        ("ro", "În anii '90, economia a trecut printr-o criză lungă.", "În anii '90", "199"),
        ("ro", "Fabrica a fost închisă la sfârșitul anilor 1980.", "la sfârșitul anilor 1980", "198"),
    ],
)
def test_a_decade_is_ten_years(lang: str, text: str, mention: str, value: str) -> None:
    got = found(text, lang)
    assert [(m[0], m[1]) for m in got] == [(mention, value)]
    assert got[0][2][5:] == "01-01" and got[0][3][5:] == "12-31"
    assert int(got[0][3][:4]) - int(got[0][2][:4]) == 9


def test_a_two_digit_decade_is_the_latest_begun_by_publication() -> None:
    assert found("negli anni '20", "it", date(2024, 5, 1))[0][1] == "202"
    assert found("negli anni '30", "it", date(2024, 5, 1))[0][1] == "193"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Il a été élu député et a été réélu."),  # "été" is a verb
        ("fr", "Les manifestations du printemps arabe ont changé la région."),
        ("fr", "Les Jeux d'hiver 2026 auront lieu en Italie."),  # a kind of games, not the season
        ("en", "the fall of Kabul shocked the world"),
        ("en", "He spoke of the fall in prices and the fall of the regime."),
        ("en", "The Winter Olympics drew record crowds."),
        ("it", "La Primavera della Roma ha vinto il derby."),  # the youth team
        ("ro", "Toamna este frumoasă în munți."),  # a season in general, no preposition
        ("en", "The two men, now in their eighties, met again."),
    ],
)
def test_words_that_only_look_like_seasons_or_decades_stay_words(lang: str, text: str) -> None:
    assert [m for m in find_dates(text, lang, FEB) if m.precision in ("season", "decade")] == []


def test_span_text_names_seasons_and_decades() -> None:
    assert timeline.span_text(date(2023, 6, 21), date(2023, 9, 22), "season") == "summer 2023"
    assert timeline.span_text(date(2023, 12, 21), date(2024, 3, 19), "season") == "winter 2023–24"
    assert timeline.span_text(date(1990, 1, 1), date(1999, 12, 31), "decade") == "1990s"


def test_public_gold_keeps_named_seasons_and_skips_the_bare_word_season() -> None:
    corpus = """allExamples = concat
  [ examples (datetimeInterval ((2013, 6, 21, 0, 0, 0), (2013, 9, 24, 0, 0, 0)) Day)
             [ "next summer", "in summer" ]
  , examples (datetimeInterval ((2012, 9, 23, 0, 0, 0), (2012, 12, 20, 0, 0, 0)) Day)
             [ "last season" ]
  , examples (datetimeInterval ((2013, 7, 13, 0, 0, 0), (2013, 7, 16, 0, 0, 0)) Day)
             [ "July 13-15" ]
  ]"""
    rows, skipped = convert(corpus, "en", "test", load_words())
    assert [(r["text"], r["grain"], r["value"], r["start"], r["end"]) for r in rows] == [
        ("next summer", "season", "2013-SU", "2013-06-21", "2013-09-23"),
        ("in summer", "season", "2013-SU", "2013-06-21", "2013-09-23"),
    ]
    assert rows[1]["bare"] == "season" and rows[1]["also"] == [["2012-06-21", "2012-09-23"]]
    assert "bare" not in rows[0]
    assert skipped == {"season-word": 1, "date-range": 1}
    assert backward_spans("cet été", "fr", "season", date(2013, 6, 21), date(2013, 2, 12), load_words(),
                          date(2013, 9, 23)) is None  # "cet" makes it relative, never bare


def test_appending_rows_keeps_the_ids_already_cited() -> None:
    old = [{"id": "it-0001", "lang": "it", "text": "oggi", "value": "2013-02-12"}]
    new = [{"id": "it-0001", "lang": "it", "text": "oggi", "value": "2013-02-12"},
           {"id": "it-0002", "lang": "it", "text": "in estate", "value": "2013-SU"}]
    rows = append_rows("".join(json.dumps(r) + "\n" for r in old), new)
    assert [(r["id"], r["text"]) for r in rows] == [("it-0001", "oggi"), ("it-0002", "in estate")]


def test_a_season_agrees_with_a_gold_item_written_as_its_year() -> None:
    spring = find_dates("au printemps 2019", "fr", FEB)[0]
    assert value_matches(spring, "2019") and not value_matches(spring, "2020")
    assert not value_matches(find_dates("en 2019", "fr", FEB)[0], "2019-SP")
