"""Home: the corpus at a glance, a reader for any article, and loading new articles."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from pressdesk import audit, citation, loading, render, store
from pressdesk.store import story_queries as sq
from pressdesk.translate import TARGET_LANGUAGES

ui.page_header("PressDesk", "Read the world's press across languages: corpus, timeline, who said what, translations.")
con = ui.con()
ARTICLES_PER_PAGE = 100  # the article table is paged in SQL: a browser never receives the whole corpus


@st.cache_data(show_spinner=False, max_entries=64)
def _articles(gen: tuple, languages: tuple, publishers: tuple, start, end, page: int) -> pd.DataFrame:
    """One page of the article list, from SQL."""
    return store.articles_page(ui.con(), list(languages) or None, list(publishers) or None, start, end,
                               ARTICLES_PER_PAGE, (page - 1) * ARTICLES_PER_PAGE)


@st.cache_data(show_spinner=False, max_entries=64)
def _breakdown(gen: tuple, languages: tuple, publishers: tuple, start, end) -> store.ArticleBreakdown:
    return store.article_breakdown(ui.con(), list(languages) or None, list(publishers) or None, start, end)




@st.cache_resource(show_spinner=False, max_entries=32)
def _charts(gen: tuple, languages: tuple, publishers: tuple, start, end) -> tuple:
    """The three breakdown charts, built once per corpus state and filters: building a Plotly Express figure costs
    more than the rest of the page, and every session showing these filters shows the same figures (never
    modified once built: st.plotly_chart reads a copy)."""
    breakdown = _breakdown(gen, languages, publishers, start, end)
    by_lang = breakdown.by_language.assign(language=breakdown.by_language["language"].fillna("unknown"))
    lang_fig = px.bar(render.plot_frame(by_lang, "language"), x="language", y="articles",
                      title="By language").update_yaxes(**render.count_ticks(by_lang["articles"].max()))
    by_pub = (breakdown.by_outlet.assign(publisher=breakdown.by_outlet["publisher"].map(render.outlet_name))
              .groupby("publisher")["articles"].sum())
    outlet_fig = px.bar(render.plot_frame(by_pub.reset_index(name="articles"), "publisher"), x="articles",
                        y="publisher", orientation="h", title="By outlet", labels={"publisher": "outlet"}
                        ).update_xaxes(**render.count_ticks(by_pub.max()))
    per_day = breakdown.by_day
    day_fig = None if per_day.empty else px.bar(
        render.plot_frame(per_day, "language"), x="published", y="articles", color="language", title="By day"
    ).update_yaxes(**render.count_ticks(per_day.groupby("published")["articles"].sum().max()))
    return lang_fig, outlet_fig, day_fig


@st.cache_data(show_spinner=False)
def _facets(gen: tuple) -> dict:
    return store.facets(ui.con())


@st.cache_data(show_spinner=False)
def _counts(gen: tuple, languages: tuple, publishers: tuple, start, end, article) -> store.CorpusCounts:
    return store.corpus_counts(ui.con(), list(languages) or None, list(publishers) or None, start, end, article)


def _open(article_id: str | None) -> None:
    st.session_state["article"] = article_id


def _load(who: str, files: list, url: str, pasted: str, given: dict) -> loading.LoadSummary:
    """Ingest what the editor gave, with a progress bar; each added article is audited under the editor's name."""
    from pressdesk.ingest import IngestReport, ingest, ingest_upload

    report = IngestReport()
    jobs = [(f.name, "upload", lambda f=f: ingest_upload(con, f.name, f.getvalue(), given=given)) for f in files or []]
    if url.strip():
        jobs.append((url.strip(), "load URL", lambda: ingest(con, [url.strip()], given=given)))
    if pasted.strip():
        jobs.append(("pasted text", "paste",
                     lambda: ingest_upload(con, "pasted text.txt", pasted.encode("utf-8"), given=given)))
    bar = st.progress(0.0, text="Loading…")
    for i, (target, action, job) in enumerate(jobs):
        bar.progress(i / len(jobs), text=f"Loading and extracting {i + 1} of {len(jobs)}: {render.md(target)}")
        part = ui.safe(job, message=f"Could not load {target}") or IngestReport()
        report.merge(part)
        if part.added:  # recorded at once: a rerun that interrupts this script cannot leave an edit unrecorded
            ui.safe(audit.log, con, who, action, [(aid, target, None, "added") for aid in part.added],
                    message="Could not record the change")
    bar.empty()
    st.cache_data.clear()  # every count and list on every page is read afresh
    return loading.summarise(con, report)


