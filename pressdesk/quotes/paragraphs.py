"""Quotations that run over paragraphs, as English copy writes them: each paragraph of the quotation opens with a
quotation mark and only the last one closes it ('“A.' / '“B,” X said.'). The open paragraphs are quotations too, and
the speaker named where the quotation closes said them all."""

from __future__ import annotations

from dataclasses import replace

from pressdesk.quotes.clause import inner
from pressdesk.quotes.lexicon import quote_pairs
from pressdesk.quotes.model import Quote
from pressdesk.quotes.spans import Unit


def _openers() -> frozenset[str]:
    return frozenset(opener for opener, _ in quote_pairs())


def _paragraphs(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line before `limit`, without its surrounding spaces."""
    out, pos = [], 0
    for line in text[:limit].split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def open_paragraph_spans(text: str, limit: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs that open a quotation they do not close, followed by a paragraph that opens with the same mark:
    each is a quotation to its end (a quotation mark never closes one, as 'find_quote_spans' keeps to a paragraph)."""
    openers = _openers()
    starts = {s for s, _ in spans}
    paras = _paragraphs(text, limit)
    out = []
    for (s, e), (ns, _) in zip(paras, paras[1:], strict=False):
        mark = text[s]
        if mark not in openers or s in starts or text[ns] != mark or e - s < 20:
            continue
        if any(s < a < e for a, _ in spans):  # a quotation closed inside the paragraph: its mark was no opener
            continue
        out.append((s, e))
    return out


def carried_back(text: str, quotes: list[Quote], open_spans: list[tuple[int, int]], units: list[Unit]) -> list[Quote]:
    """Each open paragraph becomes a direct statement of whoever said the paragraph after it (found from the last
    paragraph of the quotation back to the first). An open paragraph holds no cue of its own (it opens on the mark and
    closes nothing), so what the cue-less stages gave it (the speaker who held the floor) gives way."""
    out = list(quotes)
    for s, e in reversed(open_spans):
        nxt = text.find("\n", e)
        nxt = len(text) if nxt < 0 else nxt + len(text[nxt:]) - len(text[nxt:].lstrip())
        follower = next((q for q in out if nxt <= q.start_char <= nxt + 2 and q.kind == "direct"), None)
        if follower is None:
            continue
        a, b = inner(text, s, e)  # as the stages read an open span: its last character stands for the closing mark
        unit = next((u for u in units if u.start <= s < u.end), None)
        out = [q for q in out if not (q.start_char < e and s < q.end_char)]
        out.append(replace(follower, sentence_idx=unit.sentence_idx if unit else follower.sentence_idx,
                           start_char=a, end_char=b, text=text[a:b]))
    return sorted(out, key=lambda q: q.start_char)
