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
