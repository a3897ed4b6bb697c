"""Dates counted from a holiday ([holiday_offsets]): the nth weekday after it, days or years after or before it, the
month after it, in every language with the data."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk.dates import find_dates

REF = date(2025, 2, 12)


@pytest.mark.parametrize(
    ("lang", "text", "mention", "value"),
    [
        ("en", "The court sits again on the second Monday after Easter 2025.", "second Monday after Easter 2025",
         "2025-04-28"),
        ("en", "Voting ends three days before Christmas 2025.", "three days before Christmas 2025", "2025-12-22"),
        ("en", "The plant reopened a year after Christmas 2022.", "a year after Christmas 2022", "2023-12-25"),
        ("en", "Prices rose in the month after Christmas 2024.", "in the month after Christmas 2024", "2025-01"),
        ("fr", "Le procès reprendra le premier lundi après Pâques 2025.", "premier lundi après Pâques 2025",
         "2025-04-21"),
        ("fr", "Les soldes commencent deux jours après Noël 2025.", "deux jours après Noël 2025", "2025-12-27"),
        ("it", "Le scuole riaprono il primo lunedì dopo Pasqua 2025.", "primo lunedì dopo Pasqua 2025", "2025-04-21"),
        ("it", "I saldi iniziano due giorni dopo Natale 2025.", "due giorni dopo Natale 2025", "2025-12-27"),
        ("it", "Il governo è caduto nel mese dopo Natale 2024.", "nel mese dopo Natale 2024", "2025-01"),
        ("ro", "Magazinele se redeschid la două zile după Crăciun 2025.", "două zile după Crăciun 2025", "2025-12-27"),
    ],
)
def test_a_date_counted_from_a_holiday(lang: str, text: str, mention: str, value: str) -> None:
    assert [(m.text, m.value) for m in find_dates(text, lang, REF)] == [(mention, value)]


def test_a_holiday_alone_and_the_day_after_it_are_unchanged() -> None:
    assert [m.value for m in find_dates("on Christmas Day 2024", "en", REF)] == ["2024-12-25"]
    assert [m.value for m in find_dates("the day after Christmas 2024", "en", REF)] == ["2024-12-26"]
