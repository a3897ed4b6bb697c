"""Pages show one story across languages: a statement reported in Romanian and Italian is one card with its reason
(Who said what, People), and the Home reader names the articles that ran the same wire copy."""

from __future__ import annotations

import pytest

from tests.test_pages import query, run


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def _cards_text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption)


def test_who_said_what_shows_a_two_language_statement_as_one_group(app_db):
    at = run("pages/2_Who_said_what.py", tab="Statements", speaker="Sergei Lavrov")
    headings = [m.value for m in at.markdown if m.value.startswith("**Sergei Lavrov**")]
    assert len(headings) == 1  # three reports (two Romanian, one Italian) make one statement
    assert "3 reports in 2 languages (it, ro)" in headings[0]
    assert any(c.value.startswith("Grouped because: same speaker Sergei Lavrov") for c in at.caption)
    texts = _cards_text(at)
    assert "stabiliti contatti" in texts and "stabilite contacte" in texts
    assert "1 statement;" in texts


def test_statements_filter_to_several_reports_and_reopen_from_the_url(app_db):
    at = run("pages/2_Who_said_what.py", tab="Statements", multi="true")
    headings = [m.value for m in at.markdown if m.value.startswith("**")]
    multi = query(app_db, "SELECT count(*) FROM (SELECT group_id FROM statement_groups GROUP BY 1 HAVING count(*) > 1)")
    assert len(headings) == multi[0][0] >= 1
    assert all(" reports in " in h for h in headings)
    assert at.session_state["multi"] is True


def test_speaker_view_groups_a_speakers_statements_from_the_store(app_db):
    at = run("pages/2_Who_said_what.py", tab="Speaker view", who="Sergei Lavrov")
    assert any(c.value.startswith("1 distinct statement(s)") for c in at.caption)
    assert any(c.value.startswith("Grouped because:") for c in at.caption)


def test_people_page_groups_a_speakers_statements_the_same_way(app_db):
    at = run("pages/5_People.py", entity="Sergei Lavrov")
    headings = [m.value for m in at.markdown if "3 reports in 2 languages (it, ro)" in m.value]
    assert len(headings) == 1
    assert any(c.value.startswith("Grouped because: same speaker Sergei Lavrov") for c in at.caption)


def test_home_reader_names_articles_with_the_same_statements_and_agency_credits(app_db):
    ro = query(app_db, "SELECT article_id FROM articles WHERE language = 'ro'")[0][0]
    at = run("dashboard.py", article=ro)
    text = _cards_text(at)
    assert "Credits AFP" in text or "credits AFP" in text
    assert "Same statements as" in text and "DayFR Italian" in text
