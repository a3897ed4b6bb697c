"""Extraction past one machine: the same per-article function (pressdesk.parallel) as Dask tasks over Parquet
batches. The driver exports articles to Parquet, each task extracts one batch and writes result Parquet, and the
driver loads each result into DuckDB in one transaction. Workers never open the database."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import duckdb
import fsspec
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pressdesk import parallel, store
from pressdesk.parallel import EVENT_COLUMNS, QUOTE_COLUMNS, ArticleInput
from pressdesk.records import plausible_date
from pressdesk.sentences import Sentence
from pressdesk.store import wire_index

BATCH = 400  # articles per task: a few seconds of work, small enough to spread over many workers

_INT = pa.int32()
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("article_id", pa.string()), ("sentence_idx", _INT), ("start_char", _INT),
    ("end_char", _INT), ("date_text", pa.string()), ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("precision", pa.string()), ("year_known", pa.bool_()), ("summary", pa.string()),
    ("actors", pa.list_(pa.string())), ("actor_types", pa.list_(pa.string())), ("cluster_id", pa.string()),
    ("month", _INT), ("day", _INT),
])
QUOTE_SCHEMA = pa.schema([
    ("quote_id", pa.string()), ("article_id", pa.string()), ("sentence_idx", _INT), ("start_char", _INT),
    ("end_char", _INT), ("speaker", pa.string()), ("speaker_surface", pa.string()), ("speaker_role", pa.string()),
    ("speaker_type", pa.string()), ("kind", pa.string()), ("cue", pa.string()), ("text", pa.string()),
    ("said_on", pa.date32()), ("via", pa.string()), ("language", pa.string()),
])
assert EVENT_SCHEMA.names == EVENT_COLUMNS and QUOTE_SCHEMA.names == QUOTE_COLUMNS
# Story features (parallel.StoryFeatures): per article its signature and credits, per quote its evidence.
SIGNATURE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("signature", pa.list_(pa.uint64())),
    ("credits", pa.list_(pa.struct([("agency", pa.string()), ("evidence", pa.string())]))),
])
EVIDENCE_SCHEMA = pa.schema([("quote_id", pa.string()), ("words", pa.list_(pa.string())),
                             ("numbers", pa.list_(pa.string())), ("entities", pa.list_(pa.string()))])

# Articles with their sentences nested: one row is everything a task needs for one article.
EXPORT_SQL = """
    SELECT a.article_id, a.text, a.language, a.published, a.publisher,
           coalesce(s.sentences, []) AS sentences
    FROM articles a
    LEFT JOIN (SELECT article_id,
                      list({'idx': idx, 'start': start_char, 'end': end_char, 'text': text, 'role': role}
                           ORDER BY idx) AS sentences
               FROM sentences GROUP BY article_id) s USING (article_id)
    WHERE ? IS NULL OR list_contains(?, a.article_id)
    ORDER BY a.article_id"""


def _inputs(rows: list[dict]) -> list[ArticleInput]:
    """Parquet rows (as read by pyarrow) back into the extractor's input records."""
    return [ArticleInput(r["article_id"], r["text"], r["language"],
                         r["published"] if plausible_date(r["published"]) else None,  # year 1/9999: unknown
                         tuple(Sentence(s["idx"], s["start"], s["end"], s["text"], s["role"] or "body")
                               for s in r["sentences"]), r.get("publisher"))
            for r in rows]


def _write(table: pa.Table, path: str) -> None:
    with fsspec.open(path, "wb") as fh:
        pq.write_table(table, fh)


def extract_batch(in_path: str, out_prefix: str) -> tuple[str, str, int, int, dict[str, str]]:
    """One task: read a batch of articles, extract each, write its events, quotes and story features as Parquet
    files named from `out_prefix` (runs on a worker); an article the extractor fails on is returned with its
    error, the others go on. Returns (in_path, out_prefix, events, quotes, errors)."""
    with fsspec.open(in_path, "rb") as fh:
        rows = pq.read_table(fh).to_pylist()
    events: list[dict] = []
    quotes: list[dict] = []
    signatures: list[dict] = []
    evidence: list[dict] = []
    seen: set[str] = set()
    errors: dict[str, str] = {}
    for item in _inputs(rows):
        event_rows, quote_rows, error, features = parallel.extract_safely(item)
        if error:
            errors[item.article_id] = error
        events += event_rows
        for q in quote_rows:  # the local engine keeps the first of two quotes with one id, so do we
            if q["quote_id"] not in seen:
                seen.add(q["quote_id"])
                quotes.append(q)
                if features and q["quote_id"] in features.evidence:
                    evidence.append(dict(zip(EVIDENCE_SCHEMA.names, (q["quote_id"], *features.evidence[q["quote_id"]]),
                                             strict=True)))
        if features:
            signatures.append({"article_id": item.article_id, "signature": features.signature,
                               "credits": [{"agency": a, "evidence": e} for a, e in features.credits]})
    for name, table, schema in (("events", events, EVENT_SCHEMA), ("quotes", quotes, QUOTE_SCHEMA),
                                ("signatures", signatures, SIGNATURE_SCHEMA), ("evidence", evidence, EVIDENCE_SCHEMA)):
        _write(pa.Table.from_pylist(table, schema=schema), f"{out_prefix}.{name}.parquet")
    return in_path, out_prefix, len(events), len(quotes), errors


