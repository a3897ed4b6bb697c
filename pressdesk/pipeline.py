"""Run extraction (events, quotes) on stored articles and write the results back in one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from pressdesk import events as ev
from pressdesk import parallel, store
from pressdesk.parallel import EVENT_COLUMNS, QUOTE_COLUMNS, ArticleInput, Rows, extract_many, quote_id
from pressdesk.sentences import Sentence

__all__ = ["EVENT_COLUMNS", "QUOTE_COLUMNS", "extract_articles", "quote_id"]

BATCH = 400  # articles read, extracted and written per transaction: bounds memory whatever the corpus size


def _inputs(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[ArticleInput]:
    """Text, metadata and sentences of the given articles (what a worker needs), in the order of ids."""
    cur = con.cursor()
    arts = cur.execute(
        "SELECT article_id, text, language, published FROM articles WHERE list_contains(?, article_id)", [ids]
    ).fetchall()
    sents: dict[str, list[Sentence]] = {}
    for aid, *row in cur.execute(
        "SELECT article_id, idx, start_char, end_char, text, role FROM sentences"
        " WHERE list_contains(?, article_id) ORDER BY article_id, idx", [ids]
    ).fetchall():
        sents.setdefault(aid, []).append(Sentence(*row))
    by_id = {a[0]: ArticleInput(a[0], a[1], a[2], a[3], tuple(sents.get(a[0], ()))) for a in arts}
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
    digest = hashlib.sha1()
    for path in _files(PACKAGE, EXTRACTOR_SOURCES) + _files(DATA, EXTRACTOR_DATA):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def is_stale(con: duckdb.DuckDBPyConnection) -> bool:
    """True when articles exist whose extractions were made by another version of the extractor."""
    has_articles = con.cursor().execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    return has_articles and store.setting(con, "extractor") != fingerprint()


def refresh_if_stale(con: duckdb.DuckDBPyConnection) -> dict[str, int] | None:
    """Re-extract the whole corpus after an upgrade of the extractor (code or language data)."""
    if not is_stale(con):
        return None
    ids = [r[0] for r in con.cursor().execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    return extract_articles(con, ids)


def frames(results: Iterable[Rows]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Event and quote rows of many articles as two tables in the stored column order."""
    events: list[dict] = []
    quotes: list[dict] = []
    for event_rows, quote_rows in results:
        events += event_rows
        quotes += quote_rows
    return (pd.DataFrame(events, columns=EVENT_COLUMNS),
            pd.DataFrame(quotes, columns=QUOTE_COLUMNS).drop_duplicates("quote_id"))


def write_rows(con: duckdb.DuckDBPyConnection, ids: list[str], events_df: pd.DataFrame, quotes_df: pd.DataFrame) -> None:
    """Replace the extractions of the given articles in one transaction."""
    with store.writing(con, new_events=events_df, new_quotes=quotes_df) as cur:
        cur.execute("DELETE FROM events WHERE list_contains(?, article_id)", [ids])
        cur.execute("DELETE FROM quotes WHERE list_contains(?, article_id)", [ids])
        if len(events_df):
            cur.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) SELECT * FROM new_events")
        if len(quotes_df):
            cur.execute(f"INSERT INTO quotes ({', '.join(QUOTE_COLUMNS)}) SELECT * FROM new_quotes")


def extract_articles(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> dict[str, int]:
    """(Re)extract the given articles on every core, written batch by batch (two batches in flight, so workers
    never wait for the writer), then re-cluster events and merge speaker spellings corpus-wide."""
    ids = list(article_ids)
    counts = {"events": 0, "quotes": 0}

    def write(batch: list[str], results: Iterable[Rows]) -> None:
        events_df, quotes_df = frames(results)
        write_rows(con, batch, events_df, quotes_df)
        counts["events"] += len(events_df)
        counts["quotes"] += len(quotes_df)

    with store.write_lock, parallel.pool(len(ids), workers) as executor:  # clustering reads what was written
        pending: tuple[list[str], Iterable[Rows]] | None = None
        for start in range(0, len(ids), BATCH):
            if progress:
                progress(start, len(ids))
            batch = ids[start:start + BATCH]
            submitted = (batch, extract_many(_inputs(con, batch), executor))
            if pending:
                write(*pending)
            pending = submitted
        if pending:
            write(*pending)
        recluster(con)
        merge_speakers(con)
        refresh_stories(con, ids)
        others = con.cursor().execute(
            "SELECT count(*) FROM articles WHERE NOT list_contains(?, article_id)", [ids]).fetchone()[0]
        if others == 0:
            store.set_setting(con, "extractor", fingerprint())  # the whole corpus now comes from this version
    return counts


def recluster(con: duckdb.DuckDBPyConnection) -> int:
    """Cluster every event in the corpus (clusters span articles, so a new article can join old events)."""
    rows = con.cursor().execute(
        "SELECT event_id, article_id, date_start, date_end, precision, year_known, actors, actor_types, month, day"
        " FROM events"
    ).fetchall()
    events = [ev.Event(event_id=r[0], article_id=r[1], sentence_idx=None, start_char=0, end_char=0, date_text="",
                       date_start=r[2], date_end=r[3], precision=r[4], year_known=r[5], summary="",
                       actors=list(r[6] or []), actor_types=list(r[7] or []), month=r[8], day=r[9]) for r in rows]
    clusters = ev.cluster(events)
    frame = pd.DataFrame({"event_id": list(clusters), "cluster_id": list(clusters.values())})
    with store.writing(con, new_clusters=frame) as cur:
        cur.execute("UPDATE events SET cluster_id = c.cluster_id FROM new_clusters c WHERE events.event_id = c.event_id")
    return len(set(clusters.values()))


def refresh_stories(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Regroup the statements of the speakers these articles quote (one statement in several languages is one
    story)."""
    from pressdesk.story.build import refresh_statements

    refresh_statements(con, article_ids)


def merge_speakers(con: duckdb.DuckDBPyConnection) -> int:
    """Spellings of one speaker across articles and languages become one name (fuzzy, via entities)."""
    from pressdesk.entities import merge_names

    names = [r[0] for r in con.cursor().execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()]
    mapping = {k: v for k, v in merge_names(names).items() if k != v}
    if not mapping:
        return 0
    frame = pd.DataFrame({"old": list(mapping), "new": list(mapping.values())})
    with store.writing(con, speaker_map=frame) as cur:
        cur.execute("UPDATE quotes SET speaker = m.new FROM speaker_map m WHERE quotes.speaker = m.old")
    return len(mapping)


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
        audit.record(cur, who, "correct date", article_id, "published", row[1], published)
    return extract_articles(con, [article_id])
