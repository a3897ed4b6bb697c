"""Clause-level helpers: cues, speakers left/right of a cue, content boundaries, relays, dates."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pressdesk.entities import key_of
from pressdesk.quotes.lexicon import attribution_config
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx, Cue, Quote
from pressdesk.quotes.orgs import nominative
from pressdesk.quotes.ranking import inverted_subject
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import (
    Speaker,
    from_mention,
    preceded_by_preposition,
    preceded_by_verb,
    resolve_pronoun,
)

WORD = re.compile(r"[\w’'-]+")
_NEG_COORD = re.compile(r"(?<!\w)(?:not|pas|non|nu)\s+\w+\s+(?:or|ou|o|sau|nor|ni)\s*$")
_NEG_AFTER = re.compile(r"\S+\s+(?:not|pas|non|nu)\b", re.I)
_DET = re.compile(r"(?:\w{1,3}['’]|(?:the|le|la|les|il|lo|un|una|une|o|el|los|las|der|die|das|den|dem)\s+)", re.I)
_COLON_GAP = re.compile(r"(?:[^.;:,]{0,60}?[:,])?\s*")
_SENT_PUNCT = re.compile(r"[.!?;]")
_APPOSITION = re.compile(r"(?:[^\W\d_][\w’'-]*\s+){0,3}[^\W\d_][\w’'-]*,\s*")
_TITLE_WORDS = re.compile(r"(?:[A-ZÀ-Þ][\w’'-]*\.?\s+){1,3}")
LAST = Mention(0, 0, "last", "")


@lru_cache(maxsize=1)
def _negation() -> re.Pattern[str]:
    words = attribution_config()["common"]["negations"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\s*$")


@lru_cache(maxsize=1)
def agency_words() -> re.Pattern[str]:
    words = attribution_config()["common"]["agency_words"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alt})\s*", re.IGNORECASE)


def find_cues(ctx: Ctx, unit: Unit) -> list[Cue]:
    out = []
    for m in ctx.lex.cue.finditer(ctx.masked, unit.start, unit.end):
        verb = m.group("part") or m.group("fin")
        tense, kind = ctx.lex.verb_kind.get(" ".join(key_of(verb)), ("finite", "speech"))
        if _negated(ctx, m.start()):
            continue
        low = m.group().lower()
        pron = None
        if ctx.lex.inverted and "-" in low:  # 'a-t-elle ajouté', 'ajoute-t-il'
            pron = next((g for k, g in ctx.lex.inverted.items() if re.search(rf"{re.escape(k)}(?![\w-])", low)), None)
        out.append(Cue(m.start(), m.end(), m.group(), tense, kind, pron=pron))
    return out


def _negated(ctx: Ctx, start: int) -> bool:
    """'has not confirmed', "n'a pas commenté", 'non ha detto', 'nu a spus': no statement."""
    before = ctx.masked[max(0, start - 12) : start].lower()
    wide = ctx.masked[max(0, start - 40) : start].lower()
    if _NEG_COORD.search(wide):
        return True
    return bool(_negation().search(before)) or bool(_NEG_AFTER.match(ctx.masked, start, start + 20))


def after_fillers(ctx: Ctx, pos: int, limit: int) -> int:
    """Skip time words, adverbs and agency descriptors after a cue ('a adăugat la rândul său Lavrov')."""
    while pos < limit:
        rest = ctx.masked[pos:limit]
        lead = len(rest) - len(rest.lstrip(" ,"))
        m = ctx.lex.fillers.match(ctx.masked, pos + lead, limit)
        agency = agency_words().match(ctx.masked, pos + lead, limit)
        step = max(m.end() if m else 0, agency.end() if agency else 0)
        if step <= pos + lead:
            return pos + lead
        pos = step
    return pos


def object_end(ctx: Ctx, pos: int, limit: int) -> int:
    """End of an addressee right after a cue ('à l'AFP', 'to reporters', 'ai giornalisti', 'pentru Agerpres'),
    else pos."""
    rest = ctx.masked[pos:limit]
    lead = len(rest) - len(rest.lstrip(" ,"))
    word = WORD.match(ctx.masked, pos + lead, limit)
    if word is not None and re.match(r"\w+['’]", word.group()):  # "all'ANSA": an elided marker
        word = re.compile(r"\w+['’]").match(ctx.masked, word.start(), limit)
    if word is None or word.group().lower() not in ctx.lex.object_markers:
        return pos
    look = word.end() + len(ctx.masked[word.end() : limit]) - len(ctx.masked[word.end() : limit].lstrip())
    det = _DET.match(ctx.masked, look, limit)
    look = det.end() if det else look
    m = ctx.mention_at(look, 0)
    if m is not None:
        return m.end if m.kind in ("agency", "inst", "noun") or m.etype == "organisation" else pos
    words = re.match(r"(?:[^\W\d_A-ZÀ-Þ][\w’'-]*\s*){1,2}", ctx.masked[look:limit])
    return look + len(words.group().rstrip()) if words else pos


def speaker_right(ctx: Ctx, cue: Cue, limit: int) -> Mention | None:
    """Inverted order: the subject right after the cue, skipping fillers and an addressee; an inverted
    clitic in the cue itself ('a-t-elle ajouté') is the subject."""
    if cue.pron:
        return Mention(cue.end, cue.end, "pron", "", gender=cue.pron)
    inside = [m for m in ctx.mentions_between(cue.start, cue.end) if m.kind != "rel"]
    if inside:  # a separable verb around its subject: 'teilte die Polizei am Montag mit'
        return inside[0]
    pos = after_fillers(ctx, cue.end, limit)
    obj = object_end(ctx, pos, limit)
    if obj > pos:
        pos = after_fillers(ctx, obj, limit)
    det = _DET.match(ctx.masked, pos, limit)
    if det:
        pos = det.end()
    hon = ctx.lex.honorific.match(ctx.masked, pos, limit)
    if hon:
        pos = hon.end() + len(ctx.masked[hon.end() : limit]) - len(ctx.masked[hon.end() : limit].lstrip())
    m = ctx.mention_at(pos)
    if m is None or m.start > pos + 1:  # a title before the name: 'said Farm Minister X', 'Ion-Marcel Ciolacu'
        m = ctx.mention_at(pos, 40)
        if m is not None and not _TITLE_WORDS.fullmatch(ctx.masked, pos, m.start) and not (
                det and m.etype == "person" and _APPOSITION.fullmatch(ctx.masked, pos, m.start)
                and not ctx.lex.cue.search(ctx.masked, pos, m.start)):  # 'a déclaré le préfet, Luc X'
            m = None
    if m is not None and m.start >= pos and m.end <= limit + 60:
        return m
    return inverted_subject(ctx, cue, limit)


def apposition_before(ctx: Ctx, start: int, comma: int) -> bool:
    """'Le ministre, Jean X, a accusé' / 'Jean X, the minister, said': the clause ends on the subject."""
    cands = ctx.mentions_between(start, comma + 1)
    if not cands or ctx.masked[cands[-1].end : comma].strip():
        return False
    last = cands[-1]
    if last.kind in ("name", "entity") and last.etype == "person":
        return True
    prev = cands[-2] if len(cands) > 1 else None
    return last.kind == "role" and prev is not None and prev.etype == "person" and (
        ctx.masked[prev.end : last.start].strip() == ",")


def speaker_left(ctx: Ctx, cue: Cue, start: int) -> Mention | None:
    """Normal order: the nearest mention before the cue that is a subject (not after a preposition/verb)."""
    cands = ctx.mentions_between(start, cue.start)
    if cue.tense == "gerund":  # the gerund's subject is the clause subject: leftmost, 'with X warning' allowed
        absolute = attribution_config()["common"]["absolute_prepositions"]
        for m in cands:
            if m.kind in ("pron", "rel") or preceded_by_verb(ctx.masked, m.start, ctx.lex):
                continue
            head = ctx.masked[max(start, m.start - 12) : m.start].lower().split()
            if not preceded_by_preposition(ctx.masked, m.start, ctx.lex) or (head and set(head[-2:]) & set(absolute)):
                return m
        return None
    rel = next((c for c in reversed(cands) if c.kind == "rel" and _closed_relative(ctx, c, cue)), None)
    if rel is not None:  # nothing inside 'X, who sits on the Y board,' is the subject
        cands = [c for c in cands if c.end <= rel.start] + [rel]
    for m in reversed(cands):
        near = len(WORD.findall(ctx.masked[m.end : cue.start])) <= 2
        if m.kind == "pron":
            if near:
                return m
            continue
        if m.kind == "rel":
            closed = _closed_relative(ctx, m, cue)  # 'X, who sits on the Y board, told ...': X, not Y
            if near or closed:
                ante = next((c for c in reversed(cands) if c.end <= m.start and c.kind not in ("pron", "rel")), None)
                comma = ctx.masked.rfind(",", start, m.start)
                return ante or (_bare_noun(ctx, start, comma) if closed and comma > start else None)
            continue
        if preceded_by_preposition(ctx.masked, m.start, ctx.lex) or preceded_by_verb(ctx.masked, m.start, ctx.lex):
            continue
        return m
    return None


def _closed_relative(ctx: Ctx, rel: Mention, cue: Cue) -> bool:
    """A relative clause set off by commas between its antecedent and the cue ('X, who ..., said')."""
    return ctx.masked[: rel.start].rstrip().endswith(",") and ctx.masked[rel.end : cue.start].rstrip().endswith(",")


def noun_subject(ctx: Ctx, start: int, cue: Cue) -> Mention | None:
    """Fallback subject: a short bare noun phrase opening the clause ('Les parties ont déclaré')."""
    return _bare_noun(ctx, start, cue.start)


def _bare_noun(ctx: Ctx, start: int, end: int) -> Mention | None:
    chunk = ctx.masked[start:end]
    words = WORD.findall(chunk)
    if 1 <= len(words) <= 4 and not any(ch in chunk for ch in ",;:") and chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        surface = chunk.strip()
        return Mention(start + lead, start + lead + len(surface), "noun", surface)
    return None


_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s,]))([A-ZÀ-Þ][\w’'&.-]*(?:\s+[A-ZÀ-Þ][\w’'&.-]*){0,3})\s*$")


def proper_subject(ctx: Ctx, start: int, cue: Cue) -> Mention | None:
    """Fallback subject: an unknown capitalised name right before the cue, after the clause start, a comma or
    a determiner ('In una nota, Stellantis ha precisato', 'la SNCF a indiqué'): an organisation as written."""
    chunk = ctx.masked[start : cue.start]
    m = _NAME_BEFORE.search(chunk)
    if m is None:
        return None
    name, s = m.group(1), start + m.start(1)
    first, lead = name.split()[0], WORD.findall(chunk[: m.start(1)])
    low = first.lower()
    if low in ctx.lex.function_words or low in ctx.lex.pronouns or ctx.lex.fillers.fullmatch(first):
        return None
    if chunk[: m.start(1)].strip() and not chunk[: m.start(1)].rstrip().endswith(",") and not (
            lead and lead[-1].lower() in ctx.lex.determiners):
        return None
    if ctx.mentions_between(s, cue.start):
        return None
    return Mention(s, s + len(name), "inst", name, nominative(name, ctx.lex), "organisation")


def complement(ctx: Ctx, cue: Cue, end: int) -> int | None:
    """Start of the reported clause after 'que/che/că/that' within a few words of the cue."""
    m = ctx.lex.complementizer.search(ctx.masked, cue.end, end)
    if not m:
        return None
    between = ctx.masked[cue.end : m.start()]
    words = WORD.findall(between)
    if len(words) > 14 or _SENT_PUNCT.search(between) or (m.group().lower() in ctx.lex.weak_complementizers and len(words) > 2):
        return None
    finite = set(attribution_config().get(ctx.lex.lang, {}).get("finite_verbs", []))
    if any(w.lower() in finite for w in words):
        return None  # 'said the plan would require a vote that ...': the clause began right after the cue
    return m.end()


def colon_after(ctx: Ctx, cue: Cue, qs: int) -> bool:
    return bool(_COLON_GAP.fullmatch(ctx.masked, cue.end, qs))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;–—-\n":
        start += 1
    while end > start and text[end - 1] in " ,.;:–—-\n":
        end -= 1
    return start, end


def inner(text: str, qs: int, qe: int) -> tuple[int, int]:
    """The words of a quotation without its marks and the spaces inside French guillemets."""
    s, e = qs + 1, qe - 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):  # '“We are ready,” said X'
        e -= 1
    return s, e


def relay_at(ctx: Ctx, pos: int, end: int) -> bool:
    """True when text[pos:end] opens with attribution rather than content: a relay cue ('a rapporté
    Reuters', 'informează AFP'), 'selon/potrivit/according to X', or 'Reuters reported'/'AFP a rapporté'."""
    m = ctx.lex.cue.match(ctx.masked, pos, end)
    if m:
        verb = m.group("part") or m.group("fin")
        return ctx.lex.verb_kind.get(" ".join(key_of(verb)), ("", ""))[1] == "relay"
    p = ctx.lex.preposition.match(ctx.masked, pos, end)
    if p:
        return p.group().lower() not in ctx.lex.weak_prepositions
    look = after_fillers(ctx, pos, end)
    det = _DET.match(ctx.masked, look, end)
    if det:
        look = det.end()
    ment = ctx.mention_at(look, 0)
    if ment is None or ment.kind != "agency":
        return False
    nxt = ctx.lex.cue.match(ctx.masked, after_fillers(ctx, ment.end, end), end)
    tail = ctx.masked[ment.end : end].strip(" .")
    return not tail or tail.startswith(",") or nxt is not None


def gerund_statement(ctx: Ctx, pos: int, end: int) -> bool:
    """', adding that …' / ', aggiungendo che …' / ', ajoutant que …' / ', adăugând că …': a gerund speech cue
    with its own clause opens a second statement of the same speaker."""
    m = ctx.lex.cue.match(ctx.masked, pos, end)
    if m is None or m.tense != "gerund" or m.kind not in ("speech", "announce", "accuse", "write"):
        return False
    comp = ctx.lex.complementizer.match(ctx.masked, m.end(), end) or ctx.lex.complementizer.match(
        ctx.masked, m.end() + len(ctx.masked[m.end() : end]) - len(ctx.masked[m.end() : end].lstrip()), end)
    return comp is not None and comp.group().lower() not in ctx.lex.weak_complementizers


def content_end(ctx: Ctx, start: int, end: int) -> int:
    """Cut a trailing relay clause (', a rapporté Reuters', ', informează AFP', ', according to X') or a gerund
    that opens a statement of its own (', adding that …')."""
    pos = ctx.masked.find(",", start, end)
    while pos >= 0:
        look = pos + 1
        while look < end and ctx.masked[look] == " ":
            look += 1
        if relay_at(ctx, look, end) or gerund_statement(ctx, look, end):
            return pos
        pos = ctx.masked.find(",", pos + 1, end)
    return end


def via(ctx: Ctx, unit: Unit) -> str | None:
    names: list[str] = []
    for m in ctx.mentions_between(unit.start, unit.end):
        if m.kind == "agency" and (m.canonical or m.surface) not in names:
            names.append(m.canonical or m.surface)
    return " via ".join(names) or None


_SPACES = re.compile(r" {2,}")


def said_on(ctx: Ctx, unit: Unit, span: tuple[int, int]) -> date | None:
    """First date of the reporting clause: the unit without the statement itself and without quoted words
    ('X said on Monday that troops would leave on Friday' -> Monday), else the publication date."""
    key = (unit.start, unit.end, *span)
    if key in ctx.dates:
        return ctx.dates[key]
    try:
        from pressdesk.dates import find_dates
    except Exception:  # noqa: BLE001 - dates module unavailable or broken: publication date only
        return ctx.published
    s, e = max(unit.start, span[0]), min(unit.end, span[1])
    chunk = ctx.masked[unit.start : s] + " " + ctx.masked[e : unit.end] if s < e else ctx.masked[unit.start : unit.end]
    chunk = _SPACES.sub(" ", chunk)  # masked quotations collapse to their marks
    try:
        hits = find_dates(chunk, ctx.language, ctx.published) if chunk.strip() else []
    except Exception:  # noqa: BLE001 - a date bug must not lose the quote
        hits = []
    known = [h for h in hits if h.year_known]  # a day without a year is no date to store
    ctx.dates[key] = known[0].date_start if known else ctx.published
    return ctx.dates[key]


def kind_of(ctx: Ctx, start: int, end: int) -> str:
    return "mixed" if any(start <= s and e <= end + 1 for s, e in ctx.quotes_in(start, end + 1)) else "indirect"


def make(ctx: Ctx, unit: Unit, sp: Speaker, kind: str, cue: str, span: tuple[int, int], relay: str | None) -> Quote:
    s, e = span
    q = Quote(unit.sentence_idx, s, e, sp.name, sp.surface, sp.role, sp.type, kind, cue.strip(),
              ctx.text[s:e], said_on(ctx, unit, span), relay, ctx.language)
    ctx.disc.spoke(sp)
    return q


def resolve(ctx: Ctx, m: Mention | None, unit_people: list[Speaker]) -> Speaker | None:
    if m is None:
        return None
    if m.kind == "last":
        return ctx.disc.last
    if m.kind == "pron":
        return resolve_pronoun(m, ctx.disc, unit_people)
    return from_mention(m, ctx.disc, ctx.lex)


_CAPITALISED_NOUNS = frozenset({"de"})
_CLAUSE_TAIL = re.compile(r"[^,;:.!?]*")


def described_subject(ctx: Ctx, qe: int, cue: Cue, limit: int) -> bool:
    """No named subject around a cue right after a quotation: nothing (pro-drop, '”, ha detto in conferenza'),
    or a definite common-noun description before or after it ('the professor said', 'a spus tehnicianul')."""
    gap = ctx.masked[qe : cue.start]
    lead = gap.lstrip(" ,.;:!?…\"'”»’“«")
    if not lead.strip():
        tail = _CLAUSE_TAIL.match(ctx.masked, cue.end, limit)
        words = WORD.findall(tail.group()) if tail else []
        return not words or ctx.lex.pro_drop and (words[0].lower() in ctx.lex.case_prepositions or len(words) == 1
                                                  and words[0].islower()) or (
            words[0].lower() in ctx.lex.determiners or bool(re.match(r"\s*[^\W\d_]+['’]", tail.group()))
        ) and len(words) <= 4 and all(_common(ctx, w) for w in words[1:])
    words = WORD.findall(lead)
    return words[0].lower() in ctx.lex.determiners and len(words) <= 3 and all(_common(ctx, w) for w in words[1:])


def _common(ctx: Ctx, word: str) -> bool:
    """A common noun or adjective: lowercase, or any word where nouns are capitalised ('der Wissenschaftler')."""
    return word.islower() or ctx.lex.lang in _CAPITALISED_NOUNS


_CLAUSE_COMMA = re.compile(r",(?!\d)")


_ZU_INFINITIVE = re.compile(r"[^\W\d_]{2,}zu[^\W\d_]+en", re.I)


def verb_final_infinitive(ctx: Ctx, cue: Cue, span: tuple[int, int], flat: list[str]) -> bool:
    """A comma-set infinitive clause ending in 'zu + verb' or a 'zu'-compound ('abzubrechen') after the cue."""
    if "zu" not in attribution_config().get(ctx.lex.lang, {}).get("infinitive_markers", []) or len(flat) < 2:
        return False
    if "," not in ctx.masked[cue.end : span[0] + 1]:
        return False
    return flat[-2] == "zu" or bool(_ZU_INFINITIVE.fullmatch(flat[-1]))


def first_word(text: str, start: int, end: int) -> str:
    w = WORD.search(text, start, end)
    return w.group().lower() if w else ""


def clause_comma(text: str, start: int, end: int) -> int:
    m = _CLAUSE_COMMA.search(text, start, end)
    return m.start() if m else -1
