"""Construction classes found on real news (the real-dev set), tested with sentences of each class written
for these tests: gerund cues that open a second statement, descriptive unnamed speakers, capitalised verbs."""

import pytest

from pressdesk.quotes import extract_quotes


@pytest.mark.parametrize(
    "lang, text, speaker, first, second",
    [
        ("en", "Jane Smith said the plan was working, adding that a second phase would start in May.",
         "Jane Smith", "the plan was working", "a second phase would start in May"),
        ("fr", "Jean Dupont a déclaré que le plan fonctionnait, ajoutant qu'une deuxième phase commencerait en mai.",
         "Jean Dupont", "le plan fonctionnait", "une deuxième phase commencerait en mai"),
        ("it", "Mario Rossi ha detto che il piano funziona, aggiungendo che una seconda fase partirà a maggio.",
         "Mario Rossi", "il piano funziona", "una seconda fase partirà a maggio"),
        ("ro", "Ion Popescu a declarat că planul funcţionează, adăugând că a doua etapă va începe în mai.",
         "Ion Popescu", "planul funcţionează", "a doua etapă va începe în mai"),
    ],
)
def test_gerund_with_its_own_clause_is_a_second_statement(lang: str, text: str, speaker: str, first: str,
                                                         second: str) -> None:
    got = extract_quotes(text, lang, None)
    assert [(q.speaker, q.text) for q in got] == [(speaker, first), (speaker, second)]


def test_gerund_after_an_inverted_attribution_stays_one_statement() -> None:
    text = ("“We will keep working with our partners,” added Mr. Tom Baker, while emphasizing that the talks "
            "were far from over.")
    got = extract_quotes(text, "en", None)
    assert [q.cue for q in got] == ["added"]


def test_gerund_without_a_clause_stays_in_the_statement() -> None:
    got = extract_quotes("Jane Smith said the plan was working, emphasizing the role of the volunteers.", "en", None)
    assert len(got) == 1 and got[0].text.endswith("volunteers")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("A London shop owner told the Times that prices could rise soon.", "London shop owner"),
        ("A Paris restaurant manager said that sales had fallen by half.", "Paris restaurant manager"),
        ("A Berlin taxi driver also said that fares would rise.", "Berlin taxi driver"),
    ],
)
def test_place_before_common_nouns_describes_an_unnamed_speaker(text: str, speaker: str) -> None:
    got = extract_quotes(text, "en", None)
    assert [(q.speaker, q.speaker_type) for q in got] == [(speaker, "unnamed")]


def test_a_country_alone_still_speaks_as_a_country() -> None:
    got = extract_quotes("Russia said the talks had stalled.", "en", None)
    assert [(q.speaker, q.speaker_type) for q in got] == [("Russia", "country")]


@pytest.mark.parametrize(
    "lang, text, speaker, content",
    [
        ("it", "Il sindaco Mario Rossi ha riferito di aver parlato con il prefetto.", "Mario Rossi",
         "di aver parlato con il prefetto"),
        ("it", "Mario Rossi ha riferito che la città ha chiesto nuovi fondi.", "Mario Rossi",
         "la città ha chiesto nuovi fondi"),
        ("fr", "Le maire Jean Dupont a rapporté que trois ponts avaient été détruits.", "Jean Dupont",
         "trois ponts avaient été détruits"),
        ("ro", "Primarul Ion Popescu a relatat că inundaţiile au distrus trei poduri.", "Ion Popescu",
         "inundaţiile au distrus trei poduri"),
    ],
)
def test_reporting_verb_with_a_person_as_subject_is_a_statement(lang: str, text: str, speaker: str,
                                                               content: str) -> None:
    got = extract_quotes(text, lang, None)
    assert [(q.speaker, q.text) for q in got] == [(speaker, content)]


def test_outlet_reporting_still_relays() -> None:
    got = extract_quotes("Il sindaco Mario Rossi ha detto che la città è pronta, riferisce l'ANSA.", "it", None)
    assert [(q.speaker, q.via) for q in got] == [("Mario Rossi", "ANSA")]


