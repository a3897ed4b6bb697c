"""Timeline: every dated statement in the corpus, one bar per event cluster, with its reports."""

from __future__ import annotations

from datetime import date
from html import escape

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from pressdesk import render, store, timeline
from pressdesk.store import timeline_queries as tq
from pressdesk.translate.config import target_code

ui.page_header("Timeline", "Dated events found in the articles, resolved against each publication date. "
               "Reports of the same event in several articles and languages are grouped.")
con = ui.con()
EVENT_MENU = 300  # events offered in the picker: the most reported in the range shown
UNKNOWN_SHOWN = 500


@st.cache_data(show_spinner=False, max_entries=64)
def _counts(gen, flt: tq.EventFilter) -> store.CorpusCounts:
    """The same count Home shows for the same filters (one store query)."""
    return store.corpus_counts(ui.con(), list(flt.languages) or None, list(flt.publishers) or None,
                               article=flt.article, actors=list(flt.actors) or None, text=flt.text or None)


@st.cache_data(show_spinner=False, max_entries=64)
def _extent(gen, flt: tq.EventFilter) -> tuple[pd.DataFrame, date | None]:
    """Clusters per start day and the newest publication: what the date presets are computed from."""
    return tq.cluster_days(ui.con(), flt), tq.latest_published(ui.con(), flt)


@st.cache_data(show_spinner=False, max_entries=64)
def _rows(gen, flt: tq.EventFilter, start, end, rows: str) -> tuple[pd.DataFrame, int, str, int]:
    """The bars of the visible range, aggregated in DuckDB, with the rows available, grain and clusters shown."""
    frame, total, grain = tq.timeline_rows(ui.con(), flt, start, end, rows, timeline.MAX_ROWS)
    return frame, total, grain, tq.clusters_count(ui.con(), flt, start, end)


@st.cache_data(show_spinner=False, max_entries=64)
def _menu(gen, flt: tq.EventFilter, start, end, chosen) -> pd.DataFrame:
    """The events the picker offers: the most reported in range, and the one a link opened."""
    top = tq.clusters_in_range(ui.con(), flt, start, end, limit=EVENT_MENU)
    if chosen and chosen not in set(top["cluster_id"]):
        top = pd.concat([top, tq.clusters_in_range(ui.con(), flt, ids=[chosen])], ignore_index=True)
    return top


@st.cache_data(show_spinner=False, max_entries=64)
def _reports(gen, flt: tq.EventFilter, cluster_id: str) -> pd.DataFrame:
    return tq.cluster_reports(ui.con(), flt, cluster_id)


@st.cache_data(show_spinner=False, max_entries=64)
def _unknown(gen, flt: tq.EventFilter) -> tuple[pd.DataFrame, int, dict[str, tuple[str, str]], pd.DataFrame]:
    """Year-unknown mentions (the first few hundred), how many there are, and the dated clusters they join."""
    unknown, total = tq.year_unknown(ui.con(), flt, UNKNOWN_SHOWN)
    if unknown.empty:
        return unknown, total, {}, pd.DataFrame()
    days = unknown.dropna(subset=["month", "day"])
    candidates = tq.day_clusters(ui.con(), flt, sorted({(int(m), int(d)) for m, d in zip(days["month"], days["day"],
                                                                                         strict=True)}))
    names = store.article_names(ui.con(), unknown["article_id"].unique().tolist())
    joined = timeline.year_unknown_matches(unknown, candidates, names)
    heads = tq.clusters_in_range(ui.con(), flt, ids=sorted({c for c, _ in joined.values()}))
    return unknown, total, joined, heads


@st.cache_data(show_spinner=False)
def _options(gen) -> tuple[list[str], dict]:
    return store.actors(ui.con()), store.facets(ui.con())


gen = ui.generation()
actor_options, facets = _options(gen)
with st.sidebar:
    st.header("Filters")
    ui.init("from", kind="date")
    ui.init("to", kind="date")
    ui.init("actor", kind="list", options=actor_options)
    ui.init("lang", kind="list", options=facets["languages"])
    ui.init("outlet", kind="list", options=facets["publishers"])
    ui.init("q", default="")
    ui.init("rows", default="actor", options=["actor", "cluster"])
    ui.init("colour", default="language", options=["language", "outlet"])
    ui.init("to_lang", default="en", clean=target_code)
    ui.init("range", default="dense", options=timeline.PRESETS)
    st.radio("Dates", timeline.PRESETS, key="range", format_func=timeline.PRESET_LABELS.get)
    if st.session_state["range"] == "custom":
        st.date_input("Events from", key="from")
        st.date_input("Events to", key="to")
    st.multiselect("Actors", actor_options, key="actor")
    st.multiselect("Languages", facets["languages"], key="lang")
    st.multiselect("Outlets", facets["publishers"], key="outlet", format_func=render.outlet_name)
    st.text_input("Text contains", key="q")
    st.radio("Rows", ["actor", "cluster"], key="rows", horizontal=True)
    st.radio("Colour by", ["language", "outlet"], key="colour", horizontal=True)
    st.text_input("Translation language (hover)", key="to_lang", max_chars=5)

