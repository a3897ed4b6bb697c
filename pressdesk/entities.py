"""Shared entity gazetteer: cross-language aliases, mention finding, canonicalisation and fuzzy merging."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_GAZETTEER = DATA / "entities.toml"

TOKEN = re.compile(r"\w+(?:[-.]\w+)*")
_SECTIONS = {"country": "country", "organisation": "organisation", "person": "person", "place": "place"}
FUZZY_CUTOFF = 86.0


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str  # "person" | "organisation" | "country" | "place"
    aliases: tuple[str, ...]
    role: str | None = None
    country: str | None = None
    gender: str | None = None


@dataclass(frozen=True)
class EntityMention:
    canonical: str
    type: str
    surface: str
    start: int
    end: int


class _FoldTable(dict):
    """Character -> folded character, filled on first sight: str.translate then folds at C speed."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lowercase and strip diacritics char by char, so offsets into the folded string stay valid."""
    return text.translate(_FOLD)


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[:1].lower()
    if len(base) != 1:
        return c.lower()[:1] or c
    return {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "s"}.get(base, base)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=16384)
def key_of(text: str) -> tuple[str, ...]:
    """Token key used for alias lookup: folded tokens, punctuation and apostrophes dropped."""
    return tuple(_fold_word(t) for t in TOKEN.findall(text))


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


@dataclass
class Gazetteer:
    entities: list[Entity]
    index: dict[tuple[str, ...], tuple[Entity, str]] = field(default_factory=dict)
    surnames: dict[tuple[str, ...], Entity] = field(default_factory=dict)
    adjectives: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)
    by_canonical: dict[str, Entity] = field(default_factory=dict)
    max_n: int = 1
    first_tokens: dict[str, int] = field(default_factory=dict)  # first folded token -> longest alias length
    surname_tokens: set[str] = field(default_factory=set)  # the folded token of each key in `surnames`

    def add(self, entity: Entity) -> None:
        self.entities.append(entity)
        self.by_canonical[entity.canonical] = entity
        for alias in (entity.canonical, *entity.aliases):
            key = key_of(alias)
            if key and key not in self.index:
                self.index[key] = (entity, alias)
                self.max_n = max(self.max_n, len(key))
                self.first_tokens[key[0]] = max(self.first_tokens.get(key[0], 0), len(key))
        if entity.type == "person":
            last = key_of(entity.canonical)[-1:]
            if last and last not in self.index:
                self.surnames.setdefault(last, entity)
                self.surname_tokens.add(last[0])

    def lookup(self, surface: str) -> Entity | None:
        hit = self.index.get(key_of(surface))
        return hit[0] if hit else None

    def country_of_adjective(self, word: str, language: str) -> str | None:
        return self.adjectives.get(language, {}).get(key_of(word))


def _parse(path: Path) -> Gazetteer:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    gaz = Gazetteer(entities=[])
    for section, etype in _SECTIONS.items():
        for row in raw.get(section, []):
            entity = Entity(
                canonical=row["canonical"],
                type=etype,
                aliases=tuple(row.get("aliases", ())),
                role=row.get("role"),
                country=row.get("country"),
                gender=row.get("gender"),
            )
            gaz.add(entity)
            for lang, forms in row.get("adj", {}).items():
                table = gaz.adjectives.setdefault(lang, {})
                for form in forms:
                    table.setdefault(key_of(form), entity.canonical)
    return gaz


