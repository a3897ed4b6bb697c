"""Home: the corpus at a glance, a reader for any article, and loading new articles."""

from __future__ import annotations

import json

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from pressdesk import audit, render, store

ui.page_header("PressDesk", "Read the world's press across languages: corpus, timeline, who said what, translations.")
con = ui.con()


@st.cache_data(show_spinner=False)
def _articles(gen: tuple, languages: tuple, publishers: tuple, start, end) -> pd.DataFrame:
    return store.articles(ui.con(), list(languages) or None, list(publishers) or None, start, end)


@st.cache_data(show_spinner=False)
def _facets(gen: tuple) -> dict:
    return store.facets(ui.con())


gen = ui.generation()
facets = _facets(gen)
counts = store.counts(con)

with st.sidebar:
    st.header("Filters")
    ui.init("lang", kind="list", options=facets["languages"])
    ui.init("outlet", kind="list", options=facets["publishers"])
    ui.init("from", kind="date")
    ui.init("to", kind="date")
    st.multiselect("Language", facets["languages"], key="lang")
    st.multiselect("Outlet", facets["publishers"], key="outlet")
    st.date_input("Published from", key="from")
    st.date_input("Published to", key="to")

cols = st.columns(5)
for col, (label, key) in zip(cols, [("Articles", "articles"), ("Sentences", "sentences"), ("Events", "events"),
                                    ("Event clusters", "clusters"), ("Quotes", "quotes")], strict=True):
    col.metric(label, f"{counts[key]:,}")
if counts["extraction_failed"]:
    with st.expander(f":material/warning: Dates and quotes could not be extracted from {counts['extraction_failed']}"
                     " article(s); their text is stored and readable, the other articles are unaffected."):
        st.dataframe(store.extraction_failures(con), hide_index=True, width="stretch")

frame = _articles(gen, tuple(st.session_state["lang"]), tuple(st.session_state["outlet"]),
                  st.session_state["from"], st.session_state["to"])

if frame.empty:
    st.info("No article matches these filters." if counts["articles"] else
            "The corpus is empty: load articles below.")
else:
    left, mid, right = st.columns(3)
    by_lang = frame.groupby("language", dropna=False).size().reset_index(name="articles")
    left.plotly_chart(px.bar(render.plot_frame(by_lang, "language"), x="language", y="articles",
                             title="By language").update_yaxes(**render.count_ticks(by_lang["articles"].max())),
                      key="chart_lang")
    by_pub = frame.assign(publisher=frame["publisher"].fillna("(unknown)")).groupby("publisher").size()
    mid.plotly_chart(px.bar(render.plot_frame(by_pub.reset_index(name="articles"), "publisher"), x="articles",
                            y="publisher", orientation="h", title="By outlet")
                     .update_xaxes(**render.count_ticks(by_pub.max())), key="chart_outlet")
    dated = frame.dropna(subset=["published"])
    if dated.empty:
        right.info("No publication dates known for these articles.")
    else:
        per_day = dated.groupby(["published", "language"]).size().reset_index(name="articles")
        right.plotly_chart(px.bar(render.plot_frame(per_day, "language"), x="published", y="articles",
                                  color="language", title="By day")
                           .update_yaxes(**render.count_ticks(per_day.groupby("published")["articles"].sum().max())),
                           key="chart_day")
    undated = int(frame["published"].isna().sum())
    if undated:
        st.caption(f"{undated} article(s) have no known publication date: their relative dates cannot be "
                   "resolved and day-month dates are shown without a year.")

st.subheader("Articles")
ids = frame["article_id"].tolist()
ui.init("article", options=ids or None)
table = st.dataframe(
    frame[["title", "publisher", "language", "published", "chars", "article_id"]],
    hide_index=True, on_select="rerun", selection_mode="single-row", key="article_table",
    column_config={"article_id": st.column_config.TextColumn("id")},
)
if table and table.selection.rows:
    st.session_state["article"] = ids[table.selection.rows[0]]

labels = {row.article_id: f"{row.title or row.article_id} · {row.publisher or '?'} · {row.language}"
          for row in frame.itertuples()}
if ids:
    if st.session_state.get("article") not in labels:
        st.session_state["article"] = None
    st.selectbox("Open article", ids, key="article", format_func=lambda i: labels.get(i, i),
                 index=None, placeholder="Select an article in the table or here")

ui.sync_url(["lang", "outlet", "from", "to", "article"])

