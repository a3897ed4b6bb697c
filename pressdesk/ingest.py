"""Load articles (files, folders, records, URLs, uploads) into DuckDB: idempotent, one transaction per file."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from pressdesk import language as langid
from pressdesk import meta, parallel, readers, store
from pressdesk.clean import clean_text
from pressdesk.readers import IngestError, RawDoc
from pressdesk.records import plausible_date
from pressdesk.sentences import Sentence, split_sentences

FIELDS = ("source", "url", "title", "publisher", "published", "language")
MIN_WORDS = 4  # below this, what is left is page furniture (a menu, a button), not an article


@dataclass
class ArticleRecord:
    article_id: str
    source: str
    url: str | None
    title: str | None
    publisher: str | None
    language: str | None
    published: date | None
    published_origin: str | None
    text: str
    content_hash: str
    provenance: dict[str, str]
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # article ids
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line reason)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (source, what was dropped or repaired) — loaded

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.duplicates += other.duplicates
        self.failed += other.failed
        self.notes += other.notes

    def summary(self) -> str:
        notes = f", with notes {len(self.notes)}" if self.notes else ""
        return f"added {len(self.added)}, already loaded {self.duplicates}, failed {len(self.failed)}{notes}"


def content_hash(text: str) -> str:
    """Hash of the clean text with whitespace folded: the article's identity across re-ingestion."""
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


def prepare(doc: RawDoc, detected_language: str | None = None) -> ArticleRecord:
    """Clean one document and find its metadata; values given with the record win over found ones."""
    if doc.error:
        raise IngestError(doc.error)
    cleaned = clean_text(doc.text)
    if not cleaned.text.strip():
        raise IngestError("no article text left after removing page furniture")
    if len(cleaned.text.split()) < MIN_WORDS:
        raise IngestError(f"too short to be an article ({len(cleaned.text.split())} words)")
    given = {k: v for k, v in doc.meta.items() if k in FIELDS and v not in (None, "")}
    prov: dict[str, str] = {}

    def pick(name: str, *candidates: tuple[object, str]) -> object:
        if name in given:
            prov[name] = "record"
            return given[name]
        for value, origin in candidates:
            if value:
                prov[name] = origin
                return value
        return None

    guess = detected_language or doc.detected or langid.detect(cleaned.text)
    lang = pick("language", (guess, "detected:lingua"))
    lang = str(lang).lower()[:2] if lang else None
    url = pick("url", (cleaned.url, "text:source-line"), (doc.found.get("url"), "html:meta"),
               (doc.source if doc.source.startswith(("http://", "https://")) else None, "fetched"))
    title = pick("title", (doc.found.get("title"), "html:meta"), (meta.guess_title(cleaned.text, cleaned.roles), "text"))
    publisher = pick("publisher", (cleaned.publisher, "text:credit"), (doc.found.get("publisher"), "html:meta"),
                     (cleaned.masthead, "text:masthead"))
    published, published_origin = _published(given, cleaned.text, lang, url, doc.found.get("published"))
    if published_origin:
        prov["published"] = published_origin
    digest = content_hash(cleaned.text)
    return ArticleRecord(
        article_id=digest[:16], source=str(given.get("source") or doc.source), url=url, title=title,
        publisher=publisher, language=lang, published=published, published_origin=published_origin,
        text=cleaned.text, content_hash=digest, provenance=prov,
        sentences=split_sentences(cleaned.text, lang, cleaned.roles),
    )


def _published(given: dict, text: str, lang: str | None, url: object, html_date: object) -> tuple[date | None, str | None]:
    """The publication date and where it came from; a date no newspaper could carry (year 1, 9999) is passed over."""
    if "published" in given:
        value = given["published"]
        parsed = value if isinstance(value, date) else meta.parse_date(str(value), lang)
        if plausible_date(parsed):
            return parsed, "record"
    dateline = meta.date_from_dateline(text, lang)
    if dateline and plausible_date(dateline[0]):
        return dateline[0], "text:dateline"
    from_url = meta.date_from_url(str(url) if url else None)
    if plausible_date(from_url):
        return from_url, "url"
    if html_date:
        parsed = meta.parse_date(str(html_date), lang)
        if plausible_date(parsed):
            return parsed, "html:meta"
    return None, None


