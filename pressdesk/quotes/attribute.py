"""Attribution patterns of one unit: direct quotations and reported speech (tail attribution in tail.py,
'according to X' in prepositional.py, cue-less continuations in continuation.py)."""

from __future__ import annotations

import re

from pressdesk.quotes.clause import (
    INFINITIVE,
    LAST,
    WORD,
    characterised,
    clause_only,
    colon_after,
    complement,
    content_end,
    inner,
    make,
    person_relays,
    quoted_only,
    resolve,
    runs_on,
    trim,
    verb_final_infinitive,
)
from pressdesk.quotes.clause import kind_of as _kind_of
from pressdesk.quotes.coordination import coordinated_end, shares_subject
from pressdesk.quotes.lexicon import attribution_config, attribution_words
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx, Cue, Quote
from pressdesk.quotes.referents import PERSON
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker, same_speaker
from pressdesk.quotes.subjects import (
    absolute_subject,
    apposition_before,
    described_subject,
    noun_subject,
    object_end,
    proper_subject,
    speaker_left,
    speaker_right,
)
from pressdesk.quotes.tail import parenthetical, relative_after_subject, segment_start, tail_attribution

_MAX_GAP_WORDS = 7  # words allowed between a closing quote and its cue ('," the French ambassador said')
_NP_WORD = re.compile(r"\s*([\w’'-]+)")


_ASIDE = re.compile(r",(?=([^,]*),)")  # overlapping: each comma opens a candidate aside


def _relative_asides(ctx: Ctx, start: int, end: int) -> list[tuple[int, int]]:
    """Relative clauses set between commas ('the official, who asked not to be named, told'): spans of masked text."""
    return [(a.start(1), a.end(1)) for a in _ASIDE.finditer(ctx.masked, start, end)
            if (words := WORD.findall(a.group(1))) and words[0].lower() in ctx.lex.relatives]


_COMMA_THEN = re.compile(r"[^\S\n]*,[^\S\n]*")
_SHORT_GAP_WORDS = 4  # the speaker between: 'the Kremlin spokesman said'


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _short_but_said(ctx: Ctx, unit: Unit, qs: int, qe: int, cues: list[Cue]) -> bool:
    """A quotation of one or two words that is still a statement: split by its attribution ('“Serve - ha detto X -'),
    a two-word reaction before its cue ('« C'est inacceptable », s'est indigné X'), or an answer after the cue's
    colon ('a răspuns: „Nu”')."""
    words = len(WORD.findall(ctx.text[qs:qe]))
    return ctx.text[qe - 1] in "-–—" or words == 2 and _cue_follows(ctx, qs, qe, cues) or bool(words) and _answer(
        ctx, unit, qs, qe, cues)


def _cue_follows(ctx: Ctx, qs: int, qe: int, cues: list[Cue]) -> bool:
    """A comma (inside or after the closing mark) and a cue right after a quotation that opens its sentence: a short
    reaction quoted as said ('« C'est inacceptable », s'est indigné le ministre')."""
    inside = ctx.text[qs + 1 : qe - 1].rstrip().endswith(",")
    after = _COMMA_THEN.match(ctx.masked, qe)
    pos = qe if inside else (after.end() if after else -1)
    before = ctx.masked[max(0, qs - 2) : qs].strip()
    if pos < 0 or before not in ("", ".", "\n"):
        return False
    cue = next((c for c in cues if c.start >= pos), None)  # right after, or after its speaker ('the minister said')
    return cue is not None and not re.search(r"[,;:.!?]", ctx.masked[pos : cue.start]) and len(
        WORD.findall(ctx.masked[pos : cue.start])) <= _SHORT_GAP_WORDS


def _answer(ctx: Ctx, unit: Unit, qs: int, qe: int, cues: list[Cue]) -> bool:
    """A short quotation after its cue and a colon that ends the sentence: an answer ('a răspuns: „Nu”')."""
    return ctx.masked[unit.start : qs].rstrip().endswith(":") and not ctx.masked[qe : unit.end].strip(" .!?\n") and any(
        c.end <= qs and colon_after(ctx, c, qs) for c in cues)


