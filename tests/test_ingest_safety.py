"""Nothing is lost and nothing is garbled: bad lines, odd encodings, poison fields, links out of a folder."""

from __future__ import annotations

import json
import os

import pytest

from pressdesk import store
from pressdesk.__main__ import main as cli
from pressdesk.ingest import ingest, ingest_upload

GOOD = "Parigi ha confermato il vertice di martedì. I ministri si incontreranno a Roma la prossima settimana."
OTHER = "Bucureștiul a anunțat luni un nou pachet de ajutor. Ministrul a vorbit despre un pas important."


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_jsonl_with_one_bad_line_keeps_its_good_lines_and_names_the_line(con, tmp_path):
    lines = [json.dumps({"text": GOOD}), '{"text": "broken', "", json.dumps({"text": OTHER})]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines))
    report = ingest(con, [path], extract=False)
    assert len(report.added) == 2
    assert len(report.failed) == 1
    where, why = report.failed[0]
    assert "line 2" in where and "malformed JSON" in why and "\n" not in why


def test_deep_json_odd_utf16_and_a_crashing_html_reader_never_stop_the_run(tmp_path, monkeypatch, capsys):
    import trafilatura

    def broken(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)  # how HTML files aborted runs on a fresh install
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a_deep.json", "[" * 100_000 + "]" * 100_000)
    write(folder, "b_deep.jsonl", json.dumps({"text": GOOD}) + "\n" + "[" * 100_000 + "\n")
    write(folder, "c_odd.txt", b"\xff\xfe" + OTHER.encode("utf-16-le") + b"\x00")  # one byte too many
    write(folder, "d_page.html", "<html><body><article><p>" + GOOD + "</p></article></body></html>")
    write(folder, "e_ok.txt", "Londra ha annunciato oggi nuove sanzioni. Il governo parla di un passo deciso.")
    db = tmp_path / "cli.duckdb"
    assert cli(["ingest", str(folder), "--db", str(db), "--no-extract"]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert "added 3" in out.out  # deep.jsonl's good line, the odd UTF-16 file, ok.txt
    assert "a_deep.json: malformed JSON: nested too deeply" in out.err
    assert "b_deep.jsonl (record 2, line 2): malformed JSON" in out.err
    assert "d_page.html: could not read the file (ImportError" in out.err
    assert "c_odd.txt with a note: odd number of bytes" in out.err
    con = store.connect(db)
    texts = [r[0] for r in con.execute("SELECT text FROM articles").fetchall()]
    con.close()
    assert any(OTHER in t for t in texts)


def test_truncated_utf8_keeps_its_text_and_is_never_read_as_cp1252(con, tmp_path):
    text = "Le ministre a déclaré que l’accord était « très important » pour la sécurité de l’Europe, a-t-il dit."
    data = (text + " Fin: é").encode("utf-8")[:-1]  # cut inside the last character
    report = ingest(con, [write(tmp_path, "cut.txt", data)], extract=False)
    stored = store.article(con, report.added[0])["text"]
    assert stored.startswith(text) and "Ã" not in stored and "â€" not in stored
    assert report.notes and "middle of a character" in report.notes[0][1]


def test_utf8_damaged_inside_is_refused_not_garbled(con, tmp_path):
    text = "Le ministre a déclaré que l’accord était « très important » pour la sécurité de l’Europe."
    data = text.encode("utf-8")
    data = data[:40] + b"\xe9" + data[40:]  # one stray byte inside otherwise UTF-8 text
    report = ingest(con, [write(tmp_path, "damaged.txt", data)], extract=False)
    assert report.added == [] and "damaged UTF-8" in report.failed[0][1]


@pytest.mark.parametrize("name", ["scan.txt", "scan.md"])
def test_a_plain_text_pdf_is_refused(con, tmp_path, name):
    pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nBT /F1 12 Tf (Paris announced a new plan "
           b"for farmers on Monday, the minister said in a statement.) Tj ET\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    report = ingest(con, [write(tmp_path, name, pdf)], extract=False)
    assert report.added == [] and "PDF" in report.failed[0][1]
    upload = ingest_upload(con, "scan.txt", pdf, extract=False)
    assert upload.added == [] and "PDF" in upload.failed[0][1]


def test_links_out_of_an_ingested_folder_are_not_followed(con, tmp_path):
    outside = write(tmp_path, "secret.txt", "Password list for the internal servers of the newsroom, do not share.")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder, "ok.txt", GOOD)
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink(outside, folder / "sub" / "secret.txt")
    os.symlink(tmp_path, folder / "up")  # a linked folder leading out
    os.symlink(folder / "ok.txt", folder / "sub" / "same.txt")  # a link inside the folder is fine
    report = ingest(con, [folder], extract=False)
    assert len(report.added) == 1 and report.duplicates == 1
    refused = sorted(os.path.basename(src) for src, why in report.failed if "outside the folder" in why)
    assert refused == ["passwd.txt", "secret.txt", "up"]
    texts = " ".join(r[0] for r in con.execute("SELECT text FROM articles").fetchall())
    assert "root:" not in texts and "Password" not in texts


def test_poison_fields_are_dropped_with_a_reason_and_the_text_is_kept(con, tmp_path):
    records = [
        {"text": GOOD, "published": "0001-01-01", "title": {"$ne": 1}, "url": 12345},
        {"text": OTHER, "published": "9999-12-31", "publisher": ["a", "b"], "language": "<script>"},
        {"text": ["not", "a", "string"], "title": "list text"},
        {"text": 42},
    ]
    report = ingest(con, [write(tmp_path, "poison.json", json.dumps(records))], extract=True)
    assert len(report.added) == 2
    assert [why for _, why in report.failed] == ["'text' is a list, expected a string", "'text' is a number, expected a string"]
    notes = [why for _, why in report.notes]
    assert "'published' ignored: 0001-01-01 is out of range (1800 to next year)" in notes
    assert "'published' ignored: 9999-12-31 is out of range (1800 to next year)" in notes
    assert "'title' ignored: an object, expected text" in notes
    assert "'url' ignored: a number, expected an http(s) URL" in notes
    assert "'publisher' ignored: a list, expected text" in notes
    assert any("not a language code" in n for n in notes)
    rows = con.execute("SELECT published, title, url, language FROM articles").fetchall()
    assert all(r[0] is None for r in rows) and all(r[2] is None for r in rows)
    assert all(isinstance(r[1], str) and "$ne" not in r[1] for r in rows)
    assert {r[3] for r in rows} == {"it", "ro"}  # detected, since the given code was refused
