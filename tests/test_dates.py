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
        ("en", "Two weeks ago, the rebels seized the airport.", ("Two weeks ago", "2024-10-18")),
        ("fr", "Il y a trois semaines, un séisme a frappé.", ("Il y a trois semaines", "2024-10-11")),
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
    # with no date mentioned before, the anaphor resolves from publication
    assert [m.value for m in find_dates("The same day, the cabinet resigned.", "en", FRI)] == ["2024-11-01"]


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


# --- date ranges: both ends, each its own mention (the end of a range is a date too) ----------------------
@pytest.mark.parametrize(
    ("lang", "text", "first_text", "last_text", "first", "last"),
    [
        ("en", "Flights were cancelled between 3 and 5 November.", "between 3", "and 5 November", 3, 5),
        ("en", "The summit runs Nov. 12-14 in Baku.", "Nov. 12", "14", 12, 14),
        ("fr", "Le texte sera examiné les 22 et 23 novembre.", "les 22", "et 23 novembre", 22, 23),
        ("fr", "Le festival se tiendra du 12 au 14 novembre.", "du 12", "au 14 novembre", 12, 14),
        ("it", "Il vertice si terrà dal 22 al 23 novembre.", "dal 22", "al 23 novembre", 22, 23),
        ("it", "La mostra resterà aperta dall'8 all'11 novembre.", "dall'8", "all'11 novembre", 8, 11),
        ("ro", "Summitul va avea loc între 22 și 23 noiembrie.", "între 22", "și 23 noiembrie", 22, 23),
        ("ro", "Târgul are loc în perioada 3-5 noiembrie.", "în perioada 3", "5 noiembrie", 3, 5),
        ("es", "La feria se celebra del 3 al 5 de noviembre.", "del 3", "al 5 de noviembre", 3, 5),
    ],
)
def test_day_range_gives_both_ends(
    lang: str, text: str, first_text: str, last_text: str, first: int, last: int
) -> None:
    found = find_dates(text, lang, FRI)
    assert [(m.text, m.value) for m in found] == [
        (first_text, f"2024-11-{first:02d}"),
        (last_text, f"2024-11-{last:02d}"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "first_text", "last_text"),
    [
        ("en", "Growth stalled between 2014 and 2016.", "between 2014", "and 2016"),
        ("fr", "De 2014 à 2016, la croissance a stagné.", "De 2014", "à 2016"),
        ("it", "Dal 2014 al 2016 la crescita si è fermata.", "Dal 2014", "al 2016"),
        ("ro", "Din 2014 până în 2016, economia a stagnat.", "Din 2014", "până în 2016"),
        ("fr", "Le transfert était prévu vers 2022-2023.", "2022", "2023"),
    ],
)
def test_year_range_gives_both_ends(lang: str, text: str, first_text: str, last_text: str) -> None:
    found = find_dates(text, lang, FRI)
    assert [(m.text, m.value, m.precision) for m in found] == [
        (first_text, first_text[-4:], "year"),
        (last_text, last_text[-4:], "year"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He scored between 3 and 5 goals per season."),
        ("fr", "Il a marqué entre 3 et 5 buts par saison."),
        ("it", "Ha segnato tra 3 e 5 gol a stagione."),
        ("ro", "A marcat între 3 și 5 goluri pe sezon."),
    ],
)
def test_number_ranges_are_not_dates(lang: str, text: str) -> None:
    assert find_dates(text, lang, FRI) == []


# --- "in two weeks": a future date in future-tense sentences, a duration in past-tense ones ---------------
@pytest.mark.parametrize(
    ("lang", "future", "past"),
    [
        ("en", "The deal will be signed in two weeks.", "The army captured the city in two weeks."),
        (
            "fr",
            "L'accord sera signé dans deux semaines.",
            "Il a été condamné à payer dans les deux semaines.",
        ),
        ("it", "L'accordo sarà firmato tra due settimane.", "I soldati hanno combattuto per due settimane."),
        ("ro", "Acordul va fi semnat peste două săptămâni.", "Lucrările au durat peste două săptămâni."),
        ("de", "Die Abstimmung wird in zwei Wochen stattfinden.", "Die Soldaten kämpften seit zwei Wochen."),
    ],
)
def test_in_n_weeks_is_future(lang: str, future: str, past: str) -> None:
    found = only(future, lang)
    assert found.value == "2024-11-15" and found.precision == "day"  # FRI + 14 days
    assert find_dates(past, lang, FRI) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It was the first rise in two years."),
        ("en", "Prices are at their highest level in 10 years."),
        ("ro", "Are peste 20 de ani de experiență."),
    ],
)
def test_in_n_years_comparisons_are_not_dates(lang: str, text: str) -> None:
    assert find_dates(text, lang, FRI) == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The plant will close in three days.", "2024-11-04"),
        ("fr", "L'usine fermera dans six mois.", "2025-05"),
        ("it", "Le elezioni si terranno tra due anni.", "2026"),
        ("ro", "Fabrica se va închide peste trei zile.", "2024-11-04"),
    ],
)
def test_in_n_units_keep_their_precision(lang: str, text: str, value: str) -> None:
    assert only(text, lang).value == value


