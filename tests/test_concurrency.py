"""One shared connection, many script threads: page queries and writes never trip over each other."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from pressdesk import pipeline, store
from pressdesk.translate import cache as translate_cache
from pressdesk.translate.cache import Translated

THREADS = 8
ROUNDS = 40


def _hammer(con, errors: list[BaseException], barrier: threading.Barrier, n: int) -> None:
    barrier.wait()
    for i in range(ROUNDS):
        try:
            pipeline.is_stale(con)
            store.counts(con)
            store.generation(con)
            store.articles_page(con)
            store.facets(con)
            if i % 10 == n % 10:  # writes interleave with the reads
                store.set_setting(con, f"probe-{n}", str(i))
                translate_cache.store(con, [Translated(f"text {n} {i}", f"texte {n} {i}", "en", "fr", "test")])
        except BaseException as exc:  # noqa: BLE001 - every failure is collected and reported
            errors.append(exc)


def test_threads_share_one_connection_without_errors(db_copy):
    con = store.connect(db_copy)
    try:
        errors: list[BaseException] = []
        barrier = threading.Barrier(THREADS)
        with ThreadPoolExecutor(THREADS) as pool:
            for n in range(THREADS):
                pool.submit(_hammer, con, errors, barrier, n)
        assert not errors, f"{len(errors)} errors, first: {errors[0]!r}"
        assert translate_cache.count(con) == THREADS * ROUNDS // 10
    finally:
        con.close()


def test_concurrent_uploads_of_one_text_add_it_once(db_copy):
    from pressdesk.ingest import ingest_upload

    con = store.connect(db_copy)
    try:
        text = (b"GENEVA, 3 March 2025 - The minister said on Monday that talks would resume next week, "
                b"according to officials familiar with the plan.")
        barrier = threading.Barrier(4)

        def upload(n: int):
            barrier.wait()
            return ingest_upload(con, f"copy{n}.txt", text, extract=False)

        with ThreadPoolExecutor(4) as pool:
            reports = list(pool.map(upload, range(4)))
        assert [f for r in reports for f in r.failed] == []
        assert sum(len(r.added) for r in reports) == 1 and sum(r.duplicates for r in reports) == 3
    finally:
        con.close()
