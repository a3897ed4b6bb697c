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
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        export_frame(frame).to_excel(writer, index=False, sheet_name="quotes")
    return buf.getvalue()
