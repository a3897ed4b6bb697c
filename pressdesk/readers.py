"""Turn files, uploads and URLs into raw documents; every way a file can be bad becomes an IngestError."""

from __future__ import annotations

import csv
import io
import ipaddress
import json
import os
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

MAX_BYTES = int(os.environ.get("PRESSDESK_MAX_FILE_MB", "20")) * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
URL_TIMEOUT = float(os.environ.get("PRESSDESK_URL_TIMEOUT", "10"))


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


def expand(inputs: Iterable[str | Path], failed: list[tuple[str, str]]) -> Iterator[str | Path]:
    """Folders become their supported files (sorted, recursive); missing paths are reported."""
    for item in inputs:
        text = str(item)
        if text.startswith(("http://", "https://")):
            yield text
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        elif path.is_file():
            yield path
        else:
            failed.append((text, "no such file or folder"))


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


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 (which covers latin-1 text) — or refuse."""
    if not data.strip():
        raise IngestError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise IngestError("binary file (not text)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t" or 0x7F <= ord(ch) < 0xA0)
    if controls > max(3, len(text) // 100):
        raise IngestError("cannot decode the file as text (not UTF-8, UTF-16 or cp1252)")
    return text


def read_bytes(name: str, data: bytes) -> list[RawDoc]:
    """Dispatch on the file's suffix; the name is kept as the documents' source."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"unsupported file type '{suffix or '(none)'}'")
    if len(data) > MAX_BYTES:
        raise IngestError(f"file too large ({len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    text = decode(data)
    if not text.strip():
        raise IngestError("empty file")
    if suffix in HTML_SUFFIXES:
        return [from_html(name, text)]
    if suffix in TEXT_SUFFIXES:
        return [RawDoc(source=name, text=text)]
    return records_to_docs(name, parse_records(suffix, text))


def parse_records(suffix: str, text: str) -> list[dict]:
    try:
        if suffix == ".jsonl":
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        if suffix == ".json":
            data = json.loads(text)
            if isinstance(data, dict):
                data = data.get("articles", data.get("records", [data]))
            if not isinstance(data, list):
                raise IngestError("JSON must hold a record, a list of records, or {\"articles\": [...]}")
            return data
        csv.field_size_limit(MAX_BYTES)
        reader = csv.DictReader(io.StringIO(text), strict=True)
        rows = list(reader)
        if "text" not in (reader.fieldnames or []):
            raise IngestError(f"CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
        return rows
    except json.JSONDecodeError as exc:
        raise IngestError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except csv.Error as exc:
        raise IngestError(f"malformed CSV: {exc}") from exc


def records_to_docs(name: str, records: list) -> list[RawDoc]:
    docs = []
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, dict):
            docs.append(RawDoc(source=f"{name}#{n}", text="", error="not a record (expected an object with 'text')"))
            continue
        if not str(rec.get("text") or "").strip():
            docs.append(RawDoc(source=f"{name}#{n}", text="", error="record has no 'text'"))
            continue
        body = str(rec["text"])
        meta = {k: rec.get(k) for k in ("source", "url", "title", "publisher", "published", "language")}
        if body.lstrip().startswith("<") and "</" in body:
            doc = from_html(f"{name}#{n}", body)
            doc.meta = meta
            docs.append(doc)
        else:
            docs.append(RawDoc(source=f"{name}#{n}", text=body, meta=meta))
    return docs


def from_html(source: str, html: str, url: str | None = None) -> RawDoc:
    """Main text and metadata with trafilatura; comments and boilerplate stay out."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
    )
    doc = doc.as_dict() if doc is not None else None
    if not doc or not (doc.get("text") or "").strip():
        raise IngestError("no article text found in the HTML")
    body = doc["text"]
    if doc.get("title") and not body.startswith(doc["title"]):
        body = f"{doc['title']}\n\n{body}"
    found = {"title": doc.get("title"), "url": doc.get("url") or url, "published": doc.get("date"),
             "publisher": doc.get("sitename") or doc.get("hostname")}
    return RawDoc(source=source, text=body, found={k: v for k, v in found.items() if v})


def _is_public_host(host: str) -> bool:
    """Refuse loopback, private and link-local targets so a hosted app cannot be turned on its own network."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError as exc:
        raise IngestError(f"cannot resolve host '{host}' (offline or unknown host)") from exc
    return all(ipaddress.ip_address(info[4][0]).is_global for info in infos)


def fetch_url(url: str, allow_private: bool = False) -> RawDoc:
    import requests

    try:
        resp = None
        for _ in range(4):  # follow redirects by hand so that every hop is checked
            parsed = urlparse(url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                raise IngestError("not an http(s) URL")
            if not allow_private and not _is_public_host(parsed.hostname):
                raise IngestError("refusing to fetch a private or loopback address")
            resp = requests.get(url, timeout=URL_TIMEOUT, headers={"User-Agent": "PressDesk/0.1"}, stream=True,
                                allow_redirects=False)
            if resp.is_redirect and resp.headers.get("Location"):
                url = requests.compat.urljoin(url, resp.headers["Location"])
                continue
            break
        else:
            raise IngestError("too many redirects")
        resp.raise_for_status()
        data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
    except requests.Timeout as exc:
        raise IngestError(f"the site did not answer within {URL_TIMEOUT:.0f} s") from exc
    except requests.HTTPError as exc:
        raise IngestError(f"the site answered HTTP {exc.response.status_code}") from exc
    except requests.RequestException as exc:
        raise IngestError("could not fetch the URL (offline or unreachable)") from exc
    if len(data) > MAX_BYTES:
        raise IngestError("page too large")
    text = data.decode(resp.encoding or "utf-8", errors="replace")
    return from_html(url, text, url=url)
