"""Names the gazetteer does not know: organisations ('Harlow District Council', 'le tribunal administratif de
Nice', 'Înalta Curte de Casație și Justiție'), company names after a descriptor ('Autokonzern Volkswagen') and
titles glued to a person's name ('Forecaster James Holloway', 'Finanzminister Markus Lehnert')."""

from __future__ import annotations

import re
from collections.abc import Callable

from pressdesk.entities import load_gazetteer
from pressdesk.quotes.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_][\w’'&-]*|\d+")
_NUMBER_WORDS = frozenset({"número", "numéro", "numero", "nr", "no", "nº", "num"})  # 'Juzgado ... número 2 de Bilbao'
_CUE_GAP = (" ", "-")


def nominative(surface: str, lex: Lexicon) -> str:
    """The head noun of a name back in the nominative where the language marks case on it by a regular ending
    ('Inspectoratului General ...' -> 'Inspectoratul General ...'); other names are kept as written."""
    head, _, rest = surface.partition(" ")
    if head[:1].isupper():
        for gen, nom in lex.nominative:
            if head.endswith(gen) and len(head) > len(gen) + 3:
                head = head[: -len(gen)] + nom
                break
    return f"{head} {rest}".strip()


def _cap(w: str, lex: Lexicon) -> bool:
    return w[:1].isupper() and w.lower() not in lex.function_words and not lex.cue.fullmatch(w)


def extend_name(text: str, toks: list[tuple[int, int, str]], j: int, lex: Lexicon, linked: bool = True) -> int:
    """Index after the last token of a name whose token j-1 is already in: capitalised words, a link word
    ('of', 'pentru', 'și') before a capitalised word, lowercase adjectives right after a name word."""
    adjectives = 0  # lowercase adjectives in a row: 'Osservatorio epidemiologico regionale della Toscana'
    while j < len(toks):
        s, _e, w = toks[j]
        if text[toks[j - 1][1] : s] not in _CUE_GAP:
            break
        if _cap(w, lex):
            j, adjectives = j + 1, 0
        elif _link(text, toks, j, lex, linked):
            j += 1
        elif linked and _lower_link(text, toks, j, lex) or _numbered(toks, j):  # 'tribunal de commerce de Lyon'
            j += 2
        elif adjectives < 2 and w.islower() and lex.org_adjective.fullmatch(w) and not lex.cue.fullmatch(w):
            j, adjectives = j + 1, adjectives + 1
        else:
            break
    return j


def _link(text: str, toks: list[tuple[int, int, str]], j: int, lex: Lexicon, linked: bool) -> bool:
    """A link word before a capitalised word ('of', 'pentru', 'și'), or an elided complement before one
    ("cour d'appel de Lyon")."""
    w, nxt = toks[j][2], toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None:
        return False
    if re.match(r"[dD](?:ell)?['’]\w", w):
        return nxt[2].lower() in lex.org_links
    if not linked or w.lower() not in lex.org_links or text[toks[j][1] : nxt[0]] != " ":
        return False
    if nxt[2].lower() in lex.org_links and j + 2 < len(toks):  # 'Juzgado de lo Mercantil': two link words
        return text[nxt[1] : toks[j + 2][0]] == " " and _cap(toks[j + 2][2], lex)
    return _cap(nxt[2], lex)


def _numbered(toks: list[tuple[int, int, str]], j: int) -> bool:
    return toks[j][2].lower() in _NUMBER_WORDS and j + 1 < len(toks) and toks[j + 1][2].isdigit()


def _lower_link(text: str, toks: list[tuple[int, int, str]], j: int, lex: Lexicon) -> bool:
    """A link, one lowercase common noun, then a link before a capitalised word."""
    if j + 3 >= len(toks) or toks[j][2].lower() not in lex.org_links:
        return False
    noun, link2, cap = toks[j + 1][2], toks[j + 2][2], toks[j + 3][2]
    return (noun.islower() and noun not in lex.function_words and link2.lower() in lex.org_links and _cap(cap, lex)
            and all(text[toks[k][1] : toks[k + 1][0]] == " " for k in range(j, j + 3)))


_ELIDED = re.compile(r"[dD](?:ell)?['’]([^\W\d_]+)")


def _lower_tail(text: str, toks: list[tuple[int, int, str]], j: int, lex: Lexicon) -> int:
    """A capitalised head with a lowercase complement up to the end of the clause ('Bureau de recherches
    géologiques et minières.', "Federazione dei medici d'urgenza,"): link words and 1-4 common words."""
    k, words = j, 0
    while k < len(toks) and text[toks[k - 1][1] : toks[k][0]] == " ":
        w = toks[k][2]
        elided = _ELIDED.fullmatch(w)
        if k > j and w.islower() and w not in lex.function_words and not lex.cue.fullmatch(w) or (
                elided and elided.group(1).islower()):
            words += 1
        elif w.lower() not in lex.org_links or k > j and toks[k - 1][2].lower() in lex.org_links:
            break
        k += 1
    last = toks[k - 1][2].lower() if k > j else ""
    if not 1 <= words <= 4 or last in lex.org_links or not re.match(r"\s*(?:[.,;]|$)", text[toks[k - 1][1] :]):
        return j
    return k


def _determined(text: str, start: int, lex: Lexicon) -> bool:
    before = text[max(0, start - 12) : start]
    m = re.search(r"([\w]+)\s+$|(\b\w['’])$", before)
    return bool(m) and ((m.group(1) or "").lower() in lex.determiners or bool(m.group(2)))


def organisations(text: str, lex: Lexicon, free: Callable[[int, int], bool]) -> list[tuple[int, int, str]]:
    """(start, end, name as written) of organisation names around a head noun or after a company descriptor."""
    out: list[tuple[int, int, str]] = []
    done = 0
    for hit in lex.org_trigger.finditer(text):
        if hit.start() < done:
            continue
        lo = max(0, hit.start() - 80)
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, min(len(text), hit.end() + 200))]
        i = next((k for k, t in enumerate(toks) if t[0] == hit.start()), None)
        if i is None:  # "L'ospedale San Gerardo": the head behind an elided article
            i = next((k for k, t in enumerate(toks) if t[0] < hit.start() < t[1]
                      and re.fullmatch(r"\w{1,4}['’]", text[t[0] : hit.start()])), None)
            if i is not None:
                toks[i] = (hit.start(), toks[i][1], text[hit.start() : toks[i][1]])
        if i is None or lo and i == 0:
            continue
        found = _organisation_at(text, toks, i, lex, free, 1 if lo else 0)
        if found:
            out.append(found)
            done = found[1]
    return out


