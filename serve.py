"""Start the dashboard server: `python serve.py [streamlit options]` runs `streamlit run dashboard.py` with them.

Why not `streamlit run` itself: Streamlit (1.67) decides once per server, when the first session starts, whether the
app takes its pages from a `pages/` folder, as apps made before `st.navigation` did; this app has that folder but
declares its pages and their URLs with `st.navigation` in dashboard.py. Until a first script run has called it, a
link to any page but Home ('/timeline', '/who-said-what?quote=…') shows a "Page not found" dialog over the right
page, to whoever opens the first link after a restart (streamlit/streamlit#8860). Setting the flag before the
server starts removes the dialog; everything else is `streamlit run`."""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

DASHBOARD = Path(__file__).resolve().parent / "dashboard.py"


def main() -> None:
    PagesManager.uses_pages_directory = False  # the pages are dashboard.py's st.navigation, never the folder's files
    sys.argv = ["streamlit", "run", str(DASHBOARD), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
