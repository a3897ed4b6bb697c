"""Streamlit cards for statements (one per group of reports), shared by Who said what and the People page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from pressdesk import citation, render
from pressdesk.story import cards


def show(groups: pd.DataFrame, target: str, gen: tuple, with_speaker: bool = True) -> None:
    """One bordered card per statement: heading, why its reports were grouped, then each report with its outlet,
    language, date, words, cached translation and links."""
    items = [item for row in groups.itertuples() for item in row.items]
    pairs = tuple((i["text"], i["language"]) for i in items if i.get("text") and i.get("language"))
    translations = ui.translations_of(gen, pairs, target) if pairs else {}
    for row in groups.to_dict("records"):
        with st.container(border=True):
            st.markdown(cards.heading(row, with_speaker))
            if reason := cards.why(row):
                st.caption(reason)
            for n, item in enumerate(row["items"]):
                st.markdown(cards.report_line(item))
                st.markdown(cards.quote_text(item))
                translated = translations.get(item["text"]) if item.get("language") != target else None
                if translated:
                    st.caption(f"{target}: {render.md(translated)}")
                links = st.columns([1, 1, 1, 3])
                links[0].markdown(f"[In context]({citation.app_link('who-said-what', quote=item['quote_id'])})")
                links[1].markdown(f"[Article]({citation.app_link('', article=item['article_id'])})")
                if isinstance(item.get("url"), str) and item["url"].startswith(("http://", "https://")):
                    links[2].link_button("Source", item["url"], icon=":material/open_in_new:")
                with links[3].popover("Copy citation", icon=":material/content_copy:"):
                    said_on = item["said_on"] if not pd.isna(item["said_on"]) else None
                    st.code(citation.quote_citation(item["text"], row["speaker"], item["publisher"], said_on,
                                                    item.get("url") or citation.app_link("", article=item["article_id"])),
                            language=None, wrap_lines=True)
                if n + 1 < len(row["items"]):
                    st.divider()
