"""Who is the subject of a cue: the speaker before it (normal order) or after it (inverted), an apposition, a
bare noun phrase or an unknown capitalised name as fallbacks, and addressees that are not subjects."""

from __future__ import annotations

import re

from pressdesk.dates.text import fold
from pressdesk.quotes.clause import DET, WORD, after_fillers
from pressdesk.quotes.lexicon import attribution_config, attribution_words
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx, Cue
from pressdesk.quotes.orgs import nominative
from pressdesk.quotes.ranking import inverted_subject
from pressdesk.quotes.speakers import preceded_by_preposition, preceded_by_verb

_APPOSITION = re.compile(r"(?:[^\W\d_][\w’'-]*\s+){0,3}[^\W\d_][\w’'-]*,\s*")
_TITLE_WORDS = re.compile(r"(?:[A-ZÀ-Þ][\w’'-]*\.?\s+){1,3}")
_CAPITALISED_NOUNS = frozenset({"de"})
_CLAUSE_TAIL = re.compile(r"[^,;:.!?]*")


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
    det = DET.match(ctx.masked, look, limit)
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
    det = DET.match(ctx.masked, pos, limit)
    if det:
        pos = det.end()
    hon = ctx.lex.honorific.match(ctx.masked, pos, limit)
    whole = ctx.mention_at(pos, 0) if hon else None
    if whole is not None and whole.etype == "person" and whole.end <= limit + 60:
        return whole  # 'said Dr Anil X, medical director of …': the name mention holds its honorific
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
        if preceded_by_preposition(ctx.masked, m.start, ctx.lex):
            return None  # 'said, speaking in Brussels': where, not who
        return m
    return _managed_body(ctx, pos, limit) or inverted_subject(ctx, cue, limit)


def _managed_body(ctx: Ctx, pos: int, limit: int) -> Mention | None:
    """'assure la direction de la Banque de France', 'said the management of Acme Corp': a body's management
    noun (data: org_parts) and its body right after the cue; the body speaks."""
    part = WORD.match(ctx.masked, pos, limit)
    parts = {p.lower() for p in attribution_words(ctx.lex.lang, "org_parts")}
    if part is None or part.group().lower() not in parts:
        return None
    of = ctx.lex.of_words.match(ctx.masked[part.end() : limit])
    if of is None:
        return None
    look = part.end() + of.end()
    det = DET.match(ctx.masked, look, limit)
    m = ctx.mention_at(det.end() if det else look, 1)
    return m if m is not None and m.etype == "organisation" else None


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
        for m in cands:
            if m.kind in ("pron", "rel") or preceded_by_verb(ctx.masked, m.start, ctx.lex):
                continue
            head = set(ctx.masked[max(start, m.start - 12) : m.start].lower().split()[-2:])
            if not preceded_by_preposition(ctx.masked, m.start, ctx.lex) or head & _absolute_prepositions():
                return m
        return None
    aside = gerund_aside(ctx, start, cue.start)
    if aside is not None:  # 'Il sindaco, riferendo che la giunta …, ha affermato': nothing in the aside is the subject
        cands = [c for c in cands if not aside[0] <= c.start < aside[1]]
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
                if ante is not None and ctx.quotes_in(ante.end, m.start):
                    return None  # 'attacca i "profeti di sventura" che avvertono': the quoted phrase is the antecedent
                comma = ctx.masked.rfind(",", start, m.start)
                return ante or (_bare_noun(ctx, start, comma) if closed and comma > start else None)
            continue
        if preceded_by_preposition(ctx.masked, m.start, ctx.lex) or preceded_by_verb(ctx.masked, m.start, ctx.lex):
            continue
        return _described(ctx, m, cue, cands)
    return None


_LOWER_WORD = re.compile(r"\s+([^\W\d_A-ZÀ-Þ][\w’'-]*)")


