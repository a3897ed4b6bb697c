"""Candidate speakers in a text: gazetteer entities, unknown names, role descriptions, pronouns, agencies."""

from __future__ import annotations

import re
from dataclasses import replace

from pressdesk.entities import EntityMention, key_of, load_gazetteer
from pressdesk.quotes.affiliation import attach_affiliations
from pressdesk.quotes.bodies import acronym_mentions, body_mentions
from pressdesk.quotes.lexicon import Lexicon, agencies, english_adjective
from pressdesk.quotes.mention import Mention, Taken, overlaps
from pressdesk.quotes.names import WORD as _WORD
from pressdesk.quotes.names import find_names, known_suffix, surnames
from pressdesk.quotes.orgs import nominative, organisations

__all__ = ["Mention", "find_mentions", "link_appositions"]


def _agency_mentions(text: str) -> list[Mention]:
    pattern, names = agencies()
    return [
        Mention(m.start(), m.end(), "agency", m.group(), names.get(key_of(m.group()), m.group()), "organisation")
        for m in pattern.finditer(text)
    ]


def _modifiers(text: str, pos: int, lex: Lexicon, ents: list[EntityMention]) -> tuple[int, dict[str, str]]:
    """Scan post-nominal modifiers: adjectives, 'of'+entity/institution, 'in/to'+entity. Returns new end."""
    gaz = load_gazetteer()
    found: dict[str, str] = {}
    while True:
        rest = text[pos:]
        m = re.match(r"\s*", rest)
        skip = m.end() if m else 0
        bare = None if lex.adjective_first else next((e for e in ents if e.start == pos + skip), None)
        if bare is not None and bare.type == "country" and "country" not in found:
            found["country"] = bare.canonical  # 'il presidente Usa', 'preşedintele Franţei': the country, no 'of'
            pos = bare.end
            continue
        adj = lex.adjective.match(rest, skip)
        if adj and adj.start() == skip:
            country = gaz.country_of_adjective(adj.group(), lex.lang)
            if country:
                found.setdefault("country", country)
                pos += adj.end()
                continue
        for key, words in (("of", lex.of_words), ("in", lex.in_words)):
            mw = words.match(rest)
            if not mw:
                continue
            after = pos + mw.end()
            after += len(text[after:]) - len(text[after:].lstrip(" "))
            det = re.match(r"(?:the|la|le|l['’]|il|lo|gli|les|el|los|las)\s*", text[after:], re.I)
            if det:
                after += det.end()
            ent = next((e for e in ents if e.start == after), None)
            if ent:
                slot = "country" if ent.type == "country" and key == "of" else ("org" if key == "of" else "dest")
                if slot in found:
                    slot = "dest"
                found.setdefault(slot, ent.canonical)
                pos = ent.end
                break
            inst = lex.institution.match(text, after)
            if inst and key == "of":
                sub_end, sub = _modifiers(text, inst.end(), lex, ents)
                found.setdefault("org", _compose_institution(inst.group(), lex, sub, inst))
                pos = sub_end
                break
        else:
            return pos, found
        continue


def _compose_institution(surface: str, lex: Lexicon, mods: dict[str, str], match: re.Match[str]) -> str:
    gaz = load_gazetteer()
    inner = lex.adjective.search(surface)
    country = mods.get("country") or (gaz.country_of_adjective(inner.group(), lex.lang) if inner else None)
    base_surface = lex.adjective.sub("", surface) if inner else surface
    if not country:  # no country in the phrase: the institution as written, never a country-less generic
        return nominative(_strip_determiners(surface, lex), lex)
    base = lex.institution_info.get(" ".join(key_of(base_surface)), surface)
    name = f"{english_adjective(country)} {base}"
    if mods.get("dest"):
        name += f" in {mods['dest']}"
    known = gaz.lookup(name)  # 'diplomaţia americană' -> the body the gazetteer knows (US State Department)
    return known.canonical if known is not None and known.type == "organisation" else name


def _strip_determiners(surface: str, lex: Lexicon) -> str:
    words = surface.split()
    while len(words) > 1 and words[0].lower() in lex.determiners:
        words = words[1:]
    return " ".join(words)


_POSSESSIVE = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+$")


