"""Run extraction (events, quotes) on stored articles and write the results back in one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pandas as pd

from pressdesk import clusters, parallel, store
from pressdesk.parallel import (
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    ArticleInput,
    Result,
    StoryFeatures,
    extract_many,
    one_line,
    quote_id,  # noqa: F401  (re-exported)
)
from pressdesk.records import plausible_date
from pressdesk.sentences import Sentence
from pressdesk.store import digest, wire_index

if TYPE_CHECKING:
    from pressdesk.story.build import Placed

__all__ = ["EVENT_COLUMNS", "QUOTE_COLUMNS", "extract_articles", "failures", "pending", "quote_id"]

BATCH = 400  # articles read, extracted and written per transaction: bounds memory whatever the corpus size


def _inputs(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[ArticleInput]:
    """Text, metadata and sentences of the given articles (what a worker needs), in the order of ids."""
    cur = con.cursor()
    arts = cur.execute(
        "SELECT article_id, text, language, published, publisher FROM articles WHERE list_contains(?, article_id)",
        [ids]
    ).fetchall()
    sents: dict[str, list[Sentence]] = {}
    for aid, *row in cur.execute(
        "SELECT article_id, idx, start_char, end_char, text, role FROM sentences"
        f" WHERE {store.among('article_id')} ORDER BY article_id, idx", [ids]
    ).fetchall():
        sents.setdefault(aid, []).append(Sentence(*row))
    # a publication date stored before dates were checked (year 1, 9999) is treated as unknown, not computed with
    by_id = {a[0]: ArticleInput(a[0], a[1], a[2], a[3] if plausible_date(a[3]) else None, tuple(sents.get(a[0], ())),
                                a[4]) for a in arts}
    return [by_id[i] for i in ids if i in by_id]


PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE.parent / "data"
# What extraction results depend on: the extracting code and the language data it reads.
EXTRACTOR_SOURCES = ("dates", "quotes", "story", "entities.py", "events.py", "sentences.py", "parallel.py")
EXTRACTOR_DATA = ("dates", "entities.toml", "cues", "roles.csv", "institutions.csv",
                  "attribution.toml", "agencies.csv", "abbreviations.toml", "story.toml")


def _files(root: Path, names: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for name in names:
        target = root / name
        if target.is_dir():
            out += sorted(p for p in target.rglob("*") if p.suffix in (".py", ".toml", ".csv", ".json"))
        elif target.is_file():
            out.append(target)
    return out


def fingerprint() -> str:
    """A hash of the extractor's code and data: stored extractions from another version are stale."""
    sha = hashlib.sha1()
    for path in _files(PACKAGE, EXTRACTOR_SOURCES) + _files(DATA, EXTRACTOR_DATA):
        sha.update(path.name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


RECLUSTER = store.RECLUSTER  # the setting kept while the corpus-wide steps after a write are due


def pending(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Articles this extractor has not extracted: committed before a crash or kill -9, or extracted by another
    version (an article whose extraction failed under this version counts as done: see `failures`)."""
    return [r[0] for r in con.cursor().execute(
        "SELECT a.article_id FROM articles a LEFT JOIN extraction_state s USING (article_id)"
        " WHERE s.extractor IS DISTINCT FROM ? ORDER BY a.article_id", [fingerprint()]).fetchall()]


def never_extracted(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Articles committed but never extracted by any version: what a crash between the two left behind."""
    return [r[0] for r in con.cursor().execute(
        "SELECT article_id FROM articles ANTI JOIN extraction_state USING (article_id) ORDER BY article_id"
    ).fetchall()]


def failures(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(article id, one-line reason) of the articles this extractor failed on; their text stays readable."""
    return [tuple(r) for r in con.cursor().execute(
        "SELECT article_id, error FROM extraction_state WHERE error IS NOT NULL AND extractor = ?"
        " ORDER BY article_id", [fingerprint()]).fetchall()]


def is_stale(con: duckdb.DuckDBPyConnection) -> bool:
    """True when some article lacks this extractor's results (never extracted, or by another version), or when
    a run stopped before re-clustering."""
    missing = con.cursor().execute(
        "SELECT count(*) FROM articles a LEFT JOIN extraction_state s USING (article_id)"
        " WHERE s.extractor IS DISTINCT FROM ?", [fingerprint()]).fetchone()[0]
    return missing > 0 or store.setting(con, RECLUSTER) == "1"


def refresh_if_stale(con: duckdb.DuckDBPyConnection) -> dict[str, int] | None:
    """Repair what a crash left or an upgrade made stale: extract the pending articles, finish clustering, make the
    first-view digests."""
    with store.write_lock:  # two sessions starting at once repair once
        if is_stale(con):
            return extract_articles(con, pending(con))  # its last step makes the digests
        if not digest.ready(con):  # a database made before them, or written by an older version: made again
            with store.writing(con) as cur:
                digest.refresh(cur)
        return None


def frames(results: Iterable[Result]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Event and quote rows of many articles as two tables in the stored column order."""
    events: list[dict] = []
    quotes: list[dict] = []
    for event_rows, quote_rows, *_ in results:
        events += event_rows
        quotes += quote_rows
    return (pd.DataFrame(events, columns=EVENT_COLUMNS),
            pd.DataFrame(quotes, columns=QUOTE_COLUMNS).drop_duplicates("quote_id"))


def feature_frames(features: dict[str, StoryFeatures], quote_ids: Iterable[str]) -> dict[str, pd.DataFrame]:
    """Story features of many articles as the rows of article_signatures, wire_credits and quote_evidence (the
    evidence of stored quotes only)."""
    keep = set(quote_ids)
    return {
        "new_sigs": pd.DataFrame({"article_id": list(features),
                                  "signature": [f.signature for f in features.values()]}),
        "new_credits": pd.DataFrame([(aid, a, e) for aid, f in features.items() for a, e in f.credits],
                                    columns=["article_id", "agency", "evidence"]),
        "new_evidence": pd.DataFrame([(q, *ev) for f in features.values() for q, ev in f.evidence.items() if q in keep],
                                     columns=["quote_id", "words", "numbers", "entities"]).drop_duplicates("quote_id"),
    }


def write_rows(con: duckdb.DuckDBPyConnection, ids: list[str], events_df: pd.DataFrame, quotes_df: pd.DataFrame,
               errors: dict[str, str] | None = None, features: dict[str, StoryFeatures] | None = None) -> None:
    """Replace the extractions of the given articles (and their story features: an article without them gets them
    computed when stories are refreshed) and mark them extracted, in one transaction: a crash leaves each article
    either fully extracted by this version or pending, never half-written."""
    errors = errors or {}
    states = pd.DataFrame({"article_id": ids, "error": [errors.get(i) for i in ids]}, dtype="object")
    extra = feature_frames(features or {}, quotes_df["quote_id"])
    with store.writing(con, new_events=events_df, new_quotes=quotes_df, new_states=states, **extra) as cur:
        cur.execute(f"DELETE FROM events WHERE {store.among('article_id')}", [ids])
        cur.execute("DELETE FROM quote_evidence WHERE quote_id IN"
                    f" (SELECT quote_id FROM quotes WHERE {store.among('article_id')})", [ids])
        cur.execute(f"DELETE FROM quotes WHERE {store.among('article_id')}", [ids])
        wire_index.forget(cur, "SELECT unnest(?::VARCHAR[])", [ids])
        if len(events_df):
            cur.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) SELECT * FROM new_events")
        if len(quotes_df):
            cur.execute(f"INSERT INTO quotes ({', '.join(QUOTE_COLUMNS)}) SELECT * FROM new_quotes")
        if len(extra["new_sigs"]):
            wire_index.add(cur, "SELECT article_id, signature::UBIGINT[] FROM new_sigs", "SELECT * FROM new_credits")
        if len(extra["new_evidence"]):
            cur.execute("INSERT OR REPLACE INTO quote_evidence SELECT quote_id, words::VARCHAR[], numbers::VARCHAR[],"
                        " entities::VARCHAR[] FROM new_evidence")
        cur.execute(
            "INSERT OR REPLACE INTO extraction_state (article_id, extractor, extracted_at, error)"
            " SELECT article_id, ?, current_timestamp, error::VARCHAR FROM new_states", [fingerprint()])
        store.put_setting(cur, RECLUSTER, "1")


def _write_results(con: duckdb.DuckDBPyConnection, ids: list[str], results: list[Result]) -> dict[str, int]:
    """Write a batch; if the database refuses it, article by article, so one bad article is recorded as failed
    and the others are stored."""
    errors = {aid: r.error for aid, r in zip(ids, results, strict=True) if r.error}
    features = {aid: r.features for aid, r in zip(ids, results, strict=True) if r.features is not None}
    try:
        events_df, quotes_df = frames(results)
        write_rows(con, ids, events_df, quotes_df, errors, features)
    except (duckdb.Error, ValueError, TypeError, OverflowError) as exc:
        if len(ids) > 1:
            out = {"events": 0, "quotes": 0, "failed": 0}
            for aid, result in zip(ids, results, strict=True):
                for key, n in _write_results(con, [aid], [result]).items():
                    out[key] += n
            return out
        write_rows(con, ids, frames([])[0], frames([])[1], {ids[0]: f"could not store: {one_line(exc)}"})
        return {"events": 0, "quotes": 0, "failed": 1}
    return {"events": len(events_df), "quotes": len(quotes_df), "failed": len(errors)}


def extract_articles(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> dict[str, int]:
    """(Re)extract the given articles on every core, written batch by batch (two batches in flight, so workers
    never wait for the writer), then re-cluster events and merge speaker spellings corpus-wide. An article the
    extractor fails on is recorded with its error and the others go on."""
    ids = list(article_ids)
    counts = {"articles": 0, "events": 0, "quotes": 0, "failed": 0}
    # only additions can be clustered incrementally: not after a stopped run, nor when articles are extracted again
    added_only = bool(ids) and store.setting(con, RECLUSTER) != "1" and not con.cursor().execute(
        "SELECT count(*) FROM extraction_state WHERE list_contains(?, article_id)", [ids]).fetchone()[0]

    from pressdesk.story.wire import READ_AT_ONCE

    phrases: dict[str, np.ndarray] = {}  # each new article's phrase hashes, as the workers computed them
    with store.write_lock, parallel.pool(len(ids), workers) as executor:  # clustering reads what was written
        runner = {"pool": executor}

        def submit(batch: list[str]) -> tuple[list[ArticleInput], Iterable[Result]]:
            items = _inputs(con, batch)
            if runner["pool"] is not None:
                try:
                    return items, extract_many(items, runner["pool"])
                except BrokenProcessPool:  # a worker died (e.g. out of memory): go on in this process
                    runner["pool"] = None
            return items, extract_many(items)

        def write(items: list[ArticleInput], results: Iterable[Result]) -> None:
            try:
                done = list(results)
            except BrokenProcessPool:
                runner["pool"] = None
                done = list(extract_many(items))
            for key, n in _write_results(con, [i.article_id for i in items], done).items():
                counts[key] += n
            counts["articles"] += len(items)
            for item, result in zip(items, done, strict=True):  # held for the wire check (bounded, like its reads)
                known = result.features.phrases if result.features is not None else None
                if known is not None and len(phrases) < READ_AT_ONCE:
                    phrases[item.article_id] = known

        in_flight: tuple[list[ArticleInput], Iterable[Result]] | None = None
        for start in range(0, len(ids), BATCH):
            if progress:
                progress(start, len(ids))
            submitted = submit(ids[start:start + BATCH])
            if in_flight:
                write(*in_flight)
            in_flight = submitted
        if in_flight:
            write(*in_flight)
        finish(con, ids if added_only else None, added_only=added_only, phrases=phrases)
    return counts


def finish(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None, added_only: bool = False,
           repair: bool = False, phrases: dict[str, np.ndarray] | None = None) -> None:
    """Corpus-wide steps after new events: clusters, speaker names and statement groups (only what new articles
    touch when `added_only`); the flag clears only when all are done, so a crash in between is repaired in full on
    the next start (`repair`: an earlier run stopped, so statement groups are checked row by row)."""
    merged: list[str] = []
    if added_only and article_ids:
        merged = clusters.recluster_added(con, article_ids)
    else:
        recluster(con)
    renamed = merge_speakers(con, article_ids if added_only else None)
    placed = refresh_stories(con, article_ids, None if repair else list(renamed), phrases)
    incremental = bool(added_only and article_ids and not repair)
    # after a plain add, the keys the digests lost are the clusters and statements merged into the new articles'
    gone = {"cluster_digest": merged, "statement_digest": placed.gone} if incremental and not placed.regrouped else None
    with store.writing(con) as cur:
        digest.refresh(cur, article_ids if incremental else None, gone)
        cur.execute("DELETE FROM settings WHERE key = ?", [RECLUSTER])


def recluster(con: duckdb.DuckDBPyConnection) -> int:
    """Cluster every event in the corpus (clusters span articles, so a new article can join old events)."""
    return clusters.recluster_all(con)


def refresh_stories(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None,
                    renamed: Sequence[str] | None = None, phrases: dict[str, np.ndarray] | None = None) -> Placed:
    """Regroup the statements of the speakers these articles quote (all when None) and of the `renamed` names (every
    stale row is looked for when None): one statement in several languages is one story; and find the articles that
    ran the same wire copy."""
    from pressdesk.story.build import refresh_statements, refresh_wire

    placed = refresh_statements(con, article_ids, renamed)
    refresh_wire(con, article_ids, phrases)
    return placed


def merge_speakers(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None) -> dict[str, str]:
    """Spellings of one speaker across articles and languages become one name (fuzzy, via entities): every name
    (when None), or the names of these newly added articles with the stored names they could match; return the
    renames (old -> new), so statement grouping regroups exactly those names."""
    from pressdesk.entities import merge_names, related_names

    cur = con.cursor()
    if article_ids is None:
        names = [r[0] for r in cur.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()]
    else:
        new = [r[0] for r in cur.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL"
                                         f" AND {store.among('article_id')}", [list(article_ids)]).fetchall()]
        stored = [r[0] for r in cur.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL"
                                            f" AND NOT {store.among('article_id')}", [list(article_ids)]).fetchall()]
        names = sorted(set(new) | set(related_names(new, stored))) if new else []
    mapping = {k: v for k, v in merge_names(names).items() if k != v}
    if not mapping:
        return {}
    frame = pd.DataFrame({"old": list(mapping), "new": list(mapping.values())})
    with store.writing(con, speaker_map=frame) as cur:
        cur.execute("UPDATE quotes SET speaker = m.new FROM speaker_map m WHERE quotes.speaker = m.old")
    return mapping


def set_published(
    con: duckdb.DuckDBPyConnection, article_id: str, published: date | None, who: str = "unknown",
) -> dict[str, int]:
    """An analyst's correction of the publication date: recorded with its origin and in the audit, then dates
    re-resolved."""
    from pressdesk import audit

    row = con.cursor().execute(
        "SELECT provenance, published FROM articles WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        raise KeyError(f"unknown article {article_id}")
    provenance = json.loads(row[0] or "{}")
    provenance["published"] = "analyst" if published else "analyst:cleared"
    with store.writing(con) as cur:
        cur.execute(
            "UPDATE articles SET published = ?, published_origin = ?, provenance = ? WHERE article_id = ?",
            [published, "analyst" if published else None, json.dumps(provenance), article_id],
        )
        # statement days and cluster spans read this date: corpus-wide steps (and digests) are due
        store.put_setting(cur, RECLUSTER, "1")
        audit.record(cur, who, "correct date", article_id, "published", row[1], published)
    return extract_articles(con, [article_id])