@lru_cache(maxsize=4)
def _load(path: str) -> Gazetteer:
    return _parse(Path(path))


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load (once per path) the TOML gazetteer."""
    return _load(str(path or DEFAULT_GAZETTEER))


# Title-case forms of acronyms that are ordinary words somewhere ('Who', 'Uno', 'Sua', 'Una'): capitals only.
_TITLE_ACRONYM_WORDS = frozenset({"who", "uno", "una", "sua", "nis", "ria", "eu", "un", "us", "ee"})


def _acronym_ok(got: str, want: str, initial: bool) -> bool:
    """'NATO' in capitals, or written as a word ('Nato', 'Onu', 'Aiea', 'Otan') as Italian, French and
    Romanian papers often do: 4+ letters anywhere, 2-3 letters ('Ue', 'Usa') when not sentence-initial and
    not a common word."""
    if got.upper() == got:
        return True
    letters = [c for c in got if c.isalpha()]
    if not (got[:1].isupper() and got[1:] == got[1:].lower() and got.isalpha()) or len(letters) < 2:
        return False
    if len(letters) >= 4:
        return True
    return not initial and got.lower() not in _TITLE_ACRONYM_WORDS and want.isalpha()


def _case_ok(surface_tokens: list[str], alias: str, initial: bool = False) -> bool:
    """Acronyms must match in capitals (or title case, see _acronym_ok); capitalised aliases must be
    capitalised in the text."""
    alias_tokens = TOKEN.findall(alias)
    for got, want in zip(surface_tokens, alias_tokens, strict=False):
        if _is_acronym(want) and not _acronym_ok(got, want, initial or len(alias_tokens) > 1):
            return False
    return not (alias_tokens and alias_tokens[0][:1].isupper() and not surface_tokens[0][:1].isupper())


_INITIAL = re.compile(r"(?:^|[.!?:\n»”\"]\s*|\n\s*)$")


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_INITIAL.search(text, max(0, start - 4), start))


_MEMO: ContextVar[dict | None] = ContextVar("entity_memo", default=None)


@contextmanager
def one_article() -> Iterator[None]:
    """Within one article's extraction, a passage read twice (a sentence that holds a quote and a date, several
    quotes of one sentence) is matched once; nothing is remembered from one article to the next."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def find_entities(text: str, language: str | None = None, gazetteer: Gazetteer | None = None) -> list[EntityMention]:
    """Greedy longest-alias matching over tokens; person surnames count once the full name was seen."""
    memo = _MEMO.get()
    if memo is None or gazetteer is not None:
        return _find_entities(text, language, gazetteer)
    key = (text, language)
    if key not in memo:
        memo[key] = _find_entities(text, language, None)
    return list(memo[key])


def _find_entities(text: str, language: str | None, gazetteer: Gazetteer | None) -> list[EntityMention]:
    gaz = gazetteer or load_gazetteer()
    tokens = list(TOKEN.finditer(text))
    whole = fold(text)  # one char per char: each token's folded form is a slice
    folded = [whole[t.start() : t.end()] for t in tokens]
    firsts, surnames = gaz.first_tokens, gaz.surname_tokens
    out: list[EntityMention] = []
    seen_people: set[str] = set()
    free = 0  # tokens before this one belong to an entity already found
    # only tokens that open an alias or are a known surname are looked at: most of a text is neither
    for i in [k for k, f in enumerate(folded) if f in firsts or f in surnames]:
        if i < free:
            continue
        hit = None
        for n in range(min(firsts.get(folded[i], 0), len(tokens) - i), 0, -1):
            found = gaz.index.get(tuple(folded[i : i + n]))
            if found and _case_ok([t.group() for t in tokens[i : i + n]], found[1],
                                  _sentence_initial(text, tokens[i].start())):
                hit = (n, found[0])
                break
        if hit is None:
            person = gaz.surnames.get((folded[i],))
            if person and person.canonical in seen_people and tokens[i].group()[:1].isupper():
                hit = (1, person)
        if hit is None:
            continue
        n, entity = hit
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        out.append(EntityMention(entity.canonical, entity.type, text[start:end], start, end))
        if entity.type == "person":
            seen_people.add(entity.canonical)
        free = i + n
    return out


_TRANSLIT = [("w", "v"), ("y", "i"), ("j", "i"), ("ks", "x"), ("kh", "h"), ("ou", "u"), ("ck", "k"), ("ph", "f")]


@lru_cache(maxsize=65536)
def _phonetic(token: str) -> str:
    """Collapse common transliteration variants (Zelenskyy/Zelenskyj, Peskow/Peskov, Dmitri/Dmitry)."""
    for a, b in _TRANSLIT:
        token = token.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", token)


