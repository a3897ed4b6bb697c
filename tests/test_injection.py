"""Text from data or the URL never becomes a live link, image or HTML: Markdown, Plotly labels, button labels."""

from __future__ import annotations

import json

import pytest

from pressdesk import render, store
from pressdesk.ingest import ingest_upload
from pressdesk.translate.config import target_code
from tests.test_pages import query, run

EVIL_OUTLET = '<a href="http://evil.example/o">Evil Times</a>'
EVIL_TITLE = "Read ![i](http://127.0.0.1:9/t.png) at https://evil.example/t or www.evil.example"
IMAGE_PARAM = "![i](http://127.0.0.1:9/x.png)"


@pytest.fixture()
def evil_db(db_copy, monkeypatch):
    """The sample corpus plus one article whose outlet and title carry HTML, Markdown and bare URLs."""
    con = store.connect(db_copy)
    record = {"text": "GENEVA, 3 March 2025 - Foreign minister Ana Pop said on 5 March 2025 that talks with the "
                      "Union would resume, officials said. She told reporters the plan was ready.",
              "publisher": EVIL_OUTLET, "title": EVIL_TITLE, "published": "2025-03-03", "language": "en",
              "url": "https://evil.example/a"}
    report = ingest_upload(con, "evil.json", json.dumps([record]).encode())
    assert report.added, report.failed
    con.close()
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def _charts(at) -> list[list[str]]:
    return [render.figure_strings(el.proto.spec) for el in at.get("plotly_chart")]


def _markdown_texts(at) -> list[str]:
    """Everything Streamlit renders as Markdown: markdown, captions, alerts, headings, button and link labels."""
    out = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    out += [a.value for kind in (at.info, at.warning, at.error, at.success) for a in kind]
    return out + [b.label for b in at.button]


def _live(text: str) -> bool:
    return any(p in text for p in ("](http", "<a ", "http://", "https://", "www.", "@evil"))


def test_md_escapes_links_images_and_bare_urls():
    out = render.md(EVIL_TITLE + " mail me@evil.example")
    assert not _live(out) and "\\!\\[i\\]" in out
    assert out.replace(render.WORD_JOINER, "").replace("\\", "") == EVIL_TITLE + " mail me@evil.example"


def test_plot_text_and_target_code():
    assert render.plot_text(EVIL_OUTLET) == '&lt;a href="http://evil.example/o"&gt;Evil Times&lt;/a&gt;'
    assert render.plot_text(3) == 3
    assert target_code(IMAGE_PARAM) == "en" and target_code("FR") == "fr" and target_code("zh-TW") == "zh-tw"
    assert target_code("") == "en" and target_code(None, "ro") == "ro"


def test_home_charts_and_reader_carry_no_live_html(evil_db):
    article_id = query(evil_db, "SELECT article_id FROM articles WHERE title = ?", [EVIL_TITLE])[0][0]
    overview = run("dashboard.py")  # the charts show the corpus; with an article open, Home shows its reader
    charts = _charts(overview)
    assert len(charts) == 3
    strings = [s for chart in charts for s in chart]
    assert any("&lt;a href" in s for s in strings)  # the outlet is there, escaped
    assert not any("<a " in s for s in strings)
    assert not [t for t in _markdown_texts(overview) if _live(t)]
    at = run("dashboard.py", article=article_id)  # the reader and the article chip
    assert at.button(key="article_chip").label.startswith("Article: ")
    assert not [t for t in _markdown_texts(at) if _live(t)]


def test_timeline_legend_and_rows_carry_no_live_html(evil_db):
    at = run("pages/1_Timeline.py", colour="outlet", to_lang=IMAGE_PARAM, range="all")
    strings = [s for chart in _charts(at) for s in chart]
    assert any("&lt;a href" in s for s in strings)
    assert not any("<a " in s for s in strings)
    assert not [t for t in _markdown_texts(at) if _live(t)]


@pytest.mark.parametrize("page", ["pages/1_Timeline.py", "pages/2_Who_said_what.py"])
def test_language_from_the_url_never_renders_as_an_image(evil_db, page):
    at = run(page, to_lang=IMAGE_PARAM)
    assert not [t for t in _markdown_texts(at) if "](http" in t]
    assert all(IMAGE_PARAM not in str(v) for v in at.query_params.values())


def test_count_axes_have_whole_number_ticks_only():
    from pressdesk import render

    assert render.count_ticks(2)["dtick"] == 1 and render.count_ticks(2)["tickformat"] == "d"
    assert render.count_ticks(600)["dtick"] == 100
