"""Viewers read, editors write: the access decision, the pages' edit controls, and the audit of every edit."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit import config as st_config

from pressdesk import access, audit, store
from tests.test_pages import query, run

OIDC = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s3cret",
                 "client_id": "id", "client_secret": "x", "server_metadata_url": "https://idp.example/.well-known"}}


# ------------------------------------------------------------------ the decision, pure


@pytest.mark.parametrize(("address", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("127.8.0.1", True),
    ("0.0.0.0", False), ("", False), (None, False), ("192.168.1.4", False), ("example.org", False), ("::", False),
])
def test_only_a_loopback_address_is_local(address, loopback):
    assert access.is_loopback(address) is loopback


def test_mode_prefers_oidc_then_password_then_the_bind_address():
    assert access.configure(OIDC, {"PRESSDESK_EDITOR_PASSWORD": "pw"}, "0.0.0.0").mode == "oidc"
    assert access.configure({}, {"PRESSDESK_EDITOR_PASSWORD": "pw"}, "127.0.0.1").mode == "password"
    assert access.configure({"PRESSDESK_EDITOR_PASSWORD": "from-secrets"}, {"PRESSDESK_EDITOR_PASSWORD": "env"},
                            None).password == "from-secrets"
    assert access.configure({}, {}, "127.0.0.1").mode == "local"
    assert access.configure({}, {}, "0.0.0.0").mode == "read-only"
    assert access.configure({}, {}, None).mode == "read-only"  # unset: Streamlit listens on every interface
    assert access.configure({"auth": {"cookie_secret": "x"}}, {}, None).mode == "read-only"  # no provider


def test_password_check_and_repr_never_shows_it():
    cfg = access.configure({}, {"PRESSDESK_EDITOR_PASSWORD": "correct horse"}, None)
    assert access.password_ok(cfg, "correct horse")
    assert not access.password_ok(cfg, "correct hors") and not access.password_ok(cfg, "")
    assert "correct horse" not in repr(cfg) and "correct horse" not in str(cfg)
    assert not access.password_ok(access.configure({}, {}, "127.0.0.1"), "")


def test_oidc_editor_needs_a_sign_in_and_the_allow_list():
    anyone = access.configure(OIDC, {}, None)
    listed = access.configure(OIDC, {"PRESSDESK_EDITORS": "Ed@Example.org, other@example.org"}, None)
    ed = {"is_logged_in": True, "email": "ed@example.org"}
    assert access.oidc_editor(anyone, ed) == "ed@example.org"
    assert access.oidc_editor(listed, ed) == "ed@example.org"
    assert access.oidc_editor(listed, {"is_logged_in": True, "email": "mallory@example.org"}) is None
    assert access.oidc_editor(anyone, {"is_logged_in": False}) is None
    assert access.oidc_editor(anyone, {}) is None
    assert [p for p in access.oidc_providers({"google": {"client_id": "a"}, "cookie_secret": "x"})] == ["google"]


# ------------------------------------------------------------------ the pages


@pytest.fixture()
def app_db(db_copy, monkeypatch):
    monkeypatch.setenv("PRESSDESK_DB", str(db_copy))
    monkeypatch.delenv("PRESSDESK_TRANSLATOR", raising=False)
    return db_copy


@pytest.fixture()
def public(app_db):
    """The server listens on every interface (a hosted link), with no sign-in configured."""
    st_config.set_option("server.address", "0.0.0.0")
    return app_db


def _labels(at) -> set[str]:
    return {b.label for b in at.button}


def test_public_server_without_sign_in_is_read_only(public):
    article_id = query(public, "SELECT article_id FROM articles")[0][0]
    at = run("dashboard.py", article=article_id)
    assert not at.get("file_uploader") and "Load" not in _labels(at)
    assert "Save and re-extract" not in _labels(at)
    assert any("Read-only" in i.value for i in at.info)
    tr = run("pages/3_Translations.py", article=article_id)
    assert not any(b.label.startswith("Translate") for b in tr.button)


def test_local_server_edits_and_the_audit_records_it(app_db):
    article_id, published = query(app_db, "SELECT article_id, published FROM articles ORDER BY 1")[0]
    at = run("dashboard.py", article=article_id)
    assert at.get("file_uploader") and "Load" in _labels(at)
    at.date_input(key=f"fix_{article_id}").set_value(date(2024, 11, 22))
    at.button(key=f"save_{article_id}").click().run()
    assert not at.exception
    rows = query(app_db, "SELECT who, action, target, before, after FROM audit WHERE article_id = ?", [article_id])
    assert rows == [("local", "correct date", "published", str(published) if published else None, "2024-11-22")]
    shown = at.get("expander")
    assert any("Changes to this article (1)" in e.label for e in shown)


def test_password_sign_in_unlocks_editing(public, monkeypatch):
    monkeypatch.setenv("PRESSDESK_EDITOR_PASSWORD", "s3cret-pw")
    at = run("dashboard.py")
    assert not at.get("file_uploader")
    at.text_input(key="sign_in_name_load").input("Ana")
    at.text_input(key="sign_in_password_load").input("wrong")
    at.button(key="FormSubmitter:sign_in_load-Sign in").click().run()
    assert not at.get("file_uploader") and any("Wrong password" in e.value for e in at.error)
    at.text_input(key="sign_in_password_load").input("s3cret-pw")
    at.button(key="FormSubmitter:sign_in_load-Sign in").click().run()
    assert at.get("file_uploader") and "Load" in _labels(at)
    at.text_area[0].input("GENEVA, 3 March 2025 - The minister said on Monday that talks would resume next week.")
    next(b for b in at.button if b.label == "Load").click().run()
    assert not at.exception
    rows = query(public, "SELECT who, action, target, after FROM audit")
    assert rows == [("Ana (password)", "paste", "pasted text", "added")]


def test_oidc_signed_in_editor_edits_and_others_read(public, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    def page(user: dict) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.secrets.update(OIDC)
        at.user = user
        at.run()
        assert not at.exception
        return at

    assert page({"is_logged_in": True, "email": "ed@example.org"}).get("file_uploader")
    signed_out = page({"is_logged_in": False})
    assert not signed_out.get("file_uploader") and "Sign in to edit" in _labels(signed_out)
    monkeypatch.setenv("PRESSDESK_EDITORS", "boss@example.org")
    stranger = page({"is_logged_in": True, "email": "ed@example.org"})
    assert not stranger.get("file_uploader") and "Sign out" in _labels(stranger)


def test_audit_rows_commit_with_their_edit(con):
    from pressdesk.ingest import ingest_upload

    report = ingest_upload(con, "a.txt", b"GENEVA, 3 March 2025 - The minister said talks would resume soon.",
                           extract=False)
    assert audit.log(con, "ed", "upload", [(report.added[0], "a.txt", None, "added")]) == 1
    with pytest.raises(RuntimeError), store.writing(con) as cur:
        audit.record(cur, "ed", "correct date", report.added[0], "published", None, "2025-01-01")
        raise RuntimeError("the edit failed")
    assert audit.history(con, report.added[0])[["who", "action", "target"]].values.tolist() == [
        ["ed", "upload", "a.txt"]]
