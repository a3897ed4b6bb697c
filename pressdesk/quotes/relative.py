"""A statement named by a noun and opened by a relative attribution ('l'accusation du président selon laquelle A',
'l'affermazione del ministro secondo cui A', 'afirmaţia ministrului potrivit căreia A', 'the claim by X according
to which A'): the one the noun belongs to said A. Markers are data (attribution.toml: relative_attribution)."""

from __future__ import annotations

import re
from functools import lru_cache

from pressdesk.quotes.clause import WORD, content_end, make, resolve, trim
from pressdesk.quotes.clause import kind_of as _kind_of
from pressdesk.quotes.lexicon import attribution_words, listed
from pressdesk.quotes.model import Ctx, Quote
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker

_OWNER_WORDS = 6  # words between the owner of the statement and the marker ('du président français selon laquelle')
_SPEAKING = ("person", "organisation", "unnamed")


@lru_cache(maxsize=16)
def _markers(lang: str) -> re.Pattern[str] | None:
    words = attribution_words(lang, "relative_attribution")
    if not words:
        return None
    return re.compile(rf"(?<![\w’'-])(?:{listed(words, True)})(?![\w’'-])", re.I)


def relative_statements(ctx: Ctx, unit: Unit, relay: str | None, people: list[Speaker],
                        found: list[Quote]) -> list[Quote]:
    """Statements opened by a relative attribution whose owner is named right before it, outside other statements."""
    pat = _markers(ctx.lex.lang)
    if pat is None:
        return []
    out: list[Quote] = []
    for hit in pat.finditer(ctx.masked, unit.start, unit.end):
        if any(q.start_char <= hit.start() < q.end_char for q in found):
            continue
        owners = [m for m in ctx.mentions_between(unit.start, hit.start()) if m.kind not in ("pron", "rel", "agency")]
        if not owners or len(WORD.findall(ctx.masked[owners[-1].end : hit.start()])) > _OWNER_WORDS or re.search(
                r"[,;:]", ctx.masked[owners[-1].end : hit.start()]):
            continue
        speaker = resolve(ctx, owners[-1], people)
        span = trim(ctx.text, hit.end(), content_end(ctx, hit.end(), unit.end))
        if speaker is None or speaker.type not in _SPEAKING or len(WORD.findall(ctx.text[span[0] : span[1]])) < 4:
            continue
        out.append(make(ctx, unit, speaker, _kind_of(ctx, *span), hit.group(), span, relay))
    return out
