"""Loading from Home: a summary of what was added and found, links to the new articles, and fresh counts."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk import loading, store
from pressdesk.ingest import IngestReport, ingest_upload
from tests.test_pages import query, run

DATELINE = ("GENEVA, 3 March 2025 - Foreign minister Sergei Lavrov said on Monday that talks would resume next "
            "week. \"We remain open to dialogue,\" Kremlin spokesman Dmitry Peskov told reporters on Tuesday.")


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def _metrics(at) -> dict[str, int]:
    return {m.label: int(m.value.replace(",", "")) for m in at.metric}


def _load(at, text: str):
    at.text_area[0].input(text)
    next(b for b in at.button if b.label == "Load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_paste_shows_summary_links_and_new_counts(app_db):
    at = run("dashboard.py")
    before = _metrics(at)
    _load(at, DATELINE)
    [headline] = [s.value for s in at.success]
    new_id, events, quotes = query(app_db, """SELECT article_id, (SELECT count(*) FROM events e WHERE e.article_id =
                                              a.article_id), (SELECT count(*) FROM quotes q WHERE q.article_id =
                                              a.article_id) FROM articles a WHERE source = 'pasted text.txt'""")[0]
    assert headline.startswith("1 article added") and f"{quotes} quote" in headline and f"{events} date" in headline
    assert quotes >= 1
    assert any("published 2025-03-03 (from the dateline)" in c.value.replace("\\", "") for c in at.caption)
    after = _metrics(at)
    assert after["Articles"] == before["Articles"] + 1 and after["Quotes"] == before["Quotes"] + quotes
    at.button(key=f"open_new_{new_id}").click().run()  # the summary links to the new article
    assert at.session_state["article"] == new_id and at.query_params["article"] in (new_id, [new_id])
    assert _metrics(at)["Articles"] == 1


def test_loading_again_says_duplicate_skipped(app_db):
    at = _load(run("dashboard.py"), DATELINE)
    _load(at, DATELINE)
    assert any(i.value.startswith("0 articles added, 1 duplicate skipped") for i in at.info)
    assert query(app_db, "SELECT count(*) FROM articles")[0][0] == 6


def test_optional_fields_fill_outlet_date_language_and_a_bad_link_is_one_line(app_db):
    at = run("dashboard.py")
    at.text_input(key="load_outlet").input("Desk Wire")
    at.text_input(key="load_url").input("not a link")
    at.date_input(key="load_date").set_value(date(2025, 3, 4))
    at.selectbox(key="load_lang").set_value("en")
    _load(at, "The minister said on Monday that the talks would resume next week in Geneva.")
    row = query(app_db, "SELECT publisher, published, language, url FROM articles WHERE source = 'pasted text.txt'")
    assert row == [("Desk Wire", date(2025, 3, 4), "en", None)]
    assert [w.value.replace("\\", "") for w in at.warning] == ["'url' ignored: not an http(s) URL"]


def test_a_bad_file_is_a_problem_line_not_a_traceback(app_db):
    summary = loading.summarise(store.connect(app_db), IngestReport(failed=[("scan.pdf", "a PDF, not text")]))
    assert summary.headline() == "0 articles added, 1 problem." and summary.problems == ["scan.pdf: a PDF, not text"]


def test_given_metadata_is_checked_like_a_record():
    meta, problems = loading.given_metadata(" Reuters ", "https://example.org/a", date(2025, 1, 2), "fr")
    assert meta == {"publisher": "Reuters", "url": "https://example.org/a", "published": date(2025, 1, 2),
                    "language": "fr"}
    assert problems == []
    meta, problems = loading.given_metadata("", "ftp://x", date(1700, 1, 1), None)
    assert meta == {} and len(problems) == 2 and "'date' ignored" in problems[1]


def test_a_record_keeps_its_own_fields_over_the_form(con):
    data = b'{"text": "The minister said on Monday that the talks would resume.", "publisher": "Own Outlet"}'
    report = ingest_upload(con, "a.jsonl", data, extract=False, given={"publisher": "Form", "language": "en"})
    assert con.execute("SELECT publisher, language FROM articles WHERE article_id = ?",
                       [report.added[0]]).fetchone() == ("Own Outlet", "en")
