"""First views precomputed at write time: one row per statement and per event cluster, kept in step with the corpus
by the last step of every write (`refresh`), so the unfiltered Who-said-what and Timeline views read a few hundred
thousand summary rows instead of aggregating millions of quotes and events on every cold cache.

A digest row carries the size and an order-free hash of its members (`n`, `h`): a refresh compares them with the
stored rows and recomputes only the statements and clusters whose members changed, plus those of the articles just
written. The digests are used only while `ready`: written by the last finished write and no write pending since."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from pressdesk.store import among
from pressdesk.store.queries import RECLUSTER, put_setting

DIGEST_KEY = "digests"  # setting: the corpus token the digests were last made for

_TOKEN_SQL = """SELECT concat_ws(':', (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
                                 (SELECT count(*) FROM quotes), (SELECT count(*) FROM statement_groups))"""

# Every statement: a group of reports (a quote nobody else reported is a group of its own once stories are
# refreshed). Its span, size and languages: what the unfiltered Who-said-what view orders and pages by.
_STATEMENT_SUMS = "SELECT group_id AS key, count(*) AS n, bit_xor(hash(quote_id)) AS h FROM statement_groups GROUP BY 1"
_STATEMENT_ROWS = """SELECT g.group_id, count(*) AS n, bit_xor(hash(g.quote_id)) AS h,
       min(coalesce(q.said_on, a.published)) AS first_day, max(coalesce(q.said_on, a.published)) AS last_day,
       count(*) AS reports, count(DISTINCT coalesce(q.language, a.language)) AS languages_n
FROM statement_groups g JOIN quotes q USING (quote_id) JOIN articles a USING (article_id)
WHERE {where} GROUP BY g.group_id"""  # {where} reads `group_id` as the digest's key: g's, before the joins

# Every cluster: its span and size over the mentions a chart can draw, and what it says (its earliest report),
# as timeline_queries computes them for an unfiltered timeline. A cluster with no drawable mention has reports 0.
_SHOWN = "e.year_known AND e.date_start BETWEEN ? AND ? AND e.date_end BETWEEN ? AND ?"
_CLUSTER_SUMS = "SELECT cluster_id AS key, count(*) AS n, bit_xor(hash(event_id)) AS h FROM events GROUP BY 1"
_CLUSTER_ROWS = f"""SELECT cluster_id, count(*) AS n, bit_xor(hash(event_id)) AS h,
       min(date_start) FILTER (WHERE shown) AS date_start, max(date_end) FILTER (WHERE shown) AS date_end,
       count(*) FILTER (WHERE shown) AS reports, count(DISTINCT article_id) FILTER (WHERE shown) AS articles,
       arg_min(precision, (date_start, published, event_id)) FILTER (WHERE shown) AS precision,
       arg_min(summary, (date_start, published, event_id)) FILTER (WHERE shown) AS summary,
       arg_min(language, (date_start, published, event_id)) FILTER (WHERE shown) AS language,
       arg_min(actors, (date_start, published, event_id)) FILTER (WHERE shown) AS lead_actors,
       arg_min(date_text, (date_start, published, event_id)) FILTER (WHERE shown) AS date_text,
       list_sort(list_distinct(flatten(list(actors) FILTER (WHERE shown)))) AS actors,
       list_sort(list_distinct(list(language) FILTER (WHERE shown))) AS languages,
       list_sort(list_distinct(list(publisher) FILTER (WHERE shown))) AS publishers
FROM (SELECT e.*, a.language, coalesce(a.publisher, 'unknown outlet') AS publisher, a.published,
             coalesce({_SHOWN}, FALSE) AS shown
      FROM events e LEFT JOIN articles a USING (article_id)) WHERE {{where}} GROUP BY cluster_id"""


@dataclass(frozen=True)
class Digest:
    """A summary table: its key, the per-key sums of its members, its rows (for the keys `where` keeps), and the
    keys of the articles just written."""

    table: str
    key: str
    sums: str
    rows: str
    of_articles: str
    plottable: bool = False  # its rows take the chart's date bounds as parameters

    def params(self) -> list:
        from pressdesk.store.timeline_queries import PLOTTABLE

        return [*PLOTTABLE, *PLOTTABLE] if self.plottable else []


DIGESTS = (
    Digest("statement_digest", "group_id", _STATEMENT_SUMS, _STATEMENT_ROWS,
           f"SELECT g.group_id FROM statement_groups g JOIN quotes q USING (quote_id) WHERE {among('q.article_id')}"),
    Digest("cluster_digest", "cluster_id", _CLUSTER_SUMS, _CLUSTER_ROWS,
           f"SELECT cluster_id FROM events WHERE {among('article_id')}", plottable=True),
)


def token(cur: duckdb.DuckDBPyConnection) -> str:
    """Sizes of the tables the digests summarise: a write by anything but `refresh` shows in them."""
    return cur.execute(_TOKEN_SQL).fetchone()[0]


def ready(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the digests describe the corpus as it is: made by the last finished write, none pending since."""
    row = con.cursor().execute(
        f"""SELECT (SELECT value FROM settings WHERE key = ?) = ({_TOKEN_SQL}),
                   EXISTS (SELECT 1 FROM settings WHERE key = ? AND value = '1')""", [DIGEST_KEY, RECLUSTER]).fetchone()
    return bool(row[0]) and not row[1]


def refresh(cur: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None = None,
            gone: dict[str, Sequence[str]] | None = None) -> dict[str, int]:
    """Bring the digests in step, inside the caller's write transaction: every row when `article_ids` is None, else
    the keys whose members changed and those of these articles (whose mentions may say something new under the same
    ids); return how many keys each digest rewrote.

    `gone`: the write added these articles and merged the stored keys `gone` names (per digest table) into theirs,
    nothing else, so a changed key either holds one of their rows or is gone: no key's members are summed (0.4 s at
    100k articles)."""
    out = {}
    for d in DIGESTS:
        if article_ids is None:
            cur.execute(f"DELETE FROM {d.table}")
            cur.execute(f"INSERT INTO {d.table} {d.rows.format(where='TRUE')}", d.params())
            out[d.table] = cur.execute(f"SELECT count(*) FROM {d.table}").fetchone()[0]
            continue
        changed = ("SELECT unnest(?::VARCHAR[]) AS key" if gone is not None
                   else f"""SELECT coalesce(s.key, d.{d.key}) AS key FROM ({d.sums}) s FULL JOIN {d.table} d
                            ON s.key = d.{d.key} WHERE s.n IS DISTINCT FROM d.n OR s.h IS DISTINCT FROM d.h""")
        cur.execute(f"CREATE OR REPLACE TEMP TABLE dirty AS {changed} UNION {d.of_articles}",
                    ([list(gone.get(d.table, []))] if gone is not None else []) + [list(article_ids)])
        cur.execute(f"DELETE FROM {d.table} WHERE {d.key} IN (SELECT key FROM dirty)")
        cur.execute(f"INSERT INTO {d.table} {d.rows.format(where=f'{d.key} IN (SELECT key FROM dirty)')}",
                    d.params())
        out[d.table] = cur.execute("SELECT count(*) FROM dirty").fetchone()[0]
        cur.execute("DROP TABLE dirty")
    put_setting(cur, DIGEST_KEY, token(cur))
    return out
