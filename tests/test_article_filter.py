"""Every page narrows to one article from `?article=`, shows it as a removable chip, and Home's numbers follow."""

from __future__ import annotations

import re

import pytest

from tests.test_pages import query, run


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def _chip(at):
    return at.button(key="article_chip")


def _article_with_quotes_and_events(db) -> tuple[str, int, int]:
    return query(db, """SELECT a.article_id, (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id),
                               (SELECT count(DISTINCT cluster_id) FROM events e
                                WHERE e.article_id = a.article_id AND e.year_known)
                        FROM articles a ORDER BY 2 DESC, 3 DESC LIMIT 1""")[0]


def _caption_events(at) -> int:
    for c in at.caption:
        m = re.match(r"([\d,]+) events? from", c.value)
        if m:
            return int(m.group(1).replace(",", ""))
    raise AssertionError([c.value for c in at.caption])


def test_home_numbers_follow_the_filters(app_db):
    every = {m.label: m.value for m in run("dashboard.py").metric}
    french = {m.label: m.value for m in run("dashboard.py", lang="fr").metric}
    assert every["Articles"] == "5" and french["Articles"] == "2"
    fr_quotes = query(app_db, "SELECT count(*) FROM quotes JOIN articles USING (article_id) WHERE articles.language = 'fr'")
    assert int(french["Quotes"]) == fr_quotes[0][0] < int(every["Quotes"])


def test_home_and_timeline_agree_on_event_counts(app_db):
    for params in ({}, {"lang": "fr"}, {"lang": "it"}):
        home = {m.label: m.value for m in run("dashboard.py", **params).metric}
        timeline = run("pages/1_Timeline.py", **params)
        assert int(home["Events"].replace(",", "")) == _caption_events(timeline), params
    dated = query(app_db, "SELECT count(DISTINCT cluster_id) FROM events WHERE year_known")[0][0]
    assert _caption_events(run("pages/1_Timeline.py", range="all")) == dated


def test_home_opens_an_article_with_its_own_numbers_and_a_removable_chip(app_db):
    article_id, n_quotes, _ = _article_with_quotes_and_events(app_db)
    at = run("dashboard.py", article=article_id)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "1" and int(metrics["Quotes"]) == n_quotes
    _chip(at).click().run()
    assert not at.exception
    assert at.session_state["article"] is None and "article" not in at.query_params
    assert {m.label: m.value for m in at.metric}["Articles"] == "5"
    assert len(at.dataframe[0].value) == 5


def test_timeline_filters_by_article(app_db):
    article_id, _, n_events = _article_with_quotes_and_events(app_db)
    at = run("pages/1_Timeline.py", article=article_id, range="all")
    assert _chip(at).label.startswith("Article: ")
    assert _caption_events(at) == n_events
    others = query(app_db, "SELECT count(DISTINCT cluster_id) FROM events WHERE year_known")[0][0]
    assert n_events < others
    _chip(at).click().run()
    assert _caption_events(at) == others and "article" not in at.query_params


def test_who_said_what_filters_by_article(app_db):
    article_id, n_quotes, _ = _article_with_quotes_and_events(app_db)
    at = run("pages/2_Who_said_what.py", article=article_id)
    assert len(at.dataframe[0].value) == n_quotes
    assert at.query_params["article"] in (article_id, [article_id])
    _chip(at).click().run()
    assert len(at.dataframe[0].value) == query(app_db, "SELECT count(*) FROM quotes")[0][0]


def test_people_page_filters_by_article(app_db):
    speaker, article_id, n = query(app_db, """SELECT speaker, article_id, count(*) FROM quotes
                                              WHERE speaker_type = 'person' GROUP BY ALL ORDER BY 3 DESC LIMIT 1""")[0]
    total = query(app_db, "SELECT count(*) FROM quotes WHERE speaker = ?", [speaker])[0][0]
    at = run("pages/5_People.py", entity=speaker, article=article_id)
    assert _chip(at) and any(f"{n} quote" in c.value for c in at.caption)
    _chip(at).click().run()
    assert any(f"{total} quote" in c.value for c in at.caption)


def test_search_filters_by_article(app_db):
    article_id = query(app_db, "SELECT article_id FROM quotes WHERE speaker = 'Sergei Lavrov' LIMIT 1")[0][0]
    every = run("pages/6_Search.py", q="Lavrov")
    one = run("pages/6_Search.py", q="Lavrov", article=article_id)
    n = query(app_db, "SELECT count(*) FROM quotes WHERE article_id = ? AND (speaker = 'Sergei Lavrov' "
                      "OR text ILIKE '%lavrov%')", [article_id])[0][0]
    assert any(f"of {n}." in c.value for c in one.caption)
    assert not any(f"of {n}." in c.value for c in every.caption)


@pytest.mark.parametrize("page", ["dashboard.py", "pages/1_Timeline.py", "pages/2_Who_said_what.py",
                                  "pages/6_Search.py"])
def test_an_unknown_article_in_the_link_is_dropped_with_a_notice(app_db, page):
    at = run(page, article="no-such-article")
    assert any("not in the corpus" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "article_chip"]