def _existing_hashes(con: duckdb.DuckDBPyConnection, hashes: list[str]) -> set[str]:
    rows = con.cursor().execute("SELECT content_hash FROM articles WHERE list_contains(?, content_hash)", [hashes]).fetchall()
    return {r[0] for r in rows}


def store_records(con: duckdb.DuckDBPyConnection, records: list[ArticleRecord]) -> tuple[list[str], int]:
    """Insert new records in one transaction; return (added ids, duplicates skipped)."""
    with store.write_lock:  # the duplicate check and the insert see the same corpus
        return _store_records(con, records)


def _store_records(con: duckdb.DuckDBPyConnection, records: list[ArticleRecord]) -> tuple[list[str], int]:
    existing = _existing_hashes(con, [r.content_hash for r in records])
    fresh: dict[str, ArticleRecord] = {}
    for rec in records:
        if rec.content_hash not in existing:
            fresh.setdefault(rec.content_hash, rec)
    if not fresh:
        return [], len(records)
    arts = pd.DataFrame([{
        "article_id": r.article_id, "source": r.source, "url": r.url, "title": r.title, "publisher": r.publisher,
        "language": r.language, "published": r.published, "published_origin": r.published_origin,
        "text": r.text, "content_hash": r.content_hash, "provenance": json.dumps(r.provenance),
    } for r in fresh.values()])
    sents = pd.DataFrame([
        {"article_id": r.article_id, "idx": s.idx, "start_char": s.start, "end_char": s.end, "text": s.text,
         "role": s.role}
        for r in fresh.values() for s in r.sentences
    ], columns=["article_id", "idx", "start_char", "end_char", "text", "role"])
    arts["published"] = pd.to_datetime(arts["published"]).dt.date
    with store.writing(con, new_articles=arts, new_sentences=sents) as cur:
        cur.execute(
            "INSERT INTO articles (article_id, source, url, title, publisher, language, published,"
            " published_origin, text, content_hash, provenance)"
            " SELECT article_id, source, url, title, publisher, language, published::DATE, published_origin,"
            " text, content_hash, provenance FROM new_articles"
        )
        cur.execute("INSERT INTO sentences SELECT article_id, idx, start_char, end_char, text, role FROM new_sentences")
    return [r.article_id for r in fresh.values()], len(records) - len(fresh)


