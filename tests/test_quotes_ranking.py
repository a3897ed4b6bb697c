"""Speaker classes seen on real news: dash asides, asides ending their sentence, definite titles pointing back."""

from pressdesk.quotes import extract_quotes


def _by_start(quotes, prefix):  # noqa: ANN001, ANN202
    return [q for q in quotes if q.text.startswith(prefix)]


def test_attribution_between_dashes_splits_the_quotation_it() -> None:
    text = (
        "Il sindaco di Lucca, Marco Bellini, ha visitato il cantiere.\n"
        '"Bisogna fare presto - ha affermato il sindaco - perché le famiglie aspettano da troppo tempo una casa."\n'
    )
    quotes = extract_quotes(text, "it", None)
    after = [q for q in quotes if "le famiglie aspettano" in q.text]
    assert after and after[0].speaker == "Marco Bellini" and after[0].kind == "direct"
    assert not any("ha affermato" in q.text for q in quotes)  # the aside is no part of the words


def test_short_opening_before_a_dash_aside_yields_the_words_after_it() -> None:
    text = (
        "Il sindaco di Lucca, Marco Bellini, ha visitato il cantiere.\n"
        '"Basta - ha detto il sindaco - ora servono fatti concreti e risorse per tutti i quartieri."\n'
    )
    quotes = extract_quotes(text, "it", None)
    assert [q.text for q in quotes if q.speaker == "Marco Bellini"] == [
        "ora servono fatti concreti e risorse per tutti i quartieri."]


def test_aside_ending_its_sentence_keeps_the_role_out_of_the_quote_fr() -> None:
    text = (
        "« Nous allons ouvrir deux ateliers neufs cette année, explique Paul Girard, directeur général de la "
        "papeterie de Thiers. Les salariés seront tous formés avant la rentrée. »\n"
    )
    quotes = extract_quotes(text, "fr", None)
    second = _by_start(quotes, "Les salariés")
    assert second and second[0].speaker == "Paul Girard"
    assert not any(q.text.startswith("directeur") for q in quotes)


def test_definite_title_points_back_to_the_person_with_that_title_fr() -> None:
    text = (
        "« Nous allons ouvrir deux ateliers neufs cette année, explique Paul Girard, directeur général de la "
        "papeterie de Thiers. Les salariés seront tous formés. »\n"
        "« Aucun poste ne sera supprimé pendant les travaux », souligne le directeur de la papeterie.\n"
    )
    quotes = extract_quotes(text, "fr", None)
    hit = _by_start(quotes, "Aucun poste")
    assert hit and hit[0].speaker == "Paul Girard"


def test_definite_title_of_another_office_is_not_the_last_speaker() -> None:
    text = (
        "« Le budget sera voté en juin », a déclaré le maire de Thiers, Paul Girard.\n"
        "« Nous refusons ce calendrier », a répondu le président de l'association.\n"
    )
    quotes = extract_quotes(text, "fr", None)
    hit = _by_start(quotes, "Nous refusons")
    assert hit and hit[0].speaker != "Paul Girard"


def test_inverted_subject_after_a_time_phrase_and_a_long_title_fr() -> None:
    text = ("Le budget de la ville doit être revu avant l'été, a estimé ce lundi 3 juin le président Les Verts "
            "de la région Pays-de-la-Loire Paul Girard.\n")
    quotes = extract_quotes(text, "fr", None)
    assert [(q.speaker, q.kind) for q in quotes if q.text.startswith("Le budget")] == [("Paul Girard", "indirect")]


def test_a_place_inside_the_content_is_no_inverted_subject_fr() -> None:
    text = "La France doit quitter ce sommet sans attendre, a estimé ce lundi 3 juin le maire Paul Girard.\n"
    quotes = extract_quotes(text, "fr", None)
    assert [q.speaker for q in quotes] == ["Paul Girard"]


def test_outlet_glued_before_a_known_name_is_no_part_of_it_fr() -> None:
    text = (
        "Le maire Paul Girard a visité le chantier lundi.\n"
        "\"Nous tiendrons le calendrier des travaux jusqu'au bout\", a déclaré sur Radio Nord Paul Girard, candidat.\n"
    )
    quotes = extract_quotes(text, "fr", None)
    hit = _by_start(quotes, "Nous tiendrons")
    assert hit and hit[0].speaker == "Paul Girard"


