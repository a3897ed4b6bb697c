"""Real browser: Debian's Chromium, driven by Playwright, against the server `make run` starts (`serve.py`,
i.e. `streamlit run dashboard.py`) on localhost.

Each page must render its content with no exception on screen; a filter and a selection must survive a
reload through the URL alone.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium for the browser tests (.ci/run does)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from benchmarks.sessions import CHROMIUM_ARGS  # noqa: E402
from benchmarks.sessions import server as serving  # noqa: E402


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """The dashboard as `make run` serves it (`serve.py`), with error details shown; yields its base URL."""
    with serving(db, env={"STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "full"}) as (base, _):
        yield base


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    shutil.copy(sample_db, db)
    with _serving(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    p = context.new_page()
    yield p
    context.close()


def first_row(db: Path, sql: str) -> tuple:
    """One row of the sample corpus, read without holding the file open."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def settle(page: Page, expect_text: str, timeout: float = 120_000) -> None:
    """Wait for the script run to finish and the expected text to show, then fail on any exception."""
    page.get_by_text(expect_text, exact=False).first.wait_for(timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    errors = page.locator('[data-testid="stException"]')
    assert errors.count() == 0, errors.first.inner_text()
    body = page.inner_text("body")
    assert "Traceback" not in body and "Page not found" not in body


@pytest.mark.parametrize("path,expect", [
    ("/", "Articles"),
    ("/timeline", "Open event"),
    ("/who-said-what", "Speaker view"),
    ("/translations", "Translate into"),
    ("/query", "Tables"),
])
def test_every_page_renders_without_exception(server, page, path, expect):
    page.goto(server + path)
    settle(page, expect)


def test_state_in_url_reopens_the_same_view(server, page, sample_db):
    article_id, title = first_row(sample_db, "SELECT article_id, title FROM articles WHERE language = 'ro'")
    page.goto(f"{server}/?lang=ro&article={article_id}")
    settle(page, "Highlighted: quotes")
    assert page.get_by_role("heading", name=title).count() == 1
    page.goto(f"{server}/translations?article={article_id}&to=fr")
    settle(page, "Translate into")
    assert "not translated yet" in page.inner_text("body")


def test_offline_translation_gives_a_notice_not_a_hang(server, page, sample_db):
    [article_id] = first_row(sample_db, "SELECT article_id FROM articles WHERE language = 'it'")
    page.goto(f"{server}/translations?article={article_id}&to=en")
    settle(page, "Translate into")
    started = time.monotonic()
    page.get_by_role("button", name="Translate").click()
    page.get_by_text("Offline", exact=False).first.wait_for(timeout=30_000)
    assert time.monotonic() - started < 30
    settle(page, "Translate into")


def test_quote_in_context_opens_from_a_link(server, page, sample_db):
    [quote_id] = first_row(sample_db, "SELECT quote_id FROM quotes WHERE speaker IS NOT NULL LIMIT 1")
    page.goto(f"{server}/who-said-what?quote={quote_id}")
    settle(page, "Whole article")
    page.wait_for_timeout(1500)  # a late dialog (e.g. "Page not found") would show by now
    settle(page, "Whole article")
    assert page.locator("mark.pd-quote").count() >= 1


def test_default_timeline_bars_are_wide_enough_to_click(server, page):
    page.goto(server + "/timeline")
    settle(page, "Open event")
    page.locator(".barlayer .point path").first.wait_for(timeout=60_000)
    widths = page.eval_on_selector_all(".barlayer .point path", "els => els.map(e => e.getBoundingClientRect().width)")
    assert widths and min(widths) >= 8, widths
    ticks = page.eval_on_selector_all(".xtick text", "els => els.map(e => e.textContent)")
    assert ticks and not any(":" in t for t in ticks), ticks  # days, never hours


@pytest.mark.parametrize("path,expect", [("/timeline", "Open event"), ("/who-said-what", "Speaker view")])
def test_a_link_to_a_page_is_the_first_request_a_new_server_serves(sample_db, tmp_path, browser, path, expect):
    """A shared link opened right after a restart shows its page, with no "Page not found" over it."""
    db = tmp_path / "corpus.duckdb"
    shutil.copy(sample_db, db)
    with _serving(db) as base:
        fresh = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            fresh.goto(base + path)
            settle(fresh, expect)
            fresh.wait_for_timeout(1500)  # the dialog came after the page had drawn
            settle(fresh, expect)
        finally:
            fresh.close()
