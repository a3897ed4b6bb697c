"""'this Monday', 'ce lundi', 'questo lunedì', 'lunea asta': the sentence's tense picks the Monday. A past sentence
means the latest one (today included), a future or a bare phrase the coming one (today included), as Duckling
reads it; a weekday further on in this week is the same either way."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk.dates import find_dates

TUE = date(2025, 3, 11)  # a Tuesday


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "The minister will speak this Monday in Brussels.", "2025-03-17"),
        ("en", "The minister spoke this Monday in Brussels.", "2025-03-10"),
        ("en", "this monday", "2025-03-17"),
        ("en", "The talks resume this Thursday.", "2025-03-13"),
        ("fr", "Le ministre s'exprimera ce lundi à Bruxelles.", "2025-03-17"),
        ("fr", "Le ministre s'est exprimé ce lundi à Bruxelles.", "2025-03-10"),
        ("fr", "ce lundi", "2025-03-17"),
        ("it", "Il ministro parlerà questo lunedì a Bruxelles.", "2025-03-17"),
        ("it", "Il ministro ha parlato questo lunedì a Bruxelles.", "2025-03-10"),
        ("ro", "Ministrul va vorbi lunea asta la Bruxelles.", "2025-03-17"),
        ("ro", "Ministrul a vorbit lunea aceasta la Bruxelles.", "2025-03-10"),
        ("ro", "lunea asta", "2025-03-17"),
    ],
)
def test_this_weekday_follows_the_tense_and_reads_forward_alone(lang: str, text: str, value: str) -> None:
    assert [m.value for m in find_dates(text, lang, TUE)] == [value]