def _complementizer_outside(ctx: Ctx, start: int, end: int, asides: list[tuple[int, int]]) -> bool:
    """A 'that/que/che' between a quotation and a cue opens the cue's own clause, unless it is an aside's relative
    ('il funzionario, che ha chiesto l'anonimato, ha detto')."""
    return any(not _within(k.start(), asides) for k in ctx.lex.complementizer.finditer(ctx.masked, start, end))


def _gap_words(ctx: Ctx, start: int, end: int) -> int:
    """Words between a closing quote and its cue, a speaker mention counting as one ('the head of the
    union, Dana X, told') and a relative clause set between commas as none ('the official, who asked not to be
    named, told')."""
    inside = sum(len(WORD.findall(ctx.masked[m.start : m.end])) - 1 for m in ctx.mentions_between(start, end))
    aside = sum(len(WORD.findall(ctx.masked[a:b])) for a, b in _relative_asides(ctx, start, end))
    return len(WORD.findall(ctx.masked[start:end])) - inside - aside


def direct(ctx: Ctx, unit: Unit, cues: list[Cue], relay: str | None, people: list[Speaker]) -> list[Quote]:
    """Quotations attached to a cue right after them ('”, ha dichiarato X') or before them ('X said: “')."""
    out: list[Quote] = []
    quotes = ctx.quotes_in(unit.start, unit.end + 1)
    # a verb that characterises in quoted words holds them in its clause, read as reported speech ('called it "…"')
    cues = [c for c in cues if c.lemma not in quoted_only(ctx.lex.lang)]
    for n, (qs, qe) in enumerate(quotes):
        if len(WORD.findall(ctx.text[qs:qe])) < 3 and not _short_but_said(ctx, unit, qs, qe, cues):
            continue  # a phrase in marks
        nxt = quotes[n + 1][0] if n + 1 < len(quotes) else unit.end
        asides = _relative_asides(ctx, qe, nxt)
        cue = next((c for c in cues if qe <= c.start < nxt and not c.used and c.kind != "stance" and not (
            c.tense == "gerund" and speaker_right(ctx, c, unit.end) is not None) and not _within(c.start, asides)),
            None)  # 'contenus accusant X'; not 'who asked not to be named'
        speaker: Speaker | None = None
        head: int | None = None
        if cue and _gap_words(ctx, qe, cue.start) <= _MAX_GAP_WORDS and not _complementizer_outside(
                ctx, qe, cue.start, asides):
            head = _clause_head(ctx, quotes[n - 1][1] if n else unit.start, qs)
            left = [x for x in ctx.mentions_between(qe, cue.start) if x.kind != "rel"]  # not an aside's 'who'
            m = left[-1] if left else speaker_right(ctx, cue, unit.end)
            speaker = resolve(ctx, m, people)
            if m is None and described_subject(ctx, qe, cue, unit.end):
                described = Mention(cue.start, cue.start, "pron", "", gender=PERSON)  # '”, said the professor'
                speaker = resolve(ctx, described, people)  # the best-ranked person of the discourse
        else:
            prev = quotes[n - 1][1] if n else unit.start
            cue = next((c for c in reversed(cues) if prev <= c.start and c.end <= qs and not c.used), None)
            if cue is None or not colon_after(ctx, cue, qs):
                continue
            if ctx.lex.complementizer.search(ctx.masked, cue.end, qs):
                continue
            m = speaker_right(ctx, cue, qs) or speaker_left(ctx, cue, prev)
            if m is None and (cue.tense == "narrative" or _subjectless(ctx, prev, cue, cues)):  # 'Conclude …: "…"'
                m = Mention(cue.start, cue.start, "pron", "", gender="any")
            speaker = resolve(ctx, m, people)
        if speaker is None or _relays(ctx, cue, m, speaker):
            continue
        cue.used = True
        for c in cues:
            if c.start < cue.start and _within(c.start, asides):
                c.used = True  # the aside describes the speaker ('who spoke on condition of anonymity'): no statement
        span = inner(ctx.text, qs, qe)
        if len(WORD.findall(ctx.text[qs:qe])) < 3 and n + 1 < len(quotes):
            span = inner(ctx.text, *quotes[n + 1])  # '“Serve - ha detto X - una risposta”': the words after the aside
        if head is not None:  # 'everything else that's been “left in the cold,” X explained': the whole clause
            out.append(make(ctx, unit, speaker, "mixed", cue.surface, trim(ctx.text, head, qe), relay))
            continue
        kind = "mixed" if cue.end <= qs and runs_on(ctx.text, qs) else "direct"
        out.append(make(ctx, unit, speaker, kind, cue.surface, span, relay))
    return out


