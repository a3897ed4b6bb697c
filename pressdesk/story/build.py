"""Compute and store statement groups after extraction: only the speakers whose quotes changed are regrouped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import duckdb
import numpy as np
import pandas as pd

from pressdesk import store
from pressdesk.store import wire_index
from pressdesk.story import stale
from pressdesk.story.evidence import Evidence
from pressdesk.story.incremental import add_statements, ungrouped
from pressdesk.story.statements import Report, group_reports

PIVOT = "en"  # translations into this language, when cached, let reports in two languages be compared word by word

# Evidence lists are read joined by a separator and split here: DuckDB hands lists to Python item by item, which
# cost as much as the rest of the query; each list's length says whether an item held the separator.
_SEP = "\x1f"
_REPORTS_SQL = """
SELECT q.quote_id, q.article_id, q.speaker, coalesce(q.language, a.language) AS language, q.text,
       coalesce(q.said_on, a.published) AS day,
       array_to_string(e.words, chr(31)), array_to_string(e.numbers, chr(31)), array_to_string(e.entities, chr(31)),
       len(e.words), len(e.numbers), len(e.entities)
FROM quotes q JOIN articles a USING (article_id) LEFT JOIN quote_evidence e USING (quote_id)
WHERE q.speaker IS NOT NULL AND q.speaker_type IS DISTINCT FROM 'unnamed' AND q.{key} IN (SELECT v FROM wanted)
ORDER BY q.quote_id
"""

# The sentence(s) around each quote: read only for quotes whose evidence extraction did not store.
_CONTEXT_SQL = """
SELECT q.quote_id, string_agg(s.text, ' ' ORDER BY s.idx) FROM quotes q JOIN sentences s
  ON s.article_id = q.article_id AND s.end_char > q.start_char AND s.start_char < q.end_char
WHERE list_contains(?, q.quote_id) GROUP BY q.quote_id
"""



def _pivots(con: duckdb.DuckDBPyConnection, texts: list[str], languages: list[str | None]) -> list[str | None]:
    """Each quote in the pivot language: itself when already in it, else its cached translation (or None)."""
    from pressdesk.translate.config import normalize_lang
    from pressdesk.translate.lookup import cached_translations

    out: list[str | None] = [t if lang == PIVOT else None for t, lang in zip(texts, languages, strict=True)]
    by_lang: dict[str, list[int]] = {}
    for pos, lang in enumerate(languages):
        if lang is not None and lang != PIVOT:
            by_lang.setdefault(lang, []).append(pos)
    cached = _cached_sources(con) if by_lang else set()
    for lang, positions in by_lang.items():
        src = normalize_lang(lang)
        if not (cached and (src == "auto" or "auto" in cached or src in cached)):
            continue  # nothing cached from this language (the cache's 'auto' matches any)
        found = cached_translations(con, list(dict.fromkeys(texts[p] for p in positions)), lang, PIVOT)
        for p in positions:
            if texts[p] in found:
                out[p] = found[texts[p]].translated
    return out


def _cached_sources(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Languages with any cached translation into the pivot: tens of thousands of reports are read per add, and
    hashing their texts to look up a language nothing was translated from cost 0.1 s."""
    return {r[0] for r in con.cursor().execute(
        "SELECT DISTINCT source_lang FROM translations WHERE target_lang = ?", [PIVOT]).fetchall()}


def reports(con: duckdb.DuckDBPyConnection, speakers: Sequence[str]) -> list[Report]:
    """The named speakers' quotes as reports, with their date, sentence and pivot-language text."""
    return _reports(con, "speaker", speakers)


def reports_of(con: duckdb.DuckDBPyConnection, quote_ids: Sequence[str]) -> list[Report]:
    """These quotes as reports (those with a named speaker)."""
    return _reports(con, "quote_id", quote_ids)


def _reports(con: duckdb.DuckDBPyConnection, key: str, values: Sequence[str]) -> list[Report]:
    # the wanted values as a table: tens of thousands of neighbours are read per add, and a list parameter is
    # searched once per stored quote (0.34 s against 0.18 s for 37k of 1M quotes)
    with store.reading(con, wanted=pd.DataFrame({"v": pd.Series(list(values), dtype=object)})) as cur:
        rows = cur.execute(_REPORTS_SQL.replace("{key}", key)).fetchall()
    if not rows:
        return []
    missing = [r[0] for r in rows if r[6] is None]
    context = dict(con.cursor().execute(_CONTEXT_SQL, [missing]).fetchall()) if missing else {}
    texts = [r[4] or "" for r in rows]
    pivots = _pivots(con, texts, [r[3] for r in rows])
    seen: dict[tuple, Evidence] = {}
    return [Report(r[0], r[1], r[2], r[3], text, r[5], context.get(r[0]) or "", pivot, PIVOT if pivot else None,
                   None if r[6] is None else _evidence(con, r, seen))
            for r, text, pivot in zip(rows, texts, pivots, strict=True)]


