"""Definite descriptions that point back to an organisation named earlier ('the company said', 'ha annunciato
l'azienda', 'a informat compania', 'wie das Unternehmen mitteilte'): a mention carrying the antecedent's name."""

from __future__ import annotations

import re
from functools import lru_cache

from pressdesk.quotes.lexicon import Lexicon, apostrophe_forms, attribution_words
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.orgs import looks_given

_SENT_END = re.compile(r"[.!?]\s+$")


@lru_cache(maxsize=32)
def _pattern(lang: str, key: str = "org_anaphors") -> re.Pattern[str] | None:
    forms = attribution_words(lang, key)
    if not forms:
        return None
    return re.compile(rf"(?<![\w’'-])(?:{apostrophe_forms(forms)})(?![\w’'-])", re.I)


def _head(phrase: str) -> str:
    """The noun of a definite description as written: its last word, without an elided article ("l'agence" ->
    'agence')."""
    return re.split(r"[\s'’]", phrase.strip())[-1]


def _named_with(head: str, before: list[Mention]) -> Mention | None:
    """The latest organisation whose name holds this head noun ('Defence Ministry' for 'the ministry')."""
    for m in reversed(before):
        names = f"{m.surface} {m.canonical or ''}".lower()
        if m.etype == "organisation" and re.search(rf"(?<!\w){re.escape(head)}(?!\w)", names):
            return m
    return None


def _opens_sentence(text: str, m: Mention, lex: Lexicon) -> bool:
    """The mention is the subject opening its sentence ('Norwell Motors will cut', 'Le constructeur X va'), not
    after a preposition ('For singer Leo X, ...')."""
    before = text[max(0, m.start - 40) : m.start]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    lead = before[cut + 1 :] if cut >= 0 else (before if m.start <= 40 else None)
    if lead is None or len(lead.split()) > 3 or "," in lead:
        return False
    words = lead.split()
    return not words or words[0].lower() in lex.determiners or words[0].lower() not in lex.case_prepositions


def _antecedent(text: str, head: str, before: list[Mention], lex: Lexicon) -> Mention | None:
    """The latest organisation or unknown name ending in the anaphor's head noun ('Marlowe Festival' for 'the
    festival'), else an unknown name opening its sentence as the subject."""
    for m in reversed(before):
        if m.etype == "organisation" and m.kind in ("inst", "entity") or (
                m.kind == "name" and m.surface.split()[-1].lower() == head):
            return m
    for m in reversed(before):
        if m.kind == "name" and _opens_sentence(text, m, lex) and not looks_given(m.surface):
            return m
    return None


def org_anaphors(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Mentions with an org anaphor added where it has an antecedent and is no part of another mention: any
    organisation for 'the company' (`org_anaphors`), one whose name holds the noun for 'the ministry'
    (`head_anaphors`)."""
    extra = []
    for key in ("org_anaphors", "head_anaphors"):
        pat = _pattern(lex.lang, key)
        for hit in pat.finditer(text) if pat is not None else ():
            s, e = hit.span()
            if any(m.start < e and s < m.end for m in mentions + extra):
                continue
            if key == "head_anaphors" and not _head(hit.group()).islower():
                continue  # 'le Gouvernement', 'the Court': a name in its own right, not a description
            before = [m for m in mentions if m.end <= s]
            ante = (_antecedent(text, hit.group().split()[-1].lower(), before, lex) if key == "org_anaphors"
                    else _named_with(_head(hit.group()).lower(), before))
            if ante is not None:
                name = ante.canonical or ante.surface
                head = s + max(hit.group().rfind(" "), hit.group().rfind("'"), hit.group().rfind("’")) + 1
                extra.append(Mention(head, e, "inst", text[head:e], name, "organisation", definite=True))  # after 'the'/"l'"
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions
