"""Statements attributed after the fact: a sentence that opens on a lead-in pointing back ('Lo ha detto X.', 'È
quanto ha dichiarato X.', "C'est ce qu'a déclaré X.") hands the sentence before it to the speaker named after its
cue. The lead-ins are data (`retrospective` in attribution.toml)."""

from __future__ import annotations

import re
from functools import lru_cache

from pressdesk.quotes.clause import WORD, kind_of, make, resolve, trim
from pressdesk.quotes.lexicon import apostrophe_forms, attribution_words
from pressdesk.quotes.model import Ctx, Cue, Quote
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker
from pressdesk.quotes.subjects import speaker_left, speaker_right

_MIN_WORDS = 4  # the sentence handed over must say something
_TAIL_WORDS = 12  # the pointing sentence holds the cue, the speaker and little else ('nel corso di una conferenza')


@lru_cache(maxsize=16)
def _lead_in(lang: str) -> re.Pattern[str] | None:
    forms = attribution_words(lang, "retrospective")
    if not forms:
        return None
    return re.compile(rf"\s*(?:{apostrophe_forms(forms)})(?:(?<=['’])|\s+)", re.I)


_OBJECT_CLITIC = re.compile(r"(?<![\w’'])[lL]['’]\Z")  # 'X l'a affirmé', "L'ha detto X": the object points back


def retrospective(ctx: Ctx, unit: Unit, before: Unit | None, cues: list[Cue], relay: str | None,
                  people: list[Speaker]) -> list[Quote]:
    """The previous sentence as the statement of the speaker this one names, when this one only points back."""
    clitic = next((c for c in cues if not c.used and _OBJECT_CLITIC.search(ctx.masked, max(0, c.start - 3), c.start)),
                  None)
    if clitic is not None:  # 'Ana Pop l'a affirmé lundi': what it affirmed is the sentence before, not 'lundi'
        clitic.used = True
        speaker = resolve(ctx, speaker_left(ctx, clitic, unit.start) or speaker_right(ctx, clitic, unit.end), people)
        return _handed_over(ctx, before, speaker, clitic, relay)
    pat = _lead_in(ctx.lex.lang)
    lead = pat.match(ctx.masked, unit.start, unit.end) if pat is not None and before is not None else None
    if lead is None or ctx.prev_spoke:
        return []
    cue = next((c for c in cues if not c.used and (c.start < lead.end() < c.end or c.start >= lead.end() and not ctx.masked[
        lead.end() : c.start].strip())), None)  # right after the lead-in, or holding it ('è quanto ha dichiarato')
    if cue is None or len(WORD.findall(ctx.masked[cue.end : unit.end])) > _TAIL_WORDS:
        return []
    speaker = resolve(ctx, speaker_right(ctx, cue, unit.end), people)
    if speaker is None:
        return []
    cue.used = True
    return _handed_over(ctx, before, speaker, cue, relay)


def _handed_over(ctx: Ctx, before: Unit | None, speaker: Speaker | None, cue: Cue, relay: str | None) -> list[Quote]:
    """The sentence before, as this speaker's statement (nothing without a sentence or a speaker, or when the
    sentence before was already someone's)."""
    if before is None or speaker is None or speaker.type not in ("person", "organisation") or ctx.prev_spoke:
        return []
    span = trim(ctx.text, before.start, before.end)
    if len(WORD.findall(ctx.text[span[0] : span[1]])) < _MIN_WORDS:
        return []
    return [make(ctx, before, speaker, kind_of(ctx, *span), cue.surface, span, relay)]
