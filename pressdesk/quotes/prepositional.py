"""Prepositional attribution: 'selon X', 'according to X', 'potrivit lui X', 'For the minister, ...'."""

from __future__ import annotations

import re

from pressdesk.entities import same_person
from pressdesk.quotes.affiliation import name_honorifics
from pressdesk.quotes.clause import WORD, clause_comma, content_end, first_word, inner, make, resolve, trim
from pressdesk.quotes.clause import kind_of as _kind_of
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx, Quote
from pressdesk.quotes.orgs import extend_name, nominative
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker

_ONLY_PUNCT = re.compile(r"[\s.,;!?…]*")
_COORD = re.compile(r"^\s*(?:and|et|e|și|şi|y|und)\s+\S+(?:\s+\S+){0,3}")
_PROPER = re.compile(r"[A-ZÀ-Þ][\w’'-]+(?!\s+[A-ZÀ-Þ])")
_HONORIFIC = re.compile(r"(\w+)(\.)?\s+(?=[A-Z])")


def prepositional(ctx: Ctx, unit: Unit, relay: str | None, people: list[Speaker], taken: bool) -> list[Quote]:
    """'selon X', 'according to X', 'For the minister, ...' (when no cue in the unit carries the statement)."""
    out: list[Quote] = []
    if taken:
        return out
    for p in ctx.lex.preposition.finditer(ctx.masked, unit.start, unit.end):
        word = p.group().lower()
        head = ctx.masked[unit.start : p.start()].strip()
        if word in ctx.lex.weak_prepositions and head:
            continue
        pos = p.end()
        gap = ctx.lex.statement_gap.match(ctx.masked, pos, unit.end)
        pos = gap.end() if gap else pos
        det = ctx.lex.determiner_gap.match(ctx.masked, pos, unit.end)
        pos = det.end() if det else pos
        m = _attributed_to(ctx, pos, unit.end, word)
        if m is None or m.start < pos or m.kind in ("rel", "agency"):
            continue
        after = ctx.masked[m.end : unit.end]
        quoted = any(qs == m.end + len(after) - len(after.lstrip()) for qs, _ in ctx.quotes_in(m.end, unit.end + 1))
        if word in ctx.lex.weak_prepositions and not (after.lstrip().startswith(",") or quoted):
            continue  # 'Per il ministro X, …' or 'Per il ministro X «…»': the quotation right after the name
        if word in ctx.lex.tail_prepositions and not (after.lstrip().startswith(",") if not head else _ONLY_PUNCT.fullmatch(
                ctx.masked, m.end, content_end(ctx, m.end, unit.end))):
            continue  # 'per the ministry, ...' / '..., per the ministry.' only
        speaker = resolve(ctx, m, people)
        if speaker is None:
            continue
        if not head:
            comma = clause_comma(ctx.masked, m.end, unit.end)  # not the decimal comma of '1,4 Millionen'
            nxt = clause_comma(ctx.masked, comma + 1, unit.end) if comma > 0 else -1
            if nxt > 0 and ctx.lex.of_words.match(ctx.masked[comma + 1 : nxt] + " ") and len(
                    WORD.findall(ctx.masked[comma + 1 : nxt])) <= 5:
                comma = nxt  # 'Según el investigador X, del CSIC, ...': skip the affiliation
            elif nxt > 0 and first_word(ctx.masked, comma + 1, nxt) in ctx.lex.relatives:
                comma = nxt  # 'According to Dr X, who led the study, ...': skip the relative clause
            start = comma + 1 if comma > 0 else m.end
            span = trim(ctx.text, start, content_end(ctx, start, unit.end))
        elif _ONLY_PUNCT.fullmatch(_COORD.sub("", ctx.masked[m.end : content_end(ctx, m.end, unit.end)])):
            span = trim(ctx.text, unit.start, _before_cue_clause(ctx, unit.start, p.start()))
        else:
            span = trim(ctx.text, unit.start, unit.end)
        kind = _kind_of(ctx, *span)
        inside = [q for q in ctx.quotes_in(span[0] - 1, span[1] + 1) if span[0] <= q[0] + 1 and q[1] - 1 <= span[1]]
        if head and len(inside) == 1 and ctx.text[span[0] : span[1]].strip(" «»“”„\"").rstrip(",;") == ctx.text[
                slice(*inner(ctx.text, *inside[0]))].rstrip(",;"):  # '« … », selon X', '“…,” according to X': as '“…,” X said'
            kind, span = "direct", inner(ctx.text, *inside[0])
        # 'Selon X, « … »' / 'Per X, «…»' stays mixed: the reporter's sentence frames the quotation as reported speech
        if span[1] - span[0] < 8:
            continue
        out.append(make(ctx, unit, speaker, kind, p.group() + ctx.masked[p.end() : m.start].rstrip(), span, relay))
    return out


