"""A second cue coordinated with the first shares its subject: two statements of one speaker."""

import pytest

from pressdesk.quotes import extract_quotes


@pytest.mark.parametrize(
    ("lang", "text", "first", "second"),
    [
        ("en", "Mayor Ana Pop said on Friday that the bridge would cost more than planned - but insisted the works "
               "would start in May.", "the bridge would cost more than planned", "the works would start in May"),
        ("fr", "La maire Ana Pop a déclaré vendredi que le pont coûterait plus cher que prévu, mais a assuré que les "
               "travaux commenceraient en mai.", "le pont coûterait plus cher que prévu",
         "les travaux commenceraient en mai"),
        ("it", "La sindaca Ana Pop ha detto venerdì che il ponte costerà più del previsto, ma ha assicurato che i "
               "lavori partiranno a maggio.", "il ponte costerà più del previsto", "i lavori partiranno a maggio"),
        ("ro", "Primarul Ana Pop a declarat vineri că podul va costa mai mult decât era prevăzut, dar a asigurat că "
               "lucrările vor începe în mai.", "podul va costa mai mult decât era prevăzut",
         "lucrările vor începe în mai"),
    ],
)
def test_coordinated_cue_opens_a_second_statement_of_the_same_speaker(lang: str, text: str, first: str,
                                                                       second: str) -> None:
    quotes = extract_quotes(text, lang, None)
    assert [(q.speaker, q.text) for q in quotes] == [("Ana Pop", first), ("Ana Pop", second)]


def test_coordinated_cue_before_a_quoted_fragment_en() -> None:
    text = ("Mayor Ana Pop visited the site on Monday. She said she did not think the bridge could have been saved "
            "by acting sooner, but said \"we could have done a great deal more\".")
    quotes = extract_quotes(text, "en", None)
    assert [q.speaker for q in quotes] == ["Ana Pop", "Ana Pop"]
    assert "done a great deal more" in quotes[-1].text and "saved" not in quotes[-1].text


def test_a_new_subject_after_the_coordinator_is_not_the_same_speaker() -> None:
    text = "Mayor Ana Pop said that the bridge would cost more, but the minister Ion Vlad said the state would pay."
    quotes = extract_quotes(text, "en", None)
    assert [q.speaker for q in quotes][-1] != "Ana Pop"