# --- weekend: Saturday..Sunday, day precision -------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "last", "this"),
    [
        ("en", "Storms caused damage last weekend.", "Voters go to the polls this weekend."),
        ("fr", "Le week-end dernier, les orages ont fait des dégâts.", "Les électeurs voteront ce week-end."),
        ("it", "Lo scorso fine settimana i temporali hanno causato danni.", "Si vota questo fine settimana."),
        ("ro", "Weekendul trecut, furtunile au provocat pagube.", "Alegerile vor avea loc în acest weekend."),
        ("es", "El pasado fin de semana hubo tormentas.", "Se vota este fin de semana."),
        ("de", "Am vergangenen Wochenende gab es Unwetter.", "Dieses Wochenende wird gewählt."),
    ],
)
def test_weekend(lang: str, last: str, this: str) -> None:
    before, coming = only(last, lang, WED), only(this, lang, WED)
    assert (before.date_start, before.date_end, before.precision) == (
        date(2024, 3, 9),
        date(2024, 3, 10),
        "day",
    )
    assert (coming.date_start, coming.date_end) == (date(2024, 3, 16), date(2024, 3, 17))


def test_weekend_on_a_saturday_and_in_past_tense() -> None:
    sat = date(2024, 9, 28)
    assert only("Last weekend's storms caused damage.", "en", sat).value == "2024-09-21"
    assert only("Protesters gathered over the weekend.", "en", date(2024, 9, 30)).value == "2024-09-28"


# --- "N days later" / "the next day": anaphora shifted from the previous day mention ----------------------
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The ceasefire was agreed on 1 November. Two days later, fighting resumed."),
        (
            "fr",
            "Le cessez-le-feu a été conclu le 1er novembre. Deux jours plus tard, les combats ont repris.",
        ),
        (
            "it",
            "La tregua è stata firmata il 1° novembre. Due giorni più tardi i combattimenti sono ripresi.",
        ),
        ("ro", "Armistițiul a fost semnat la 1 noiembrie. Două zile mai târziu, luptele au reizbucnit."),
    ],
)
def test_n_days_later_is_anaphora(lang: str, text: str) -> None:
    assert [m.value for m in find_dates(text, lang, FRI)] == ["2024-11-01", "2024-11-03"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Talks resumed on 10 July and broke down the next day."),
        ("fr", "Les négociations ont repris le 10 juillet et ont échoué le lendemain."),
        ("it", "I negoziati sono ripresi il 10 luglio e sono falliti il giorno dopo."),
        ("ro", "Negocierile au fost reluate pe 10 iulie și au eșuat a doua zi."),
    ],
)
def test_next_day_is_anaphora(lang: str, text: str) -> None:
    assert [m.value for m in find_dates(text, lang, date(2024, 7, 14))] == ["2024-07-10", "2024-07-11"]


