"""Read-only look-ups: what the translation cache already holds for sentences, quotes and events."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from pressdesk.translate import cache
from pressdesk.translate.cache import Translated, normalize_text
from pressdesk.translate.config import normalize_lang, same_language


def cached_translations(
    con: duckdb.DuckDBPyConnection,
    texts: Iterable[str],
    source_lang: str | None,
    target_lang: str,
    provider: str | None = None,
) -> dict[str, Translated]:
    """Cached translations keyed by the ORIGINAL texts given; `provider` preferred, any other accepted."""
    originals = [t for t in texts if isinstance(t, str)]
    found = cache.lookup(con, originals, source_lang, target_lang, provider, any_provider=True)
    return {t: found[normalize_text(t)] for t in originals if normalize_text(t) in found}


def article_translations(
    con: duckdb.DuckDBPyConnection, article_id: str, target_lang: str, provider: str | None = None
) -> pd.DataFrame:
    """The article's sentences with their cached translation (None where missing): idx, text, translated,
    provider."""
    cur = con.cursor()
    frame = cur.execute(
        "SELECT s.idx, s.text, s.role, a.language FROM sentences s LEFT JOIN articles a USING (article_id)"
        " WHERE s.article_id = ? ORDER BY s.idx",
        [article_id],
    ).df()
    if frame.empty:
        return pd.DataFrame(columns=["idx", "text", "role", "translated", "provider"])
    lang = frame["language"].iloc[0]
    if same_language(lang, target_lang):
        frame["translated"], frame["provider"] = frame["text"], None
        return frame.drop(columns=["language"])
    found = cached_translations(con, frame["text"].tolist(), lang, target_lang, provider)
    frame["translated"] = [found[t].translated if t in found else None for t in frame["text"]]
    frame["provider"] = [found[t].provider if t in found else None for t in frame["text"]]
    return frame.drop(columns=["language"])


_CORPUS_SQL = """
SELECT 'sentence' AS kind, s.article_id, CAST(s.idx AS VARCHAR) AS ref, a.language AS lang, s.text
FROM sentences s LEFT JOIN articles a USING (article_id)
WHERE (CAST(? AS VARCHAR) IS NULL OR s.article_id = ?)
UNION ALL
SELECT 'quote', q.article_id, q.quote_id, coalesce(q.language, a.language), q.text
FROM quotes q LEFT JOIN articles a USING (article_id)
WHERE q.text IS NOT NULL AND (CAST(? AS VARCHAR) IS NULL OR q.article_id = ?)
UNION ALL
SELECT 'event', e.article_id, e.event_id, a.language, e.summary
FROM events e LEFT JOIN articles a USING (article_id)
WHERE e.summary IS NOT NULL AND (CAST(? AS VARCHAR) IS NULL OR e.article_id = ?)
"""


def corpus_texts(con: duckdb.DuckDBPyConnection, target_lang: str, article_id: str | None = None) -> pd.DataFrame:
    """Sentences, quote texts and event summaries not already in the target language.

    Columns: kind (sentence|quote|event), article_id, ref (idx / quote_id / event_id), source_lang, text.
    """
    frame = con.cursor().execute(_CORPUS_SQL, [article_id] * 6).df()
    if frame.empty:
        return pd.DataFrame(columns=["kind", "article_id", "ref", "source_lang", "text"])
    frame["source_lang"] = [normalize_lang(x if isinstance(x, str) else None) for x in frame.pop("lang")]
    keep = [bool(normalize_text(t)) and not same_language(s, target_lang)
            for t, s in zip(frame["text"], frame["source_lang"], strict=True)]
    return frame[keep].reset_index(drop=True)[["kind", "article_id", "ref", "source_lang", "text"]]


def pending_for_corpus(
    con: duckdb.DuckDBPyConnection, target_lang: str, article_id: str | None = None, provider: str | None = None
) -> pd.DataFrame:
    """corpus_texts() minus those already cached (by `provider`, or by any provider when None)."""
    frame = corpus_texts(con, target_lang, article_id)
    if frame.empty:
        return frame
    done = [False] * len(frame)
    for lang, group in frame.groupby("source_lang"):
        found = cache.lookup(con, group["text"], lang, target_lang, provider, any_provider=provider is None)
        for pos, text in zip(group.index, group["text"], strict=True):
            done[pos] = normalize_text(text) in found
    return frame[[not d for d in done]].reset_index(drop=True)
