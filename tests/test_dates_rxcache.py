"""Compiled date patterns kept between processes (pressdesk/dates/rxcache.py): the stored code matches as re.compile's
does, a second process reuses it, a bad table or a cache turned off falls back to re.compile, and a language builds
the same pattern sources in every process (the table is keyed by them)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pressdesk.dates import rxcache
from pressdesk.dates.lang import DATA_DIR, compile_spec

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "Le 21 mars 2024, puis mardi prochain, il y a trois semaines et au printemps 2023, entre 2014 et 2016."


def _sources(code: str) -> list[str]:
    with (DATA_DIR / f"{code}.toml").open("rb") as fh:
        spec = compile_spec(tomllib.load(fh))
    return [p.source for p in spec.patterns + spec.blockers]


def test_stored_code_matches_as_re_compile_does_and_is_reused(tmp_path: Path) -> None:
    assert rxcache.engine_ok()
    path = tmp_path / "dates-fr-test.regex"
    first = rxcache.CodeTable(path)
    sources = _sources("fr")[:60]
    compiled = [first.compile(s) for s in sources]
    assert first.added == len(set(sources))
    first.save()
    second = rxcache.CodeTable(path)
    again = [second.compile(s) for s in sources]
    assert second.added == 0  # all from the stored table
    for source, ours, theirs in zip(sources, again, compiled, strict=True):
        plain = __import__("re").compile(source)
        assert ours.groupindex == plain.groupindex
        assert [m.span() for m in ours.finditer(SAMPLE.lower())] == [m.span() for m in plain.finditer(SAMPLE.lower())]
        assert [m.span() for m in theirs.finditer(SAMPLE.lower())] == [m.span() for m in plain.finditer(SAMPLE.lower())]


def test_an_unreadable_table_starts_afresh_and_the_cache_can_be_turned_off(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dates-fr-bad.regex"
    path.write_bytes(b"not a pickle")
    table = rxcache.CodeTable(path)
    assert table.codes == {} and table.compile(r"\d+").findall("a 12 b 3") == ["12", "3"]
    monkeypatch.setenv("PRESSDESK_CACHE_DIR", "off")
    off = rxcache.table_for("fr", [DATA_DIR / "fr.toml"])
    assert off.path is None and off.compile(r"\w+").findall("ab cd") == ["ab", "cd"]
    off.save()  # nothing to write, no error
    monkeypatch.setenv("PRESSDESK_CACHE_DIR", str(tmp_path / "cache"))
    on = rxcache.table_for("fr", [DATA_DIR / "fr.toml"])
    assert on.path is not None and on.path.parent == tmp_path / "cache"


def test_a_language_builds_the_same_sources_in_every_process() -> None:
    script = ("import hashlib, tomllib; from pressdesk.dates.lang import DATA_DIR, compile_spec; "
              "s = compile_spec(tomllib.load(open(DATA_DIR / 'it.toml', 'rb'))); "
              "print(hashlib.sha256('\\n'.join(p.source for p in s.patterns + s.blockers).encode()).hexdigest())")
    digests = {
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