# --- mid-month / end of month / end of year (month precision; end of a year = its December) -------------
@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The festival was held in mid-October.", "2024-10"),
        ("fr", "Le festival s'est tenu à la mi-octobre.", "2024-10"),
        ("it", "Il festival si è svolto a metà ottobre.", "2024-10"),
        ("ro", "Festivalul a avut loc la jumătatea lunii octombrie.", "2024-10"),
        ("en", "Rates will be cut by the end of the month.", "2024-11"),
        ("fr", "Les taux devraient baisser d'ici la fin du mois.", "2024-11"),
        ("it", "I tassi dovrebbero scendere entro la fine del mese.", "2024-11"),
        ("ro", "Dobânzile vor scădea până la sfârșitul lunii.", "2024-11"),
        ("en", "The law will be passed by the end of the year.", "2024-12"),
        ("fr", "La loi sera adoptée d'ici la fin de l'année.", "2024-12"),
        ("it", "La legge sarà approvata entro la fine dell'anno.", "2024-12"),
        ("ro", "Legea va fi adoptată până la sfârșitul anului.", "2024-12"),
    ],
)
def test_mid_and_end_of_period(lang: str, text: str, value: str) -> None:
    found = only(text, lang)
    assert (found.value, found.precision) == (value, "month")


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The vote will take place on the first of December.", "2024-12-01"),
        ("fr", "La réforme entrera en vigueur le premier janvier.", "2025-01-01"),
        ("it", "La riforma entrerà in vigore il primo gennaio.", "2025-01-01"),
        ("es", "La reforma entrará en vigor el primero de enero.", "2025-01-01"),
    ],
)
def test_day_written_as_a_word(lang: str, text: str, value: str) -> None:
    assert only(text, lang).value == value


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le premier ministre a parlé."),
        ("it", "Il primo ministro ha parlato."),
        ("en", "The first lady spoke."),
    ],
)
def test_day_words_need_a_month(lang: str, text: str) -> None:
    assert find_dates(text, lang, FRI) == []


# --- tense: the verb before the mention beats a trailing attribution; "be held" is not past --------------
@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The election is due to be held on Oct. 21, the commission said.", "2024-10-21"),
        ("en", "Elections will be held on Tuesday, officials said.", "2024-03-19"),
        ("fr", "Le Sénat votera mardi, a annoncé le gouvernement.", "2024-03-19"),
        ("it", "Il Parlamento voterà martedì, ha detto il ministro.", "2024-03-19"),
        ("ro", "Senatul va vota marți, a anunțat guvernul.", "2024-03-19"),
    ],
)
def test_tense_prefers_the_governing_verb(lang: str, text: str, value: str) -> None:
    pub = date(2024, 7, 14) if "Oct." in text else WED
    assert only(text, lang, pub).value == value


def test_listed_phrase_beats_a_blocker_it_contains() -> None:
    assert values("Heute Morgen demonstrierten Tausende.", "de", WED) == [("Heute Morgen", "2024-03-13")]
    assert values("Acum trei luni, guvernul a demisionat.", "ro", WED) == [("Acum trei luni", "2023-12")]
    assert find_dates("Proiectul a durat trei luni.", "ro", WED) == []


