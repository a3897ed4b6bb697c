"""Attribution classes: prepositional, inverted cue with title/addressee, pro-drop and institutions, affiliations,
titles before names, honorifics, announce/accuse with a noun phrase."""

from datetime import date

import pytest

from pressdesk.quotes import extract_quotes

PUB = date(2024, 3, 5)


def speakers(text, lang):
    return [q.speaker for q in extract_quotes(text, lang, PUB)]


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "evidence"),
    [
        ("fr", "D'après l'économiste Martin Lebrun, la croissance ralentira au second semestre.", "Martin Lebrun",
         "la croissance ralentira"),
        ("fr", "Le projet coûtera plus cher que prévu, d'après Sophie Marchal.", "Sophie Marchal", "Le projet coûtera"),
        ("it", "Secondo il geologo Paolo Ferri, la frana potrebbe riattivarsi con le piogge.", "Paolo Ferri",
         "la frana potrebbe"),
        ("ro", "Potrivit lui Andrei Munteanu, lucrările vor începe în martie.", "Andrei Munteanu", "lucrările vor"),
        ("ro", "Ministrul Ion Georgescu a vorbit ieri. Potrivit lui, lucrările vor începe în martie.", "Ion Georgescu",
         "lucrările vor"),
        ("es", "Según la bióloga Carmen Ruiz, del CSIC, la población de linces ha crecido un 20%.", "Carmen Ruiz",
         "la población de linces"),
    ],
)
def test_prepositional_attribution_with_title_or_pronoun(lang, text, speaker, evidence):
    quotes = extract_quotes(text, lang, PUB)
    assert [q.speaker for q in quotes] == [speaker]
    assert quotes[0].text.startswith(evidence)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "role_part"),
    [
        ("it", "«Chiuderemo l'anno in utile», ha dichiarato il direttore generale di Ferrotec, Paolo Bianchi.",
         "Paolo Bianchi", "Ferrotec"),
        ("it", "«Nessuno sarà licenziato», ha detto all'ANSA la sindaca Laura Conti.", "Laura Conti", None),
        ("ro", "„Vom deschide două noi secții”, a declarat pentru Mediafax directorul spitalului, Dan Petrescu.",
         "Dan Petrescu", None),
        ("fr", "« Nous restons confiants », a déclaré la directrice générale de Vantor, Hélène Roux.", "Hélène Roux",
         "Vantor"),
        ("es", "«No habrá despidos», afirmó el consejero delegado de Grupo Ibercasa, Jorge Molina.", "Jorge Molina",
         "Ibercasa"),
    ],
)
def test_inverted_cue_title_and_addressee_before_name(lang, text, speaker, role_part):
    quotes = extract_quotes(text, lang, PUB)
    assert [q.speaker for q in quotes] == [speaker]
    assert role_part is None or role_part in (quotes[0].speaker_role or "")


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("it", "Il sindaco Luca Moretti ha parlato ieri. Ha escluso che ci saranno aumenti delle tasse.", "Luca Moretti"),
        ("it", "L'ospedale Niguarda ha comunicato che le visite riprenderanno lunedì.", "ospedale Niguarda"),
        ("es", "El Tribunal Supremo ha señalado en una sentencia que la norma es inconstitucional.", "Tribunal Supremo"),
        ("fr", "Le tribunal de commerce de Lyon a précisé dans un communiqué que la société sera liquidée.",
         "tribunal de commerce de Lyon"),
        ("en", "Harlow District Council said in a statement that the road would stay closed.",
         "Harlow District Council"),
        ("es", "La alcaldesa Rosa Prieto habló ayer. Además, advirtió que el agua escaseará en verano.", "Rosa Prieto"),
        ("es", "El Juzgado de lo Social número 4 de Vigo ha señalado que el despido es nulo.",
         "Juzgado de lo Social número 4 de Vigo"),
    ],
)
def test_indirect_speech_pro_drop_and_institutions(lang, text, speaker):
    assert speakers(text, lang) == [speaker]


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "org"),
    [
        ("en", "Westbrook United manager Tom Hale said the team needed a new striker.", "Tom Hale", "Westbrook United"),
        ("it", "Il tecnico della Pro Vercelli, Marco Rossi, ha detto che la squadra è pronta.", "Marco Rossi",
         "Pro Vercelli"),
        ("de", "Anna Keller vom Max-Planck-Institut sagte, die Daten seien eindeutig.", "Anna Keller",
         "Max-Planck-Institut"),
        ("it", "«Siamo pronti a tutto», ha ammesso l'allenatore del Real Sangiorgio, Piero Neri.", "Piero Neri",
         "Real Sangiorgio"),
    ],
)
def test_affiliation_goes_to_role_not_speaker(lang, text, speaker, org):
    quotes = extract_quotes(text, lang, PUB)
    assert [q.speaker for q in quotes] == [speaker]
    assert org in (quotes[0].speaker_role or "")


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("ro", "Directorul Ion Popa a spus că fabrica va fi modernizată.", "Ion Popa"),
        ("es", "La consejera de Sanidad, Marta López, dijo que habrá más camas.", "Marta López"),
        ("ro", "„Nu renunțăm la proiect”, a declarat directorul general al firmei Agrovest, Vlad Marin.", "Vlad Marin"),
    ],
)
def test_job_title_joins_the_following_name(lang, text, speaker):
    assert speakers(text, lang) == [speaker]


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "surface"),
    [
        ("en", "Dr. Samuel Okoro said the trial results were encouraging.", "Samuel Okoro", None),
        ("en", "Dr Amara Bello said that the vaccine was safe.", "Amara Bello", "Dr Amara Bello"),
        ("fr", "Mme Claire Dubois a déclaré que le budget était insuffisant.", "Claire Dubois", None),
        ("it", "Il prof. Giorgio Sala ha spiegato che i dati sono preliminari.", "Giorgio Sala", None),
        ("de", "Frau Petra Lang sagte, der Vertrag sei unterschrieben.", "Petra Lang", None),
        ("es", "La Sra. Elena Torres afirmó que el proyecto está financiado.", "Elena Torres", None),
        ("ro", "Dl. Mihai Stan a declarat că nu va candida.", "Mihai Stan", None),
    ],
)
def test_honorific_stripped_from_speaker_kept_in_surface(lang, text, speaker, surface):
    quotes = extract_quotes(text, lang, PUB)
    assert [q.speaker for q in quotes] == [speaker]
    assert surface is None or quotes[0].speaker_surface == surface


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Elle a annoncé le lancement d'un nouveau modèle en mai."),
        ("en", "Residents accused the council of neglect."),
        ("en", "The board announced the closure of its Leeds plant."),
        ("it", "Il gruppo ha annunciato la chiusura dello stabilimento di Bari."),
        ("ro", "Compania a anunțat închiderea fabricii din Arad."),
        ("es", "El alcalde anunció la apertura de dos escuelas."),
    ],
)
def test_announce_or_accuse_with_noun_phrase_is_no_quote(lang, text):
    assert extract_quotes(text, lang, PUB) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Il ministro ha accusato la Russia di violare il trattato."),
        ("en", "The minister accused Moscow of violating the ceasefire agreement."),
        ("it", "Il ministro ha annunciato di voler chiudere due ospedali entro l'anno."),
        ("fr", "La ministre a annoncé qu'elle ouvrirait trois centres."),
        ("en", "The company announced “a new chapter for the group” on Monday."),
        ("fr", "Lloyd Austin a promis une aide supplémentaire de 400 millions de dollars à l'Ukraine."),
    ],
)
def test_announce_or_accuse_with_clause_or_quote_is_a_quote(lang, text):
    assert len(extract_quotes(text, lang, PUB)) == 1