def _evidence(con: duckdb.DuckDBPyConnection, row: tuple, seen: dict[tuple, Evidence]) -> Evidence:
    """A report's stored evidence from its joined lists, one object for the copies of one quote (`seen`); read as
    lists when an item held the separator."""
    found = seen.get(row[6:12])
    if found is not None:
        return found
    lists = [joined.split(_SEP) if n else [] for joined, n in zip(row[6:9], row[9:12], strict=True)]
    if all(len(items) == n for items, n in zip(lists, row[9:12], strict=True)):
        found = seen[row[6:12]] = Evidence(*(frozenset(items) for items in lists))
        return found
    found = con.cursor().execute("SELECT words, numbers, entities FROM quote_evidence WHERE quote_id = ?",
                                 [row[0]]).fetchone()
    return Evidence(*(frozenset(items) for items in found))


class Placed(NamedTuple):
    """What a refresh of the statement groups did."""

    regrouped: int  # quotes whose speakers were regrouped in full
    added: int  # quotes added to the stored groups
    gone: list[str]  # stored groups merged into others by the quotes added


def refresh_statements(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None,
                       renamed: Sequence[str] | None = None) -> Placed:
    """Regroup every speaker (when None), or: the speakers whose grouped quotes were renamed (`renamed` names; every
    row is compared when None), removed or extracted again in full, then add the quotes never grouped to the stored
    groups."""
    cur = con.cursor()
    ids = None if article_ids is None else list(article_ids)
    scoped = None if ids is None else stale.stale_speakers(con, ids, renamed)
    if ids is None:
        speakers = [r[0] for r in cur.execute("SELECT DISTINCT speaker FROM quotes").fetchall()]
    else:
        speakers = stale.every_stale_speaker(con, ids) if scoped is None else scoped
    known = [s for s in speakers if s is not None]
    rows = group_reports(reports(con, known)) if known else []
    frame = pd.DataFrame([(m.quote_id, m.group_id, m.reason) for m in rows],
                         columns=["quote_id", "group_id", "reason"])
    with store.writing(con, new_groups=frame) as w:
        if scoped is None:
            w.execute("DELETE FROM statement_groups WHERE quote_id NOT IN (SELECT quote_id FROM quotes)"
                      f" OR {store.among('speaker')} OR speaker IS NULL", [known])
        else:  # rows without a speaker are their quote's own group: only the added articles' can change
            w.execute(f"DELETE FROM statement_groups WHERE {store.among('speaker')} OR speaker IS NULL AND quote_id IN"
                      f" (SELECT quote_id FROM quotes WHERE {store.among('article_id')})", [known, ids])
        if rows:
            w.execute("DELETE FROM statement_groups WHERE quote_id IN (SELECT quote_id FROM new_groups)")
            w.execute("INSERT INTO statement_groups (quote_id, group_id, speaker, reason) SELECT n.quote_id, n.group_id,"
                      " q.speaker, n.reason FROM new_groups n JOIN quotes q USING (quote_id)")
        # quotes nobody is named for (or an unnamed source) are statements of their own
        if scoped is None:
            w.execute("INSERT INTO statement_groups (quote_id, group_id, speaker, reason)"
                      " SELECT q.quote_id, q.quote_id, q.speaker, NULL FROM quotes q"
                      " WHERE q.quote_id NOT IN (SELECT quote_id FROM statement_groups)"
                      + ("" if ids is None else " AND (q.speaker IS NULL OR q.speaker_type = 'unnamed')"))
        else:  # only the added articles' and the regrouped speakers' can lack a group: those are looked up
            own = [r[0] for r in w.execute(
                "SELECT quote_id FROM quotes WHERE (speaker IS NULL OR speaker_type = 'unnamed')"
                f" AND ({store.among('article_id')} OR {store.among('speaker')})", [ids, known]).fetchall()]
            w.execute("INSERT INTO statement_groups (quote_id, group_id, speaker, reason)"
                      " SELECT quote_id, quote_id, speaker, NULL FROM quotes WHERE list_contains(?, quote_id) AND"
                      " quote_id NOT IN (SELECT quote_id FROM statement_groups WHERE list_contains(?, quote_id))",
                      [own, own])
    added, gone = add_statements(con, ungrouped(con, None if scoped is None else ids)) if ids is not None else (0, [])
    return Placed(len(rows), added, gone)


