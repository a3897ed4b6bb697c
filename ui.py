"""Streamlit glue shared by the pages: the cached store connection and view state kept in the URL."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from pressdesk import render, store

ROOT = Path(__file__).resolve().parent
SAMPLES = ROOT / "data" / "articles"
AUTO_REFRESH_MAX = 500  # pending articles extracted at start-up (crash, upgrade); more than that get a notice


@st.cache_resource(show_spinner="Opening the corpus…")
def _connection(path: str):
    from pressdesk import pipeline

    con = store.connect(path)
    articles = store.counts(con)["articles"]
    if articles == 0 and SAMPLES.is_dir():
        from pressdesk.ingest import ingest

        ingest(con, [SAMPLES])  # the dashboard opens on the sample corpus with no set-up
    elif len(pipeline.pending(con)) <= AUTO_REFRESH_MAX:
        # articles a crash left unextracted, or a small corpus after an upgrade, are (re-)extracted in a moment
        pipeline.refresh_if_stale(con)
    return con


def con():
    """One DuckDB connection per database file for the whole server; queries use their own cursors."""
    import duckdb

    try:
        return _connection(str(store.db_path()))
    except duckdb.IOException as exc:  # e.g. another process holds the database file's lock
        st.error(f"Cannot open the database {render.md(store.db_path())}: {render.md(str(exc).splitlines()[0])}")
        st.stop()


@st.cache_data(show_spinner=False, ttl=30)
def _stale(gen: tuple) -> bool:
    """Checked once per corpus state (and every 30 s, for a run stopped without changing it), not on every view:
    it reads every article's extraction state and hashes the extractor's files."""
    from pressdesk import pipeline

    return pipeline.is_stale(con())


def stale_notice() -> None:
    """Say so when stored extractions come from an older extractor (large corpora are not redone silently)."""
    if _stale(generation()):
        st.warning("Some articles lack up-to-date dates, events and quotes (extracted by an older version of "
                   "PressDesk, or loaded just before a crash). Run `python -m pressdesk extract --if-stale` to "
                   "extract them.")


def generation() -> tuple:
    """Cache key for st.cache_data: changes when anything in the database changes."""
    return store.generation(con())


@st.cache_data(show_spinner=False)
def translations_of(gen: tuple, pairs: tuple[tuple[str, str], ...], target: str) -> dict[str, str]:
    """Cached translations (no network) of (text, language) pairs into `target`, keyed by text."""
    from pressdesk.translate import cached_translations

    out: dict[str, str] = {}
    for lang in {lg for _, lg in pairs}:
        texts = [t for t, lg in pairs if lg == lang]
        out.update({t: tr.translated for t, tr in cached_translations(con(), texts, lang, target).items()})
    return out


def page_header(title: str, caption: str | None = None) -> None:
    st.set_page_config(page_title=f"PressDesk · {title}", page_icon=":material/newspaper:", layout="wide")
    st.title(title)
    if caption:
        st.caption(caption)
    stale_notice()


# ------------------------------------------------------------------ view state in the URL


def init(key: str, default: Any = None, kind: str = "str", options: Iterable | None = None,
         clean: Callable[[Any], Any] | None = None) -> None:
    """Seed a widget's session state from the URL once, so a shared link reopens the same view (`clean` reduces
    a free-text value from the URL to a valid one)."""
    if key in st.session_state:
        return
    params = st.query_params
    value: Any = default
    if kind == "list":
        value = params.get_all(key) or (default or [])
        if options is not None:
            allowed = set(options)
            value = [v for v in value if v in allowed]
    elif key in params:
        raw = params.get(key)
        value = _parse(raw, kind, default)
        if options is not None and value not in set(options):
            value = default
        if clean is not None:
            value = clean(value)
    st.session_state[key] = value


def _parse(raw: str | None, kind: str, default: Any) -> Any:
    if raw is None:
        return default
    try:
        if kind == "date":
            return date.fromisoformat(raw)
        if kind == "int":
            return int(raw)
        if kind == "bool":
            return raw.lower() in ("1", "true", "yes")
    except ValueError:
        return default
    return raw


def follow_url(key: str) -> None:
    """Adopt the URL's value for `key` when a link changed it: switching pages keeps this session's old value,
    which would otherwise win over the link's."""
    url = st.query_params.get(key)
    if url is not None and url != st.session_state.get(f"_pd_seen_{key}"):
        st.session_state[key] = url
        st.session_state[f"_pd_seen_{key}"] = url


def sync_url(keys: Iterable[str]) -> None:
    """Write the named widgets' values to the URL (empty values are left out)."""
    params: dict[str, Any] = {}
    for key in keys:
        value = st.session_state.get(key)
        if value is None or (not isinstance(value, bool) and value in ("", [], ())):
            continue
        if isinstance(value, list | tuple):
            params[key] = [v.isoformat() if isinstance(v, date) else str(v) for v in value]
        elif isinstance(value, date):
            params[key] = value.isoformat()
        else:
            params[key] = str(value)
    for key in keys:  # what the URL says now, so a later link that changes it is noticed (follow_url)
        seen = params.get(key)
        st.session_state[f"_pd_seen_{key}"] = seen if seen is None or isinstance(seen, str) else None
    want = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    if want != have:
        st.query_params.from_dict(params)


