"""A person's affiliation next to their name goes to the role, never becomes the speaker.

'Northfield Rovers manager Dan Ellis' / "l'allenatore della Virtus Castelfranco, Marco Rossi" /
'Anna Keller vom Alfred-Wegener-Institut' / 'Dr Ana Pop, of the University of Iași,' -> the person, with the
club, company or institute in the role. Runs on the mentions after titles and names were linked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pressdesk.quotes.lexicon import Lexicon, attribution_config

_PERSON = ("name", "entity")
_AFFILIATION_WORDS = {"from": "from", "at": "at", "vom": "of", "von": "of", "von der": "of", "dal": "of",
                      "dalla": "of", "del": "of", "della": "of", "dell'": "of", "dell’": "of"}


def _is_person(m) -> bool:  # noqa: ANN001 - a Mention (no import cycle)
    return m.kind in _PERSON and m.etype == "person"


def _is_org(m) -> bool:  # noqa: ANN001
    return m.kind in ("inst", "agency") or m.kind == "entity" and m.etype == "organisation"


def _of_word(gap: str, lex: Lexicon) -> str | None:
    """The affiliation word a gap consists of ('of the', 'vom', "dell'", 'de la'), as an English preposition."""
    g = gap.strip()
    low = re.sub(r"\s+", " ", g.lower())
    low = re.sub(r"\s+(?:the|la|le|l['’]|il|lo|gli|les|el|los|las|der|die|das|dem|den)$", "", low)
    low = re.sub(r"\s+(?:l['’])$", "", low)
    if low in _AFFILIATION_WORDS:
        return _AFFILIATION_WORDS[low]
    if lex.of_words.fullmatch(low + " ") or lex.of_words.fullmatch(low):
        return "of"
    return None


def _with_role(m, role: str, start: int | None = None, end: int | None = None):  # noqa: ANN001, ANN202
    return replace(m, role=role, start=m.start if start is None else start, end=m.end if end is None else end)


def attach_affiliations(text: str, mentions: list, lex: Lexicon) -> list:
    """Fold an organisation written next to a person's name into that person's role (see module doc)."""
    out: list = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and _is_person(nxt):
            merged = _org_before_person(text, m, nxt, lex)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        third = mentions[i + 2] if i + 2 < len(mentions) else None
        if m.kind == "role" and nxt is not None and _is_org(nxt) and third is not None and _is_person(third):
            merged = _titled_org_person(text, m, nxt, third, lex)
            if merged is not None:
                out.append(merged)
                i += 3
                continue
        if _is_person(m) and nxt is not None and _is_org(nxt):
            merged = _org_after_person(text, m, nxt, lex)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _org_before_person(text: str, m, nxt, lex: Lexicon):  # noqa: ANN001, ANN202
    """'Rovers manager Dan Ellis' (an unknown name right before a lowercase title linked to a person) and
    "l'allenatore della Virtus Castelfranco, Marco Rossi" (a title linked through 'of' to a name that an
    apposition then names again): the second name is the person."""
    gap = text[m.end : nxt.start]
    head = text[nxt.start : nxt.end]
    if (m.kind == "name" and not m.role and gap == " " and nxt.role and head[:1].islower()
            and m.surface.split()[-1][:1].isupper() and lex.adjective_first):
        return _with_role(nxt, f"{m.surface} {nxt.role}", start=m.start)
    if not (_is_person(m) and m.kind == "name" and m.role and re.fullmatch(r"\s*,\s*", gap)):
        return None
    title = text[m.start : m.end]
    cut = title.rfind(m.surface)
    if cut <= 0:
        return None
    before = text[m.start : m.start + cut]
    words = before.rstrip().split()
    if not words or _of_word(_last_of(words), lex) is None:
        return None  # 'the minister, Jean X, ...' is no affiliation
    role = m.role if m.role else before.strip()
    return _with_role(nxt, f"{role} of {m.surface}", start=m.start)


def _titled_org_person(text: str, role, org, person, lex: Lexicon):  # noqa: ANN001, ANN202
    """'el consejero delegado de Grupo Ibercasa, Jorge Molina': title + of + organisation + ', ' + person."""
    if _of_word(text[role.end : org.start], lex) is None or not re.fullmatch(r"\s*,\s*", text[org.end : person.start]):
        return None
    return _with_role(person, f"{role.role} of {org.canonical or org.surface}", start=role.start)


def _last_of(words: list[str]) -> str:
    """The of-word closing a title ('della', "dell'" glued to the name, 'of the')."""
    last = words[-1]
    if len(words) >= 2 and last.lower() in ("the", "la", "le", "il", "lo", "el", "der", "die", "das", "den"):
        return " ".join(words[-2:])
    return last


def _org_after_person(text: str, m, nxt, lex: Lexicon):  # noqa: ANN001, ANN202
    """'Anna Keller vom Alfred-Wegener-Institut sagte' / 'X, of the University of Y,': the institute is the
    person's affiliation."""
    gap = text[m.end : nxt.start]
    comma = gap.lstrip().startswith(",")
    body = gap.strip().lstrip(",").strip() if comma else gap.strip()
    glued = re.search(r"\b(dell['’]|d['’]|l['’])$", text[max(0, nxt.start - 6) : nxt.start])
    if glued and not body:
        body = glued.group(1)
    prep = _of_word(body, lex) if body else None
    if prep is None or len(body.split()) > 3:
        return None
    if comma and not text[nxt.end : nxt.end + 2].lstrip().startswith((",", ")")):
        return None  # 'X, of the union' ending the clause: leave it (may be the content)
    org = nxt.canonical or nxt.surface
    role = f"{m.role} {prep} {org}" if m.role else f"{prep} {org}".removeprefix("of ")
    return _with_role(m, role, end=nxt.end)


@lru_cache(maxsize=1)
def name_honorifics() -> frozenset[str]:
    return frozenset(attribution_config()["common"].get("name_honorifics", []))


def strip_honorific(name: str) -> str:
    """'Dr Priya Raman' -> 'Priya Raman', 'dott.ssa Anna Neri' -> 'Anna Neri' (a lone 'Dr X' keeps its title off
    too, but a bare honorific is left as is)."""
    words = name.split()
    hon = name_honorifics()
    while len(words) > 1 and words[0] in hon:
        words = words[1:]
    return " ".join(words)