def _unsigned(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None) -> pd.DataFrame:
    """Text, language and publisher of the given articles (all when None) that have no stored signature yet:
    extraction computes it on the workers, so only articles extracted before that, or elsewhere, are read here."""
    return con.cursor().execute(
        "SELECT article_id, text, language, publisher FROM articles ANTI JOIN article_signatures USING (article_id)"
        " WHERE ? IS NULL OR list_contains(?, article_id)", [None if ids is None else list(ids)] * 2).df()


def _sign(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> None:
    """Store signatures and credits of articles that lack them."""
    from pressdesk.story import wire

    sigs = pd.DataFrame({"article_id": frame["article_id"].tolist(),
                         "signature": [wire.signature(wire.shingles(t)).tolist() for t in frame["text"]]})
    credit_rows = pd.DataFrame(
        [(r.article_id, c.agency, c.evidence) for r in frame.itertuples()
         for c in wire.credits(r.text, r.language if isinstance(r.language, str) else None,
                               r.publisher if isinstance(r.publisher, str) else None)],
        columns=["article_id", "agency", "evidence"])
    with store.writing(con, new_sigs=sigs, new_credits=credit_rows) as w:
        wire_index.forget(w, "SELECT article_id FROM new_sigs", [])
        wire_index.add(w, "SELECT article_id, signature::UBIGINT[] FROM new_sigs", "SELECT * FROM new_credits")


def copies_of(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None,
              known: dict[str, np.ndarray] | None = None) -> list:
    """The wire copies of the given articles (all when None): band candidates from the store's index, checked here,
    a slice of articles at a time so a full rebuild holds one slice's candidates in memory."""
    from pressdesk.story import wire

    cur = con.cursor()
    if ids is None:
        ids = [r[0] for r in cur.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    ids = list(ids)

    held: dict[str, np.ndarray] = {}  # phrases read for one slice, kept for the next while they fit

    def load(article_ids: list[str]) -> dict[str, np.ndarray]:
        missing = [a for a in article_ids if a not in held]
        if len(held) + len(missing) > wire.READ_AT_ONCE:
            held.clear()
            missing = article_ids
        held.update((aid, known[aid]) for aid in missing if known and aid in known)  # hashed by the workers
        missing = [a for a in missing if a not in held]
        if missing:
            held.update((aid, wire.shingles(text)) for aid, text in con.cursor().execute(
                "SELECT article_id, text FROM articles WHERE list_contains(?, article_id)", [missing]).fetchall())
        return held

    found: dict[tuple[str, str], object] = {}
    for start in range(0, len(ids), wire_index.CHUNK):
        candidates = wire_index.candidates(con, ids[start:start + wire_index.CHUNK])
        involved = sorted(set(candidates) | {o for others in candidates.values() for o in others})
        sigs = {aid: np.array(sig, dtype=np.uint64) for aid, sig in cur.execute(
            "SELECT article_id, signature FROM article_signatures WHERE list_contains(?, article_id)",
            [involved]).fetchall()}
        for copy in wire.same_copies(candidates, sigs, load):
            found.setdefault((copy.article_id, copy.other_id), copy)
    return list(found.values())


def refresh_wire(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None,
                 phrases: dict[str, np.ndarray] | None = None) -> int:
    """Signatures and credits of the given articles (all when None) when not stored yet, and which articles ran the
    same wire copy as they did; return how many such pairs involve them (`phrases`: phrase hashes already known)."""
    unsigned = _unsigned(con, article_ids)
    if len(unsigned):
        _sign(con, unsigned)
    ids = list(article_ids) if article_ids is not None else [
        r[0] for r in con.cursor().execute("SELECT article_id FROM articles").fetchall()]
    copies = copies_of(con, article_ids, phrases)
    pairs = pd.DataFrame([(c.article_id, c.other_id, c.similarity, c.reason) for c in copies],
                         columns=["article_id", "other_id", "similarity", "reason"])
    with store.writing(con, new_copies=pairs) as w:
        w.execute("DELETE FROM wire_copies WHERE list_contains(?, article_id) OR list_contains(?, other_id)"
                  " OR article_id NOT IN (SELECT article_id FROM articles)"
                  " OR other_id NOT IN (SELECT article_id FROM articles)", [ids, ids])
        # the shared agency, joined from the new pairs outward (never every pair of articles crediting one agency)
        w.execute("""INSERT INTO wire_copies
                     SELECT n.article_id, n.other_id, n.similarity, s.agency, n.reason
                     FROM new_copies n LEFT JOIN (
                         SELECT p.article_id, p.other_id, min(c1.agency) AS agency
                         FROM new_copies p JOIN wire_credits c1 ON c1.article_id = p.article_id
                         JOIN wire_credits c2 ON c2.article_id = p.other_id AND c2.agency = c1.agency
                         GROUP BY p.article_id, p.other_id) s USING (article_id, other_id)""")
    return len(copies)
