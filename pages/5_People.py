"""One page per person, organisation or country: what it said, where it is on the timeline, who it appears with."""

from __future__ import annotations

import calendar

import pandas as pd
import plotly.express as px
import streamlit as st

import statement_cards
import ui
from pressdesk import citation, render, search
from pressdesk.store import entity_queries as eq
from pressdesk.store import story_queries as sq
from pressdesk.translate.config import target_code

ui.page_header("People, organisations and countries", "Everything one speaker said, where it is on the "
               "timeline, the articles that mention it and who it is quoted alongside.")
con = ui.con()
STATEMENTS_PER_PAGE = 50


@st.cache_data(show_spinner=False)
def _names(gen) -> pd.DataFrame:
    return eq.names(ui.con())


@st.cache_data(show_spinner=False)
def _entity(gen, name: str, article: str | None, page: int):
    cur = ui.con()
    # statements, not quotes: one card per group of reports (several languages and outlets), paged in DuckDB
    said, n_statements = sq.statement_groups(cur, [name], article=article, order="oldest", limit=STATEMENTS_PER_PAGE,
                                             offset=page * STATEMENTS_PER_PAGE)
    total = eq.statements(cur, name, article, 1, 0)[1]
    return (said, n_statements, total, eq.statements_over_time(cur, name, article), eq.timeline_events(cur, name, article),
            eq.mentioning_articles(cur, name), eq.quoted_alongside(cur, name))


def _resolve(raw: str | None, known: list[str]) -> str | None:
    """A name from the URL: itself if known, else the entity its alias or a close spelling names."""
    if not raw:
        return None
    if raw in known:
        return raw
    for entity in search.match_entities(raw):
        return entity.canonical
    return None


def _n(count: int, word: str) -> str:
    """'1 quote', '3 quotes': counts said as words, never 'quote(s)'."""
    return f"{int(count):,} {word}{'' if int(count) == 1 else 's'}"


def _when(event) -> str:
    """An event's date for a table: the day, or day and month when the year is unknown."""
    if event.year_known and pd.notna(event.date_start):
        return str(event.date_start)
    if pd.notna(event.month):
        day = f"{int(event.day)} " if pd.notna(event.day) else ""
        return f"{day}{calendar.month_abbr[int(event.month)]} (year unknown)"
    return "date unknown"


gen = ui.generation()
names = _names(gen)
known = names["name"].tolist()
counts = {r.name: (r.quotes, r.events) for r in names.itertuples()}
ui.init("entity", clean=lambda raw: _resolve(raw, known))
if st.session_state.get("entity") not in known and st.session_state.get("entity"):
    known = [st.session_state["entity"], *known]  # a gazetteer entity with nothing in the corpus yet
st.selectbox("Person, organisation or country", known, key="entity", index=None, placeholder="Choose a name",
             format_func=lambda n: f"{n} ({_n(counts.get(n, (0, 0))[0], 'quote')}, "
                                   f"{_n(counts.get(n, (0, 0))[1], 'event')})")
if st.query_params.get("entity") and not st.session_state.get("entity"):
    st.info(f"No person, organisation or country called “{render.md(st.query_params.get('entity'))}” was found.")
name = st.session_state.get("entity")
article = ui.article_filter("Only what this article says is shown")
if not name:
    st.caption(f"{len(known)} names in the corpus. Or search everything on the Search page.")
    ui.sync_url(["entity", "article"])
    st.stop()

ui.init("page", default=0, kind="int")
page = max(0, int(st.session_state.get("page") or 0))
said, n_statements, total, over_time, (events, n_events), (articles, n_articles), alongside = _entity(
    gen, name, article, page)
kind = names.set_index("name")["type"].get(name, "")
st.header(render.md(name))
st.caption(f"{render.md(kind or 'name')} · {_n(total, 'quote')} · {_n(n_events, 'timeline mention')} · "
           f"{_n(n_articles, 'article')}")
links = st.columns(3)
links[0].page_link("pages/1_Timeline.py", label="On the timeline", icon=":material/timeline:",
                   query_params={"actor": name})
