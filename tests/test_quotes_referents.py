"""Pronouns and dropped subjects resolved by ranking over the discourse (pressdesk/quotes/referents.py)."""

import pytest

from pressdesk.quotes import extract_quotes
from pressdesk.quotes.gender import gender_of
from pressdesk.quotes.referents import Referent, agreement, score
from pressdesk.quotes.speakers import Speaker


@pytest.mark.parametrize(
    ("lang", "text", "man"),
    [
        ("en", "The Arden Theatre said on Monday it would close for a month. Director Helen Marsh wrote that she was "
               "sad but that repairs came first. Actor Paul Deacon, who broke his leg, posted a video. "
               "“I need the rest more than anyone,” he said.", "Paul Deacon"),
        ("fr", "Le théâtre Arden a annoncé lundi qu'il fermerait un mois. La directrice Hélène Marsh a écrit qu'elle "
               "était triste mais que les travaux passaient avant tout. L'acteur Paul Deacon, blessé à la jambe, a "
               "publié une vidéo. « J'ai besoin de repos plus que quiconque », a-t-il dit.", "Paul Deacon"),
        ("it", "Il teatro Arden ha annunciato lunedì che chiuderà per un mese. La direttrice Elena Marsi ha scritto che "
               "era triste ma che i lavori venivano prima. Per l'attore Paolo Diaconi, che si è rotto una gamba, la "
               "pausa arriva al momento giusto: «Ho bisogno di riposo più di chiunque altro», ha detto lui.",
         "Paolo Diaconi"),
        ("ro", "Teatrul Arden a anunţat luni că se va închide o lună. Directoarea Elena Marsh a scris că este tristă, "
               "dar că lucrările sunt mai importante. Pentru actorul Radu Diaconu, care şi-a rupt piciorul, pauza vine "
               "la timp: „Am nevoie de odihnă mai mult decât oricine”, a spus el.", "Radu Diaconu"),
    ],
)
def test_masculine_pronoun_skips_the_woman_who_spoke_last(lang: str, text: str, man: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert quotes[-1].kind == "direct" and quotes[-1].speaker == man


@pytest.mark.parametrize(
    ("lang", "text", "coach"),
    [
        ("en", "Coach Stefan Varga would not blame the referee after the 2-1 defeat at Elm Park on Sunday. "
               "“We did not deserve a point from this game,” he said.", "Stefan Varga"),
        ("fr", "L'entraîneur Stefan Varga n'a pas voulu accuser l'arbitre après la défaite 2-1 à Elm Park dimanche. "
               "« Nous ne méritions aucun point dans ce match », a-t-il dit.", "Stefan Varga"),
        ("it", "L'allenatore Stefano Varga non ha voluto accusare l'arbitro dopo la sconfitta per 2-1 a Elm Park "
               "domenica. «Non meritavamo nessun punto in questa partita», ha detto lui.", "Stefano Varga"),
        ("ro", "Antrenorul Ştefan Varga nu a vrut să dea vina pe arbitru după înfrângerea cu 2-1 de la Elm Park de "
               "duminică. „Nu am meritat niciun punct în acest meci”, a spus el.", "Ştefan Varga"),
    ],
)
def test_pronoun_takes_the_subject_not_a_place_named_after_a_preposition(lang: str, text: str, coach: str) -> None:
    assert [q.speaker for q in extract_quotes(text, lang, None)] == [coach]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("it", "Il ministro Carlo Verdi ha detto che la legge arriverà in aula a marzo. Ha poi aggiunto che i fondi "
               "sono già stanziati.", "Carlo Verdi"),
        ("ro", "Ministrul Ion Verde a spus că legea va ajunge în plen în martie. A mai spus că fondurile sunt deja "
               "alocate.", "Ion Verde"),
    ],
)
def test_dropped_subject_keeps_the_last_speaker(lang: str, text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, lang, None)] == [speaker, speaker]


def test_gender_evidence_from_honorific_or_given_name() -> None:
    assert gender_of("Mme Durand") == "f" and gender_of("domnul Popescu") == "m"
    assert gender_of("Nadia Ferri") == "f" and gender_of("Stefan Lind") == "m"
    assert gender_of("Andrea Rossi") is None and gender_of("Nadia") is None  # shared or lone: no guess


def test_agreement_and_weights() -> None:
    woman = Speaker("Ana Pop", "Ana Pop", None, "person", "f")
    body = Speaker("Acme", "Acme", None, "organisation")
    assert agreement("m", woman, True) == -1 and agreement("f", woman, True) == 1
    assert agreement("m", body, False) == -1 and agreement(None, body, True) == 0
    far_speaker = Referent(woman, True, True, True, 5, 3, False, 0)
    near_subject = Referent(body, False, False, True, 1, 0, False, 0)
    assert score(far_speaker, "drop") < score(Referent(woman, True, True, True, 1, 0, False, 0), "drop")
    assert score(near_subject, "sg") < score(Referent(woman, True, True, True, 1, 0, False, 1), "sg")