@pytest.mark.parametrize(
    "lang, text, speaker, aside, quote",
    [
        ("it", "Il sindaco Mario Rossi, riferendo che la giunta è compatta, ha affermato: \"Andremo avanti fino "
               "alla fine del mandato\".", "Mario Rossi", "la giunta è compatta", "Andremo avanti"),
        ("en", "The mayor, John Carter, adding that the council was united, said: \"We will see this through to "
               "the end\".", "John Carter", "the council was united", "We will see this"),
        ("fr", "Le maire Jean Dupont, ajoutant que la mairie était unie, a déclaré : « Nous irons jusqu'au bout de "
               "ce mandat ».", "Jean Dupont", "la mairie était unie", "Nous irons"),
        ("ro", "Primarul Ion Popescu, adăugând că primăria este unită, a declarat: „Vom merge până la capăt cu "
               "acest mandat”.", "Ion Popescu", "primăria este unită", "Vom merge"),
    ],
)
def test_gerund_aside_between_subject_and_verb(lang: str, text: str, speaker: str, aside: str, quote: str) -> None:
    got = extract_quotes(text, lang, None)
    assert [q.speaker for q in got] == [speaker, speaker]
    assert got[0].text == aside and got[1].kind == "direct" and got[1].text.startswith(quote)


@pytest.mark.parametrize(
    "lang, text, speaker, reported, quoted",
    [
        ("it", "La ministra Anna Verdi ha parlato a lungo ai giornalisti. Spiega che i fondi arriveranno a marzo: "
               "\"Con questi soldi apriremo tre nuove scuole. Non sono promesse, sono fatti\".", "Anna Verdi",
         "i fondi arriveranno a marzo", "Con questi soldi apriremo"),
        ("fr", "La ministre Anne Vert a longuement parlé. Elle explique que les fonds arriveront en mars : « Avec "
               "cet argent nous ouvrirons trois écoles ».", "Anne Vert", "les fonds arriveront en mars", "Avec cet"),
        ("ro", "Ministrul Ana Popa a explicat că fondurile vor sosi în martie: „Cu aceşti bani vom deschide trei "
               "şcoli noi”.", "Ana Popa", "fondurile vor sosi în martie", "Cu aceşti bani"),
    ],
)
def test_reported_clause_then_colon_and_quotation_are_two_statements(lang: str, text: str, speaker: str,
                                                                     reported: str, quoted: str) -> None:
    got = extract_quotes(text, lang, None)
    assert [(q.speaker, q.kind) for q in got] == [(speaker, "indirect"), (speaker, "direct")]
    assert got[0].text == reported and got[1].text.startswith(quoted)


@pytest.mark.parametrize(
    "lang, text, speaker",
    [
        ("it", "La ministra Anna Verdi ha parlato a lungo ai giornalisti. Conclude ringraziando i sindaci: \"Senza "
               "di loro non avremmo fatto niente di tutto questo\".", "Anna Verdi"),
        ("ro", "Ministrul Ana Popa a vorbit cu jurnaliştii. Conchide mulţumind primarilor: „Fără ei nu am fi "
               "reuşit nimic din toate acestea”.", "Ana Popa"),
    ],
)
def test_sentence_opening_verb_is_no_name_and_pro_drop_keeps_the_speaker(lang: str, text: str, speaker: str) -> None:
    got = extract_quotes(text, lang, None)
    assert [(q.speaker, q.kind) for q in got] == [(speaker, "direct")]


def test_prepositional_phrase_with_a_relative_is_no_subject() -> None:
    text = "Con la prima che insiste sui pericoli del clima, il dibattito si accende."
    assert all(not q.speaker.startswith("Con ") for q in extract_quotes(text, "it", None))


@pytest.mark.parametrize(
    "lang, text",
    [
        ("it", "Al vertice partecipa anche Lena Holm. \"Abbiamo poco tempo e dobbiamo agire adesso\", dice "
               "l'attivista svedese."),
        ("fr", "Au sommet participe aussi Lena Holm. « Nous avons peu de temps et nous devons agir maintenant », "
               "dit la militante suédoise."),
        ("en", "Lena Holm also attended the summit. \"We have little time and we must act now,\" said the Swedish "
               "activist."),
        ("ro", "La summit participă şi Lena Holm. „Avem puţin timp şi trebuie să acţionăm acum”, a spus activista "
               "suedeză."),
    ],
)
def test_nationality_epithet_points_back_to_the_person_just_named(lang: str, text: str) -> None:
    assert [q.speaker for q in extract_quotes(text, lang, None)] == ["Lena Holm"]