def export_batches(con: duckdb.DuckDBPyConnection, staging: str, ids: Sequence[str] | None,
                   batch: int = BATCH) -> list[str]:
    """Articles (with sentences) to Parquet files of about `batch` articles each, streamed (bounded memory)."""
    id_list = list(ids) if ids is not None else None
    reader = con.cursor().sql(EXPORT_SQL, params=[id_list, id_list]).to_arrow_reader(batch)
    paths: list[str] = []
    pending: list[pa.RecordBatch] = []
    rows = 0

    def flush() -> None:
        nonlocal pending, rows
        if rows:
            path = f"{staging}/in-{len(paths):05d}.parquet"
            _write(pa.Table.from_batches(pending), path)
            paths.append(path)
        pending, rows = [], 0

    for record_batch in reader:
        for start in range(0, record_batch.num_rows, batch):
            piece = record_batch.slice(start, batch)
            if rows + piece.num_rows > batch:
                flush()
            pending.append(piece)
            rows += piece.num_rows
    flush()
    return paths


def load_batch(con: duckdb.DuckDBPyConnection, in_path: str, out_prefix: str,
               errors: dict[str, str] | None = None) -> None:
    """Replace the extractions of one batch's articles with the task's results and mark them extracted, in one
    transaction (a crash leaves each article extracted or pending, never half-written)."""
    from pressdesk.pipeline import RECLUSTER, fingerprint

    failed = pd.DataFrame({"article_id": list(errors or {}), "error": list((errors or {}).values())}, dtype="object")
    with store.writing(con, failed=failed) as cur:
        cur.execute("DELETE FROM quote_evidence WHERE quote_id IN (SELECT quote_id FROM quotes"
                    " WHERE article_id IN (SELECT article_id FROM read_parquet(?)))", [in_path])
        wire_index.forget(cur, "SELECT article_id FROM read_parquet(?)", [in_path])
        for table in ("events", "quotes"):
            cur.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM read_parquet(?))",
                        [in_path])
        cur.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)})"
                    f" SELECT {', '.join(EVENT_COLUMNS)} FROM read_parquet(?)", [f"{out_prefix}.events.parquet"])
        cur.execute(f"INSERT INTO quotes ({', '.join(QUOTE_COLUMNS)})"
                    f" SELECT {', '.join(QUOTE_COLUMNS)} FROM read_parquet(?)", [f"{out_prefix}.quotes.parquet"])
        wire_index.add(cur, "SELECT article_id, signature FROM read_parquet(?)",
                       "SELECT article_id, c.agency, c.evidence"
                       " FROM (SELECT article_id, unnest(credits) AS c FROM read_parquet(?))",
                       [f"{out_prefix}.signatures.parquet"])
        cur.execute("INSERT OR REPLACE INTO quote_evidence SELECT * FROM read_parquet(?)",
                    [f"{out_prefix}.evidence.parquet"])
        cur.execute("INSERT OR REPLACE INTO extraction_state (article_id, extractor, extracted_at, error)"
                    " SELECT b.article_id, ?, current_timestamp, f.error::VARCHAR FROM read_parquet(?) b"
                    " LEFT JOIN failed f USING (article_id)", [fingerprint(), in_path])
        store.put_setting(cur, RECLUSTER, "1")


@contextmanager
def client(scheduler: str | None = None, workers: int | None = None,
           processes: bool = True) -> Iterator[object]:
    """A Dask client: to the cluster at `scheduler`, else to a LocalCluster on loopback, one worker per core."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    where = {"host": "127.0.0.1"} if processes else {}  # worker processes talk over loopback; threads in-process
    with LocalCluster(n_workers=workers or parallel.cores(), threads_per_worker=1, processes=processes,
                      dashboard_address=None, **where) as cluster, Client(cluster) as c:
        yield c


@contextmanager
def _staging(path: str | None) -> Iterator[str]:
    """Where batches go: a given directory or URL every worker can read (kept), else a private temp dir."""
    if path:
        fs, root = fsspec.core.url_to_fs(path)
        fs.makedirs(root, exist_ok=True)
        yield path.rstrip("/")
        return
    tmp = tempfile.mkdtemp(prefix="pressdesk-dask-")
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def extract_distributed(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None, scheduler: str | None = None,
    workers: int | None = None, staging: str | None = None, processes: bool = True, batch: int = BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """(Re)extract articles (all when None) as Dask tasks; results land in DuckDB batch by batch, then events are
    re-clustered and speaker spellings merged corpus-wide, as the local engine does."""
    from distributed import as_completed

    from pressdesk.pipeline import RECLUSTER, finish

    counts = {"events": 0, "quotes": 0, "articles": 0, "batches": 0}
    repair = store.setting(con, RECLUSTER) == "1"  # an earlier run stopped before finishing
    with _staging(staging) as root, client(scheduler, workers, processes) as dask:
        inputs = export_batches(con, root, article_ids, batch)
        futures = dask.map(extract_batch, inputs, [p.replace("/in-", "/out-")[:-len(".parquet")] for p in inputs],
                           pure=False)
        for done, future in enumerate(as_completed(futures), start=1):
            in_path, out_prefix, n_events, n_quotes, errors = future.result()
            load_batch(con, in_path, out_prefix, errors)
            counts["events"] += n_events
            counts["quotes"] += n_quotes
            counts["batches"] += 1
            if progress:
                progress(done, len(inputs))
        counts["articles"] = con.cursor().execute(
            "SELECT count(*) FROM read_parquet(?)", [inputs]).fetchone()[0] if inputs else 0
    with store.write_lock:
        finish(con, article_ids, repair=repair)  # clusters and speaker names corpus-wide, as the local engine does
    return counts
