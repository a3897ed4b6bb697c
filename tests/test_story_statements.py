"""One statement reported in several languages and outlets is one group, with the reason said; other speakers, far
dates and unrelated words stay apart. Grouping runs in the extraction step and is stored."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pressdesk import store
from pressdesk.ingest import ingest_upload
from pressdesk.story.evidence import numbers_in
from pressdesk.story.statements import Report, group_reports, link_reason

IT = ("Sono stati stabiliti contatti molto stretti tra i servizi militari e di sicurezza dei due paesi. Ciò rende "
      "possibile risolvere questioni importanti per la sicurezza dei nostri e dei vostri cittadini")
RO = ("Au fost stabilite contacte foarte strânse între armatele şi serviciile de securitate dintre cele două ţări. "
      "Aceasta permite rezolvarea unor probleme importante pentru securitatea cetăţenilor ambelor ţări")
OTHER_RO = "Nu am văzut încă aceste trupe desfăşurate în luptă împotriva forţelor ucrainene"


def _report(qid, text, lang, day=None, speaker="Sergei Lavrov", article=None, pivot=None, pivot_lang=None):
    return Report(qid, article or f"art-{qid}", speaker, lang, text, day, "", pivot, pivot_lang)


def _groups(reports):
    return {m.quote_id: (m.group_id, m.reason) for m in group_reports(reports)}


def test_a_statement_in_two_languages_is_one_group_with_its_reason():
    groups = _groups([_report("q-ro", RO, "ro", date(2024, 11, 1)), _report("q-it", IT, "it", date(2024, 11, 2))])
    assert groups["q-ro"][0] == groups["q-it"][0] == "q-it"  # named by the smallest quote id
    reason = groups["q-it"][1]
    assert reason.startswith("same speaker Sergei Lavrov · 1 day apart · similar words (")
    assert "stabiliti~stabilite" in reason or "stabilite~stabiliti" in reason


def test_another_speaker_or_far_dates_or_other_words_stay_apart():
    ro = _report("q-ro", RO, "ro", date(2024, 11, 1))
    assert link_reason(ro, _report("q-it", IT, "it", date(2024, 11, 2), speaker="Choe Son Hui")) is None
    assert link_reason(ro, _report("q-it", IT, "it", date(2024, 11, 20))) is None
    assert link_reason(ro, _report("q-2", OTHER_RO, "ro", date(2024, 11, 1))) is None
    groups = _groups([ro, _report("q-it", IT, "it", date(2024, 11, 20)), _report("q-2", OTHER_RO, "ro")])
    assert len({g for g, _ in groups.values()}) == 3
    assert all(reason is None for _, reason in groups.values())


def test_an_undated_report_may_join_when_the_words_say_so():
    reason = link_reason(_report("q-ro", RO, "ro", date(2024, 11, 1)), _report("q-it", IT, "it"))
    assert reason is not None and "date of one report unknown" in reason


def test_a_cached_translation_compares_two_languages_word_by_word():
    fr = "La coopération avec la Corée du Nord n'est dirigée contre aucun pays tiers"
    ro = "Cooperarea cu Coreea de Nord nu este îndreptată împotriva vreunei ţări terţe"
    en = "Cooperation with North Korea is not directed against any third country"
    plain = link_reason(_report("a", fr, "fr", date(2024, 10, 21), "Dmitri Peskov"),
                        _report("b", ro, "ro", date(2024, 10, 21), "Dmitri Peskov"))
    assert plain is None  # too few cognates on their own
    translated = link_reason(
        _report("a", fr, "fr", date(2024, 10, 21), "Dmitri Peskov", pivot=en, pivot_lang="en"),
        _report("b", ro, "ro", date(2024, 10, 21), "Dmitri Peskov", pivot=en.replace("any", "a"), pivot_lang="en"))
    assert translated is not None and "translated (en)" in translated and "shared: North Korea" in translated


def test_numbers_are_compared_without_their_separators():
    assert numbers_in("10 000 soldats") == numbers_in("10.000 de soldaţi") == numbers_in("10,000 soldiers")
    assert "10000" in numbers_in("circa 10.000") and not numbers_in("a 5 e 6")


LAVROV_RO = ("Serghei Lavrov a declarat vineri la Moscova: „Au fost stabilite contacte foarte strânse între armatele şi "
             "serviciile de securitate dintre cele două ţări. Aceasta permite rezolvarea unor probleme importante "
             "pentru securitatea cetăţenilor ambelor ţări”, a spus Serghei Lavrov.")
LAVROV_IT = ("Il ministro Sergei Lavrov ha detto a Mosca: «Sono stati stabiliti contatti molto stretti tra i servizi "
             "militari e di sicurezza dei due paesi. Ciò rende possibile risolvere questioni importanti per la "
             "sicurezza dei nostri e dei vostri cittadini», ha detto Sergei Lavrov.")


def test_extraction_stores_the_groups_and_regroups_when_an_article_arrives(con):
    ingest_upload(con, "ro.txt", LAVROV_RO.encode())
    rows = store.df(con, "SELECT q.language, g.group_id, g.reason FROM quotes q JOIN statement_groups g USING (quote_id)"
                         " WHERE q.speaker = 'Sergei Lavrov'")
    assert len(rows) >= 1 and rows["reason"].isna().all()
    ingest_upload(con, "it.txt", LAVROV_IT.encode())
    rows = store.df(con, "SELECT q.language, g.group_id, g.reason FROM quotes q JOIN statement_groups g USING (quote_id)"
                         " WHERE q.speaker = 'Sergei Lavrov'")
    assert set(rows["language"]) == {"ro", "it"}
    assert rows["group_id"].nunique() == 1
    assert rows["reason"].str.contains("same speaker Sergei Lavrov").all()
    every = store.df(con, "SELECT count(*) AS n FROM quotes q LEFT JOIN statement_groups g USING (quote_id)"
                          " WHERE g.quote_id IS NULL")
    assert every["n"].iloc[0] == 0  # every quote has a group


@pytest.mark.parametrize(("first", "second"), [("2024-11-02", "2024-11-01"), ("2024-11-01", None),
                                               (None, "2024-11-01"), (None, None),
                                               ("2024-11-04", "2024-11-01"), ("2024-11-01", "2024-11-04")])
def test_a_new_report_finds_the_stored_report_of_its_statement_dated_or_not(con, first, second):
    for name, text, day in (("ro.json", LAVROV_RO, first), ("it.json", LAVROV_IT, second)):
        ingest_upload(con, name, json.dumps({"text": text, "published": day}).encode())
    rows = con.execute("SELECT q.language, coalesce(q.said_on, a.published), g.group_id FROM quotes q"
                       " JOIN articles a USING (article_id) JOIN statement_groups g USING (quote_id)"
                       " WHERE q.speaker = 'Sergei Lavrov'").fetchall()
    assert {r[0] for r in rows} == {"ro", "it"} and len({r[2] for r in rows}) == 1
    assert {r[1] is None for r in rows} == {first is None, second is None}


def test_on_the_sample_corpus_lavrovs_romanian_and_italian_reports_are_one_statement(sample_db):
    con = store.connect(sample_db)
    rows = store.df(con, "SELECT q.language, g.group_id, g.reason FROM quotes q JOIN statement_groups g USING (quote_id)"
                         " WHERE q.speaker = 'Sergei Lavrov'")
    con.close()
    assert set(rows["language"]) == {"ro", "it"} and len(rows) == 3
    assert rows["group_id"].nunique() == 1


def _partition(con) -> set[frozenset]:
    rows = con.execute("SELECT group_id, list(quote_id) FROM statement_groups GROUP BY 1").fetchall()
    return {frozenset(quotes) for _, quotes in rows}


def test_articles_added_one_by_one_group_as_a_full_regroup_does(con):
    from pressdesk.story.build import refresh_statements
    from tests.conftest import ROOT

    texts = [LAVROV_RO, LAVROV_IT] + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data/articles").glob("*.txt"))]
    for i, text in enumerate(texts):
        ingest_upload(con, f"{i}.txt", text.encode())
    added = _partition(con)
    assert any(len(group) > 1 for group in added)
    names = con.execute("SELECT quote_id, group_id FROM statement_groups ORDER BY ALL").fetchall()
    refresh_statements(con, None)
    assert _partition(con) == added
    # and each group keeps the name a full regroup gives it: its smallest quote id
    assert con.execute("SELECT quote_id, group_id FROM statement_groups ORDER BY ALL").fetchall() == names


def test_an_add_that_renames_a_grouped_speaker_regroups_them_as_a_full_regroup_does(con):
    from pressdesk.story.build import refresh_statements

    said = "said that the old bridge over the river would reopen in two weeks after the repairs, with forty workers."
    for i, text in enumerate([f"Petrovski {said}", f"Speaking to reporters, Petrovski {said}"]):
        ingest_upload(con, f"{i}.txt", text.encode())
    assert {r[0] for r in con.execute("SELECT speaker FROM statement_groups").fetchall()} == {"Petrovski"}
    ingest_upload(con, "new.txt", f"The mayor Ivan Petrovski {said}".encode())  # the longer name takes over
    table = "SELECT quote_id, group_id, speaker, reason FROM statement_groups ORDER BY quote_id"
    added = con.execute(table).fetchall()
    assert {r[2] for r in added} == {"Ivan Petrovski"} and len({r[1] for r in added}) < len(added)
    refresh_statements(con, None)
    assert con.execute(table).fetchall() == added



def test_a_new_report_that_bridges_two_stored_groups_renames_the_one_with_the_larger_name():
    """The other group's members take the smaller name without being read one by one; only the members a link
    touches gain a reason, and one that had a reason keeps it."""
    from pressdesk.story.incremental import merge
    from pressdesk.story.statements import Link

    member_of = {"a": ("g-1", "same words"), "b": ("g-2", None)}
    links = [Link("n-new", "a", 5, "to a"), Link("n-new", "b", 7, "to b")]
    placed = merge(links, ["n-new", "alone"], member_of)
    assert placed.renamed == {"g-2": "g-1"}
    assert placed.reasons == {"b": "to b"}
    assert sorted(placed.rows) == [("alone", "alone", None), ("n-new", "g-1", "to b")]
    # a new quote whose id is smaller than both names names them all
    smaller = merge([Link("a-new", "a", 5, "to a"), Link("a-new", "b", 7, "to b")], ["a-new"], member_of)
    assert smaller.renamed == {"g-1": "a-new", "g-2": "a-new"} and smaller.rows == [("a-new", "a-new", "to b")]


def test_the_unfiltered_statement_list_is_the_one_a_filter_matching_everything_gives(sample_db):
    """With no filter set the page's query skips finding which statements match: the rows must not change."""
    from pressdesk.store import story_queries as sq

    con = store.connect(sample_db)
    languages = [r[0] for r in con.execute("SELECT DISTINCT language FROM quotes").fetchall()]
    assert None not in languages  # so that the language filter below keeps every quote
    for order in sq.GROUP_ORDERS:
        for offset in (0, 5):
            plain, total = sq.statement_groups(con, order=order, limit=5, offset=offset)
            via_filter, filtered_total = sq.statement_groups(con, languages=languages, order=order, limit=5,
                                                             offset=offset)
            assert total == filtered_total > 5
            assert plain.to_dict("records") == via_filter.to_dict("records")
    con.close()