def test_description_with_an_outlet_is_a_new_person() -> None:
    text = ("Al vertice partecipa anche Lena Holm. \"Come gestite le critiche di tutti i giorni?\", chiede il "
            "moderatore giornalista del Time.")
    assert all(q.speaker != "Lena Holm" for q in extract_quotes(text, "it", None))


@pytest.mark.parametrize(
    "lang, text",
    [
        ("it", "Il presidente Usa attacca i \"falsi esperti del clima\" che avvertono che il pianeta è in grave pericolo."),
        ("en", "The US president attacked the \"false climate experts\" who warn that the planet is in grave danger."),
    ],
)
def test_relative_after_a_quoted_phrase_has_no_named_antecedent(lang: str, text: str) -> None:
    assert all(q.speaker_type != "country" and "president" not in q.speaker for q in extract_quotes(text, lang, None))


@pytest.mark.parametrize(
    "lang, text, speaker, start",
    [
        ("it", "Gli agenti hanno indagato per mesi. «Emblematico - ricostruiscono i carabinieri - è stato il caso di "
               "una famiglia di quattro persone che chiedeva il sussidio».", "carabinieri", "è stato il caso"),
        ("fr", "Les agents ont enquêté pendant des mois. « Le cas le plus frappant - racontent les gendarmes - est "
               "celui d'une famille de quatre personnes ».", "gendarmes", "Le cas le plus"),
        ("ro", "Agenţii au investigat luni de zile. „Cel mai grav caz - explică poliţiştii - a fost cel al unei "
               "familii de patru persoane”.", "poliţiştii", "Cel mai grav"),
    ],
)
def test_plural_body_between_dashes_speaks_for_the_split_quotation(lang: str, text: str, speaker: str,
                                                                   start: str) -> None:
    got = extract_quotes(text, lang, None)
    assert got and all(q.speaker == speaker and q.kind == "direct" for q in got)
    assert got[0].text.startswith(start)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("ro", "România a fost reprezentată prin intermediul Poloniei, care asigura preşedinţia rotativă a Uniunii "
               "Europene."),
        ("fr", "La Pologne, qui assure la présidence tournante de l'Union européenne, a organisé la réunion."),
        ("it", "La Polonia, che assicura la presidenza di turno dell'Unione europea, ha organizzato la riunione."),
    ],
)
def test_assure_with_a_noun_object_is_an_action(lang: str, text: str) -> None:
    assert extract_quotes(text, lang, None) == []


@pytest.mark.parametrize(
    "lang, text, speaker",
    [
        ("ro", "Ministrul Ion Popescu a asigurat că pensiile vor fi plătite la timp.", "Ion Popescu"),
        ("fr", "Le ministre Jean Dupont a assuré que les pensions seraient versées à temps.", "Jean Dupont"),
    ],
)
def test_assure_with_a_clause_is_a_statement(lang: str, text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, lang, None)] == [speaker]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("ro", "Washingtonul nu este de acord cu noile taxe, a transmis joi diplomaţia americană."),
        ("fr", "La diplomatie américaine a affirmé que les taxes étaient injustes."),
    ],
)
def test_composed_institution_resolves_to_the_known_body(lang: str, text: str) -> None:
    assert [q.speaker for q in extract_quotes(text, lang, None)] == ["US State Department"]


def test_romanian_preposition_object_is_no_subject_of_a_coordinated_verb() -> None:
    text = ("Washingtonul a stabilit o linie roşie pentru Beijing în privinţa livrării de armament pentru Moscova "
            "şi susţine că nu există dovezi privind astfel de tranzacţii.")
    assert [q.speaker for q in extract_quotes(text, "ro", None)] == ["United States"]


def test_proprement_dit_is_no_cue() -> None:
    assert extract_quotes("Le déménagement proprement dit de l’usine est prévu sur l’année 2027.", "fr", None) == []


@pytest.mark.parametrize(
    "text, kind, start",
    [
        ("Le maire Jean Dupont a dénoncé une décision injuste. Et d'ajouter que la ville ferait appel devant le "
         "tribunal.", "indirect", "la ville ferait appel"),
        ("Le maire Jean Dupont a dit que la décision était injuste. Et de poursuivre : « Nous ferons appel devant "
         "le tribunal administratif ».", "direct", "Nous ferons appel"),
    ],
)
def test_french_narrative_infinitive_continues_the_last_speaker(text: str, kind: str, start: str) -> None:
    got = extract_quotes(text, "fr", None)
    assert got[-1].speaker == "Jean Dupont" and got[-1].kind == kind and got[-1].text.startswith(start)


