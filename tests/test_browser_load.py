"""Real browser: an editor uploads a file on Home and sees the summary, a link to the new article and new counts."""

from __future__ import annotations

import pytest

from tests.test_browser import browser, page, server, settle  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

TEXT = ("GENEVA, 3 March 2025 - Foreign minister Sergei Lavrov said on Monday that talks would resume next week. "
        "\"We remain open to dialogue,\" Kremlin spokesman Dmitry Peskov told reporters on Tuesday.")


def _metric(tab, label: str) -> str:
    box = tab.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_upload_shows_its_summary_and_the_new_counts(server, page, tmp_path):  # noqa: F811
    page.goto(server)
    settle(page, "Load articles")
    assert _metric(page, "Articles") == "5"
    upload = tmp_path / "geneva.txt"
    upload.write_text(TEXT, encoding="utf-8")
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.locator("input[type=file]").set_input_files(str(upload))
    uploader.get_by_text(upload.name).first.wait_for(timeout=60_000)
    # like a person, press Load once the upload's own rerun is over (a rerun landing later would replace the click's)
    settle(page, "Load articles")
    page.wait_for_timeout(2000)
    settle(page, "Load articles")
    page.get_by_role("button", name="Load", exact=True).click()
    settle(page, "1 article added")
    body = " ".join(page.inner_text("body").split())
    assert "2 quotes found" in body and "from the dateline" in body, body
    assert _metric(page, "Articles") == "6"
    page.locator("[data-testid=stBaseButton-tertiary]").filter(has_text="GENEVA, 3 March").first.click()
    settle(page, "Highlighted: quotes")
    assert _metric(page, "Articles") == "1"
    page.wait_for_function("() => location.search.includes('article=')", timeout=15_000)
    page.reload()  # the link in the address bar reopens the article
    settle(page, "Highlighted: quotes")
    assert _metric(page, "Articles") == "1"