_OBJECT_KINDS = frozenset({"announce", "accuse", "call_on", "praise"})


def _verb_start(ctx: Ctx, cue: Cue) -> int:
    """The cue's main verb, after its auxiliaries ('a annoncé' -> 'annoncé', 'ha accusato' -> 'accusato')."""
    aux = {a.lower() for a in attribution_words(ctx.lex.lang, "auxiliaries")}
    return next((w.start() for w in WORD.finditer(ctx.masked, cue.start, cue.end) if w.group().lower() not in aux),
                cue.start)


_SENTENCE_BREAK = re.compile(r"[.!?:;…]\s|\n")
_HEAD_WORDS = 4  # words of a clause before a quotation that closes it


def _clause_head(ctx: Ctx, start: int, qs: int) -> int | None:
    """Start of the clause a quotation closes ('and then there's everything else that's been “left in the cold,”
    X explained'): at least a few words of its sentence stand before the marks and run on into them (no comma,
    colon or dash before the quote), so the statement is the whole clause, quoted words inside (mixed)."""
    cut = start
    for b in _SENTENCE_BREAK.finditer(ctx.masked, start, qs):
        cut = b.end()
    head = ctx.masked[cut:qs]
    if len(WORD.findall(head)) < _HEAD_WORDS or not re.search(r"\w\s*$", head) or ctx.quotes_in(cut, qs):
        return None
    if ctx.lex.cue.search(ctx.masked, cut, qs) or ctx.lex.preposition.match(ctx.masked, cut + len(head) - len(head.lstrip())):
        return None  # 'X said “…”' is the cue's own; 'According to X “…”' is attributed there
    return cut


