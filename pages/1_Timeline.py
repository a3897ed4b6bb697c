"""Timeline: every dated statement in the corpus, one bar per event cluster, with its reports."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from pressdesk import render, store, timeline
from pressdesk.translate.config import target_code

ui.page_header("Timeline", "Dated events found in the articles, resolved against each publication date. "
               "Reports of the same event in several articles and languages are grouped.")
con = ui.con()


@st.cache_data(show_spinner=False)
def _events(gen, start, end, actors, languages, publishers, text, article) -> pd.DataFrame:
    return store.events(ui.con(), start, end, list(actors) or None, list(languages) or None,
                        list(publishers) or None, text or None, article)


@st.cache_data(show_spinner=False)
def _counts(gen, actors, languages, publishers, text, article) -> store.CorpusCounts:
    """The same count Home shows for the same filters (one store query)."""
    return store.corpus_counts(ui.con(), list(languages) or None, list(publishers) or None, article=article,
                               actors=list(actors) or None, text=text or None)


@st.cache_data(show_spinner=False)
def _clusters(gen, *filters) -> pd.DataFrame:
    events = _events(gen, *filters)
    return timeline.clusters(events[events["year_known"]])


@st.cache_data(show_spinner=False)
def _joined(gen, *filters) -> dict[str, tuple[str, str]]:
    """Year-unknown mentions placed in a dated cluster by their day and month (event_id -> (cluster, why))."""
    events = _events(gen, *filters)
    unknown = events[~events["year_known"]]
    names = store.article_names(ui.con(), unknown["article_id"].unique().tolist()) if len(unknown) else {}
    return timeline.year_unknown_matches(unknown, _clusters(gen, *filters), names)


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
filters = (None, None, tuple(st.session_state["actor"]), tuple(st.session_state["lang"]),
           tuple(st.session_state["outlet"]), st.session_state["q"], article)
counts = _counts(gen, *filters[2:])
events = _events(gen, *filters)
if events.empty:
    st.info("No dated event matches these filters." if store.counts(con)["events"] else
            "No events yet: load articles on the home page; dates are extracted as they are loaded.")
    ui.sync_url(URL_KEYS)
    st.stop()

everything = _clusters(gen, *filters)
published = events["published"].dropna()
start, end = timeline.preset_range(st.session_state["range"], list(everything["date_start"]),
                                   list(everything["date_end"]), published.max() if len(published) else None,
                                   (st.session_state["from"], st.session_state["to"]))
in_range = pd.Series(True, index=everything.index)
if start is not None:
    in_range &= everything["date_end"] >= start
if end is not None:
    in_range &= everything["date_start"] <= end
everything = everything.copy()
target = target_code(st.session_state["to_lang"])
translated = ui.translations_of(gen, tuple(zip(everything["summary"], everything["language"], strict=True)), target)
everything["translation"] = [translated.get(s, "") for s in everything["summary"]]
everything["label"] = [timeline.title(r.translation, r.actors) if r.translation else r.label
                       for r in everything.itertuples()]
everything["when"] = [timeline.span_text(r.date_start, r.date_end, r.precision) for r in everything.itertuples()]
clustered = everything[in_range].reset_index(drop=True)
all_known = events[events["year_known"]]
known = all_known[all_known["cluster_id"].isin(clustered["cluster_id"])]
unknown = events[~events["year_known"]]
joined = _joined(gen, *filters)

hidden = len(everything) - len(clustered)


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


st.caption(f"{_n(counts.events, 'event')} from {_n(counts.dated, 'dated mention')} in "
           f"{_n(counts.event_articles, 'article')}"
           + (f", and {_n(counts.year_unknown, 'mention')} whose year is unknown" if counts.year_unknown else "")
           + ". " + (f"{len(clustered):,} shown, {start:%d %b %Y} – {end:%d %b %Y}" if start and end else "")
           + (f"; {hidden:,} more outside this range (choose “All” to see them)." if hidden else ""))
if not clustered.empty:
    bars = timeline.bars(clustered, rows=st.session_state["rows"], colour=st.session_state["colour"])
    shown = bars["row"].nunique()
    total = len({a for lst in clustered["actors"] for a in lst}) if st.session_state["rows"] == "actor" else len(clustered)
    if shown < total:
        st.caption(f"Showing the {shown} most reported {'actors' if st.session_state['rows'] == 'actor' else 'events'} "
                   f"of {total}: use the filters to see the others.")
    lo = min(start or bars["start"].min().date(), bars["start"].min().date())
    hi = max(end or bars["end"].max().date(), bars["end"].max().date())
    bars = timeline.widen(bars, timeline.min_bar_days(lo, hi))
    bars["hover"] = [
        f"<b>{r.when}</b> · {r.reports} report(s): {escape(', '.join(map(render.outlet_name, r.publishers)))}"
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

ids = everything["cluster_id"].tolist()  # a linked event opens even outside the range shown
ui.init("event", options=ids)
if st.session_state.get("event") not in ids:
    st.session_state["event"] = None
labels = dict(zip(ids, (f"{w} — {lb}" for w, lb in zip(everything["when"], everything["label"], strict=True)),
                  strict=True))
st.selectbox("Open event", ids, key="event", index=None, format_func=lambda c: labels.get(c, c),
             placeholder="Click a bar, or choose an event here")
ui.sync_url([*URL_KEYS, "event"])

chosen = st.session_state.get("event")
if chosen:
    extra = [e for e, (c, _) in joined.items() if c == chosen]
    reports = pd.concat([all_known[all_known["cluster_id"] == chosen], unknown[unknown["event_id"].isin(extra)]])
    head = everything[everything["cluster_id"] == chosen].iloc[0]
    st.subheader(f"{head['when']} · {len(reports)} report(s)")
    if head["actors"]:
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
               "and month match a dated event naming the same people is shown with that event's reports.")
    view = unknown.assign(day=[timeline.month_day_text(m, d) for m, d in zip(unknown["month"], unknown["day"], strict=True)],
                          grouped=[labels.get(joined[e][0], "") if e in joined else "" for e in unknown["event_id"]])
    view["publisher"] = view["publisher"].map(render.outlet_name)
    st.dataframe(view[["day", "date_text", "summary", "grouped", "publisher", "language"]], hide_index=True,
                 column_config={"date_text": "as written", "summary": st.column_config.TextColumn("sentence",
                                                                                                  width="large"),
                                "publisher": "outlet",
                                "grouped": st.column_config.TextColumn("placed in event", help="Same day and month "
                                                                       "as a dated event that shares its actors")})