def test_infinitive_after_a_verb_is_still_no_cue() -> None:
    assert extract_quotes("Le conseil a choisi de poursuivre les travaux du pont.", "fr", None) == []


@pytest.mark.parametrize(
    "lang, text, speaker",
    [
        ("fr", "Que deviendra le site ? « Trop tôt pour le dire », assure la direction de la Banque de France, qui va "
               "reprendre les discussions.", "Banque de France"),
        ("en", "\"It is too early to say what will happen to the site,\" said the management of Deutsche Bank on "
               "Monday.", "Deutsche Bank"),
    ],
)
def test_management_of_a_body_speaks_for_the_body(lang: str, text: str, speaker: str) -> None:
    got = extract_quotes(text, lang, None)
    assert [(q.speaker, q.speaker_type) for q in got] == [(speaker, "organisation")]


def test_national_authorities_are_not_the_last_body_quoted() -> None:
    text = ("Le parquet de Paris a indiqué que deux hommes avaient été arrêtés. Les autorités françaises ont "
            "également fait savoir qu'elles avaient détecté une campagne massive de désinformation.")
    assert [q.speaker for q in extract_quotes(text, "fr", None)] == ["parquet de Paris", "autorités françaises"]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Les autorités ont détecté une \"propagation massive et coordonnée\" de contenus accusant la police "
               "française de tirer sur des manifestants."),
        ("en", "Officials detected a \"massive and coordinated spread of posts\" accusing the French police of firing "
               "on protesters."),
    ],
)
def test_gerund_after_a_quoted_phrase_takes_its_object_as_no_speaker(lang: str, text: str) -> None:
    assert all("police" not in q.speaker for q in extract_quotes(text, lang, None))


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Prime Minister John Carter spoke at the forum on Monday."),
        ("it", "Il premier Mario Rossi ha parlato al forum di Davos."),
        ("ro", "Premierul Ion Popescu a vorbit la forumul de la Davos."),
    ],
)
def test_speaking_somewhere_is_no_statement(lang: str, text: str) -> None:
    assert extract_quotes(text, lang, None) == []


def test_speaking_of_quoted_words_is_a_mixed_statement() -> None:
    got = extract_quotes("Prime Minister John Carter spoke of \"a new era for the whole of our country\".", "en", None)
    assert [(q.speaker, q.kind) for q in got] == [("John Carter", "mixed")]


def test_impersonal_passive_names_no_speaker() -> None:
    text = ("Bookings rose sharply this week, the Health Ministry said. The rise comes after it was announced that "
            "people in their 30s can now book their jabs.")
    assert [q.cue for q in extract_quotes(text, "en", None)] == ["said"]


def test_progressive_is_still_a_cue() -> None:
    got = extract_quotes("The minister is warning that the winter will be hard for everyone.", "en", None)
    assert [q.cue for q in got] == ["warning"]


def test_subject_phrase_never_ends_on_a_preposition() -> None:
    got = extract_quotes("He is said to have told aides that the plan would fail.", "en", None)
    assert all(not q.speaker.endswith(" to") for q in got)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("en", "In a statement, the Ukrainian defence ministry said 3,000 troops had arrived.",
         "Ukrainian Ministry of Defense"),
        ("en", "On Monday, the regional authorities said 3,000 troops had arrived.", "regional authorities"),
        ("fr", "Lundi, les autorités ukrainiennes ont déclaré que 3 000 soldats étaient arrivés.", "autorités ukrainiennes"),
        ("it", "In una nota, le autorità ucraine hanno spiegato che 3.000 soldati sono arrivati.",
         "autorità ucraine"),
        ("ro", "Într-un comunicat, autorităţile ucrainene au precizat că 3.000 de soldaţi au sosit.",
         "autorităţile ucrainene"),
    ],
)
def test_a_described_subject_after_a_lead_in_phrase_is_the_speaker(lang: str, text: str, speaker: str) -> None:
    """'In a statement,' / 'On Monday,' / 'Lundi,' open the sentence before the subject: they are not its speaker,
    and the described subject after their comma is."""
    assert [q.speaker for q in extract_quotes(text, lang, None)] == [speaker]


