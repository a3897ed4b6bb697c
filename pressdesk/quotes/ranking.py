"""Speaker candidates ranked by explicit features, for positions where a fixed pattern finds nobody.

Inverted attribution with a long gap ('…, a estimé ce dimanche 19 mai le président de la région Jean X.',
'…, a déclaré sur Radio J Jean X, candidat …', '…, au declarat marţi surse diplomatice citate de Reuters'):
every mention between the cue and the end of the clause is a candidate; the subject is the one that closes the
clause, is no complement of a preposition and names a speaking kind (a person before a body before a place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pressdesk.quotes.lexicon import attribution_config
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx, Cue
from pressdesk.quotes.speakers import preceded_by_preposition

_WORD = re.compile(r"[\w’'-]+")
_MAX_GAP_WORDS = 12  # words between an inverted cue and its subject ('a estimé ce dimanche 19 mai le président')
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?…)]|\s[-–—]\s|$)")
_STOP = re.compile(r"[.;:!?«»“”„\"]")
_TYPE_WEIGHT = {"person": 3.0, "organisation": 2.0, "unnamed": 2.0, "country": 0.5, "place": -2.0}
_KIND_WEIGHT = {"name": 0.0, "entity": 0.0, "role": 0.0, "inst": 0.0, "body": 0.0, "noun": -0.5}


@dataclass(frozen=True)
class Candidate:
    """A mention that may be the subject of an inverted cue, with the features that score it."""

    mention: Mention
    gap_words: int  # words between the cue and the mention
    closes_clause: bool  # only punctuation (or the unit's end) follows it
    after_preposition: bool  # 'sur Radio J', 'à l'AFP', 'de la région': a complement, not a subject
    in_compound: bool  # a piece of a hyphenated name ('Hauts-de-France')

    def score(self) -> float:
        """Hand-set weights: a clause-closing person is the subject; a complement or a compound piece is not."""
        etype = self.mention.etype if self.mention.kind != "role" else "person"
        s = _TYPE_WEIGHT.get(etype, 0.0) + _KIND_WEIGHT.get(self.mention.kind, -1.0)
        s += 2.0 * self.closes_clause - 3.0 * self.after_preposition - 5.0 * self.in_compound
        return s - 0.1 * self.gap_words


def _candidates(ctx: Ctx, cue: Cue, limit: int) -> list[Candidate]:
    stop = _STOP.search(ctx.masked, cue.end, limit)
    end = stop.start() if stop else limit
    out = []
    for m in ctx.mentions_between(cue.end, end):
        if m.kind in ("pron", "rel", "agency", "last"):
            continue
        gap = ctx.masked[cue.end : m.start]
        words = len(_WORD.findall(gap))
        if words > _MAX_GAP_WORDS or ctx.lex.cue.search(gap) or ctx.lex.complementizer.search(gap):
            break
        out.append(Candidate(
            m, words, bool(_CLAUSE_END.match(ctx.masked, m.end, end + 1)),
            preceded_by_preposition(ctx.masked, m.start, ctx.lex),
            ctx.masked[m.start - 1 : m.start] == "-" or ctx.masked[m.end : m.end + 1] == "-"))
    return out


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in attribution_config()["common"].get("source_nouns", []))


def _anonymous_source(ctx: Ctx, cue: Cue, limit: int) -> Mention | None:
    """'…, au declarat marţi surse diplomatice citate de Reuters': a source noun and its adjective (or, where
    adjectives come first, the word before it) within a few words of the cue, as an unnamed speaker."""
    stop = _STOP.search(ctx.masked, cue.end, limit)
    words = list(_WORD.finditer(ctx.masked, cue.end, stop.start() if stop else limit))[:_MAX_GAP_WORDS]
    for k, w in enumerate(words):
        if w.group().lower() not in _source_nouns():
            continue
        if any(ctx.lex.cue.fullmatch(x.group()) or ctx.lex.complementizer.fullmatch(x.group()) for x in words[:k]):
            return None
        start, end = w.start(), w.end()
        if ctx.lex.adjective_first and k and words[k - 1].group().islower() and words[k - 1].group().lower() not in (
                ctx.lex.function_words | ctx.lex.case_prepositions):
            start = words[k - 1].start()
        elif k + 1 < len(words) and words[k + 1].group().islower() and words[k + 1].group().lower() not in (
                ctx.lex.function_words | ctx.lex.case_prepositions) and ctx.masked[w.end() : words[k + 1].start()] == " ":
            end = words[k + 1].end()
        return Mention(start, end, "noun", ctx.masked[start:end])
    return None


def inverted_subject(ctx: Ctx, cue: Cue, limit: int) -> Mention | None:
    """The best-ranked subject after an inverted cue, when one closes the clause as a subject does; else an
    anonymous source named there."""
    ranked = sorted(_candidates(ctx, cue, limit), key=lambda c: -c.score())
    if not ranked or not ranked[0].closes_clause or ranked[0].after_preposition or ranked[0].score() <= 2.0:
        return _anonymous_source(ctx, cue, limit)
    return ranked[0].mention
