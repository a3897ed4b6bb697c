"""Who a pronoun or a dropped subject stands for ('he/she', 'il/elle', 'lui/lei', 'el/ea', 'Ha poi aggiunto',
'a mai spus'), chosen by ranking over the discourse: candidates -> features -> decision.

Candidates: the latest speaker, every person met so far (where the discourse last saw them), and for a pronoun the
people named earlier in its own sentence. Features: distance in sentences and paragraphs, whether the candidate
spoke, stood as a subject, is in the same sentence, its type, and gender/number agreement (gazetteer, honorifics,
given names: data/gender.toml). Hand-set weights score them; the best one that does not clash wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx
from pressdesk.quotes.speakers import Seen, Speaker, from_mention, preceded_by_preposition, preceded_by_verb

_MAX_UNITS = 5  # distance stops counting after five sentences
_MAX_PARAGRAPHS = 3
_NEVER = Seen(-1, -1, False, False)


@dataclass(frozen=True)
class Referent:
    """One candidate for a pronoun or a dropped subject, with the features that score it."""

    speaker: Speaker
    last_speaker: bool  # the latest statement is theirs
    spoke: bool  # they have spoken earlier in the article
    subject: bool  # where last met, they stood as the subject of their sentence
    units_back: int  # sentences between where they were last met and the pronoun
    paragraphs_back: int
    same_unit: bool  # named earlier in the pronoun's own sentence
    agreement: int  # +1 gender/number known to fit, 0 unknown, -1 known to clash


# Hand-set weights per pronoun class: 'sg' = he/she (a person), 'pl' = they, 'drop' = no pronoun or 'it'/'on'.
_WEIGHTS = {
    "sg": {"last_speaker": 2.0, "spoke": 1.0, "subject": 1.0, "agrees": 1.0, "unit": -0.4, "paragraph": -0.5,
           "same_unit": -0.5},
    "pl": {"last_speaker": 2.0, "spoke": 0.0, "subject": 0.0, "agrees": 0.0, "unit": 0.0, "paragraph": 0.0,
           "same_unit": 3.0},
    "drop": {"last_speaker": 2.0, "spoke": 1.0, "subject": 1.0, "agrees": 0.0, "unit": -0.4, "paragraph": -0.5,
             "same_unit": 0.0},
}


def score(r: Referent, cls: str) -> float:
    """The weighted sum of a referent's features for one pronoun class."""
    w = _WEIGHTS[cls]
    s = w["last_speaker"] * r.last_speaker + w["spoke"] * r.spoke + w["subject"] * r.subject
    s += w["agrees"] * (r.agreement > 0) + w["same_unit"] * r.same_unit
    return s + w["unit"] * min(r.units_back, _MAX_UNITS) + w["paragraph"] * min(r.paragraphs_back, _MAX_PARAGRAPHS)


PERSON = "person"  # the gender of a described subject with no name ('”, said the professor'): any person


def pronoun_class(m: Mention) -> str:
    return "sg" if m.gender in ("m", "f") else "pl" if m.gender == "pl" else "drop"


def agreement(gender: str | None, sp: Speaker, last: bool) -> int:
    """'he/she' needs a person of that gender (unknown gender fits weakly); 'it'/'on'/a dropped subject fits the
    latest speaker of any kind, else a person; 'they' fits anyone."""
    if gender in ("m", "f"):
        if sp.type != "person" or sp.gender not in (None, gender):
            return -1
        return 1 if sp.gender == gender else 0
    if gender == PERSON:
        return 0 if sp.type == "person" else -1
    if gender == "pl" or last:
        return 0
    return 0 if sp.type == "person" else -1


def _referent(ctx: Ctx, sp: Speaker, last: bool, gender: str | None) -> Referent:
    seen = ctx.disc.seen.get(sp.name, _NEVER)
    units = ctx.disc.unit_no - seen.unit if seen.unit >= 0 else _MAX_UNITS
    paras = ctx.disc.para_no - seen.para if seen.para >= 0 else _MAX_PARAGRAPHS
    return Referent(sp, last, seen.spoke, seen.subject, units, paras, False, agreement(gender, sp, last))


def stands_as_subject(ctx: Ctx, m: Mention) -> bool:
    """The person stands where a subject stands: no preposition or verb right before them."""
    return not (preceded_by_preposition(ctx.masked, m.start, ctx.lex) or preceded_by_verb(ctx.masked, m.start, ctx.lex))


def _same_unit(ctx: Ctx, m: Mention, gender: str | None) -> list[Referent]:
    """People named before the pronoun in its own sentence ('For singer X, …: “…,” he said')."""
    out = []
    for n in ctx.mentions_between(ctx.unit_start, m.start):
        if n.kind not in ("entity", "name") or n.etype != "person":
            continue
        sp = from_mention(n, ctx.disc, ctx.lex)
        if sp is not None:
            out.append(Referent(sp, False, False, stands_as_subject(ctx, n), 0, 0, True, agreement(gender, sp, False)))
    return out


def candidates(ctx: Ctx, m: Mention, unit_people: list[Speaker]) -> list[Referent]:
    """Every speaker the pronoun or dropped subject may stand for, latest speaker first, then the most recent."""
    disc, cls = ctx.disc, pronoun_class(m)
    out: list[Referent] = []
    if cls == "pl":
        out += [Referent(sp, False, False, False, 0, 0, True, 0) for sp in unit_people[:1]]
    elif cls == "sg" and m.surface:
        out += _same_unit(ctx, m, m.gender)
    if disc.last is not None:
        out.append(_referent(ctx, disc.last, True, m.gender))
    if cls != "pl":
        out += [_referent(ctx, p, False, m.gender) for p in reversed(disc.people) if p is not disc.last]
    return [r for r in out if r.agreement >= 0]


def latest_named(ctx: Ctx, m: Mention) -> Speaker | None:
    """'ce dernier', "quest'ultimo", 'the latter': whoever was named last before the phrase, with no clash of gender
    ('cette dernière' is a woman), rather than the most salient speaker a pronoun would get."""
    for n in reversed(ctx.mentions_between(0, m.start)):
        if n.kind not in ("entity", "name", "inst", "role") or (n.etype in ("country", "place") and m.gender != "any"):
            continue
        sp = from_mention(n, ctx.disc, ctx.lex)
        if sp is None or sp.type == "unnamed":
            continue
        if m.gender not in ("m", "f") or agreement(m.gender, sp, False) >= 0:
            return sp
    return None


def resolve_reference(ctx: Ctx, m: Mention, unit_people: list[Speaker]) -> Speaker | None:
    """The best-ranked candidate (the first listed on a tie), or None when nobody fits."""
    cls = pronoun_class(m)
    ranked = candidates(ctx, m, unit_people)
    if not ranked:
        return None
    return max(ranked, key=lambda r: score(r, cls)).speaker
