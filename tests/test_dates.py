"""Unit tests for pressdesk.dates: absolute, relative, tense, anaphora, no-false-dates, offsets."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk.dates import TimeMention, available_languages, find_dates

FRI = date(2024, 11, 1)  # a Friday, ISO week 44
WED = date(2024, 3, 13)  # a Wednesday, ISO week 11


def values(text: str, lang: str, published: date | None = FRI) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, lang, published)]


def only(text: str, lang: str, published: date | None = FRI) -> TimeMention:
    found = find_dates(text, lang, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ro", "01 nov. 2024, 17:21", ("01 nov. 2024", "2024-11-01")),
        ("fr", "Reuters a rapporté le 21 octobre que", ("le 21 octobre", "2024-10-21")),
        ("it", "ha accolto il suo omologo il 1° novembre e", ("il 1° novembre", "2024-11-01")),
        ("ro", "urmează să voteze la 6 noiembrie ratificarea", ("la 6 noiembrie", "2024-11-06")),
        ("en", "The talks were held on Oct. 10 in Geneva.", ("on Oct. 10", "2024-10-10")),
        ("en", "The deal was signed Sept. 9 in Geneva.", ("Sept. 9", "2024-09-09")),
        ("en", "the offensive in February 2022.", ("in February 2022", "2022-02")),
        ("ro", "asaltul asupra Ucrainei în februarie 2022.", ("în februarie 2022", "2022-02")),
        ("fr", "Le 1er mars, la police a évacué le camp.", ("Le 1er mars", "2024-03-01")),
        ("en", "He was first elected in 1994.", ("in 1994", "1994")),
        ("fr", "Le traité est entré en vigueur en 1994.", ("en 1994", "1994")),
        ("it", "Il trattato è entrato in vigore nel 1994.", ("nel 1994", "1994")),
        ("ro", "Tratatul a intrat în vigoare în 1994.", ("în 1994", "1994")),
        ("en", "The ceasefire agreed on 20/02/2014 collapsed.", ("on 20/02/2014", "2014-02-20")),
        ("ro", "Decretul din 20.02.2014 a fost anulat.", ("din 20.02.2014", "2014-02-20")),
        ("it", "Il rapporto 2024-10-21 è stato pubblicato.", ("2024-10-21", "2024-10-21")),
        ("fr", "Vendredi 1er novembre, il a parlé.", ("Vendredi 1er novembre", "2024-11-01")),
        ("it", "L'11 settembre 2001 cambiò il mondo.", ("L'11 settembre 2001", "2001-09-11")),
    ],
)
def test_absolute_dates(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert values(text, lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "Giovedì il presidente ha accusato la Corea del Nord.", ("Giovedì", "2024-10-31")),
        ("ro", "a declarat joi că", ("joi", "2024-10-31")),
        ("ro", "a dat asigurări vineri şefa diplomaţiei", ("vineri", "2024-11-01")),
        ("en", "The Pentagon said on Tuesday that it had detected troops.", ("on Tuesday", "2024-10-29")),
        ("fr", "Le président a annoncé jeudi un remaniement.", ("jeudi", "2024-10-31")),
        ("en", "Yesterday, firefighters contained the blaze.", ("Yesterday", "2024-10-31")),
        ("fr", "Hier, des manifestants ont défilé.", ("Hier", "2024-10-31")),
        ("it", "Ieri il governo ha approvato il decreto.", ("Ieri", "2024-10-31")),
        ("ro", "Ieri, guvernul a aprobat decretul.", ("Ieri", "2024-10-31")),
        ("en", "The results are expected tomorrow.", ("tomorrow", "2024-11-02")),
        ("fr", "La réunion aura lieu demain.", ("demain", "2024-11-02")),
        ("it", "La riunione si terrà domani.", ("domani", "2024-11-02")),
        ("ro", "Întâlnirea va avea loc mâine.", ("mâine", "2024-11-02")),
        ("en", "Inflation rose last month.", ("last month", "2024-10")),
        ("en", "Two weeks ago, the rebels seized the airport.", ("Two weeks ago", "2024-W42")),
        ("fr", "Il y a trois semaines, un séisme a frappé.", ("Il y a trois semaines", "2024-W41")),
        ("en", "Earlier this month, the army attacked.", ("Earlier this month", "2024-11")),
        ("fr", "Plus tôt ce mois-ci, Kim a tenu un sommet.", ("Plus tôt ce mois-ci", "2024-11")),
        ("en", "The ministers met at the beginning of August.", ("at the beginning of August", "2024-08")),
        ("ro", "o ofensivă declanşată la începutul lunii august.", ("la începutul lunii august", "2024-08")),
        ("it", "L'intelligence ha annunciato in ottobre che", ("in ottobre", "2024-10")),
        ("it", "un partenariato firmato a giugno.", ("a giugno", "2024-06")),
        ("ro", "Rusia a încheiat în iunie un tratat.", ("în iunie", "2024-06")),
        ("it", "Questo venerdì, la Corea del Nord ha compiuto un passo.", ("Questo venerdì", "2024-11-01")),
        (
            "it",
            "Dopo un vertice alla fine dello scorso anno, Mosca",
            ("alla fine dello scorso anno", "2023-12"),
        ),
        ("en", "The commission will publish its findings this week.", ("this week", "2024-W44")),
        ("en", "The cabinet will meet next week.", ("next week", "2024-W45")),
    ],
)
def test_relative_expressions(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert values(text, lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The minister resigned last week.", "2024-W43"),
        ("fr", "La semaine dernière, Zelensky a affirmé", "2024-W43"),
        ("it", "La settimana scorsa il governo ha presentato la manovra.", "2024-W43"),
        ("ro", "Duma de Stat săptămâna trecută", "2024-W43"),
    ],
)
def test_last_week_is_previous_iso_week(lang: str, text: str, value: str) -> None:
    mention = only(text, lang)
    assert (mention.value, mention.precision) == (value, "week")
    assert mention.date_start == date(2024, 10, 21) and mention.date_end == date(2024, 10, 27)


def test_last_week_across_new_year() -> None:
    assert values("Last week the talks failed.", "en", date(2025, 1, 9)) == [("Last week", "2025-W01")]


@pytest.mark.parametrize(
    ("lang", "past", "future"),
    [
        ("en", "The ministers met on Tuesday.", "Parliament will vote on Tuesday."),
        ("fr", "Le ministre a démissionné mardi.", "Le Sénat votera mardi le texte."),
        ("it", "Il ministro si è dimesso martedì.", "Il Parlamento voterà martedì la legge."),
        ("ro", "Ministrul a demisionat marți.", "Senatul urmează să voteze marți legea."),
    ],
)
def test_weekday_direction_follows_tense(lang: str, past: str, future: str) -> None:
    assert only(past, lang).date_start == date(2024, 10, 29)
    assert only(future, lang).date_start == date(2024, 11, 5)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It was said on Friday."),
        ("ro", "a spus vineri"),
        ("fr", "a dit vendredi"),
        ("it", "ha detto venerdì"),
    ],
)
def test_same_weekday_is_publication_day(lang: str, text: str) -> None:
    assert only(text, lang).date_start == FRI


@pytest.mark.parametrize(
    ("lang", "past", "future"),
    [
        ("en", "The court ruled in December.", "The court will rule in December."),
        ("fr", "Le tribunal a statué en décembre.", "Le tribunal statuera en décembre."),
        ("it", "Il tribunale ha deciso a dicembre.", "Il tribunale deciderà a dicembre."),
        ("ro", "Tribunalul a decis în decembrie.", "Tribunalul va decide în decembrie."),
    ],
)
def test_month_without_year_direction(lang: str, past: str, future: str) -> None:
    assert only(past, lang).value == "2023-12"
    assert only(future, lang).value == "2024-12"


def test_bare_day_month_takes_nearest_year() -> None:
    pub = date(2025, 1, 9)
    assert values("Protesters gathered on Dec. 28, police said.", "en", pub) == [("on Dec. 28", "2024-12-28")]
    assert values("Les élections auront lieu le 2 février.", "fr", pub) == [("le 2 février", "2025-02-02")]


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        (
            "fr",
            "Le 21 octobre, TASS a cité l'ambassadeur. Le même jour, Rutte a écrit.",
            "Le 21 octobre",
            "Le même jour",
        ),
        (
            "en",
            "Troops entered on Wednesday. Earlier in the day, Austin spoke.",
            "on Wednesday",
            "Earlier in the day",
        ),
        (
            "it",
            "Il ministro si è dimesso il 21 ottobre. Lo stesso giorno è stato nominato il vice.",
            "il 21 ottobre",
            "Lo stesso giorno",
        ),
        (
            "ro",
            "Ministrul a demisionat pe 21 octombrie. În aceeași zi, adjunctul a fost numit.",
            "pe 21 octombrie",
            "În aceeași zi",
        ),
    ],
)
def test_anaphora_takes_previous_day(lang: str, text: str, first: str, second: str) -> None:
    found = find_dates(text, lang, FRI)
    assert [m.text for m in found] == [first, second]
    assert found[1].date_start == found[0].date_start


def test_anaphora_with_offset_and_without_antecedent() -> None:
    found = find_dates("The vote took place on 1 June. The next day, the cabinet resigned.", "en", FRI)
    assert [m.value for m in found] == ["2024-06-01", "2024-06-02"]
    assert find_dates("The same day, the cabinet resigned.", "en", FRI) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "la Corée du Nord se préparait à envoyer 10 000 soldats"),
        ("en", "some 10,000 North Korean soldiers are in Russia"),
        ("it", "schierare circa 12.000 soldati a fianco della Russia"),
        ("ro", "dintre cei 10.000 de soldaţi nord-coreeni"),
        ("en", "Some 1994 soldiers were deployed."),
        ("en", "The 45-year-old was arrested at 17:21."),
        ("fr", "L'homme, âgé de 45 ans, a été interpellé à 17h30."),
        ("en", "The strike lasted for three weeks."),
        ("fr", "Les soldats ont combattu pendant trois semaines."),
        ("ro", "Soldații au luptat timp de trei săptămâni."),
        ("it", "I soldati hanno combattuto per tre settimane."),
        ("en", "The Pentagon may confirm the report."),
        ("en", "Thousands of students march through the capital."),
        ("it", "secondo la Corea del Sud e gli Stati Uniti"),
        ("ro", "Choe Son Hui a mai spus că ţara sa îşi va consolida arsenalul."),
        ("ro", "În mai multe orașe au avut loc proteste."),
        ("ro", "Luptele au durat două luni."),
        ("it", "Il mar Mediterraneo resta una zona di tensione."),
        ("fr", "La mer Noire reste une zone de tensions."),
        ("fr", "Sept personnes ont été blessées."),
    ],
)
def test_no_false_dates(lang: str, text: str) -> None:
    assert find_dates(text, lang, FRI) == []


def test_romanian_may_needs_preposition_or_day() -> None:
    assert values("Alegerile din mai au schimbat majoritatea.", "ro") == [("din mai", "2024-05")]
    assert values("Acordul a fost semnat pe 10 mai.", "ro") == [("pe 10 mai", "2024-05-10")]


@pytest.mark.parametrize(
    ("lang", "text", "mention"),
    [
        ("fr", "L'accord a été signé le 23 septembre.", "le 23 septembre"),
        ("en", "The accord was signed on 12 March.", "on 12 March"),
        ("it", "L'accordo è stato firmato il 12 marzo.", "il 12 marzo"),
        ("ro", "Acordul a fost semnat pe 12 martie.", "pe 12 martie"),
    ],
)
def test_no_publication_date_keeps_month_day(lang: str, text: str, mention: str) -> None:
    found = only(text, lang, None)
    assert found.text == mention and not found.year_known and found.date_start.year == 2000


def test_no_publication_date_drops_relative_but_keeps_explicit_year() -> None:
    text = "On Tuesday and last week and yesterday the army, which invaded in February 2022, advanced."
    found = find_dates(text, "en", None)
    assert [(m.text, m.year_known) for m in found] == [("in February 2022", True)]


def test_february_29_without_year_survives() -> None:
    assert only("Le vote a eu lieu le 29 février.", "fr", None).date_start == date(2000, 2, 29)


def test_offsets_and_order_on_a_whole_article() -> None:
    text = (
        "Titre\n\nLe 21 octobre, le Kremlin a refusé de répondre.\nLe même jour, l'OTAN a réagi.\n"
        "La semaine dernière, Kiev a affirmé que 10 000 soldats étaient prêts. Rien en 1994 soldats."
    )
    found = find_dates(text, "fr", date(2024, 10, 21))
    assert [m.text for m in found] == ["Le 21 octobre", "Le même jour", "La semaine dernière", "en 1994"]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_spans_cover_their_precision() -> None:
    month = only("Inflation rose in February 2024.", "en")
    assert (month.date_start, month.date_end) == (date(2024, 2, 1), date(2024, 2, 29))
    year = only("He was elected in 1994.", "en")
    assert (year.date_start, year.date_end, year.precision) == (date(1994, 1, 1), date(1994, 12, 31), "year")


def test_diacritic_less_and_cedilla_variants() -> None:
    assert values("Duma de Stat saptamana trecuta", "ro") == [("saptamana trecuta", "2024-W43")]
    assert values("Giovedi il ministro ha parlato.", "it") == [("Giovedi", "2024-10-31")]


@pytest.mark.parametrize("lang", ["en", "fr", "it", "ro"])
def test_core_languages_have_data(lang: str) -> None:
    assert lang in available_languages()


def test_unknown_language_falls_back_without_crashing() -> None:
    found = find_dates("Le 21 octobre 2024.", "xx", FRI)
    assert isinstance(found, list)