URL_KEYS = ["range", "from", "to", "actor", "lang", "outlet", "q", "rows", "colour", "to_lang", "article"]
article = ui.article_filter("Only this article's events are shown")
flt = tq.EventFilter(tuple(st.session_state["actor"]), tuple(st.session_state["lang"]),
                     tuple(st.session_state["outlet"]), st.session_state["q"] or None, article)
counts = _counts(gen, flt)
if not counts.mentions:
    st.info("No dated event matches these filters." if store.counts(con)["events"] else
            "No events yet: load articles on the home page; dates are extracted as they are loaded.")
    ui.sync_url(URL_KEYS)
    st.stop()

days, latest = _extent(gen, flt)
start, end = timeline.preset_range(st.session_state["range"], list(days["day"]), list(days["last_end"]), latest,
                                   (st.session_state["from"], st.session_state["to"]), weights=list(days["n"]))
rows_frame, row_total, grain, in_range = _rows(gen, flt, start, end, st.session_state["rows"])
target = target_code(st.session_state["to_lang"])


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """Add each cluster's title (from its translation when one is cached), translation and date in words."""
    frame = frame.copy()
    if frame.empty:
        return frame.assign(translation=[], label=[], when=[])
    translated = ui.translations_of(gen, tuple(zip(frame["summary"], frame["language"], strict=True)), target)
    frame["translation"] = [translated.get(s, "") for s in frame["summary"]]
    frame["label"] = [timeline.title(r.translation, _names(r.lead_actors)) if r.translation else
                      timeline.title(r.summary, _names(r.lead_actors), r.date_text or "") for r in frame.itertuples()]
    frame["when"] = [timeline.span_text(r.date_start, r.date_end, r.precision) for r in frame.itertuples()]
    return frame


def _names(values) -> list[str]:
    return [] if values is None else list(values)


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


hidden = int(days["n"].sum()) - in_range
st.caption(f"{_n(counts.events, 'event')} from {_n(counts.dated, 'dated mention')} in "
           f"{_n(counts.event_articles, 'article')}"
           + (f", and {_n(counts.year_unknown, 'mention')} whose year is unknown" if counts.year_unknown else "")
           + ". " + (f"{in_range:,} shown, {start:%d %b %Y} – {end:%d %b %Y}" if start and end else "")
           + (f"; {hidden:,} more outside this range (choose “All” to see them)." if hidden > 0 else ""))
rows_frame = _labelled(rows_frame)
if not rows_frame.empty:
    bars = timeline.bars(rows_frame, rows=st.session_state["rows"], colour=st.session_state["colour"])
    shown = bars["row"].nunique()
    noun = "actors" if st.session_state["rows"] == "actor" else "events"
    if shown < row_total:
        st.caption(f"Showing the {shown} most reported {noun} of {row_total:,}: use the filters to see the others.")
    if grain != "cluster":
        st.caption(f"Too many events to draw one by one: each bar gathers an actor's events of one {grain}, and "
                   "opens the most reported of them. Choose a shorter custom range to see single events.")
    lo = min(start or bars["start"].min().date(), bars["start"].min().date())
    hi = max(end or bars["end"].max().date(), bars["end"].max().date())
    bars = timeline.widen(bars, timeline.min_bar_days(lo, hi))
    bars["hover"] = [
        f"<b>{r.when}</b> · "
        + (f"{r.events:,} events, {r.reports:,} reports<br>the most reported, {r.top_reports:,} report(s): "
           if r.events > 1 else f"{r.reports:,} report(s): ")
        + f"{escape(timeline.listing(list(map(render.outlet_name, r.publishers))))}"
        f"<br>{escape(timeline.label(r.summary, 160))}"
        + (f"<br><i>{escape(timeline.label(r.translation, 160))}</i>" if r.translation else "")
        for r in bars.itertuples()
    ]
    plotted = render.plot_frame(bars, "row", "colour")
    fig = px.timeline(plotted, x_start="start", x_end="end", y="row", color="colour",
                      category_orders={"colour": sorted(plotted["colour"].unique())},  # same colours in every view
                      custom_data=["cluster_id", "hover"])
    fig.update_traces(hovertemplate="%{customdata[1]}<extra></extra>")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=None, range=[pd.Timestamp(lo), pd.Timestamp(hi) + pd.Timedelta(days=1)],
                     **timeline.axis_ticks(lo, hi))
    fig.update_layout(height=max(320, 28 * bars["row"].nunique() + 120), legend_title_text=st.session_state["colour"],
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
                      margin={"l": 0, "r": 0, "t": 40, "b": 0})
    picked = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="timeline_chart")
    points = (picked.selection.points if picked and picked.selection else []) or []
    if points and points[0].get("customdata"):
        st.session_state["event"] = points[0]["customdata"][0]

