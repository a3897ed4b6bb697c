"""Construction classes found on the fifth blind set: honorific before a name in 'according to', German title
nouns and dative agencies, zu-infinitive statements, decimal commas, long organisation names."""

import pytest

from pressdesk.quotes import extract_quotes


def _pairs(text: str, lang: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.kind) for q in extract_quotes(text, lang, None)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("According to Dr. Miriam Oyelaran, who ran the trial at the University of Eastvale, the drug halved "
         "relapse rates.", "Miriam Oyelaran"),
        ("According to Prof. Karel Voss, the bridge was safe to reopen.", "Karel Voss"),
        ("Selon Mme Claire Vautrin, qui dirige le laboratoire, le vaccin est efficace.", "Claire Vautrin"),
    ],
)
def test_honorific_in_prepositional_attribution(text: str, speaker: str) -> None:
    lang = "fr" if text.startswith("Selon") else "en"
    got = extract_quotes(text, lang, None)
    assert [q.speaker for q in got] == [speaker]
    assert not got[0].text.lower().startswith(("who", "qui"))


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Kapitänin Lena Brauer sagte, das Team habe sich gut erholt.", "Lena Brauer"),
        ("Der Wert liege unter dem Vorjahr, sagte Direktor Uwe Saalfeld der Deutschen Presse-Agentur.", "Uwe Saalfeld"),
        ("Die Lage sei ernst, sagte Rechtsanwältin Petra Holm der dpa.", "Petra Holm"),
    ],
)
def test_german_title_nouns_and_dative_agencies(text: str, speaker: str) -> None:
    assert _pairs(text, "de") == [(speaker, "indirect")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Der Anwalt Tobias Lenz kündigte an, in Berufung zu gehen.", "Tobias Lenz"),
        ("Die Ministerin Anna Roth kündigte an, die Gespräche abzubrechen.", "Anna Roth"),
    ],
)
def test_german_announce_with_zu_infinitive_is_a_statement(text: str, speaker: str) -> None:
    assert _pairs(text, "de") == [(speaker, "indirect")]


def test_german_announce_with_noun_object_is_no_statement() -> None:
    assert _pairs("Die Firma Kolb kündigte den Abbau von 300 Stellen an.", "de") == []


def test_decimal_comma_does_not_cut_a_prepositional_statement() -> None:
    got = extract_quotes("Nach Angaben der Polizei entstand ein Schaden von 2,7 Millionen Euro.", "de", None)
    assert len(got) == 1 and "2,7 Millionen" in got[0].text


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("I ricoveri sono aumentati del 10%, secondo l'Osservatorio epidemiologico regionale della Liguria.", "it",
         "Osservatorio epidemiologico regionale della Liguria"),
        ("Numărul cazurilor a crescut cu 40%, potrivit Centrului Regional de Sănătate Publică Moldova de Nord.",
         "ro", "Centrul Regional de Sănătate Publică Moldova de Nord"),
        ("El sindicato Unión Portuaria, sin embargo, denunció que la empresa no ha pagado las horas extra.", "es",
         "Unión Portuaria"),
    ],
)
def test_long_organisation_names(text: str, lang: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, lang, None)] == [speaker]
