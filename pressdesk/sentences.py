"""Language-aware sentence splitting that keeps character offsets into the clean text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sentencex import segment

_BLOCK = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str
    role: str = "body"  # "title" | "body" | "caption"


def split_sentences(text: str, language: str | None, roles: dict[int, str] | None = None) -> list[Sentence]:
    """Split each line (a paragraph) with sentencex; offsets satisfy text[start:end] == sentence.

    `roles` maps a line's start offset to its role (title, caption); other lines are body.
    """
    lang = (language or "en").lower()
    out: list[Sentence] = []
    for block in _BLOCK.finditer(text):
        role = (roles or {}).get(block.start(), "body")
        cursor = block.start()
        for piece in segment(lang, block.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, cursor, block.end())
            if start < 0:  # segmenter normalised something: fall back to the cursor position
                continue
            end = start + len(stripped)
            out.append(Sentence(len(out), start, end, stripped, role))
            cursor = end
    return out
