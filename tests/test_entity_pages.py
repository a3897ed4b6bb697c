"""AppTests for the entity pages and Search: URL state, escaping, links between views and citations."""

from __future__ import annotations

import pytest

from tests.test_pages import query, run


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def _links(at) -> list[str]:
    return [f"{el.proto.page}?{el.proto.query_string}" for el in at.get("page_link")]


def test_entity_page_from_an_alias_in_the_url(app_db):
    at = run("pages/5_People.py", entity="Serghei Lavrov")
    assert at.session_state["entity"] == "Sergei Lavrov"
    assert at.header[0].value == "Sergei Lavrov"
    [(n,)] = query(app_db, "SELECT count(*) FROM quotes WHERE speaker = 'Sergei Lavrov'")
    said = [m.value for m in at.markdown if m.value.startswith("> ")]  # each report's words, in its card
    assert len(said) == n
    assert len(at.get("plotly_chart")) == 1
    assert "Timeline?actor=Sergei+Lavrov" in _links(at)
    assert at.code and "Sergei Lavrov" in at.code[0].value  # the copyable citation
    assert at.query_params["entity"] in ("Sergei Lavrov", ["Sergei Lavrov"])


def test_entity_page_filters_by_article(app_db):
    [(article, n)] = query(app_db, "SELECT article_id, count(*) FROM quotes WHERE speaker = 'Sergei Lavrov'"
                                   " GROUP BY 1 ORDER BY 2 DESC LIMIT 1")
    at = run("pages/5_People.py", entity="Sergei Lavrov", article=article)
    assert sum(m.value.startswith("> ") for m in at.markdown) == n
    assert at.button(key="article_chip").label.startswith("Article: ")  # a removable filter chip
    assert any("Only what this article says" in c.value for c in at.caption)


def test_unknown_entity_is_said_plainly_and_escaped(app_db):
    at = run("pages/5_People.py", entity="<img src=x onerror=alert(1)>")
    assert at.session_state["entity"] is None
    assert any("\\<img" in i.value for i in at.info)


def test_search_serghei_lists_lavrovs_quotes_with_links(app_db):
    at = run("pages/6_Search.py", q="Serghei")
    [(n,)] = query(app_db, "SELECT count(*) FROM quotes WHERE speaker = 'Sergei Lavrov'")
    assert sum("**Sergei Lavrov**" in m.value for m in at.markdown) == n
    [(quote_id,)] = query(app_db, "SELECT quote_id FROM quotes WHERE speaker = 'Sergei Lavrov' LIMIT 1")
    assert f"Who_said_what?quote={quote_id}" in _links(at)
    assert "People?entity=Sergei+Lavrov" in _links(at)
    assert at.code  # copy citation


def test_search_articles_section_and_nothing_found(app_db):
    at = run("pages/6_Search.py", q="Zelenskyj", **{"in": "articles"})
    assert at.text and all("Zelensk" in t.value for t in at.text)
    empty = run("pages/6_Search.py", q="xyzzyq")
    assert any("No quotes match" in i.value for i in empty.info)
    bad = run("pages/6_Search.py", q="[x](javascript:alert(1))")
    assert not any("](javascript" in m.value for m in [*bad.markdown, *bad.info])
    assert any("No quotes match" in i.value and "\\[x\\]" in i.value for i in bad.info)


def test_entity_timeline_lists_year_unknown_dates(app_db):
    [(name,)] = query(app_db, "SELECT unnest(actors) FROM events WHERE NOT year_known AND len(actors) > 0 LIMIT 1")
    at = run("pages/5_People.py", entity=name)
    when = at.dataframe[0].value["when"].tolist()
    assert any("(year unknown)" in w for w in when)
