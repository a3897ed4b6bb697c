"""PressDesk entry point: `streamlit run dashboard.py` opens the home page; the other views are pages."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="PressDesk", page_icon=":material/newspaper:", layout="wide")
st.navigation([
    st.Page("pages/0_Home.py", title="Home", icon=":material/home:", default=True),
    st.Page("pages/1_Timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/2_Who_said_what.py", title="Who said what", icon=":material/format_quote:", url_path="who-said-what"),
    st.Page("pages/3_Translations.py", title="Translations", icon=":material/translate:", url_path="translations"),
    st.Page("pages/5_People.py", title="People and places", icon=":material/person:", url_path="entity"),
    st.Page("pages/6_Search.py", title="Search", icon=":material/search:", url_path="search"),
    st.Page("pages/4_SQL.py", title="Query", icon=":material/database:", url_path="query"),
]).run()