def reported(ctx: Ctx, unit: Unit, cues: list[Cue], relay: str | None, people: list[Speaker],
             found: list[Quote]) -> list[Quote]:
    """Reported speech: subject + cue + (que/that clause | object + infinitive | colon), or inverted."""
    out: list[Quote] = []
    for cue in cues:  # tail attributions first: cues inside their content are not separate statements
        if cue.used or cue.kind in ("relay", "stance") or cue.tense == "gerund":
            continue
        start = segment_start(ctx, unit, cues, cue, found)
        hit = tail_attribution(ctx, unit, cue, start)
        if hit is None or cue.lemma in quoted_only(ctx.lex.lang) and not characterised(ctx, *hit[1]):
            continue
        speaker = resolve(ctx, hit[0], people)
        if speaker is None or cue.kind == "rule" and speaker.type != "organisation":
            continue
        for other in cues:
            if start <= other.start < cue.start:
                other.used = True
        cue.used = True
        out.append(make(ctx, unit, speaker, _kind_of(ctx, *hit[1]), cue.surface, hit[1], relay))
    clause_start = unit.start
    for cue in cues:
        if cue.used or cue.kind in ("aside", "stance") and cue.tense != "narrative":  # 'continued' only after a quote
            clause_start = max(clause_start, cue.end if cue.used else clause_start)
            continue
        comp = complement(ctx, cue, unit.end)
        if cue.kind == "request" and comp is None and ctx.masked[clause_start : cue.start].rstrip().endswith(","):
            cue.used = True  # 'Peskov, asked about the reports, said': an aside about the speaker, no statement
            continue
        if cue.kind == "request" and comp is None and _request(ctx, cue, unit.end):
            cue.used = True  # 'asked the minister to resign', 'chiede di poter leggere': a request, no statement,
            asker = resolve(ctx, speaker_left(ctx, cue, clause_start), people)  # but the asker holds the floor
            if asker is not None:
                ctx.disc.spoke(asker)
            clause_start = cue.end
            continue
        before = ctx.masked[clause_start : cue.start].rstrip()
        inverted = comp is None and (before.endswith((",", "”", "»", '"')) and len(WORD.findall(before)) >= 4)
        m = speaker_right(ctx, cue, unit.end) if inverted else None
        if m is None or apposition_before(ctx, clause_start, clause_start + len(before) - 1) or relative_after_subject(
                ctx, clause_start, clause_start + len(before) - 1):  # 'Le ministre, Jean X, a accusé...': an apposition before the comma, not inverted order
            inverted = False
        if inverted:
            span = trim(ctx.text, clause_start, cue.start)
            if m is not None and parenthetical(ctx, m.end, unit.end):  # 'A, spiega la polizia, B.': A and B
                span = trim(ctx.text, clause_start, content_end(ctx, m.end, unit.end))
        else:
            shared = cue.tense == "narrative" or shares_subject(ctx, cue, out + found)  # 'Et d'ajouter', ', but said'
            m = LAST if shared else speaker_left(ctx, cue, clause_start) or noun_subject(
                ctx, clause_start, cue) or proper_subject(ctx, clause_start, cue)  # 'Et d'ajouter': the last speaker
            if comp is not None:
                stop = coordinated_end(ctx, comp, _aside_end(ctx, cue, comp, unit.end))  # ', but insisted B'
                span = trim(ctx.text, comp, content_end(ctx, comp, stop))
            elif cue.tense == "gerund" and cue.kind == "speech":
                span = (0, 0)
            else:
                rest = ctx.masked[cue.end : unit.end].lstrip()
                obj = _addressee_end(ctx, cue, unit.end)
                span = trim(ctx.text, obj, content_end(ctx, obj, coordinated_end(ctx, obj, unit.end)))
                if obj > cue.end and (not ctx.masked[obj : unit.end].strip(" .") or ctx.lex.audience.match(ctx.masked, obj)):
                    span = (0, 0)  # 'told a rally in Los Angeles', 'a déclaré à la presse': an audience, no statement
                if rest.startswith(":"):
                    span = trim(ctx.text, cue.end + ctx.masked[cue.end :].index(":") + 1, unit.end)
                elif len(WORD.findall(ctx.text[span[0] : span[1]])) < 3 and not (
                        cue.kind in _OBJECT_KINDS and characterised(ctx, *span)) or _action_only(ctx, cue, span) or (
                        cue.lemma in clause_only(ctx.lex.lang) and _kind_of(ctx, *span) != "mixed"):
                    span = (0, 0)  # 'care asigura preşedinţia rotativă': 'ensure' with a noun, no statement
                elif cue.kind in _OBJECT_KINDS and span[1] > span[0]:
                    span = (_verb_start(ctx, cue), span[1])  # 'annuncia il contributo Usa': the object says what only with its verb
            if cue.tense == "gerund" and (out or found or _unit_has_quote(ctx, unit, cue)):
                m = LAST
            if cue.tense == "gerund" and not shared:  # ', the Kremlin saying…': the absolute clause's own subject
                m = absolute_subject(ctx, clause_start, cue) or m
            if m is None and (ctx.lex.pro_drop or cue.tense == "gerund") and _only_fillers(ctx, before):
                m = Mention(cue.start, cue.start, "pron", "", gender="any")
        if cue.lemma in quoted_only(ctx.lex.lang) and (not characterised(ctx, *span) or any(
                q.start_char <= cue.start < q.end_char for q in out + found)):  # 'said it rested on what they called "…"'
            span = (0, 0)  # 'rejected the bill', 'a group called "Friends of the Earth"': an act or a name
        speaker = resolve(ctx, m, people)
        if m is not None and m.kind == "agency" or _relays(ctx, cue, m, speaker):
            clause_start = cue.end if not inverted else clause_start
            continue
        if speaker is None or span[1] - span[0] < 8 or cue.kind == "rule" and not _rules(speaker, comp):
            continue
        own_words = cue.lemma in quoted_only(ctx.lex.lang) and characterised(ctx, *span)
        if cue.tense == "gerund" and not own_words and any(same_speaker(speaker, as_speaker(q)) and not (
                comp is not None and _right_after(ctx, q, cue)) for q in out + found):
            continue  # 'X said A, emphasizing B' is one statement of X; 'X said A, adding that B' is two, and so is
            # 'X said A, calling the reports "a hoax"': the quoted words are X's too
        cue.used = True
        lead = _colon_quote(ctx, span[0], span[1]) if comp is not None else None
        if lead is not None:  # 'Spiega che A: "B"': A reported, B quoted, both the speaker's
            cut, (qs, qe) = lead
            span = trim(ctx.text, span[0], cut)
            if len(WORD.findall(ctx.text[span[0] : span[1]])) >= 3:
                out.append(make(ctx, unit, speaker, _kind_of(ctx, *span), cue.surface, span, relay))
            out.append(make(ctx, unit, speaker, "direct", cue.surface, inner(ctx.text, qs, qe), relay))
        else:
            out.append(make(ctx, unit, speaker, _kind_of(ctx, *span), cue.surface, span, relay))
        clause_start = cue.end
    return out