def _show_summary(summary: loading.LoadSummary) -> None:
    """The load's outcome: one headline, a line per new article (with a link), a line per problem."""
    (st.success if summary.articles else st.info)(summary.headline())
    for art in summary.articles:
        left, right = st.columns([2, 3], vertical_alignment="center")
        # a button, not a page_link: a link to the page itself loses its query parameters in Streamlit 1.67
        left.button(render.md(art.title), icon=":material/article:", type="tertiary", key=f"open_new_{art.article_id}",
                    on_click=_open, args=(art.article_id,), help="Open this article in the reader")
        right.caption(render.md(loading.article_line(art)))
    for problem in summary.problems:
        st.warning(render.md(problem))
    for note in summary.notes:
        st.caption(f"Loaded with a note: {render.md(note)}")


def _load_panel(who: str, folded: bool) -> None:
    """Upload, a URL or pasted text, with optional metadata, at the top of Home for editors (folded while an
    article is being read, unless a load has just been summarised)."""
    box = (st.expander("Load articles", expanded="_pd_load_summary" in st.session_state) if folded
           else st.container(border=True))
    with box:
        if not folded:
            st.markdown("**Load articles**")
        up, link, paste = st.tabs(["Upload files", "From a URL", "Paste text"])
        files = up.file_uploader("Upload files", accept_multiple_files=True, label_visibility="collapsed",
                                 type=["txt", "md", "html", "htm", "json", "jsonl", "csv"],
                                 help="Text, Markdown, HTML, or JSON/JSONL/CSV exports with a `text` field "
                                      "(optional `source`, `url`, `title`, `publisher`, `published`, `language`).")
        url = link.text_input("Article URL", placeholder="https://")
        pasted = paste.text_area("Article text", height=120, placeholder="Paste an article's text here")
        details = st.container() if folded else st.expander("Outlet, link, date, language (optional)")
        details.caption("Used where the file or text does not say. A standard dateline "
                        "(“PARIS, 3 March 2025 —”) gives the date by itself.")
        c1, c2, c3, c4 = details.columns(4)
        outlet = c1.text_input("Outlet", key="load_outlet", max_chars=300)
        source_url = c2.text_input("Original link", key="load_url", placeholder="https://",
                                   help="The article's own address, kept as its source link")
        published = c3.date_input("Published on", value=None, key="load_date")
        language = c4.selectbox("Language", list(TARGET_LANGUAGES), index=None, key="load_lang",
                                placeholder="Detect", format_func=lambda c: f"{TARGET_LANGUAGES[c]} ({c})")
        # The click is kept by its callback, so a rerun that replaces the clicked run (an upload finishing) keeps it.
        st.button("Load", type="primary", on_click=st.session_state.update, kwargs={"_pd_load": True})
        clicked = st.session_state.pop("_pd_load", False)
        if clicked and not (files or url.strip() or pasted.strip()):
            st.info("Choose files, give a URL or paste a text first.")
        elif clicked:
            given, problems = loading.given_metadata(outlet, source_url, published, language)
            summary = _load(who, files, url, pasted, given)
            summary.problems[:0] = problems
            st.session_state["_pd_load_summary"] = summary
        if summary := st.session_state.get("_pd_load_summary"):
            _show_summary(summary)
            st.button("Clear this summary", key="clear_load_summary", type="tertiary",
                      on_click=lambda: st.session_state.pop("_pd_load_summary", None))


editor = ui.editor()
if editor:
    ui.init("article")
    ui.follow_url("article")
    _load_panel(editor, folded=bool(st.session_state.get("article")))
else:
    with st.expander("Load articles (editors)", expanded=False):
        ui.require_editor("load")


gen = ui.generation()
facets = _facets(gen)

with st.sidebar:
    st.header("Filters")
    ui.init("lang", kind="list", options=facets["languages"])
    ui.init("outlet", kind="list", options=facets["publishers"])
    ui.init("from", kind="date")
    ui.init("to", kind="date")
    st.multiselect("Language", facets["languages"], key="lang")
    st.multiselect("Outlet", facets["publishers"], key="outlet", format_func=render.outlet_name)
    st.date_input("Published from", key="from")
    st.date_input("Published to", key="to")

article_id = ui.article_filter("The numbers are this article's")
filters = (tuple(st.session_state["lang"]), tuple(st.session_state["outlet"]), st.session_state["from"],
           st.session_state["to"])
counts = _counts(gen, *filters, article_id)
cols = st.columns(5)
for col, (label, value, why) in zip(cols, [
        ("Articles", counts.articles, "Articles matching the filters"),
        ("Sentences", counts.sentences, None),
        ("Quotes", counts.quotes, None),
        ("Events", counts.events, "Dated events on the timeline: reports of one event in several articles count "
                                  "once (the Timeline counts the same way)"),
        ("Date mentions", counts.mentions, "Every date found in the text, including those whose year is unknown"),
], strict=True):
    col.metric(label, f"{value:,}", help=why)