MON = date(2024, 9, 9)  # a Monday


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        # expectation / plan / intention without a future tense
        ("en", "Analysts expect the central bank to cut rates on Thursday.", "2024-09-12"),
        ("en", "The union hopes to sign the agreement on Friday.", "2024-09-13"),
        ("en", "The final vote is on Wednesday.", "2024-09-11"),
        ("en", "The conference takes place on Thursday in Lisbon.", "2024-09-12"),
        ("en", "Rail services could resume on Thursday.", "2024-09-12"),
        ("fr", "La préfecture prévoit de rouvrir la route jeudi.", "2024-09-12"),
        ("fr", "Le conseil des ministres a lieu mercredi.", "2024-09-11"),
        ("fr", "Le président compte se rendre à Berlin vendredi.", "2024-09-13"),
        ("it", "Il consiglio comunale si riunisce giovedì.", "2024-09-12"),
        ("it", "La Regione intende riaprire le scuole venerdì.", "2024-09-13"),
        ("ro", "Meteorologii preconizează ninsori joi.", "2024-09-12"),
        ("ro", "Ministrul intenționează să prezinte bugetul vineri.", "2024-09-13"),
        ("ro", "Echipa ar putea juca din nou în octombrie.", "2024-10"),
        ("de", "Die Kanzlerin reist am Mittwoch nach Paris.", "2024-09-11"),
        ("es", "La reunión tiene lugar el jueves en Sevilla.", "2024-09-12"),
        ("pt", "O encontro está marcado para quinta-feira.", "2024-09-12"),
    ],
)
def test_expectation_and_schedule_mark_the_future(lang: str, text: str, value: str) -> None:
    assert only(text, lang, MON).value == value


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        # a modal under a real past verb points back; "would have" is a past that did not happen
        ("en", "The bridge had been closed and could reopen on Thursday, engineers found.", "2024-09-05"),
        ("en", "The talks would have resumed on Friday.", "2024-09-06"),
        ("en", "The spokesman would not comment on Friday.", "2024-09-06"),
        ("ro", "Echipa a pierdut și ar putea juca în octombrie.", "2023-10"),
        # a scheduling verb after a real past verb is no future cue
        ("en", "The pupils did not return to school on Wednesday.", "2024-09-04"),
        # a noun that looks like a cue stays neutral
        ("en", "Sales have fallen since Aug. 5, when the firm cut its forecast.", "2024-08-05"),
        ("en", "Results of Wednesday's vote were published in Geneva.", "2024-09-04"),
        # "originally scheduled for" beats a target word
        ("en", "The hearing, originally scheduled for Thursday, took place later.", "2024-09-05"),
        ("ro", "Ședința, programată inițial pentru joi, a avut loc mai târziu.", "2024-09-05"),
    ],
)
def test_real_past_keeps_the_past(lang: str, text: str, value: str) -> None:
    assert only(text, lang, MON).value == value


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        # reported future: what someone said would happen lies ahead of the saying
        ("en", "The mayor said the bridge could reopen on Thursday.", "2024-09-12"),
        ("en", "The regulator said that bills would fall by 3 percent in February.", "2025-02"),
        ("ro", "Antrenorul a declarat că echipa ar putea juca în octombrie.", "2024-10"),
        ("ro", "Ministrul a spus că legea va intra în vigoare în martie.", "2025-03"),
        ("es", "El alcalde dijo que podría inaugurar el puente el jueves.", "2024-09-12"),
        ("es", "La empresa dijo que iba a cerrar la planta en enero.", "2025-01"),
        ("de", "Der Minister sagte, das Gesetz werde im Februar verabschiedet.", "2025-02"),
        ("de", "Die Firma erklärte, sie würde am Donnerstag entscheiden.", "2024-09-12"),
        ("fr", "Le ministre a dit que le sommet aurait lieu jeudi.", "2024-09-12"),
        ("fr", "La direction a indiqué que l'usine serait fermée en janvier.", "2025-01"),
        ("it", "Il sindaco ha detto che il ponte sarebbe stato riaperto giovedì.", "2024-09-12"),
    ],
)
def test_reported_future_points_ahead(lang: str, text: str, value: str) -> None:
    assert only(text, lang, MON).value == value


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        # present tense of a scheduling verb, no other cue: the coming day
        ("en", "Students return to campus on Thursday.", "2024-09-12"),
        ("en", "The committee meets on Friday to discuss the budget.", "2024-09-13"),
        ("en", "England face Finland on Tuesday.", "2024-09-10"),
        ("fr", "Le Sénat vote jeudi sur le budget.", "2024-09-12"),
        ("fr", "Les élèves rentrent vendredi.", "2024-09-13"),
        ("it", "Il Senato vota giovedì la riforma.", "2024-09-12"),
        ("it", "Le scuole riaprono mercoledì in Sicilia.", "2024-09-11"),
        ("ro", "Senatul votează joi proiectul.", "2024-09-12"),
        ("ro", "Elevii revin la școală miercuri.", "2024-09-11"),
        ("de", "Das Museum öffnet am Donnerstag wieder.", "2024-09-12"),
        ("es", "El Senado vota el jueves la reforma.", "2024-09-12"),
    ],
)
def test_present_scheduling_verbs_mark_the_future(lang: str, text: str, value: str) -> None:
    assert only(text, lang, MON).value == value


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        # target words: the date something is set for or applies from, even in a past clause
        ("en", "The walkout, called for Thursday, was suspended after talks.", "2024-09-12"),
        ("en", "The council raised parking fees by 10 percent starting in January.", "2025-01"),
        ("en", "Officials issued a flood warning valid for Friday.", "2024-09-13"),
        ("fr", "Les syndicats ont appelé à une grève pour jeudi.", "2024-09-12"),
        ("fr", "Météo-France a émis une vigilance orange valable vendredi.", "2024-09-13"),
        ("it", "La manifestazione, indetta per giovedì, è stata annullata.", "2024-09-12"),
        ("it", "La Protezione civile ha diramato un'allerta valida venerdì.", "2024-09-13"),
        ("ro", "ANM a emis o avertizare valabilă vineri pentru Banat.", "2024-09-13"),
        ("ro", "Sindicatele au anunțat un protest pentru joi.", "2024-09-12"),
        ("de", "Der Wetterdienst gab eine Warnung heraus, gültig am Freitag.", "2024-09-13"),
        ("es", "Los sindicatos convocaron una huelga para el jueves.", "2024-09-12"),
        # a bare "for" before a month is a period, not a target: the tense decides
        ("ro", "Inflația pentru luna august a fost de 5%.", "2024-08"),
        # a scheduling cue next to the mention ("closes on Friday") still counts
        ("en", "The exhibition closes on Friday.", "2024-09-13"),
    ],
)
def test_target_words_mark_the_coming_date(lang: str, text: str, value: str) -> None:
    assert only(text, lang, MON).value == value


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A columnist for The Sunday Telegraph criticised the plan."),
        ("en", "Marchers remembered Bloody Sunday in silence."),
        ("en", "Candidates are campaigning hard before Super Tuesday."),
        ("en", "An article in the Mail on Sunday sparked the row."),
        ("fr", "Une enquête du Journal du dimanche a relancé l'affaire."),
        ("fr", "Il a accordé un entretien à La Tribune Dimanche."),
        ("it", "Un'intervista al Venerdì di Repubblica ha fatto discutere."),
        ("it", "La Domenica Sportiva ha cambiato conduttore."),
        ("ro", "Un articol din revista Duminică a stârnit polemici."),
        ("de", "Er sagte der Bild am Sonntag, er trete nicht an."),
    ],
)
def test_weekdays_inside_names_are_not_dates(lang: str, text: str) -> None:
    assert find_dates(text, lang, MON) == []


