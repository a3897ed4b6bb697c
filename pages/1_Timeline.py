"""Timeline: every dated statement in the corpus, one bar per event cluster, with its reports."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from pressdesk import render, store, timeline
from pressdesk.translate_config import target_code

ui.page_header("Timeline", "Dated events found in the articles, resolved against each publication date. "
               "Reports of the same event in several articles and languages are grouped.")
con = ui.con()


@st.cache_data(show_spinner=False)
def _events(gen, start, end, actors, languages, publishers, text) -> pd.DataFrame:
    return store.events(ui.con(), start, end, list(actors) or None, list(languages) or None,
                        list(publishers) or None, text or None)


@st.cache_data(show_spinner=False)
def _clusters(gen, *filters) -> pd.DataFrame:
    events = _events(gen, *filters)
    return timeline.clusters(events[events["year_known"]])


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
    st.date_input("Events from", key="from")
    st.date_input("Events to", key="to")
    st.multiselect("Actors", actor_options, key="actor")
    st.multiselect("Languages", facets["languages"], key="lang")
    st.multiselect("Outlets", facets["publishers"], key="outlet")
    st.text_input("Text contains", key="q")
    st.radio("Rows", ["actor", "cluster"], key="rows", horizontal=True)
    st.radio("Colour by", ["language", "outlet"], key="colour", horizontal=True)
    st.text_input("Translation language (hover)", key="to_lang", max_chars=5)

filters = (st.session_state["from"], st.session_state["to"], tuple(st.session_state["actor"]),
           tuple(st.session_state["lang"]), tuple(st.session_state["outlet"]), st.session_state["q"])
events = _events(gen, *filters)
if events.empty:
    st.info("No dated event matches these filters." if store.counts(con)["events"] else
            "No events yet: load articles on the home page; dates are extracted as they are loaded.")
    ui.sync_url(["from", "to", "actor", "lang", "outlet", "q", "rows", "colour", "to_lang"])
    st.stop()

known = events[events["year_known"]]
unknown = events[~events["year_known"]]
clustered = _clusters(gen, *filters).copy()
target = target_code(st.session_state["to_lang"])
translated = ui.translations_of(gen, tuple(zip(clustered["summary"], clustered["language"], strict=True)), target)
clustered["translation"] = [translated.get(s, "") for s in clustered["summary"]]
clustered["when"] = [timeline.span_text(r.date_start, r.date_end, r.precision) for r in clustered.itertuples()]

st.caption(f"{len(clustered)} events from {len(known)} date mentions in {known['article_id'].nunique()} articles.")
if not clustered.empty:
    bars = timeline.bars(clustered, rows=st.session_state["rows"], colour=st.session_state["colour"])
    shown = bars["row"].nunique()
    total = len({a for lst in clustered["actors"] for a in lst}) if st.session_state["rows"] == "actor" else len(clustered)
    if shown < total:
        st.caption(f"Showing the {shown} most reported {'actors' if st.session_state['rows'] == 'actor' else 'events'} "
                   f"of {total}: use the filters to see the others.")
    bars["hover"] = [
        f"<b>{r.when}</b> · {r.reports} report(s): {escape(', '.join(r.publishers))}"
        f"<br>{escape(timeline.label(r.summary, 160))}"
        + (f"<br><i>{escape(timeline.label(r.translation, 160))}</i>" if r.translation else "")
        for r in bars.itertuples()
    ]
    fig = px.timeline(render.plot_frame(bars, "row", "colour"), x_start="start", x_end="end", y="row", color="colour",
                      custom_data=["cluster_id", "hover"])
    fig.update_traces(hovertemplate="%{customdata[1]}<extra></extra>")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(rangeslider_visible=True, title=None)
    fig.update_layout(height=max(320, 28 * bars["row"].nunique() + 120), legend_title_text=st.session_state["colour"])
    picked = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="timeline_chart")
    points = (picked.selection.points if picked and picked.selection else []) or []
    if points and points[0].get("customdata"):
        st.session_state["event"] = points[0]["customdata"][0]

ids = clustered["cluster_id"].tolist()
ui.init("event", options=ids)
if st.session_state.get("event") not in ids:
    st.session_state["event"] = None
labels = dict(zip(ids, (f"{w} — {lb}" for w, lb in zip(clustered["when"], clustered["label"], strict=True)),
                  strict=True))
st.selectbox("Open event", ids, key="event", index=None, format_func=lambda c: labels.get(c, c),
             placeholder="Click a bar, or choose an event here")
ui.sync_url(["from", "to", "actor", "lang", "outlet", "q", "rows", "colour", "to_lang", "event"])

chosen = st.session_state.get("event")
if chosen:
    reports = known[known["cluster_id"] == chosen]
    head = clustered[clustered["cluster_id"] == chosen].iloc[0]
    st.subheader(f"{head['when']} · {len(reports)} report(s)")
    if head["actors"]:
        st.markdown("Actors: " + ", ".join(render.md(a) for a in head["actors"]))
    report_tr = ui.translations_of(gen, tuple(zip(reports["summary"], reports["language"], strict=True)), target)
    cols = st.columns(min(3, len(reports)))
    for i, rep in enumerate(reports.itertuples()):
        with cols[i % len(cols)], st.container(border=True):
            st.markdown(f"**{render.md(rep.publisher)}** · {rep.language} · published {rep.published or 'unknown'}")
            st.caption(f"“{render.md(rep.date_text)}” → {timeline.span_text(rep.date_start, rep.date_end, rep.precision)}")
            st.text(rep.summary)
            tr = report_tr.get(rep.summary)
            if tr:
                st.caption(f"{target}: {render.md(tr)}")
            st.page_link("pages/0_Home.py", label="Open article", icon="📄", query_params={"article": rep.article_id})
            st.page_link("pages/3_Translations.py", label="Side by side", icon="🌐",
                         query_params={"article": rep.article_id, "to": target})

if not unknown.empty:
    st.subheader("Dates whose year is unknown")
    st.caption("These articles give no publication date, so only the day and month are known; they are "
               "not placed on the timeline.")
    view = unknown.assign(day=[timeline.month_day_text(m, d) for m, d in zip(unknown["month"], unknown["day"], strict=True)])
    st.dataframe(view[["day", "date_text", "summary", "publisher", "language"]], hide_index=True)
