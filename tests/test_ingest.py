"""Ingestion: cleaning, metadata, language, sentence offsets, idempotency and every bad-input case."""

from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pressdesk import readers, store
from pressdesk.__main__ import main as cli
from pressdesk.clean import clean_text
from pressdesk.ingest import ingest, ingest_upload
from pressdesk.meta import date_from_dateline, date_from_url, parse_date
from pressdesk.sentences import split_sentences

ARTICLE_FR = """Le Monde Diplo

La ministre néerlandaise de la Défense a visité Kiev mardi
La ministre néerlandaise de la Défense a déclaré mardi que son pays livrerait de nouveaux avions.
Elle a rencontré le président ukrainien pendant deux heures. Les discussions ont porté sur la défense aérienne.
| La ministre lors de sa visite à Kiev. (Photo : AFP) |
Partager sur Facebook
Source : https://www.example.org/monde/2023/03/14/visite-kiev.html
Commentaires (3)
Jean : très bon article
Marie : je ne suis pas d'accord
"""


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_cleaning_removes_furniture_and_keeps_headline_body_caption():
    cleaned = clean_text(ARTICLE_FR)
    assert "Commentaires" not in cleaned.text and "très bon article" not in cleaned.text
    assert "Partager" not in cleaned.text and "Source :" not in cleaned.text
    assert cleaned.url == "https://www.example.org/monde/2023/03/14/visite-kiev.html"
    assert cleaned.masthead == "Le Monde Diplo" and "Le Monde Diplo" not in cleaned.text
    assert cleaned.text.startswith("La ministre néerlandaise de la Défense a visité Kiev mardi")
    roles = {cleaned.text[o: cleaned.text.index("\n", o)] if "\n" in cleaned.text[o:] else cleaned.text[o:]: r
             for o, r in cleaned.roles.items()}
    assert roles["La ministre néerlandaise de la Défense a visité Kiev mardi"] == "title"
    assert roles["La ministre lors de sa visite à Kiev. (Photo : AFP)"] == "caption"


@pytest.mark.parametrize("marker", ["Comment (0)", "Comentarii", "Lasă un răspuns", "Related News :",
                                    "Leggi anche", "Commenti (12)"])
def test_comment_and_related_sections_are_cut(marker):
    raw = f"Titre de l'article ici\nCorps de l'article avec des faits.\n{marker}\nUn lecteur : bravo\nAutre lien"
    cleaned = clean_text(raw)
    assert marker not in cleaned.text and "bravo" not in cleaned.text and "Autre lien" not in cleaned.text
    assert "Corps de l'article" in cleaned.text


def test_breadcrumb_and_repeated_headline_dropped():
    raw = ("Acasă » Externe » Summitul de la Bruxelles s-a încheiat\nSummitul de la Bruxelles s-a încheiat\n\n"
           "Summitul de la Bruxelles s-a încheiat\n\nLiderii europeni au convenit asupra unui nou pachet.")
    cleaned = clean_text(raw)
    assert cleaned.text.count("Summitul de la Bruxelles s-a încheiat") == 1
    assert "Acasă" not in cleaned.text


@pytest.mark.parametrize("url,expected", [
    ("https://thanhnien.vn/some-slug-185241021162851749.htm", date(2024, 10, 21)),
    ("https://news.example.com/2023/03/14/some-story/", date(2023, 3, 14)),
    ("https://example.it/esteri/articolo-20220901-abc.html", date(2022, 9, 1)),
    ("https://example.com/story/12345", None),
    (None, None),
])
def test_publication_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_publication_date_from_dateline_and_metadata():
    assert date_from_dateline("Titlu\n\n14 mar. 2023, 09:05,\nText.", "ro")[0] == date(2023, 3, 14)
    assert date_from_dateline("Titre\nLe président a parlé 3 heures.", "fr") is None
    assert parse_date("2024-11-01T10:00:00Z") == date(2024, 11, 1)
    assert parse_date("3 febbraio 2021", "it") == date(2021, 2, 3)


