"""Every page under streamlit.testing: it renders the corpus, honours URL state and never shows a traceback."""

from __future__ import annotations

import socket

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = ["pages/0_Home.py", "pages/1_Timeline.py", "pages/2_Who_said_what.py", "pages/3_Translations.py", "pages/4_SQL.py"]


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def run(page: str, **params) -> AppTest:
    """Start the app at its entry point, as a browser does, and open `page` with `params` in the URL."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page != "dashboard.py":
        at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def query(db, sql, params=()):
    con = duckdb.connect(str(db))  # same configuration as the app's own connection in this process
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def html_of(at: AppTest) -> str:
    return "".join(getattr(el, "proto", None) and el.proto.body or "" for el in at.get("html"))


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(app_db, page):
    at = run(page)
    assert at.title[0].value


def test_home_counts_and_language_filter_from_url(app_db):
    at = run("dashboard.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "5"
    assert int(metrics["Quotes"].replace(",", "")) > 0 and int(metrics["Events"].replace(",", "")) > 0
    assert len(at.dataframe[0].value) == 5
    filtered = run("dashboard.py", lang="fr")
    assert len(filtered.dataframe[0].value) == 2
    assert set(filtered.dataframe[0].value["language"]) == {"fr"}


def test_home_reader_opens_article_from_url_and_escapes_text(app_db):
    article_id, title = query(app_db, "SELECT article_id, title FROM articles WHERE language = 'en'")[0]
    at = run("dashboard.py", article=article_id)
    from pressdesk.render import md

    assert any(md(title) in m.value for m in at.markdown)
    html = html_of(at)
    assert '<mark class="pd-quote"' in html and '<mark class="pd-date"' in html
    assert "<script" not in html


def test_unknown_url_values_are_ignored(app_db):
    at = run("dashboard.py", article="nope", lang="xx")
    assert at.session_state["article"] is None and at.session_state["lang"] == []


def test_filter_change_is_written_to_url(app_db):
    at = run("dashboard.py")
    at.multiselect(key="lang").set_value(["it"]).run()
    assert at.query_params["lang"] in ("it", ["it"])  # AppTest flattens one-item lists
    assert len(at.dataframe[0].value) == 1


def test_timeline_selects_event_from_url(app_db):
    cluster_id, n = query(app_db, "SELECT cluster_id, count(*) FROM events WHERE year_known GROUP BY 1 "
                                  "ORDER BY 2 DESC LIMIT 1")[0]
    at = run("pages/1_Timeline.py", event=cluster_id)
    assert at.session_state["event"] == cluster_id
    assert any(f"{n} report(s)" in h.value for h in at.subheader)
    assert at.get("plotly_chart")


def test_timeline_actor_filter(app_db):
    actor = query(app_db, "SELECT unnest(actors) AS a, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 1")[0][0]
    at = run("pages/1_Timeline.py", actor=actor)
    assert at.session_state["actor"] == [actor]


def test_who_said_what_filters_and_context(app_db):
    speaker, count = query(app_db, "SELECT speaker, count(*) FROM quotes GROUP BY 1 ORDER BY 2 DESC LIMIT 1")[0]
    at = run("pages/2_Who_said_what.py", speaker=speaker)
    table = at.dataframe[0].value
    assert len(table) == count and set(table["speaker"]) == {speaker}
    quote_id = query(app_db, "SELECT quote_id FROM quotes WHERE speaker = ? LIMIT 1", [speaker])[0][0]
    at = run("pages/2_Who_said_what.py", quote=quote_id)
    assert '<mark class="pd-quote"' in html_of(at)
    assert len(at.get("download_button")) == 2


def test_who_said_what_speaker_view(app_db):
    speaker = query(app_db, "SELECT speaker FROM quotes GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    at = run("pages/2_Who_said_what.py", who=speaker, tab="Speaker view")
    assert any("distinct statement" in c.value for c in at.caption)
    assert at.session_state["tab"] == "Speaker view" and at.query_params["tab"] in ("Speaker view", ["Speaker view"])


def test_translations_page_shows_cache_and_marks_missing(app_db):
    article_id, text = query(app_db, "SELECT s.article_id, s.text FROM sentences s JOIN articles a USING (article_id)"
                                     " WHERE a.language = 'it' ORDER BY idx LIMIT 1")[0]
    from pressdesk import store
    from pressdesk.translate.cache import Translated
    from pressdesk.translate.cache import store as cache_store

    con = store.connect(app_db)
    cache_store(con, [Translated(source_text=text, translated="A CACHED <b>TRANSLATION</b>", source_lang="it",
                                 target_lang="en", provider="libre")])
    con.close()
    at = run("pages/3_Translations.py", article=article_id, to="en")
    html = html_of(at)
    assert "A CACHED &lt;b&gt;TRANSLATION&lt;/b&gt;" in html
    notes = [i.value for i in at.info if "not translated yet" in i.value]
    assert len(notes) == 1  # said once above the columns, not in every row
    assert "not translated yet" not in html


def test_translate_button_offline_gives_notice(app_db, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("PRESSDESK_TRANSLATOR", "libre")
    monkeypatch.setenv("PRESSDESK_LIBRE_URL", f"http://127.0.0.1:{port}/")
    article_id = query(app_db, "SELECT article_id FROM articles WHERE language = 'fr' LIMIT 1")[0][0]
    at = run("pages/3_Translations.py", article=article_id, to="en")
    at.button[0].click().run()
    assert not at.exception
    assert any("Offline" in w.value for w in at.warning)
    notes = [i.value for i in at.info if "not translated yet" in i.value]
    assert len(notes) == 1
    assert html_of(at).count("not translated yet") == 0


def test_query_page_runs_sql_from_url_on_click_read_only(app_db):
    at = run("pages/4_SQL.py", sql="SELECT count(*) AS n FROM articles")
    assert not at.dataframe and at.text_area(key="sql").value == "SELECT count(*) AS n FROM articles"
    at.button(key="run_sql").click().run()
    assert at.dataframe[0].value["n"][0] == 5
    assert any("1 row(s) in" in c.value for c in at.caption)
    blocked = run("pages/4_SQL.py", sql="COPY articles TO '/tmp/x.csv'")
    blocked.button(key="run_sql").click().run()
    assert blocked.error and blocked.code and not blocked.dataframe


def test_who_said_what_country_filter(app_db):
    at = run("pages/2_Who_said_what.py", country="Russia")
    speakers = set(at.dataframe[0].value["speaker"])
    assert speakers and "Kremlin" in speakers
    assert not speakers & {"Antony Blinken", "Volodymyr Zelensky", "Lin Jian"}


def test_undated_article_says_so_and_date_can_be_corrected(app_db):
    article_id = query(app_db, "SELECT article_id FROM articles WHERE language = 'it'")[0][0]
    at = run("dashboard.py", article=article_id)
    assert any("gives no publication date" in i.value for i in at.info)
    at.date_input(key=f"fix_{article_id}").set_value(__import__("datetime").date(2024, 11, 1))
    at.button(key=f"save_{article_id}").click().run()
    assert not at.exception
    published, origin = query(app_db, "SELECT published, published_origin FROM articles WHERE article_id = ?",
                              [article_id])[0]
    assert str(published) == "2024-11-01" and origin == "analyst"
    assert any("Publication date set to 2024-11-01" in m.value for m in at.success)
    assert query(app_db, "SELECT count(*) FROM events WHERE article_id = ? AND year_known", [article_id])[0][0] > 0


def test_pasted_article_is_loaded_and_extracted(app_db):
    at = run("dashboard.py")
    at.text_area[0].set_value("Le porte-parole du Kremlin, Dmitri Peskov, a déclaré mardi 5 novembre 2024 que "
                              "Moscou restait ouverte au dialogue.")
    at.button[0].click().run()
    assert not at.exception
    assert any(s.value.startswith("1 article added") for s in at.success)
    assert query(app_db, "SELECT count(*) FROM articles")[0][0] == 6
    assert query(app_db, "SELECT count(*) FROM quotes q JOIN articles a USING (article_id) "
                         "WHERE a.source = 'pasted text.txt' AND q.speaker = 'Dmitri Peskov'")[0][0] == 1


def test_cached_quote_translation_shows_in_table_and_speaker_view(app_db):
    from pressdesk import store
    from pressdesk.translate.cache import Translated
    from pressdesk.translate.cache import store as cache_store

    speaker, text, lang = query(app_db, "SELECT speaker, text, language FROM quotes WHERE language = 'ro' LIMIT 1")[0]
    con = store.connect(app_db)
    cache_store(con, [Translated(source_text=text, translated="CACHED ENGLISH", source_lang=lang,
                                 target_lang="en", provider="libre")])
    con.close()
    at = run("pages/2_Who_said_what.py", speaker=speaker, who=speaker)
    assert "CACHED ENGLISH" in set(at.dataframe[0].value["translation"])
    assert any("CACHED ENGLISH" in c.value for c in at.caption)


def test_quote_table_shows_no_raw_missing_values_and_cards_show_quote_text(app_db):
    at = run("pages/2_Who_said_what.py")
    table = at.dataframe[0].value
    assert list(table.columns[:3]) == ["said_on", "speaker", "text"]
    shown = table.drop(columns=["said_on"]).astype(str)
    assert not shown.isin(["None", "nan", "NaT", "<NA>"]).any().any()
    assert (table["translation"] == "—").any()
    text = query(app_db, "SELECT text FROM quotes ORDER BY said_on DESC NULLS LAST LIMIT 1")[0][0]
    cards = run("pages/2_Who_said_what.py", cards="true")
    assert not cards.dataframe
    assert any(text.split()[0] in m.value for m in cards.markdown)
    assert str(cards.query_params["cards"]).lower() in ("true", "['true']")


def test_empty_quote_filter_says_so_plainly(app_db):
    at = run("pages/2_Who_said_what.py", q="zzzz-no-such-quote")
    assert any(i.value == "No quotes match these filters." for i in at.info)
    assert not any("Select a row" in c.value for c in at.caption)


def test_excel_export_has_dates_frozen_header_and_filter(app_db):
    import io

    import openpyxl

    from pressdesk import quote_views, store

    con = store.connect(app_db)
    frame = store.quotes(con)
    con.close()
    book = openpyxl.load_workbook(io.BytesIO(quote_views.to_excel(frame)))
    sheet = book["quotes"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    header = [c.value for c in sheet[1]]
    col = header.index("said_on") + 1
    dates = [c.value for c in next(sheet.iter_cols(min_col=col, max_col=col, min_row=2)) if c.value is not None]
    assert dates and all(isinstance(d, __import__("datetime").datetime) for d in dates)
    assert sheet.column_dimensions["D"].width >= 60  # the quote column is readable


def test_home_pages_the_article_list_in_sql(app_db):
    con = duckdb.connect(str(app_db))
    con.execute("""INSERT INTO articles SELECT a.* REPLACE (a.article_id || '~' || k AS article_id,
                   a.content_hash || '~' || k AS content_hash) FROM articles a, range(1, 50) r(k)""")
    con.close()
    at = run("dashboard.py")
    assert at.metric[0].value == "250" and len(at.dataframe[0].value) == 100
    [pager] = [n for n in at.number_input if n.label.startswith("Page (of 3)")]
    last = run("dashboard.py", apage="3")
    assert len(last.dataframe[0].value) == 50 and len(last.selectbox(key="_open_article").options) == 50
    seen = [lang for page in (at, run("dashboard.py", apage="2"), last) for lang in page.dataframe[0].value["language"]]
    languages = [r[0] for r in query(app_db, "SELECT language FROM articles")]
    assert sorted(seen) == sorted(languages)  # three pages: every article once


def test_timeline_opens_a_linked_event_that_is_not_among_the_most_reported(app_db):
    cluster_id = query(app_db, "SELECT cluster_id FROM events WHERE year_known GROUP BY 1 "
                               "ORDER BY count(*), cluster_id LIMIT 1")[0][0]
    at = run("pages/1_Timeline.py", event=cluster_id, range="all")
    assert at.session_state["event"] == cluster_id
    assert any("1 report(s)" in h.value for h in at.subheader)


def test_translations_finds_an_article_by_title_among_many(app_db):
    title, article_id = query(app_db, "SELECT title, article_id FROM articles WHERE language = 'ro'")[0]
    at = run("pages/3_Translations.py")
    assert len(at.selectbox(key="article").options) == 5
    at.text_input(key="find").input(title.split()[0]).run()
    assert at.selectbox(key="article").value == article_id and len(at.selectbox(key="article").options) == 1
    at.text_input(key="find").input("no such words anywhere").run()
    assert any("No article's title" in i.value for i in at.info)
