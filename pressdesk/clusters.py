"""Event clusters in the store: the whole corpus at once, or only what new articles' events touch."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from pressdesk import events as ev
from pressdesk import store
from pressdesk.unionfind import SmallestRoot

_COLUMNS = "event_id, article_id, date_start, date_end, precision, year_known, actors, actor_types, month, day"
# the span events.cluster compares: a year-unknown day is placed in year 2000, as there
_SPAN = ("coalesce({t}.date_{edge}, make_date(2000, coalesce({t}.month, 1), coalesce({t}.day, 1)))")


# events.key_actors in SQL: people and organisations, or the countries when nobody more specific is named
_KEY = ("coalesce(nullif([x[1] for x in list_zip({t}.actors, {t}.actor_types) if x[2] IS DISTINCT FROM 'country'],"
        " []), {t}.actors)")


def _events(rows: list[tuple]) -> list[ev.Event]:
    return [ev.Event(event_id=r[0], article_id=r[1], sentence_idx=None, start_char=0, end_char=0, date_text="",
                     date_start=r[2], date_end=r[3], precision=r[4], year_known=r[5], summary="",
                     actors=list(r[6] or []), actor_types=list(r[7] or []), month=r[8], day=r[9]) for r in rows]


def _clusters(mapping: dict[str, str]) -> pd.DataFrame:
    """Each event's cluster id, as the frame `_UPDATE_SQL` reads by the name new_clusters."""
    return pd.DataFrame({"event_id": list(mapping), "cluster_id": list(mapping.values())}, dtype="object")


_UPDATE_SQL = ("UPDATE events SET cluster_id = c.cluster_id FROM new_clusters c WHERE events.event_id = c.event_id"
               " AND events.cluster_id IS DISTINCT FROM c.cluster_id")


def recluster_all(con: duckdb.DuckDBPyConnection) -> int:
    """Cluster every event in the corpus; return the number of clusters."""
    clusters = ev.cluster(_events(con.cursor().execute(f"SELECT {_COLUMNS} FROM events").fetchall()))
    with store.writing(con, new_clusters=_clusters(clusters)) as cur:
        cur.execute(_UPDATE_SQL)
    return len(set(clusters.values()))


def _linkable(t: str, where: str) -> str:
    """One row per (event, key actor): what a link needs (precision, year known, actor, span) and its cluster."""
    return (f"SELECT {t}.event_id, coalesce({t}.cluster_id, {t}.event_id) AS cluster_id, {t}.precision,"
            f" {t}.year_known, unnest({_KEY.format(t=t)}) AS actor, {_SPAN.format(t=t, edge='start')} AS s,"
            f" {_SPAN.format(t=t, edge='end')} AS e FROM events {t} WHERE {where}")


# Stored clusters each new event links to (events.cluster's rule: same precision and year-knowledge, a shared key
# actor, overlapping spans). Old events are already clustered among themselves, so a cluster is all a link needs.
# Stored events are first narrowed on their own columns to the new events' key actors and overall span (_BOUNDS_SQL),
# which the scan checks against each row group's min and max before it reads a row, so it skips what lies outside.
_NEW = _linkable("n", store.among("n.article_id", "$ids"))
_BOUNDS_SQL = f"SELECT min(s), max(e), list(DISTINCT actor) FROM ({_NEW})"
# (not the new articles: checked row by row, as most stored rows pass it, which as an anti-join cost more)
_NEAR = "NOT list_contains($ids, o.article_id) AND list_has_any(o.actors, $actors::VARCHAR[])"
_LINKS_SQL = f"""
WITH n AS ({_NEW}),
     o AS ({_linkable('o', f"{_NEAR} AND o.date_start <= $last AND o.date_end >= $first")}
           UNION ALL {_linkable('o', f"{_NEAR} AND (o.date_start IS NULL OR o.date_end IS NULL)")})
SELECT DISTINCT n.event_id, o.cluster_id FROM n JOIN o
  ON o.precision = n.precision AND o.year_known IS NOT DISTINCT FROM n.year_known AND o.actor = n.actor
 AND o.s <= n.e AND o.e >= n.s
"""


def _links(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> list[tuple[str, str]]:
    """(new event, stored cluster) pairs that link."""
    first, last, actors = cur.execute(_BOUNDS_SQL, {"ids": ids}).fetchone()
    if not actors:
        return []
    return cur.execute(_LINKS_SQL, {"ids": ids, "first": first, "last": last, "actors": actors}).fetchall()


def recluster_added(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[str]:
    """Place the events of newly added articles (nothing removed since the last clustering): they are clustered among
    themselves, joined to each stored cluster one of them links to, and the clusters they join merge under their
    smallest id, as a full clustering would name them. Returns the stored clusters merged away (their ids are gone)."""
    cur = con.cursor()
    ids = list(article_ids)
    new = cur.execute(f"SELECT {_COLUMNS} FROM events WHERE {store.among('article_id')}", [ids]).fetchall()
    if not new:
        return []
    links = _links(cur, ids)
    sets = SmallestRoot()
    for event_id, root in ev.cluster(_events(new)).items():  # links among the new events
        sets.union(event_id, root)
    for event_id, cluster_id in links:  # and to the stored clusters; every set is named by its smallest id
        sets.union(event_id, cluster_id)
    mapping = {r[0]: sets.find(r[0]) for r in new}
    merged = {c: sets.find(c) for c in {c for _, c in links} if sets.find(c) != c}
    frame = pd.DataFrame({"old": list(merged), "new": list(merged.values())}, dtype="object")
    with store.writing(con, merged_clusters=frame, new_clusters=_clusters(mapping)) as w:  # one transaction
        w.execute("UPDATE events SET cluster_id = m.new FROM merged_clusters m WHERE events.cluster_id = m.old")
        w.execute(_UPDATE_SQL)
    return sorted(merged)