def test_the_monday_meeting_is_still_a_date() -> None:
    assert values("The Monday meeting was cancelled.", "en", MON) == [("Monday", "2024-09-09")]
    assert values("The Sunday Times reported on Friday that talks stalled.", "en", MON) == [
        ("on Friday", "2024-09-06")
    ]


DEC = date(2024, 12, 10)


@pytest.mark.parametrize(
    ("lang", "text", "mention", "value"),
    [
        ("en", "Stores will close early on Christmas Eve.", "on Christmas Eve", "2024-12-24"),
        ("en", "The embassy will reopen after New Year's Day.", "after New Year's Day", "2025-01-01"),
        ("en", "The last troops will be home by Christmas.", "by Christmas", "2024-12-25"),
        ("en", "The parade was cancelled on Armistice Day.", "on Armistice Day", "2024-11-11"),
        ("en", "Fireworks lit the sky on Independence Day.", "on Independence Day", "2024-07-04"),
        ("en", "Retailers slashed prices on Black Friday.", "on Black Friday", "2024-11-29"),
        ("en", "The treaty was signed on Good Friday 1998.", "on Good Friday 1998", "1998-04-10"),
        ("fr", "Les grévistes reprendront le travail après Noël.", "après Noël", "2024-12-25"),
        ("fr", "La fête se prolongera jusqu'à la Saint-Sylvestre.", "à la Saint-Sylvestre", "2024-12-31"),
        ("fr", "Le cimetière était bondé à la Toussaint.", "à la Toussaint", "2024-11-01"),
        ("fr", "Le défilé du 14-Juillet a été annulé.", "14-Juillet", "2024-07-14"),
        ("it", "Le piste da sci apriranno prima di Natale.", "prima di Natale", "2024-12-25"),
        ("it", "Le spiagge erano piene a Ferragosto.", "a Ferragosto", "2024-08-15"),
        ("it", "Il museo resterà chiuso a Capodanno.", "a Capodanno", "2025-01-01"),
        ("ro", "Magazinele vor fi închise de Crăciun.", "de Crăciun", "2024-12-25"),
        ("ro", "Concertul va avea loc de Revelion.", "de Revelion", "2024-12-31"),
        ("ro", "Mii de pelerini au venit de Sfânta Maria.", "de Sfânta Maria", "2024-08-15"),
        ("de", "Die Läden bleiben an Weihnachten geschlossen.", "an Weihnachten", "2024-12-25"),
        ("es", "Los comercios abrirán en Nochebuena.", "en Nochebuena", "2024-12-24"),
        ("pt", "As lojas fecham no Natal.", "no Natal", "2024-12-25"),
    ],
)
def test_fixed_holidays_resolve_like_a_day_month(lang: str, text: str, mention: str, value: str) -> None:
    assert values(text, lang, DEC) == [(mention, value)]


