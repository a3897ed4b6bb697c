"""Search across articles, quotes and cached translations that forgives spelling: accents folded, gazetteer
aliases expanded ("Serghei" finds Sergei Lavrov), entity names matched fuzzily (rapidfuzz).

DuckDB's full-text extension is not used: the only offline wheel (duckdb-ext-fts 1.4.4) refuses to load in
DuckDB 2.0, so matching is `contains` over `strip_accents(lower(...))`, filtered and paged in SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pandas as pd
from rapidfuzz import fuzz

from pressdesk.entities import Entity, fold, key_of, load_gazetteer

PAGE_SIZE = 20
MIN_TOKEN = 4  # a query word this long may name an entity through one word of an alias ("Serghei")
FUZZY_SCORE = 80.0  # rapidfuzz ratio over folded names or name words ("Lavrof" -> Lavrov)
ENTITY_TYPES = ("person", "organisation", "country")


@dataclass(frozen=True)
class Query:
    text: str  # what the analyst typed
    terms: tuple[str, ...]  # folded strings any one of which makes a match
    entities: tuple[Entity, ...]  # gazetteer entities the text names (by alias, alias word or fuzzily)


def _alias_keys(entity: Entity) -> list[tuple[str, ...]]:
    return [key_of(a) for a in (entity.canonical, *entity.aliases) if key_of(a)]


def match_entities(text: str, limit: int = 5) -> list[Entity]:
    """Entities the text names: a whole alias, or every query word inside one alias; failing that, the
    closest names by rapidfuzz ("Lavrof", "Zelenskiy")."""
    gaz = load_gazetteer()
    words = key_of(text)
    if not words:
        return []
    found: list[Entity] = []
    exact = gaz.lookup(text)
    if exact is not None and exact.type in ENTITY_TYPES:
        found.append(exact)
    if all(len(w) >= MIN_TOKEN for w in words):
        for entity in gaz.entities:
            if entity.type in ENTITY_TYPES and entity not in found and any(
                    set(words) <= set(key) for key in _alias_keys(entity)):
                found.append(entity)
    if found or len(" ".join(words)) < MIN_TOKEN:
        return found[:limit]
    joined = " ".join(words)
    scored: list[tuple[float, str, Entity]] = []
    for entity in gaz.entities:
        if entity.type not in ENTITY_TYPES:
            continue
        keys = _alias_keys(entity)
        best = max(fuzz.ratio(joined, " ".join(k)) for k in keys)
        if len(words) == 1:  # one word: compare it with each word of each alias (a surname, a first name)
            best = max([best, *(fuzz.ratio(joined, w) for k in keys for w in k if len(w) >= MIN_TOKEN)])
        if best >= FUZZY_SCORE:
            scored.append((-best, entity.canonical, entity))
    return [e for _, _, e in sorted(scored)][:limit]


def parse(text: str) -> Query:
    """The folded query and, for every entity it names, that entity's folded aliases as extra terms."""
    text = " ".join(str(text or "").split())[:200]
    folded = fold(text).strip()
    entities = tuple(match_entities(text)) if folded else ()
    terms = [folded] if folded else []
    for entity in entities:
        for alias in (entity.canonical, *entity.aliases):
            term = fold(alias)
            if len(term) >= MIN_TOKEN and term not in terms:  # short aliases ("US") would match inside words
                terms.append(term)
    return Query(text=text, terms=tuple(terms), entities=entities)


_RE2_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


def pattern(terms: tuple[str, ...]) -> str:
    """One RE2 pattern matching any term at the start of a word (a short query must be a whole word)."""
    alts = [_RE2_SPECIAL.sub(r"\\\1", t) + (r"\b" if len(t) < MIN_TOKEN else "") for t in terms]
    return r"\b(?:" + "|".join(alts) + ")"


def _any(column: str) -> str:
    """SQL true when the folded column matches the pattern bound as the next parameter."""
    return f"regexp_matches(strip_accents(lower({column})), ?)"


