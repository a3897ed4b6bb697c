"""pressdesk.translate against a loopback LibreTranslate (deep-translator's real client; never the internet)."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import socket
import threading
import time
from pathlib import Path

import pytest

from pressdesk import store
from pressdesk.translate import (
    TARGET_LANGUAGES,
    TranslatorConfig,
    article_translations,
    cached_translations,
    corpus_texts,
    export_cache,
    import_cache,
    pending_for_corpus,
    text_hash,
    translate_article,
    translate_texts,
)
from pressdesk.translate import cli as translate_cli
from pressdesk.translate.cache import Translated, normalize_text
from pressdesk.translate.cache import store as store_rows
from pressdesk.translate.config import provider_lang, scrub
from pressdesk.translate.provider import split_text

try:
    from tests.fake_provider import (
        FakeLibre,
        closed_port_url,
        fake_translation,
        silent_port,
        use_fake_google_and_mymemory,
    )
except ImportError:  # tests/ is not a package: pytest puts this folder on sys.path
    from fake_provider import (
        FakeLibre,
        closed_port_url,
        fake_translation,
        silent_port,
        use_fake_google_and_mymemory,
    )

KEY = "SUPER-SECRET-KEY-9f8e7d"
GUARD_SECONDS = 10.0  # generous: a guard against hanging, not a benchmark


# ------------------------------------------------------------------------------------------ fixtures


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach a non-loopback address fails the test loudly instead of going out."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def is_loopback(host: object) -> bool:
        if host in ("localhost", None):
            return True
        try:
            return ipaddress.ip_address(str(host)).is_loopback
        except ValueError:
            return False

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else None
        if self.family in (socket.AF_INET, socket.AF_INET6) and not is_loopback(host):
            raise AssertionError(f"test tried to reach {address!r}")
        return real_connect(self, address)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if not is_loopback(host):
            raise AssertionError(f"test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A developer's own PRESSDESK_* settings or secrets.toml must not steer the tests."""
    import os

    for name in list(os.environ):
        if name.startswith("PRESSDESK_") or name in ("LIBRE_API_KEY", "DEEPL_API_KEY", "MICROSOFT_API_KEY"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(translate_cli, "SECRETS_PATH", tmp_path / "no-secrets.toml")


@pytest.fixture
def server():
    with FakeLibre(api_key=KEY) as fake:
        yield fake


def libre(server_or_url: FakeLibre | str, **overrides: object) -> TranslatorConfig:
    url = server_or_url if isinstance(server_or_url, str) else server_or_url.url
    values: dict[str, object] = dict(provider="libre", libre_url=url, libre_key=KEY, timeout=1.0, backoff=0.01)
    values.update(overrides)
    return TranslatorConfig(**values)


def cache_rows(con) -> list[tuple]:
    return con.execute(
        "SELECT text_hash, source_lang, target_lang, provider, source_text, translated FROM translations"
        " ORDER BY source_text"
    ).fetchall()


# ------------------------------------------------------------------------------------------ translating


def test_translates_through_deep_translator_and_writes_cache(server, con):
    texts = ["Le gouvernement a démissionné.", "La grève continue à Paris."]
    result = translate_texts(con, texts, "fr", "en", libre(server))

    assert result.error is None and not result.offline
    assert (result.translated, result.cached, result.failed) == (2, 0, 0)
    assert result.texts() == {t: fake_translation(t, "fr", "en") for t in texts}
    sent = server.translate_requests
    assert sorted(r.q for r in sent) == sorted(texts)
    assert {(r.method, r.params["source"], r.params["target"], r.params["api_key"]) for r in sent} == {
        ("POST", "fr", "en", KEY)
    }
    rows = cache_rows(con)
    assert [(r[1], r[2], r[3]) for r in rows] == [("fr", "en", "libre")] * 2
    for row in rows:
        assert row[0] == text_hash(row[4])
        assert row[5] == fake_translation(row[4], "fr", "en")


def test_second_run_sends_no_request(server, con):
    texts = ["Premier article.", "Deuxième phrase ici."]
    translate_texts(con, texts, "fr", "en", libre(server))
    assert server.translate_count == 2

    # Same texts, modulo whitespace and Unicode normalisation: still the cache.
    variants = ["  Premier\u00a0article. ", "Deuxie\u0300me  phrase\nici."]
    again = translate_texts(con, texts + variants, "fr", "en", libre(server))
    assert server.translate_count == 2
    assert (again.translated, again.cached, again.failed) == (0, 4, 0)
    assert again.results[variants[0]].translated == fake_translation("Premier article.", "fr", "en")
    assert len(cache_rows(con)) == 2


def test_duplicates_in_a_batch_are_sent_once(server, con):
    result = translate_texts(con, ["Bonjour.", "Bonjour.", " Bonjour. "], "fr", "en", libre(server))
    assert server.translate_count == 1
    assert result.translated == 2  # two distinct originals, one normalised text


def test_requests_run_in_parallel_but_bounded(server, con):
    server.delay = 0.15
    texts = [f"Phrase parallèle {i}." for i in range(12)]
    result = translate_texts(con, texts, "fr", "en", libre(server, workers=3))
    assert result.translated == 12
    assert 2 <= server.max_in_flight <= 3


def test_progress_is_reported_from_the_calling_thread(server, con):
    translate_texts(con, ["Déjà là."], "fr", "en", libre(server))
    calls: list[tuple[int, int, str]] = []
    texts = ["Déjà là."] + [f"Nouveau {i}." for i in range(5)]
    translate_texts(con, texts, "fr", "en", libre(server, workers=2),
                    progress=lambda d, t: calls.append((d, t, threading.current_thread().name)))
    assert calls[0][:2] == (1, 6) and calls[-1][:2] == (6, 6)
    assert {name for _, _, name in calls} == {threading.current_thread().name}


def test_interrupted_batch_keeps_what_was_translated(server, con):
    """Streamlit stops a script by raising inside the progress callback: finished work must be kept."""
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done >= 2:
            raise KeyboardInterrupt

    texts = [f"Interrompu {i}." for i in range(10)]
    with pytest.raises(KeyboardInterrupt):
        translate_texts(con, texts, "fr", "en", libre(server, workers=1), progress=progress)
    rows = cache_rows(con)
    assert 2 <= len(rows) < 10
    assert all(row[5] == fake_translation(row[4], "fr", "en") for row in rows)


def test_texts_already_in_target_language_are_skipped(server, con):
    result = translate_texts(con, ["Already English."], "en-GB", "en", libre(server))
    assert server.translate_count == 0
    assert result.skipped == 1 and result.texts() == {"Already English.": "Already English."}


def test_unknown_source_is_sent_as_auto(server, con):
    translate_texts(con, ["Ciao a tutti."], None, "en", libre(server))
    assert server.translate_requests[0].params["source"] == "auto"
    assert cache_rows(con)[0][1] == "auto"


def test_language_codes_are_mapped_per_provider(server, con):
    assert provider_lang("google", "zh", target=True) == "zh-CN"
    assert provider_lang("libre", "zh", target=True) == "zh"
    assert provider_lang("libre", "zh-tw", target=True) == "zt"
    assert provider_lang("deepl", "en", target=True) == "EN-GB"
    assert provider_lang("deepl", "auto", target=False) is None
    assert provider_lang("microsoft", "zh", target=True) == "zh-Hans"
    translate_texts(con, ["政府宣布了新措施。"], "zh-Hant", "en", libre(server))
    translate_texts(con, ["Hello."], "en", "zh_CN", libre(server))
    sent = [(r.params["source"], r.params["target"]) for r in server.translate_requests]
    assert sent == [("zt", "en"), ("en", "zh")]


def test_retries_on_429_then_succeeds(server, con):
    server.fail_next(429, times=2)
    result = translate_texts(con, ["Une phrase."], "fr", "en", libre(server))
    assert server.translate_count == 3
    assert result.translated == 1 and result.error is None


def test_500_exhausts_retries_and_is_reported(server, con):
    server.always(500)
    result = translate_texts(con, ["Une phrase."], "fr", "en", libre(server, max_tries=3))
    assert server.translate_count == 3
    item = result.results["Une phrase."]
    assert item.status == "failed" and "HTTP 500" in item.error
    assert result.failed == 1 and not result.offline
    assert cache_rows(con) == []


def test_persistent_500_stops_the_batch(server, con):
    server.always(500)
    texts = [f"Phrase numéro {i}." for i in range(30)]
    result = translate_texts(con, texts, "fr", "en", libre(server, workers=2, max_tries=2))
    assert result.failed == 30 and result.error_kind == "server"
    assert server.translate_count < 30  # gave up instead of trying every text


def test_auth_error_is_not_retried_and_stops_the_batch(server, con):
    texts = [f"Texte {i}." for i in range(10)]
    result = translate_texts(con, texts, "fr", "en", libre(server, libre_key="wrong-key-123", workers=1))
    assert server.translate_count == 1
    assert result.error_kind == "auth" and "403" in result.error
    assert result.failed == 10


def test_hung_server_is_cut_by_the_timeout(server, con):
    server.hang = True
    config = libre(server, timeout=0.5, workers=2)
    texts = [f"Phrase {i}." for i in range(8)]
    started = time.monotonic()
    result = translate_texts(con, texts, "fr", "en", config)
    elapsed = time.monotonic() - started
    assert elapsed < GUARD_SECONDS
    assert result.offline and result.error_kind == "timeout"
    assert "did not answer within 0.5s" in result.error
    assert result.failed == 8
    assert all(r.error.startswith("not translated yet:") for r in result.results.values())
    assert server.translate_count <= config.workers  # the rest was never sent
    # The abandoned calls end by themselves: deep-translator's requests got a socket timeout (the server
    # would hold them for 30 s).
    deadline = time.monotonic() + 3
    while any(t.name == "pressdesk-translate-call" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [t for t in threading.enumerate() if t.name == "pressdesk-translate-call"]


def test_slow_server_is_cut_by_the_timeout(server, con):
    server.delay = 3.0
    started = time.monotonic()
    result = translate_texts(con, ["Lentement."], "fr", "en", libre(server, timeout=0.5))
    assert time.monotonic() - started < 2.5
    assert result.offline and result.failed == 1


def test_server_that_never_accepts_is_cut_by_the_timeout(con):
    sock, url = silent_port()
    try:
        started = time.monotonic()
        result = translate_texts(con, ["Rien."], "fr", "en", libre(url, timeout=0.5))
        assert time.monotonic() - started < GUARD_SECONDS
        assert result.offline and result.failed == 1
    finally:
        sock.close()


def test_connection_refused_fails_fast_and_keeps_the_cache(server, con):
    translate_texts(con, ["Déjà traduit."], "fr", "en", libre(server))
    before = cache_rows(con)
    config = libre(closed_port_url(), timeout=5.0)
    started = time.monotonic()
    result = translate_texts(con, ["Déjà traduit.", "Nouveau.", "Encore."], "fr", "en", config)
    assert time.monotonic() - started < 2.0  # refused is immediate, not a timeout
    assert result.offline and result.error_kind == "offline"
    assert "unreachable" in result.error and "connection refused" in result.error
    assert result.cached == 1 and result.failed == 2
    assert result.results["Nouveau."].error.startswith("not translated yet: LibreTranslate is unreachable")
    assert cache_rows(con) == before


def test_missing_configuration_makes_no_request(con):
    result = translate_texts(con, ["Hallo."], "de", "en", TranslatorConfig(provider="deepl"))
    assert result.error_kind == "config" and "PRESSDESK_DEEPL_KEY" in result.error
    assert result.failed == 1


def test_google_client_code_through_the_adapter(server, con, monkeypatch):
    use_fake_google_and_mymemory(monkeypatch, server)
    config = TranslatorConfig(provider="google", timeout=1.0, backoff=0.01)
    server.fail_next(429)  # deep-translator raises TooManyRequests: retried
    long_text = " ".join(f"Phrase numéro {i} du long article de presse sur la réforme." for i in range(150))
    result = translate_texts(con, ["Bonjour.", long_text], "fr", "zh", config)
    assert result.error is None and result.translated == 2
    sent = server.translate_requests
    assert {(r.method, r.params["sl"], r.params["tl"]) for r in sent} == {("GET", "fr", "zh-CN")}
    assert all(len(r.q) < 5000 for r in sent) and len(sent) >= 4  # 1 + 429 retry + >= 2 chunks
    assert result.texts()["Bonjour."] == fake_translation("Bonjour.", "fr", "zh-CN")


def test_mymemory_limits_and_errors_in_a_200_answer(server, con, monkeypatch):
    use_fake_google_and_mymemory(monkeypatch, server)
    config = TranslatorConfig(provider="mymemory", timeout=1.0, backoff=0.01)
    text = " ".join(f"Frase numero {i} di un lungo articolo." for i in range(40))
    result = translate_texts(con, [text], None, "en", config)
    assert result.translated == 1
    assert all(len(r.q) < 500 for r in server.translate_requests)
    assert {r.params["langpair"] for r in server.translate_requests} == {"Autodetect|en"}

    server.mymemory_status = 403  # an error message must not be cached as a translation
    bad = translate_texts(con, ["Altra frase."], "it", "xx-invalid", config)
    assert bad.failed == 1 and "error 403" in bad.results["Altra frase."].error
    assert cached_translations(con, ["Altra frase."], "it", "xx-invalid") == {}


# ------------------------------------------------------------------------------------------ splitting


def test_long_text_is_split_at_sentence_boundaries(server, con):
    sentences = [f"Le ministre numéro {i} a déclaré que la réforme serait votée avant l'été." for i in range(40)]
    text = " ".join(sentences)
    config = libre(server, max_chars=300)
    result = translate_texts(con, [text], "fr", "en", config)

    sent = server.translate_requests
    assert len(sent) > 1
    assert all(len(r.q) <= 300 for r in sent)
    assert all(r.q.endswith("été.") and r.q.startswith("Le ministre") for r in sent)  # whole sentences
    assert " ".join(r.q for r in sent) == text
    assert result.texts()[text] == " ".join(fake_translation(r.q, "fr", "en") for r in sent)
    assert len(cache_rows(con)) == 1  # cached as one text


def test_split_text_limits():
    text = " ".join(f"Sentence number {i} is here and it has some words in it." for i in range(300))
    chunks = split_text(text, 4999, "en")
    assert len(chunks) > 1 and all(len(c) <= 4999 for c in chunks)
    assert " ".join(chunks) == text
    assert split_text("Short.", 499, "en") == ["Short."]
    # No sentence boundary at all: cut at spaces, then hard-cut unbroken runs.
    assert all(len(c) <= 499 for c in split_text("word " * 400, 499, "en"))
    assert all(len(c) <= 499 for c in split_text("x" * 2000, 499, "en"))
    assert "".join(split_text("x" * 2000, 499, "en")) == "x" * 2000
    cjk = "政府宣布了新的措施。" * 100
    chunks = split_text(cjk, 499, "zh")
    assert all(len(c) <= 499 for c in chunks) and all(c.endswith("。") for c in chunks)


# ------------------------------------------------------------------------------------------ secrets


def test_api_key_never_appears_in_errors_repr_or_logs(server, con, caplog):
    caplog.set_level(logging.DEBUG)
    config = libre(server, libre_key="wrong-" + KEY)
    assert KEY not in repr(config) and KEY not in str(config)
    assert "libre_key='***'" in repr(config)

    bad_key = translate_texts(con, ["Un."], "fr", "en", config)  # 403: deep-translator puts the key in its text
    refused = translate_texts(con, ["Deux."], "fr", "en", libre(closed_port_url()))  # URL with ?api_key=
    hung_server = FakeLibre(api_key=KEY).start()
    hung_server.hang = True
    try:
        hung = translate_texts(con, ["Trois."], "fr", "en", libre(hung_server, timeout=0.3))
    finally:
        hung_server.stop()
    for result in (bad_key, refused, hung):
        assert result.error
        messages = [result.error] + [r.error or "" for r in result.results.values()]
        assert not any(KEY in m for m in messages), messages
    assert KEY not in caplog.text


def test_scrub_removes_keys_from_urls_and_messages():
    msg = (f"HTTPConnectionPool(host='h', port=1): Max retries exceeded with url: /translate?q=x&api_key={KEY}"
           f"&auth_key=abc:fx (Unauthorized access with the api key {KEY}) https://user:pw@host/x")
    clean = scrub(msg, [KEY])
    assert KEY not in clean and "abc:fx" not in clean and "user:pw" not in clean
    assert "api_key=***" in clean


def test_config_from_mapping_and_env(monkeypatch):
    config = TranslatorConfig.from_mapping({
        "PRESSDESK_TRANSLATOR": "LIBRE",
        "PRESSDESK_LIBRE_URL": "http://127.0.0.1:5000/translate",
        "PRESSDESK_LIBRE_KEY": KEY,
        "PRESSDESK_TRANSLATE_TIMEOUT": "2.5",
        "PRESSDESK_TRANSLATE_WORKERS": 2,
        "unrelated": {"nested": "section"},
    })
    assert (config.provider, config.libre_url, config.timeout, config.workers) == (
        "libre", "http://127.0.0.1:5000/", 2.5, 2)
    assert KEY not in repr(config)
    default = TranslatorConfig.from_mapping({})
    assert (default.provider, default.timeout, default.workers) == ("google", 8.0, 4)
    monkeypatch.setenv("PRESSDESK_TRANSLATOR", "mymemory")
    monkeypatch.setenv("PRESSDESK_DEEPL_KEY", "env-key")
    assert TranslatorConfig.from_env().provider == "mymemory"
    merged = TranslatorConfig.from_mapping({"PRESSDESK_TRANSLATOR": "deepl"}, env=True)  # secrets win over env
    assert (merged.provider, merged.deepl_key) == ("deepl", "env-key")
    with pytest.raises(ValueError, match="unknown translation provider"):
        TranslatorConfig.from_mapping({"PRESSDESK_TRANSLATOR": "babelfish"})
    with pytest.raises(ValueError, match="TIMEOUT"):
        TranslatorConfig.from_mapping({"PRESSDESK_TRANSLATE_TIMEOUT": "soon"})
    assert {"en", "fr", "it", "ro", "de", "es", "pt", "ru", "uk", "ko", "zh"} <= set(TARGET_LANGUAGES)


# ------------------------------------------------------------------------------------------ cache


def test_display_lookup_accepts_any_provider_but_prefers_the_configured_one(con):
    text = "Les élections auront lieu en mai."
    store_rows(con, [Translated(text, "google says", "fr", "en", "google")])
    assert cached_translations(con, [text], "fr", "en", provider="libre")[text].provider == "google"
    store_rows(con, [Translated(text, "libre says", "fr", "en", "libre")])
    assert cached_translations(con, [text], "fr", "en", provider="libre")[text].translated == "libre says"
    assert cached_translations(con, [text], "fr", "en", provider="google")[text].translated == "google says"
    assert cached_translations(con, [text], "fr", "de") == {}


def test_parquet_export_import_round_trip(server, con, tmp_path):
    texts = ["Le premier.", "Le second.", "Le troisième."]
    translate_texts(con, texts, "fr", "en", libre(server))
    path = tmp_path / "cache it's here.parquet"  # a quote in the path: bound as a parameter, not spliced
    assert export_cache(con, path) == 3

    fresh = store.connect(tmp_path / "fresh.duckdb")
    try:
        assert import_cache(fresh, path) == 3
        assert import_cache(fresh, path) == 0  # idempotent
        assert cache_rows(fresh) == cache_rows(con)
        server.reset()
        again = translate_texts(fresh, texts, "fr", "en", libre(server))
        assert again.cached == 3 and server.translate_count == 0
    finally:
        fresh.close()


def test_import_rejects_files_that_are_not_a_cache(con, tmp_path):
    other = tmp_path / "other.parquet"
    con.execute("COPY (SELECT 1 AS a) TO ? (FORMAT parquet)", [str(other)])
    with pytest.raises(ValueError, match="not a translation cache"):
        import_cache(con, other)
    with pytest.raises(FileNotFoundError):
        import_cache(con, tmp_path / "missing.parquet")
    with pytest.raises(ValueError):
        import_cache(con, "https://example.invalid/cache.parquet")


# ------------------------------------------------------------------------------------------ corpus & CLI


def add_corpus(con) -> None:
    """Two French articles, one English, a quote and an event summary."""
    con.execute(
        "INSERT INTO articles (article_id, language, text, content_hash) VALUES"
        " ('a1', 'fr', 'x', 'h1'), ('a2', 'en', 'y', 'h2'), ('a3', 'fr', 'z', 'h3')"
    )
    con.execute(
        "INSERT INTO sentences (article_id, idx, start_char, end_char, text) VALUES"
        " ('a1', 0, 0, 10, 'Le président est arrivé.'), ('a1', 1, 11, 20, 'Il a parlé longtemps.'),"
        " ('a2', 0, 0, 10, 'The president arrived.'), ('a3', 0, 0, 10, 'La séance est levée.')"
    )
    con.execute("INSERT INTO quotes (quote_id, article_id, text, language) VALUES"
                " ('q1', 'a1', 'Nous ne céderons pas', 'fr'), ('q2', 'a2', 'We will not yield', 'en')")
    con.execute("INSERT INTO events (event_id, article_id, summary) VALUES ('e1', 'a3', 'Séance levée')")


def test_pending_for_corpus_and_translate_article(server, con):
    add_corpus(con)
    assert len(corpus_texts(con, "en")) == 5
    pending = pending_for_corpus(con, "en")
    assert sorted(pending["kind"]) == ["event", "quote", "sentence", "sentence", "sentence"]
    assert "The president arrived." not in set(pending["text"])

    result = translate_article(con, "a1", "en", libre(server))
    assert result.translated == 2
    shown = article_translations(con, "a1", "en", provider="libre")
    assert shown["translated"].tolist() == [fake_translation(t, "fr", "en") for t in shown["text"]]
    assert len(pending_for_corpus(con, "en")) == 3
    assert len(pending_for_corpus(con, "en", article_id="a1")) == 1  # the quote
    assert len(pending_for_corpus(con, "en", provider="google")) == 5
    assert translate_article(con, "nope", "en", libre(server)).error_kind == "unknown_article"


def set_libre_env(monkeypatch, url: str) -> None:
    monkeypatch.setenv("PRESSDESK_TRANSLATOR", "libre")
    monkeypatch.setenv("PRESSDESK_LIBRE_URL", url)
    monkeypatch.setenv("PRESSDESK_LIBRE_KEY", KEY)
    monkeypatch.setenv("PRESSDESK_TRANSLATE_TIMEOUT", "1")


@pytest.fixture()
def corpus_file(tmp_path):
    """A database file holding add_corpus(), closed so the CLI can open it."""
    db = tmp_path / "press.duckdb"
    con = store.connect(db)
    add_corpus(con)
    con.close()
    return db


def test_cli_end_to_end(server, corpus_file, tmp_path, monkeypatch, capsys):
    db = corpus_file
    set_libre_env(monkeypatch, server.url)

    assert translate_cli.main(["translate", "--db", str(db), "--to", "en"]) == 0
    out, err = capsys.readouterr()
    assert "translated 5, cached 0, failed 0, provider libre" in out.splitlines()
    assert "translating" in err  # progress on stderr
    assert server.translate_count == 5
    assert "The president arrived." not in {r.q for r in server.translate_requests}

    export = tmp_path / "cache.parquet"
    assert translate_cli.main(["--db", str(db), "--to", "en", "--export-cache", str(export)]) == 0
    out, _ = capsys.readouterr()
    assert "translated 0, cached 5, failed 0, provider libre" in out
    assert "exported 5 translations" in out
    assert server.translate_count == 5

    other = tmp_path / "other.duckdb"
    assert translate_cli.main(["--db", str(other), "--import-cache", str(export)]) == 0
    assert "imported 5 translations" in capsys.readouterr().out


def test_cli_unreachable_provider_exits_nonzero_quickly(server, corpus_file, tmp_path, monkeypatch, capsys):
    db = corpus_file
    set_libre_env(monkeypatch, server.url)
    assert translate_cli.main(["--db", str(db), "--to", "en", "--article", "a1", "--no-progress"]) == 0
    capsys.readouterr()
    con = store.connect(db)
    before = cache_rows(con)
    con.close()

    set_libre_env(monkeypatch, closed_port_url())
    started = time.monotonic()
    code = translate_cli.main(["--db", str(db), "--to", "en"])
    assert time.monotonic() - started < GUARD_SECONDS
    out, err = capsys.readouterr()
    assert code == translate_cli.EXIT_UNREACHABLE
    assert "translated 0, cached 3, failed 2, provider libre" in out
    assert "unreachable" in err and "connection refused" in err and KEY not in err + out
    con = store.connect(db)
    assert cache_rows(con) == before
    con.close()


def test_cli_usage_errors(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "x.duckdb")
    assert translate_cli.main(["--db", db]) == translate_cli.EXIT_USAGE
    set_libre_env(monkeypatch, closed_port_url())
    assert translate_cli.main(["--db", db, "--to", "en", "--article", "nope"]) == translate_cli.EXIT_USAGE
    assert "no article 'nope'" in capsys.readouterr().err
    monkeypatch.delenv("PRESSDESK_TRANSLATOR")
    assert translate_cli.main(["--db", db, "--to", "en", "--provider", "deepl"]) == translate_cli.EXIT_USAGE
    assert "PRESSDESK_DEEPL_KEY" in capsys.readouterr().err


def test_register_adds_subcommand():
    parser = argparse.ArgumentParser(prog="pressdesk")
    sub = parser.add_subparsers(dest="command")
    translate_cli.register(sub)
    args = parser.parse_args(["translate", "--db", "x.duckdb", "--to", "fr", "--provider", "libre"])
    assert args.func is translate_cli.run and args.to == "fr" and args.provider == "libre"


def test_normalize_text_is_the_hash_contract():
    assert normalize_text(" a\u00a0 b\n") == "a b"
    assert text_hash("a  b") == text_hash("a b") != text_hash("a c")