def test_compound_common_noun_is_no_part_of_a_name_fr() -> None:
    text = ("Le ministre des Outre-mer Paul Girard a accusé jeudi le voisin d'ingérence dans les élections "
            "locales.\n")
    quotes = extract_quotes(text, "fr", None)
    assert quotes and quotes[0].speaker == "Paul Girard"


def test_anonymous_sources_after_an_inverted_cue_ro() -> None:
    text = ("Guvernul va organiza joi o nouă reuniune despre buget, au declarat marţi surse guvernamentale "
            "citate de Reuters.\n")
    quotes = extract_quotes(text, "ro", None)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.speaker, q.speaker_type, q.via) == ("surse guvernamentale", "unnamed", "Reuters")
    assert q.text.startswith("Guvernul va organiza")


def test_acronym_defines_an_organisation_and_names_its_later_mentions_fr() -> None:
    text = (
        "Le Comité de défense des usagers du rail (CDUR) a publié un texte lundi.\n"
        "Pour le CDUR, « ces fermetures de lignes vont isoler des villages entiers pendant des années ».\n"
    )
    quotes = extract_quotes(text, "fr", None)
    hit = [q for q in quotes if "isoler des villages" in q.text]
    assert hit and hit[0].speaker == "Comité de défense des usagers du rail"
    assert hit[0].speaker_type == "organisation"


def test_the_document_stands_for_the_body_quoted_so_far_fr() -> None:
    text = (
        "Le Comité de défense des usagers du rail (CDUR) a dénoncé lundi la fermeture de trois lignes.\n"
        "« Les habitants paieront le prix de ces choix comptables faits loin du terrain », poursuit le document.\n"
    )
    quotes = extract_quotes(text, "fr", None)
    hit = [q for q in quotes if q.text.startswith("Les habitants")]
    assert hit and hit[0].speaker == "Comité de défense des usagers du rail"


def test_a_body_noun_with_no_body_quoted_yet_keeps_its_description_fr() -> None:
    text = ("Le pays vit sous un régime militaire depuis un an.\n"
            "« Nous ne reculerons pas devant les pressions venues de l'étranger », affirme la junte dans un texte.\n")
    quotes = extract_quotes(text, "fr", None)
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("junte", "organisation")]


def test_given_name_alone_points_back_to_the_person_it() -> None:
    text = (
        "Al dibattito partecipa anche Marta Colombo, studentessa di Torino.\n"
        "Marta invece spiega che il tempo per agire sul clima è ormai molto poco.\n"
    )
    quotes = extract_quotes(text, "it", None)
    assert quotes and quotes[0].speaker == "Marta Colombo"


def test_family_name_with_its_particle_points_back_to_the_person_it() -> None:
    text = (
        "Il sindaco di Bari, Paolo de Santis, ha visitato il quartiere.\n"
        "Poco dopo, de Santis ha spiegato che il comune assumerà altri dieci vigili urbani entro marzo.\n"
    )
    quotes = extract_quotes(text, "it", None)
    hit = [q for q in quotes if "vigili urbani" in q.text]
    assert hit and hit[0].speaker == "Paolo de Santis"


def test_subject_with_a_relative_clause_before_the_cue_en() -> None:
    text = ("Talks went on all night.\n"
            "The mediator, who spoke on condition of anonymity to discuss the talks, said Lima is working to end "
            "the strike.\n")
    quotes = extract_quotes(text, "en", None)
    assert [(q.speaker, q.text) for q in quotes] == [("mediator", "Lima is working to end the strike")]
    assert quotes[0].speaker_type == "unnamed"


def test_a_body_named_inside_the_relative_clause_is_not_the_speaker_en() -> None:
    text = ("Cases rose again.\n"
            "Prof Jane Holt, who sits on the government's Vaccine Advisory Board, told reporters people should stay calm.\n"
            "\"We are far better prepared than last winter,\" she said.\n")
    quotes = extract_quotes(text, "en", None)
    assert {q.speaker for q in quotes} == {"Jane Holt"}
    assert len(quotes) == 2


def test_that_after_a_finite_verb_is_no_complementizer_en() -> None:
    text = ("Talks went on all night.\n"
            "The minister said the reform would require a referendum that would divide the country.\n")
    quotes = extract_quotes(text, "en", None)
    assert [q.text for q in quotes] == ["the reform would require a referendum that would divide the country"]


