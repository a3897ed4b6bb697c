"""A second cue coordinated with the first and sharing its subject ('X said that A - but insisted B', 'a déclaré
que A, mais a assuré que B', 'ha detto che A, ma ha assicurato che B', 'a declarat că A, dar a precizat că B'):
two statements of one speaker, the first ending before the coordinator."""

from __future__ import annotations

import re
from functools import lru_cache

from pressdesk.quotes.lexicon import attribution_words, listed
from pressdesk.quotes.model import Ctx, Cue, Quote

_BREAK = re.compile(r"\s*(?:,|\s[-–—])\s*")  # ', but' / ' - but' / ' — mais'


@lru_cache(maxsize=16)
def _coordinators(lang: str) -> re.Pattern[str] | None:
    words = attribution_words(lang, "coordination")
    if not words:
        return None
    return re.compile(rf"(?:{listed(words, True)})\s+", re.I)


def _cue_after(ctx: Ctx, pos: int, end: int) -> bool:
    """A finite or participle speech cue opens the text at pos, after fillers ('but later insisted')."""
    f = ctx.lex.fillers.match(ctx.masked, pos, end)
    m = ctx.lex.cue.match(ctx.masked, f.end() if f else pos, end)
    return m is not None and m.tense != "gerund" and m.kind not in ("relay", "stance", "aside", "request")


def coordinated_end(ctx: Ctx, start: int, end: int) -> int:
    """Where a statement stops before ', but/and + cue' (the coordinated cue's own statement follows), else end."""
    coord = _coordinators(ctx.lex.lang)
    if coord is None:
        return end
    for b in _BREAK.finditer(ctx.masked, start, end):
        c = coord.match(ctx.masked, b.end(), end)
        if c is not None and _cue_after(ctx, c.end(), end):
            return b.start()
    return end


def shares_subject(ctx: Ctx, cue: Cue, found: list[Quote]) -> bool:
    """The cue follows the previous statement of its sentence with only a coordinator between them."""
    coord = _coordinators(ctx.lex.lang)
    prev = max((q.end_char for q in found if q.end_char <= cue.start), default=-1)
    if coord is None or prev < 0:
        return False
    b = _BREAK.match(ctx.masked, prev, cue.start)
    c = coord.match(ctx.masked, b.end() if b else prev, cue.start)
    if c is None:
        return False
    f = ctx.lex.fillers.match(ctx.masked, c.end(), cue.start)
    return (f.end() if f else c.end()) == cue.start
