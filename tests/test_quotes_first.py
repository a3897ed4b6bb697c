"""Quote-first stage: speech-shaped quotations with no cue are statements, speakers ranked over the discourse."""

from pressdesk.quotes import extract_quotes
from pressdesk.quotes.quote_first import speech_shaped


def test_scare_quotes_and_titles_are_not_speech() -> None:
    text = 'The minister called the plan a "historic mistake" and praised "Les Misérables" again.'
    qs = text.index('"historic')
    assert not speech_shaped(text, qs, text.index('"', qs + 1) + 1, 0)


def test_quote_opening_its_paragraph_is_speech() -> None:
    text = "« Nous ne céderons rien sur les salaires et nous le dirons demain. »"
    assert speech_shaped(text, 0, len(text), 0)


def test_uncued_quotation_continues_the_paragraph_speaker_it() -> None:
    text = (
        "Il sindaco Marco Bellini ha spiegato ai giornalisti che il cantiere riaprirà a giugno.\n"
        "\"Abbiamo lavorato per mesi con la regione e con i tecnici del comune.\"\n"
    )
    quotes = extract_quotes(text, "it", None)
    uncued = [q for q in quotes if q.text.startswith("Abbiamo")]
    assert len(uncued) == 1
    assert uncued[0].speaker == "Marco Bellini" and uncued[0].kind == "direct"


def test_uncued_quotation_after_a_caption_colon_ro() -> None:
    text = (
        "Ministrul Ion Popescu a vorbit despre buget.\n"
        "Ion Popescu: „Nu vom creşte taxele anul acesta, oricât ar insista opoziţia.”\n"
    )
    quotes = extract_quotes(text, "ro", None)
    hit = [q for q in quotes if q.text.startswith("Nu vom")]
    assert hit and hit[0].speaker == "Ion Popescu"


def test_uncued_quotation_far_from_any_speaker_is_not_attributed() -> None:
    text = (
        "Le maire Jean Dupont a annoncé la fermeture du pont.\n"
        "La circulation reprendra lundi.\n"
        "Les travaux dureront trois mois.\n"
        "« Une affiche posée sur la porte dit que tout sera réglé bientôt. »\n"
    )
    assert not [q for q in extract_quotes(text, "fr", None) if q.text.startswith("Une affiche")]


def test_transcript_caption_in_capitals_names_the_speaker() -> None:
    text = (
        "Oficialii au fost întrebaţi despre negocieri.\n"
        "MARIA IONESCU, purtătoare de cuvânt a ministerului:\"Nu putem accepta aceste condiţii în forma actuală.\"\n"
    )
    hit = [q for q in extract_quotes(text, "ro", None) if q.text.startswith("Nu putem")]
    assert hit and hit[0].speaker == "Maria Ionescu"


def test_party_acronym_before_a_name_is_not_part_of_it() -> None:
    text = "Deputatul PNL Ion Vasilache a declarat că bugetul trebuie refăcut până în martie."
    quotes = extract_quotes(text, "ro", None)
    assert quotes and quotes[0].speaker == "Ion Vasilache"


def test_inverted_cue_with_lowercase_role_and_full_name_ro() -> None:
    text = "\"Vom vota împotriva acestui proiect de lege în forma actuală\", spune senatorul Mihai Dobre."
    quotes = extract_quotes(text, "ro", None)
    assert quotes and quotes[0].speaker == "Mihai Dobre"
