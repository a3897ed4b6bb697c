"""Side by side: an article and its translation, sentence by sentence, quotes and dates highlighted."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from pressdesk import audit, render, store
from pressdesk.translate import TARGET_LANGUAGES, article_translations, cached_translations, translate_corpus

ui.page_header("Translations", "Every sentence next to its translation. Translations are cached in the "
               "database: nothing is translated twice, and cached text stays readable offline.")
con = ui.con()


CHOICES = 200  # articles the picker lists at once; typing in "Find" reaches the others


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(gen, text: str, current: str | None) -> tuple[pd.DataFrame, int]:
    return store.article_choices(ui.con(), text or None, CHOICES, current)


gen = ui.generation()
ui.follow_url("article")  # a link from another page wins over the article this session last read there
ui.init("find", default="")
current = None if st.session_state["find"] else st.session_state.get("article") or st.query_params.get("article")
arts, matching = _choices(gen, st.session_state["find"], current)  # a linked article is listed even if not newest
if arts.empty and not st.session_state["find"]:
    st.info("No articles yet: load some on the home page.")
    st.stop()

ids = arts["article_id"].tolist()
labels = {r.article_id: f"{r.title or 'Untitled article'} · {render.outlet_name(r.publisher)} · "
                        f"{r.language or 'language unknown'}" for r in arts.itertuples()}
if st.session_state.get("article") not in ids:
    st.session_state.pop("article", None)
ui.init("article", default=ids[0] if ids else None, options=ids)
ui.init("to", default="en", options=list(TARGET_LANGUAGES))
find, left, right = st.columns([1, 3, 1])
find.text_input("Find", key="find", placeholder="title or outlet")
left.selectbox("Article", ids, key="article", format_func=lambda i: labels.get(i, i),
               help=f"The {CHOICES} newest matching articles are listed; type in Find to reach the others"
               if matching > CHOICES else None)
right.selectbox("Translate into", list(TARGET_LANGUAGES), key="to", format_func=lambda c: f"{TARGET_LANGUAGES[c]} ({c})")
ui.sync_url(["article", "to"])
if not st.session_state.get("article"):
    st.info("No article's title or outlet contains these words.")
    st.stop()

try:
    config = ui.translator_config()
    config_problem = config.problem()
except ValueError as exc:  # a bad setting is the analyst's to fix, not a crash
    config, config_problem = None, str(exc)

article_id, target = st.session_state["article"], st.session_state["to"]
art = store.article(con, article_id)
frame = article_translations(con, article_id, target)
missing = int(frame["translated"].isna().sum())
source_lang = art["language"] or "auto"

provider_text = config.label if config else "not configured"
st.caption(f"Source: {render.md(source_lang)} · target: {target} · provider: {render.md(provider_text)} · "
           f"{len(frame) - missing} of {len(frame)} sentences translated")
if config_problem:
    st.warning(f"Translation is not configured: {render.md(config_problem)}. Cached translations are shown.")

reason_key = f"reason:{article_id}:{target}"
who = ui.require_editor("translate") if missing and config and not config_problem else None
if who and st.button(f"Translate {missing} missing sentence(s)", type="primary"):
    bar = st.progress(0.0, text="Translating…")
    result = translate_corpus(con, target, config, article_id=article_id,
                               progress=lambda done, total: bar.progress(done / max(total, 1),
                                                                         text=f"Translating {done}/{total}…"))
    bar.empty()
    done = sum(r.status == "translated" for r in result.results.values())
    if done:
        ui.safe(audit.log, con, who, "translate", [(article_id, f"into {target} ({result.provider})", None,
                                                    f"{done} sentence(s)")], message="Could not record the change")
    if result.error:
        st.session_state[reason_key] = f"not translated yet — {result.error}"
        (st.warning if result.offline else st.error)(
            ("Offline: " if result.offline else "") + render.md(result.error) + " Cached translations are shown.")
    else:
        st.session_state.pop(reason_key, None)
        st.cache_data.clear()
        st.rerun()
reason = st.session_state.get(reason_key, "not translated yet — press Translate" if config and not config_problem
                              else "not translated yet — no translation provider configured")

if missing:  # said once, above the columns, instead of in every untranslated row
    st.info(f"{missing} sentence{'s' if missing != 1 else ''} {'is' if missing == 1 else 'are'} {reason}. "
            "The right column shows what the cache holds.")
marks = store.article_marks(con, article_id)
quote_texts = store.df(con, "SELECT text, start_char, end_char FROM quotes WHERE article_id = ?", [article_id])
quote_tr = cached_translations(con, quote_texts["text"].tolist(), source_lang, target) if len(quote_texts) else {}
sentences = store.sentences(con, article_id)
rows = []
for s, tr in zip(sentences.itertuples(), frame.itertuples(), strict=True):
    spans = render.clip([(m.start_char, m.end_char, f"pd-{m.kind}", str(m.label or "")) for m in marks.itertuples()],
                        s.start_char, s.end_char)
    original = render.highlight(s.text, spans, offset=s.start_char)
    translated = None
    if isinstance(tr.translated, str):
        tr_spans = []
        for q in quote_texts.itertuples():
            hit = quote_tr.get(q.text)
            pos = tr.translated.find(hit.translated) if hit else -1
            if q.start_char < s.end_char and q.end_char > s.start_char and pos >= 0:
                tr_spans.append((pos, pos + len(hit.translated), "pd-quote", "quote"))
        translated = render.highlight(tr.translated, tr_spans)
        badges = {m[2] for m in spans} - {sp[2] for sp in tr_spans}
        translated += "".join(" 💬" if b == "pd-quote" else " 📅" for b in sorted(badges))
    rows.append((original, translated, ""))
st.html(render.aligned_html(rows))
st.caption("Yellow: quotes · blue: dates. 💬/📅 mark a translated sentence whose quote or date "
           "could not be located word for word in the translation.")


@st.cache_data(show_spinner=False)
def _cache_stats(gen) -> pd.DataFrame:
    from pressdesk.translate import cache

    return cache.stats(ui.con())


def _import_cache(who: str, upload) -> None:
    """Merge an uploaded Parquet cache and say how many rows were imported and skipped."""
    from pressdesk.translate.upload import import_upload

    try:
        result = import_upload(con, upload.getvalue())
    except (ValueError, FileNotFoundError) as exc:
        st.session_state["_pd_cache_import"] = ("error", f"{upload.name} was not imported: {exc}")
        return
    if result.imported:
        ui.safe(audit.log, con, who, "import translations", [(None, upload.name, None, f"{result.imported} row(s)")],
                message="Could not record the change")
    st.session_state["_pd_cache_import"] = ("success", result.summary())
    st.cache_data.clear()
    st.rerun()  # the side-by-side view above reads the new cache


st.divider()
stats = _cache_stats(gen)
with st.expander(f"Translation cache: {int(stats['texts'].sum()) if len(stats) else 0:,} texts · import a cache"):
    if stats.empty:
        st.caption("The cache is empty.")
    else:
        st.dataframe(stats.assign(newest=stats["newest"].astype(str).str[:16]), hide_index=True,
                     column_config={"source_lang": "from", "target_lang": "into",
                                    "texts": st.column_config.NumberColumn("texts", format="%d")})
    st.caption("A cache made where a provider is reachable (`python -m pressdesk translate --export-cache F.parquet`) "
               "can be imported here. Existing translations are kept.")
    who = ui.require_editor("import")
    if who:
        upload = st.file_uploader("Translation cache (Parquet)", type=["parquet"], key="cache_file")
        if st.button("Import", key="import_cache", disabled=upload is None):
            _import_cache(who, upload)
        if done := st.session_state.pop("_pd_cache_import", None):
            kind, message = done
            (st.success if kind == "success" else st.error)(render.md(message))
