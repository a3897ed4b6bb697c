"""Tail attribution: the statement comes first and its attribution closes the clause ('CONTENT, a indiqué X',
'CONTENT, the minister said', 'A, spiegano gli investigatori, B')."""

from __future__ import annotations

import re

from pressdesk.dates.text import fold
from pressdesk.quotes.clause import INFINITIVE, WORD, content_end, first_word, trim
from pressdesk.quotes.lexicon import attribution_words
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx, Cue, Quote
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.subjects import apposition_before, opens_on_aside_verb, speaker_left, speaker_right

_TAIL_END = re.compile(r"[^,;:.!?]*")
_AS = frozenset({"as", "wie", "comme", "come", "como", "cum", "după"})  # 'CONTENT, as the company said'

def segment_start(ctx: Ctx, unit: Unit, cues: list[Cue], cue: Cue, found: list[Quote]) -> int:
    """Where the content before a cue may begin: after the last used cue or statement of the unit."""
    start = max([c.end for c in cues if c.used and c.end <= cue.start] + [unit.start])
    return max([q.end_char + 1 for q in found if q.end_char < cue.start] + [start])


def tail_ok(ctx: Ctx, pos: int, end: int) -> bool:
    """After a postposed/inverted attribution: nothing, a comma, or a short prepositional/time phrase."""
    seg = _TAIL_END.match(ctx.masked, pos, end)
    words = WORD.findall(seg.group()) if seg else []
    if not words:
        return True
    first = words[0].lower()
    if first in attribution_words(ctx.lex.lang, "infinitive_markers") and any(
            INFINITIVE.fullmatch(w) for w in words[1:3]):
        return False  # 'ha risposto di non avere informazioni': the cue's own content follows it
    if len(words) > 8 or ctx.lex.complementizer.search(seg.group()):
        return False
    if first in ctx.lex.case_prepositions:
        return True  # 'in a statement', 'à la presse'
    lead = ctx.lex.fillers.match(ctx.masked, pos + len(seg.group()) - len(seg.group().lstrip()))
    if lead is None:
        return False
    rest = WORD.findall(ctx.masked[lead.end() : pos + len(seg.group())])
    # fillers, then nothing, a prepositional phrase or a date ('later on Monday', 'lundi à la presse'); not a
    # clause that merely opens on one ('said the troops were in Kursk')
    return not rest or rest[0].lower() in ctx.lex.case_prepositions or all(fold(w) in ctx.lex.calendar for w in rest)


def tail_attribution(ctx: Ctx, unit: Unit, cue: Cue, start: int) -> tuple[Mention, tuple[int, int]] | None:
    """'CONTENT, a indiqué X' / 'CONTENT, X said in an interview': the clause before the comma is the statement."""
    before = ctx.masked[start : cue.start]
    if before.rstrip().endswith(","):  # inverted: the speaker follows the cue
        m = speaker_right(ctx, cue, unit.end)
        comma = start + len(before.rstrip()) - 1
        after = m.end if m else 0
    else:  # postposed subject: 'CONTENT, the minister said'
        comma = ctx.masked.rfind(",", start, cue.start)
        m = speaker_left(ctx, cue, comma + 1) if comma >= 0 else None
        if m is None or m.kind == "rel":
            return None
        if relative_after_subject(ctx, start, comma):
            return None  # 'The diplomat, who spoke on condition of anonymity, said X': no statement before the comma
        lead = WORD.findall(ctx.masked[comma + 1 : m.start])
        after_as = 3 if lead and lead[0].lower() in _AS else 1  # 'wie das Unternehmen am Montag mitteilte'
        if any(w.lower() not in ctx.lex.determiners and w.lower() not in _AS for w in lead) or len(
                WORD.findall(ctx.masked[m.end : cue.start])) > after_as:
            return None
        after = cue.end
    if m is None or m.kind in ("agency", "rel") or comma < start or apposition_before(ctx, start, comma):
        return None
    span = trim(ctx.text, start, comma)
    if len(WORD.findall(ctx.text[span[0] : span[1]])) < 4 or not tail_ok(ctx, after, unit.end):
        return None
    if first_word(ctx.masked, span[0], span[1]) in attribution_words(ctx.lex.lang, "question_lead_ins"):
        return None  # 'Întrebat dacă va demisiona, premierul a răspuns': what was asked, not what was said
    if parenthetical(ctx, after, unit.end):  # 'A, spiegano gli investigatori, B.': the statement is A and B
        span = trim(ctx.text, start, content_end(ctx, after, unit.end))
    return m, span


def parenthetical(ctx: Ctx, pos: int, end: int) -> bool:
    """The inverted attribution is set between commas inside its sentence and the statement goes on after it."""
    rest = ctx.masked[pos:end]
    if not rest.lstrip().startswith(",") or len(WORD.findall(rest)) < 3 or ctx.lex.cue.search(rest):
        return False
    return first_word(rest, 0, len(rest)) not in ctx.lex.relatives  # ', qui ont aussi fixé': about the speaker


def relative_after_subject(ctx: Ctx, start: int, comma: int) -> bool:
    """The clause before the comma is only a subject and its relative clause ('The diplomat, who spoke on
    condition of anonymity,') or an aside about it ('Peskov, asked about the reports,'), so no statement of its own."""
    first = ctx.masked.find(",", start, comma)
    if first < 0 or len(WORD.findall(ctx.masked[start:first])) > 5 or "," in ctx.masked[first + 1 : comma]:
        return False
    return first_word(ctx.masked, first + 1, comma) in ctx.lex.relatives or opens_on_aside_verb(ctx, first + 1, comma)