@pytest.mark.parametrize(
    ("lang", "text", "published", "mention", "value"),
    [
        ("en", "Churches will be full at Easter.", date(2024, 3, 1), "at Easter", "2024-03-31"),
        ("en", "Banks close on Easter Monday.", date(2025, 4, 1), "on Easter Monday", "2025-04-21"),
        ("fr", "Les fidèles se sont rassemblés à Pâques.", date(2024, 4, 10), "à Pâques", "2024-03-31"),
        ("it", "Il papa celebrerà la messa a Pasqua.", date(2025, 4, 1), "a Pasqua", "2025-04-20"),
        # Romanian Easter is the Orthodox one (2024: 5 May, five weeks after the western date)
        ("ro", "Credincioșii vor merge la biserică de Paște.", date(2024, 4, 1), "de Paște", "2024-05-05"),
        ("ro", "Paștele catolic a fost sărbătorit în liniște.", date(2024, 4, 10), "Paștele catolic", "2024-03-31"),
        ("ro", "Vinerea Mare a adus ploi.", date(2024, 5, 6), "Vinerea Mare", "2024-05-03"),
        ("de", "Am Karfreitag bleiben die Läden zu.", date(2024, 3, 20), "Am Karfreitag", "2024-03-29"),
    ],
)
def test_easter_based_holidays(lang: str, text: str, published: date, mention: str, value: str) -> None:
    assert values(text, lang, published) == [(mention, value)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The town put up its Christmas tree."),
        ("en", "Children hunted for Easter eggs in the park."),
        ("en", "Ukraine's Independence Day passed without a parade."),
        ("fr", "Le marché de Noël ouvre ses portes."),
        ("fr", "Le Nouvel An chinois a été célébré à Paris."),
        ("it", "Babbo Natale ha visitato l'ospedale."),
        ("ro", "Bradul de Crăciun a fost aprins în piață."),
        ("ro", "Târgul de Crăciun s-a deschis în centru."),
        ("pt", "O avião aterrou em Natal."),
    ],
)
def test_holiday_words_that_are_not_dates(lang: str, text: str) -> None:
    assert find_dates(text, lang, DEC) == []


def test_holiday_without_publication_date() -> None:
    assert [(m.value, m.year_known) for m in find_dates("He spoke on Christmas Day.", "en", None)] == [
        ("2000-12-25", False)
    ]
    assert find_dates("He spoke at Easter.", "en", None) == []