def _name_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two folded name keys: whole-string ratio, or per-token when both have the same shape."""
    a, b = tuple(_phonetic(t) for t in a), tuple(_phonetic(t) for t in b)
    whole = fuzz.ratio(" ".join(a), " ".join(b))
    if len(a) == len(b) and len(a) >= 2:
        per_token = min(fuzz.ratio(x, y) for x, y in zip(a, b, strict=True))
        return max(min(whole, per_token + 10), per_token) if per_token >= 70 else min(whole, per_token + 10)
    return whole


@lru_cache(maxsize=1)
def _fuzzy_choices() -> tuple[list[str], list[Entity]]:
    gaz = load_gazetteer()
    keys, ents = [], []
    for key, (entity, _) in gaz.index.items():
        if entity.type == "person" and len(key) >= 2 or len(" ".join(key)) >= 6:
            keys.append(" ".join(key))
            ents.append(entity)
    return keys, ents


@lru_cache(maxsize=65536)
def canonical_name(surface: str) -> str | None:
    """Gazetteer canonical for a surface form, tolerant of transliteration variants (rapidfuzz); remembered, as
    the gazetteer is fixed data and the same names recur in every article."""
    gaz = load_gazetteer()
    key = key_of(surface)
    if not key:
        return None
    entity = gaz.lookup(surface)
    if entity:
        return entity.canonical
    keys, ents = _fuzzy_choices()
    best = process.extractOne(" ".join(key), keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF - 6)
    if best is None:
        return None
    candidate = ents[best[2]]
    if _name_similarity(key, tuple(best[0].split(" "))) >= FUZZY_CUTOFF:
        return candidate.canonical
    return None


def same_person(a: str, b: str) -> bool:
    """True when two spellings plausibly name the same person (surname-only forms included)."""
    ka, kb = key_of(a), key_of(b)
    if not ka or not kb:
        return False
    if len(ka) != len(kb):
        short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
        return _name_similarity(short, long_[-len(short) :]) >= FUZZY_CUTOFF
    return _name_similarity(ka, kb) >= FUZZY_CUTOFF


SURNAME_FLOOR = 75.0  # same_person needs the last tokens at least this alike (per-token rule: 76), so only
# spellings whose last tokens are that close are ever compared


def last_token(name: str) -> str:
    """The phonetic form of a name's last token: what two spellings of one person must share closely."""
    key = key_of(name)
    return _phonetic(key[-1]) if key else ""


def merge_names(names: Iterable[str]) -> dict[str, str]:
    """Map each surface to a canonical: gazetteer first, then clustering unknown spellings by similarity.

    Each spelling is compared only with the representatives whose last token is close to its own (found by
    rapidfuzz in C), in the order they were chosen, so the result is that of comparing with all of them."""
    result: dict[str, str] = {}
    unknown: dict[str, None] = {}
    for name in names:
        if name in result or name in unknown:
            continue
        canon = canonical_name(name)
        if canon:
            result[name] = canon
        else:
            unknown[name] = None
    reps: list[str] = []
    tokens: list[str] = []  # distinct last tokens of the representatives
    holders: dict[str, list[int]] = {}  # last token -> positions in reps
    # longest spellings first so "Ivan Petrov" represents "Petrov"
    for name in sorted(unknown, key=lambda s: (-len(key_of(s)), -len(s))):
        last = last_token(name)
        near = process.extract(last, tokens, scorer=fuzz.ratio, score_cutoff=SURNAME_FLOOR, limit=None) if last else []
        candidates = sorted(i for _, _, t in near for i in holders[tokens[t]])
        rep = next((reps[i] for i in candidates if same_person(name, reps[i])), None)
        if rep is None:
            rep = name
            if last not in holders:
                tokens.append(last)
            holders.setdefault(last, []).append(len(reps))
            reps.append(name)
        result[name] = rep
    return result


def related_names(new: Iterable[str], stored: Sequence[str]) -> list[str]:
    """The stored spellings a new one could be merged with (last tokens close enough), to merge only those."""
    new_tokens = sorted({t for t in map(last_token, new) if t})
    stored_tokens = [last_token(s) for s in stored]
    distinct = sorted(set(stored_tokens) - {""})
    if not new_tokens or not distinct:
        return []
    scores = process.cdist(new_tokens, distinct, scorer=fuzz.ratio, score_cutoff=SURNAME_FLOOR)
    close = {distinct[j] for j in scores.nonzero()[1]}
    return [s for s, t in zip(stored, stored_tokens, strict=True) if t in close]