ui.init("event")
menu = _labelled(_menu(gen, flt, start, end, st.session_state.get("event")))
ids = menu["cluster_id"].tolist()  # a linked event opens even outside the range shown
if st.session_state.get("event") not in ids:
    st.session_state["event"] = None
labels = dict(zip(ids, (f"{w} — {lb}" for w, lb in zip(menu["when"], menu["label"], strict=True)), strict=True))
st.selectbox("Open event", ids, key="event", index=None, format_func=lambda c: labels.get(c, c),
             placeholder="Click a bar, or choose one of the most reported events here")
ui.sync_url([*URL_KEYS, "event"])

unknown, unknown_total, joined, joined_heads = _unknown(gen, flt)
chosen = st.session_state.get("event")
if chosen:
    extra = [e for e, (c, _) in joined.items() if c == chosen]
    reports = pd.concat([_reports(gen, flt, chosen), unknown[unknown["event_id"].isin(extra)]], ignore_index=True)
    head = menu[menu["cluster_id"] == chosen].iloc[0]
    st.subheader(f"{head['when']} · {len(reports)} report(s)")
    if len(head["actors"]):
        st.markdown("Actors: " + ", ".join(render.md(a) for a in head["actors"]))
    report_tr = ui.translations_of(gen, tuple(zip(reports["summary"], reports["language"], strict=True)), target)
    cols = st.columns(min(3, len(reports)))
    for i, rep in enumerate(reports.itertuples()):
        with cols[i % len(cols)], st.container(border=True):
            st.markdown(f"**{render.md(render.outlet_name(rep.publisher))}** · {rep.language} · "
                        f"published {render.shown(rep.published, 'on an unknown date')}")
            if rep.event_id in joined:
                st.caption(f"“{render.md(rep.date_text)}” → year unknown; grouped here: {render.md(joined[rep.event_id][1])}")
            else:
                st.caption(f"“{render.md(rep.date_text)}” → "
                           f"{timeline.span_text(rep.date_start, rep.date_end, rep.precision)}")
            st.text(rep.summary)
            tr = report_tr.get(rep.summary)
            if tr:
                st.caption(f"{target}: {render.md(tr)}")
            st.page_link("pages/0_Home.py", label="Open article", icon=":material/article:",
                         query_params={"article": rep.article_id})
            st.page_link("pages/3_Translations.py", label="Side by side", icon=":material/translate:",
                         query_params={"article": rep.article_id, "to": target})

if not unknown.empty:
    st.subheader("Dates whose year is unknown")
    st.caption("These articles give no publication date, so only the day and month are known. A mention whose day "
               "and month match a dated event naming the same people is shown with that event's reports."
               + (f" The first {len(unknown):,} of {unknown_total:,} are listed: filter to narrow them."
                  if unknown_total > len(unknown) else ""))
    heads = _labelled(joined_heads)
    head_labels = dict(zip(heads.get("cluster_id", []), (f"{w} — {lb}" for w, lb in
                                                          zip(heads.get("when", []), heads.get("label", []),
                                                              strict=True)), strict=True))
    view = unknown.assign(day=[timeline.month_day_text(m, d) for m, d in zip(unknown["month"], unknown["day"], strict=True)],
                          grouped=[head_labels.get(joined[e][0], "") if e in joined else "" for e in unknown["event_id"]])
    view["publisher"] = view["publisher"].map(render.outlet_name)
    st.dataframe(view[["day", "date_text", "summary", "grouped", "publisher", "language"]], hide_index=True,
                 column_config={"date_text": "as written", "summary": st.column_config.TextColumn("sentence",
                                                                                                  width="large"),
                                "publisher": "outlet",
                                "grouped": st.column_config.TextColumn("placed in event", help="Same day and month "
                                                                       "as a dated event that shares its actors")})
