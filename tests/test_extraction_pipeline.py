"""Events, clusters, speaker merging and the HTML/export views built on them."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from pressdesk import quote_views, render, store, timeline
from pressdesk.events import Event, cluster, events_for_article
from pressdesk.ingest import ingest_upload
from pressdesk.sentences import split_sentences
from pressdesk.store import timeline_queries as tq


def _event(eid, article, start, end=None, precision="day", actors=(), types=None):
    actors = list(actors)
    return Event(event_id=eid, article_id=article, sentence_idx=0, start_char=0, end_char=1, date_text="x",
                 date_start=start, date_end=end or start, precision=precision, year_known=True, summary="s",
                 actors=actors, actor_types=types or ["person"] * len(actors))


def test_events_carry_sentence_summary_and_actors():
    text = "Titolo\nIl ministro Sergei Lavrov ha incontrato giovedì il collega cinese Wang Yi a Pechino."
    sents = split_sentences(text, "it")
    events = events_for_article("a1", text, "it", date(2024, 11, 1), sents)
    assert len(events) == 1
    ev = events[0]
    assert ev.date_start == date(2024, 10, 31) and ev.precision == "day"
    assert ev.summary == sents[1].text and ev.sentence_idx == 1
    assert "Sergei Lavrov" in ev.actors and "Wang Yi" in ev.actors
    assert text[ev.start_char:ev.end_char] == ev.date_text


def test_clusters_need_same_dates_and_a_shared_specific_actor():
    d = date(2024, 10, 21)
    events = [
        _event("e1", "a1", d, actors=["Dmitri Peskov", "Russia"], types=["person", "country"]),
        _event("e2", "a2", d, actors=["Dmitri Peskov"]),
        _event("e3", "a3", d, actors=["Mark Rutte", "Russia"], types=["person", "country"]),  # only a country shared
        _event("e4", "a4", date(2024, 10, 22), actors=["Dmitri Peskov"]),  # another day
        _event("e5", "a5", date(2024, 10, 1), date(2024, 10, 31), "month", ["Dmitri Peskov"]),  # other precision
    ]
    clusters = cluster(events)
    assert clusters["e1"] == clusters["e2"]
    assert len({clusters[e] for e in ("e1", "e3", "e4", "e5")}) == 4


def test_cross_language_reports_share_a_cluster(con):
    fr = "Le ministre Sergueï Lavrov a reçu Choe Son Hui à Moscou le 1er novembre 2024 pour des entretiens."
    ro = "Serghei Lavrov a primit-o pe Choe Son Hui la Moscova la 1 noiembrie 2024, pentru discuții strategice."
    ingest_upload(con, "fr.txt", fr.encode())
    ingest_upload(con, "ro.txt", ro.encode())
    rows = store.events(con)
    assert len(rows) == 2 and rows["cluster_id"].nunique() == 1
    clustered = tq.clusters_in_range(con, tq.EventFilter())
    assert clustered.iloc[0]["articles"] == 2 and list(clustered.iloc[0]["languages"]) == ["fr", "ro"]
    assert store.counts(con)["clusters"] == 1


def test_reingesting_does_not_duplicate_extractions(con):
    text = "Kremlin spokesman Dmitry Peskov said on Monday that talks would continue next week in Istanbul."
    first = ingest_upload(con, "a.txt", text.encode(), extract=True)
    before = store.counts(con)
    again = ingest_upload(con, "b.txt", text.encode(), extract=True)
    assert len(first.added) == 1 and again.duplicates == 1
    assert store.counts(con) == before


def _store_events(con, events, languages=None):
    """Events and their articles written straight to the store (one article per event, language from `languages`)."""
    arts = pd.DataFrame([{"article_id": e.article_id, "source": e.article_id, "content_hash": e.article_id,
                          "language": (languages or {}).get(e.article_id, "en"), "publisher": "X", "text": "t"}
                         for e in events]).drop_duplicates("article_id")
    rows = pd.DataFrame([{**e.__dict__, "cluster_id": e.event_id} for e in events])
    with store.writing(con, arts=arts, rows=rows) as cur:
        cur.execute("INSERT INTO articles BY NAME SELECT * FROM arts")
        cur.execute("INSERT INTO events BY NAME SELECT * FROM rows")


def test_timeline_bars_span_days_and_months(con):
    _store_events(con, [_event("c1", "a1", date(2024, 6, 1), date(2024, 6, 30), "month", ["Russia"]),
                        _event("c2", "a2", date(2024, 6, 3))], {"a2": "fr"})
    frame, total, grain = tq.timeline_rows(con, tq.EventFilter(), None, None)
    frame["label"] = frame["summary"]
    bars = timeline.bars(frame, rows="actor", colour="language")
    month, day = bars.set_index("cluster_id").loc["c1"], bars.set_index("cluster_id").loc["c2"]
    assert (month["end"] - month["start"]).days == 30 and (day["end"] - day["start"]).days == 1
    assert day["row"] == "(no actor named)" and day["colour"] == "fr" and month["row"] == "Russia"
    assert total == 2 and grain == "cluster"
    assert timeline.span_text(date(2024, 6, 1), date(2024, 6, 30), "month") == "Jun 2024"
    assert timeline.span_text(date(2000, 9, 22), date(2000, 9, 22), "day", year_known=False) == "22 Sep (year unknown)"


def test_timeline_keeps_the_busiest_rows(con):
    events = [_event(f"c{i}-{k}", f"a{i}-{k}", date(2024, 1, 1 + i), actors=[f"A{i}", "Hub"])
              for i in range(10) for k in range(1 + i)]
    _store_events(con, events)
    con.execute("UPDATE events SET cluster_id = split_part(event_id, '-', 1)")
    by_actor, total, _ = tq.timeline_rows(con, tq.EventFilter(), None, None, "actor", max_rows=3)
    assert set(by_actor["row"]) == {"Hub", "A9", "A8"} and total == 11
    assert by_actor[by_actor["row"] == "A9"]["reports"].tolist() == [10]
    by_event, total, _ = tq.timeline_rows(con, tq.EventFilter(), None, None, "cluster", max_rows=2)
    assert list(by_event["cluster_id"]) == ["c8", "c9"] and total == 10


def test_timeline_bins_clusters_when_there_are_too_many_bars(con):
    events = [_event(f"e{i}", f"a{i}", date(2024, 1, 1) + pd.Timedelta(days=i).to_pytimedelta(), actors=["Hub"])
              for i in range(60)]
    _store_events(con, events)
    con.execute("UPDATE events SET cluster_id = event_id")
    start, end = date(2024, 1, 1), date(2024, 3, 1)
    single, _, grain = tq.timeline_rows(con, tq.EventFilter(), start, end, max_bars=100)
    assert grain == "cluster" and len(single) == 60
    binned, _, grain = tq.timeline_rows(con, tq.EventFilter(), start, end, max_bars=10)
    assert grain == "week" and binned["events"].sum() == 60 and len(binned) == 9
    assert all(d.weekday() == 0 for d in binned["date_start"])  # weeks start on Monday
    assert tq.bin_unit(date(2020, 1, 1), date(2024, 1, 1)) == ("month", 31)
    assert tq.clusters_count(con, tq.EventFilter(), date(2024, 2, 1), None) == 29


def test_render_escapes_article_text_and_marks_spans():
    text = 'Il a dit <script>alert("x")</script> « nous gagnerons » le 5 mai.'
    html = render.highlight(text, [(text.index("«"), text.index("»") + 1, "pd-quote", 'q"1'),
                                   (text.index("le 5"), text.index("mai") + 3, "pd-date", "2024-05-05")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="pd-quote" title="q&quot;1">« nous gagnerons »</mark>' in html
    assert '<mark class="pd-date" title="2024-05-05">le 5 mai</mark>' in html
    assert render.clip([(5, 50, "pd-quote", "")], 10, 20) == [(10, 20, "pd-quote", "")]
    table = render.aligned_html([("<b>escaped by caller</b>", None, "not translated yet <x>")])
    assert "not translated yet &lt;x&gt;" in table


def test_statements_relayed_by_several_outlets_are_grouped_and_exports_are_safe():
    frame = pd.DataFrame([
        {"speaker": "Antony Blinken", "article_id": "a", "text": "We have not yet seen these troops in combat",
         "compare_text": "We have not yet seen these troops in combat", "kind": "direct"},
        {"speaker": "Antony Blinken", "article_id": "b", "text": "Nu am văzut încă aceste trupe",
         "compare_text": "We have not yet seen these troops deployed in combat", "kind": "direct"},
        {"speaker": "Antony Blinken", "article_id": "c", "text": "=HYPERLINK(\"http://x\")",
         "compare_text": "Sanctions will follow", "kind": "direct"},
        {"speaker": "Sergei Lavrov", "article_id": "d", "text": "We have not yet seen these troops in combat",
         "compare_text": "We have not yet seen these troops in combat", "kind": "direct"},
    ])
    grouped = quote_views.group_statements(frame)
    assert grouped["statement"].tolist()[:2] == [0, 0] and grouped["relays"].tolist()[0] == 2
    assert grouped["statement"].nunique() == 3
    csv = quote_views.to_csv(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv
    assert quote_views.to_excel(frame)[:2] == b"PK"  # an xlsx (zip) file


def test_analyst_publication_date_re_resolves_relative_dates(con):
    from pressdesk.pipeline import set_published

    text = "Le ministre a annoncé jeudi un nouvel accord. La réunion aura lieu le 3 décembre à Bruxelles."
    [aid] = ingest_upload(con, "undated.txt", text.encode()).added
    before = store.events(con)
    assert list(before["date_text"]) == ["le 3 décembre"] and not before["year_known"][0]
    assert pd.isna(before["date_start"][0]) and (before["month"][0], before["day"][0]) == (12, 3)  # no year 2000
    set_published(con, aid, date(2024, 11, 22))  # a Friday
    after = store.events(con).set_index("date_text")
    assert after.loc["jeudi", "date_start"] == date(2024, 11, 21)
    assert after.loc["le 3 décembre", "date_start"] == date(2024, 12, 3) and after.loc["le 3 décembre", "year_known"]
    art = store.article(con, aid)
    assert art["published_origin"] == "analyst" and '"published": "analyst"' in art["provenance"]


def test_extractions_are_refreshed_when_the_extractor_changes(con, monkeypatch):
    from pressdesk import pipeline

    ingest_upload(con, "a.txt", b"Kremlin spokesman Dmitry Peskov said on Monday that talks would go on.")
    assert not pipeline.is_stale(con) and pipeline.refresh_if_stale(con) is None
    monkeypatch.setattr(pipeline, "fingerprint", lambda: "another-version")
    con.execute("DELETE FROM quotes")  # what an older extractor might have left
    assert pipeline.is_stale(con)
    assert pipeline.refresh_if_stale(con)["quotes"] >= 1
    assert not pipeline.is_stale(con) and store.counts(con)["quotes"] >= 1


def test_fingerprint_follows_language_data(tmp_path, monkeypatch):
    from pressdesk import pipeline

    before = pipeline.fingerprint()
    data = tmp_path / "data"
    (data / "dates").mkdir(parents=True)
    for name in pipeline.EXTRACTOR_DATA:
        src = pipeline.DATA / name
        if src.is_file():
            (data / name).write_bytes(src.read_bytes())
    for folder in ("dates", "cues"):
        (data / folder).mkdir(exist_ok=True)
        for src in (pipeline.DATA / folder).glob("*.*"):
            (data / folder / src.name).write_bytes(src.read_bytes())
    monkeypatch.setattr(pipeline, "DATA", data)
    assert pipeline.fingerprint() == before
    with open(data / "cues" / "en.csv", "a", encoding="utf-8") as fh:
        fh.write("\n")
    assert pipeline.fingerprint() != before


def test_markdown_escaping_neutralises_links_and_html():
    escaped = render.md("![pixel](http://evil.example/t.png) <img src=x> **Lavrov**")
    assert re.search(r"(?<!\\)[!\[\]()<>*]", escaped) is None  # every special character is escaped
    assert render.md("Sergei   Lavrov\n") == "Sergei Lavrov"


def test_year_unknown_day_is_shown_from_month_and_day_columns():
    assert timeline.month_day_text(9, 22) == "22 Sep"
    assert timeline.month_day_text(9.0, float("nan")) == "Sep"
    assert timeline.month_day_text(None, None) == "?"


def _clusters(con) -> set[frozenset]:
    return {frozenset(ids) for (ids,) in con.execute("SELECT list(event_id) FROM events GROUP BY cluster_id").fetchall()}


def test_a_new_event_linking_two_stored_clusters_merges_them_under_the_smallest_id(con):
    from pressdesk import clusters

    d = date(2024, 10, 21)
    _store_events(con, [_event("e5", "a1", d, actors=["Dmitri Peskov"]), _event("e3", "a2", d, actors=["Mark Rutte"]),
                        _event("e9", "a4", date(2024, 10, 28), actors=["Mark Rutte"])])
    clusters.recluster_all(con)
    _store_events(con, [_event("e7", "a3", d, actors=["Dmitri Peskov", "Mark Rutte"])])
    clusters.recluster_added(con, ["a3"])
    rows = dict(con.execute("SELECT event_id, cluster_id FROM events").fetchall())
    assert rows == {"e5": "e3", "e3": "e3", "e7": "e3", "e9": "e9"}
    clusters.recluster_all(con)
    assert dict(con.execute("SELECT event_id, cluster_id FROM events").fetchall()) == rows


def test_stored_events_narrowed_by_the_new_ones_span_and_actors_still_link_as_a_full_clustering_does(con):
    from pressdesk import clusters

    undated = dict(precision="day", actors=["Mark Rutte"])
    stored = [_event("e1", "a1", date(2024, 9, 1), date(2024, 10, 25), precision="range", actors=["Mark Rutte"]),
              _event("e2", "a2", date(2023, 5, 2), precision="range", actors=["Mark Rutte"]),  # before the new span
              _event("e3", "a3", date(2024, 10, 21), precision="range", actors=["Wang Yi"]),  # nobody new names
              _event("e4", "a4", None, **undated)]  # a day whose year is unknown
    new = [_event("e5", "a5", date(2024, 10, 20), date(2024, 10, 22), precision="range", actors=["Mark Rutte"]),
           _event("e6", "a6", None, **undated)]
    for e in (stored[3], new[1]):
        e.year_known, e.month, e.day = False, 10, 21
    _store_events(con, stored)
    clusters.recluster_all(con)
    _store_events(con, new)
    clusters.recluster_added(con, ["a5", "a6"])
    added = _clusters(con)
    assert added == {frozenset({"e1", "e5"}), frozenset({"e2"}), frozenset({"e3"}), frozenset({"e4", "e6"})}
    clusters.recluster_all(con)
    assert _clusters(con) == added


def test_articles_added_one_by_one_cluster_as_the_whole_corpus_does(con):
    from tests.conftest import ROOT

    for path in sorted((ROOT / "data/articles").glob("*.txt")):
        ingest_upload(con, path.name, path.read_bytes())
    added = _clusters(con)
    assert any(len(c) > 1 for c in added)
    from pressdesk import pipeline

    pipeline.recluster(con)
    assert _clusters(con) == added
    speakers = con.execute("SELECT count(DISTINCT speaker) FROM quotes").fetchone()[0]
    assert speakers > 5 and pipeline.merge_speakers(con) == {}  # nothing left that merging every name would merge


def test_a_new_spelling_of_a_stored_speaker_is_merged_when_its_article_is_added(con):
    ingest_upload(con, "one.txt", b"The mayor Ivan Petrovski said on Monday that the bridge would reopen soon.")
    ingest_upload(con, "two.txt", b"Iwan Petrowski said on Tuesday that the works were finished at last.")
    assert con.execute("SELECT DISTINCT speaker FROM quotes").fetchall() == [("Ivan Petrovski",)]


def test_a_big_ingest_starts_the_extraction_pool_while_it_reads_and_a_small_one_does_not(con, monkeypatch, tmp_path):
    from pressdesk import ingest as ingest_module
    from pressdesk import parallel

    started = []
    monkeypatch.setattr(parallel, "prestart", lambda: started.append(1))
    small = tmp_path / "one.txt"
    small.write_text("The minister said on Monday that talks would resume.", encoding="utf-8")
    ingest_module.ingest(con, [small], extract=False)
    ingest_module.ingest(con, [small])
    assert started == []
    big = tmp_path / "many.jsonl"
    tail = "and go on. " * 40
    big.write_text("\n".join(f'{{"text": "Article {i}: the minister said on Monday that talks would resume {tail}"}}'
                             for i in range(600)), encoding="utf-8")
    assert big.stat().st_size >= ingest_module.PRESTART_BYTES
    ingest_module.ingest(con, [big], extract=False)
    assert started == []  # no extraction follows: no pool
    monkeypatch.setattr(ingest_module, "_extract_added", lambda con, report: None)
    ingest_module.ingest(con, [big])
    assert started == [1]
