"""Per-language attribution lexicon compiled from the data files (verbs, roles, institutions, agencies)."""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pressdesk.alternation import trie_alternation
from pressdesk.entities import DATA, key_of
from pressdesk.quotes.cues import CueMatcher, cue_matcher

W = r"[\w'’-]"  # a word character for hand-built patterns (keeps d'après, nord-coréen together)


def _alt(forms: list[str], ignore_case: bool = False) -> str:
    """Regex alternation (a longer form wins over its prefix), whitespace-tolerant; `ignore_case` for a pattern
    compiled with re.IGNORECASE."""
    return trie_alternation(forms, ignore_case=ignore_case) or r"(?!x)x"


def listed(words: list[str], ignore_case: bool = False) -> str:
    """The listed words as a regex alternation, spaces kept literal (a longer form wins over its prefix)."""
    return trie_alternation(words, space=None, ignore_case=ignore_case)


def apostrophe_forms(forms: list[str]) -> str:
    """Data forms as one longest-first alternation in which a straight apostrophe also matches a curly one
    ("l'agence", "l’agence"); spaces stay literal."""
    return "|".join(re.escape(f).replace("'", "['’]") for f in sorted(forms, key=len, reverse=True))


def _slotted(forms: list[str], adjectives: str, ignore_case: bool = False) -> str:
    """Alternation where a country adjective may sit between any two words ('ministère sud-coréen des ...')."""
    slot = rf"\s+(?:(?:{adjectives})\s+)?"
    return trie_alternation((" ".join(f.split()) for f in forms), space=slot, ignore_case=ignore_case) or r"(?!x)x"


def _words(forms: list[str]) -> re.Pattern[str]:
    """Whole-word alternation; elided forms (qu', d') need no right boundary."""
    whole = [f for f in forms if not f.endswith(("'", "’"))]
    elided = [f for f in forms if f.endswith(("'", "’"))]
    alt = f"(?:{_alt(whole, True)})(?![\\w-])" + (f"|(?:{_alt(elided, True)})" if elided else "")
    return re.compile(rf"(?<![\w'’-])(?:{alt})", re.IGNORECASE)


def _calendar(lang: str) -> frozenset[str]:
    """The language's month and weekday names, folded as the date extractor folds them."""
    from pressdesk.dates.lang import load_language

    spec = load_language(lang)
    return frozenset(spec.months) | frozenset(spec.weekdays) if spec else frozenset()


@dataclass(frozen=True)
class Lexicon:
    lang: str
    cue: CueMatcher  # reporting verbs by lemma, called like a compiled regex (groups 'part' and 'fin')
    verb_kind: dict[str, tuple[str, str]]  # folded verb text of the latest cue -> (tense, kind)
    complementizer: re.Pattern[str]
    preposition: re.Pattern[str]
    weak_prepositions: frozenset[str]
    pronouns: dict[str, str]
    latter: re.Pattern[str] | None  # 'ce dernier', "quest'ultimo": the person named last (gender by phrase)
    latter_gender: dict[str, str]
    relatives: frozenset[str]
    honorific: re.Pattern[str]
    determiners: frozenset[str]
    fillers: re.Pattern[str]
    role: re.Pattern[str]
    role_info: dict[str, tuple[str, str]]  # folded form -> (english role, kind)
    institution: re.Pattern[str]
    institution_info: dict[str, str]
    adjective: re.Pattern[str]
    of_words: re.Pattern[str]
    in_words: re.Pattern[str]
    function_words: frozenset[str]
    statement_noun: re.Pattern[str]
    adjective_first: bool
    pro_drop: bool
    case_prepositions: frozenset[str]
    calendar: frozenset[str]  # month and weekday names (data/dates), folded: 'On Monday' is no person
    statement_gap: re.Pattern[str]  # 'selon [un communiqué de] X'
    determiner_gap: re.Pattern[str]
    weak_complementizers: frozenset[str]  # complementizers that count only right after the cue
    inverted: dict[str, str]  # French inverted subject clitic ('-t-elle') -> gender
    oblique: dict[str, str]  # pronoun after 'selon/according to' ('lui', 'him') -> gender
    tail_prepositions: frozenset[str]  # 'per X' counts only closing a sentence or opening one before a comma
    demonym: re.Pattern[str]  # nationality-like word between a title and a name ('le Premier ministre belge X')
    genitive: re.Pattern[str]  # case-marked complement of a title ('Primarul comunei Vădeni')
    object_markers: frozenset[str]  # 'à l'AFP', 'to reporters', 'ai giornalisti' after a cue
    audience: re.Pattern[str]  # places/times after an audience object ('told a rally in Los Angeles')
    definite: re.Pattern[str]  # a definite determiner ending the text before a description ('the official')
    enclitic: tuple[str, ...]  # definite article written on the noun ('edilul')
    org_trigger: re.Pattern[str]  # a head or a descriptor as a whole word (where to look for a name)
    org_head: re.Pattern[str]  # head noun of an organisation name ('Court', 'tribunal', '...gericht')
    org_links: frozenset[str]  # words inside an organisation name ('of', 'pentru', 'și')
    org_title: re.Pattern[str]  # descriptor before a company name ('carmaker', 'Autokonzern')
    org_adjective: re.Pattern[str]  # lowercase adjective after a head ('administratif', 'costituzionale')
    title_compound: re.Pattern[str]  # German compound title ('Finanzminister', 'Gewerkschaftschefin')
    agent: re.Pattern[str]  # agent noun ending ('Forecaster', 'Cercetătoarea')
    given_names: frozenset[str]  # given names that look like agent nouns
    nominative: tuple[tuple[str, str], ...]  # genitive ending of a head noun -> nominative ending
    reported_mood: re.Pattern[str]  # Konjunktiv I forms ('sei', 'habe')