def test_sentence_offsets_point_into_the_text():
    text = "Titolo breve\n\nIl ministro ha parlato. Poi è partito per Roma.\nUn'altra riga qui."
    sents = split_sentences(text, "it")
    assert [s.text for s in sents] == ["Titolo breve", "Il ministro ha parlato.", "Poi è partito per Roma.",
                                       "Un'altra riga qui."]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert [s.idx for s in sents] == list(range(len(sents)))


def test_ingest_text_file_finds_metadata_and_is_idempotent(con, tmp_path):
    path = write(tmp_path, "visite.txt", ARTICLE_FR)
    first = ingest(con, [path], extract=False)
    assert len(first.added) == 1 and not first.failed
    art = store.article(con, first.added[0])
    assert art["language"] == "fr"
    assert art["url"].endswith("visite-kiev.html")
    assert art["published"] == date(2023, 3, 14) and art["published_origin"] == "url"
    assert art["publisher"] == "Le Monde Diplo"
    assert json.loads(art["provenance"])["language"] == "detected:lingua"
    sents = store.sentences(con, first.added[0])
    assert all(art["text"][r.start_char:r.end_char] == r.text for r in sents.itertuples())
    assert "caption" in set(sents["role"])
    again = ingest(con, [path, tmp_path], extract=False)
    assert again.added == [] and again.duplicates == 2
    assert store.counts(con)["articles"] == 1


def test_records_metadata_wins_and_bad_records_are_reported(con, tmp_path):
    records = [
        {"text": "Berlin hat am Montag neue Hilfen angekündigt. Der Kanzler sprach von einem wichtigen Schritt.",
         "publisher": "Tagesblatt", "published": "2024-05-06", "language": "de", "url": "https://t.example/a"},
        {"title": "no text here"},
        {"text": "Madrid anunció el martes un nuevo plan de ayuda. El gobierno habló de un paso importante.",
         "source": "feed-42"},
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    report = ingest(con, [path], extract=False)
    assert len(report.added) == 2
    assert len(report.failed) == 1 and "record 2" in report.failed[0][0]
    rows = store.df(con, "SELECT source, publisher, published, language, provenance FROM articles ORDER BY source")
    first = rows[rows["publisher"] == "Tagesblatt"].iloc[0]
    assert first["published"] == date(2024, 5, 6) and first["language"] == "de"
    assert json.loads(first["provenance"])["published"] == "record"
    assert "feed-42" in set(rows["source"]) and "es" in set(rows["language"])


def test_csv_and_json_exports(con, tmp_path):
    csv_path = write(tmp_path, "a.csv", 'text,title\n"Roma ha annunciato ieri un accordo. Il governo è soddisfatto.",T\n')
    json_path = write(tmp_path, "b.json", json.dumps({"articles": [
        {"text": "Bucureștiul a anunțat ieri un acord. Guvernul este mulțumit de rezultat."}]}))
    report = ingest(con, [csv_path, json_path], extract=False)
    assert len(report.added) == 2 and not report.failed
    assert sorted(store.df(con, "SELECT language FROM articles")["language"]) == ["it", "ro"]


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"   \n\n", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    ("bad.json", b'{"text": "unterminated', "malformed JSON"),
    ("bad.jsonl", b'{oops}\n', "malformed JSON"),
    ("bad.csv", b'text,title\n"unterminated quote,x\n', "malformed CSV"),
    ("nocol.csv", b"body,title\nsomething,x\n", "no 'text' column"),
    ("image.png", b"\x89PNG", "unsupported file type"),
    ("furniture.txt", b"Comment (0)\nReader: nice\n", "no article text"),
    ("menu.html", b"<html><body><nav>Home</nav><p>menu</p></body></html>", "article"),
    ("tiny.txt", b"Breaking news today", "too short"),
    ("scalars.json", b'[1, "x"]', "not a record"),
])
def test_bad_files_are_reported_and_skipped_while_good_ones_load(con, tmp_path, name, data, reason):
    good = write(tmp_path, "good.txt", "Parigi ha confermato il vertice. I ministri si incontreranno a Roma.")
    bad = write(tmp_path, name, data)
    report = ingest(con, [bad, good], extract=False)
    assert len(report.added) == 1
    assert report.failed and all(reason in why for _, why in report.failed)
    assert "\n" not in report.failed[0][1]


