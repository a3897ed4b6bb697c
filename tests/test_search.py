"""Search forgives spelling: gazetteer aliases, accent folding and fuzzy names; results are paged in SQL."""

from __future__ import annotations

import duckdb
import pytest

from pressdesk import citation, search
from pressdesk.store import entity_queries


@pytest.fixture()
def corpus(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("typed,canonical", [
    ("Serghei", "Sergei Lavrov"), ("Zelenskyj", "Volodymyr Zelensky"), ("Lavrof", "Sergei Lavrov"),
    ("sergueï lavrov", "Sergei Lavrov"), ("Rusia", "Russia"),
])
def test_query_names_entities_through_aliases_and_fuzzy_match(typed, canonical):
    assert canonical in [e.canonical for e in search.parse(typed).entities]


def test_plain_words_name_no_entity_and_short_words_match_whole_words():
    assert search.parse("soldiers").entities == ()
    assert search.pattern(("us",)) == r"\b(?:us\b)"
    assert search.pattern(("a.b(c",)) == r"\b(?:a\.b\(c)"


def test_serghei_finds_lavrovs_quotes(corpus):
    found, total = search.quotes(corpus, search.parse("Serghei"))
    lavrov = corpus.execute("SELECT count(*) FROM quotes WHERE speaker = 'Sergei Lavrov'").fetchone()[0]
    assert lavrov > 0 and (found["speaker"] == "Sergei Lavrov").sum() == lavrov and total == len(found)


def test_zelenskyj_finds_articles_with_a_snippet(corpus):
    found, total = search.articles(corpus, search.parse("Zelenskyj"))
    assert total >= 1 and all("Zelensk" in s for s in found["snippet"])


def test_accents_are_folded(corpus):
    with_accent, n1 = search.articles(corpus, search.parse("nord-coréens"))
    without, n2 = search.articles(corpus, search.parse("NORD-COREENS"))
    assert n1 == n2 >= 1 and set(with_accent["article_id"]) == set(without["article_id"])


def test_results_are_paged_with_the_total(corpus):
    everything, total = search.quotes(corpus, search.parse("Russia"), page=0, size=100)
    first, t1 = search.quotes(corpus, search.parse("Russia"), page=0, size=2)
    second, t2 = search.quotes(corpus, search.parse("Russia"), page=1, size=2)
    assert total == t1 == t2 > 4 and len(first) == len(second) == 2
    assert first["quote_id"].tolist() + second["quote_id"].tolist() == everything["quote_id"].tolist()[:4]


def test_nothing_found_and_empty_query(corpus):
    assert search.quotes(corpus, search.parse("xyzzyq"))[1] == 0
    assert search.articles(corpus, search.parse("   "))[1] == 0


def test_cached_translations_are_searched(db_copy):
    con = duckdb.connect(str(db_copy))
    sentence = con.execute("SELECT s.text FROM sentences s JOIN articles a USING (article_id)"
                           " WHERE a.language = 'ro' ORDER BY idx LIMIT 1").fetchone()[0]
    con.execute("INSERT INTO translations VALUES ('h', 'ro', 'en', 'test', ?, 'Quokkas gathered in Bucharest',"
                " current_timestamp)", [sentence])
    found, total = search.translations(con, search.parse("quokkas"))
    con.close()
    assert total == 1 and found["article_id"].iloc[0] is not None


def test_entity_queries(corpus):
    said, total = entity_queries.statements(corpus, "Sergei Lavrov")
    assert total == len(said) > 0 and set(said["speaker"]) == {"Sergei Lavrov"}
    dated = said["said_on"].dropna().tolist()
    assert dated == sorted(dated)
    arts, n = entity_queries.mentioning_articles(corpus, "Sergei Lavrov")
    assert n >= said["article_id"].nunique() and set(said["article_id"]) <= set(arts["article_id"])
    alongside = entity_queries.quoted_alongside(corpus, "Sergei Lavrov")
    assert "Sergei Lavrov" not in set(alongside["name"]) and len(alongside) > 0
    events, n_events = entity_queries.timeline_events(corpus, "North Korea")
    assert n_events > 0 and all("North Korea" in a for a in
                                corpus.execute("SELECT actors FROM events WHERE event_id IN (SELECT unnest(?))",
                                               [events["event_id"].tolist()]).fetchall()[0])
    one = said["article_id"].iloc[0]
    only, n_only = entity_queries.statements(corpus, "Sergei Lavrov", article=one)
    assert set(only["article_id"]) == {one} and n_only <= total


def test_citation_is_plain_and_complete():
    from datetime import date

    text = citation.quote_citation("We <b>will</b> help", "Sergei Lavrov", "TASS", date(2024, 11, 1),
                                   "https://example.org/a")
    assert text == "“We <b>will</b> help” — Sergei Lavrov, TASS, 1 November 2024. https://example.org/a"
    assert citation.quote_citation("x", None, None, None, None) == "“x” — Unnamed speaker."
    assert citation.app_link("entity", entity="A & B", article=None) == "/entity?entity=A%20%26%20B"