links[1].page_link("pages/2_Who_said_what.py", label="In Who said what", icon=":material/format_quote:",
                   query_params={"speaker": name})
links[2].page_link("pages/6_Search.py", label="Search its name", icon=":material/search:",
                   query_params={"q": name})

if not over_time.empty:
    first, last = min(over_time["day"]), max(over_time["day"])
    pad = max(pd.Timedelta(days=3), (pd.Timestamp(last) - pd.Timestamp(first)) * 0.05)
    fig = px.bar(render.plot_frame(over_time, "language"), x="day", y="quotes", color="language",
                 labels={"day": "said on", "quotes": "quotes"})
    fig.update_traces(width=0.8 * 86_400_000)  # one day wide in ms: a lone bar on a date axis is otherwise invisible
    fig.update_layout(height=260, margin={"l": 10, "r": 10, "t": 10, "b": 10}, bargap=0.2)
    fig.update_xaxes(type="date", tickformat="%d %b %Y", range=[pd.Timestamp(first) - pad, pd.Timestamp(last) + pad])
    fig.update_yaxes(tickformat="d", rangemode="tozero", dtick=1 if over_time.groupby("day")["quotes"].sum().max() <= 8 else None)
    st.plotly_chart(fig, key="entity_chart")

said_tab, timeline_tab, articles_tab, people_tab = st.tabs(
    [f"Statements ({n_statements})", f"Timeline ({n_events})", f"Articles ({n_articles})", f"Quoted alongside ({len(alongside)})"])
with said_tab:
    if said.empty:
        st.caption("Nothing it said has been found yet.")
    else:
        st.caption(f"{n_statements} distinct statement(s) in date order; reports of one statement in several languages"
                   " and outlets are one card, with the reason they were grouped.")
        statement_cards.show(said, target_code(st.query_params.get("to_lang") or "en"), gen, with_speaker=False)
        if n_statements > STATEMENTS_PER_PAGE:
            pages = (n_statements - 1) // STATEMENTS_PER_PAGE + 1
            st.number_input(f"Page (of {pages})", 0, pages - 1, key="page", step=1)

with timeline_tab:
    if events.empty:
        st.caption("It is not an actor of any dated event yet.")
    else:
        view = events.assign(when=[_when(r) for r in events.itertuples()])
        view["open"] = [citation.app_link("timeline", actor=name, event=c) for c in view["cluster_id"]]
        st.dataframe(view[["when", "summary", "publisher", "language", "open"]], hide_index=True,
                     column_config={"summary": st.column_config.TextColumn("event", width="large"),
                                    "publisher": "outlet",
                                    "open": st.column_config.LinkColumn("timeline", display_text="open")})
        if n_events > len(events):
            st.caption(f"The first {len(events)} of {n_events}: the Timeline shows them all.")

with articles_tab:
    if articles.empty:
        st.caption("No article mentions it.")
    else:
        view = articles.assign(read=[citation.app_link("", article=a) for a in articles["article_id"]],
                               only=[citation.app_link("entity", entity=name, article=a) for a in articles["article_id"]])
        st.dataframe(view[["published", "title", "publisher", "language", "quotes", "events", "read", "only"]],
                     hide_index=True, column_config={
                         "title": st.column_config.TextColumn("title", width="large"), "publisher": "outlet",
                         "published": st.column_config.DateColumn("published"),
                         "read": st.column_config.LinkColumn("article", display_text="read"),
                         "only": st.column_config.LinkColumn("this article only", display_text="filter")})
        if n_articles > len(articles):
            st.caption(f"The newest {len(articles)} of {n_articles}.")

with people_tab:
    if alongside.empty:
        st.caption("Nobody else is quoted in the articles that quote it.")
    else:
        view = alongside.assign(page=[citation.app_link("entity", entity=n) for n in alongside["name"]])
        st.dataframe(view[["name", "type", "articles", "quotes", "page"]], hide_index=True,
                     column_config={"articles": "shared articles",
                                    "page": st.column_config.LinkColumn("page", display_text="open")})

ui.sync_url(["entity", "article", "page"] if page else ["entity", "article"])