@lru_cache(maxsize=1)
def attribution_config() -> dict:
    return tomllib.loads((DATA / "attribution.toml").read_text(encoding="utf-8"))


def attribution_words(lang: str, key: str) -> list[str]:
    """One language's list under `key` in attribution.toml: empty when the language has none."""
    return attribution_config().get(lang, {}).get(key, [])


def _csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def agencies() -> tuple[re.Pattern[str], dict[tuple[str, ...], str]]:
    """Agency/outlet matcher (case-sensitive: 'AP', 'RT') and surface-key -> canonical."""
    rows = _csv("agencies.csv")
    names = {key_of(r["alias"]): r["canonical"] for r in rows}
    pattern = re.compile(rf"(?<![\w-])(?:{_alt([r['alias'] for r in rows])})(?![\w-])")
    return pattern, names


def _suffixes(words: list[str]) -> re.Pattern[str]:
    alt = _alt(words)
    return re.compile(rf"[^\W\d_A-ZÀ-Þ][\w-]*(?:{alt})" if words else r"(?!x)x")


@lru_cache(maxsize=16)
def lexicon(language: str) -> Lexicon:
    """Compile the lexicon of one language (falls back to English for unknown languages)."""
    conf = attribution_config()
    lang = language if language in conf else "en"
    cfg = conf[lang]
    cue = cue_matcher(lang, cfg)
    roles = [r for r in _csv("roles.csv") if r["lang"] == lang]
    insts = [r for r in _csv("institutions.csv") if r["lang"] == lang]
    adjs = _adjective_forms(lang)
    preps = cfg.get("prepositions", [])
    of = cfg.get("of", [])
    into = cfg.get("in", [])
    function = set(cfg.get("determiners", [])) | set(of) | set(into) | set(cfg.get("coordination", []))
    function |= set(cfg.get("object_markers", [])) | set(cfg.get("infinitive_markers", []))
    function |= set(cfg.get("complementizers", [])) | set(cfg.get("relative", []))
    function |= {w for p in preps for w in p.split()}  # 'Potrivit Ministerului', 'Selon Paris' are no names
    statement = _words(cfg.get("statement_nouns", []))
    return Lexicon(
        lang=lang,
        cue=cue,
        verb_kind=cue.verb_kind,
        complementizer=_words(cfg.get("complementizers", [])),
        preposition=re.compile(rf"(?<![\w’'-])(?:{_alt(preps, True)})(?![\w-])", re.IGNORECASE),
        weak_prepositions=frozenset(p.lower() for p in cfg.get("weak_prepositions", [])),
        pronouns={k.lower(): v for k, v in cfg.get("pronouns", {}).items()},
        latter=re.compile(rf"(?<![\w’'-])(?:{_alt(list(cfg['latter']), True)})(?![\w-])", re.IGNORECASE)
        if cfg.get("latter") else None,
        latter_gender={k.lower(): v for k, v in cfg.get("latter", {}).items()},
        relatives=frozenset(r.lower() for r in cfg.get("relative", [])),
        honorific=re.compile(rf"(?<![\w-])(?:{_alt(_capitalised(cfg.get('honorifics', [])))})(?=\s)"),
        determiners=frozenset(d.lower() for d in cfg.get("determiners", [])),
        fillers=re.compile(rf"(?:(?:{_alt(cfg.get('fillers', []), True)})(?![\w-])[\s,]*)+", re.IGNORECASE),
        role=re.compile(rf"(?<![\w-])(?:{_slotted([r['form'] for r in roles], _alt(adjs, True), True)})(?![\w-])", re.I),
        role_info={" ".join(key_of(r["form"])): (r["role"], r["kind"]) for r in roles},
        institution=re.compile(rf"(?<![\w-])(?:{_slotted([r['form'] for r in insts], _alt(adjs))})(?![\w-])"),
        institution_info={" ".join(key_of(r["form"])): r["canonical"] for r in insts},
        adjective=re.compile(rf"(?<![\w-])(?:{_alt(adjs, True)})(?![\w-])", re.IGNORECASE),
        of_words=re.compile(rf"^\s*(?:{_alt(of, True)})(?:\s+|(?<=['’]))", re.IGNORECASE),
        in_words=re.compile(rf"^\s*(?:{_alt(into, True)})(?:\s+|(?<=['’]))", re.IGNORECASE),
        function_words=frozenset(f.lower() for f in function),
        statement_noun=statement,
        adjective_first=bool(cfg.get("adjective_before_noun", False)),
        pro_drop=bool(cfg.get("pro_drop", False)),
        case_prepositions=frozenset(p.lower() for p in conf["common"]["case_prepositions"]),
        calendar=_calendar(lang),
        statement_gap=re.compile(
            rf"\s*(?:(?:\w{{1,3}}['’]|\w{{1,4}}\s+)?(?:{statement.pattern})\s+(?:\w{{1,4}}\s+|\w{{1,3}}['’])*)?",
            re.IGNORECASE),
        weak_complementizers=frozenset(w.lower() for w in cfg.get("weak_complementizers", [])),
        inverted={k.lower(): v for k, v in cfg.get("inverted_pronouns", {}).items()},
        oblique={k.lower(): v for k, v in cfg.get("oblique_pronouns", {}).items()},
        tail_prepositions=frozenset(p.lower() for p in cfg.get("prepositions_tail", [])),
        demonym=_suffixes(cfg.get("demonym_suffixes", [])),
        genitive=_suffixes(cfg.get("genitive_suffixes", [])),
        object_markers=frozenset(w.lower() for w in cfg.get("object_markers", [])),
        audience=re.compile(rf"\s*,?\s*(?:{_alt(cfg.get('audience_prepositions', []) + cfg.get('in', []), True)})(?![\w-])", re.I),
        definite=re.compile(rf"(?<![\w'’-])(?:{_alt(cfg.get('definite', []), True)})\s*$", re.I),
        enclitic=tuple(cfg.get("enclitic_articles", [])),
        determiner_gap=re.compile(
            r"\s*(?:\w{1,3}['’]|(?:the|an?|le|la|les|il|lo|l|un|uno|una|une|unui|unei|o|gli|i|el|los|las|des|der|den|dem|die|das)\s+)?", re.I),
        **_organisation_fields(cfg, conf["common"]),
    )


