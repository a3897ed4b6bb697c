"""Extraction stays linear in its input: long sentences are bounded, and the work done grows with the text."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pressdesk import events as ev
from pressdesk.sentences import MAX_SENTENCE, split_sentences

CLAUSE = ("Le ministre a déclaré le 3 mars que les troupes partiraient, a rapporté Reuters, "
          "tandis que Sergueï Lavrov affirmait lundi que rien n'était décidé, ")


def _paragraph(size: int) -> str:
    """One paragraph without a full stop: what a careless paste looks like."""
    return (CLAUSE * (size // len(CLAUSE) + 1))[:size].rstrip(", ")


def test_an_endless_sentence_is_cut_at_clause_boundaries():
    text = _paragraph(25_000)
    sents = split_sentences(text, "fr")
    assert len(sents) > 25
    assert all(len(s.text) <= MAX_SENTENCE for s in sents)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:], strict=False))
    assert re.sub(r"\s", "", "".join(s.text for s in sents)) == re.sub(r"\s", "", text)  # nothing lost
    assert all(s.text.endswith(",") for s in sents[:-1])  # cut after a comma, not inside a word


def test_a_text_without_any_break_is_cut_hard():
    sents = split_sentences("x" * 2_500, "en")
    assert [len(s.text) for s in sents] == [MAX_SENTENCE, MAX_SENTENCE, 500]


def test_ordinary_sentences_are_untouched():
    text = "Il a parlé lundi, a-t-il dit. " + "Le 3 mars, les troupes sont parties, a rapporté Reuters."
    assert [s.text for s in split_sentences(text, "fr")] == [
        "Il a parlé lundi, a-t-il dit.", "Le 3 mars, les troupes sont parties, a rapporté Reuters."]


def _date_and_entity_work(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """Characters that date finding and entity finding read while extracting text (events + quotes)."""
    import pressdesk.dates
    from pressdesk.quotes import extract_quotes

    scanned = [0]
    real_dates, real_entities = pressdesk.dates.find_dates, ev.find_entities

    def dates(chunk: str, *args: object):
        scanned[0] += len(chunk)
        return real_dates(chunk, *args)

    def entities(chunk: str, *args: object):
        scanned[0] += len(chunk)
        return real_entities(chunk, *args)

    monkeypatch.setattr(pressdesk.dates, "find_dates", dates)
    monkeypatch.setattr(ev, "find_dates", dates)
    monkeypatch.setattr(ev, "find_entities", entities)
    sents = split_sentences(text, "fr")
    published = date(2024, 3, 10)
    ev.events_for_article("a", text, "fr", published, sents)
    extract_quotes(text, "fr", published, sents)
    return scanned[0]


def test_extraction_work_grows_linearly_with_a_long_paragraph(monkeypatch):
    small = _date_and_entity_work(monkeypatch, _paragraph(3_000))
    large = _date_and_entity_work(monkeypatch, _paragraph(24_000))
    assert small > 3_000  # the counters see the work
    assert large <= 10 * small  # 8x the text: about 8x the work (unbounded sentences made it ~60x)


def _snapshot(con) -> tuple[list, list]:
    events = con.execute("SELECT * EXCLUDE (cluster_id) FROM events ORDER BY event_id").fetchall()
    quotes = con.execute("SELECT * FROM quotes ORDER BY quote_id").fetchall()
    return events, quotes


def test_the_process_pool_writes_the_same_rows_as_one_process(tmp_path):
    import json

    from benchmarks.corpus import generate
    from pressdesk import parallel, store
    from pressdesk.ingest import ingest
    from pressdesk.pipeline import extract_articles

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in generate(parallel.SERIAL_BELOW + 12)), encoding="utf-8")
    con = store.connect(tmp_path / "pool.duckdb")
    ids = ingest(con, [feed], extract=False).added
    assert len(ids) >= parallel.SERIAL_BELOW
    extract_articles(con, ids, workers=1)
    serial = _snapshot(con)
    extract_articles(con, ids, workers=2)
    assert serial[0] and serial[1]
    assert _snapshot(con) == serial


def test_a_small_batch_stays_in_process():
    from pressdesk import parallel

    with parallel.pool(parallel.SERIAL_BELOW - 1, workers=2) as executor:
        assert executor is None
    with parallel.pool(parallel.SERIAL_BELOW * 4, workers=2) as executor:
        assert executor is not None
