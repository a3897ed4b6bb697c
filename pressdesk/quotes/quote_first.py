"""Quote-first stage: a speech-shaped quotation with no cue is a statement, its speaker chosen by ranking.

Candidates (in the manner of a sieve, but scored): the name or role right before a colon that introduces the
quote, the person the sentence is about, the discourse's latest speaker while the text still dwells on them,
else the person who opened the previous sentence of the paragraph (what the paragraph is about). Scare quotes, titles and names in quotation marks are told apart by their shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pressdesk.quotes.clause import WORD, inner, make, resolve, trim, via
from pressdesk.quotes.lexicon import attribution_config, attribution_words
from pressdesk.quotes.model import Ctx, Quote
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker, same_speaker

_MIN_WORDS = 6  # fewer words in marks read as a phrase, a title or a name
_END_PUNCT = re.compile(r"[.!?…]\W*$")
_SUBJECT_WORDS = 3  # words allowed before a subject or caption name
_SPEAKING_TYPES = ("person", "organisation", "unnamed")
_SENTENCE_BREAK = re.compile(r"(?:[.!?…][”»\"’]?\s+|\n\s*)")
_FIRST_WORD = re.compile(r"[\w’'-]+")
_MAX_PARAGRAPHS_BACK = 1  # the latest speaker still holds the floor one paragraph later


@dataclass(frozen=True)
class Candidate:
    """One possible speaker for an uncued quotation, with the features that score it."""

    speaker: Speaker
    colon: bool  # introduced by 'NAME:' / 'NAME, role:' right before the quote
    same_sentence: bool  # mentioned in the quote's own sentence, before it
    paragraphs_back: int  # how many paragraph breaks lie between the last statement and the quote

    def score(self) -> float:
        """Hand-set weights: a colon link beats a sentence subject, which beats the discourse's last speaker."""
        s = 3.0 * self.colon + 2.0 * self.same_sentence + 1.0 - 0.5 * self.paragraphs_back
        return s + (0.25 if self.speaker.type == "person" else 0.0)


def speech_shaped(text: str, qs: int, qe: int, unit_start: int) -> bool:
    """Long enough to be speech, and standing as a sentence (opens its sentence, follows a colon or a dash,
    or ends on sentence punctuation) rather than a phrase quoted inside one."""
    body = text[qs + 1 : qe - 1]
    words = WORD.findall(body)
    if len(words) < _MIN_WORDS:
        return False
    return _opens_sentence(text, qs, unit_start) or bool(_END_PUNCT.search(body)) or text[qe : qe + 1] in ".!?"


_LABEL_MIN_WORDS = 3


def _labelled(ctx: Ctx, unit: Unit, qs: int, qe: int) -> bool:
    """'Meloni: «L'Italia non invierà soldati»', 'Marcel Ciolacu: „…”': the sentence is a speaker's name, a colon
    and the quotation, as headlines and leads write it; the label says it is speech, however short."""
    before = ctx.masked[unit.start : qs].rstrip()
    if not before.endswith(":") or len(WORD.findall(ctx.text[qs:qe])) < _LABEL_MIN_WORDS:
        return False
    label = before[:-1].strip()
    names = [m for m in ctx.mentions_between(unit.start, qs) if m.kind in ("entity", "name", "inst")]
    return len(names) == 1 and names[0].surface == label


def _opens_sentence(text: str, qs: int, unit_start: int) -> bool:
    before = text[unit_start:qs].rstrip()
    return not before or before.endswith((":", "—", "–", "-"))


def _paragraphs_between(text: str, start: int, end: int) -> int:
    return text.count("\n", max(0, start), max(start, end))


def _subject_position(ctx: Ctx, unit: Unit, start: int) -> bool:
    """A mention within the first few words of its sentence stands where a subject or a caption stands."""
    return len(WORD.findall(ctx.masked[unit.start : start])) <= _SUBJECT_WORDS