def test_a_preposition_and_a_weekday_are_no_person() -> None:
    """'On Monday' opening a sentence was read as a person's name and taken as the speaker."""
    text = "On Monday, the mayor's office said the bridge would reopen in two weeks."
    assert [q.speaker for q in extract_quotes(text, "en", None)] != ["On Monday"]
    from pressdesk.entities import find_entities
    from pressdesk.quotes.lexicon import lexicon
    from pressdesk.quotes.mentions import find_mentions

    assert not [m for m in find_mentions(text, lexicon("en"), find_entities(text, "en")) if m.surface == "On Monday"]


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("it", "Interpellato sulla presenza di soldati stranieri, Ivan Petrov ha risposto di non avere informazioni.",
         "di non avere informazioni"),
        ("fr", "Interrogé sur la présence de soldats étrangers, Ivan Petrov a répondu ne pas avoir d'informations.",
         "ne pas avoir d'informations"),
    ],
)
def test_a_lead_in_before_subject_and_cue_is_not_the_statement(lang: str, text: str, said: str) -> None:
    """'Asked about X, Y replied to have none': the infinitive after the cue is what was said, not the lead-in."""
    assert [(q.speaker, q.text) for q in extract_quotes(text, lang, None)] == [("Ivan Petrov", said)]


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("en", "The ministry condemned the \"provocation\".", 'condemned the "provocation"'),
        ("fr", "Le ministère a dénoncé une « provocation ».", "dénoncé une « provocation »"),
        ("it", "Il ministero ha denunciato una «provocazione».", "denunciato una «provocazione»"),
        ("ro", "Ministerul a denunţat o „provocare”.", "denunţat o „provocare”"),
    ],
)
def test_one_quoted_word_after_an_accusing_verb_is_a_mixed_statement(lang: str, text: str, said: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [(q.kind, q.text) for q in quotes] == [("mixed", said)]
    assert not extract_quotes(text.replace("«", "").replace("»", "").replace("„", "").replace("”", "")
                              .replace('"', ""), lang, None)  # without the marks it is an act: no statement


@pytest.mark.parametrize(("text", "speaker"), [
    ("Potrivit Moscovei, 3.000 de soldaţi sunt deja la faţa locului.", "Russia"),
    ("Potrivit Kievului, 3.000 de soldaţi sunt deja la faţa locului.", "Ukraine"),
    ("Kievul a anunţat că 3.000 de soldaţi sunt deja la faţa locului.", "Ukraine"),
])
def test_romanian_inflected_capitals_stand_for_their_country(text: str, speaker: str) -> None:
    """The genitive and articled forms of a capital ('Moscovei', 'Kievul') are the gazetteer's aliases."""
    assert [q.speaker for q in extract_quotes(text, "ro", None)] == [speaker]


def test_per_and_a_name_right_before_a_quotation_attribute_it() -> None:
    """'Per il ministro X «…»': no comma, the quotation right after the name ('per' otherwise needs its comma)."""
    quotes = extract_quotes("Per il ministro Ivan Petrov «la presenza di truppe straniere è un fatto gravissimo».",
                            "it", None)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ivan Petrov", "mixed")]
    assert quotes[0].text.strip("«»").startswith("la presenza")


def test_a_colon_after_the_speaker_and_an_aside_opens_the_quotation() -> None:
    text = "Lo ha dichiarato il ministro Ivan Petrov, a margine di un incontro a Roma: «La situazione è grave»."
    assert [(q.speaker, q.kind, q.text) for q in extract_quotes(text, "it", None)] == [
        ("Ivan Petrov", "direct", "La situazione è grave")]


def test_a_place_after_a_preposition_is_not_an_inverted_speaker() -> None:
    """'said, speaking in Brussels: "…"': Brussels (which may stand for the Commission) is where, not who."""
    text = "Ivan Petrov said, speaking in Brussels on Monday: \"The situation is very serious.\""
    assert {q.speaker for q in extract_quotes(text, "en", None)} == {"Ivan Petrov"}


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "cue"),
    [
        ("en", "\"They are being trained in the east,\" the official, who asked not to be named, told AFP.",
         "official", "told"),
        ("en", "\"They are being trained in the east,\" the official, who spoke on condition of anonymity, said.",
         "official", "said"),
        ("fr", "« Ils sont déjà là », le responsable, qui a requis l'anonymat, a assuré à l'AFP.", "responsable",
         "a assuré"),
        ("it", "«Sono già lì», il funzionario, che ha chiesto l'anonimato, ha detto all'ANSA.", "funzionario",
         "ha detto"),
        ("ro", "„Sunt deja acolo”, oficialul, care a cerut anonimatul, a declarat pentru AFP.", "oficialul",
         "a declarat"),
    ],
)
def test_a_relative_aside_between_quotation_and_cue_describes_the_speaker(lang: str, text: str, speaker: str,
                                                                          cue: str) -> None:
    """'"…," the official, who asked not to be named, told AFP': the aside's verb is neither the cue nor a
    statement of its own, and its 'che/that' opens no clause."""
    quotes = extract_quotes(text, lang, None)
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [("direct", speaker, cue)]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("it", "Ivan Petrov: «L'Italia non invierà soldati».", "Ivan Petrov"),
        ("ro", "Ivan Petrov: „România nu va trimite soldaţi”.", "Ivan Petrov"),
        ("fr", "Ivan Petrov : « La France n'enverra pas de soldats ».", "Ivan Petrov"),
        ("en", "Ivan Petrov: \"France will not send troops.\"", "Ivan Petrov"),
    ],
)
def test_a_name_a_colon_and_a_short_quotation_is_a_statement(lang: str, text: str, speaker: str) -> None:
    """The headline and lead form 'X: «…»' labels the quotation as X's speech, however short."""
    assert [(q.speaker, q.kind) for q in extract_quotes(text, lang, None)] == [(speaker, "direct")]


