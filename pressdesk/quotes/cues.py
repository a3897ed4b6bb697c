"""Reporting cues matched by lemma: one data entry ('ajouter') covers 'a-t-il ajouté', 'ajoute-t-elle', 'ajoutant'."""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from pressdesk.alternation import trie_alternation
from pressdesk.entities import DATA, fold, key_of

CUES = DATA / "cues"
WORD = re.compile(r"[^\W\d_]+")  # letters only: apostrophes and hyphens split ('l'a', 'ajoute-t-il')
_GLUE = re.compile(r"[^\S\n]*")  # what may separate the words of a phrase ('mettre en garde')
_PREV = re.compile(r"([^\W\d_]+)['’]?\s*\Z")  # the word right before a cue (with an elided apostrophe kept apart)
_LAST_WORD = re.compile(r"(?<![\w’'])[^\W\d_]+\Z")
_CLAUSE_END = re.compile(r"[,.;:!?]")
KINDS = frozenset({"speech", "relay", "aside", "accuse", "announce", "call_on", "request", "praise", "rule", "stance", "write"})
_SEPARABLE_GAP = 7  # words between a German verb and its particle ('teilte die Polizei am Montag mit')


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]  # folded lemmas, one per word of the phrase
    kind: str  # speech | relay | aside | accuse | announce | call_on | request | praise | rule | stance | write


@dataclass(frozen=True)
class Morphology:
    """What the lemmatiser cannot say: which endings make a gerund or a bare participle, and its blind spots."""

    gerund: tuple[str, ...]
    participle: tuple[str, ...]  # endings of forms that are a cue only after an auxiliary ('précisé', 'spiegato')
    rules: tuple[tuple[str, str], ...]  # ending -> lemma ending, tried besides the lemmatiser ('é' -> 'er')
    irregular: dict[str, str]  # form -> lemma where the lemmatiser is wrong ('detto' -> 'dire')
    infinitive_cue: bool  # a bare infinitive can be a cue (English 'they say', German 'sie sagen')
    infinitive_markers: frozenset[str]  # 'to', 'zu', Romanian 'a': an infinitive after them is no statement
    noun_markers: frozenset[str]  # a word after them is a noun ('the state', 'une note', 'o declarație')
    separable: frozenset[str]  # German particles written apart from their verb ('teilte ... mit')
    reflexive: frozenset[str]  # elided reflexive clitics ("s'" in "s'inquiète")
    passive: frozenset[str]  # 'been', 'été', 'stato', 'fost' between auxiliary and participle: a passive
    mood_markers: frozenset[str]  # Romanian 'să': a subjunctive after it is no statement
    capitalised_nouns: bool  # German: a capitalised word inside a sentence is a noun ('nach Angaben')
    fixed_before: frozenset[str] = frozenset()  # 'proprement dit', 'autrement dit': a fixed phrase, no cue
    narrative: re.Pattern[str] | None = None  # 'Et d'ajouter', 'Et de poursuivre': an infinitive that narrates
    passive_before: frozenset[str] = frozenset()  # 'it was announced': a participle after them is a passive
    finite_forms: frozenset[str] = frozenset()  # present forms that end like a participle ('arată', not 'arătată')
    infinitive_clitics: tuple[str, ...] = ()  # pronouns glued to an infinitive ('annunciarlo', 'decirlo')


