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
