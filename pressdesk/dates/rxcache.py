"""Compiled date patterns kept on disk between processes, as Python keeps .pyc files for code.

A language has a few hundred regexes; turning their sources into matching code (the `re` parser and compiler, pure
Python) is most of what a new process (a worker, a CLI run, a benchmark's first pass) pays before its first text.
Each language's compiled code is stored under PRESSDESK_CACHE_DIR (default ~/.cache/pressdesk; "off" turns it off),
keyed by the language's data file, the shared seasons file, this package's code, the Python version and the regex
engine's version, so any change starts a fresh table. The stored code is handed to the regex engine as `re` itself
would hand it (`_sre.compile`); a table that cannot be read or written, or an engine that does not accept it (a
self-check at start), is skipped and `re.compile` is used as before."""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import re
import sys
from functools import lru_cache
from pathlib import Path

try:  # CPython's regex engine and the `re` compiler it is fed by (stable within one Python version)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python: no cache
    _sre = _compiler = _parser = None  # type: ignore[assignment]

_PACKAGE = Path(__file__).resolve().parent
Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def cache_dir() -> Path | None:
    """Where compiled tables are kept, or None when the cache is off."""
    value = os.environ.get("PRESSDESK_CACHE_DIR")
    if value is not None and value.strip().lower() in ("", "off", "0", "none"):
        return None
    return Path(value) if value else Path.home() / ".cache" / "pressdesk"


def _code(source: str) -> Code:
    """What re.compile hands the regex engine for source (re._compiler.compile, step by step)."""
    parsed = _parser.parse(source, 0)
    code = _compiler._code(parsed, 0)
    index = [None] * parsed.state.groups
    for name, number in parsed.state.groupdict.items():
        index[number] = name
    return (int(parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            dict(parsed.state.groupdict), tuple(index))


def _build(source: str, code: Code) -> re.Pattern[str]:
    flags, program, groups, groupindex, indexgroup = code
    return _sre.compile(source, flags, program, groups, groupindex, indexgroup)


@lru_cache(maxsize=1)
def engine_ok() -> bool:
    """The engine takes stored code and the result behaves as re.compile's (checked once per process)."""
    if _sre is None:
        return False
    probe = r"(?<!\w)(?P<day>[12]\d|3[01])\s+(?:de\s+)?(?P<month>mars|mai)(?!\w)"
    try:
        ours, theirs = _build(probe, _code(probe)), re.compile(probe)
        sample = "le 21 mars et le 30 de mai, 31 mais"
        return (ours.groupindex == theirs.groupindex and ours.groups == theirs.groups
                and [m.groupdict() for m in ours.finditer(sample)] == [m.groupdict() for m in theirs.finditer(sample)])
    except Exception:  # noqa: BLE001 - any mismatch: no cache
        return False


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """This package's code, the Python version and the engine's: code made by another build is never reused."""
    digest = hashlib.sha256(f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}".encode())
    for path in sorted(_PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.digest()


class CodeTable:
    """One language's compiled patterns: read at load, extended as new patterns compile, written at exit."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.codes: dict[str, Code] = {}
        self.added = 0
        if path is not None:
            try:
                self.codes = pickle.loads(path.read_bytes())
            except Exception:  # noqa: BLE001 - no table yet, or an unreadable one: start afresh
                self.codes = {}

    def compile(self, source: str) -> re.Pattern[str]:
        """re.compile(source), from the stored code when there is some."""
        if self.path is None:
            return re.compile(source)
        code = self.codes.get(source)
        if code is None:
            code = self.codes[source] = _code(source)
            self.added += 1
        return _build(source, code)

    def save(self) -> None:
        """Write the table if this process compiled anything new (atomically: readers see the old or new file)."""
        if self.path is None or not self.added:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(self.codes, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, self.path)
            self.added = 0
        except OSError:  # a read-only home, a full disk: run without writing
            pass


_TABLES: list[CodeTable] = []


def table_for(name: str, sources: list[Path]) -> CodeTable:
    """The code table of one language, built from these data files (a plain re.compile one when the cache is off)."""
    folder = cache_dir()
    if folder is None or not engine_ok():
        return CodeTable(None)
    try:
        digest = hashlib.sha256(_code_digest())
        for source in sources:
            digest.update(source.read_bytes())
    except OSError:
        return CodeTable(None)
    table = CodeTable(folder / f"dates-{name}-{digest.hexdigest()[:24]}.regex")
    if not _TABLES:
        atexit.register(save_all)
    _TABLES.append(table)
    return table


def save_all() -> None:
    """Write every table that grew in this process."""
    for table in _TABLES:
        table.save()