article_id = st.session_state.get("article")
if article_id:
    art = store.article(con, article_id)
    if art:
        st.markdown(f"### {render.md(art['title'] or article_id)}")
        meta, links = st.columns([3, 1])
        prov = json.loads(art["provenance"] or "{}")
        meta.dataframe(pd.DataFrame([
            {"field": f, "value": str(art[f]) if art[f] is not None else "—", "found from": prov.get(f, "—")}
            for f in ("publisher", "language", "published", "url", "source")
        ]), hide_index=True)
        links.page_link("pages/1_Timeline.py", label="Events in the timeline", icon=":material/timeline:")
        links.page_link("pages/2_Who_said_what.py", label="Quotes", icon=":material/format_quote:")
        links.page_link("pages/3_Translations.py", label="Side-by-side translation", icon=":material/translate:",
                        query_params={"article": article_id})
        with links.popover("Correct the date", help="Set the publication date when the text does not give "
                           "it (or gives it wrongly): relative dates and quote dates are re-resolved."):
            who = ui.require_editor("date")
            if who:
                # a form keeps the typed date on Enter and submits it only with the button
                with st.form(f"fix_form_{article_id}", enter_to_submit=False):
                    new_date = st.date_input("Published on", value=art["published"], key=f"fix_{article_id}")
                    saved = st.form_submit_button("Save and re-extract", key=f"save_{article_id}")
                if saved:
                    from pressdesk.pipeline import set_published

                    ok = ui.safe(set_published, con, article_id, new_date, who=who,
                                 message="Could not save the date")
                    if ok is not None:
                        st.session_state["date_saved"] = f"Publication date set to {new_date}; dates re-resolved."
                        st.cache_data.clear()
                        st.rerun()
        if msg := st.session_state.pop("date_saved", None):
            st.success(msg)
        if art["published"] is None:
            st.info("This article gives no publication date: weekdays and relative dates in it cannot be "
                    "resolved, and day-month dates have no year. Use “Correct the date” if you know it.")
        marks = store.article_marks(con, article_id)
        spans = [(r.start_char, r.end_char, f"pd-{r.kind}", str(r.label or "")) for r in marks.itertuples()]
        st.html(render.article_html(store.sentences(con, article_id).to_dict("records"), spans))
        st.caption("Highlighted: quotes (yellow) and dates (blue). Captions are in italics.")
        changes = audit.history(con, article_id)
        if len(changes):
            with st.expander(f"Changes to this article ({len(changes)})"):
                st.dataframe(changes, hide_index=True)

st.divider()


def _load(who: str, files: list, url: str, pasted: str) -> None:
    """Ingest what the editor gave; each added article is recorded in the audit under the editor's name."""
    from pressdesk.ingest import IngestReport, ingest, ingest_upload

    report = IngestReport()

    def add(part: IngestReport | None, action: str, target: str) -> None:
        part = part or IngestReport()
        report.merge(part)
        if part.added:  # recorded at once: a rerun that interrupts this script cannot leave an edit unrecorded
            ui.safe(audit.log, con, who, action, [(aid, target, None, "added") for aid in part.added],
                    message="Could not record the change")

    with st.spinner("Loading and extracting…"):
        for f in files or []:
            add(ui.safe(ingest_upload, con, f.name, f.getvalue(), message=f"Could not load {f.name}"), "upload", f.name)
        if url.strip():
            add(ui.safe(ingest, con, [url.strip()], message="Could not load the URL"), "load URL", url.strip())
        if pasted.strip():
            add(ui.safe(ingest_upload, con, "pasted text.txt", pasted.encode("utf-8"),
                        message="Could not load the pasted text"), "paste", "pasted text")
    st.success(report.summary())
    for source, reason in report.failed:
        st.warning(f"Skipped {render.md(source)}: {render.md(reason)}")
    st.cache_data.clear()


with st.expander("Load articles", expanded=counts["articles"] == 0):
    who = ui.require_editor("load")
    if who:
        st.write("Text, Markdown, HTML, or JSON/JSONL/CSV exports with a `text` field "
                 "(optional `source`, `url`, `title`, `publisher`, `published`, `language`).")
        files = st.file_uploader("Upload files", accept_multiple_files=True,
                                 type=["txt", "md", "html", "htm", "json", "jsonl", "csv"])
        url = st.text_input("…or an article URL", placeholder="https://")
        pasted = st.text_area("…or paste an article's text", height=120)
        # The click is kept by its callback, so a rerun that replaces the clicked run (an upload finishing) keeps it.
        st.button("Load", type="primary", on_click=st.session_state.update, kwargs={"_pd_load": True})
        clicked = st.session_state.pop("_pd_load", False)
        if clicked and not (files or url.strip() or pasted.strip()):
            st.info("Choose files, give a URL or paste a text first.")
        elif clicked:
            _load(who, files, url, pasted)
