"""Translation for the pages and the CLI: cache first, then deep-translator, bounded and fail-fast.

Typical page use::

    config = TranslatorConfig.from_mapping(st.secrets, env=True)
    shown = cached_translations(con, texts, "fr", "en", provider=config.provider)   # no network
    result = translate_article(con, article_id, "en", config, progress=lambda d, t: bar.progress(d / t))
    if result.error: st.warning(result.error)

Nothing here imports Streamlit; `progress(done, total)` is always called from the calling thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import duckdb

from pressdesk.translate import cache as cache
from pressdesk.translate.cache import Translated, export_cache, import_cache, normalize_text, text_hash
from pressdesk.translate.config import (
    PROVIDER_LABELS,
    PROVIDERS,
    TARGET_LANGUAGES,
    TranslatorConfig,
    normalize_lang,
    same_language,
    scrub,
)
from pressdesk.translate.lookup import (
    article_translations,
    cached_translations,
    corpus_texts,
    pending_for_corpus,
)
from pressdesk.translate.provider import OFFLINE_KINDS, Failure, join_chunks, split_text, translate_chunk

__all__ = [
    "PROVIDERS", "PROVIDER_LABELS", "TARGET_LANGUAGES", "BatchResult", "TextResult", "Translated",
    "TranslatorConfig", "article_translations", "cached_translations", "corpus_texts", "export_cache",
    "import_cache", "normalize_lang", "normalize_text", "pending_for_corpus", "text_hash", "translate_article",
    "translate_corpus", "translate_texts",
]

log = logging.getLogger("pressdesk.translate")

Progress = Callable[[int, int], None]


@dataclass
class TextResult:
    """Outcome for one input text: status is translated | cached | skipped | failed."""

    text: str
    status: str
    translated: str | None = None
    error: str | None = None
    provider: str | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass
class BatchResult:
    """Per-text results plus what went wrong overall (offline provider, bad key...)."""

    provider: str
    target_lang: str
    results: dict[str, TextResult] = field(default_factory=dict)
    offline: bool = False
    error: str | None = None
    error_kind: str | None = None  # offline | timeout | auth | rate_limited | server | config | unknown_article
    elapsed: float = 0.0

    def _count(self, status: str) -> int:
        return sum(1 for r in self.results.values() if r.status == status)

    @property
    def translated(self) -> int:
        return self._count("translated")

    @property
    def cached(self) -> int:
        return self._count("cached")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def ok(self) -> bool:
        return self.error is None and self.failed == 0

    def texts(self) -> dict[str, str]:
        """Original text -> translation, for the texts that have one."""
        return {k: r.translated for k, r in self.results.items() if r.translated is not None}

    def summary(self) -> str:
        return f"translated {self.translated}, cached {self.cached}, failed {self.failed}, provider {self.provider}"

    def merge(self, other: BatchResult) -> None:
        """Fold another batch in (the first overall error wins)."""
        self.results.update(other.results)
        self.offline = self.offline or other.offline
        if self.error is None:
            self.error, self.error_kind = other.error, other.error_kind
        self.elapsed += other.elapsed


# ------------------------------------------------------------------------------------------ translating


class _Batch:
    """Shared state of one batch: the stop flag and the first reason to stop."""

    def __init__(self) -> None:
        self.abort = threading.Event()
        self.failure: Failure | None = None
        self.server_failures = 0
        self.lock = threading.Lock()

    def stop(self, failure: Failure) -> None:
        with self.lock:
            if self.failure is None:
                self.failure = failure
            self.abort.set()

    def note_server_failure(self, failure: Failure) -> None:
        """Three texts lost to 5xx after retries: the service is down, stop hammering it."""
        with self.lock:
            self.server_failures += 1
            stop = self.server_failures >= 3
        if stop:
            self.stop(Failure("server", f"{failure.message}; giving up on the rest of the batch", failure.status))


def _translate_one(norm: str, src: str, tgt: str, config: TranslatorConfig, batch: _Batch) -> str | Failure:
    """All chunks of one text, or the failure that stopped it."""
    pieces = []
    for chunk in split_text(norm, config.request_limit, src):
        if batch.abort.is_set():
            return Failure("aborted", "batch stopped")
        attempt = translate_chunk(config, src, tgt, chunk, batch.abort)
        if attempt.failure is not None:
            failure = attempt.failure
            if failure.aborts:
                batch.stop(failure)
            elif failure.kind == "server":
                batch.note_server_failure(failure)
            return failure
        pieces.append(attempt.text or "")
    return join_chunks(pieces, tgt)


def translate_texts(
    con: duckdb.DuckDBPyConnection,
    texts: Iterable[str],
    source_lang: str | None,
    target_lang: str,
    config: TranslatorConfig,
    progress: Progress | None = None,
    *,
    reuse_any_provider: bool = False,
) -> BatchResult:
    """Translate texts (cache first), in parallel, writing new translations in one transaction.

    Results are keyed by the original text. Never raises for provider trouble: see .error / .offline.
    """
    started = time.monotonic()
    src, tgt = normalize_lang(source_lang), normalize_lang(target_lang)
    if tgt == "auto":
        raise ValueError(f"unknown target language {target_lang!r}")
    result = BatchResult(provider=config.provider, target_lang=tgt)
    originals = list(dict.fromkeys(t for t in texts if isinstance(t, str)))
    total = len(originals)
    todo: dict[str, list[str]] = {}  # normalised text -> the originals it stands for
    for text in originals:
        norm = normalize_text(text)
        if not norm or same_language(src, tgt):
            result.results[text] = TextResult(text, "skipped", translated=text)
        else:
            todo.setdefault(norm, []).append(text)
    hits = cache.lookup(con, todo, src, tgt, config.provider, any_provider=reuse_any_provider)
    for norm, hit in hits.items():
        for text in todo.pop(norm):
            result.results[text] = TextResult(text, "cached", hit.translated, provider=hit.provider)
    done = total - sum(len(v) for v in todo.values())
    if progress:
        progress(done, total)

    problem = config.problem()
    if problem and todo:
        _mark_rest(result, todo, f"not translated yet: {problem}")
        result.error, result.error_kind = problem, "config"
    elif todo:
        new_rows: list[Translated] = []
        try:
            _run(result, new_rows, todo, src, tgt, config, progress, done, total)
        finally:  # one transaction; what succeeded survives a failed, stopped or interrupted batch
            if new_rows:
                cache.store(con, new_rows)
    result.elapsed = time.monotonic() - started
    if result.error:
        log.info("translate: %s", scrub(result.error, config.secrets))  # the caller shows result.error
    return result


def _run(
    result: BatchResult,
    new_rows: list[Translated],
    todo: dict[str, list[str]],
    src: str,
    tgt: str,
    config: TranslatorConfig,
    progress: Progress | None,
    done: int,
    total: int,
) -> None:
    """Run the requests on a bounded pool, appending to new_rows; progress is reported from this thread."""
    batch = _Batch()
    pool = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="pressdesk-translate")
    futures: dict[Future, str] = {}
    queue = iter(list(todo))
    try:
        # Feed the pool lazily so that after an abort nothing further is even queued.
        for norm in queue:
            futures[pool.submit(_translate_one, norm, src, tgt, config, batch)] = norm
            if len(futures) >= config.workers:
                break
        while futures:
            finished, _ = wait(futures, return_when=FIRST_COMPLETED)
            for future in finished:
                norm = futures.pop(future)
                outcome = future.result()
                originals = todo.pop(norm)
                if isinstance(outcome, str):
                    new_rows.append(Translated(norm, outcome, src, tgt, config.provider))
                    for text in originals:
                        result.results[text] = TextResult(text, "translated", outcome, provider=config.provider)
                else:
                    reason = outcome.message
                    if outcome.kind in OFFLINE_KINDS or outcome.kind == "aborted":
                        reason = f"not translated yet: {(batch.failure or outcome).message}"
                    for text in originals:
                        result.results[text] = TextResult(text, "failed", error=reason, provider=config.provider)
                done += len(originals)
                if not batch.abort.is_set():
                    nxt = next(queue, None)
                    if nxt is not None:
                        futures[pool.submit(_translate_one, nxt, src, tgt, config, batch)] = nxt
            if progress:
                progress(done, total)
    except BaseException:  # KeyboardInterrupt, or a progress callback raising (Streamlit rerun)
        batch.stop(Failure("aborted", "interrupted"))
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if batch.failure is not None:
            result.error, result.error_kind = batch.failure.message, batch.failure.kind
            result.offline = batch.failure.kind in OFFLINE_KINDS
            _mark_rest(result, todo, f"not translated yet: {batch.failure.message}")


def _mark_rest(result: BatchResult, todo: dict[str, list[str]], reason: str) -> None:
    for originals in todo.values():
        for text in originals:
            result.results.setdefault(text, TextResult(text, "failed", error=reason))


def translate_article(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    target_lang: str,
    config: TranslatorConfig,
    progress: Progress | None = None,
) -> BatchResult:
    """Translate an article's sentences (keyed by sentence text); see article_translations() to show them."""
    row = con.cursor().execute("SELECT language FROM articles WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        out = BatchResult(provider=config.provider, target_lang=normalize_lang(target_lang))
        out.error, out.error_kind = f"unknown article {article_id!r}", "unknown_article"
        return out
    sentences = [r[0] for r in con.cursor().execute(
        "SELECT text FROM sentences WHERE article_id = ? ORDER BY idx", [article_id]).fetchall()]
    return translate_texts(con, sentences, row[0], target_lang, config, progress)


def translate_corpus(
    con: duckdb.DuckDBPyConnection,
    target_lang: str,
    config: TranslatorConfig,
    article_id: str | None = None,
    progress: Progress | None = None,
    batch_size: int = 500,
) -> BatchResult:
    """Translate every sentence, quote and event summary not in the target language (CLI, bulk button).

    Works in batches of `batch_size` texts per source language, each committed on its own, and stops at
    the first batch that finds the provider unreachable.
    """
    frame = corpus_texts(con, target_lang, article_id)
    out = BatchResult(provider=config.provider, target_lang=normalize_lang(target_lang))
    groups = [(lang, list(dict.fromkeys(g["text"]))) for lang, g in frame.groupby("source_lang", sort=True)]
    total = sum(len(texts) for _, texts in groups)
    offset = 0
    if progress:
        progress(0, total)
    for lang, texts in groups:
        for i in range(0, len(texts), batch_size):
            part = texts[i : i + batch_size]
            base = offset

            def report(done: int, _total: int, base: int = base) -> None:
                if progress:
                    progress(base + done, total)

            if out.error_kind in _STOP_CORPUS:
                for text in part:  # not attempted: report them so the counts add up
                    out.results.setdefault(text, TextResult(text, "failed", error=f"not translated yet: {out.error}"))
                continue
            res = translate_texts(con, part, lang, target_lang, config, report)
            out.merge(res)  # keyed by text: the same text in two source languages counts once
            offset += len(part)
    return out


# Batch errors after which further batches are pointless (a per-text failure does not stop the corpus).
_STOP_CORPUS = frozenset({"offline", "timeout", "auth", "rate_limited", "server", "config"})