class CueMatch:
    """A match-like result: group(0), 'part' (verb after an auxiliary) or 'fin' (finite or gerund), spans."""

    __slots__ = ("string", "_span", "_verb", "aux", "tense", "kind", "lemma")

    def __init__(self, string: str, span: tuple[int, int], verb: tuple[int, int], aux: bool, tense: str,
                 kind: str, lemma: str) -> None:
        self.string, self._span, self._verb, self.aux = string, span, verb, aux
        self.tense, self.kind, self.lemma = tense, kind, lemma

    def _of(self, group: int | str) -> tuple[int, int]:
        if group in (0, None):
            return self._span
        if group == "part" and self.aux or group == "fin" and not self.aux:
            return self._verb
        if group in ("part", "fin"):
            return (-1, -1)
        raise IndexError(f"no such group: {group!r}")

    def group(self, group: int | str = 0) -> str | None:
        s, e = self._of(group)
        return None if s < 0 else self.string[s:e]

    def start(self, group: int | str = 0) -> int:
        return self._of(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self._of(group)[1]

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._of(group)

    def __repr__(self) -> str:
        return f"<CueMatch {self.span()} {self.group()!r} {self.tense}/{self.kind} {self.lemma}>"


class CueMatcher:
    """Same calls as a compiled regex (finditer/search/match/fullmatch); linear in the text, one lemma per word."""

    def __init__(self, lang: str, entries: list[Entry], morph: Morphology, aux: re.Pattern[str],
                 inverted: re.Pattern[str] | None, stop: frozenset[str]) -> None:
        self.lang, self.morph, self.aux, self.inverted, self.stop = lang, morph, aux, inverted, stop
        self.first: dict[str, list[Entry]] = {}
        for e in sorted(entries, key=lambda e: -len(e.words)):  # longest phrase first
            self.first.setdefault(e.words[0], []).append(e)
        self.verb_kind: dict[str, tuple[str, str]] = {}  # folded verb text -> (tense, kind) of the last match
        self.stems = frozenset(  # 'teilen' of 'mitteilen': a verb whose particle may come later in the clause
            e.words[0][len(p):] for e in entries if len(e.words) == 1 for p in morph.separable if e.words[0].startswith(p))
        self._cache: dict[str, tuple[frozenset[str], tuple[Entry, ...], bool]] = {}
        self._open: dict[str, bool] = {}

    # lemmas ---------------------------------------------------------------------------------------------
    def candidates(self, word: str) -> tuple[frozenset[str], tuple[Entry, ...], bool]:
        """Folded lemma candidates of one word, the entries they open, and whether it may take a particle."""
        hit = self._cache.get(word)
        if hit is None:
            low = word.lower().replace("ş", "ș").replace("ţ", "ț")
            cands = {low, simplemma.lemmatize(low, lang=self.lang)}
            if low in self.morph.irregular:
                cands.add(self.morph.irregular[low])
            cands |= {low[: -len(s)] + r for s, r in self.morph.rules if low.endswith(s) and len(low) - len(s) >= 2}
            folded = frozenset(fold(c) for c in cands)
            opened = tuple(e for c in folded for e in self.first.get(c, ()))
            hit = (folded, tuple(sorted(set(opened), key=lambda e: -len(e.words))), bool(folded & self.stems))
            if len(self._cache) < 200_000:
                self._cache[word] = hit
        return hit

    # matching -------------------------------------------------------------------------------------------
    def _opens(self, word: str) -> bool:
        hit = self._open.get(word)
        if hit is None:
            _, opened, separable = self.candidates(word)
            hit = bool(opened) or separable
            if len(self._open) < 200_000:
                self._open[word] = hit
        return hit

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[CueMatch]:
        end = len(string) if endpos is None else min(endpos, len(string))
        lo, known = pos, self._open
        for tok in WORD.finditer(string, pos, end):
            opens = known.get(tok.group())
            if opens is False or tok.start() < lo or opens is None and not self._opens(tok.group()):
                continue
            m = self._cue_at(string, tok, lo, end)
            if m is not None:
                lo = m.end()
                yield m

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> CueMatch | None:
        return next(self.finditer(string, pos, endpos), None)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> CueMatch | None:
        """A cue starting exactly at pos (its auxiliary or its verb): only the next few words are read."""
        end = len(string) if endpos is None else min(endpos, len(string))
        for i, tok in enumerate(WORD.finditer(string, pos, end)):
            if i > 6 or i == 0 and tok.start() != pos:
                return None
            if self._opens(tok.group()):
                m = self._cue_at(string, tok, pos, end)
                if m is not None:
                    return m if m.start() == pos else None
        return None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> CueMatch | None:
        end = len(string) if endpos is None else min(endpos, len(string))
        m = self.match(string, pos, end)
        return m if m is not None and m.end() == end else None

    def _clitic_infinitive(self, folded: str, lemma: str) -> bool:
        """An infinitive with a pronoun glued on ('annunciarlo' = annunciar(e) + lo, 'decirlo'): no finite verb."""
        return any(folded.endswith(c) and folded[: -len(c)] in (lemma, lemma[:-1]) for c in self.morph.infinitive_clitics)

    def _cue_at(self, string: str, tok: re.Match[str], lo: int, end: int) -> CueMatch | None:
        """The cue whose verb is this word, with its auxiliary and adverbs before it if any."""
        s = tok.start()
        if s > 0 and (string[s - 1] in "’'-" or string[s - 1].isalnum()) and not self._reflexive(string, s) and not (
                string[s - 1] in "’'" and self._narrated(string, s)):
            return None  # 'l'estime', 'porte-parole' (but "s'inquiète")
        low = tok.group().lower()
        prev = _PREV.search(string, max(0, s - 40), s)
        if tok.group()[0].isupper() and prev and (self.morph.capitalised_nouns or prev.group(1)[0].isupper()):
            return None  # German 'nach Angaben'; inside a name ('Sănătate Publică')
        prev_word = prev.group(1).lower() if prev else ""
        if prev_word in self.morph.noun_markers or prev_word in self.morph.mood_markers or (
                prev_word in self.morph.fixed_before):
            return None  # 'the state', 'une note', 'să asigure', 'proprement dit'
        hit = self._phrase(string, tok, end)
        if hit is None:
            return None
        entry, vend = hit
        if self.inverted is not None:
            inv = self.inverted.match(string, vend, end)
            if inv:
                vend = inv.end()
        if vend < len(string) and (string[vend].isalnum() or string[vend] == "_" or string[vend] == "-"):
            return None
        folded = fold(low)
        gerund = low.endswith(self.morph.gerund) if self.morph.gerund else False
        if prev_word in self.morph.passive_before and not gerund:
            return None  # 'it was announced that', 'is said to': a passive names no speaker
        infinitive = (folded == entry.words[0] or self._clitic_infinitive(folded, entry.words[0])) and not gerund
        narrative = infinitive and self._narrated(string, s)
        if infinitive and not narrative and (not self.morph.infinitive_cue or prev_word in self.morph.infinitive_markers):
            return None  # 'pour expliquer', 'to say', 'a declara'
        aux = None if gerund else self.aux.search(string, max(lo, s - 120), s)
        if aux is None and low in self.stop:
            return None  # 'the United States', 'detto questo': the form alone is no cue
        if aux is not None and (infinitive or self._passive(string, aux.start(), s)):
            return None  # 'will ask', 'va déclarer' (a future), 'sono state indicate' (a passive)
        if aux is not None:
            m = CueMatch(string, (aux.start(), vend), (s, vend), True, "participle", entry.kind, " ".join(entry.words))
        elif self.morph.participle and low.endswith(self.morph.participle) and low not in self.morph.finite_forms:
            return None  # a bare participle is an adjective, a passive or an adverbial clause ('Întrebată de …, X')
        else:
            tense = "gerund" if gerund else "narrative" if narrative else "finite"
            m = CueMatch(string, (s, vend), (s, vend), False, tense, entry.kind, " ".join(entry.words))
        verb = m.group("part") or m.group("fin") or ""
        self.verb_kind[" ".join(key_of(verb))] = (m.tense, m.kind)
        return m

    def _narrated(self, string: str, s: int) -> bool:
        """'Et d'ajouter', 'Et de poursuivre' opening a sentence: the infinitive narrates a statement."""
        opener = self.morph.narrative.search(string, max(0, s - 12), s) if self.morph.narrative else None
        return opener is not None and _opens_sentence(string, opener.start())

    def _passive(self, string: str, start: int, verb: int) -> bool:
        return bool(self.morph.passive) and any(
            w.group().lower() in self.morph.passive for w in WORD.finditer(string, start, verb))

    def _reflexive(self, string: str, s: int) -> bool:
        """An elided reflexive clitic before the verb ("s'inquiète"), not an article ("l'estime")."""
        head = _LAST_WORD.search(string, max(0, s - 4), s - 1) if string[s - 1] in "’'" else None
        return head is not None and head.group().lower() in self.morph.reflexive

    def _phrase(self, string: str, tok: re.Match[str], end: int) -> tuple[Entry, int] | None:
        """The longest entry whose words follow from this one, and where it ends."""
        cands, entries, _ = self.candidates(tok.group())
        for entry in entries:
            if len(entry.words) == 1:
                return self._separable(string, tok, cands, end) or (entry, tok.end())
            pos, ok = tok.end(), True
            for want in entry.words[1:]:
                gap = _GLUE.match(string, pos, end)
                nxt = WORD.match(string, gap.end() if gap else pos, end)
                if nxt is None or want not in self.candidates(nxt.group())[0]:
                    ok = False
                    break
                pos = nxt.end()
            if ok:
                return entry, pos
        return self._separable(string, tok, cands, end)

    def _separable(self, string: str, tok: re.Match[str], cands: frozenset[str], end: int) -> tuple[Entry, int] | None:
        """German 'teilte (die Polizei am Montag) mit': the particle closes the clause and makes the lemma."""
        if not self.morph.separable:
            return None
        stop = _CLAUSE_END.search(string, tok.end(), end)
        limit = stop.start() if stop else end
        for i, nxt in enumerate(WORD.finditer(string, tok.end(), limit)):
            if i >= _SEPARABLE_GAP:
                break
            part = nxt.group().lower()
            if part in self.morph.separable and (nxt.end() == limit or string[nxt.end()] in " \t,.;:!?"):
                for c in cands:
                    entry = next((e for e in self.first.get(part + c, ()) if len(e.words) == 1), None)
                    if entry is not None:
                        return entry, nxt.end()
        return None


def _rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r.get("lemma") or r.get("form")]


