"""Who said what: every attributed statement, its speaker, cue, date, relaying outlet and context."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import statement_cards
import ui
from pressdesk import audit, quote_views, render, store
from pressdesk.store import quote_queries as qq
from pressdesk.store import story_queries as sq
from pressdesk.translate.config import target_code

ui.page_header("Who said what", "Direct, indirect and mixed quotes with the speaker resolved to a canonical "
               "name, in every language of the corpus.")
con = ui.con()
KINDS = ["direct", "indirect", "mixed"]
TYPES = ["person", "organisation", "country", "unnamed"]
SORTS = {"said on": "said_on", "speaker": "speaker", "outlet": "publisher", "language": "language", "kind": "kind"}


GROUPS_PER_PAGE = 20  # statement cards per page, paged in DuckDB


@st.cache_data(show_spinner=False, max_entries=64)
def _groups(gen, speakers, types, kinds, languages, start, end, text, min_reports, order, page, article=None):
    """One page of statements (groups of reports across languages and outlets) and how many match."""
    return sq.statement_groups(ui.con(), None if speakers is None else list(speakers), list(types) or None,
                               list(kinds) or None, list(languages) or None, start, end, text or None,
                               article=article, min_reports=min_reports, order=order, limit=GROUPS_PER_PAGE,
                               offset=page * GROUPS_PER_PAGE)


PAGE_SIZE = 50  # rows sent to the browser at a time: paged in DuckDB, never the whole corpus
SPEAKER_QUOTES = 300  # a speaker's newest quotes grouped into statements


@st.cache_data(show_spinner=False, max_entries=64)
def _page(gen, flt: qq.QuoteFilter, sort: str, desc: bool, page: int) -> tuple[pd.DataFrame, int]:
    """One page of matching quotes and how many match, both from SQL (cached per query)."""
    rows = qq.quotes_page(ui.con(), flt, sort, desc, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return rows, qq.quotes_count(ui.con(), flt)


def _with_translations(frame: pd.DataFrame, target: str) -> pd.DataFrame:
    translations = ui.translations_of(gen, tuple(zip(frame["text"], frame["language"], strict=True)), target)
    return frame.assign(translation=[translations.get(t) for t in frame["text"]])


def _export(flt: qq.QuoteFilter, sort: str, desc: bool, target: str, writer):
    """Every matching quote, read only when the analyst clicks an export button."""
    return lambda: writer(_with_translations(qq.quotes_page(ui.con(), flt, sort, desc, limit=None), target))


@st.cache_data(show_spinner=False)
def _options(gen):
    return store.speakers(ui.con()), store.facets(ui.con())


@st.cache_data(show_spinner=False)
def _affiliations(gen) -> dict[str, str]:
    pairs = qq.speaker_affiliations(ui.con())
    out: dict[str, str] = {}
    for row in pairs.itertuples():
        country = quote_views.affiliation(row.speaker, row.speaker_role)
        if country and row.speaker not in out:
            out[row.speaker] = country
    return out


def _translate_missing(missing: pd.DataFrame, target: str, who: str) -> None:
    """Fetch missing quote translations (bounded, fail-fast); the cache keeps them for every later view."""
    from pressdesk.translate import translate_texts

    try:
        config = ui.translator_config()
    except ValueError as exc:
        st.warning(f"Translation is not configured: {render.md(exc)}")
        return
    if config.problem():
        st.warning(f"Translation is not configured: {render.md(config.problem())}")
        return
    bar = st.progress(0.0, text="Translating quotes…")
    for lang, group in missing.groupby("language"):
        result = translate_texts(ui.con(), group["text"].tolist(), lang, target, config,
                                 progress=lambda d, t: bar.progress(d / max(t, 1), text=f"Translating {d}/{t}…"))
        done = sum(r.status == "translated" for r in result.results.values())
        if done:
            ui.safe(audit.log, ui.con(), who, "translate", [(None, f"quotes {lang} into {target} ({result.provider})",
                                                             None, f"{done} quote(s)")],
                    message="Could not record the change")
        if result.error:
            bar.empty()
            st.warning(("Offline: " if result.offline else "") + render.md(result.error))
            return
    bar.empty()
    st.cache_data.clear()
    st.rerun()


gen = ui.generation()
speaker_table, facets = _options(gen)
speaker_names = speaker_table["speaker"].tolist()
affiliations = _affiliations(gen)
countries = sorted(set(affiliations.values()))
with st.sidebar:
    st.header("Filters")
    ui.init("speaker", kind="list", options=speaker_names)
    ui.init("country", kind="list", options=countries)
    ui.init("type", kind="list", options=TYPES)
    ui.init("kind", kind="list", options=KINDS)
    ui.init("lang", kind="list", options=facets["languages"])
    ui.init("from", kind="date")
    ui.init("to", kind="date")
    ui.init("q", default="")
    ui.init("sort", default="said on", options=list(SORTS))
    ui.init("desc", default=True, kind="bool")
    ui.init("to_lang", default="en", clean=target_code)
    st.multiselect("Speaker", speaker_names, key="speaker")
    st.multiselect("Speaking for (country)", countries, key="country",
                   help="People, bodies and governments of these countries")
    st.multiselect("Speaker is a", TYPES, key="type")
    st.multiselect("Kind", KINDS, key="kind")
    st.multiselect("Language", facets["languages"], key="lang")
    st.date_input("Said from", key="from")
    st.date_input("Said to", key="to")
    st.text_input("Text contains", key="q", help="Searches the quote, the speaker and the cue")
    st.selectbox("Sort by", list(SORTS), key="sort")
    st.toggle("Newest / Z first", key="desc")
    st.text_input("Translation language", key="to_lang", max_chars=5)

article = ui.article_filter("Only this article's quotes are shown")
speakers = tuple(st.session_state["speaker"]) or None
if st.session_state["country"]:  # a country is the set of speakers who speak for it
    wanted = set(st.session_state["country"])
    speaking_for = {s for s, c in affiliations.items() if c in wanted}
    speakers = tuple(sorted(speaking_for & set(speakers) if speakers else speaking_for))
flt = qq.QuoteFilter(speakers, tuple(st.session_state["type"]) or None, tuple(st.session_state["kind"]) or None,
                     tuple(st.session_state["lang"]) or None, st.session_state["from"], st.session_state["to"],
                     st.session_state["q"] or None, article)
sort, desc = SORTS[st.session_state["sort"]], st.session_state["desc"]
target = target_code(st.session_state["to_lang"])
ui.init("page", default=1, kind="int")
_, total = _page(gen, flt, sort, desc, 1)
pages = max(1, -(-total // PAGE_SIZE))
st.session_state["page"] = min(max(1, int(st.session_state["page"] or 1)), pages)
quotes, _ = _page(gen, flt, sort, desc, st.session_state["page"])
quotes = _with_translations(quotes, target)
quotes["link"] = "/?article=" + quotes["article_id"]

TABS = ["Quotes", "Statements", "Speaker view"]
wanted_tab = st.query_params.get("tab") if st.query_params.get("tab") in TABS else TABS[0]
table_tab, statements_tab, speaker_tab = st.tabs(TABS, default=wanted_tab, key="tab", on_change="rerun")
with table_tab:
    missing = quotes[quotes["translation"].isna() & (quotes["language"] != target)]
    if quotes.empty:
        st.info("No quotes match these filters.")
    else:
        first = (st.session_state["page"] - 1) * PAGE_SIZE
        st.caption(f"{total:,} quote{'s' if total != 1 else ''}"
                   + (f", {first + 1:,} to {first + len(quotes):,} shown" if pages > 1 else "")
                   + ". Select a row to read it in context below, or switch to cards for a narrow screen.")
    if pages > 1:
        st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key="page")
    who = ui.require_editor("translate") if len(missing) else None
    if who and st.button(f"Translate {len(missing)} quote(s) on this page into {target}"):
        _translate_missing(missing, target, who)
    ui.init("cards", default=False, kind="bool")
    st.toggle("Cards (narrow screens)", key="cards", help="One card per quote, full text: easier on a phone")
    shown = quote_views.display_frame(quotes)
    picked = None
    if st.session_state["cards"]:
        for card in quote_views.cards_markdown(shown, target):
            st.container(border=True).markdown(card)
    elif not quotes.empty:
        # said on, speaker, quote, outlet and link first, so they are on screen; tall rows wrap the quote
        picked = st.dataframe(
            shown[["said_on", "speaker", "text", "translation", "publisher", "link", "speaker_role", "kind", "cue",
                   "via", "language"]],
            hide_index=True, on_select="rerun", selection_mode="single-row", key="quote_table", row_height=84,
            height=min(len(shown), 10) * 84 + 40,  # ten wrapped quotes on screen, the rest by scrolling
            column_config={
                "said_on": st.column_config.DateColumn("said on", width=90),
                "speaker": st.column_config.TextColumn("speaker", width=150),
                "text": st.column_config.TextColumn("quote", width=420),
                "translation": st.column_config.TextColumn(f"translation ({target})", width=320),
                "publisher": st.column_config.TextColumn("outlet", width=110),
                "link": st.column_config.LinkColumn("article", display_text="open", width=60),
                "speaker_role": "role",
            },
        )
    ids = quotes["quote_id"].tolist()
    ui.init("quote")
    if picked and picked.selection.rows:
        st.session_state["quote"] = ids[picked.selection.rows[0]]
    c1, c2 = st.columns(2)
    c1.download_button("Export CSV", _export(flt, sort, desc, target, quote_views.to_csv), "pressdesk-quotes.csv",
                       "text/csv", disabled=quotes.empty)
    c2.download_button("Export Excel", _export(flt, sort, desc, target, quote_views.to_excel), "pressdesk-quotes.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", disabled=quotes.empty)

    chosen = st.session_state.get("quote")
    found = quotes[quotes["quote_id"] == chosen] if chosen in ids else None
    if chosen and found is None:  # a quote from a link or another page: fetched by id
        one = qq.quote(con, chosen)
        found = None if one is None else _with_translations(pd.DataFrame([one]), target)
    if found is not None:
        row = {k: (None if not isinstance(v, list | tuple) and pd.isna(v) else v)  # NaN/NaT read as "unknown"
               for k, v in found.iloc[0].items()}
        st.subheader(render.md(row['speaker'] or row['speaker_surface'] or 'Unnamed')
                     + (f" — {render.md(row['speaker_role'])}" if row["speaker_role"] else ""))
        st.caption(f"{row['kind']} quote · cue “{render.md(row['cue'])}” · said on {row['said_on'] or 'unknown'} · "
                   f"{render.md(row['publisher'])}" + (f" via {render.md(row['via'])}" if row["via"] else ""))
        sents = store.sentences(con, row["article_id"])
        focus_idx = int(row["sentence_idx"]) if pd.notna(row["sentence_idx"]) else 0
        window = sents[(sents["idx"] >= focus_idx - 2) & (sents["idx"] <= focus_idx + 2)]
        focus = set(sents[(sents["end_char"] > row["start_char"]) & (sents["start_char"] < row["end_char"])]["idx"])
        st.html(render.article_html(window.to_dict("records"),
                                    [(int(row["start_char"]), int(row["end_char"]), "pd-quote", row["cue"] or "")],
                                    focus=focus or {focus_idx}))
        if row["translation"]:
            st.caption(f"{target}: {render.md(row['translation'])}")
        # a page_link inside st.tabs makes Streamlit 1.67 show a spurious "Page not found": a plain link instead
        st.markdown(f"[Whole article](/?article={row['article_id']})")

with statements_tab:
    # one card per statement: its reports in every language and outlet, and why they are one
    group_speakers = tuple(st.session_state["speaker"]) or None
    if st.session_state["country"]:
        speaking_for = {s for s, c in affiliations.items() if c in set(st.session_state["country"])}
        group_speakers = tuple(sorted(speaking_for & set(group_speakers) if group_speakers else speaking_for))
    ui.init("multi", default=False, kind="bool")
    ui.init("gorder", default="newest", options=list(sq.GROUP_ORDERS))
    ui.init("gpage", default=1, kind="int")
    c1, c2 = st.columns([1, 1])
    c1.toggle("Only statements reported more than once", key="multi")
    c2.selectbox("Order", list(sq.GROUP_ORDERS), key="gorder")
    group_args = (gen, group_speakers, tuple(st.session_state["type"]), tuple(st.session_state["kind"]),
                  tuple(st.session_state["lang"]), st.session_state["from"], st.session_state["to"],
                  st.session_state["q"], 2 if st.session_state["multi"] else None, st.session_state["gorder"])
    _, n_groups = _groups(*group_args, 0, article)
    group_pages = max(1, -(-n_groups // GROUPS_PER_PAGE))
    st.session_state["gpage"] = min(max(1, int(st.session_state["gpage"] or 1)), group_pages)
    groups, _ = _groups(*group_args, st.session_state["gpage"] - 1, article)
    if groups.empty:
        st.info("No statement matches these filters.")
    else:
        several = int((groups["reports"] > 1).sum())
        st.caption(f"{n_groups:,} statement{'s' if n_groups != 1 else ''}; reports of one statement in several "
                   "languages and outlets are one card, with the reason they were grouped"
                   + (f" ({several} on this page have several reports)." if several else "."))
        if group_pages > 1:
            st.number_input(f"Page (of {group_pages:,})", min_value=1, max_value=group_pages, step=1, key="gpage")
        statement_cards.show(groups, target, gen)

with speaker_tab:
    ui.init("who", options=speaker_names)
    said_count = dict(zip(speaker_table["speaker"], speaker_table["quotes"], strict=True))
    st.selectbox("Speaker", speaker_names, key="who", index=None, placeholder="Choose a speaker",
                 format_func=lambda s: f"{s} ({int(said_count[s])})")
    who = st.session_state.get("who")
    if who:
        said, n_said = _groups(gen, (who,), (), (), (), None, None, "", None, "oldest", 0, article)
        n_quotes = int(said["reports"].sum()) if len(said) else 0
        st.caption(f"{n_said:,} distinct statement(s), in date order; the same statement reported in several "
                   "languages or outlets is one card."
                   + (f" The first {len(said)} are shown: the Statements tab pages through all of them."
                      if n_said > len(said) else f" {n_quotes} report(s) in all."))
        statement_cards.show(said, target, gen, with_speaker=False)

ui.sync_url(["article", "tab", "cards", "multi", "gorder", "gpage", "speaker", "country", "type", "kind", "lang", "from", "to", "q", "sort", "desc", "to_lang", "quote", "who"]
            + (["page"] if st.session_state.get("page", 1) > 1 else []))
