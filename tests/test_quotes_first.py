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