def _organisation_at(text: str, toks: list[tuple[int, int, str]], i: int, lex: Lexicon,
                     free: Callable[[int, int], bool], floor: int) -> tuple[int, int, str] | None:
    s, e, w = toks[i]
    if lex.org_title.fullmatch(w) and i + 1 < len(toks) and text[e : toks[i + 1][0]] == " " and _cap(
            toks[i + 1][2], lex) and not lex.org_head.fullmatch(toks[i + 1][2]):
        end = extend_name(text, toks, i + 2, lex, linked=False)
        if free(toks[i + 1][0], toks[end - 1][1]):
            return s, toks[end - 1][1], text[toks[i + 1][0] : toks[end - 1][1]]
    if not lex.org_head.fullmatch(w) or not (w[:1].isupper() or _determined(text, s, lex)):
        return None
    first = i
    while first > floor and text[toks[first - 1][1] : toks[first][0]] == " " and _cap(toks[first - 1][2], lex) and (
            not _sentence_start(text, toks[first - 1][0]) or not _sentence_start(text, s)):
        first -= 1
    end = extend_name(text, toks, i + 1, lex)
    if w[:1].isupper() and end == i + 1:
        end = _lower_tail(text, toks, end, lex)
    start, stop = toks[first][0], toks[end - 1][1]
    if w.islower() and first == i and end > i + 1 and text[e : toks[i + 1][0]] == " " and _cap(
            toks[i + 1][2], lex) and _subject_article(toks, i, lex):
        start = toks[i + 1][0]  # 'el sindicato Xuntanza Obreira': the name, not the generic head before it
    if free(start, stop) and (w[:1].isupper() or end - first > 1):  # a bare 'le ministère' names nobody
        return start, stop, text[start:stop]
    return None


def _subject_article(toks: list[tuple[int, int, str]], i: int, lex: Lexicon) -> bool:
    """'El sindicato X denunció': a plain article before the head, not 'du syndicat X' (an affiliation)."""
    art = toks[i - 1][2].lower() if i else ""
    return art in lex.determiners and not lex.of_words.match(art + " ") and art not in lex.case_prepositions


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12) : pos].rstrip()
    return (not before and pos <= 12) or before[-1:] in ".!?:;\n«“„\"("


def glued_title(words: list[str], lex: Lexicon) -> int:
    """How many leading words of a capitalised run are a title before the name: a German compound title
    ('Finanzminister'), or an agent noun that is no given name before a full name ('Sprinter Kezia Dlamini')."""
    if len(words) < 2:
        return 0
    first = words[0]
    if re.match(r"\w{1,3}['’][^\W\d_A-ZÀ-Þ]", first):  # "L'architecte Paul X": an article on a common noun
        return 1
    if first.lower() in lex.given_names or first.lower() in _gazetteer_given_names():
        return 0
    if lex.title_compound.fullmatch(first):
        return 1
    return 1 if len(words) >= 3 and lex.agent.fullmatch(first) else 0


_GIVEN: set[str] = set()


def _gazetteer_given_names() -> set[str]:
    if not _GIVEN:
        gaz = load_gazetteer()
        _GIVEN.update(e.canonical.split()[0].lower() for e in gaz.entities if e.type == "person")
        _GIVEN.add("")
    return _GIVEN


def looks_given(name: str) -> bool:
    """The first word of a name is a known given name ('Tom Okafor'), so the name is a person's."""
    return name.split()[0].lower() in _gazetteer_given_names() if name.split() else False
