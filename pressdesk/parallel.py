"""Per-article extraction on every core: workers turn article text into event and quote rows, the parent
process writes them. Workers never touch the database, so the same function runs on a cluster (dask_engine)."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import numpy as np

from pressdesk import events as ev
from pressdesk.entities import one_article
from pressdesk.sentences import Sentence

EVENT_COLUMNS = ["event_id", "article_id", "sentence_idx", "start_char", "end_char", "date_text", "date_start",
                 "date_end", "precision", "year_known", "summary", "actors", "actor_types", "cluster_id", "month", "day"]
QUOTE_COLUMNS = ["quote_id", "article_id", "sentence_idx", "start_char", "end_char", "speaker", "speaker_surface",
                 "speaker_role", "speaker_type", "kind", "cue", "text", "said_on", "via", "language"]
SERIAL_BELOW = 48  # fewer articles than this: starting worker processes costs more than it saves
CHUNK = 8  # articles sent to a worker at a time


@dataclass(frozen=True)
class ArticleInput:
    """What extraction needs of one article: everything a worker gets."""

    article_id: str
    text: str
    language: str | None
    published: date | None
    sentences: tuple[Sentence, ...]
    publisher: str | None = None


@dataclass(frozen=True)
class StoryFeatures:
    """What the corpus-wide story steps compare, computed per article where the extraction runs (every core, or a
    cluster) so that grouping and wire-copy detection in the writer only compare: the article's MinHash signature,
    the agencies it credits, and each quote's evidence (quote id -> words, numbers, entities)."""

    signature: list[int]
    credits: list[tuple[str, str]]
    evidence: dict[str, tuple[list[str], list[str], list[str]]]
    phrases: np.ndarray | None = field(default=None, compare=False)  # the phrase hashes the signature came from:
    # the writer's exact wire-copy check of this run's articles reads them instead of hashing each text again


Rows = tuple[list[dict], list[dict]]  # event rows, quote rows


class Result(NamedTuple):
    """One article's rows, why extraction failed (None: it did not), and its story features (None on failure)."""

    events: list[dict]
    quotes: list[dict]
    error: str | None
    features: StoryFeatures | None = None


def quote_id(article_id: str, start: int, end: int, kind: str) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}:{kind}".encode()).hexdigest()[:16]


def extract_article(item: ArticleInput) -> Rows:
    """Dates, events and quotes of one article as table rows (pure: no database)."""
    from pressdesk.dates import find_dates
    from pressdesk.quotes import extract_quotes

    sents = list(item.sentences)
    mentions = find_dates(item.text, item.language or "en", item.published)  # read once: events, and when said
    events = ev.events_for_article(item.article_id, item.text, item.language, item.published, sents, mentions)
    event_rows = [{c: getattr(e, c) for c in EVENT_COLUMNS} for e in events]
    quote_rows = []
    spans = [(m.start, m.end) for m in mentions]
    for q in extract_quotes(item.text, item.language or "en", item.published, sents, date_spans=spans):
        row = {c: getattr(q, c, None) for c in QUOTE_COLUMNS[2:]}
        row.update(quote_id=quote_id(item.article_id, q.start_char, q.end_char, q.kind), article_id=item.article_id)
        quote_rows.append(row)
    return event_rows, quote_rows


def one_line(exc: BaseException) -> str:
    """An exception as one short line: its type and the first line of its message."""
    text = str(exc).splitlines()[0][:160] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def story_features(item: ArticleInput, quote_rows: list[dict]) -> StoryFeatures:
    """The article's wire signature and credits, and the evidence of each of its quotes (its text and sentences)."""
    from pressdesk.story import wire
    from pressdesk.story.evidence import evidence

    phrases = wire.shingles(item.text)
    sig = wire.signature(phrases)
    credits = [(c.agency, c.evidence) for c in wire.credits(item.text, item.language, item.publisher)]
    found = {}
    for q in quote_rows:
        context = " ".join(s.text for s in item.sentences if s.end > q["start_char"] and s.start < q["end_char"])
        ev = evidence(q["text"] or "", q["language"] or item.language, context)
        found[q["quote_id"]] = (sorted(ev.words), sorted(ev.numbers), sorted(ev.entities))
    return StoryFeatures([int(x) for x in sig], credits, found, phrases)


def extract_safely(item: ArticleInput) -> Result:
    """One article's rows, or no rows and why: an article the extractor fails on never stops the others."""
    try:
        with one_article():
            events, quotes = extract_article(item)
            features = story_features(item, quotes)
    except Exception as exc:  # noqa: BLE001 - recorded as this article's extraction error
        return Result([], [], one_line(exc))
    return Result(events, quotes, None, features)


def cores() -> int:
    """Cores this process may run on (affinity, so a container's or taskset's limit is respected)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


PRELOAD = ["pressdesk.warm"]  # what the pool's fork server imports before forking any worker


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # workers fork from a server that loaded and compiled once
    return context


def prestart() -> None:
    """Start the pool's fork server now, without waiting for it: it loads the language data, lemma dictionaries and
    compiles every pattern (about 2 s of one core, once per process), while the caller goes on reading the articles
    it will then extract."""
    if cores() > 1:
        _context()
        from multiprocessing import forkserver

        forkserver.ensure_running()


@contextmanager
def pool(n_articles: int, workers: int | None = None) -> Iterator[Executor | None]:
    """A process pool sized to the cores, or None (serial) for a small batch or a single core.

    forkserver, not fork: the parent may be a threaded server (Streamlit, DuckDB) that must not be forked."""
    workers = min(workers or cores(), max(1, n_articles // CHUNK))
    if workers <= 1 or n_articles < SERIAL_BELOW:
        yield None
        return
    with ProcessPoolExecutor(workers, mp_context=_context()) as executor:
        yield executor


def extract_many(items: Sequence[ArticleInput], executor: Executor | None = None) -> Iterable[Result]:
    """Rows (or the error) for each article, in order: in the pool when there is one, else here."""
    if executor is None:
        return map(extract_safely, items)
    return executor.map(extract_safely, items, chunksize=CHUNK)
