"""Transcripts: a line that opens on a speaker's label and a colon ('PESKOV: …', 'Ana Pop: …', 'Dmitri Peskov,
Kremlin spokesman: …') is that speaker's words to the end of the line, with no quotation marks.

Candidates are lines opening on a label; the label must name a speaker (a mention standing there, or a name in
capitals that the article or the gazetteer knows), and the words after it must read as speech (a few words ending
on sentence punctuation): 'Photo: Reuters', 'Source: …', 'Question: …' name nobody and are left alone."""

from __future__ import annotations

import re

from pressdesk.entities import find_entities, key_of
from pressdesk.quotes.clause import WORD, make, trim, via
from pressdesk.quotes.mentions import find_mentions
from pressdesk.quotes.model import Ctx, Quote
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker, from_mention

_LABEL = re.compile(r"[ \t]*([^\n:;.!?«»“”„\"()]{2,80}?)[ \t]*:[ \t]+(?=\S)")
_MAX_LABEL_WORDS = 8  # 'Dmitri Peskov, the Kremlin's spokesman:'
_MIN_WORDS = 4
_SPEECH_END = re.compile(r"[.!?…][\"”»’)]*$")
_CAPITALS = re.compile(r"[A-ZÀ-ÞĂÂÎȘŞȚŢ][A-ZÀ-ÞĂÂÎȘŞȚŢ'’-]+(?:\s+[A-ZÀ-ÞĂÂÎȘŞȚŢ][A-ZÀ-ÞĂÂÎȘŞȚŢ'’-]+){0,2}")
_SPEAKING = ("person", "organisation")


def _opens_line(text: str, pos: int) -> bool:
    """Only blanks stand between pos and the previous line break (read back from pos: no copy of the text)."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


def _label_speaker(ctx: Ctx, start: int, label: str) -> Speaker | None:
    """Who the label names: the mention standing at its start and covering its name, else a name in capitals
    known to the article ('PESKOV' after 'Dmitri Peskov') or to the gazetteer ('VLADIMIR PUTIN')."""
    name = label.split(",")[0].strip()
    m = ctx.mention_at(start, 0)
    if m is not None and m.kind in ("entity", "name", "inst", "role") and m.end >= start + len(name):
        sp = from_mention(m, ctx.disc, ctx.lex)
        return sp if sp is not None and sp.type in _SPEAKING else None
    if not _CAPITALS.fullmatch(name):
        return None
    titled = name.title()
    known = next((p for p in reversed(ctx.disc.people) if p.type == "person" and (
        key_of(p.name) == key_of(titled) or p.name.split()[-1].lower() == titled.split()[-1].lower())), None)
    if known is not None:
        return known
    whole = next((f for f in find_mentions(titled, ctx.lex, find_entities(titled, ctx.language))
                  if f.start == 0 and f.end == len(titled)), None)  # the gazetteer's, not a mere capitalised name
    sp = from_mention(whole, ctx.disc, ctx.lex) if whole is not None and whole.kind == "entity" else None
    return sp if sp is not None and sp.type in _SPEAKING else None


def labelled(ctx: Ctx, unit: Unit) -> tuple[list[Quote], int]:
    """The statement of a labelled line that opens at this unit, and where its line ends (no statement: 0)."""
    if not _opens_line(ctx.text, unit.start) or ctx.quotes_in(unit.start, unit.end):
        return [], 0
    m = _LABEL.match(ctx.masked, unit.start, unit.end)
    if m is None or len(WORD.findall(m.group(1))) > _MAX_LABEL_WORDS:
        return [], 0
    speaker = _label_speaker(ctx, m.start(1), m.group(1))
    if speaker is None:
        return [], 0
    line_end = ctx.masked.find("\n", m.end())
    line_end = len(ctx.masked) if line_end < 0 else line_end
    words = ctx.text[m.end() : line_end].rstrip()
    if len(WORD.findall(words)) < _MIN_WORDS or not _SPEECH_END.search(words):
        return [], 0
    span = trim(ctx.text, m.end(), line_end)
    return [make(ctx, unit, speaker, "direct", m.group(1).strip() + ":", span, via(ctx, unit))], line_end