@lru_cache(maxsize=1)
def _morphology() -> dict:
    return tomllib.loads((CUES / "morphology.toml").read_text(encoding="utf-8"))


def entries(lang: str) -> list[Entry]:
    """Every reporting verb and phrase of one language, as folded lemma sequences."""
    path = CUES / f"{lang}.csv"
    if not path.exists():
        return []
    return [entry(r["lemma"], (r.get("kind") or "speech").strip()) for r in _rows(path) if r["lemma"].strip()]


def entry(lemma: str, kind: str = "speech") -> Entry:
    """One reporting verb or phrase as written in the data ('mettre en garde'), folded for matching."""
    return Entry(tuple(fold(w) for w in lemma.replace("’", "'").split()), kind)


def morphology(lang: str) -> Morphology:
    cfg = _morphology().get(lang, {})
    return Morphology(
        gerund=tuple(cfg.get("gerund_suffixes", [])),
        participle=tuple(cfg.get("participle_suffixes", [])),
        rules=tuple((a, b) for a, b in cfg.get("lemma_rules", [])),
        irregular={k.lower(): v for k, v in cfg.get("irregular", {}).items()},
        infinitive_cue=bool(cfg.get("infinitive_cue", True)),
        infinitive_markers=frozenset(cfg.get("infinitive_markers", [])),
        noun_markers=frozenset(cfg.get("noun_markers", [])),
        separable=frozenset(cfg.get("separable_particles", [])),
        reflexive=frozenset(cfg.get("elided_reflexives", [])),
        passive=frozenset(cfg.get("passive_markers", [])),
        mood_markers=frozenset(cfg.get("mood_markers", [])),
        capitalised_nouns=bool(cfg.get("capitalised_nouns", False)),
        fixed_before=frozenset(cfg.get("fixed_before", [])),
        narrative=_narrative(cfg.get("narrative_infinitive", [])),
        passive_before=frozenset(cfg.get("passive_before", [])),
        finite_forms=frozenset(cfg.get("finite_forms", [])),
        infinitive_clitics=tuple(cfg.get("infinitive_clitics", [])),
    )


