"""Dated events: one row per date mention, with its sentence and actors, clustered across articles."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from pressdesk.dates import TimeMention, find_dates
from pressdesk.entities import find_entities
from pressdesk.sentences import Sentence
from pressdesk.unionfind import SmallestRoot

ACTOR_TYPES = {"person", "organisation", "country"}


@dataclass
class Event:
    event_id: str
    article_id: str
    sentence_idx: int | None
    start_char: int
    end_char: int
    date_text: str
    date_start: date | None  # None when the year is unknown: month/day then say which day
    date_end: date | None
    precision: str
    year_known: bool
    summary: str
    actors: list[str] = field(default_factory=list)
    actor_types: list[str] = field(default_factory=list)  # parallel to actors
    cluster_id: str | None = None
    month: int | None = None  # set at day and month precision, with or without a known year
    day: int | None = None  # set at day precision


def stored_dates(m: TimeMention) -> dict:
    """The date columns of a mention: a year-unknown date has no date_start/date_end (no placeholder year a
    query or chart could take for real), only its month and day."""
    return {
        "date_start": m.date_start if m.year_known else None,
        "date_end": m.date_end if m.year_known else None,
        "month": m.date_start.month if m.precision in ("day", "month") else None,
        "day": m.date_start.day if m.precision == "day" else None,
    }


def _span(e: Event) -> tuple[date, date]:
    """A comparable span for clustering: year-unknown days compare by month and day (a leap year keeps 29 Feb)."""
    if e.date_start is not None and e.date_end is not None:
        return e.date_start, e.date_end
    d = date(2000, e.month or 1, e.day or 1)
    return d, d


def _sentence_for(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= offset < s.end), None)


def actors_in(text: str, language: str | None) -> tuple[list[str], list[str]]:
    """Canonical people, organisations and countries named in a passage (first mention first), with types."""
    seen: dict[str, str] = {}
    for mention in find_entities(text, language):
        if mention.type in ACTOR_TYPES:
            seen.setdefault(mention.canonical, mention.type)
    return list(seen), list(seen.values())


def event_id(article_id: str, start: int) -> str:
    return hashlib.sha1(f"{article_id}:{start}".encode()).hexdigest()[:16]


def events_for_article(
    article_id: str, text: str, language: str | None, published: date | None, sentences: Sequence[Sentence],
    mentions: list[TimeMention] | None = None,
) -> list[Event]:
    """Every date mention (found here unless the caller found them) becomes an event; its summary is the sentence
    it stands in."""
    out = []
    if mentions is None:
        mentions = find_dates(text, language or "en", published)
    for m in mentions:
        if m.dateline:  # the article's own date is metadata, not an event on the timeline
            continue
        sent = _sentence_for(sentences, m.start)
        summary = sent.text if sent else text[max(0, m.start - 120): m.end + 120]
        actors, types = actors_in(summary, language)
        out.append(Event(
            event_id=event_id(article_id, m.start), article_id=article_id,
            sentence_idx=sent.idx if sent else None, start_char=m.start, end_char=m.end, date_text=m.text,
            **stored_dates(m), precision=m.precision, year_known=m.year_known,
            summary=summary, actors=actors, actor_types=types,
        ))
    return out


def _key_actors(e: Event) -> set[str]:
    """People and organisations identify an event; countries only when nothing more specific is named."""
    specific = {a for a, t in zip(e.actors, e.actor_types, strict=False) if t != "country"}
    return specific or set(e.actors)


def cluster(events: Sequence[Event]) -> dict[str, str]:
    """Events share a cluster when their dates overlap at the same precision and they share a key actor.

    Union-find; for each (precision, actor) the events naming that actor are swept in date order, so the work is
    n log n however many events overlap (a year-long span no longer meets every event of its year one by one).
    Returns event_id -> cluster_id (smallest member id)."""
    sets = SmallestRoot(e.event_id for e in events)
    by_actor: dict[tuple, list[tuple[date, date, str]]] = {}
    for e in events:
        start, end = _span(e)
        for actor in _key_actors(e):
            by_actor.setdefault((e.precision, e.year_known, actor), []).append((start, end, e.event_id))
    for spans in by_actor.values():
        spans.sort()
        reach, holder = spans[0][1], spans[0][2]  # the latest end so far, and the event that reaches it
        for start, end, event_id in spans[1:]:
            if start <= reach:  # overlaps `holder`, which began earlier and ends at or after this start
                sets.union(event_id, holder)
            if end > reach:
                reach, holder = end, event_id
    return {e.event_id: sets.find(e.event_id) for e in events}
