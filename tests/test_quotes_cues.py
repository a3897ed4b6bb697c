"""Reporting cues by lemma: one data entry matches every tense, person and inverted form of its verb."""

import pytest

from pressdesk.quotes.cues import KINDS, cue_matcher, entries, entry
from pressdesk.quotes.lexicon import attribution_config, lexicon


def only(lang: str, *lemmas: str):
    """A matcher that knows just these lemmas, so each match is owed to that one entry."""
    cfg = attribution_config()[lang]
    return cue_matcher(lang, cfg, [entry(lemma) for lemma in lemmas])


def cues(matcher, text: str) -> list[str]:
    return [m.group() for m in matcher.finditer(text)]


@pytest.mark.parametrize(
    ("lang", "lemma", "text", "found"),
    [
        ("fr", "ajouter", "« Nous partirons demain », a-t-il ajouté.", ["a-t-il ajouté"]),
        ("fr", "ajouter", "« Rien n'est joué », ajoute-t-elle en souriant.", ["ajoute-t-elle"]),
        ("fr", "ajouter", "La directrice a ensuite ajouté que le musée rouvrirait.", ["a ensuite ajouté"]),
        ("fr", "ajouter", "Il ajoutait alors que rien ne pressait.", ["ajoutait"]),
        ("fr", "ajouter", "Le maire ajouta qu'il attendrait.", ["ajouta"]),
        ("fr", "ajouter", "en ajoutant que la route resterait fermée", ["ajoutant"]),
        ("fr", "compléter", "« C'est fini », complète l'entraîneur.", ["complète"]),
        ("fr", "estimer", "a estimé ce dimanche le président", ["a estimé"]),
        ("it", "aggiungere", "L'assessore ha poi aggiunto che i lavori finiranno.", ["ha poi aggiunto"]),
        ("it", "aggiungere", "« Andiamo avanti », aggiunge la sindaca.", ["aggiunge"]),
        ("it", "aggiungere", "Il ministro aggiunse che non c'era fretta.", ["aggiunse"]),
        ("it", "aggiungere", "aggiungendo che la gara era chiusa", ["aggiungendo"]),
        ("it", "dire", "Il presidente ha detto che partirà.", ["ha detto"]),
        ("it", "spiegare", "« Non è finita », spiegano gli allenatori.", ["spiegano"]),
        ("ro", "adăuga", "Primarul a adăugat că lucrările continuă.", ["a adăugat"]),
        ("ro", "adăuga", "„Mergem mai departe”, adaugă ministrul.", ["adaugă"]),
        ("ro", "preciza", "Ea preciză că nu există riscuri.", ["preciză"]),
        ("ro", "preciza", "Directorul a mai precizat că școala rămâne deschisă.", ["a mai precizat"]),
        ("ro", "declara", "„Nu plecăm”, declara, luni, ministrul.", ["declara"]),
        ("ro", "exprima", "Premierul şi-a exprimat speranţa că acordul va fi semnat.", ["a exprimat"]),
        ("en", "add", "The coach added that the team was ready.", ["added"]),
        ("en", "add", "She has also added a warning.", ["has also added"]),
        ("en", "add", "adding that nothing had changed", ["adding"]),
        ("en", "say", "“We will win,” says the captain.", ["says"]),
        ("de", "mitteilen", "Die Polizei teilte am Montag mit, dass die Straße gesperrt bleibe.", ["teilte am Montag mit"]),
        ("de", "mitteilen", "wie der Verband mitteilte", ["mitteilte"]),
        ("de", "sagen", "Der Trainer hat gesagt, dass alles gut sei.", ["hat gesagt"]),
    ],
)
def test_one_lemma_matches_its_inflected_and_inverted_forms(lang, lemma, text, found):
    assert cues(only(lang, lemma), text) == found