def prepare_docs(source: str, docs: list[RawDoc], report: IngestReport) -> list[ArticleRecord]:
    """Clean and describe one file's documents; a bad record is reported, the others go on."""
    detected = langid.detect_many([d.text for d in docs]) if len(docs) > 1 else [None] * len(docs)
    records = []
    for n, (doc, lang) in enumerate(zip(docs, detected, strict=True)):
        where = doc.source if len(docs) == 1 and not doc.where else f"{source} ({doc.where or f'record {n + 1}'})"
        report.notes += [(where, note) for note in doc.notes]
        try:
            records.append(prepare(doc, lang))
        except IngestError as exc:
            report.failed.append((where, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one odd record never stops the others
            report.failed.append((where, f"could not prepare the text ({_one_line(exc)})"))
    return records


def _one_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:160] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def commit_files(con: duckdb.DuckDBPyConnection, files: list[tuple[str, list[ArticleRecord]]], report: IngestReport) -> None:
    """Write several prepared files in one transaction; if the database refuses it, retry file by file so
    that only the failing file is skipped (each file is all-or-nothing)."""
    records = [r for _, recs in files for r in recs]
    if not records:
        return
    try:
        added, dupes = store_records(con, records)
    except duckdb.Error as exc:
        if len(files) == 1:
            report.failed.append((files[0][0], f"database refused the file: {str(exc).splitlines()[0]}"))
            return
        for single in files:
            commit_files(con, [single], report)
        return
    report.added += added
    report.duplicates += dupes


def ingest_docs(con: duckdb.DuckDBPyConnection, source: str, docs: list[RawDoc]) -> IngestReport:
    """One file's documents: bad records are reported, the rest commit together."""
    report = IngestReport()
    commit_files(con, [(source, prepare_docs(source, docs, report))], report)
    return report


BATCH_FILES = 200  # files prepared before one write: small files would otherwise pay a commit each
PRESTART_BYTES = 256 * 1024  # local input at least this big (or as many files as the pool's minimum): worth a pool


def _many_articles(sources: list[str | Path]) -> bool:
    """Whether the inputs likely hold enough articles for the extraction pool (readers.expand gives files as paths,
    URLs as text: a URL counts as one small article)."""
    if len(sources) >= parallel.SERIAL_BELOW:
        return True
    size = 0
    for src in sources:
        try:
            size += src.stat().st_size if isinstance(src, Path) else 0
        except OSError:
            continue
    return size >= PRESTART_BYTES


def ingest(
    con: duckdb.DuckDBPyConnection,
    inputs: Iterable[str | Path],
    extract: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    allow_private_urls: bool = False,
    given: dict | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs. Every failure becomes a one-line entry in the report. `given` metadata
    (checked, e.g. from the upload form) fills the fields a record does not state itself."""
    report = IngestReport()
    sources = list(readers.expand(inputs, report.failed))
    if extract and _many_articles(sources):
        parallel.prestart()  # the extraction pool warms up while the articles are read
    for start in range(0, len(sources), BATCH_FILES):
        chunk = sources[start:start + BATCH_FILES]
        read: list[tuple[str, list[RawDoc]]] = []
        for i, src in enumerate(chunk, start):
            if progress:
                progress(i, len(sources), str(src))
            try:
                read.append((str(src), with_given(readers.read_source(src, allow_private_urls=allow_private_urls),
                                                  given)))
            except IngestError as exc:
                report.failed.append((str(src), str(exc)))
            except Exception as exc:  # noqa: BLE001 - one odd file never aborts the run
                report.failed.append((str(src), f"could not read the file ({_one_line(exc)})"))
        singles = [docs[0] for _, docs in read if len(docs) == 1]
        for doc, lang in zip(singles, langid.detect_many([d.text for d in singles]) if singles else [], strict=True):
            doc.detected = lang
        prepared = [(src, prepare_docs(src, docs, report)) for src, docs in read]
        commit_files(con, prepared, report)
    if extract:
        _extract_added(con, report)
    return report


def _extract_added(con: duckdb.DuckDBPyConnection, report: IngestReport) -> None:
    """Dates, events and quotes for what this call added (extraction imports are heavy: load them late)."""
    if report.added:
        from pressdesk.pipeline import extract_articles, failures, never_extracted

        added = set(report.added)
        # articles a crash left unextracted are repaired along the way (they are few; an upgrade's re-extraction
        # of the whole corpus is left to `extract --if-stale`)
        extract_articles(con, report.added + [a for a in never_extracted(con) if a not in added])
        report.notes += [(f"article {aid}", f"loaded, but dates and quotes could not be extracted ({why})")
                         for aid, why in failures(con) if aid in added]


def with_given(docs: list[RawDoc], given: dict | None) -> list[RawDoc]:
    """Documents with `given` metadata filling the fields each record does not state (its own values win)."""
    for doc in docs if given else []:
        doc.meta = {**given, **doc.meta}
    return docs


def ingest_upload(con: duckdb.DuckDBPyConnection, name: str, data: bytes, extract: bool = True,
                  given: dict | None = None) -> IngestReport:
    """An uploaded file: same readers and checks as files on disk; `given` as in `ingest`."""
    report = IngestReport()
    try:
        docs = with_given(readers.read_bytes(name, data), given)
    except IngestError as exc:
        report.failed.append((name, str(exc)))
        return report
    except Exception as exc:  # noqa: BLE001 - a clear line, never a traceback
        report.failed.append((name, f"could not read the file ({_one_line(exc)})"))
        return report
    report.merge(ingest_docs(con, name, docs))
    if extract:
        _extract_added(con, report)
    return report
