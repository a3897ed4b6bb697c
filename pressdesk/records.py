"""Records from JSON, JSONL and CSV exports: one bad line or field never costs the good ones.

Every field is checked for type and range here, at the reader, so nothing downstream meets a title that is a
dict, a text that is a list or a date in year 1. A bad field is dropped with a one-line note; a record without
usable text is refused with a one-line reason.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

FIELDS = ("source", "url", "title", "publisher", "published", "language")
MIN_DATE = date(1800, 1, 1)  # older than any press archive we read; year 1 and 9999 break date arithmetic
MAX_FUTURE = timedelta(days=366)  # embargoed or scheduled pieces, not year 9999
MAX_LENGTH = {"source": 2000, "title": 1000, "publisher": 300, "url": 2048}
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


class RecordError(Exception):
    """Why a whole file's records could not be read, in one line."""


@dataclass
class Entry:
    """One record as read, with where it came from; `problem` is set when the line itself is unreadable."""

    where: str  # "record 3, line 4" / "row 5"
    record: object = None
    problem: str | None = None


@dataclass
class CheckedRecord:
    text: str | None
    meta: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # fields dropped, with why
    error: str | None = None  # why the record cannot be an article


def plausible_date(value: date | None) -> bool:
    """A publication date a newspaper could carry: from 1800 to a year ahead of today."""
    return value is not None and MIN_DATE <= value <= date.today() + MAX_FUTURE


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number"}
    return names.get(type(value), f"a {type(value).__name__}")


def _check_field(name: str, value: object) -> tuple[object, str | None]:
    """The value to keep (None to drop) and, if dropped or cut, why."""
    if value is None or value == "":
        return None, None
    if name == "published":
        return _check_date(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, f"'{name}' ignored: {_kind(value)}, expected text"
    if name == "url":
        if not isinstance(value, str):
            return None, f"'url' ignored: {_kind(value)}, expected an http(s) URL"
        parts = urlsplit(value.strip()) if not any(c.isspace() for c in value.strip()) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            return None, "'url' ignored: not an http(s) URL"
        value = value.strip()
    if name == "language":
        if not isinstance(value, str) or not LANGUAGE.fullmatch(value.strip()):
            return None, f"'language' ignored: {value!r:.40} is not a language code"
        return value.strip(), None
    text = str(value).strip()
    limit = MAX_LENGTH.get(name)
    if limit and len(text) > limit:
        return text[:limit], f"'{name}' cut to {limit} characters"
    return text or None, None


def check_field(name: str, value: object) -> tuple[object, str | None]:
    """One field checked as a record's would be (for metadata typed in a form): (value to keep or None, why not)."""
    return _check_field(name, value)


def _check_date(value: object) -> tuple[object, str | None]:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        if plausible_date(value):
            return value, None
        return None, f"'published' ignored: {value.isoformat()} is out of range ({MIN_DATE.year} to next year)"
    if not isinstance(value, str) or isinstance(value, bool):
        return None, f"'published' ignored: {_kind(value)}, expected a date"
    text = value.strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            parsed = date(*map(int, match.groups()))
        except ValueError:
            return None, f"'published' ignored: {text[:40]!r} is not a real date"
        if not plausible_date(parsed):
            return None, f"'published' ignored: {parsed.isoformat()} is out of range ({MIN_DATE.year} to next year)"
    return text[:100], None


def check_record(rec: object) -> CheckedRecord:
    """Validate one record's fields; the text must be a string, other bad fields are dropped with a note."""
    if not isinstance(rec, dict):
        return CheckedRecord(None, error="not a record (expected an object with 'text')")
    body = rec.get("text")
    if body is None or (isinstance(body, str) and not body.strip()):
        return CheckedRecord(None, error="record has no 'text'")
    if not isinstance(body, str):
        return CheckedRecord(None, error=f"'text' is {_kind(body)}, expected a string")
    out = CheckedRecord(body)
    for name in FIELDS:
        value, note = _check_field(name, rec.get(name))
        if value is not None:
            out.meta[name] = value
        if note:
            out.notes.append(note)
    return out


def parse_records(suffix: str, text: str, max_field: int) -> list[Entry]:
    """The records of a .json, .jsonl or .csv text; a broken JSONL line or CSV tail is an Entry with a problem."""
    if suffix == ".jsonl":
        return _jsonl(text)
    if suffix == ".json":
        return _json(text)
    return _csv(text, max_field)


def _json_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
    if isinstance(exc, RecursionError):
        return "malformed JSON: nested too deeply"
    return f"malformed JSON: {str(exc).splitlines()[0][:120]}"


def _jsonl(text: str) -> list[Entry]:
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"record {len(entries) + 1}, line {lineno}"
        try:
            entries.append(Entry(where, json.loads(line)))
        except (ValueError, RecursionError) as exc:
            entries.append(Entry(where, problem=_json_error(exc).replace("at line 1,", f"on line {lineno},")))
    return entries


def _json(text: str) -> list[Entry]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RecordError(_json_error(exc)) from exc
    if isinstance(data, dict):
        data = data.get("articles", data.get("records", [data]))
    if not isinstance(data, list):
        raise RecordError("JSON must hold a record, a list of records, or {\"articles\": [...]}")
    return [Entry(f"record {n}", rec) for n, rec in enumerate(data, 1)]


def _csv(text: str, max_field: int) -> list[Entry]:
    csv.field_size_limit(max_field)
    reader = csv.DictReader(io.StringIO(text), strict=True)
    entries: list[Entry] = []
    try:
        if "text" not in (reader.fieldnames or []):
            raise RecordError(f"CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])[:200]})")
        for row in reader:
            extra = row.pop(None, None)  # a row with more cells than the header
            where = f"row {len(entries) + 1}, line {reader.line_num}"
            entries.append(Entry(where, row, problem="more cells than the header has columns" if extra else None))
    except csv.Error as exc:
        entries.append(Entry(f"line {reader.line_num}", problem=f"malformed CSV on line {reader.line_num}: {exc}"
                             + ("; the lines after it were not read" if entries else "")))
    return entries