@st.cache_data(show_spinner=False)
def _article_label(gen: tuple, article_id: str) -> str | None:
    return store.article_label(con(), article_id)


def _clear_article() -> None:
    st.session_state["article"] = None
    st.session_state["_pd_chip_gen"] = st.session_state.get("_pd_chip_gen", 0) + 1  # fresh table selections


def article_filter(note: str = "Only this article is shown") -> str | None:
    """The article this page is narrowed to (`?article=<id>`), shown as a removable chip; None for every article.
    An id that names no article is dropped with a one-line notice."""
    init("article")
    follow_url("article")
    article_id = st.session_state.get("article") or None
    if not article_id:
        return None
    label = _article_label(generation(), str(article_id))
    if label is None:
        st.info("The article in the link is not in the corpus: every article is shown.")
        st.session_state["article"] = None
        return None
    short = label if len(label) <= 70 else label[:69].rsplit(" ", 1)[0] + "…"
    chip, text = st.columns([2, 3], vertical_alignment="center")
    chip.button(f"Article: {render.md(short)}", icon=":material/close:", key="article_chip", on_click=_clear_article,
                help="Remove this filter and show every article")
    text.caption(f"{note}. Remove the filter to see every article.")
    return str(article_id)


def chip_generation() -> int:
    """Changes each time the article chip is removed: tables keyed with it drop their old selection."""
    return int(st.session_state.get("_pd_chip_gen", 0))


def translator_config():
    """Provider settings from st.secrets over the environment; the result never shows its keys."""
    from pressdesk.translate.config import TranslatorConfig

    secrets: Any = {}
    with contextlib.suppress(Exception):  # no secrets.toml: the environment alone configures translation
        secrets = dict(st.secrets)
    return TranslatorConfig.from_mapping(secrets, env=True)


def safe(fn: Callable[..., Any], *args: Any, message: str = "Something went wrong", **kwargs: Any) -> Any:
    """Run a domain call; an unexpected error becomes a clear message instead of a traceback."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the analyst gets one line, the log gets the details
        st.error(f"{render.md(message)}: {render.md(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)}")
        return None


# ------------------------------------------------------------------ who may edit


def _secrets() -> dict[str, Any]:
    with contextlib.suppress(Exception):  # no secrets.toml: the environment alone configures access
        return dict(st.secrets)
    return {}


def access_config():
    """How editors are recognised here: [auth] in secrets.toml, an editor password, or a loopback-only server."""
    import os

    from streamlit import config

    from pressdesk import access

    return access.configure(_secrets(), os.environ, config.get_option("server.address"))


def _user() -> dict:
    with contextlib.suppress(Exception):
        return st.user.to_dict()
    return {}


def editor() -> str | None:
    """The signed-in editor's name for the audit, or None for a read-only viewer."""
    from pressdesk import access

    cfg = access_config()
    if cfg.mode == "local":
        return access.LOCAL_EDITOR
    if cfg.mode == "oidc":
        return access.oidc_editor(cfg, _user())
    if cfg.mode == "password":
        return st.session_state.get("_pd_editor")
    return None


def _password_sign_in(cfg, key: str) -> None:
    import time

    from pressdesk import access

    with st.form(f"sign_in_{key}", border=True):
        st.caption(access.read_only_reason(cfg))
        name = st.text_input("Your name (for the change log)", key=f"sign_in_name_{key}", max_chars=80)
        attempt = st.text_input("Editor password", type="password", key=f"sign_in_password_{key}")
        if st.form_submit_button("Sign in"):
            if access.password_ok(cfg, attempt):
                st.session_state["_pd_editor"] = access.editor_name(name)
                st.rerun()
            time.sleep(1.0)  # slows guessing down; the comparison itself is constant-time
            st.error("Wrong password.")


def require_editor(key: str = "main") -> str | None:
    """The editor's name, or (for a viewer) a sign-in box in its place and None: edits need an editor."""
    from pressdesk import access

    who = editor()
    if who:
        return who
    cfg = access_config()
    if cfg.mode == "oidc":
        user = _user()
        if user.get("is_logged_in"):
            st.info(f"Signed in as {render.md(user.get('email') or user.get('name') or '?')}, "
                    "who is not an editor. Viewing is read-only.")
            st.button("Sign out", key=f"sign_out_{key}", on_click=st.logout)
        else:
            st.caption(access.read_only_reason(cfg))
            for provider in access.oidc_providers(_secrets().get("auth")):
                label = f"Sign in with {provider}" if provider else "Sign in to edit"
                st.button(label, key=f"sign_in_{key}_{provider}", on_click=st.login,
                          args=(provider,) if provider else ())
    elif cfg.mode == "password":
        _password_sign_in(cfg, key)
    else:
        st.info(access.read_only_reason(cfg))
    return None