_ORG_BEFORE = re.compile(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?$")


def _organisation(words: list[str]) -> str | None:
    """The gazetteer organisation the last of these capitalised words name ('The Kremlin' -> 'Kremlin')."""
    gaz = load_gazetteer()
    for k in range(len(words)):
        owner = gaz.lookup(" ".join(words[k:]))
        if owner is not None and owner.type == "organisation":
            return owner.canonical
    return None


def _prefix_org(text: str, start: int, lex: Lexicon) -> tuple[int, str | None]:
    """English-style owner before a role: "NATO's spokesperson", "the Pentagon's press secretary": an
    organisation the gazetteer knows."""
    if not lex.adjective_first:
        return start, None
    window = text[max(0, start - 40) : start]
    m = _ORG_BEFORE.search(window)
    owner = _organisation(m.group(1).split()) if m else None
    return (start - len(window) + m.start(), owner) if m and owner else (start, None)


def _prefix_country(text: str, start: int, lex: Lexicon) -> tuple[int, str | None]:
    """English-style pre-nominal demonym ('US Defense Minister', 'the deputy American ambassador') or a
    country's possessive ("Russia's foreign ministry")."""
    if not lex.adjective_first:
        return start, None
    gaz = load_gazetteer()
    window = text[max(0, start - 40) : start]
    pos = _POSSESSIVE.search(window)
    owner = gaz.lookup(pos.group(1)) if pos else None
    if pos and owner is not None and owner.type == "country":
        return start - len(window) + pos.start(), owner.canonical
    m = re.search(rf"({lex.adjective.pattern})\s+(?:[a-z][\w-]*\s+)?$", window, re.I)
    if not m:
        return start, None
    country = gaz.country_of_adjective(m.group(1), lex.lang)
    return (start - len(window) + m.start(), country) if country else (start, None)


def _descriptions(text: str, lex: Lexicon, ents: list[EntityMention], taken: list[tuple[int, int]]) -> list[Mention]:
    gaz = load_gazetteer()
    out: list[Mention] = []
    for pattern, kind in ((lex.role, "role"), (lex.institution, "inst")):
        for m in pattern.finditer(text):
            if overlaps((m.start(), m.end()), taken):
                continue
            end, mods = _modifiers(text, m.end(), lex, ents)
            start, pre_country = _prefix_country(text, m.start(), lex)
            if kind == "role" and pre_country is None and not mods.get("org"):
                start, owner = _prefix_org(text, start, lex)
                lead = re.match(r"(?:[A-Z][\w.&-]*\s+){1,3}", m.group()) if lex.adjective_first else None
                owner = owner or (_organisation(lead.group().split()) if lead else None)  # 'Kremlin spokesman'
                mods = {**mods, "org": owner} if owner else mods
            inner = lex.adjective.search(m.group())
            country = pre_country or (gaz.country_of_adjective(inner.group(), lex.lang) if inner else None)
            country = country or mods.get("country")
            surface = text[start:end]
            if kind == "inst":
                canon = _compose_institution(m.group(), lex, {**mods, "country": country or ""} if country else mods, m)
                out.append(Mention(start, end, "inst", surface, canon, "organisation", country=country))
            else:
                base = lex.adjective.sub("", m.group()) if inner else m.group()
                role_en, role_kind = lex.role_info.get(" ".join(key_of(base)), (m.group(), "person"))
                if role_kind == "group" and end == m.end():  # 'les dirigeants de la banque': the group's body too
                    end, surface = _group_body(text, end, lex), text[start : _group_body(text, end, lex)]
                definite = bool(lex.definite.search(text, max(0, start - 12), start)) or bool(
                    lex.enclitic and m.group().split()[0].lower().endswith(lex.enclitic))
                out.append(replace(_role_mention(start, end, surface, role_en, role_kind, country, mods), definite=definite))
            taken.append((start, end))
    return out


_BODY_WORD = re.compile(r"\s*(?:(?:the|la|le|les|il|lo|gli|l['’])\s*)?([^\W\d_A-ZÀ-Þ][\w-]+)")


def _group_body(text: str, end: int, lex: Lexicon) -> int:
    """End of an 'of' complement with one common noun after a group ('dirigeants de la banque')."""
    of = lex.of_words.match(text[end : end + 20])
    word = _BODY_WORD.match(text, end + of.end()) if of else None
    return word.end() if word and word.group(1) not in lex.function_words else end


def _role_mention(
    start: int, end: int, surface: str, role_en: str, role_kind: str, country: str | None, mods: dict[str, str]
) -> Mention:
    org = mods.get("org")
    qualifier = org or (english_adjective(country) if country else None)
    role = f"{qualifier} {role_en}" if qualifier else role_en
    if mods.get("dest"):
        role += f" to {mods['dest']}"
    return Mention(start, end, "role", surface, None, "unnamed", role, role_kind, country, org)


def _pronouns(text: str, lex: Lexicon) -> list[Mention]:
    out = [Mention(m.start(), m.end(), "pron", m.group(), gender=lex.latter_gender.get(" ".join(m.group().lower().split())),
                   latest=True) for m in (lex.latter.finditer(text) if lex.latter else ())]
    phrases = [(m.start, m.end) for m in out]
    for m in _WORD.finditer(text):
        if phrases and overlaps((m.start(), m.end()), phrases):
            continue
        w = m.group().lower()
        if w in lex.pronouns:
            out.append(Mention(m.start(), m.end(), "pron", m.group(), gender=lex.pronouns[w]))
        elif w in lex.relatives:
            out.append(Mention(m.start(), m.end(), "rel", m.group()))
    return out


def find_mentions(text: str, lex: Lexicon, ents: list[EntityMention]) -> list[Mention]:
    """All candidate speakers, non-overlapping (agencies > descriptions > entities > names), sorted."""
    gaz = load_gazetteer()
    out = _agency_mentions(text)
    taken = Taken(len(text), [(m.start, m.end) for m in out])
    defined = acronym_mentions(text, taken)
    out += defined
    for m in defined:
        taken.append((m.start, m.end))
    free_ents = [e for e in ents if not overlaps((e.start, e.end), taken)]
    out += _descriptions(text, lex, free_ents, taken)
    bodies = body_mentions(text, lex, taken)
    out += bodies
    for m in bodies:
        taken.append((m.start, m.end))
    named = [(e.start, e.end) for e in free_ents if e.type not in ("country", "place")]

    def free(s: int, e: int) -> bool:
        return not overlaps((s, e), taken) and not overlaps((s, e), named)

    for s, e, name in organisations(text, lex, free):
        out.append(Mention(s, e, "inst", text[s:e], nominative(name, lex), "organisation"))
        taken.append((s, e))
    for e in free_ents:
        if overlaps((e.start, e.end), taken):
            continue
        ent = gaz.by_canonical.get(e.canonical)
        out.append(
            Mention(e.start, e.end, "entity", e.surface, e.canonical, e.type,
                    ent.role if ent else None, None, ent.country if ent else None, gender=ent.gender if ent else None)
        )
        taken.append((e.start, e.end))
    names = known_suffix(find_names(text, lex, taken), out)
    out += names
    for m in names:
        taken.append((m.start, m.end))  # a surname inside a full name is no second mention
    out += surnames(text, out, taken)
    out += [p for p in _pronouns(text, lex) if not overlaps((p.start, p.end), taken)]
    return attach_affiliations(text, link_appositions(text, sorted(out, key=lambda m: m.start), lex), lex)


_GAP_TOKEN = re.compile(r"[\w-]+['’]?|['’]")


def _title_gap(text: str, start: int, end: int, lex: Lexicon) -> tuple[bool, str | None, bool]:
    """Words between a title and a name that still belong to the title: nationality ('belge', 'chilian'), a
    department or organisation ("dell'Economia", 'of the screenwriters' union,', 'comunei Vădeni,').
    Returns (ok, country, ends_on_of_word)."""
    gap = text[start:end]
    closed = gap.rstrip().endswith(",")
    body = gap.rstrip().rstrip(",")
    if not body.strip() or re.search(r"[^\w\s'’-]", body) or lex.cue.search(body):
        return False, None, False
    gaz = load_gazetteer()
    country, after_of, content, last_of = None, False, 0, False
    tokens = _GAP_TOKEN.findall(body)
    if len(tokens) > 8:
        return False, None, False
    for tok in tokens:
        low = tok.lower()
        last_of = False
        if low in lex.function_words and (lex.of_words.match(tok + " ") or low in lex.determiners or low in ("'", "’")):
            after_of = after_of or bool(lex.of_words.match(tok + " "))
            last_of = True
            continue
        if lex.adjective.fullmatch(tok) and gaz.country_of_adjective(tok, lex.lang):
            country = country or gaz.country_of_adjective(tok, lex.lang)
        elif tok[:1].isupper() or lex.demonym.fullmatch(tok) or lex.org_adjective.fullmatch(tok):
            continue
        elif lex.genitive.fullmatch(tok) and closed:
            after_of = True
        elif not after_of or low in lex.function_words or low in lex.relatives:
            return False, None, False
        else:
            content += 1
    return content <= (2 if closed else 0), country, last_of


def _link_title(text: str, m: Mention, nxt: Mention, lex: Lexicon) -> Mention | None:
    """'le Premier ministre belge X', 'il ministro dell'Economia X', 'the head of the union, X,' -> X (titled)."""
    ok, country, last_of = _title_gap(text, m.end, nxt.start, lex)
    if not ok:
        return None
    gap = text[m.end : nxt.start].strip(" ,")
    role = f"{m.role} {gap}" if lex.of_words.match(gap) or " " in gap and not country else m.role
    if last_of and nxt.kind == "name" and len(nxt.surface.split()) >= 3:  # 'ministre de la Santé Aurélien X'
        cut = nxt.surface.index(" ") + 1
        role = f"{m.role} {gap} {nxt.surface[: cut - 1]}"
        nxt = replace(nxt, surface=nxt.surface[cut:], canonical=nxt.surface[cut:])
    role = nxt.role if nxt.kind == "entity" and nxt.role else role  # the gazetteer's role is more precise
    return replace(nxt, role=role, start=m.start, country=nxt.country or country or m.country)


_APPOSED = re.compile(r"\s*,\s*(?:(?:an?|un|une|una|uno|o|un|ein|eine|el|la|le|il|the)\s+)?((?:[^\W\d_][\w’'-]*\s+){0,3})")


def _role_apposition(gap: str, lex: Lexicon | None) -> bool:
    """'Name, the minister,' / 'Name, the health minister,': a comma, a determiner and up to three modifiers of the
    role ('finance', 'deputy foreign'), none of them a function word ('Name, who met the minister')."""
    m = _APPOSED.fullmatch(gap)
    if m is None:
        return False
    words = m.group(1).split()
    return not words or lex is not None and not any(w.lower() in lex.function_words for w in words)


def link_appositions(text: str, mentions: list[Mention], lex: Lexicon | None = None) -> list[Mention]:
    """'role, Name,' / 'role Name' / 'Name, role' -> the name carries the role (and absorbs the description)."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        person_like = ("name", "entity")
        if m.kind == "role" and nxt and nxt.kind in person_like and nxt.etype in ("person", "unnamed") and re.fullmatch(
            r"\s*,?\s*", text[m.end : nxt.start]
        ):
            role = nxt.role if nxt.role and m.role_kind == "generic" else m.role  # 'NATO chief Rutte': gazetteer wins
            first = nxt.surface.split()[0]
            if lex and nxt.kind == "name" and len(nxt.surface.split()) >= 3 and lex.genitive.fullmatch(first.lower()):
                cut = len(first) + 1  # 'ministrul Finanţelor Ionuţ X': the department is no part of the name
                nxt, role = replace(nxt, surface=nxt.surface[cut:], canonical=nxt.surface[cut:]), f"{role} {first}"
            out.append(replace(nxt, role=role, start=m.start, country=nxt.country or m.country))
            i += 2
            continue
        linked = None
        if lex and m.kind == "role" and nxt and nxt.kind in person_like and nxt.etype == "person":
            linked = _link_title(text, m, nxt, lex)
        if linked is not None:
            out.append(linked)
            i += 2
            continue
        if m.kind in person_like and m.etype == "person" and nxt and nxt.kind == "role" and _role_apposition(
                text[m.end : nxt.start], lex):
            out.append(replace(m, role=nxt.role, end=nxt.end))
            i += 2
            continue
        out.append(m)
        i += 1
    return out