def _sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets of the sentences that open between start and end (after . ! ? or a paragraph break)."""
    return [m.end() for m in _SENTENCE_BREAK.finditer(text, start, end) if m.end() < end]


def _hands_over(ctx: Ctx, pos: int, last: Speaker, people: list[Speaker]) -> bool:
    """A sentence opening at pos names a new subject: another speaker, or a noun phrase ('Critics
    disagreed.'), rather than a pronoun, a connector or the last speaker again."""
    m = ctx.mention_at(pos, 0)
    if m is not None and m.kind not in ("pron", "last"):
        sp = resolve(ctx, m, people)
        return sp is None or not same_speaker(sp, last)
    word = _FIRST_WORD.match(ctx.masked, pos)
    if word is None:
        return False
    low = word.group().lower()
    conf = attribution_config().get(ctx.lex.lang, {})
    link = set(conf.get("coordination", [])) | set(ctx.lex.pronouns)
    return low not in link and not ctx.lex.fillers.match(low + " ")


def _holds_floor(ctx: Ctx, unit: Unit, last: Speaker, people: list[Speaker]) -> bool:
    """The latest speaker still holds the floor: the previous sentence spoke, or no sentence since their
    statement opened on a new subject."""
    if ctx.prev_spoke or ctx.last_end >= unit.start:
        return True
    return not any(_hands_over(ctx, p, last, people) for p in _sentence_starts(ctx.masked, ctx.last_end, unit.start))


def candidates(ctx: Ctx, unit: Unit, qs: int, people: list[Speaker]) -> list[Candidate]:
    """Every fitting speaker for a quotation opening at qs, with its features."""
    out: list[Candidate] = []
    before = ctx.masked[unit.start : qs].rstrip()
    mentions = [m for m in ctx.mentions_between(unit.start, qs) if _subject_position(ctx, unit, m.start)]
    if mentions:
        sp = resolve(ctx, mentions[0], people)
        if sp is not None and sp.type in _SPEAKING_TYPES and sp.name:
            out.append(Candidate(sp, before.endswith(":"), True, 0))
    last = ctx.disc.last
    if last is not None and last.name and ctx.last_end >= 0:
        back = _paragraphs_between(ctx.text, ctx.last_end, qs)
        if back <= _MAX_PARAGRAPHS_BACK and _holds_floor(ctx, unit, last, people):
            out.append(Candidate(last, False, False, back))
    named = any(m.kind not in ("pron", "rel") for m in ctx.mentions_between(unit.start, qs))
    if not out and not named:  # a speaker named in the quote's own sentence is someone else's business
        topic = _paragraph_subject(ctx)
        out += [Candidate(topic, False, False, 0)] if topic is not None else []
    return out


_TOPIC_UNITS = 1  # a person who opened the previous sentence of the paragraph is what it is about


def _paragraph_subject(ctx: Ctx) -> Speaker | None:
    """The person the paragraph is about: the latest one met as the subject of a recent sentence of this paragraph
    ('Trump ha rivendicato i risultati… «…»'), when nobody holds the floor."""
    for p in reversed(ctx.disc.people):
        seen = ctx.disc.seen.get(p.name)
        if seen is not None and seen.subject and seen.para == ctx.disc.para_no and (
                0 < ctx.disc.unit_no - seen.unit <= _TOPIC_UNITS):
            return p
    return None


_AHEAD_WORDS = 6  # words between 'Così' and the subject it announces ('Così il sindaco di Napoli, X,')


def _cataphoric(ctx: Ctx, qe: int, people: list[Speaker]) -> Speaker | None:
    """'“…”. Così il sindaco, X, torna a commentare': the next sentence opens on a word pointing back at the
    quotation (data: cataphoric) and names its speaker as its subject."""
    words = attribution_words(ctx.lex.lang, "cataphoric")
    m = _SENTENCE_BREAK.match(ctx.masked, qe) or re.compile(r"\s*").match(ctx.masked, qe)
    first = _FIRST_WORD.match(ctx.masked, m.end()) if m else None
    if first is None or first.group().lower() not in words or "\n" in ctx.masked[qe : first.start()]:
        return None
    for mention in ctx.mentions_between(first.end(), first.end() + 200):
        if len(WORD.findall(ctx.masked[first.end() : mention.start])) > _AHEAD_WORDS:
            break
        sp = resolve(ctx, mention, people) if mention.kind not in ("pron", "rel") else None
        if sp is not None and sp.type in _SPEAKING_TYPES and sp.name:
            return sp
    return None


def uncued(ctx: Ctx, unit: Unit, found: list[Quote], people: list[Speaker]) -> list[Quote]:
    """Speech-shaped quotations of the unit that no cue claimed, attributed to the best-ranked candidate."""
    out: list[Quote] = []
    for qs, qe in ctx.quotes_in(unit.start, unit.end + 1):
        if any(q.start_char < qe and qs < q.end_char for q in found + out):
            continue
        if not speech_shaped(ctx.text, qs, qe, unit.start) and not _labelled(ctx, unit, qs, qe):
            continue
        ranked = sorted(candidates(ctx, unit, qs, people), key=lambda c: -c.score())
        ahead = _cataphoric(ctx, qe, people) if not ranked and _opens_sentence(ctx.text, qs, unit.start) else None
        ranked = ranked or ([Candidate(ahead, False, False, 0)] if ahead else [])
        if not ranked:
            continue
        kind = "direct" if _opens_sentence(ctx.text, qs, unit.start) else "mixed"
        span = inner(ctx.text, qs, qe) if kind == "direct" else trim(ctx.text, unit.start, unit.end)
        out.append(make(ctx, unit, ranked[0].speaker, kind, "", span, via(ctx, unit)))
        ctx.last_end = qe
    return out