def test_a_title_a_colon_and_a_quotation_stay_no_statement() -> None:
    assert extract_quotes("Photo: \"The bridge at dawn\".", "en", None) == []


def test_an_infinitive_with_a_glued_pronoun_is_no_cue() -> None:
    """'Ad annunciarlo è stato X' (it was X who announced it): 'Ad' was taken as the speaker of 'annunciarlo'."""
    assert extract_quotes("Ad annunciarlo è stato il ministro degli Esteri, Ivan Petrov.", "it", None) == []


def test_a_relay_clause_before_citing_is_not_part_of_the_statement() -> None:
    """'A, ha riferito l'agenzia Yonhap, citando fonti di governo': the statement is A, relayed by the agency."""
    text = "I soldati sono già in Russia, ha riferito l'agenzia Yonhap, citando fonti di governo."
    quotes = extract_quotes(text, "it", None)
    assert [(q.text, q.via) for q in quotes] == [("I soldati sono già in Russia", "Yonhap")]
    assert extract_quotes("Lo ha riferito l'agenzia Yonhap, citando fonti di governo.", "it", None) == []


@pytest.mark.parametrize(
    ("lang", "text", "kind", "said"),
    [
        ("en", "Ivan Petrov, asked about the reports, said: \"I have nothing to add.\"", "direct",
         "I have nothing to add."),
        ("en", "Ivan Petrov, asked about the reports, said he had nothing to add.", "indirect", "he had nothing to add"),
    ],
)
def test_an_asked_aside_after_the_subject_is_no_statement(lang: str, text: str, kind: str, said: str) -> None:
    """'X, asked about the reports, said': the aside tells what X was asked; the statement is the cue's."""
    assert [(q.speaker, q.kind, q.cue, q.text) for q in extract_quotes(text, lang, None)] == [
        ("Ivan Petrov", kind, "said", said)]


@pytest.mark.parametrize("text", [
    "According to a senior Ukrainian official, the troops are in Kursk.",
    "According to a senior official who spoke on condition of anonymity, the troops are in Kursk.",
    "According to an official, the troops are in Kursk.",
])
def test_according_to_an_indefinite_description_attributes_the_statement(text: str) -> None:
    """'According to a senior official': the indefinite article no longer hides the unnamed source."""
    quotes = extract_quotes(text, "en", None)
    assert [(q.speaker_type, q.text) for q in quotes] == [("unnamed", "the troops are in Kursk")]
    assert "official" in quotes[0].speaker


