"""Timeline shaping: default range, presets, titles, minimum bar width, day axis, year-unknown placement."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pressdesk import timeline
from tests.test_pages import query, run


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def test_dense_range_ignores_a_lone_background_mention():
    starts = [date(2022, 2, 1)] + [date(2024, 10, d) for d in (14, 21, 21, 31)] + [date(2024, 11, 1), date(2024, 11, 6)]
    assert timeline.dense_range(starts) == (date(2024, 10, 12), date(2024, 11, 8))
    assert timeline.dense_range([]) is None


def test_presets_count_back_from_newest_article():
    starts, ends = [date(2022, 2, 1), date(2024, 11, 1)], [date(2022, 2, 28), date(2024, 11, 1)]
    assert timeline.preset_range("all", starts, ends, None) == (date(2022, 2, 1), date(2024, 11, 1))
    assert timeline.preset_range("30d", starts, ends, date(2024, 11, 2)) == (date(2024, 10, 3), date(2024, 11, 3))
    custom = (date(2024, 1, 1), date(2024, 2, 1))
    assert timeline.preset_range("custom", starts, ends, None, custom) == custom


def test_title_is_actor_and_what_follows_without_the_date():
    s = "Citând serviciile de informaţii americane, secretarul de stat american, Antony Blinken, a declarat joi că trupe"
    assert timeline.title(s, ["United States", "Antony Blinken"], "joi") == "Antony Blinken: a declarat că trupe"
    s = "Le 21 octobre également, l'agence de presse TASS a cité l'ambassadeur de Russie en Corée du Sud"
    assert timeline.title(s, [], "Le 21 octobre") == "l'agence de presse TASS a cité l'ambassadeur"
    assert len(timeline.title("word " * 50)) <= 60


def test_short_bars_are_widened_around_their_centre():
    frame = pd.DataFrame({"start": [pd.Timestamp("2024-11-01")], "end": [pd.Timestamp("2024-11-02")]})
    days = timeline.min_bar_days(date(2022, 1, 1), date(2024, 12, 31))
    wide = timeline.widen(frame, days)
    length = (wide["end"] - wide["start"]).iloc[0]
    assert abs(length - pd.Timedelta(days=days)) < pd.Timedelta(seconds=1) and days > 20
    assert abs(wide["start"].iloc[0] + length / 2 - pd.Timestamp("2024-11-01 12:00")) < pd.Timedelta(seconds=1)
    long = pd.DataFrame({"start": [pd.Timestamp("2024-06-01")], "end": [pd.Timestamp("2024-07-01")]})
    assert timeline.widen(long, 1.0)["start"].iloc[0] == pd.Timestamp("2024-06-01")


def test_short_range_axis_ticks_by_day_never_hours():
    ticks = timeline.axis_ticks(date(2024, 11, 1), date(2024, 11, 1))
    assert ticks["dtick"] == 86_400_000 and "%H" not in ticks["tickformat"]
    assert timeline.axis_ticks(date(2022, 1, 1), date(2024, 12, 1))["tickformat"] == "%b %Y"


def _lavrov_choe(app_db):
    return query(app_db, "SELECT cluster_id FROM events WHERE year_known AND list_contains(actors, 'Choe Son Hui')")[0][0]


def test_default_range_fits_dense_events_and_presets_are_in_url(app_db):
    at = run("pages/1_Timeline.py")
    assert at.session_state["range"] == "dense"
    assert any("more outside this range" in c.value for c in at.caption)
    at.radio(key="range").set_value("all").run()
    assert at.query_params["range"] in ("all", ["all"])
    assert not any("more outside this range" in c.value for c in at.caption)
    at = run("pages/1_Timeline.py", range="custom", **{"from": "2024-10-30", "to": "2024-11-02"})
    assert at.session_state["from"] == date(2024, 10, 30)
    assert any("30 Oct 2024 – 02 Nov 2024" in c.value for c in at.caption)


def test_year_unknown_report_joins_its_day_and_month_cluster(app_db):
    at = run("pages/1_Timeline.py", event=_lavrov_choe(app_db))
    assert any("2 report(s)" in h.value for h in at.subheader)
    assert any("year unknown; grouped here" in c.value and "Sergei Lavrov" in c.value for c in at.caption)


def test_titles_show_in_the_analysts_language_when_cached(app_db):
    from pressdesk import store
    from pressdesk.translate.cache import Translated
    from pressdesk.translate.cache import store as cache_store

    cluster = _lavrov_choe(app_db)
    summary = query(app_db, "SELECT summary FROM events WHERE cluster_id = ? AND year_known LIMIT 1", [cluster])[0][0]
    con = store.connect(app_db)
    cache_store(con, [Translated(source_text=summary, translated="Choe Son Hui promised support to Russia",
                                 source_lang="ro", target_lang="en", provider="libre")])
    con.close()
    at = run("pages/1_Timeline.py")
    assert any("Choe Son Hui: promised support to Russia" in o for o in at.selectbox(key="event").options)
