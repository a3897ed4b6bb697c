"""Sentences from the retired synthetic phrase sets that pressdesk.dates read exactly right: kept as regressions.

Each row gives a sentence, its publication date and every date expression it holds; the test fails when one is
missed, resolved to another value, or when a date is found that the row does not list.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pressdesk.dates import find_dates
from pressdesk.evaluate.dates import score_items

ROWS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "date_phrase_regressions.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_sentence_dates_stay_right(row):
    published = date.fromisoformat(row["published"]) if row.get("published") else None
    mentions = find_dates(row["text"], row["lang"], published)
    items = [
        {"text": e["text"], "value": e["value"], "text_only": "month_day" if e.get("year_known") is False else "full"}
        for e in row["expected"]
    ]
    tally = score_items(row["id"], row["text"], mentions, items, "text")
    assert tally.total_ok == tally.total, tally.misses
    assert tally.system_ok == tally.system, tally.false_pos
