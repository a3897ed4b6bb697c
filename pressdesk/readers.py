"""Turn files, uploads and URLs into raw documents; every way a file can be bad becomes an IngestError."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pressdesk import fetch, records

MAX_BYTES = int(os.environ.get("PRESSDESK_MAX_FILE_MB", "20")) * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
URL_TIMEOUT = float(os.environ.get("PRESSDESK_URL_TIMEOUT", "10"))
# Documents that are not text even when they look like it: refused, never stored as an article.
SIGNATURES = {b"%PDF-": "a PDF file (PDF is not read: convert it to text first)",
              b"PK\x03\x04": "a ZIP or Office document (not read: save it as text first)",
              b"\xd0\xcf\x11\xe0": "an Office document (not read: save it as text first)",
              b"{\\rtf": "an RTF document (not read: save it as text first)"}


class IngestError(Exception):
    """A reason, fit to show an analyst in one line, why an input was skipped."""


@dataclass
class RawDoc:
    source: str
    text: str
    meta: dict = field(default_factory=dict)  # given with the record: wins over what is found
    found: dict = field(default_factory=dict)  # found by HTML extraction (title, date, sitename)
    error: str | None = None  # a record that cannot be an article, reported when it is prepared
    detected: str | None = None  # language found for a whole batch of files at once (lingua is faster in bulk)
    where: str | None = None  # the record's place in its file ("record 3, line 4"), for reports
    notes: list[str] = field(default_factory=list)  # what was dropped or repaired while reading, reported


def expand(inputs: Iterable[str | Path], failed: list[tuple[str, str]]) -> Iterator[str | Path]:
    """Folders become their supported files (sorted, recursive); links leading out of a folder are not followed."""
    for item in inputs:
        text = str(item)
        if text.startswith(("http://", "https://")):
            yield text
            continue
        path = Path(item)
        if path.is_dir():
            yield from _folder_files(path, failed)
        elif path.is_file():
            yield path
        else:
            failed.append((text, "no such file or folder"))


def _folder_files(root: Path, failed: list[tuple[str, str]]) -> list[Path]:
    """Supported files under root whose real location is inside root (a link to /etc/passwd is reported)."""
    real_root = root.resolve()
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in [*files, *(d for d in dirs if (Path(folder) / d).is_symlink())]:
            path = Path(folder) / name
            if path.suffix.lower() not in SUPPORTED and not path.is_symlink():
                continue
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(real_root):
                    failed.append((str(path), "a link pointing outside the folder; not followed"))
                    continue
                if not target.is_file() or path.suffix.lower() not in SUPPORTED:
                    continue
            found.append(path)
    return sorted(found)


def read_source(src: str | Path, allow_private_urls: bool = False) -> list[RawDoc]:
    text = str(src)
    if text.startswith(("http://", "https://")):
        return [fetch_url(text, allow_private_urls)]
    path = Path(src)
    if path.suffix.lower() not in SUPPORTED:
        raise IngestError(f"unsupported file type '{path.suffix or '(none)'}' (use {', '.join(sorted(SUPPORTED))})")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    return read_bytes(str(path), data)


def _refuse_signatures(data: bytes) -> None:
    head = data[:1024].lstrip()
    for magic, what in SIGNATURES.items():
        if head.startswith(magic) or (magic == b"%PDF-" and magic in data[:1024]):
            raise IngestError(what)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text and a note on any repair. UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 — or refuse.

    A UTF-8 or UTF-16 file cut in the middle of its last character keeps its text (the note says so); UTF-8
    damaged inside is refused rather than read as cp1252 and stored garbled."""
    if not data.strip():
        raise IngestError("empty file")
    _refuse_signatures(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data)
    if b"\x00" in data[:8192]:
        raise IngestError("binary file (not text)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            kept = data[:exc.start].decode("utf-8-sig")
            return kept, f"the file ends in the middle of a character (cut short?); its last {len(data) - exc.start} byte(s) were dropped"
        first_bad = exc.start
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd")
    if good >= 3 and good >= 2 * bad:
        raise IngestError(f"damaged UTF-8 (invalid bytes from byte {first_bad}); not guessed as another encoding")
    text = data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t" or 0x7F <= ord(ch) < 0xA0)
    if controls > max(3, len(text) // 100):
        raise IngestError("cannot decode the file as text (not UTF-8, UTF-16 or cp1252)")
    return text, None


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _decode_utf16(data: bytes) -> tuple[str, str | None]:
    body = data[:-1] if len(data) % 2 else data
    note = "odd number of bytes in a UTF-16 file; the last byte was dropped" if len(data) % 2 else None
    try:
        return body.decode("utf-16"), note
    except UnicodeDecodeError as exc:
        if exc.end >= len(body) - 2 and exc.start >= len(body) - 4:  # a surrogate pair cut at the end
            return body[:exc.start].decode("utf-16"), "the UTF-16 file ends in the middle of a character; it was dropped"
        raise IngestError(f"malformed UTF-16 at byte {exc.start}") from exc


def read_bytes(name: str, data: bytes) -> list[RawDoc]:
    """Dispatch on the file's suffix; the name is kept as the documents' source."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"unsupported file type '{suffix or '(none)'}'")
    if len(data) > MAX_BYTES:
        raise IngestError(f"file too large ({len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    text, note = decode(data)
    if not text.strip():
        raise IngestError("empty file")
    if suffix in HTML_SUFFIXES:
        docs = [from_html(name, text)]
    elif suffix in TEXT_SUFFIXES:
        docs = [RawDoc(source=name, text=text)]
    else:
        docs = records_to_docs(name, suffix, text)
    if note:
        docs[0].notes.append(note)
    return docs


def records_to_docs(name: str, suffix: str, text: str) -> list[RawDoc]:
    """One RawDoc per record; unreadable lines and records become RawDocs with an error, reported later."""
    try:
        entries = records.parse_records(suffix, text, MAX_BYTES)
    except records.RecordError as exc:
        raise IngestError(str(exc)) from exc
    docs = []
    for n, entry in enumerate(entries, 1):
        source = f"{name}#{n}"
        if entry.problem:
            docs.append(RawDoc(source=source, text="", error=entry.problem, where=entry.where))
            continue
        rec = records.check_record(entry.record)
        if rec.error:
            docs.append(RawDoc(source=source, text="", error=rec.error, where=entry.where))
            continue
        body = rec.text or ""
        if body.lstrip().startswith("<") and "</" in body:
            try:
                doc = from_html(source, body)
            except IngestError as exc:
                docs.append(RawDoc(source=source, text="", error=str(exc), where=entry.where))
                continue
            doc.meta = rec.meta
        else:
            doc = RawDoc(source=source, text=body, meta=rec.meta)
        doc.where, doc.notes = entry.where, rec.notes
        docs.append(doc)
    if not docs:
        raise IngestError("no records in the file")
    return docs


def from_html(source: str, html: str, url: str | None = None) -> RawDoc:
    """Main text and metadata with trafilatura; comments and boilerplate stay out."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        )
    except (RecursionError, MemoryError, ValueError, TypeError, AttributeError) as exc:
        raise IngestError(f"could not read the HTML ({type(exc).__name__})") from exc
    doc = doc.as_dict() if doc is not None else None
    if not doc or not (doc.get("text") or "").strip():
        raise IngestError("no article text found in the HTML")
    body = doc["text"]
    if doc.get("title") and not body.startswith(doc["title"]):
        body = f"{doc['title']}\n\n{body}"
    found = {"title": doc.get("title"), "url": doc.get("url") or url, "published": doc.get("date"),
             "publisher": doc.get("sitename") or doc.get("hostname")}
    return RawDoc(source=source, text=body, found={k: v for k, v in found.items() if v})


def fetch_url(url: str, allow_private: bool = False, **hooks) -> RawDoc:
    """A web page as a document; see pressdesk.fetch for the checks (hooks: resolve, permit, for tests)."""
    try:
        page = fetch.fetch(url, allow_private=allow_private, timeout=URL_TIMEOUT, max_bytes=MAX_BYTES, **hooks)
    except fetch.FetchError as exc:
        raise IngestError(str(exc)) from exc
    _refuse_signatures(page.body)
    text = None
    if page.charset:
        try:
            text = page.body.decode(page.charset, errors="replace")
        except LookupError:
            text = None
    if text is None:
        text, _ = decode(page.body)
    return from_html(page.url, text, url=page.url)
