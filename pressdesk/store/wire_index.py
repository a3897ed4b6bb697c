"""The wire-copy index in the store: each article's MinHash signature and its band keys, so the articles a new one
may copy are found by a join on its 32 keys, at a cost that follows the new articles, not the corpus.

Each band bucket (articles whose signatures agree on one band) keeps its first BUCKET_CAP arrivals as candidates: a
bucket past that is either one story syndicated more often than the reader lists (MAX_COPIES), or boilerplate every
article shares, and neither should make adding an article cost a scan of its members."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from pressdesk.store import among

BANDS = 32  # locality-sensitive hashing: signatures agreeing on any band of 2 values are candidates
ROWS = 2  # signature values per band (64 permutations)
BUCKET_CAP = 100  # arrivals per band bucket that later articles are compared with
TOP = 60  # candidates per article, most bands shared first, handed on for the estimate and the exact check
CHUNK = 2000  # articles whose candidates are found in one query (a full rebuild goes chunk by chunk)
EMPTY = 2**64 - 1  # a signature made of it has no phrase: never anyone's copy

_KEYS = f"""SELECT s.article_id, b::UTINYINT AS b, hash(s.signature[{ROWS} * b + 1], s.signature[{ROWS} * b + 2]) AS k
    FROM article_signatures s, range({BANDS}) r(b) WHERE s.signature[1] <> {EMPTY}::UBIGINT"""

# Band keys of the given articles, numbered by arrival in their bucket (after the arrivals already counted there).
INDEX_SQL = f"""
INSERT INTO article_bands (b, k, article_id, seq)
WITH nb AS ({_KEYS} AND list_contains(?, s.article_id)),
     counted AS (SELECT b, k, count(*) AS n FROM article_bands a SEMI JOIN nb USING (b, k)
                 WHERE a.seq <= {BUCKET_CAP} GROUP BY b, k)
SELECT nb.b, nb.k, nb.article_id,
       coalesce(c.n, 0) + row_number() OVER (PARTITION BY nb.b, nb.k ORDER BY nb.article_id)
FROM nb LEFT JOIN counted c USING (b, k)
"""

_CANDIDATES_SQL = f"""
WITH nb AS (SELECT b, k, article_id FROM article_bands WHERE {among('article_id')}),
     shared AS (SELECT n.article_id, o.article_id AS other_id, count(*) AS bands
                FROM nb n JOIN article_bands o USING (b, k)
                WHERE o.seq <= {BUCKET_CAP} AND o.article_id <> n.article_id GROUP BY ALL)
SELECT article_id, other_id FROM shared
QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY bands DESC, other_id) <= {TOP}
"""


def index(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """(Re)index the band keys of these articles from their stored signatures, inside the caller's transaction."""
    ids = list(article_ids)
    cur.execute(f"DELETE FROM article_bands WHERE {among('article_id')}", [ids])
    cur.execute(INDEX_SQL, [ids])


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Index every stored signature afresh (arrival read as article id order), inside the caller's transaction."""
    cur.execute("DELETE FROM article_bands")
    cur.execute(f"""INSERT INTO article_bands SELECT b, k, article_id,
                    row_number() OVER (PARTITION BY b, k ORDER BY article_id) FROM ({_KEYS})""")


def add(cur: duckdb.DuckDBPyConnection, signatures: str, credits: str, params: Sequence = ()) -> None:
    """Store signatures and credits (two SELECTs giving their rows, sharing `params`) and index the signatures'
    band keys, inside the caller's transaction: a stored signature is always indexed."""
    cur.execute(f"INSERT INTO article_signatures {signatures}", list(params))
    cur.execute(f"INSERT INTO wire_credits {credits}", list(params))
    ids = [r[0] for r in cur.execute(f"SELECT article_id FROM ({signatures})", list(params)).fetchall()]
    cur.execute(INDEX_SQL, [ids])  # no band keys to drop first: callers `forget` these articles before adding them


def forget(cur: duckdb.DuckDBPyConnection, article_ids_sql: str, params: list) -> None:
    """Drop the signatures, band keys and credits of the articles `article_ids_sql` selects (to be recomputed).
    Band keys exist only for stored signatures: articles never signed (all of a plain add) cost no scan of the keys,
    32 per article."""
    signed = [r[0] for r in cur.execute(
        f"SELECT article_id FROM article_signatures WHERE article_id IN ({article_ids_sql})", params).fetchall()]
    if signed:
        cur.execute(f"DELETE FROM article_bands WHERE {among('article_id')}", [signed])
        cur.execute("DELETE FROM article_signatures WHERE list_contains(?, article_id)", [signed])
    cur.execute(f"DELETE FROM wire_credits WHERE article_id IN ({article_ids_sql})", params)


def candidates(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, list[str]]:
    """For each article, the articles sharing most band keys with it (the first arrivals of each bucket); callers
    ask for at most CHUNK articles at a time."""
    out: dict[str, list[str]] = {}
    for a, b in con.cursor().execute(_CANDIDATES_SQL, [list(article_ids)]).fetchall():
        out.setdefault(a, []).append(b)
    return out
