"""Speaker resolution: names, descriptions, pronouns and titles against the article's discourse so far."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pressdesk.entities import canonical_name, key_of, same_person
from pressdesk.quotes.affiliation import strip_honorific
from pressdesk.quotes.gender import gender_of
from pressdesk.quotes.lexicon import Lexicon, attribution_config
from pressdesk.quotes.mentions import Mention

_WORDS = re.compile(r"[\w’'-]+")


@dataclass
class Speaker:
    name: str
    surface: str
    role: str | None
    type: str  # person | organisation | country | unnamed
    gender: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Seen:
    """Where a speaker was last met: unit (sentence) and paragraph numbers, as a subject or not, and whether they
    have spoken in the article (features for ranking who a pronoun stands for)."""

    unit: int
    para: int
    subject: bool
    spoke: bool


@dataclass
class Discourse:
    """What the article has said so far: who spoke last, which people were introduced with which roles."""

    last: Speaker | None = None
    people: list[Speaker] = field(default_factory=list)
    last_org: Speaker | None = None  # the latest body that spoke ('le communiqué' stands for it)
    unit_no: int = 0  # the unit being read, set by the extractor
    para_no: int = 0  # its paragraph
    seen: dict[str, Seen] = field(default_factory=dict)  # speaker name -> where it was last met

    def introduce(self, sp: Speaker, subject: bool = False) -> None:
        if sp.type == "person":
            self.people = [p for p in self.people if p.name != sp.name] + [sp]
            self._see(sp, subject, False)

    def spoke(self, sp: Speaker) -> None:
        self.last = sp
        if sp.type == "organisation":
            self.last_org = sp
        self.introduce(sp, True)
        self._see(sp, True, True)

    def _see(self, sp: Speaker, subject: bool, spoke: bool) -> None:
        old = self.seen.get(sp.name)
        same_unit = old is not None and old.unit == self.unit_no
        self.seen[sp.name] = Seen(self.unit_no, self.para_no, subject or same_unit and old.subject,  # type: ignore[union-attr]
                                  spoke or old is not None and old.spoke)

    def last_person(self, gender: str | None) -> Speaker | None:
        if self.last and self.last.type == "person" and _gender_ok(self.last, gender):
            return self.last
        return next((p for p in reversed(self.people) if _gender_ok(p, gender)), None)


def _gender_ok(sp: Speaker, gender: str | None) -> bool:
    return gender not in ("m", "f") or sp.gender in (None, gender)


def _role_words(role: str | None) -> set[str]:
    return {w.lower() for w in _WORDS.findall(role or "")}


def _title_match(m: Mention, disc: Discourse) -> Speaker | None:
    """'the American minister' / 'Mr. Austin' -> the latest introduced person whose role and country fit."""
    wanted = _role_words(m.role) - _role_words(m.country and m.role.split(" ")[0] if m.role else None)
    for p in reversed(disc.people):
        if m.country and p.country and p.country != m.country:
            continue
        have = _role_words(p.role)
        if "secretary" in have:  # US/UK cabinet 'Secretary' = minister elsewhere
            have |= {"minister"}
        if wanted and wanted <= have | {"defence", "defense"} and (m.country is None or p.country == m.country):
            return p
    return None


def _generic_match(m: Mention, disc: Discourse) -> Speaker | None:
    """'the union leader', 'le responsable', 'la sindacalista', 'edilul' (no title match): the person who
    spoke last, else the latest introduced, when the description's country does not contradict theirs."""
    last = disc.last
    sp = last if last is not None and last.type == "unnamed" and m.country in (None, last.country) else None
    sp = sp or disc.last_person(None)  # 'the official said' after 'the diplomat said': the described speaker
    if sp is None or m.country and sp.country and sp.country != m.country:
        return None
    return sp


def _definite_match(m: Mention, disc: Discourse) -> Speaker | None:
    """'dice l'attivista svedese', 'souligne le directeur': a definite title points back to the person who spoke
    last (else the latest introduced) when it shares a title word with their role, or their nationality."""
    wanted = _role_words(m.role) - {w.lower() for w in _WORDS.findall(m.country or "")}
    for p in ([disc.last] if disc.last and disc.last.type == "person" else []) + list(reversed(disc.people)):
        if m.country and p.country and p.country != m.country:
            continue
        have = _role_words(p.role)
        if wanted & have or not have and m.country and p.country == m.country:
            return p  # positive evidence only: a shared title word, or the same nationality and no other title
        if have:
            break  # the nearest person holds another title: the description is someone else
    newest = disc.people[-1] if disc.people else None
    if m.country and not m.org and newest is not None and not _role_words(newest.role) and newest.country is None and (
            newest is not disc.last):
        return newest  # 'X … dice l'attivista svedese': a nationality epithet tells who the person just named is
    return None


def clean_surface(surface: str, lex: Lexicon) -> str:
    """Drop leading determiners and trailing punctuation from a description."""
    words = surface.strip(" ,.;:").split()
    while words and (words[0].lower() in lex.determiners or re.sub(r"['’].*", "'", words[0].lower()) in lex.determiners):
        elided = re.match(r"\w{1,3}['’](?=\w)", words[0])
        words = [words[0][elided.end() :]] + words[1:] if elided else words[1:]  # "L'opposition" -> 'opposition'
    text = " ".join(words)
    return re.sub(r"^[lLdD]['’]", "", text)