failed = store.extraction_failed_count(con)
if failed:
    with st.expander(f":material/warning: Dates and quotes could not be extracted from {failed}"
                     " article(s); their text is stored and readable, the other articles are unaffected."):
        st.dataframe(store.extraction_failures(con), hide_index=True, width="stretch")

if article_id:
    pass  # the reader below is the view; the chip above leads back to the whole corpus
elif not counts.articles:
    st.info("No article matches these filters." if store.counts(con)["articles"] else
            "The corpus is empty: an editor can load articles at the top of this page.")
else:
    breakdown = _breakdown(gen, *filters)
    left, mid, right = st.columns(3)
    by_lang, by_outlet, by_day = _charts(gen, *filters)
    left.plotly_chart(by_lang, key="chart_lang")
    mid.plotly_chart(by_outlet, key="chart_outlet")
    if by_day is None:
        right.info("No publication dates known for these articles.")
    else:
        right.plotly_chart(by_day, key="chart_day")
    if breakdown.undated:
        st.caption(f"{breakdown.undated} article{'s have' if breakdown.undated != 1 else ' has'} no known "
                   "publication date: relative dates in them cannot be resolved, and day-month dates are shown "
                   "without a year.")

    st.subheader("Articles")
    pages = max(1, -(-counts.articles // ARTICLES_PER_PAGE))
    ui.init("apage", default=1, kind="int")
    st.session_state["apage"] = min(max(1, int(st.session_state["apage"] or 1)), pages)
    if pages > 1:
        st.number_input(f"Page (of {pages:,}), newest first", min_value=1, max_value=pages, step=1, key="apage")
    frame = _articles(gen, *filters, st.session_state["apage"])
    ids = frame["article_id"].tolist()
    shown = frame.assign(publisher=frame["publisher"].map(render.outlet_name),
                         title=frame["title"].fillna("Untitled article"),
                         published=frame["published"].map(lambda d: render.shown(d, "unknown")))
    table = st.dataframe(
        shown[["title", "publisher", "language", "published", "chars"]],
        hide_index=True, on_select="rerun", selection_mode="single-row", key=f"article_table_{ui.chip_generation()}",
        column_config={"title": st.column_config.TextColumn("title", width="large"), "publisher": "outlet",
                       "chars": st.column_config.NumberColumn("characters", format="%d")},
    )
    if table and table.selection.rows:
        _open(ids[table.selection.rows[0]])
        st.rerun()
    labels = {row.article_id: f"{row.title or 'Untitled article'} · {render.outlet_name(row.publisher)} · "
                              f"{row.language}" for row in frame.itertuples()}
    st.selectbox("Open article", ids, key="_open_article", format_func=lambda i: labels.get(i, i),
                 index=None, placeholder="Select an article in the table or here",
                 on_change=lambda: _open(st.session_state["_open_article"]))

ui.sync_url(["lang", "outlet", "from", "to", "article"] + (["apage"] if st.session_state.get("apage", 1) > 1 else []))



def _wire_copy(article_id: str) -> None:
    """The agency the article credits, and the articles that ran the same wire copy or reported the same
    statements: one story across outlets and languages."""
    credited = sq.credits_of(con, article_id)
    related = sq.wire_related(con, article_id)
    if credited.empty and related.empty:
        return
    lines = []
    if not credited.empty:
        lines.append("Credits " + ", ".join(f"{render.md(r.agency)} (“{render.md(r.evidence)}”)"
                                            for r in credited.itertuples()))
    for r in related.itertuples():
        when = r.published.strftime("%-d %b %Y") if isinstance(r.published, date) and not pd.isna(r.published) else "undated"
        lines.append(f"{render.md(r.relation).capitalize()} as [{render.md(r.title or r.article_id)}]"
                     f"({citation.app_link('', article=r.article_id)}) — {render.md(r.publisher or 'unknown outlet')}, "
                     f"{render.md(r.language or '?')}, {when}: {render.md(r.detail)}")
    with st.container(border=True):
        st.markdown("**Same story elsewhere**\n\n" + "\n".join(f"- {line}" for line in lines))


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
        links.page_link("pages/1_Timeline.py", label="Its events on the timeline", icon=":material/timeline:",
                        query_params={"article": article_id, "range": "all"})
        links.page_link("pages/2_Who_said_what.py", label="Its quotes", icon=":material/format_quote:",
                        query_params={"article": article_id})
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
        _wire_copy(article_id)
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
                st.dataframe(changes.astype(object).where(changes.notna(), "—"), hide_index=True)