def _page(con: duckdb.DuckDBPyConnection, sql: str, params: list, page: int, size: int) -> tuple[pd.DataFrame, int]:
    """One page of rows and the total count, both computed in DuckDB."""
    frame = con.cursor().execute(
        f"SELECT *, count(*) OVER () AS _total FROM ({sql}) LIMIT ? OFFSET ?",
        [*params, size, max(page, 0) * size]).df(date_as_object=True)
    total = int(frame["_total"].iloc[0]) if len(frame) else 0
    return frame.drop(columns="_total"), total


def quotes(con: duckdb.DuckDBPyConnection, query: Query, page: int = 0, size: int = PAGE_SIZE,
           article: str | None = None) -> tuple[pd.DataFrame, int]:
    """Quotes whose text, speaker or surface form matches, or whose speaker is a named entity; newest first."""
    if not query.terms:
        return pd.DataFrame(), 0
    names = [e.canonical for e in query.entities]
    sql = f"""SELECT q.quote_id, q.article_id, q.speaker, q.speaker_role, q.text, q.said_on, q.language,
                     coalesce(a.publisher, a.source) AS publisher, a.url, a.published
              FROM quotes q JOIN articles a USING (article_id)
              WHERE (list_contains(?::VARCHAR[], q.speaker) OR {_any('q.text')}
                     OR {_any("coalesce(q.speaker, '') || ' ' || coalesce(q.speaker_surface, '')")})
                AND (?::VARCHAR IS NULL OR q.article_id = ?)
              ORDER BY q.said_on DESC NULLS LAST, q.speaker, q.quote_id"""
    return _page(con, sql, [names, pattern(query.terms), pattern(query.terms), article, article], page, size)


def articles(con: duckdb.DuckDBPyConnection, query: Query, page: int = 0, size: int = PAGE_SIZE,
             article: str | None = None) -> tuple[pd.DataFrame, int]:
    """Articles whose title or text matches, with a snippet around the first match; newest first."""
    if not query.terms:
        return pd.DataFrame(), 0
    sql = f"""SELECT article_id, title, coalesce(publisher, source) AS publisher, language, published, url,
                     text AS _text
              FROM articles WHERE {_any("coalesce(title, '') || ' ' || text")}
                AND (?::VARCHAR IS NULL OR article_id = ?)
              ORDER BY published DESC NULLS LAST, article_id"""
    frame, total = _page(con, sql, [pattern(query.terms), article, article], page, size)
    if not frame.empty:
        frame["snippet"] = [snippet(t, query.terms) for t in frame.pop("_text")]
    return frame, total


def translations(con: duckdb.DuckDBPyConnection, query: Query, page: int = 0,
                 size: int = PAGE_SIZE, article: str | None = None) -> tuple[pd.DataFrame, int]:
    """Cached translations whose original or translated text matches, with an article that holds the original."""
    if not query.terms:
        return pd.DataFrame(), 0
    sql = f"""SELECT t.source_lang, t.target_lang, t.source_text, t.translated,
                     (SELECT min(s.article_id) FROM sentences s WHERE s.text = t.source_text) AS article_id
              FROM translations t
              WHERE ({_any('t.translated')} OR {_any('t.source_text')})
                AND (?::VARCHAR IS NULL OR t.source_text IN (SELECT text FROM sentences WHERE article_id = ?))
              ORDER BY t.created_at DESC, t.text_hash, t.target_lang"""
    return _page(con, sql, [pattern(query.terms), pattern(query.terms), article, article], page, size)


def snippet(text: str, terms: tuple[str, ...], width: int = 180) -> str:
    """About `width` characters of `text` around the first term found (folding keeps offsets aligned)."""
    flat = " ".join(str(text or "").split())
    folded = fold(flat)
    hits = [i for i in (folded.find(t) for t in terms) if i >= 0]
    start = max(0, min(hits) - width // 3) if hits else 0
    piece = flat[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