def _narrative(openers: list[str]) -> re.Pattern[str] | None:
    """Sentence openers before a narrative infinitive ('Et d'ajouter'), as a pattern ending at the verb."""
    if not openers:
        return None
    alt = "|".join(re.escape(o).replace(r"\ ", r"\s+") + ("" if o.endswith(("'", "’")) else r"\s+") for o in openers)
    return re.compile(rf"(?:{alt})$", re.I)


def _opens_sentence(string: str, pos: int) -> bool:
    before = string[max(0, pos - 3) : pos].rstrip(" ")
    return not before or before[-1] in ".!?»”\"\n"


def stop_forms(lang: str) -> frozenset[str]:
    """Forms that lemmatise to a cue but read as something else ('reporting', 'states')."""
    return frozenset(r["form"].lower() for r in _rows(CUES / "stop.csv") if r["lang"] == lang)


# a word or two quoted between auxiliary and verb, as masked (marks kept, words blanked): 'a « totalement » rejeté'
_QUOTED_WORD = r"[«“„\"‘][^\S\n]{1,30}[»”“\"’]"


def cue_matcher(lang: str, cfg: dict, only: list[Entry] | None = None) -> CueMatcher:
    """The matcher of one language: its entries (or only these), auxiliaries (attribution.toml), inverted clitics."""
    adv = cfg.get("adverb_max", 2)
    # an auxiliary opens its word, or follows an elided clitic ("qu'a déclaré", "l'ha detto"): one fixed-width
    # look-behind per clitic and apostrophe
    clitics = "".join(f"|(?<=(?<![\\w’']){re.escape(c[:-1])}{q})" for c in cfg.get("aux_clitics", []) for q in "'’")
    aux = re.compile(rf"(?:(?<![\w’']){clitics})"
                     rf"(?:{trie_alternation(cfg.get('auxiliaries', []), ignore_case=True) or '(?!x)x'})(?:\s+(?:[\w’'-]+|{_QUOTED_WORD})){{0,{adv}}}?\s+\Z",
                     re.IGNORECASE)
    inv_forms = list(cfg.get("inverted_pronouns", {}))
    inverted = re.compile(rf"(?:{trie_alternation(inv_forms, ignore_case=True)})(?![\w-])", re.IGNORECASE) if inv_forms else None
    chosen = entries(lang) if only is None else only
    return CueMatcher(lang, chosen, morphology(lang), aux, inverted, stop_forms(lang))