def _described(ctx: Ctx, m: Mention, cue: Cue, cands: list[Mention]) -> Mention:
    """'A Moscow business executive told', 'a Paris restaurant manager said': a place before common nouns is a
    modifier of an unnamed speaker, not the speaker; the description (place and nouns) is kept as its name."""
    place = m
    if m.kind == "role":  # 'a Paris restaurant manager': the place before the role's words
        place = next((c for c in reversed(cands) if c.end <= m.start), None)
        if place is None or not _nouns_between(ctx, place.end, m.start, allow_none=True):
            return m
    if place.etype not in ("country", "place") or place.kind not in ("entity", "name"):
        return m
    lead = WORD.findall(ctx.masked[max(0, place.start - 12) : place.start])
    if not lead or lead[-1].lower() not in ctx.lex.determiners or lead[-1].lower() in ("the", "his", "her", "its", "their"):
        return m  # 'the London office' may be a body; only an indefinite description is an unnamed person
    end = m.end if m is not place else _nouns_end(ctx, place.end, cue.start)
    if end is None:
        return m
    return Mention(place.start, end, "noun", ctx.masked[place.start : end])


def _nouns_end(ctx: Ctx, pos: int, limit: int) -> int | None:
    """End of one to three common nouns after pos, with only fillers ('also') between them and the cue."""
    end, count = None, 0
    for w in _LOWER_WORD.finditer(ctx.masked, pos, limit):
        if w.start() != (end if end is not None else pos) or count == 3:
            break
        word = w.group(1).lower()
        if word in ctx.lex.function_words or ctx.lex.fillers.fullmatch(word + " "):
            break
        end, count = w.end(), count + 1
    if end is None or ctx.masked[end:limit].strip() and not ctx.lex.fillers.fullmatch(ctx.masked[end:limit].strip() + " "):
        return None
    return end


def _nouns_between(ctx: Ctx, start: int, end: int, allow_none: bool) -> bool:
    gap = ctx.masked[start:end]
    words = WORD.findall(gap)
    if not words:
        return allow_none and not gap.strip()
    return len(words) <= 2 and all(w.islower() and w not in ctx.lex.function_words for w in words) and not any(
        ch in gap for ch in ",;:")


def gerund_aside(ctx: Ctx, start: int, end: int) -> tuple[int, int] | None:
    """The span of a gerund clause (or a subjectless 'asked …') set off by commas right before end ('X, riferendo che
    …, ha affermato', 'Peskov, asked about the reports, said'), if any."""
    before = ctx.masked[start:end].rstrip()
    if not before.endswith(","):
        return None
    close = start + len(before) - 1
    comma = ctx.masked.rfind(",", max(start, close - 300), close)
    while comma >= 0:
        if opens_on_aside_verb(ctx, comma + 1, close):
            return comma, close
        comma = ctx.masked.rfind(",", max(start, close - 300), comma)
    return None


def opens_on_aside_verb(ctx: Ctx, start: int, end: int) -> bool:
    """The clause at `start` opens on a gerund or a subjectless 'asked' ('riferendo che …', 'asked about the
    reports'): an aside about the subject, not a statement of its own."""
    look = start + len(ctx.masked[start:end]) - len(ctx.masked[start:end].lstrip())
    m = ctx.lex.cue.match(ctx.masked, look, end)
    return m is not None and (m.tense == "gerund" or m.kind == "request")


def _closed_relative(ctx: Ctx, rel: Mention, cue: Cue) -> bool:
    """A relative clause set off by commas between its antecedent and the cue ('X, who ..., said')."""
    return ctx.masked[: rel.start].rstrip().endswith(",") and ctx.masked[rel.end : cue.start].rstrip().endswith(",")


def absolute_subject(ctx: Ctx, start: int, cue: Cue) -> Mention | None:
    """The subject of an absolute participle clause, between the comma that opens it and its participle: ', la
    direction prévoyant…', ', with the ministry saying…', ', ministerul estimând că…'. A name there, else a short
    bare noun phrase."""
    comma = ctx.masked.rfind(",", start, cue.start)
    if comma < 0 or ctx.quotes_in(comma, cue.start):
        return None
    first = re.match(r"\s*([\w’']+)\s", ctx.masked[comma + 1 : cue.start])
    lead = comma + 1 + (first.end() if first and first.group(1).lower() in _absolute_prepositions() else 0)
    names = [m for m in ctx.mentions_between(lead, cue.start) if m.kind not in ("pron", "rel")]
    if names and not ctx.masked[names[-1].end : cue.start].strip():
        return names[-1]
    words = WORD.findall(ctx.masked[lead : cue.start])
    return _bare_noun(ctx, lead, cue.start) if words and _opens_noun_phrase(ctx, words) else None