def test_too_large_file_is_refused(con, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    path = write(tmp_path, "big.txt", "Una frase lunga. " * 200)
    report = ingest(con, [path], extract=False)
    assert report.added == [] and "too large" in report.failed[0][1]


def test_cp1252_text_is_decoded(con, tmp_path):
    text = "Le ministre a déclaré que l’accord était « très important » pour la sécurité de l’Europe."
    path = write(tmp_path, "latin.txt", text.encode("cp1252"))
    report = ingest(con, [path], extract=False)
    stored = store.article(con, report.added[0])["text"]
    assert stored == text


def test_missing_path_and_upload(con):
    report = ingest(con, ["/nonexistent/file.txt"], extract=False)
    assert report.failed == [("/nonexistent/file.txt", "no such file or folder")]
    up = ingest_upload(con, "note.md", "Oslo a annoncé lundi un nouveau fonds pour l'Ukraine.".encode(), extract=False)
    assert len(up.added) == 1
    bad = ingest_upload(con, "x.json", b"[1, 2", extract=False)
    assert bad.added == [] and "malformed JSON" in bad.failed[0][1]


class _Page(BaseHTTPRequestHandler):
    body = (b"<html><head><title>Summit in Vilnius</title></head><body><nav>Home | World</nav><article>"
            b"<h1>Summit in Vilnius</h1><p>NATO leaders met in Vilnius on Tuesday to discuss support for "
            b"Ukraine and the alliance's eastern flank, officials said.</p><p>The secretary general said the "
            b"alliance would stand by Kyiv for as long as it takes, and announced new funding.</p>"
            b"<p>Further talks are expected next month in Brussels with defence ministers.</p></article>"
            b"<div class='comments'>Comment by reader: fake news</div></body></html>")

    def do_GET(self):  # noqa: N802 - http.server API
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def page_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/2023/07/11/summit.html"
    server.shutdown()


def test_url_ingestion_extracts_article_and_refuses_private_addresses(con, page_url):
    refused = ingest(con, [page_url], extract=False)
    assert refused.added == [] and "private or loopback" in refused.failed[0][1]
    report = ingest(con, [page_url], extract=False, allow_private_urls=True)
    assert len(report.added) == 1, report.failed
    art = store.article(con, report.added[0])
    assert "NATO leaders met in Vilnius" in art["text"] and "fake news" not in art["text"]
    assert art["title"] == "Summit in Vilnius"
    assert art["published"] == date(2023, 7, 11)


def test_unreachable_url_fails_fast_with_a_message(con):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once we leave: connection refused
    report = ingest(con, [f"http://127.0.0.1:{port}/x"], extract=False, allow_private_urls=True)
    assert report.added == [] and "offline or unreachable" in report.failed[0][1]


def test_cli_ingest_reports_and_exit_codes(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    good = write(tmp_path, "ok.txt", "Varsovia a anunțat ieri un nou ajutor militar pentru Kievul asediat.")
    bad = write(tmp_path, "bad.json", "{")
    assert cli(["ingest", str(good), str(bad), "--db", str(db), "--no-extract"]) == 0
    out = capsys.readouterr()
    assert "added 1" in out.out and "bad.json" in out.err and "Traceback" not in out.err
    assert cli(["ingest", str(bad), "--db", str(db), "--no-extract"]) == 1
