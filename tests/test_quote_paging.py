"""Who said what pages in DuckDB: each page holds the right rows in the right order, counts come from SQL, and the
page shows only one page of a large result."""

from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from pressdesk import store
from pressdesk.store import quote_queries as qq
from tests.conftest import ROOT
from tests.test_pages import app_db  # noqa: F401  (fixture)


def _ids(frame) -> list[str]:
    return frame["quote_id"].tolist()


@pytest.mark.parametrize("sort", [None, *qq.SORTABLE])
@pytest.mark.parametrize("desc", [False, True])
def test_pages_concatenate_to_the_old_pandas_order(sample_db, sort, desc):
    con = store.connect(sample_db)
    flt = qq.QuoteFilter()
    full = qq.quotes_page(con, flt, sort, desc, limit=None)
    old = store.quotes(con)  # what the page used to load whole, then sort stably in pandas
    if sort:
        old = old.sort_values(sort, ascending=not desc, na_position="last", kind="stable")
    assert _ids(full) == _ids(old)
    paged = [qid for offset in range(0, len(full), 7) for qid in _ids(qq.quotes_page(con, flt, sort, desc, 7, offset))]
    assert paged == _ids(full)
    assert qq.quotes_count(con, flt) == len(full) > 7
    con.close()


def test_filters_and_counts_match_the_rows(sample_db):
    con = store.connect(sample_db)
    speaker = con.execute("SELECT speaker FROM quotes GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    flt = qq.QuoteFilter(speakers=(speaker,), kinds=("direct", "indirect", "mixed"))
    rows = qq.quotes_page(con, flt, limit=None)
    assert set(rows["speaker"]) == {speaker} and qq.quotes_count(con, flt) == len(rows)
    assert qq.quotes_count(con, qq.QuoteFilter(speakers=())) == 0  # a country with no speakers: nothing
    assert qq.quotes_count(con, qq.QuoteFilter(text="zzzz-no-such")) == 0
    assert qq.quote(con, rows["quote_id"][0])["speaker"] == speaker and qq.quote(con, "nope") is None
    assert qq.order_by("text; DROP TABLE quotes") == qq.DEFAULT_ORDER  # only known columns reach the SQL
    con.close()


def test_who_said_what_shows_the_requested_page_only(app_db):  # noqa: F811
    con = duckdb.connect(str(app_db))
    con.execute("""INSERT INTO quotes SELECT q.* REPLACE (q.quote_id || '~' || r.k AS quote_id,
                                                     q.text || ' #' || r.k AS text)
                   FROM quotes q, range(1, 4) r(k)""")  # 4 copies of each quote, each text told apart
    total = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    second = [r[0] for r in con.execute(
        f"SELECT q.quote_id {qq.QUOTE_FROM} ORDER BY {qq.DEFAULT_ORDER} LIMIT 50 OFFSET 50").fetchall()]
    con.close()
    assert total > 100
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["page"] = "2"
    at.switch_page("pages/2_Who_said_what.py")
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 50
    shown_texts = table["text"].tolist()
    assert len(set(shown_texts)) == 50
    con = duckdb.connect(str(app_db))
    expected = [con.execute("SELECT text FROM quotes WHERE quote_id = ?", [q]).fetchone()[0] for q in second]
    con.close()
    assert shown_texts == expected
    assert any(f"{total:,} quotes, 51 to 100 shown" in c.value for c in at.caption)
    assert at.number_input(key="page").value == 2
