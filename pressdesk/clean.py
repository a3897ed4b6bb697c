"""Strip page furniture from article text, driven by data/furniture.toml (no per-outlet code)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
_SOURCE_LINE = re.compile(r"^(?:source|sursa|fonte|quelle|fuente)\s*:\s*(?P<url>https?://\S+)\s*$", re.I)
_CAPTION_PIPES = re.compile(r"^\|\s*(?P<body>.+?)\s*\|$")


@dataclass(frozen=True)
class Furniture:
    cut_after: re.Pattern  # each list of data/furniture.toml compiled into one alternation: one match a line
    drop_line: re.Pattern
    breadcrumb: re.Pattern
    credit_line: tuple[re.Pattern, ...]


@dataclass
class Cleaned:
    text: str
    roles: dict[int, str] = field(default_factory=dict)  # line start offset -> "title" | "caption"
    url: str | None = None
    publisher: str | None = None
    masthead: str | None = None
    removed: list[str] = field(default_factory=list)  # what was dropped, for provenance and tests


@lru_cache(maxsize=4)
def load_furniture(path: str | None = None) -> Furniture:
    raw = tomllib.loads(Path(path or DATA / "furniture.toml").read_text(encoding="utf-8"))

    def full(patterns: list[str]) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(rf"^(?:{p})$", re.I) for p in patterns)

    def one(patterns: list[str]) -> re.Pattern:
        return re.compile("^(?:" + "|".join(f"(?:{p})" for p in patterns) + ")$", re.I)

    return Furniture(
        cut_after=one(raw["cut_after"]),
        drop_line=one(raw["drop_line"]),
        breadcrumb=re.compile(raw["breadcrumb"]),
        credit_line=full(raw["credit_line"]),
    )


def _words(line: str) -> int:
    return len(line.split())


def _is_masthead(line: str, following: str | None) -> bool:
    """A first line of one to three words with no sentence punctuation, before a headline, is the site name."""
    return (
        following is not None
        and 1 <= _words(line) <= 3
        and len(line) <= 30
        and not re.search(r"[.!?:;,\"“”«»„]", line)
        and _words(following) >= 4 and len(following) <= 250
    )


def clean_text(raw: str, furniture: Furniture | None = None) -> Cleaned:
    """Return the article without page furniture; headline, body and (marked) captions are kept."""
    fur = furniture or load_furniture()
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out = Cleaned(text="")
    kept: list[tuple[str, str]] = []  # (line, role)
    seen_early: set[str] = set()
    for line in lines:
        if not line:
            kept.append(("", "blank"))
            continue
        if fur.cut_after.match(line):
            out.removed.append(line)
            break
        source = _SOURCE_LINE.match(line)
        if source:
            out.url = out.url or source.group("url").rstrip(".,;)")
            out.removed.append(line)
            continue
        credit = next((m for p in fur.credit_line if (m := p.match(line))), None)
        if credit:
            out.publisher = out.publisher or credit.group("publisher").strip(" .,-")
            out.removed.append(line)
            continue
        if fur.breadcrumb.match(line) or fur.drop_line.match(line):
            out.removed.append(line)
            continue
        if len(kept) < 40 and line in seen_early:  # the headline repeated by the page template
            out.removed.append(line)
            continue
        seen_early.add(line)
        caption = _CAPTION_PIPES.match(line)
        kept.append((caption.group("body"), "caption") if caption else (line, "body"))

    body = [(ln, role) for ln, role in kept]
    first = next((i for i, (ln, _) in enumerate(body) if ln), None)
    if first is not None:
        following = next((ln for ln, _ in body[first + 1:] if ln), None)
        if _is_masthead(body[first][0], following):
            out.masthead = body[first][0]
            out.removed.append(body[first][0])
            body[first] = ("", "blank")
    _assemble(out, body)
    return out


def _assemble(out: Cleaned, body: list[tuple[str, str]]) -> None:
    """Join kept lines, one blank line between paragraphs, recording each line's role by offset."""
    parts: list[str] = []
    pos = 0
    pending_blank = False
    title_set = False
    for line, role in body:
        if not line:
            pending_blank = bool(parts)
            continue
        if parts:
            sep = "\n\n" if pending_blank else "\n"
            parts.append(sep)
            pos += len(sep)
        pending_blank = False
        if role == "body" and not title_set and _words(line) >= 2 and len(line) <= 250 and not line.endswith("."):
            role = "title"
        if role != "caption":
            title_set = True
        if role != "body":
            out.roles[pos] = role
        parts.append(line)
        pos += len(line)
    out.text = "".join(parts)
