"""Importing a translation cache from the Translations page: columns checked, rows imported and skipped reported."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from pressdesk.translate import cache
from pressdesk.translate.upload import import_upload
from tests.test_pages import query, run


def _parquet(frame: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    frame.to_parquet(out, index=False)
    return out.getvalue()


ROWS = pd.DataFrame({"source_lang": ["fr", "fr", "it"], "target_lang": ["en", "en", "en"],
                     "provider": ["libre", "libre", "libre"],
                     "source_text": ["Bonjour le monde.", "Merci.", None],
                     "translated": ["Hello world.", "Thanks.", "Missing source."]})


def test_import_reports_rows_imported_and_skipped(con):
    first = import_upload(con, _parquet(ROWS))
    assert (first.rows, first.imported, first.skipped) == (3, 2, 1)
    assert cache.count(con) == 2
    again = import_upload(con, _parquet(ROWS))
    assert (again.imported, again.skipped) == (0, 3)
    assert again.summary().startswith("3 rows read: 0 imported, 3 skipped")


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"source_lang,target_lang\nfr,en\n", "not a Parquet file"),
    (_parquet(pd.DataFrame({"text": ["a"], "translated": ["b"]})), "missing column(s)"),
])
def test_a_file_that_is_not_a_cache_is_refused_in_one_line(con, data, reason):
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        import_upload(con, data)
    assert cache.count(con) == 0


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


def test_translations_page_offers_import_to_editors_only_and_shows_the_cache(app_db):
    from streamlit import config

    n = query(app_db, "SELECT count(*) FROM translations")[0][0]
    at = run("pages/3_Translations.py")
    assert any(e.label.startswith(f"Translation cache: {n:,} texts") for e in at.expander)
    assert any(u.proto.label == "Translation cache (Parquet)" for u in at.get("file_uploader"))
    config.set_option("server.address", "0.0.0.0")  # a public server with no sign-in: viewers only
    viewer = run("pages/3_Translations.py")
    assert not viewer.get("file_uploader") and not [b for b in viewer.button if b.key == "import_cache"]


def test_parquet_uploaded_on_the_page_is_imported_and_reported(app_db):
    before = query(app_db, "SELECT count(*) FROM translations")[0][0]
    at = run("pages/3_Translations.py")
    at.file_uploader(key="cache_file").upload("cache.parquet", _parquet(ROWS)).run()
    at.button(key="import_cache").click().run()
    assert not at.exception
    assert [s.value.replace("\\", "") for s in at.success] == ["3 rows read: 2 imported, 1 skipped (already cached, or without text, "
                                             "translation or language)."]
    assert query(app_db, "SELECT count(*) FROM translations")[0][0] == before + 2
    assert any(e.label.startswith(f"Translation cache: {before + 2:,} texts") for e in at.expander)
    at.file_uploader(key="cache_file").clear().upload("notes.parquet", b"not parquet at all").run()
    at.button(key="import_cache").click().run()
    assert [e.value.replace("\\", "") for e in at.error] == ["notes.parquet was not imported: not a Parquet file"]