def test_the_official_continues_the_described_speaker_en() -> None:
    text = ("Talks went on all night.\n"
            "A Peruvian diplomat said the plan would fail. Peru has threatened to suspend trade in several "
            "fields, the official said, without elaborating.\n")
    quotes = extract_quotes(text, "en", None)
    hit = [q for q in quotes if "suspend trade" in q.text]
    assert hit and hit[0].speaker == "Peruvian diplomat" and hit[0].speaker_type == "unnamed"


def test_organisation_name_with_for_the_en() -> None:
    text = ("Fighting continued.\n"
            "The Institute for the Study of Ports estimated that traffic fell by a third in January.\n")
    quotes = extract_quotes(text, "en", None)
    assert [q.speaker for q in quotes] == ["Institute for the Study of Ports"]


def test_attribution_set_between_commas_inside_its_sentence_it() -> None:
    text = ("Controlli a tappeto in provincia.\n"
            "Il danno per le casse pubbliche, spiega la nota, è di circa due milioni di euro.\n")
    quotes = extract_quotes(text, "it", None)
    assert len(quotes) == 1 and quotes[0].speaker == "nota"
    assert quotes[0].text.endswith("è di circa due milioni di euro")


def test_a_sentence_opening_on_cosi_names_the_speaker_of_the_quote_before_it() -> None:
    text = ("Spari in centro.\n"
            "\"Serve una risposta forte dello Stato. Non possiamo accettarlo\". Così il sindaco di Lucca, Marco "
            "Bellini, torna a commentare gli spari.\n")
    quotes = extract_quotes(text, "it", None)
    assert [(q.speaker, q.kind) for q in quotes if q.text.startswith("Serve")] == [("Marco Bellini", "direct")]


def test_quote_opening_a_paragraph_without_a_pointing_word_stays_unattributed_it() -> None:
    text = ("Spari in centro.\n"
            "\"Serve una risposta forte dello Stato. Non possiamo accettarlo\". Il sindaco di Lucca, Marco "
            "Bellini, ha visitato il quartiere.\n")
    quotes = extract_quotes(text, "it", None)
    assert not [q for q in quotes if q.text.startswith("Serve")]


def test_genitive_title_after_according_to_points_back_ro() -> None:
    text = ("Senatorul Ion Pop a criticat guvernul.\n"
            "Conform parlamentarului, aceste măsuri vor lovi în firmele mici din toată ţara.\n")
    quotes = extract_quotes(text, "ro", None)
    hit = [q for q in quotes if "firmele mici" in q.text]
    assert hit and hit[0].speaker == "Ion Pop"


def test_a_group_description_is_never_one_named_person_fr() -> None:
    text = ("« Nous ouvrirons en juin », explique Paul Girard, directeur de la papeterie.\n"
            "Le vieux site n'était plus adapté à une industrie moderne, ont estimé les dirigeants de la banque, "
            "qui ont aussi fixé des objectifs.\n")
    quotes = extract_quotes(text, "fr", None)
    hit = [q for q in quotes if q.text.startswith("Le vieux site")]
    assert [(q.speaker, q.speaker_type, q.text) for q in hit] == [
        ("dirigeants de la banque", "unnamed", "Le vieux site n'était plus adapté à une industrie moderne")]


def test_verbs_after_according_to_x_belong_to_x_statement_ro() -> None:
    text = ("Tensiuni comerciale.\n"
            "Potrivit Ministerului Economiei, deşi nu vinde arme Rusiei, China susţine indirect industria de apărare a acesteia.\n")
    quotes = extract_quotes(text, "ro", None)
    assert len(quotes) == 1 and quotes[0].speaker_type == "organisation"
    assert "Economiei" in quotes[0].speaker_surface or "Econom" in (quotes[0].speaker or "")


def test_citing_x_leaves_the_subject_as_speaker_ro() -> None:
    text = ("Tensiuni comerciale.\n"
            "Citând surse oficiale, ministrul Ion Pop a declarat joi că exporturile au scăzut cu o treime.\n")
    quotes = extract_quotes(text, "ro", None)
    assert [q.speaker for q in quotes] == ["Ion Pop"]