# --- held-out-2 failure classes (own sentences; WED = 2024-03-13) ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the tense comes from the clause that governs the date, not from any verb in the sentence
        (
            "fr",
            "Le tribunal se prononcera le 2 avril, a-t-on appris lundi.",
            [("le 2 avril", "2024-04-02"), ("lundi", "2024-03-11")],
        ),
        (
            "it",
            "I treni seguiranno il nuovo orario, annunciato venerdì dalla società.",
            [("venerdì", "2024-03-08")],
        ),
        (
            "en",
            "Fans queued outside on Saturday, and the stadium is expected to reopen on Friday.",
            [("on Saturday", "2024-03-09"), ("on Friday", "2024-03-15")],
        ),
        (
            "es",
            "Desde enero, las ventas han caído un 5%, según datos publicados esta mañana.",
            [("Desde enero", "2024-01"), ("esta mañana", "2024-03-13")],
        ),
        # until / from / by: the coming day in a present, future or reported clause...
        ("en", "The exhibition stays open until Sunday, the museum said.", [("Sunday", "2024-03-17")]),
        ("en", "Officials said the bridge would reopen from Monday.", [("Monday", "2024-03-18")]),
        ("de", "Die Züge fahren ab Donnerstag wieder, teilte die Bahn mit.", [("Donnerstag", "2024-03-14")]),
        (
            "it",
            "Il museo resta chiuso fino a domenica, ha comunicato il Comune.",
            [("domenica", "2024-03-17")],
        ),
        (
            "ro",
            "Traficul rămâne restricționat până duminică, a anunțat poliția.",
            [("duminică", "2024-03-17")],
        ),
        ("pt", "A ponte ficará fechada até domingo, disse a autarquia.", [("domingo", "2024-03-17")]),
        (
            "fr",
            "La préfecture a annoncé la fermeture des plages jusqu'à dimanche.",
            [("dimanche", "2024-03-17")],
        ),
        # ... but the past one under a real past verb
        ("en", "The curfew lasted until Sunday.", [("Sunday", "2024-03-10")]),
        ("de", "Der Streik dauerte bis Sonntag.", [("Sonntag", "2024-03-10")]),
        # since: the most recent such month, even next to a future clause
        (
            "en",
            "Ticket sales have risen 12% since January, and the club will expand next month.",
            [("since January", "2024-01"), ("next month", "2024-04")],
        ),
        (
            "fr",
            "Les loyers ont augmenté depuis février, et le gouvernement agira bientôt.",
            [("depuis février", "2024-02")],
        ),
        ("de", "Seit Februar sind die Mieten gestiegen.", [("Seit Februar", "2024-02")]),
        # present-tense deadlines and resumptions are upcoming
        ("es", "El plazo para votar vence el jueves.", [("el jueves", "2024-03-14")]),
        ("ro", "Școlile se redeschid luni.", [("luni", "2024-03-18")]),
    ],
)
def test_clause_tense_and_direction_words(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, lang, WED) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # bare years after prepositions, but not counts
        ("fr", "Les enquêteurs examinent des contrats datant de 2011.", [("datant de 2011", "2011")]),
        ("fr", "Le ministère a commandé des rations pour 2016 soldats.", []),
        ("it", "Il governo ha fissato l'obiettivo per il 2027.", [("per il 2027", "2027")]),
        ("es", "El plan de inversiones para 2026 fue aprobado.", [("para 2026", "2026")]),
        ("en", "The charity raised funds for 2016 children.", []),
        # mid-year: year precision
        ("en", "Inflation has been above target since mid-2021.", [("since mid-2021", "2021")]),
        ("ro", "Prețurile au crescut de la jumătatea lui 2021.", [("de la jumătatea lui 2021", "2021")]),
        ("fr", "Le chantier sera terminé à la mi-2026.", [("à la mi-2026", "2026")]),
        ("en", "The central bank will hold rates until at least June.", [("until at least June", "2024-06")]),
        # both ends of "from X until Y"
        (
            "en",
            "The warning applies from Friday until 20 March.",
            [("Friday", "2024-03-15"), ("until 20 March", "2024-03-20")],
        ),
        # relative to the previous mention
        (
            "en",
            "Troops entered the town on 4 March; two days later they withdrew.",
            [("on 4 March", "2024-03-04"), ("two days later", "2024-03-06")],
        ),
        (
            "en",
            "The court sat on 8 March; three days earlier, the jury was chosen.",
            [("on 8 March", "2024-03-08"), ("three days earlier", "2024-03-05")],
        ),
        (
            "it",
            "Il sindaco si è dimesso il 4 marzo e due giorni dopo è stato arrestato.",
            [("il 4 marzo", "2024-03-04"), ("due giorni dopo", "2024-03-06")],
        ),
        (
            "en",
            "Exports reached a record in 2019, up from the previous year.",
            [("in 2019", "2019"), ("the previous year", "2018")],
        ),
        (
            "fr",
            "En 2021, les ventes ont chuté par rapport à l'année précédente.",
            [("En 2021", "2021"), ("l'année précédente", "2020")],
        ),
        (
            "ro",
            "În 2020, producția a scăzut față de anul precedent.",
            [("În 2020", "2020"), ("față de anul precedent", "2019")],
        ),
        (
            "de",
            "Im Jahr 2017 stiegen die Preise stärker als im Vorjahr.",
            [("Im Jahr 2017", "2017"), ("im Vorjahr", "2016")],
        ),
        (
            "es",
            "En 2019 el paro bajó respecto al año anterior.",
            [("En 2019", "2019"), ("al año anterior", "2018")],
        ),
        ("en", "Sales fell sharply compared with the previous year.", [("the previous year", "2023")]),
    ],
)
def test_years_mid_year_ranges_and_previous_mentions(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, lang, WED) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Shops were crowded on the eve of Christmas.", [("on the eve of Christmas", "2023-12-24")]),
        (
            "en",
            "The ministry released the data the day after 5 March.",
            [("the day after 5 March", "2024-03-06")],
        ),
        (
            "fr",
            "Une manifestation est prévue à la veille du 1er mai.",
            [("à la veille du 1er mai", "2024-04-30")],
        ),
        (
            "it",
            "Il papa celebrerà la messa alla vigilia di Pasqua.",
            [("alla vigilia di Pasqua", "2024-03-30")],
        ),
        ("ro", "Primarul va vorbi în ajunul Paștelui.", [("în ajunul Paștelui", "2024-05-04")]),
        ("de", "Am Tag nach Ostern werden die Geschäfte öffnen.", [("Am Tag nach Ostern", "2024-04-01")]),
        (
            "pt",
            "Na véspera da Páscoa, milhares de pessoas vão viajar.",
            [("Na véspera da Páscoa", "2024-03-30")],
        ),
        # the modifier inside a name or a relative phrase is not applied twice
        ("it", "La vigilia di Natale è stata festa.", [("La vigilia di Natale", "2023-12-24")]),
        ("en", "Talks will resume the day after tomorrow.", [("the day after tomorrow", "2024-03-15")]),
        (
            "en",
            "The talks ended on 3 March and the troops left the day after.",
            [("on 3 March", "2024-03-03"), ("the day after", "2024-03-04")],
        ),
    ],
)
def test_eve_and_day_after_modifiers(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, lang, WED) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ro",
            "Ședința, programată inițial pentru marți, a avut loc cu o zi mai târziu.",
            [("marți", "2024-03-12"), ("o zi mai târziu", "2024-03-13")],
        ),
        (
            "en",
            "The vote, originally scheduled for Monday, was held a day later.",
            [("Monday", "2024-03-11"), ("a day later", "2024-03-12")],
        ),
        (
            "fr",
            "Le sommet, initialement prévu lundi, s'est tenu le lendemain.",
            [("lundi", "2024-03-11"), ("le lendemain", "2024-03-12")],
        ),
    ],
)
def test_anaphora_uses_the_corrected_previous_date(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, lang, WED) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ro", "Contractul are o durată de 24 de luni."),
        ("ro", "Reparațiile vor dura 30 de luni și vor costa mult."),
        ("ro", "Sute de luni de muncă s-au pierdut."),
        ("pt", "A segunda fase do projeto começa em breve."),
    ],
)
def test_number_words_that_look_like_weekdays(lang: str, text: str) -> None:
    assert values(text, lang, WED) == []


