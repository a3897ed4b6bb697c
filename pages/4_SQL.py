"""Query: read-only SQL over the corpus tables, for analysts who want their own cut of the data."""

from __future__ import annotations

import streamlit as st

import ui
from pressdesk import sql_console

ui.page_header("Query", "Read-only SQL over articles, sentences, events, quotes and translations. Queries run "
               "in a sandbox: no file or network access, no changes to the corpus, "
               f"at most {sql_console.MAX_ROWS:,} rows and {sql_console.TIME_LIMIT_S:.0f} s.")


@st.cache_resource(show_spinner="Preparing a read-only copy…", max_entries=2)
def _tables(gen):
    return sql_console.snapshot(ui.con())


EXAMPLE = ("SELECT speaker, count(*) AS quotes, count(DISTINCT article_id) AS articles\n"
           "FROM quotes GROUP BY speaker ORDER BY quotes DESC")
ui.init("sql", default=EXAMPLE)
st.text_area("SQL", key="sql", height=160)
ui.sync_url(["sql"])
with st.expander("Tables"):
    for name, table in _tables(ui.generation()).items():
        st.markdown(f"**{name}** ({table.num_rows:,} rows): " + ", ".join(f"`{c}`" for c in table.column_names))

result = sql_console.run(_tables(ui.generation()), st.session_state["sql"])
if result.error:
    st.warning(result.error)
else:
    st.dataframe(result.frame, hide_index=True)
    if result.truncated:
        st.caption(f"Showing the first {sql_console.MAX_ROWS:,} rows.")