_ATTRIBUTION_WORDS = 8  # 'ha riferito l'agenzia Yonhap': a cue, its speaker and little else


def _before_cue_clause(ctx: Ctx, start: int, end: int) -> int:
    """Where the statement before a trailing preposition ends: before a cue's clause that relays it ('A, ha riferito
    l'agenzia Yonhap, citando fonti di governo' says A; 'Lo ha riferito Yonhap, citando …' says nothing here)."""
    cue = ctx.lex.cue.search(ctx.masked, start, end)
    if cue is None or cue.tense == "gerund":
        return end  # '…, esprimendo il suo sostegno …, secondo X': the gerund is part of what X says
    comma = ctx.masked.rfind(",", start, cue.start())
    cut = comma if comma > start else start
    return cut if len(WORD.findall(ctx.masked[cut:end])) <= _ATTRIBUTION_WORDS else end


def _attributed_to(ctx: Ctx, pos: int, end: int, word: str) -> Mention | None:
    """Who 'selon/according to/potrivit' names: a mention, an object pronoun ('selon lui', 'potrivit ei',
    'according to her'), or a lone capitalised name the gazetteer does not know ("d'après la CGT-Cheminots")."""
    h = _HONORIFIC.match(ctx.masked, pos, end)
    if h and (h.group(1) + (h.group(2) or "") in name_honorifics() or h.group(1) in name_honorifics()):
        pos = h.end()  # 'According to Dr. Ayo Ferris': the name after the title, not 'Dr'
    m = ctx.mention_at(pos)
    w = WORD.match(ctx.masked, pos, end)
    weak = word in ctx.lex.weak_prepositions or word in ctx.lex.tail_prepositions
    after = ctx.mention_at(w.end() + 1, 0) if w else None  # 'Potrivit lui Radu X': a dative article
    if w and after is not None and after.kind in ("name", "entity") and ctx.masked[w.end() : after.start] == " ":
        return after
    if w and w.group().lower() in ctx.lex.oblique and not weak:
        return Mention(w.start(), w.end(), "pron", w.group(), gender=ctx.lex.oblique[w.group().lower()])
    if m is not None and m.kind == "pron":
        return None
    if m is not None and m.start <= pos + 1 or weak:
        return m
    p = _PROPER.match(ctx.masked, pos, end)
    if p is None or p.group().lower() in ctx.lex.function_words:
        return None
    if any(same_person(p.group(), sp.name) for sp in ctx.disc.people):
        return Mention(p.start(), p.end(), "name", p.group(), p.group(), "person")
    toks = [(t.start(), t.end(), t.group()) for t in WORD.finditer(ctx.masked, p.start(), min(end, p.start() + 160))]
    stop = toks[extend_name(ctx.masked, toks, 1, ctx.lex) - 1][1] if toks else p.end()  # 'la Protezione civile'
    name = ctx.masked[p.start() : stop]
    return Mention(p.start(), stop, "inst", name, nominative(name, ctx.lex), "organisation")