@pytest.mark.parametrize(
    ("lang", "text", "said"),
    [
        ("fr", "« C'est inacceptable », s'est indigné le ministre.", "C'est inacceptable"),
        ("en", "\"Totally unacceptable,\" the minister said.", "Totally unacceptable"),
        ("it", "«Totalmente inaccettabile», ha detto il ministro.", "Totalmente inaccettabile"),
    ],
)
def test_a_two_word_reaction_opening_its_sentence_before_its_cue_is_said(lang: str, text: str, said: str) -> None:
    assert [(q.kind, q.text) for q in extract_quotes(text, lang, None)] == [("direct", said)]


def test_two_quoted_words_inside_a_sentence_stay_a_phrase() -> None:
    assert extract_quotes("\"Peace plan\", the document, was rejected.", "en", None) == []


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("fr", "Emmanuel Macron était à Bruxelles. Le chef de l'Etat a affirmé que la France était prête.",
     "Emmanuel Macron"),
    ("it", "Sergio Mattarella era a Roma. Il capo dello Stato ha detto che l'Italia resta unita.", "Sergio Mattarella"),
])
def test_the_head_of_state_points_back_to_the_president(lang: str, text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, lang, None)] == [speaker]


@pytest.mark.parametrize(
    ("lang", "text", "cue"),
    [
        ("en", "\"There are no foreign soldiers here,\" Ivan Petrov said, calling the reports \"a hoax\".", "calling"),
        ("fr", "« Il n'y a pas de soldats étrangers ici », a affirmé Ivan Petrov, qualifiant ces informations de "
               "« canular ».", "qualifiant"),
        ("it", "«Non ci sono soldati stranieri qui», ha ribadito Ivan Petrov, definendo le notizie «una bufala».",
         "definendo"),
        ("ro", "„Nu există soldaţi străini aici”, a declarat Ivan Petrov, numind informaţiile „o farsă”.", "numind"),
    ],
)
def test_a_gerund_that_characterises_in_quoted_words_is_a_second_statement(lang: str, text: str, cue: str) -> None:
    """'X said A, calling the reports "a hoax"': the quoted words are X's too (a gerund without them stays one)."""
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.kind) for q in quotes] == [("Ivan Petrov", "direct"), ("Ivan Petrov", "mixed")]
    assert quotes[1].cue == cue


def test_defining_without_quoted_words_is_no_statement() -> None:
    assert extract_quotes("Il governo ha definito le regole per il nuovo anno.", "it", None) == []


def test_a_lead_in_before_the_speaker_and_a_clause_after_the_cue() -> None:
    """'In an interview on October 30, X said the troops were in Kursk': the clause after 'said' is the statement
    (dated by the lead-in), not the lead-in before the comma; 'the' opening it is no filler of a tail."""
    from datetime import date

    quotes = extract_quotes("In an interview on October 30, Ivan Petrov said the troops were in Kursk.", "en",
                            date(2024, 11, 6))
    assert [(q.text, q.said_on) for q in quotes] == [("the troops were in Kursk", date(2024, 10, 30))]


@pytest.mark.parametrize("text", [
    "The troops are in Kursk, Ivan Petrov said later on Monday.",
    "The troops are in Kursk, Ivan Petrov said in a statement.",
])
def test_a_tail_of_fillers_and_a_date_keeps_the_statement_before(text: str) -> None:
    assert [q.text for q in extract_quotes(text, "en", None)] == ["The troops are in Kursk"]


@pytest.mark.parametrize(
    ("lang", "text", "cue", "said"),
    [
        ("ro", "Întrebat dacă va demisiona, premierul a răspuns: „Nu”.", "a răspuns", "Nu"),
        ("en", "Asked whether he would resign, the prime minister said: \"No.\"", "said", "No."),
        ("fr", "Interrogé sur sa démission, le Premier ministre a répondu : « Non ».", "a répondu", "Non"),
        ("it", "Interpellato sulle dimissioni, il premier ha risposto: «No».", "ha risposto", "No"),
    ],
)
def test_the_question_a_speaker_was_asked_is_not_their_statement(lang: str, text: str, cue: str, said: str) -> None:
    """'Asked whether …, X said: "No."': the lead-in is the question (question_lead_ins in attribution.toml), and a
    one-word quotation after the cue's colon, ending the sentence, is the answer."""
    assert [(q.kind, q.cue, q.text) for q in extract_quotes(text, lang, None)] == [("direct", cue, said)]