def test_reports_read_the_cached_pivot_translation_of_each_language(db_copy):
    """A quote's cached translation into the pivot language is what reports compare across languages; the cache's
    'auto' source matches any language, and a language nothing was translated from reads none."""
    from pressdesk import store
    from pressdesk.story.build import PIVOT, reports_of
    from pressdesk.translate import cache

    con = store.connect(db_copy)
    rows = con.execute("SELECT q.quote_id, q.text, coalesce(q.language, a.language) FROM quotes q JOIN articles a"
                       " USING (article_id) WHERE q.speaker IS NOT NULL AND q.speaker_type <> 'unnamed'"
                       " ORDER BY q.quote_id").fetchall()
    by_lang = {}
    for qid, text, lang in rows:
        by_lang.setdefault(lang, (qid, text))
    assert {"fr", "it"} <= set(by_lang), by_lang.keys()
    (fr_id, fr_text), (it_id, it_text) = by_lang["fr"], by_lang["it"]
    assert [r.pivot for r in reports_of(con, [fr_id, it_id])] == [None, None]
    cache.store(con, [cache.Translated(fr_text, "the French words in English", "fr", PIVOT, "test")])
    got = {r.quote_id: r for r in reports_of(con, [fr_id, it_id])}
    assert (got[fr_id].pivot, got[fr_id].pivot_lang, got[it_id].pivot) == ("the French words in English", PIVOT, None)
    cache.store(con, [cache.Translated(it_text, "the Italian words in English", "auto", PIVOT, "test")])
    assert {r.quote_id: r.pivot for r in reports_of(con, [it_id])} == {it_id: "the Italian words in English"}
    con.close()
