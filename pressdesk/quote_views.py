"""Views over extracted quotes: statements relayed by several outlets grouped, and table exports."""

from __future__ import annotations

import io

import pandas as pd
from rapidfuzz import fuzz


def affiliation(speaker: str | None, role: str | None = None) -> str | None:
    """The country a speaker speaks for: the gazetteer's country, else one named in the name or role
    ("South Korean Ministry of Foreign Affairs" -> South Korea), so analysts can ask "what did Russia say"."""
    from pressdesk.entities import find_entities, load_gazetteer

    if not speaker:
        return None
    entity = load_gazetteer().by_canonical.get(speaker)
    if entity is not None:
        return entity.canonical if entity.type == "country" else entity.country
    for mention in find_entities(f"{speaker}. {role or ''}"):
        if mention.type == "country":
            return mention.canonical
    return None


SAME_STATEMENT = 72  # token-set similarity (0-100) above which two quotes are one statement relayed twice


def group_statements(frame: pd.DataFrame, text_column: str = "compare_text") -> pd.DataFrame:
    """Add `statement` (group id) and `relays` (size): one speaker's near-identical quotes across articles.

    `text_column` should hold comparable text (a translation into one language where there is one), so
    that the same words relayed in French and Romanian fall together.
    """
    out = frame.copy()
    if out.empty:
        return out.assign(statement=pd.Series(dtype="int64"), relays=pd.Series(dtype="int64"))
    texts = out[text_column].fillna(out["text"]).astype(str).str.lower().tolist()
    speakers = out["speaker"].fillna("").tolist()
    articles = out["article_id"].tolist()
    group = list(range(len(out)))
    for i in range(len(out)):
        for j in range(i):
            if group[j] != j or speakers[i] != speakers[j] or articles[i] == articles[j]:
                continue
            if fuzz.token_set_ratio(texts[i], texts[j]) >= SAME_STATEMENT:
                group[i] = j
                break
    out["statement"] = group
    out["relays"] = out.groupby("statement")["article_id"].transform("nunique")
    return out


EXPORT_COLUMNS = ["speaker", "speaker_role", "speaker_type", "text", "translation", "kind", "cue", "said_on",
                  "publisher", "via", "language", "title", "url", "article_id", "speaker_surface"]


def _defuse(value: object) -> object:
    """Text starting with = + - @ would run as a formula in a spreadsheet: make it plain text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame[[c for c in EXPORT_COLUMNS if c in frame.columns]].copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_defuse)
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    return export_frame(frame).to_csv(index=False).encode("utf-8-sig")  # BOM: Excel opens UTF-8 correctly


def to_excel(frame: pd.DataFrame) -> bytes:
    """An analyst's spreadsheet: real dates, frozen header, autofilter, columns wide enough to read."""
    from openpyxl.styles import Alignment, Font

    out = export_frame(frame)
    if "said_on" in out.columns:
        out["said_on"] = pd.to_datetime(out["said_on"], errors="coerce")
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl", date_format="YYYY-MM-DD", datetime_format="YYYY-MM-DD") as writer:
        out.to_excel(writer, index=False, sheet_name="quotes")
        sheet = writer.sheets["quotes"]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for idx, col in enumerate(out.columns, start=1):
            letter = sheet.cell(row=1, column=idx).column_letter
            sheet.column_dimensions[letter].width = _EXCEL_WIDTHS.get(col, 16)
            if col in ("text", "translation"):
                for cell in sheet[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return buf.getvalue()


_EXCEL_WIDTHS = {"text": 80, "translation": 60, "speaker": 24, "speaker_role": 24, "said_on": 12, "title": 40,
                 "url": 40, "publisher": 18, "cue": 14, "kind": 10, "language": 9, "article_id": 14}
BLANK = "—"


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Quotes for the screen: missing text reads as a dash, never None/nan/NaT."""
    out = frame.copy()
    for col in out.columns:
        if col != "said_on" and (out[col].dtype == object or pd.api.types.is_string_dtype(out[col])):
            out[col] = out[col].map(lambda v: BLANK if v is None or (isinstance(v, float) and pd.isna(v))
                                    or (isinstance(v, str) and not v.strip()) else v)
    if "speaker" in out.columns:
        out.loc[out["speaker"] == BLANK, "speaker"] = "unnamed speaker"
    return out


def cards_markdown(frame: pd.DataFrame, target: str) -> list[str]:
    """One Markdown card per quote (quote text, speaker, outlet, date, link), escaped, for narrow screens."""
    from pressdesk.render import md

    cards = []
    for row in frame.itertuples():
        said = row.said_on if pd.notna(row.said_on) else "date unknown"
        lines = [f"> {md(row.text)}", "",
                 f"**{md(row.speaker)}** · {md(row.publisher)} · {md(said)} · [article](/?article={row.article_id})"]
        translation = getattr(row, "translation", BLANK)
        if translation and translation != BLANK:
            lines.append(f"\n*{md(target)}:* {md(translation)}")
        cards.append("\n".join(lines))
    return cards
