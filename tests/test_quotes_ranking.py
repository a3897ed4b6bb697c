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
