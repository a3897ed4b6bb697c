"""In a real browser against `streamlit run`: a statement reported in Romanian and Italian shows as one card."""

from __future__ import annotations

from tests.test_browser import browser, page, server, settle  # noqa: F401  (module fixtures reused)


def test_a_statement_in_two_languages_shows_as_one_group(server, page):  # noqa: F811
    # the home page first, as the other browser tests do: a fresh server's very first session opened on another page
    # shows Streamlit's "Page not found" dialog before st.navigation has registered the pages
    page.goto(server)
    settle(page, "Articles")
    page.goto(f"{server}/who-said-what?tab=Statements&speaker=Sergei+Lavrov")
    settle(page, "Grouped because")
    body = page.inner_text("body")
    assert body.count("3 reports in 2 languages (it, ro)") == 1
    assert "Grouped because: same speaker Sergei Lavrov" in body
    assert "stabiliti contatti" in body and "stabilite contacte" in body