_COLON_QUOTE = re.compile(r":\s*")


def _colon_quote(ctx: Ctx, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """A colon inside reported content that opens a whole quotation ('explains that A: "B. C."'): where the
    reported words end, and the quotation that follows as a direct statement."""
    for qs, qe in ctx.quotes_in(start, end + 1):
        colon = ctx.masked.rfind(":", start, qs)
        if colon < 0 or _COLON_QUOTE.fullmatch(ctx.masked, colon, qs) is None:
            continue
        if len(WORD.findall(ctx.text[qs:qe])) >= 4 and not ctx.masked[qe:end].strip(" .;"):
            return colon, (qs, qe)
    return None


def _action_only(ctx: Ctx, cue: Cue, span: tuple[int, int]) -> bool:
    """'announced the opening of two plants' / 'accused her of scaremongering': announce/accuse with a plain noun
    phrase and no clause or quoted words is an action. 'annunciato di voler', "a annoncé qu'", 'accused X of
    violating the treaty', 'ha accusato X di schierare ufficiali' (an infinitive or a clause) still count."""
    verbs = attribution_config()["common"].get("noun_object_verbs", [])
    surface = " ".join(cue.surface.lower().split())
    if cue.kind not in ("announce", "accuse") or _kind_of(ctx, *span) == "mixed" or not any(
            surface == v or surface.endswith(" " + v) for v in verbs):
        return False
    words = [re.split(r"(?<=['’])", w.lower(), maxsplit=1) for w in WORD.findall(ctx.masked[span[0] : span[1]])]
    flat = [part for w in words for part in w if part]  # "d'ouvrir" -> "d'", "ouvrir"
    markers = set(attribution_words(ctx.lex.lang, "infinitive_markers")) | {"of", "să"}
    k = next((i for i, w in enumerate(flat) if w in markers), None)
    if verb_final_infinitive(ctx, cue, span, flat):
        return False  # 'kündigte an, in Revision zu gehen' / 'kündigte an, die Gespräche abzubrechen'
    if k is None or cue.kind == "announce" and k > 0:
        return True  # 'annonce l'ouverture de deux usines': the of-word belongs to the noun phrase
    tail = flat[k + 1 :]
    return not (len(tail) >= 3 or flat[k] in ("to", "să", "zu") or tail and INFINITIVE.fullmatch(tail[0]))


_REQUEST_WORDS = 5  # words after a request verb that may hold its addressee ('a cerut Guvernului României să')
_CLAUSE_STOP = re.compile(r"[,;:.!?«»“”„\"]")


def _request(ctx: Ctx, cue: Cue, end: int) -> bool:
    """A request verb followed, after at most a short addressee, by an infinitive ('asked X to', 'demande à X
    de', 'chiede di', 'a cerut să'): someone was asked to act, nobody made a statement."""
    markers = set(attribution_words(ctx.lex.lang, "infinitive_markers"))
    stop = _CLAUSE_STOP.search(ctx.masked, cue.end, end)
    words = [p for w in WORD.findall(ctx.masked[cue.end : stop.start() if stop else end])[:_REQUEST_WORDS]
             for p in re.split(r"(?<=['’])", w.lower()) if p]  # "d'arrêter" -> "d'", "arrêter"
    return any(w in markers for w in words[:_REQUEST_WORDS])


def _subjectless(ctx: Ctx, start: int, cue: Cue, cues: list[Cue]) -> bool:
    """Pro-drop: only verbs and fillers before the cue in its clause ('Conclude bacchettando i media:',
    'Poi aggiunge:'), so the subject is the one the text is about."""
    if not ctx.lex.pro_drop:
        return False
    head = list(ctx.masked[start : cue.start])
    for c in cues:
        if start <= c.start and c.end <= cue.start:
            head[c.start - start : c.end - start] = " " * (c.end - c.start)
    rest = "".join(head).strip(" ,.;:!?…\"'”»’\n")
    return _only_fillers(ctx, rest)


def _aside_end(ctx: Ctx, cue: Cue, comp: int, end: int) -> int:
    """A gerund's clause set off by commas ends before the main verb ('X, riferendo che A, ha affermato: …')."""
    if cue.tense != "gerund":
        return end
    comma = ctx.masked.find(",", comp, end)
    while comma >= 0:
        look = comma + 1 + len(ctx.masked[comma + 1 : end]) - len(ctx.masked[comma + 1 : end].lstrip())
        m = ctx.lex.cue.match(ctx.masked, look, end)
        if m is not None and m.tense != "gerund":
            return comma
        comma = ctx.masked.find(",", comma + 1, end)
    return end


def _relays(ctx: Ctx, cue: Cue, m: Mention | None, speaker: Speaker | None) -> bool:
    """A relay cue passes on another's words ('riferisce l'ANSA'); with a person as subject, verbs listed as
    person_relays are that person's statement ('il sindaco ha riferito di averne parlato')."""
    if cue.kind != "relay":
        return False
    person = m is not None and m.kind != "agency" and speaker is not None and speaker.type == "person"
    return not (person and cue.lemma in person_relays(ctx.lex.lang))


def _right_after(ctx: Ctx, q: Quote, cue: Cue) -> bool:
    """The gerund follows the reported words themselves ('said A, adding that B'), not an attribution ('“A,”
    added X, while emphasizing that B', which stays one statement)."""
    return not ctx.text[q.end_char : cue.start].strip(" ,")


def _only_fillers(ctx: Ctx, before: str) -> bool:
    """Nothing but adverbs/time words before a subjectless cue ('Además, advirtió que', 'Poi ha precisato')."""
    rest = before.strip(" ,")
    return not rest or bool(ctx.lex.fillers.fullmatch(rest + " "))


def _rules(speaker: Speaker, comp: int | None) -> bool:
    """'ruled/a jugé/ha stabilito that': a statement only of an institution (a court, a company), with a clause."""
    return comp is not None and speaker.type == "organisation"


def _addressee_end(ctx: Ctx, cue: Cue, limit: int) -> int:
    """End of the addressee after a cue: a marked one ('à l'AFP', 'ai giornalisti') or, after 'told', a
    short noun phrase ('reporters', 'a rally', 'the BBC') stopping at a determiner or preposition."""
    if cue.kind != "speech":  # 'asked the government to', 'a appelé les pays à': the addressee is the content
        return cue.end
    pos = object_end(ctx, cue.end, limit)
    verbs = attribution_words(ctx.lex.lang, "object_verbs")
    if pos > cue.end or cue.surface.split()[-1].lower() not in verbs:
        return pos
    m = ctx.mention_at(_NP_WORD.match(ctx.masked, pos).start(1) if _NP_WORD.match(ctx.masked, pos) else pos, 0)
    if m is not None and m.kind != "pron":
        owned = ctx.mention_at(m.end + 3, 0) if ctx.masked[m.end : m.end + 3] in ("'s ", "’s ") else None
        return owned.end if owned is not None else m.end  # "told the BBC's Andrew Marr": the interviewer too
    first, n = True, 0
    while (w := _NP_WORD.match(ctx.masked, pos, limit)) is not None:
        low = w.group(1).lower()
        stop = low in ctx.lex.case_prepositions or ctx.lex.complementizer.fullmatch(low) or not first and (
            low in ctx.lex.determiners or ctx.mention_at(w.start(1), 0) is not None)
        if stop or ctx.lex.audience.match(ctx.masked, pos):
            break
        n += low not in ctx.lex.determiners
        if n > 3:
            return cue.end  # no clear addressee: leave the clause as it is
        pos, first = w.end(), False if low not in ctx.lex.determiners else first
    return pos


def as_speaker(q: Quote) -> Speaker:
    return Speaker(q.speaker or "", q.speaker_surface or "", q.speaker_role, q.speaker_type)


def _unit_has_quote(ctx: Ctx, unit: Unit, cue: Cue) -> bool:
    return any(unit.start <= s and e <= cue.start for s, e in ctx.quotes_in(unit.start, cue.start))