def _opens_noun_phrase(ctx: Ctx, words: list[str]) -> bool:
    """A determiner, a capital or a noun carrying its article ('ministerul') opens it: not ', while emphasizing'."""
    low = words[0].lower()
    elided = any(low.startswith(d) for d in ctx.lex.determiners if d.endswith(("'", "’")))
    return (low in ctx.lex.determiners or elided or words[0][:1].isupper()
            or len(words) == 1 and bool(ctx.lex.enclitic) and low.endswith(ctx.lex.enclitic))


def _absolute_prepositions() -> frozenset[str]:
    return frozenset(attribution_config()["common"]["absolute_prepositions"])


def noun_subject(ctx: Ctx, start: int, cue: Cue) -> Mention | None:
    """Fallback subject: a short bare noun phrase opening the clause ('Les parties ont déclaré'), or following a
    lead-in phrase and its comma ('In a statement, the defence ministry said', 'Lundi, les parties ont déclaré')."""
    found = _bare_noun(ctx, start, cue.start)
    comma = ctx.masked.rfind(",", start, cue.start)
    if found is None and comma > start and _lead_in(ctx, start, comma) and proper_subject(ctx, start, cue) is None:
        found = _bare_noun(ctx, comma + 1, cue.start)  # not a name ('In una nota, Stellantis'): read as a body
    return found


_LEAD_IN_WORDS = 6


def _lead_in(ctx: Ctx, start: int, end: int) -> bool:
    """An adverbial phrase that opens a sentence before its subject: a preposition and a few words ('In a
    statement', 'On Monday', 'Dans un communiqué'), or a date alone ('Lundi', 'Ieri')."""
    words = WORD.findall(ctx.masked[start:end])
    if not words or len(words) > _LEAD_IN_WORDS or ctx.quotes_in(start, end) or ctx.lex.cue.search(ctx.masked, start, end):
        return False
    first = words[0].lower()
    return first in ctx.lex.case_prepositions or all(fold(w) in ctx.lex.calendar for w in words)


def _bare_noun(ctx: Ctx, start: int, end: int) -> Mention | None:
    chunk = ctx.masked[start:end]
    words = WORD.findall(chunk)
    if 1 <= len(words) <= 4 and not any(ch in chunk for ch in ",;:") and chunk.strip() and _noun_phrase(ctx, words, start, end):
        lead = len(chunk) - len(chunk.lstrip())
        surface = chunk.strip()
        return Mention(start + lead, start + lead + len(surface), "noun", surface)
    return None


def _noun_phrase(ctx: Ctx, words: list[str], start: int, end: int) -> bool:
    """Words that can be a subject: not opening on a preposition ('Con la prima che'), with no relative or
    complementizer inside and no cue verb ('Conclude', 'Conclut-elle en': a subjectless verb, not a noun)."""
    low = [w.lower() for w in words]
    if not all(any(ch.isalpha() for ch in w) for w in words) or ctx.quotes_in(start, end):
        return False  # '« -': the marks and dash of a split quotation, no words
    if any(w in ctx.lex.case_prepositions and w not in ctx.lex.determiners for w in (low[0], low[-1])):
        return False  # 'Con la prima che', 'He is said to': a phrase that opens or ends on a preposition
    if any(w in ctx.lex.relatives for w in low) or ctx.lex.complementizer.search(ctx.masked, start, end):
        return False
    return ctx.lex.cue.search(ctx.masked, start, end) is None


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
    if ctx.mentions_between(s, cue.start) or ctx.lex.cue.match(ctx.masked, s, s + len(name)):
        return None  # 'Conclude bacchettando': a capitalised verb opening the sentence is no name
    return Mention(s, s + len(name), "inst", name, nominative(name, ctx.lex), "organisation")


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