@pytest.mark.parametrize(
    ("lang", "text", "asker", "said"),
    [
        ("en", "Mayor Clara Hoff asked the council to approve the budget before June. She said that the schools "
               "could not wait.", "Clara Hoff", "the schools could not wait"),
        ("fr", "La maire Clara Hoff a demandé au conseil d'approuver le budget avant juin. Elle a ajouté que les "
               "écoles ne pouvaient pas attendre.", "Clara Hoff", "les écoles ne pouvaient pas attendre"),
        ("it", "La sindaca Clara Hoff chiede al consiglio di approvare il bilancio entro giugno. Ha poi aggiunto che "
               "le scuole non possono aspettare.", "Clara Hoff", "le scuole non possono aspettare"),
        ("ro", "Primarul Clara Hoff a cerut consiliului să aprobe bugetul până în iunie. Ea a precizat că şcolile nu "
               "mai pot aştepta.", "Clara Hoff", "şcolile nu mai pot aştepta"),
    ],
)
def test_a_request_is_no_statement_but_the_asker_holds_the_floor(lang: str, text: str, asker: str, said: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.text.rstrip(".")) for q in quotes] == [(asker, said)]


def test_an_appeal_stays_a_statement_and_a_question_stays_a_quote() -> None:
    appeal = extract_quotes("Clara Hoff called on the council to approve the budget before June.", "en", None)
    assert [q.speaker for q in appeal] == ["Clara Hoff"]
    question = extract_quotes("“Why should the schools wait another year?” asked Clara Hoff.", "en", None)
    assert [(q.speaker, q.kind) for q in question] == [("Clara Hoff", "direct")]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("it", "Il sindaco Marco Rossi è arrivato in piazza con un lungo elenco di opere concluse. «Abbiamo costruito "
               "più scuole di chiunque altro in questo decennio».", "Marco Rossi"),
        ("fr", "Le maire Marc Roux est arrivé sur la place avec une longue liste de chantiers terminés. « Nous avons "
               "construit plus d'écoles que quiconque en dix ans. »", "Marc Roux"),
        ("en", "Mayor Mark Ross arrived in the square with a long list of finished works. “We have built more schools "
               "than anyone else in this decade.”", "Mark Ross"),
        ("ro", "Primarul Marius Roşu a venit în piaţă cu o listă lungă de lucrări terminate. „Am construit mai multe "
               "şcoli decât oricine altcineva în acest deceniu.”", "Marius Roşu"),
    ],
)
def test_cueless_quotation_goes_to_the_person_the_paragraph_is_about(lang: str, text: str, speaker: str) -> None:
    assert [(q.speaker, q.kind) for q in extract_quotes(text, lang, None)] == [(speaker, "direct")]


def test_cueless_quotation_after_a_sentence_naming_another_speaker_is_not_the_topics() -> None:
    text = ("Mayor Mark Ross arrived in the square with a long list of finished works. According to the teachers' "
            "union leader Ana Pop, the works were “far too late for the children who needed them most.”")
    assert "Mark Ross" not in [q.speaker for q in extract_quotes(text, "en", None)]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("it", "Poi è stata la volta di Donald Trump, giunto a Davos. Il presidente Usa ha detto che il mondo non è "
               "in crisi.", "Donald Trump"),
        ("ro", "Apoi a venit rândul lui Emmanuel Macron, sosit la Davos. Preşedintele Franţei a spus că lumea nu este "
               "în criză.", "Emmanuel Macron"),
    ],
)
def test_a_title_followed_by_a_country_name_is_that_country_s_officeholder(lang: str, text: str, speaker: str) -> None:
    """'il presidente Usa', 'preşedintele Franţei': the country qualifies the title (as 'américain' does), so the
    title points back to the president named before, not to the country."""
    assert [q.speaker for q in extract_quotes(text, lang, None)] == [speaker]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("en", "Emmanuel Macron spoke after Olaf Scholz. The latter said the plan was ready.", "Olaf Scholz"),
        ("fr", "« Nous sommes prêts », a déclaré Emmanuel Macron après avoir reçu Olaf Scholz. Ce dernier a ajouté "
               "que l'accord était proche.", "Olaf Scholz"),
        ("fr", "Marie Curie a reçu Pierre Martin. Cette dernière a affirmé que le projet avancerait.", "Marie Curie"),
        ("it", "«Siamo pronti», ha detto Emmanuel Macron dopo aver ricevuto Olaf Scholz. Quest'ultimo ha aggiunto che "
               "l'accordo è vicino.", "Olaf Scholz"),
        ("ro", "„Suntem pregătiţi”, a declarat Emmanuel Macron după ce l-a primit pe Olaf Scholz. Acesta din urmă a "
               "adăugat că acordul este aproape.", "Olaf Scholz"),
    ],
)
def test_the_latter_is_the_person_named_last_not_the_last_speaker(lang: str, text: str, speaker: str) -> None:
    """'ce dernier', "quest'ultimo", 'acesta din urmă', 'the latter' (data: attribution.toml `latter`): the one named
    last whose gender fits ('cette dernière' skips a man named after her), where a pronoun would take the speaker."""
    assert extract_quotes(text, lang, None)[-1].speaker == speaker