@pytest.mark.parametrize(
    ("lang", "lemma", "text"),
    [
        ("fr", "expliquer", "Il est venu pour expliquer la réforme."),  # an infinitive
        ("fr", "préciser", "Le texte précisé plus haut reste valable."),  # a bare participle
        ("fr", "noter", "Il a reçu une note salée."),  # a noun after a determiner
        ("fr", "estimer", "Elle a gagné l'estime de ses pairs."),
        ("it", "dire", "Detto questo, la partita è finita."),
        ("it", "indicare", "Nelle domande sono state indicate le date."),  # a passive
        ("ro", "declara", "Ministrul a refuzat a declara ceva."),
        ("ro", "asigura", "Guvernul s-a angajat să asigure fondurile."),  # a subjunctive
        ("en", "state", "The United States and the Secretary of State met."),
        ("en", "ask", "The minister will ask for more money."),  # a future, no statement
        ("en", "say", "He refused to say more."),
        ("de", "angeben", "Nach Angaben der Polizei ist niemand verletzt."),  # a capitalised noun
    ],
)
def test_forms_that_are_no_statement_are_not_cues(lang, lemma, text):
    assert cues(only(lang, lemma), text) == []


def test_groups_and_tense_tell_auxiliary_participle_from_finite_and_gerund():
    lex = lexicon("fr")
    part = lex.cue.search("Le ministre a précisé que")
    assert (part.group("part"), part.group("fin"), part.tense) == ("précisé", None, "participle")
    fin = lex.cue.search("« Non », précise le ministre.")
    assert (fin.group("part"), fin.group("fin"), fin.tense) == (None, "précise", "finite")
    ger = lex.cue.search("en soulignant que")
    assert (ger.group("fin"), ger.tense) == ("soulignant", "gerund")
    assert lex.verb_kind["soulignant"] == ("gerund", "speech")


def test_regex_like_calls_keep_their_meaning():
    lex = lexicon("en")
    text = "Officials said on Monday that the minister had also warned voters."
    assert [m.group() for m in lex.cue.finditer(text)] == ["said", "had also warned"]
    assert lex.cue.match(text, text.index("said")).group() == "said"
    assert lex.cue.match(text, 0) is None  # 'Officials' is no cue
    assert lex.cue.search(text, text.index("on")).start() == text.index("had")
    assert lex.cue.fullmatch("warned") is not None and lex.cue.fullmatch("warned voters") is None
    assert lex.cue.finditer(text, 0, text.index("said") + 2).__next__ is not None
    assert list(lex.cue.finditer(text, 0, text.index("said") + 2)) == []  # a cut word is no cue


@pytest.mark.parametrize("lang", ["en", "fr", "it", "ro"])
def test_inventory_is_broad_and_kinds_are_known(lang):
    rows = entries(lang)
    assert len({e.words for e in rows}) >= 150
    assert {e.kind for e in rows} <= KINDS
    assert ("speech" in {e.kind for e in rows}) and ("relay" in {e.kind for e in rows})


def test_kind_comes_from_the_entry():
    lex = lexicon("it")
    assert lex.cue.search("« Basta », conclude il presidente.").kind == "aside"
    assert lex.cue.search("riferisce l'agenzia").kind == "relay"
    assert lex.cue.search("Il sindaco ha accusato la giunta").kind == "accuse"


@pytest.mark.parametrize(
    ("lang", "text", "cue"),
    [
        ("en", "Ana Pop made clear that the troops would stay at the border until March.", "made clear"),
        ("it", "Ana Pop ha reso noto che le truppe resteranno al confine fino a marzo.", "ha reso noto"),
        ("ro", "Ana Pop a făcut cunoscut că trupele vor rămâne la graniţă până în martie.", "a făcut cunoscut"),
    ],
)
def test_phrasal_announcements_are_cues(lang, text, cue):
    from pressdesk.quotes import extract_quotes

    assert [(q.speaker, q.cue) for q in extract_quotes(text, lang, None)] == [("Ana Pop", cue)]


def test_cutting_short_is_a_cue_in_italian() -> None:
    from pressdesk.quotes import extract_quotes

    quotes = extract_quotes("«Non abbiamo informazioni», ha tagliato corto Ivan Petrov.", "it", None)
    assert [(q.speaker, q.cue) for q in quotes] == [("Ivan Petrov", "ha tagliato corto")]
