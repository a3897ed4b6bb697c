"""Search across everything: articles, quotes and cached translations, forgiving accents and spellings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from pressdesk import citation, render, search

ui.page_header("Search", "Free text over articles, quotes and cached translations. Accents do not matter, and a "
               "name finds its other spellings (Serghei → Sergei Lavrov, Zelenskyj → Zelensky).")
con = ui.con()
SECTIONS = ["quotes", "articles", "translations"]


@st.cache_data(show_spinner=False, max_entries=256)
def _search(gen, text: str, section: str, page: int, article: str | None = None):
    query = search.parse(text)
    finder = {"quotes": search.quotes, "articles": search.articles, "translations": search.translations}[section]
    frame, total = finder(ui.con(), query, page, article=article)
    return query, frame, total


@st.cache_data(show_spinner=False, max_entries=256)
def _totals(gen, text: str, article: str | None = None) -> dict[str, int]:
    return {s: _search(gen, text, s, 0, article)[2] for s in SECTIONS}


gen = ui.generation()
ui.init("q", default="")
ui.init("in", default="quotes", options=SECTIONS)
ui.init("page", default=0, kind="int")
article = ui.article_filter("Only this article is searched")
st.text_input("Search", key="q", placeholder="A name, a place, words from a quote…", max_chars=200,
              on_change=lambda: st.session_state.update(page=0))
text = " ".join((st.session_state.get("q") or "").split())
if not text:
    st.caption("Type a name or some words, then press Enter.")
    ui.sync_url(["q", "article"])
    st.stop()

totals = _totals(gen, text, article)
query = _search(gen, text, "quotes", 0, article)[0]
if query.entities:
    name_cols = st.columns(min(4, len(query.entities)))
    for i, entity in enumerate(query.entities):
        name_cols[i % len(name_cols)].page_link("pages/5_People.py", label=f"{entity.canonical} ({entity.type})",
                                                icon=":material/person:", query_params={"entity": entity.canonical})
st.segmented_control("Show", SECTIONS, key="in", format_func=lambda s: f"{s.capitalize()} ({totals[s]})",
                     on_change=lambda: st.session_state.update(page=0))
section = st.session_state.get("in") or "quotes"
pages = max(1, (totals[section] - 1) // search.PAGE_SIZE + 1)
page = min(max(0, int(st.session_state.get("page") or 0)), pages - 1)
_, frame, total = _search(gen, text, section, page, article)
if not total:
    st.info(f"No {section} match “{render.md(text)}”." + ("" if sum(totals.values()) else
            " Try fewer words, or part of a name."))
else:
    st.caption(f"{section.capitalize()} {page * search.PAGE_SIZE + 1}–{page * search.PAGE_SIZE + len(frame)} "
               f"of {total}.")

if section == "quotes":
    for row in frame.itertuples():
        said_on = row.said_on if pd.notna(row.said_on) else None
        with st.container(border=True):
            speaker = row.speaker or "Unnamed speaker"
            st.markdown(f"**{render.md(speaker)}** · {said_on or 'date unknown'} · {render.md(row.publisher or 'unknown outlet')}"
                        f" · {row.language}")
            st.text(row.text)
            cols = st.columns([1, 1, 1, 2])
            cols[0].page_link("pages/2_Who_said_what.py", label="In context", icon=":material/format_quote:",
                              query_params={"quote": row.quote_id})
            if row.speaker:
                cols[1].page_link("pages/5_People.py", label="Speaker page", icon=":material/person:",
                                  query_params={"entity": row.speaker})
            cols[2].page_link("pages/0_Home.py", label="Article", icon=":material/article:",
                              query_params={"article": row.article_id})
            with cols[3].popover("Copy citation", icon=":material/content_copy:"):
                st.code(citation.quote_citation(row.text, row.speaker, row.publisher, said_on,
                                                row.url or citation.app_link("", article=row.article_id)),
                        language=None, wrap_lines=True)
elif section == "articles":
    for row in frame.itertuples():
        with st.container(border=True):
            published = row.published if pd.notna(row.published) else "date unknown"
            st.markdown(f"**{render.md(row.title or 'Untitled')}** · {render.md(row.publisher or 'unknown outlet')}"
                        f" · {published} · {row.language}")
            st.text(row.snippet)
            cols = st.columns(3)
            cols[0].page_link("pages/0_Home.py", label="Read", icon=":material/article:",
                              query_params={"article": row.article_id})
            cols[1].page_link("pages/3_Translations.py", label="Side by side", icon=":material/translate:",
                              query_params={"article": row.article_id})
            cols[2].page_link("pages/2_Who_said_what.py", label="Its quotes", icon=":material/format_quote:",
                              query_params={"article": row.article_id})
else:
    for row in frame.itertuples():
        with st.container(border=True):
            st.caption(f"{row.source_lang} → {row.target_lang}")
            st.text(row.source_text)
            st.text(row.translated)
            if row.article_id:
                st.page_link("pages/3_Translations.py", label="Side by side", icon=":material/translate:",
                             query_params={"article": row.article_id, "to": row.target_lang})

if pages > 1:
    st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=page + 1, key="_page_box",
                    on_change=lambda: st.session_state.update(page=st.session_state["_page_box"] - 1))
ui.sync_url(["q", "in", "page", "article"] if page else ["q", "in", "article"])