@pytest.mark.parametrize("lang,text,want", [
    ("fr", "La rentrée scolaire est fixée au lundi 2 septembre.", date(2024, 9, 2)),
    ("it", "Lo sciopero era stato indetto per lunedì 2 settembre.", date(2024, 9, 2)),
    ("ro", "Ședința a fost stabilită pentru luni, 2 septembrie.", date(2024, 9, 2)),
    ("en", "The trial opened on Saturday, Sept. 2, in Boston.", date(2023, 9, 2)),
])
def test_a_named_weekday_decides_the_year_of_a_day_month(lang, text, want):
    [mention] = find_dates(text, lang, date(2024, 5, 14))
    assert mention.date_start == want and mention.date_start.weekday() == want.weekday()


@pytest.mark.parametrize(
    ("lang", "text", "value", "year_known"),
    [
        ("it", "Titolo\n(ANSA) - ROMA, 3 MAR - Il ministro ha parlato ieri.", "2000-03-03", False),
        ("it", "Titolo\ndi A. B. | 16 Maggio 2021\nIl ministro ha parlato.", "2021-05-16", True),
        ("en", "Headline\nLONDON, March 3, 2024 (Reuters) - The minister spoke.", "2024-03-03", True),
        ("fr", "Titre\nPublié le : 04/05/2026 - 23:46\nLe ministre a parlé.", "2026-05-04", True),
        ("fr", "Titre\nLyon, le 14 novembre 2024 — Le ministre a parlé.", "2024-11-14", True),
    ],
)
def test_datelines_are_publication_metadata(lang, text, value, year_known) -> None:
    [line] = [m for m in find_dates(text, lang, None) if m.dateline]
    assert (line.value, line.year_known) == (value, year_known)


def test_yearless_wire_line_anchors_yesterday_without_a_year() -> None:
    found = find_dates("Titolo\n(ANSA) - ROMA, 3 MAR - Gli spari di ieri contro la vetrina.", "it", None)
    ieri = next(m for m in found if m.text == "ieri")
    assert (ieri.date_start.month, ieri.date_start.day, ieri.year_known) == (3, 2, False)
    dated = find_dates("Titolo\n(ANSA) - ROMA, 3 MAR - Gli spari di ieri.", "it", date(2017, 3, 3))
    assert [(m.value, m.year_known) for m in dated] == [("2017-03-03", True), ("2017-03-02", True)]


def test_dateline_is_not_a_timeline_event() -> None:
    from pressdesk.events import events_for_article

    text = "Titolo\n(ANSA) - ROMA, 3 MAR 2024 - Gli spari di ieri contro la vetrina."
    assert [e.date_text for e in events_for_article("a", text, "it", None, [])] == ["ieri"]


def test_decree_numbers_in_body_are_no_dateline() -> None:
    assert not any(m.dateline for m in find_dates("Decretul din 20.02.2014 a fost anulat.", "ro", None))


def test_horizon_year_is_a_year() -> None:
    assert [m.value for m in find_dates("Le site fermera à l'horizon 2028.", "fr", date(2022, 7, 12))] == ["2028"]
