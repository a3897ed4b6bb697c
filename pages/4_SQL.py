"""Query: read-only SQL over the corpus tables, for analysts who want their own cut of the data."""

from __future__ import annotations

import streamlit as st

import ui
from pressdesk import sql_console

ui.page_header("Query", "Read-only SQL over articles, sentences, events, quotes and translations. Queries run "
               "in a sandbox: no file or network access, no changes to the corpus, "
               f"at most {sql_console.MAX_ROWS:,} rows, {sql_console.MAX_RESULT_BYTES // 1_000_000} MB and "
               f"{sql_console.TIME_LIMIT_S:.0f} s.")


@st.cache_resource(show_spinner="Preparing a read-only copy…", max_entries=2 * len(sql_console.PUBLIC_TABLES))
def _table(gen, name: str):
    """One table's read-only copy, made the first time a query names it (shared by every session)."""
    return sql_console.snapshot(ui.con(), (name,))[name]


@st.cache_data(show_spinner=False, max_entries=4)
def _described(gen) -> dict[str, tuple[int, list[str]]]:
    return sql_console.describe(ui.con())


EXAMPLE = ("SELECT speaker, count(*) AS quotes, count(DISTINCT article_id) AS articles\n"
           "FROM quotes GROUP BY speaker ORDER BY quotes DESC")
ui.init("sql", default=EXAMPLE)
st.text_area("SQL", key="sql", height=160)
ui.sync_url(["sql"])
with st.expander("Tables"):
    for name, (n_rows, columns) in _described(ui.generation()).items():
        st.markdown(f"**{name}** ({n_rows:,} rows): " + ", ".join(f"`{c}`" for c in columns))

# A query never runs just because a link carried it: it runs on a click, and its result stays while the text does.
sql = st.session_state["sql"]
if st.button("Run", type="primary", key="run_sql"):
    gen = ui.generation()
    tables = {name: _table(gen, name) for name in sql_console.referenced(sql)}
    st.session_state["sql_result"] = (sql, sql_console.run(tables, sql))
ran, result = st.session_state.get("sql_result", (None, None))
if result is None or ran != sql:
    st.info("Press Run to execute the query.")
elif result.error:
    st.error("The query failed:")
    st.code(result.error, language=None, wrap_lines=True)  # plain text: nothing in an error message is rendered
else:
    st.dataframe(result.frame, hide_index=True)
    st.caption(f"{len(result.frame):,} row(s) in {result.elapsed:.2f} s." + (f" {result.note}" if result.note else ""))