def from_mention(m: Mention, disc: Discourse, lex: Lexicon) -> Speaker | None:
    """Turn one candidate mention into a speaker (None for agencies, which relay rather than speak)."""
    if m.kind == "agency":
        return None
    if m.kind == "entity":
        gender = m.gender or (gender_of(m.surface) if m.etype == "person" else None)
        return Speaker(m.canonical or m.surface, m.surface, m.role, m.etype, gender, m.country)
    if m.kind == "name":
        bare = strip_honorific(m.surface)  # 'Dr Priya Raman' -> 'Priya Raman' (the surface keeps it)
        if len(bare.split()) >= 2 and bare.isupper():
            bare = bare.title()  # transcript captions write names in capitals ('JANE DOE:')
        canon = canonical_name(m.surface) or (canonical_name(bare) if bare != m.surface else None)
        if canon is None:
            canon = next((p.name for p in reversed(disc.people) if _same_named(bare, p.name)), bare)
        known = next((p for p in disc.people if p.name == canon), None)
        role = m.role or (known.role if known else None)
        gender = (known.gender if known else None) or gender_of(m.surface)
        return Speaker(canon, m.surface, role, "person", gender, m.country)
    if m.kind == "inst":
        return Speaker(m.canonical or m.surface, m.surface, None, "organisation", None, m.country)
    if m.kind == "role":
        if m.role_kind == "spokesperson" and (m.org or m.country):
            return Speaker(m.org or m.country or "", m.surface, m.role, "organisation", None, m.country)
        if m.role_kind == "group":  # 'les dirigeants de la banque': several people, never one named person
            return Speaker(clean_surface(m.surface, lex), m.surface, m.role, "unnamed", None, m.country)
        fit = _title_match(m, disc) or (_generic_match(m, disc) if m.definite and m.role_kind == "generic" else None)
        fit = fit or (_definite_match(m, disc) if m.definite and m.role_kind == "person" else None)
        if fit:
            return Speaker(fit.name, m.surface, fit.role, fit.type, fit.gender, fit.country)
        return Speaker(clean_surface(m.surface, lex), m.surface, m.role, "unnamed", None, m.country)
    if m.kind == "body":  # 'la junte', 'poursuit le document': the body quoted so far, else as described
        org = disc.last_org
        if org is not None and not lex.adjective.search(m.surface):  # 'les autorités françaises' name their own
            return Speaker(org.name, m.surface, org.role, org.type, None, org.country)
        return Speaker(clean_surface(m.surface, lex), m.surface, None, "organisation")
    if m.kind == "noun":
        name = clean_surface(m.surface, lex)
        if not name or _generic_source(name):
            return None  # 'Other researchers', "L'opposition", 'Die Opposition': nobody in particular
        return Speaker(name, m.surface, None, "unnamed")
    return None


@lru_cache(maxsize=1)
def _generic_words() -> tuple[frozenset[str], frozenset[str]]:
    conf = attribution_config()["common"]
    return frozenset(conf.get("generic_quantifiers", [])), frozenset(conf.get("generic_sources", []))


def _generic_source(name: str) -> bool:
    quantifiers, sources = _generic_words()
    words = [w.lower() for w in _WORDS.findall(name)]
    return bool(words) and (words[0] in quantifiers or len(words) == 1 and words[0] in sources)


def _same_named(surface: str, name: str) -> bool:
    """'Popescu' ~ 'Andrei Popescu'; a lone title+name also matches a family name written first ('Wang Yi')."""
    if same_person(surface, name):
        return True
    key, full = key_of(surface), key_of(name)
    return len(key) == 1 and len(full) >= 2 and key[0] == full[0] and len(key[0]) >= 2


def preceded_by_preposition(text: str, start: int, lex: Lexicon) -> bool:
    """True when the word before a mention (skipping one determiner) is a case preposition."""
    preps = lex.case_prepositions
    window = text[max(0, start - 40) : start]
    window = window[max(window.rfind(". "), window.rfind("! "), window.rfind("? ")) + 1 :]  # this sentence only
    before = _WORDS.findall(window)
    tail = text[max(0, start - 3) : start]
    if re.search(r"\b[dDlL]['’]$", tail) and tail[-2:-1].lower() == "d":
        return True
    if before and before[-1].lower() in lex.determiners:
        before = before[:-1]
    if before and lex.preposition.fullmatch(before[-1]) and before[-1].lower() not in lex.weak_prepositions:
        return True  # 'Selon le parquet de X, le suspect a reconnu': X is no subject
    return bool(before) and before[-1].lower() in preps


def preceded_by_verb(text: str, start: int, lex: Lexicon) -> bool:
    """Object position: right after 'aux + participle' or a reporting cue ('a convoqué Zinoviev')."""
    window = text[max(0, start - 60) : start]
    window = window[max(window.rfind(". "), window.rfind("! "), window.rfind("? ")) + 1 :]  # this sentence only
    for m in lex.cue.finditer(window):
        if not window[m.end() :].strip(" ’'") or window[m.end() :].strip().lower() in lex.determiners:
            return True
    aux = attribution_config()[lex.lang].get("auxiliaries", [])
    words = _WORDS.findall(window[max(window.rfind(","), window.rfind(";"), window.rfind(":")) + 1 :])  # a verb
    if words and words[-1].lower() in lex.determiners:  # group ends at a comma ('…would stay, Ana Pop said')
        words = words[:-1]
    return len(words) >= 2 and words[-2].lower() in {a.lower() for a in aux} and words[-1].islower()


def same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    return bool(a and b) and key_of(a.name) == key_of(b.name)  # type: ignore[union-attr]
