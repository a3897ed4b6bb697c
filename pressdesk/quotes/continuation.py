"""Statements with no cue of their own that continue the previous one: a second quotation after an attributed
direct quote, a split quotation ('“A,” said X. “B.”'), a sentence in reported mood after a statement."""

from __future__ import annotations

import re

from pressdesk.entities import canonical_name, same_person
from pressdesk.quotes.attribute import as_speaker as _as_speaker
from pressdesk.quotes.clause import WORD, inner, make, runs_on, trim, via
from pressdesk.quotes.clause import kind_of as _kind_of
from pressdesk.quotes.model import Ctx, Cue, Quote
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker

_ONLY_PUNCT = re.compile(r"[\s.,;!?…]*")


def continuations(ctx: Ctx, unit: Unit, quotes: list[Quote]) -> list[Quote]:
    """A quotation with no cue, right after an attributed direct quote in the same paragraph: same speaker."""
    if not quotes or quotes[-1].kind != "direct":
        return []
    last = quotes[-1]
    out = []
    for qs, qe in ctx.quotes_in(last.end_char, unit.end + 1):
        if not last.end_char < qs or "\n" in ctx.text[last.end_char : qs]:
            continue
        if any(q.start_char <= qs + 1 <= q.end_char for q in quotes) or len(WORD.findall(ctx.text[qs:qe])) < 5:
            continue
        kind = "mixed" if runs_on(ctx.text, qs) else "direct"
        out.append(make(ctx, unit, _as_speaker(last), kind, last.cue, inner(ctx.text, qs, qe), last.via))
    return out


def split_continuation(ctx: Ctx, unit: Unit, cues: list[Cue]) -> list[Quote]:
    """'“A,” said X. “B.”' / '« A », a dit X. « B »': a cue-less quotation opening the next sentence (or a
    paragraph that is only a quotation) continues the latest direct quote when nothing was quoted since."""
    last = ctx.last_direct
    if last is None or ctx.last_end != last.end_char or any(not c.used and c.kind != "relay" for c in cues):
        return []
    quotes = ctx.quotes_in(unit.start, unit.end + 1)
    if not quotes or quotes[0][0] - unit.start > 1 or len(WORD.findall(ctx.text[slice(*quotes[0])])) < 3:
        return []
    qs, qe = quotes[0]
    gap = ctx.text[last.end_char : qs]
    breaks = gap.count("\n")
    if len(WORD.findall(gap)) > 12:
        return []
    if breaks and (breaks > 2 or not _ONLY_PUNCT.fullmatch(ctx.masked[qe : unit.end])):
        return []
    if ctx.mentions_between(qe, unit.end):
        return []
    return [make(ctx, unit, _as_speaker(last), "direct", last.cue, inner(ctx.text, qs, qe), last.via)]


def mood_continuation(ctx: Ctx, unit: Unit, cues: list[Cue], people: list[Speaker]) -> list[Quote]:
    """'X erklärte, die Beschäftigten seien bereit. Das Angebot sei „eine Provokation“.': a sentence in reported
    mood (Konjunktiv I) with no cue and no other person, right after a statement, continues its speaker."""
    last = ctx.disc.last
    if not ctx.prev_spoke or last is None or any(c.kind != "relay" for c in cues):
        return []
    mood = ctx.lex.reported_mood.search(ctx.masked, unit.start, unit.end)
    if mood is None or any(canonical_name(p.name) or any(same_person(p.name, d.name) for d in ctx.disc.people)
                           for p in people):  # another known person: not a continuation ('Angebot der X' is none)
        return []
    span = trim(ctx.text, unit.start, unit.end)
    if mood is None or len(WORD.findall(ctx.text[span[0] : span[1]])) < 4:
        return []
    return [make(ctx, unit, last, _kind_of(ctx, *span), mood.group(), span, via(ctx, unit))]