def _organisation_fields(cfg: dict, common: dict) -> dict:
    heads = [h.lower() for h in cfg.get("org_heads", [])]
    head_suffixes = cfg.get("org_head_suffixes", [])
    head = rf"(?:{_alt(heads, True)})" + (rf"|[^\W\d_][\w-]*(?:{_alt(head_suffixes, True)})" if head_suffixes else "")
    title_suffixes = cfg.get("org_title_suffixes", [])
    org_title = rf"(?:{_alt(cfg.get('org_titles', []), True)})" + (
        rf"|[^\W\d_][\w-]*(?:{_alt(title_suffixes, True)})" if title_suffixes else "")
    compound = cfg.get("title_suffixes", [])
    agent = cfg.get("agent_suffixes", [])
    return {
        "org_head": re.compile(head, re.I),
        "org_trigger": re.compile(rf"(?<![\w&-])(?:{head}|{org_title})(?![\w’'&-])", re.I),
        "org_links": frozenset(w.lower() for w in cfg.get("org_links", [])),
        "org_title": re.compile(org_title, re.I),
        "org_adjective": _suffixes(cfg.get("org_adjective_suffixes", [])),
        "title_compound": re.compile(rf"[^\W\d_][\w-]*(?:{_alt(compound, True)})" if compound else r"(?!x)x", re.I),
        "agent": re.compile(rf"[^\W\d_][\w-]{{2,}}(?:{_alt(agent, True)})" if agent else r"(?!x)x", re.I),
        "given_names": frozenset(n.lower() for n in common.get("title_like_given_names", [])),
        "nominative": tuple(sorted(cfg.get("genitive_nominative", {}).items(), key=lambda kv: -len(kv[0]))),
        "reported_mood": re.compile(rf"(?<![\w-])(?:{_alt(cfg.get('reported_mood', []))})(?![\w-])"),
    }


def _capitalised(words: list[str]) -> list[str]:
    """Each honorific as written and sentence-initial ('dl.' / 'Dl.', 'il signor' / 'Il signor')."""
    return [v for w in words for v in (w, w[:1].upper() + w[1:])]


def _adjective_forms(lang: str) -> list[str]:
    """Surface adjective forms of every country in one language (taken back from the gazetteer TOML)."""
    raw = tomllib.loads((DATA / "entities.toml").read_text(encoding="utf-8"))
    return [form for row in raw.get("country", []) for form in row.get("adj", {}).get(lang, [])]


def english_adjective(country: str) -> str:
    """First English demonym of a country ('North Korean'), else the country name."""
    return _english_adjectives().get(country, country)


@lru_cache(maxsize=1)
def _english_adjectives() -> dict[str, str]:
    raw = tomllib.loads((DATA / "entities.toml").read_text(encoding="utf-8"))
    return {r["canonical"]: r["adj"]["en"][0] for r in raw.get("country", []) if r.get("adj", {}).get("en")}


def quote_pairs() -> list[tuple[str, str]]:
    return [tuple(p) for p in attribution_config()["quote_marks"]["pairs"]]  # type: ignore[misc]


def comment_markers() -> list[str]:
    return attribution_config()["common"]["comment_markers"]


def data_path(name: str) -> Path:
    return DATA / name
