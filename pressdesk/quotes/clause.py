"""Clause-level helpers: cues, fillers, content boundaries, relays, dates; subjects of cues are in subjects.py."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pressdesk.entities import fold, key_of
from pressdesk.quotes.lexicon import attribution_config, attribution_words, listed
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.model import Ctx, Cue, Quote
from pressdesk.quotes.referents import latest_named, resolve_reference
from pressdesk.quotes.spans import Unit
from pressdesk.quotes.speakers import Speaker, from_mention

WORD = re.compile(r"[\w’'-]+")
_NEG_COORD = re.compile(r"(?<!\w)(?:not|pas|non|nu)\s+\w+\s+(?:or|ou|o|sau|nor|ni)\s*$")
_NEG_AFTER = re.compile(r"\S+\s+(?:not|pas|non|nu)\b", re.I)
DET = re.compile(r"(?:\w{1,3}['’]|(?:the|le|la|les|il|lo|i|gli|un|una|une|o|el|los|las|der|die|das|den|dem)\s+)", re.I)
# between a cue and its quotation: nothing, a comma, or a colon after a few words (the speaker, 'a margine di un
# incontro a Roma', 'in a statement on Monday')
_COLON_GAP = re.compile(r"(?:[^.;:,]{0,60}?[:,]|[^.;:]{0,120}?:)?\s*")
_SENT_PUNCT = re.compile(r"[.!?;]")
LAST = Mention(0, 0, "last", "")


@lru_cache(maxsize=1)
def _negation() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{listed(attribution_config()['common']['negations'])})\s*$")


@lru_cache(maxsize=1)
def agency_words() -> re.Pattern[str]:
    return re.compile(rf"(?:{listed(attribution_config()['common']['agency_words'], True)})\s*", re.IGNORECASE)


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
        surface = ctx.text[m.start():m.end()]  # as written: a word quoted inside the cue shows ("a « totalement » rejeté")
        out.append(Cue(m.start(), m.end(), surface, tense, kind, pron=pron, lemma=getattr(m, "lemma", "")))
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



def complement(ctx: Ctx, cue: Cue, end: int) -> int | None:
    """Start of the reported clause after 'que/che/că/that' within a few words of the cue."""
    m = ctx.lex.complementizer.search(ctx.masked, cue.end, end)
    if not m:
        return None
    between = ctx.masked[cue.end : m.start()]
    words = WORD.findall(between)
    if len(words) > 14 or _SENT_PUNCT.search(between) or (m.group().lower() in ctx.lex.weak_complementizers and len(words) > 2):
        return None
    finite = set(attribution_words(ctx.lex.lang, "finite_verbs"))
    if any(w.lower() in finite for w in words):
        return None  # 'said the plan would require a vote that ...': the clause began right after the cue
    if _relative_before(ctx, cue.end, m.start()):
        return None  # 'fustige les « prophètes de malheur » qui affirment que': the relative's verb holds the clause
    return m.end()


def _relative_before(ctx: Ctx, start: int, at: int) -> bool:
    """Quoted words between a cue and the complementizer at `at` open a relative clause: the complementizer or a
    relative pronoun follows them at once ('contro i "profeti di sventura" che avvertono', '« prophètes » qui
    affirment que'), so the clause is the relative's, not the cue's ('told reporters who … that' stays the cue's)."""
    quoted = ctx.quotes_in(start, at)
    if not quoted or not opens_lower(ctx.text, *quoted[-1]):
        return False
    after = WORD.findall(ctx.masked[quoted[-1][1] : at])
    return not after or after[0].lower() in ctx.lex.relatives


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
    det = DET.match(ctx.masked, look, end)
    if det:
        look = det.end()
    ment = ctx.mention_at(look, 0)
    if ment is None or ment.kind != "agency":
        return False
    nxt = ctx.lex.cue.match(ctx.masked, after_fillers(ctx, ment.end, end), end)
    tail = ctx.masked[ment.end : end].strip(" .")
    return not tail or tail.startswith(",") or nxt is not None


@lru_cache(maxsize=8)
def quoted_only(lang: str) -> frozenset[str]:
    """Cue lemmas that state only with someone's quoted words in their clause ('called the plan "a disgrace"'):
    without them they act ('rejected the bill') or name ('a group called "Friends of the Earth"')."""
    return frozenset(fold(w) for w in attribution_words(lang, "quoted_only"))


def opens_lower(text: str, qs: int, end: int) -> bool:
    """The first letter after the quotation mark at `qs` (and before `end`) is lower case: quoted words that go on
    a sentence ('« le narratif des putschistes »'), not a statement or a name opening on a capital."""
    return next((ch for ch in text[qs + 1 : end] if ch.isalpha()), "").islower()


_OPENING_MARKS = frozenset("«“„\"‹‘'")


def runs_on(text: str, qs: int) -> bool:
    """The quotation at `qs` goes on the reporter's own words, no colon or comma between, and opens in lower case
    ('ont annoncé être « résolus à … »', 'pour qui « ni les Africains … »'): quoted words inside a sentence
    (mixed), not a statement standing on its own."""
    before = text[:qs].rstrip()
    opening = text[qs:qs + 1] in _OPENING_MARKS  # not the second part of a quotation split by its attribution
    return opening and bool(before) and before[-1].isalnum() and opens_lower(text, qs, qs + 8)


def characterised(ctx: Ctx, start: int, end: int) -> bool:
    """A quotation inside the span opens in lower case: words someone used ('« accusations infondées »'), not a
    quoted name ('„Poșta Română”', '"Friends of the Earth"')."""
    return any(start <= s and e <= end + 1 and opens_lower(ctx.text, s, e) for s, e in ctx.quotes_in(start, end + 1))


@lru_cache(maxsize=8)
def clause_only(lang: str) -> frozenset[str]:
    """Cue lemmas that state only with a clause or quoted words ('assure that'), not with a noun object."""
    return frozenset(fold(w) for w in attribution_words(lang, "clause_only"))  # as cue lemmas are


@lru_cache(maxsize=8)
def person_relays(lang: str) -> frozenset[str]:
    """Relay verbs that are a statement when a person is their subject ('il sindaco ha riferito di …')."""
    return frozenset(attribution_words(lang, "person_relays"))


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
    s, e = max(unit.start, span[0]), min(unit.end, span[1])
    if ctx.date_spans is not None and not any(
            a < unit.end and unit.start < b and not s <= a < b <= e for a, b in ctx.date_spans):
        return ctx.published  # no date stands in the unit outside the statement: nothing to read
    try:
        from pressdesk.dates import find_dates
    except Exception:  # noqa: BLE001 - dates module unavailable or broken: publication date only
        return ctx.published
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


# A wire lead-in opening the sentence: 'KYIV (Reuters) -', 'PARIS, 8 janvier (AFP) —', 'ROMA, 8 GEN -': the place in
# capitals, an optional date, an optional agency in brackets, a dash. It is where the copy was filed, not what was said.
_WIRE_LEAD = re.compile(r"[A-ZÀ-ÞĂÂÎȘŞȚŢ][A-ZÀ-ÞĂÂÎȘŞȚŢ'’. -]{1,40}(?:,[^\n()–—-]{1,30}\s*(?:\([^()\n]{1,40}\))?"
                        r"|\s*\([^()\n]{1,40}\))\s*[-–—]+\s+(?=\S)")  # a date or an agency: not 'NATO - the alliance -'


def make(ctx: Ctx, unit: Unit, sp: Speaker, kind: str, cue: str, span: tuple[int, int], relay: str | None) -> Quote:
    s, e = span
    lead = _WIRE_LEAD.match(ctx.text, s, e) if s == unit.start or not ctx.text[unit.start : s].strip() else None
    if lead is not None and e - lead.end() >= 8:
        s = lead.end()
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
        return (latest_named(ctx, m) if m.latest else None) or resolve_reference(ctx, m, unit_people)
    return from_mention(m, ctx.disc, ctx.lex)



_CLAUSE_COMMA = re.compile(r",(?!\d)")


INFINITIVE = re.compile(r"[^\W\d_]+(?:are|ere|ire|arsi|ersi|irsi|er|ir|re|oir)", re.I)  # fr/it/es forms
_ZU_INFINITIVE = re.compile(r"[^\W\d_]{2,}zu[^\W\d_]+en", re.I)


def verb_final_infinitive(ctx: Ctx, cue: Cue, span: tuple[int, int], flat: list[str]) -> bool:
    """A comma-set infinitive clause ending in 'zu + verb' or a 'zu'-compound ('abzubrechen') after the cue."""
    if "zu" not in attribution_words(ctx.lex.lang, "infinitive_markers") or len(flat) < 2:
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
