"""Who said what: direct, indirect and mixed quotes with speaker, cue, relay (via) and date.

Steps per article: quotation spans and units (spans.py), candidate speakers (mentions.py), then per unit
the attribution patterns of attribute.py, tail.py and prepositional.py, resolved against the discourse so far (speakers.py).
"""

from __future__ import annotations

from datetime import date

from pressdesk.entities import find_entities
from pressdesk.quotes.anaphora import org_anaphors
from pressdesk.quotes.attribute import direct, reported
from pressdesk.quotes.clause import after_fillers, find_cues, via
from pressdesk.quotes.continuation import continuations, mood_continuation, split_continuation
from pressdesk.quotes.lexicon import attribution_config, lexicon
from pressdesk.quotes.mentions import find_mentions
from pressdesk.quotes.model import Ctx, Quote
from pressdesk.quotes.paragraphs import carried_back, open_paragraph_spans
from pressdesk.quotes.prepositional import prepositional
from pressdesk.quotes.quote_first import uncued
from pressdesk.quotes.referents import stands_as_subject
from pressdesk.quotes.relative import relative_statements
from pressdesk.quotes.retrospective import retrospective
from pressdesk.quotes.spans import (
    Unit,
    body_end,
    find_quote_spans,
    make_units,
    mask_quotes,
    single_quote_spans,
    split_inner_attribution,
)
from pressdesk.quotes.speakers import Discourse, Speaker, from_mention
from pressdesk.quotes.transcript import labelled
from pressdesk.sentences import Sentence, split_sentences

__all__ = ["Quote", "extract_quotes"]


_SAME_WORDS = 8  # this many words repeated verbatim are one statement, whoever the repeat is credited to


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop a quote whose span lies inside another quote of the same speaker (gerund inside its clause), and the
    same words met again (an article that repeats a paragraph reports one statement)."""
    out = []
    said: set[tuple[str | None, str]] = set()
    ordered = sorted(quotes, key=lambda q: q.start_char)
    for n, q in enumerate(ordered):
        inside = any(
            o is not q and o.speaker == q.speaker and o.start_char <= q.start_char and q.end_char <= o.end_char
            and ((o.end_char - o.start_char) > (q.end_char - q.start_char) or k < n)
            for k, o in enumerate(ordered)
        )
        words = " ".join(q.text.split()).lower()
        key = (None if len(words.split()) >= _SAME_WORDS else q.speaker, words)  # the first report names it
        if not inside and key not in said:
            out.append(q)
            said.add(key)
    return out


def extract_quotes(
    text: str, language: str, published: date | None, sentences: list[Sentence] | None = None,
    date_spans: list[tuple[int, int]] | None = None,
) -> list[Quote]:
    """All attributed statements of an article, in text order. `date_spans`: where the article's dates stand, when
    the caller read them already (a reporting clause holding none of them is dated by publication, unread)."""
    lang = (language or "en").lower()[:2]
    lex = lexicon(lang)
    limit = body_end(text)
    spans = split_inner_attribution(text, find_quote_spans(text, limit), lex.cue)
    spans = sorted(spans + single_quote_spans(text, limit, lex.cue, spans))
    open_spans = open_paragraph_spans(text, limit, spans)
    spans = sorted(spans + open_spans)
    sents = sentences if sentences is not None else split_sentences(text, lang)
    units = make_units(text, sents, spans, limit)
    masked = mask_quotes(text[:limit], spans)
    ents = find_entities(masked, lang)
    ctx = Ctx(text, masked, lex, org_anaphors(masked, lex, find_mentions(masked, lex, ents)), spans, Discourse(), lang, published)
    ctx.date_spans = date_spans
    out: list[Quote] = []
    prev = 0
    for n, unit in enumerate(units):
        ctx.disc.unit_no, ctx.unit_start = n, unit.start
        ctx.disc.para_no += text.count("\n", prev, max(prev, unit.start))
        prev = max(prev, unit.start)
        found = _unit_quotes(ctx, unit, units[n - 1] if n else None)
        if found:
            ctx.last_end = max(q.end_char for q in found)
            directs = [q for q in found if q.kind == "direct"]
            ctx.last_direct = directs[-1] if directs and directs[-1].end_char == ctx.last_end else None
        else:
            ctx.last_direct = None  # a sentence without quotes ends a split quotation
        ctx.prev_spoke = bool(found)
        out += found
    return _dedupe(carried_back(text, out, open_spans, units))


def _outside_attributed_content(ctx: Ctx, unit: Unit, cues: list) -> list:
    """'Potrivit X, deşi ..., China susţine ...' / 'According to X, Y insists ...': a sentence that opens on
    'according to X,' reports X; the verbs after the comma belong to X's statement, not to a new speaker."""
    lead = len(ctx.masked[unit.start : unit.end]) - len(ctx.masked[unit.start : unit.end].lstrip())
    p = ctx.lex.preposition.match(ctx.masked, unit.start + lead, unit.end)
    relays = attribution_config()["common"].get("relay_prepositions", [])
    if p is None or p.group().lower() in ctx.lex.weak_prepositions or p.group().lower() in relays:
        return cues  # 'Citing intelligence services, X said': X speaks
    look = after_fillers(ctx, p.end(), unit.end)
    look += len(ctx.masked[look : unit.end]) - len(ctx.masked[look : unit.end].lstrip())
    named = ctx.mention_at(look, 4)
    if named is None or named.kind == "agency":
        return cues  # 'Selon l'agence Reuters, le Kremlin a souligné': the agency relays, the Kremlin speaks
    comma = ctx.masked.find(",", p.end(), unit.end)
    return [c for c in cues if comma < 0 or c.start < comma]


def _unit_quotes(ctx: Ctx, unit: Unit, before: Unit | None) -> list[Quote]:
    people: list[Speaker] = []
    subjects: list[bool] = []
    for m in ctx.mentions_between(unit.start, unit.end):
        if m.kind in ("entity", "name") and m.etype == "person":
            sp = from_mention(m, ctx.disc, ctx.lex)
            if sp:
                people.append(sp)
                subjects.append(not any(subjects) and stands_as_subject(ctx, m))
    said, line_end = labelled(ctx, unit)
    if said or unit.start < ctx.line_end:  # a transcript line: its speaker's words, whatever verbs they hold
        ctx.line_end = max(ctx.line_end, line_end)
        found = said
    else:
        found = _statements(ctx, unit, before, people)
    for sp, subject in zip(people, subjects, strict=True):
        ctx.disc.introduce(sp, subject)
    return found


def _statements(ctx: Ctx, unit: Unit, before: Unit | None, people: list[Speaker]) -> list[Quote]:
    """The unit's statements, stage by stage, each seeing what the earlier ones found."""
    relay = via(ctx, unit)
    cues = _outside_attributed_content(ctx, unit, find_cues(ctx, unit))
    found = retrospective(ctx, unit, before, cues, relay, people)  # 'Lo ha detto X.': the sentence before is X's
    found += direct(ctx, unit, cues, relay, people)
    found += reported(ctx, unit, cues, relay, people, found)
    found += prepositional(ctx, unit, relay, people, taken=bool(found))
    found += relative_statements(ctx, unit, relay, people, found)
    found += continuations(ctx, unit, found)
    if not found:
        found = split_continuation(ctx, unit, cues) or mood_continuation(ctx, unit, cues, people)
    found += uncued(ctx, unit, found, people)
    return found
