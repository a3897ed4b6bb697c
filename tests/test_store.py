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
