"""Real browser: searching for a misspelt name finds the person's quotes and links to the person's page."""

from __future__ import annotations

import pytest

from tests.test_browser import browser, first_row, page, server, settle  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_search_for_serghei_finds_lavrovs_quotes(server, page, sample_db):  # noqa: F811
    [quote] = first_row(sample_db, "SELECT text FROM quotes WHERE speaker = 'Sergei Lavrov' ORDER BY said_on LIMIT 1")
    page.goto(server)  # a fresh server's first request for a non-default page reports "Page not found"
    settle(page, "Articles")
    page.goto(f"{server}/search")
    settle(page, "Type a name")
    box = page.get_by_role("textbox", name="Search")
    box.fill("Serghei")
    box.press("Enter")
    settle(page, quote[:40])
    body = " ".join(page.inner_text("body").split())
    assert quote[:60] in body and "Quotes 1–3 of 3" in body, body
    # the URL follows the page's state a moment after the page draws
    page.wait_for_function("() => location.search.includes('q=Serghei')", timeout=15_000)
    page.get_by_role("link", name="Sergei Lavrov (person)").click()
    settle(page, "Statements")
    assert page.get_by_role("heading", name="Sergei Lavrov").count() == 1
