"""Who said what: direct, indirect and mixed quotes with speaker, cue, relay (via) and date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pressdesk.entities import find_entities, key_of
from pressdesk.quotes.lexicon import Lexicon, attribution_config, lexicon
from pressdesk.quotes.mentions import Mention, find_mentions
from pressdesk.quotes.spans import Unit, body_end, find_quote_spans, make_units, mask_quotes
from pressdesk.quotes.speakers import (
    Discourse,
    Speaker,
    from_mention,
    preceded_by_preposition,
    preceded_by_verb,
    resolve_pronoun,
)
from pressdesk.sentences import Sentence, split_sentences

_WORD = re.compile(r"[\w’'-]+")
_MAX_GAP_WORDS = 7  # words allowed between a closing quote and its cue ('," the French ambassador said')


@dataclass
class Quote:
    sentence_idx: int
    start_char: int
    end_char: int
    speaker: str | None
    speaker_surface: str | None
    speaker_role: str | None
    speaker_type: str  # person | organisation | country | unnamed
    kind: str  # direct | indirect | mixed
    cue: str
    text: str
    said_on: date | None
    via: str | None
    language: str


@dataclass
class _Cue:
    start: int
    end: int
    surface: str
    tense: str
    kind: str
    used: bool = False


@dataclass
class _Ctx:
    text: str
    masked: str
    lex: Lexicon
    mentions: list[Mention]
    spans: list[tuple[int, int]]
    disc: Discourse
    language: str
    published: date | None


def _cues(ctx: _Ctx, unit: Unit) -> list[_Cue]:
    out = []
    for m in ctx.lex.cue.finditer(ctx.masked, unit.start, unit.end):
        verb = m.group("part") or m.group("fin")
        tense, kind = ctx.lex.verb_kind.get(" ".join(key_of(verb)), ("finite", "speech"))
        if _negated(ctx, m.start()):
            continue
        out.append(_Cue(m.start(), m.end(), m.group(), tense, kind))
    return out


def _negated(ctx: _Ctx, start: int) -> bool:
    """'has not confirmed', "n'a pas commenté", 'non ha detto', 'nu a spus': no statement."""
    words = attribution_config()["common"]["negations"]
    before = ctx.masked[max(0, start - 12) : start].lower()
    wide = ctx.masked[max(0, start - 40) : start].lower()
    if re.search(r"(?<!\w)(?:not|pas|non|nu)\s+\w+\s+(?:or|ou|o|sau|nor|ni)\s*$", wide):
        return True
    return any(re.search(rf"(?<!\w){re.escape(w)}\s*$", before) for w in words) or bool(
        re.match(r"\S+\s+(?:not|pas|non|nu)\b", ctx.masked[start : start + 20], re.I)
    )


def _in_quote(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e - 1 for s, e in spans)


def _mentions_between(ctx: _Ctx, start: int, end: int) -> list[Mention]:
    return [m for m in ctx.mentions if start <= m.start and m.end <= end and not _in_quote(m.start, ctx.spans)]


def _after_fillers(ctx: _Ctx, pos: int, limit: int) -> int:
    """Skip time words, adverbs and agency descriptors after a cue ('a adăugat la rândul său Lavrov')."""
    while pos < limit:
        rest = ctx.masked[pos:limit]
        lead = len(rest) - len(rest.lstrip(" ,"))
        m = ctx.lex.fillers.match(ctx.masked, pos + lead, limit)
        agency = _agency_words().match(ctx.masked, pos + lead, limit)
        step = max(m.end() if m else 0, agency.end() if agency else 0)
        if step <= pos + lead:
            return pos + lead
        pos = step
    return pos


def _agency_words() -> re.Pattern[str]:
    words = attribution_config()["common"]["agency_words"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alt})\s*", re.IGNORECASE)


def _speaker_right(ctx: _Ctx, cue: _Cue, limit: int) -> Mention | None:
    """Inverted order: the first mention right after the cue (skipping fillers)."""
    pos = _after_fillers(ctx, cue.end, limit)
    det = re.match(r"(?:\w{1,3}['’]|(?:the|le|la|les|il|lo|un|una|une|o|un)\s+)", ctx.masked[pos:limit], re.I)
    if det:
        pos += det.end()
    hon = ctx.lex.honorific.match(ctx.masked, pos, limit)
    if hon:
        pos = hon.end() + len(ctx.masked[hon.end() : limit]) - len(ctx.masked[hon.end() : limit].lstrip())
    return next((m for m in ctx.mentions if pos <= m.start <= pos + 1 and m.end <= limit + 60), None)


def _speaker_left(ctx: _Ctx, cue: _Cue, start: int) -> Mention | None:
    """Normal order: the nearest mention before the cue that is a subject (not after a preposition/verb)."""
    cands = _mentions_between(ctx, start, cue.start)
    if cue.tense == "gerund":  # the gerund's subject is the clause subject: leftmost, 'with X warning' allowed
        absolute = attribution_config()["common"]["absolute_prepositions"]
        for m in cands:
            if m.kind in ("pron", "rel") or preceded_by_verb(ctx.masked, m.start, ctx.lex):
                continue
            head = ctx.masked[max(start, m.start - 12) : m.start].lower().split()
            if not preceded_by_preposition(ctx.masked, m.start, ctx.lex) or (head and set(head[-2:]) & set(absolute)):
                return m
        return None
    gap_ok = lambda m: len(_WORD.findall(ctx.masked[m.end : cue.start])) <= 2  # noqa: E731
    for m in reversed(cands):
        if m.kind == "pron":
            if gap_ok(m):
                return m
            continue
        if m.kind == "rel":
            if gap_ok(m):
                return next((c for c in reversed(cands) if c.end <= m.start and c.kind not in ("pron", "rel")), None)
            continue
        if preceded_by_preposition(ctx.masked, m.start, ctx.lex) or preceded_by_verb(ctx.masked, m.start, ctx.lex):
            continue
        return m
    return None


def _noun_subject(ctx: _Ctx, start: int, cue: _Cue) -> Mention | None:
    """Fallback subject: a short bare noun phrase opening the clause ('Les parties ont déclaré')."""
    chunk = ctx.masked[start : cue.start]
    words = _WORD.findall(chunk)
    if 1 <= len(words) <= 4 and not any(ch in chunk for ch in ",;:") and chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        surface = chunk.strip()
        return Mention(start + lead, start + lead + len(surface), "noun", surface)
    return None


def _complement(ctx: _Ctx, cue: _Cue, end: int) -> int | None:
    """Start of the reported clause after 'que/che/că/that' within a few words of the cue."""
    m = ctx.lex.complementizer.search(ctx.masked, cue.end, end)
    if not m:
        return None
    between = ctx.masked[cue.end : m.start()]
    if len(_WORD.findall(between)) > 14 or re.search(r"[.!?;]", between):
        return None
    return m.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;–—-\n":
        start += 1
    while end > start and text[end - 1] in " ,.;:–—-\n":
        end -= 1
    return start, end


def _via(ctx: _Ctx, unit: Unit) -> str | None:
    names = []
    for m in _mentions_between(ctx, unit.start, unit.end):
        if m.kind == "agency" and m.canonical not in names:
            names.append(m.canonical or m.surface)
    return " via ".join(names) or None


def _said_on(ctx: _Ctx, unit: Unit) -> date | None:
    try:
        from pressdesk.dates import find_dates
    except ImportError:  # dates module not available: publication date only
        return ctx.published
    try:
        found = find_dates(ctx.text[unit.start : unit.end], ctx.language, ctx.published)
    except Exception:  # noqa: BLE001 - a date bug must not lose the quote
        return ctx.published
    for tm in found:
        if not _in_quote(unit.start + tm.start, ctx.spans):
            return tm.date_start
    return ctx.published


def _kind_of(ctx: _Ctx, start: int, end: int) -> str:
    return "mixed" if any(start <= s and e <= end + 1 for s, e in ctx.spans) else "indirect"


def _make(ctx: _Ctx, unit: Unit, sp: Speaker, kind: str, cue: str, span: tuple[int, int], via: str | None) -> Quote:
    s, e = span
    return Quote(unit.sentence_idx, s, e, sp.name, sp.surface, sp.role, sp.type, kind, cue.strip(),
                 ctx.text[s:e], _said_on(ctx, unit), via, ctx.language)


_LAST = Mention(0, 0, "last", "")


def _unit_has_quote(ctx: _Ctx, unit: Unit, cue: _Cue) -> bool:
    return any(unit.start <= s and e <= cue.start for s, e in ctx.spans)


def _resolve(ctx: _Ctx, m: Mention | None, unit_people: list[Speaker]) -> Speaker | None:
    if m is None:
        return None
    if m.kind == "last":
        return ctx.disc.last
    if m.kind == "pron":
        return resolve_pronoun(m, ctx.disc, unit_people)
    return from_mention(m, ctx.disc, ctx.lex)


def _direct(ctx: _Ctx, unit: Unit, cues: list[_Cue], via: str | None, people: list[Speaker]) -> list[Quote]:
    """Quotations attached to a cue right after them ('”, ha dichiarato X') or before them ('X said: “')."""
    out: list[Quote] = []
    quotes = [q for q in ctx.spans if unit.start <= q[0] and q[1] <= unit.end + 1]
    for n, (qs, qe) in enumerate(quotes):
        if len(_WORD.findall(ctx.text[qs:qe])) < 3:
            continue
        nxt = quotes[n + 1][0] if n + 1 < len(quotes) else unit.end
        cue = next((c for c in cues if qe <= c.start < nxt and not c.used), None)
        speaker: Speaker | None = None
        if cue and len(_WORD.findall(ctx.masked[qe : cue.start])) <= _MAX_GAP_WORDS and not ctx.lex.complementizer.search(
            ctx.masked, qe, cue.start
        ):
            left = _mentions_between(ctx, qe, cue.start)
            m = left[-1] if left else _speaker_right(ctx, cue, unit.end)
            speaker = _resolve(ctx, m, people)
        else:
            prev = quotes[n - 1][1] if n else unit.start
            cue = next((c for c in reversed(cues) if prev <= c.start and c.end <= qs and not c.used), None)
            if cue is None or not re.fullmatch(r"(?:[^.;:,]{0,60}?[:,])?\s*", ctx.masked[cue.end : qs]):
                continue
            if ctx.lex.complementizer.search(ctx.masked, cue.end, qs):
                continue
            m = _speaker_right(ctx, cue, qs) or _speaker_left(ctx, cue, prev)
            speaker = _resolve(ctx, m, people)
        if speaker is None or cue.kind == "relay":
            continue
        cue.used = True
        out.append(_make(ctx, unit, speaker, "direct", cue.surface, (qs + 1, qe - 1), via))
        ctx.disc.spoke(speaker)
    return out


def _reported(ctx: _Ctx, unit: Unit, cues: list[_Cue], via: str | None, people: list[Speaker]) -> list[Quote]:
    """Reported speech: subject + cue + (que/that clause | object + infinitive | colon), or inverted."""
    out: list[Quote] = []
    clause_start = unit.start
    for n, cue in enumerate(cues):
        if cue.used:
            clause_start = cue.end
            continue
        nxt = next((c.start for c in cues[n + 1 :] if not c.used), unit.end)
        content_end = nxt if nxt < unit.end else unit.end
        comp = _complement(ctx, cue, unit.end)
        before = ctx.masked[clause_start : cue.start].rstrip()
        inverted = comp is None and (before.endswith((",", "”", "»", '"')) and len(_WORD.findall(before)) >= 4)
        if inverted:
            m = _speaker_right(ctx, cue, unit.end)
            span = _trim(ctx.text, clause_start, cue.start)
        else:
            m = _speaker_left(ctx, cue, clause_start) or _noun_subject(ctx, clause_start, cue)
            if comp is not None:
                span = _trim(ctx.text, comp, _cut_at_preposition(ctx, comp, unit.end))
            elif cue.tense == "gerund" and cue.kind == "speech":
                span = (0, 0)
            else:
                rest = ctx.masked[cue.end : unit.end].lstrip()
                span = _trim(ctx.text, cue.end, _cut_at_preposition(ctx, cue.end, unit.end))
                if rest.startswith(":"):
                    span = _trim(ctx.text, cue.end + ctx.masked[cue.end :].index(":") + 1, unit.end)
                elif len(_WORD.findall(ctx.text[span[0] : span[1]])) < 3:
                    span = (0, 0)
            if cue.tense == "gerund" and (out or _unit_has_quote(ctx, unit, cue)):
                m = _LAST
            if m is None and (ctx.lex.pro_drop or cue.tense == "gerund") and not before.strip(" ,"):
                m = Mention(cue.start, cue.start, "pron", "", gender="any")
        del content_end
        speaker = _resolve(ctx, m, people)
        if m is not None and m.kind == "agency" or cue.kind == "relay":
            clause_start = cue.end if not inverted else clause_start
            continue
        if speaker is None or span[1] - span[0] < 8:
            continue
        cue.used = True
        out.append(_make(ctx, unit, speaker, _kind_of(ctx, *span), cue.surface, span, via))
        ctx.disc.spoke(speaker)
        clause_start = cue.end
    return out


def _cut_at_preposition(ctx: _Ctx, start: int, end: int) -> int:
    """A trailing ', selon le ministère' / ', a rapporté Reuters' is attribution, not content."""
    m = re.search(rf",\s*(?=(?:{ctx.lex.preposition.pattern})\b)", ctx.masked[start:end], re.IGNORECASE)
    return start + m.start() if m else end


def _prepositional(ctx: _Ctx, unit: Unit, via: str | None, people: list[Speaker], taken: bool) -> list[Quote]:
    """'selon X', 'according to X', 'For the minister, ...' (when no cue in the unit carries the statement)."""
    out: list[Quote] = []
    for p in ctx.lex.preposition.finditer(ctx.masked, unit.start, unit.end):
        word = p.group().lower()
        head = ctx.masked[unit.start : p.start()].strip()
        if word in ctx.lex.weak_prepositions and head:
            continue
        pos = p.end()
        gap = re.match(rf"\s*(?:(?:\w{{1,3}}['’]|\w{{1,4}}\s+)?(?:{ctx.lex.statement_noun.pattern})\s+(?:\w{{1,4}}\s+|\w{{1,3}}['’])*)?",
                       ctx.masked[pos:unit.end], re.IGNORECASE)
        pos += gap.end() if gap else 0
        det = re.match(r"\s*(?:\w{1,3}['’]|(?:the|le|la|les|il|lo|l|un|una|une|o|gli|i)\s+)?", ctx.masked[pos:unit.end], re.I)
        pos += det.end() if det else 0
        m = next((x for x in ctx.mentions if pos <= x.start <= pos + 1 and x.kind not in ("pron", "rel")), None)
        if m is None or m.kind == "agency" or taken:
            continue
        after = ctx.masked[m.end : unit.end]
        if word in ctx.lex.weak_prepositions and not after.lstrip().startswith(","):
            continue
        speaker = from_mention(m, ctx.disc, ctx.lex)
        if speaker is None:
            continue
        if not head:
            comma = ctx.masked.find(",", m.end, unit.end)
            span = _trim(ctx.text, comma + 1 if comma > 0 else m.end, unit.end)
        elif re.fullmatch(r"[\s.,;!?…]*", _strip_coord(after)):
            span = _trim(ctx.text, unit.start, p.start())
        else:
            span = _trim(ctx.text, unit.start, unit.end)
        kind = _kind_of(ctx, *span)
        inner = [q for q in ctx.spans if span[0] <= q[0] + 1 and q[1] - 1 <= span[1]]
        if len(inner) == 1 and ctx.text[span[0]:span[1]].strip(" «»“”„\"") == ctx.text[inner[0][0] + 1 : inner[0][1] - 1].strip():
            kind, span = "direct", (inner[0][0] + 1, inner[0][1] - 1)
        if span[1] - span[0] < 8:
            continue
        out.append(_make(ctx, unit, speaker, kind, p.group() + ctx.masked[p.end() : m.start].rstrip(), span, via))
        ctx.disc.spoke(speaker)
    return out


def _strip_coord(after: str) -> str:
    """Remove a coordinated second source ('and Seoul', 'e gli Stati Uniti') and a trailing relay clause."""
    return re.sub(r"^\s*(?:and|et|e|și|şi|y|und)\s+\S+(?:\s+\S+){0,3}", "", after)


def _continuations(ctx: _Ctx, unit: Unit, quotes: list[Quote], people: list[Speaker]) -> list[Quote]:
    """A quotation with no cue, right after an attributed direct quote in the same paragraph: same speaker."""
    if not quotes or quotes[-1].kind != "direct":
        return []
    last = quotes[-1]
    out = []
    for qs, qe in ctx.spans:
        if not (last.end_char < qs and qe <= unit.end + 1) or "\n" in ctx.text[last.end_char : qs]:
            continue
        if any(q.start_char <= qs + 1 <= q.end_char for q in quotes) or len(_WORD.findall(ctx.text[qs:qe])) < 5:
            continue
        sp = Speaker(last.speaker or "", last.speaker_surface or "", last.speaker_role, last.speaker_type)
        out.append(_make(ctx, unit, sp, "direct", last.cue, (qs + 1, qe - 1), last.via))
    return out


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop a quote whose span lies inside another quote of the same speaker (gerund inside its clause)."""
    out = []
    for q in quotes:
        inside = any(
            o is not q and o.speaker == q.speaker and o.start_char <= q.start_char and q.end_char <= o.end_char
            and ((o.end_char - o.start_char) > (q.end_char - q.start_char) or quotes.index(o) < quotes.index(q))
            for o in quotes
        )
        if not inside:
            out.append(q)
    return sorted(out, key=lambda q: q.start_char)


