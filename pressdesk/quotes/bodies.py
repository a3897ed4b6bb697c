"""Bodies as speakers: names defined by their acronym, and definite nouns that stand for a speaking body.

'le Conseil national pour la sauvegarde de la patrie (CNSP)' is one organisation, and every later 'CNSP' is the
same one; 'la junte', 'le communiqué', 'poursuit le document', 'the authorities' stand for the body the article
is quoting (resolved against the discourse in speakers.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pressdesk.quotes.lexicon import Lexicon, apostrophe_forms, attribution_words
from pressdesk.quotes.mention import Mention, overlaps

_DEFINITION = re.compile(r"\(\s*([A-ZÀ-Þ]{2,8})\s*\)")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_MAX_NAME_WORDS = 14  # 'Conseil national pour la sauvegarde de la patrie'
_SMALL = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "pour", "et", "of", "the", "for", "and", "on",
                    "di", "del", "della", "dei", "per", "e", "pentru", "și", "şi", "al", "a", "für", "und", "der",
                    "y", "en", "à", "au", "aux", "in"})


def _name_before(text: str, paren: int, acronym: str) -> int | None:
    """Start of the name whose content words' initials spell the acronym, read back from the parenthesis."""
    words = list(_WORD.finditer(text, max(0, paren - 200), paren))[-_MAX_NAME_WORDS:]
    letters = acronym.lower()
    k = len(letters) - 1
    for w in reversed(words):
        low = re.sub(r"^\w{1,2}['’]", "", w.group()).lower()
        if low in _SMALL:
            continue
        if not low or low[0] != letters[k]:
            return None
        k -= 1
        if k < 0:
            return w.start() if w.group()[:1].isupper() else None
    return None


def acronym_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Organisations defined as 'Long Name (ACR)', and every later bare 'ACR', named by the first definition."""
    names: dict[str, str] = {}
    out: list[Mention] = []
    for d in _DEFINITION.finditer(text):
        acr = d.group(1)
        start = _name_before(text, d.start(), acr)
        if start is None or overlaps((start, d.end()), taken):
            continue
        name = " ".join(text[start : d.start()].split())
        names.setdefault(acr, name)
        out.append(Mention(start, d.end(), "inst", text[start : d.end()], names[acr], "organisation"))
    if not names:
        return out
    bare = re.compile(rf"(?<![\w(-])(?:{'|'.join(map(re.escape, names))})(?![\w)-])")
    for b in bare.finditer(text):
        if any(m.start <= b.start() < m.end for m in out) or overlaps((b.start(), b.end()), taken):
            continue
        out.append(Mention(b.start(), b.end(), "inst", b.group(), names[b.group()], "organisation"))
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=16)
def _body_pattern(lang: str) -> re.Pattern[str] | None:
    forms = attribution_words(lang, "body_nouns")
    if not forms:
        return None
    alt = apostrophe_forms(forms).replace(r"\ ", r"\s+")  # a phrase may run over a line break
    return re.compile(rf"(?<![\w’'-])(?:{alt})(?![\w’'-])", re.I)


def body_mentions(text: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[Mention]:
    """'la junte (militaire)', 'le communiqué', 'the authorities': a body standing for whoever the article quotes,
    with a following adjective kept in its description ('les autorités nigériennes')."""
    pat = _body_pattern(lex.lang)
    if pat is None:
        return []
    out = []
    for hit in pat.finditer(text):
        s, e = hit.span()
        if overlaps((s, e), taken):
            continue
        adj = re.match(r"\s+([^\W\d_A-ZÀ-Þ][\w-]*)", text[e : e + 40])
        word = adj.group(1) if adj else ""
        if adj and lex.adjective.fullmatch(word):  # a nationality ('les autorités nigériennes'), never a verb
            e += adj.end()
        det = re.match(r"(\w+)\s+|\w{1,2}['’]", hit.group())
        if det and (det.group(1) or det.group()).lower().replace("’", "'") in lex.determiners | {"l'"}:
            s += det.end()  # the noun, as other descriptions start ('the junta' -> 'junta')
        out.append(Mention(s, e, "body", text[s:e], None, "organisation", definite=True))
    return out
