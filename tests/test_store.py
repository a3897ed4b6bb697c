from datetime import date

import pytest

from pressdesk import store
from pressdesk.store.schema import MIGRATIONS


def test_migrations_are_recorded_and_applied_once(tmp_path):
    path = tmp_path / "x.duckdb"
    con = store.connect(path)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert versions == [m[0] for m in MIGRATIONS]
    con.close()
    con = store.connect(path)  # reopening applies nothing new
    assert store.migrate(con) == []
    assert store.schema_version(con) == MIGRATIONS[-1][0]


def test_public_tables_have_contract_columns(con):
    def cols(table):
        return {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}

    assert {"article_id", "source", "url", "title", "publisher", "language", "published", "published_origin",
            "text", "content_hash", "ingested_at"} <= cols("articles")
    assert {"article_id", "idx", "start_char", "end_char", "text"} <= cols("sentences")
    assert {"event_id", "article_id", "sentence_idx", "date_text", "date_start", "date_end", "precision",
            "year_known", "summary", "actors", "cluster_id"} <= cols("events")
    assert {"quote_id", "article_id", "sentence_idx", "start_char", "end_char", "speaker", "speaker_surface",
            "speaker_role", "speaker_type", "kind", "cue", "text", "said_on", "via", "language"} <= cols("quotes")
    assert {"text_hash", "source_lang", "target_lang", "provider", "source_text", "translated",
            "created_at"} <= cols("translations")


def test_db_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PRESSDESK_DB", str(tmp_path / "elsewhere.duckdb"))
    assert store.db_path() == tmp_path / "elsewhere.duckdb"
    monkeypatch.delenv("PRESSDESK_DB")
    assert store.db_path().name == "pressdesk.duckdb"


def _store_before(path, migration: str):
    """A store at the schema just before the migration whose name starts with `migration`, as an older release left
    it (a plain connection: opening it with store.connect applies the rest)."""
    import duckdb

    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    ours = next(m[0] for m in MIGRATIONS if m[1].startswith(migration))
    for version, name, statements in [m for m in MIGRATIONS if m[0] < ours]:
        for sql in statements:
            con.execute(sql)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
    return con


def test_year_unknown_dates_are_migrated_to_null_date_and_month_day(tmp_path):
    """Rows stored with the placeholder year 2000 lose that year: no query can mistake them for real dates."""
    path = tmp_path / "old.duckdb"
    con = _store_before(path, "year-unknown")
    con.execute("INSERT INTO articles (article_id, text, content_hash, published) VALUES "
                "('a', 'x', 'h1', NULL), ('b', 'y', 'h2', DATE '2024-11-22')")
    con.execute("INSERT INTO events (event_id, article_id, date_start, date_end, precision, year_known) VALUES "
                "('e1', 'a', DATE '2000-11-18', DATE '2000-11-18', 'day', false),"
                "('e2', 'b', DATE '2024-11-21', DATE '2024-11-21', 'day', true),"
                "('e3', 'b', DATE '2024-03-01', DATE '2024-03-31', 'month', true)")
    con.execute("INSERT INTO quotes (quote_id, article_id, said_on) VALUES ('q1', 'a', DATE '2000-11-18')")
    con.close()
    con = store.connect(path)
    rows = con.execute("SELECT event_id, date_start, date_end, month, day, year_known FROM events ORDER BY 1").fetchall()
    assert [r[:5] for r in rows] == [
        ("e1", None, None, 11, 18),
        ("e2", date(2024, 11, 21), date(2024, 11, 21), 11, 21),
        ("e3", date(2024, 3, 1), date(2024, 3, 31), 3, None),
    ]
    assert rows[0][5] is False
    assert con.execute("SELECT said_on FROM quotes").fetchone()[0] is None
    assert con.execute("SELECT count(*) FROM events WHERE year(date_start) = 2000").fetchone()[0] == 0


def test_the_checkpoint_threshold_comes_from_the_environment_checked(monkeypatch):
    con = store.connect(":memory:")
    assert con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] == "122.0 MiB"  # 128MB
    monkeypatch.setenv("PRESSDESK_CHECKPOINT_THRESHOLD", "32MB")
    con = store.connect(":memory:")
    assert con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] == "30.5 MiB"
    monkeypatch.setenv("PRESSDESK_CHECKPOINT_THRESHOLD", "1'; DROP TABLE articles; --")
    with pytest.raises(ValueError, match="PRESSDESK_CHECKPOINT_THRESHOLD must be a size"):
        store.connect(":memory:")


def test_statement_groups_are_renamed_to_their_smallest_quote_id_with_their_digest_rows(tmp_path):
    """A store grouped when groups were named by their earliest report: each group and its digest row take the
    group's smallest quote id, as grouping names them now, and nothing else changes."""
    path = tmp_path / "old.duckdb"
    con = _store_before(path, "statement groups named")
    con.execute("INSERT INTO statement_groups (quote_id, group_id, speaker, reason) VALUES ('q-late', 'q-late', 'X',"
                " NULL), ('a-early', 'q-late', 'X', 'same words'), ('q-alone', 'q-alone', 'Y', NULL)")
    con.execute("INSERT INTO statement_digest VALUES ('q-late', 2, 7, DATE '2024-11-01', DATE '2024-11-02', 2, 1),"
                " ('q-alone', 1, 9, DATE '2024-11-03', DATE '2024-11-03', 1, 1)")
    con.close()
    con = store.connect(path)
    assert con.execute("SELECT quote_id, group_id, reason FROM statement_groups ORDER BY 1").fetchall() == [
        ("a-early", "a-early", "same words"), ("q-alone", "q-alone", None), ("q-late", "a-early", None)]
    assert con.execute("SELECT group_id, n, h FROM statement_digest ORDER BY 1").fetchall() == [
        ("a-early", 2, 7), ("q-alone", 1, 9)]
    con.close()
