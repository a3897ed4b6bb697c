"""First-view digests: what the unfiltered Who-said-what and Timeline views read from them is what the reports say,
they stay in step when articles are added one by one, and any other write takes them out of use until repaired."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pressdesk import pipeline, store
from pressdesk.ingest import ingest_upload
from pressdesk.store import digest, story_queries
from pressdesk.store import timeline_queries as tq
from tests.conftest import SAMPLES

NO_FILTER = tq.EventFilter()


def _live(monkeypatch, fn, *args, **kwargs):
    """What `fn` returns when the digests are not used."""
    with monkeypatch.context() as m:
        m.setattr(digest, "ready", lambda con: False)
        return fn(*args, **kwargs)


def _same(a, b):
    if isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            _same(x, y)
    elif isinstance(a, pd.DataFrame):
        assert a.columns.tolist() == b.columns.tolist()
        assert a.astype(str).values.tolist() == b.astype(str).values.tolist()
    else:
        assert a == b


def _tables(con) -> dict[str, list]:
    return {d.table: con.execute(f"SELECT * FROM {d.table} ORDER BY ALL").fetchall() for d in digest.DIGESTS}


def _assert_as_if_made_at_once(con) -> None:
    """The digests as kept equal the digests made again from every row."""
    kept = _tables(con)
    with store.writing(con) as cur:
        digest.refresh(cur)
    assert _tables(con) == kept


@pytest.fixture()
def sample(db_copy):
    con = store.connect(db_copy)
    yield con
    con.close()


def test_the_sample_corpus_has_digests_in_step_after_ingest(sample):
    assert digest.ready(sample)
    counts = _tables(sample)
    assert len(counts["statement_digest"]) == sample.execute(
        "SELECT count(DISTINCT group_id) FROM statement_groups").fetchone()[0] > 0
    assert len(counts["cluster_digest"]) == sample.execute(
        "SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0] > 0


@pytest.mark.parametrize("order", sorted(story_queries.GROUP_ORDERS))
@pytest.mark.parametrize(("min_reports", "limit", "offset"), [(None, 20, 0), (None, 3, 2), (2, 5, 0)])
def test_the_unfiltered_statement_view_from_the_digest_is_the_one_from_the_reports(
        sample, monkeypatch, order, min_reports, limit, offset):
    args = dict(order=order, min_reports=min_reports, limit=limit, offset=offset)
    got = story_queries.statement_groups(sample, **args)
    assert got[1] > 0
    _same(got, _live(monkeypatch, story_queries.statement_groups, sample, **args))


def test_the_statement_view_reads_the_digest_when_it_is_in_step(sample, monkeypatch):
    first = story_queries.statement_groups(sample, order="most reported", limit=1)[0]["group_id"].iloc[0]
    last = story_queries.statement_groups(sample, order="most reported", limit=1, offset=10**6)[1] - 1
    tail = story_queries.statement_groups(sample, order="most reported", limit=1, offset=last)[0]["group_id"].iloc[0]
    sample.execute("UPDATE statement_digest SET reports = 1000 WHERE group_id = ?", [tail])
    assert story_queries.statement_groups(sample, order="most reported", limit=1)[0]["group_id"].iloc[0] == tail
    assert _live(monkeypatch, story_queries.statement_groups, sample, order="most reported",
                 limit=1)[0]["group_id"].iloc[0] == first


RANGES = [(None, None), (date(2024, 10, 1), date(2024, 11, 30)), (date(2024, 11, 1), date(2024, 11, 5)),
          (date(1990, 1, 1), date(2030, 1, 1))]


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_the_unfiltered_timeline_from_the_digest_is_the_one_from_the_mentions(sample, monkeypatch, start, end):
    calls = [
        (tq.timeline_rows, (sample, NO_FILTER, start, end), {}),
        (tq.timeline_rows, (sample, NO_FILTER, start, end), {"max_bars": 3}),  # binned by week, month, ...
        (tq.timeline_rows, (sample, NO_FILTER, start, end), {"rows": "cluster", "max_rows": 4}),
        (tq.clusters_in_range, (sample, NO_FILTER, start, end), {"limit": 5}),
        (tq.clusters_count, (sample, NO_FILTER, start, end), {}),
        (tq.cluster_days, (sample, NO_FILTER), {}),
    ]
    for fn, args, kwargs in calls:
        got = fn(*args, **kwargs)
        _same(got, _live(monkeypatch, fn, *args, **kwargs))
    ids = sample.execute("SELECT DISTINCT cluster_id FROM events ORDER BY 1").fetchall()
    ids = [r[0] for r in ids]
    _same(tq.cluster_details(sample, NO_FILTER, ids), _live(monkeypatch, tq.cluster_details, sample, NO_FILTER, ids))


def test_a_filtered_view_does_not_read_the_digest(sample):
    sample.execute("UPDATE cluster_digest SET reports = reports + 1000")
    sample.execute("UPDATE statement_digest SET reports = reports + 1000")
    flt = tq.EventFilter(languages=("en", "fr", "it", "ro"))
    assert tq.clusters_in_range(sample, flt, limit=3)["reports"].max() < 1000
    frame, _ = story_queries.statement_groups(sample, languages=["en", "fr", "it", "ro"], order="most reported")
    assert frame["reports"].max() < 1000
    assert tq.clusters_in_range(sample, NO_FILTER, limit=3)["reports"].max() > 1000  # the unfiltered one does


def test_digests_kept_by_adding_articles_one_by_one_are_the_digests_made_at_once(con):
    for path in sorted(SAMPLES.glob("*.txt")):
        ingest_upload(con, path.name, path.read_bytes())
        assert digest.ready(con)
    assert all(_tables(con).values())
    _assert_as_if_made_at_once(con)


def test_a_refresh_rewrites_only_what_changed(sample):
    with store.writing(sample) as cur:
        assert digest.refresh(cur, []) == {"statement_digest": 0, "cluster_digest": 0}
    group = sample.execute("SELECT group_id FROM statement_groups LIMIT 1").fetchone()[0]
    sample.execute("UPDATE statement_groups SET group_id = 'elsewhere' WHERE group_id = ?", [group])
    with store.writing(sample) as cur:
        assert digest.refresh(cur, []) == {"statement_digest": 2, "cluster_digest": 0}  # the old key and the new
    assert sample.execute("SELECT count(*) FROM statement_digest WHERE group_id = ?", [group]).fetchone()[0] == 0
    assert sample.execute("SELECT count(*) FROM statement_digest WHERE group_id = 'elsewhere'").fetchone()[0] == 1


def test_an_add_rewrites_the_keys_of_its_articles_and_the_keys_it_merged_away_without_summing_every_key(sample):
    article, group = sample.execute("SELECT q.article_id, g.group_id FROM statement_groups g JOIN quotes q"
                                    " USING (quote_id) ORDER BY 1, 2 LIMIT 1").fetchone()
    other = sample.execute("SELECT group_id FROM statement_groups WHERE group_id <> ? ORDER BY 1 LIMIT 1",
                           [group]).fetchone()[0]
    sample.execute("UPDATE statement_groups SET group_id = ? WHERE group_id = ?", [group, other])  # merged into it
    sample.execute("UPDATE cluster_digest SET reports = reports + 1000")  # a key no write touched is not rewritten
    with store.writing(sample) as cur:
        counts = digest.refresh(cur, [article], gone={"statement_digest": [other]})
    assert counts["statement_digest"] >= 2 and counts["cluster_digest"] >= 1
    assert sample.execute("SELECT count(*) FROM statement_digest WHERE group_id = ?", [other]).fetchone()[0] == 0
    untouched = "cluster_id NOT IN (SELECT cluster_id FROM events WHERE article_id = ?)"
    assert sample.execute(f"SELECT min(reports) FROM cluster_digest WHERE {untouched}", [article]).fetchone()[0] >= 1000
    sample.execute(f"UPDATE cluster_digest SET reports = reports - 1000 WHERE {untouched}", [article])
    _assert_as_if_made_at_once(sample)


def test_an_add_that_renames_a_grouped_speaker_leaves_the_digests_in_step(con):
    said = "said that the old bridge over the river would reopen in two weeks after the repairs, with forty workers."
    for i, text in enumerate([f"Petrovski {said}", f"Speaking to reporters, Petrovski {said}",
                              f"The mayor Ivan Petrovski {said}"]):  # the last renames the others' speaker
        ingest_upload(con, f"{i}.txt", text.encode())
        assert digest.ready(con)
        _assert_as_if_made_at_once(con)


def test_an_add_whose_event_merges_two_stored_clusters_leaves_the_digests_in_step(con, monkeypatch):
    refreshed = []
    keep = digest.refresh
    monkeypatch.setattr(digest, "refresh", lambda cur, ids=None, gone=None: refreshed.append(gone) or keep(cur, ids, gone))
    for i, text in enumerate([
            "On 21 October 2024, Dmitri Peskov met reporters in Moscow to discuss the talks.",
            "On 21 October 2024, Mark Rutte visited the headquarters in Brussels.",
            "On 21 October 2024, Dmitri Peskov and Mark Rutte spoke by telephone about the troops."]):  # both
        ingest_upload(con, f"{i}.txt", f"Published 25 October 2024.\n\n{text}".encode())
        assert digest.ready(con)
        _assert_as_if_made_at_once(con)
    adds = [gone for gone in refreshed if gone is not None]  # the others are the checks' full refreshes
    assert len(adds) == 3 and len(adds[-1]["cluster_digest"]) == 1  # the later cluster's id is gone


def test_any_other_write_takes_the_digests_out_of_use_until_the_corpus_steps_run(sample):
    article = sample.execute("SELECT article_id FROM articles ORDER BY 1 LIMIT 1").fetchone()[0]
    pipeline.write_rows(sample, [article], *pipeline.frames([]))  # its events and quotes gone, steps pending
    assert not digest.ready(sample)
    sample.execute("UPDATE cluster_digest SET reports = reports + 1000")
    assert tq.clusters_in_range(sample, NO_FILTER, limit=3)["reports"].max() < 1000  # read from the mentions
    pipeline.refresh_if_stale(sample)
    assert digest.ready(sample)
    _assert_as_if_made_at_once(sample)


def test_a_corrected_publication_date_leaves_the_digests_in_step(sample):
    article = sample.execute("SELECT article_id FROM quotes WHERE said_on IS NULL LIMIT 1").fetchone()
    article = article[0] if article else sample.execute("SELECT article_id FROM articles LIMIT 1").fetchone()[0]
    pipeline.set_published(sample, article, date(2023, 3, 3))
    assert digest.ready(sample)
    _assert_as_if_made_at_once(sample)


def test_a_database_made_before_the_digests_gets_them_on_the_next_start(db_copy):
    con = store.connect(db_copy)
    con.execute("DELETE FROM statement_digest; DELETE FROM cluster_digest; DELETE FROM settings WHERE key = ?",
                [digest.DIGEST_KEY])
    assert not digest.ready(con) and not pipeline.is_stale(con)
    assert pipeline.refresh_if_stale(con) is None
    assert digest.ready(con) and all(_tables(con).values())
    con.close()