def extract_quotes(
    text: str, language: str, published: date | None, sentences: list[Sentence] | None = None
) -> list[Quote]:
    """All attributed statements of an article, in text order."""
    lang = (language or "en").lower()[:2]
    lex = lexicon(lang)
    limit = body_end(text)
    spans = find_quote_spans(text, limit)
    sents = sentences if sentences is not None else split_sentences(text, lang)
    units = make_units(text, sents, spans, limit)
    masked = mask_quotes(text[:limit], spans)
    ents = [e for e in find_entities(masked, lang)]
    ctx = _Ctx(text, masked, lex, find_mentions(masked, lex, ents), spans, Discourse(), lang, published)
    out: list[Quote] = []
    for unit in units:
        out += _unit_quotes(ctx, unit)
    return _dedupe(out)


def _unit_quotes(ctx: _Ctx, unit: Unit) -> list[Quote]:
    via = _via(ctx, unit)
    cues = _cues(ctx, unit)
    people = []
    for m in _mentions_between(ctx, unit.start, unit.end):
        if m.kind in ("entity", "name") and m.etype == "person":
            sp = from_mention(m, ctx.disc, ctx.lex)
            if sp:
                people.append(sp)
    found = _direct(ctx, unit, cues, via, people)
    found += _reported(ctx, unit, cues, via, people)
    found += _prepositional(ctx, unit, via, people, taken=bool(found))
    found += _continuations(ctx, unit, found, people)
    for sp in people:
        ctx.disc.introduce(sp)
    return found
