"""In a real browser at phone width (390 px): Who said what shows the quote itself, whole and inside the screen."""

from __future__ import annotations

from tests.test_browser import browser, page, server, settle  # noqa: F401  (module fixtures reused)

QUOTE = "Coreea de Nord va fi alături de Rusia până la"  # a sample-corpus quote (data/articles, ours)


def test_a_390px_page_shows_the_quote_text(server, page):  # noqa: F811
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(server)
    settle(page, "Articles")
    page.goto(f"{server}/who-said-what?cards=true&speaker=Choe+Son+Hui")
    settle(page, QUOTE)
    quote = page.get_by_text(QUOTE).first
    box = quote.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert "victoria ei" in quote.inner_text()  # the whole quote, not a cut-off cell
