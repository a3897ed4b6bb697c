"""Unknown proper names in a text: runs of capitalised words, and later family or given names repeating them."""

from __future__ import annotations

import re
from dataclasses import replace

from pressdesk.dates.text import fold
from pressdesk.quotes.lexicon import Lexicon, listed
from pressdesk.quotes.mention import Mention, overlaps
from pressdesk.quotes.orgs import glued_title

WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\w.,]*")
_NAME_LINKS = {"de", "van", "von", "der", "da", "bin", "al", "el", "du", "ibn"}
_CAP_LINKS = {"lo", "di", "del", "della", "dalla", "dal", "dos", "das", "do", "des", "le", "la"}  # 'Lo Presti'


def find_names(text: str, lex: Lexicon, taken: list[tuple[int, int]]) -> list[Mention]:
    """Unknown proper names: runs of >= 2 capitalised words, or one after an honorific (M. X, Mr. X)."""
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        run: list[tuple[int, int, str]] = []
        j = i
        while j < len(words):
            s, e, w = words[j]
            gap = text[run[-1][1] : s] if run else ""
            if run and gap not in (" ", "-"):
                break
            if w[:1].isupper() and w.lower() not in lex.function_words and not overlaps((s, e), taken) or run and _link_word(w, run[-1][2]) and j + 1 < len(words) and words[j + 1][2][:1].isupper():
                run.append(words[j])
            else:
                break
            j += 1
        while run and _link_word(run[-1][2], "de"):
            run.pop()
        if len(run) >= 2 and run[0][2].lower() in lex.case_prepositions and all(
                fold(w) in lex.calendar for _, _, w in run[1:]):
            run = []  # 'On Monday', 'In March': a date opening the sentence, not a person
        while len(run) > 2 and _acronym(run[0][2]) and not _acronym(run[1][2]):
            run.pop(0)  # 'AUR Petrişor Peiu', 'PSD Ion Pop': a party or body acronym before the name
        while len(run) > 2 and _LOWER_COMPOUND.search(run[0][2]):
            run.pop(0)  # 'ministre des Outre-mer Jean X': a compound common noun is no part of the name
        honor = bool(run) and lex.honorific.search(text[max(0, run[0][0] - 8) : run[0][0]]) is not None
        title = glued_title([w for _, _, w in run], lex) if len(run) >= 2 else 0
        while title and title < len(run) - 2 and _acronym(run[title][2]):
            title += 1  # 'Senatorul AUR Petrişor Peiu': the party belongs to the role, not the name
        if title:  # 'Forecaster James Holloway': the name, with the title as its role
            s, e, n = run[0][0], run[-1][1], run[title][0]
            out.append(Mention(s, e, "name", text[n:e], text[n:e], "person", role=text[s : run[title - 1][1]]))
        elif len(run) >= 2 or (run and honor):
            s, e = run[0][0], run[-1][1]
            out.append(Mention(s, e, "name", text[s:e], text[s:e], "person"))
        i = max(j, i + 1)
    return out


_LOWER_COMPOUND = re.compile(r"-[^\W\d_A-ZÀ-Þ]")


def known_suffix(names: list[Mention], known: list[Mention]) -> list[Mention]:
    """'sur Radio J Jean Dupont' after 'Jean Dupont': a run ending in a person named earlier is that person."""
    seen = [m.surface for m in known if m.etype == "person" and " " in m.surface]
    out = []
    for m in names:
        words = m.surface.split()
        cut = next((len(" ".join(words[:k])) + 1 for k in range(1, len(words) - 1)
                    if " ".join(words[k:]) in seen), 0) if len(words) >= 3 else 0
        if cut:
            m = replace(m, start=m.start + cut, surface=m.surface[cut:], canonical=m.surface[cut:])
        seen.append(m.surface)
        out.append(m)
    return out


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def surnames(text: str, found: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """'Okafor' after 'Tom Okafor', 'de Magistris' after 'Luigi de Magistris', 'Greta' after 'Greta Thunberg': a
    lone capitalised word (with its particle) repeating the family or the given name of an earlier person."""
    last: dict[str, int] = {}
    for m in found:
        words = m.surface.split()
        if m.kind in ("name", "entity") and m.etype == "person" and len(words) >= 2:
            family = " ".join(words[-2:]) if len(words) >= 3 and words[-2].lower() in _NAME_LINKS | _CAP_LINKS else words[-1]
            if m.kind == "name":
                last.setdefault(family, m.end)
            if words[0][:1].isupper() and len(words[0]) > 2 and not words[0].endswith("."):
                last.setdefault(words[0], m.end)
    if not last:
        return []
    pattern = re.compile(rf"(?<![\w’'-])(?:{listed(list(last), True)})(?![\w’'-])", re.I)
    out = []
    for w in pattern.finditer(text):
        key = next((k for k in last if k.lower() == w.group().lower()), None)
        if key is None or w.start() < last[key] or not w.group()[-1:].isupper() and not w.group().split()[-1][:1].isupper():
            continue
        if not overlaps((w.start(), w.end()), taken):
            out.append(Mention(w.start(), w.end(), "name", w.group(), w.group(), "person"))
    return out


def _link_word(w: str, prev: str = "") -> bool:
    """Particles inside a name: 'bin', 'van'; capitalised 'Lo', 'La', 'Di'; 'la' only after 'de' ('de la Cruz')."""
    low = w.lower()
    return low in _NAME_LINKS or low in _CAP_LINKS and (w[:1].isupper() or prev.lower() in ("de", "da"))
