"""Load a language's date data (data/dates/<lang>.toml) and compile it once into regexes."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from pressdesk.dates.field import field_sources
from pressdesk.dates.gate import (
    DIGIT,
    NUMERIC,
    YEARLIKE,
    Needs,
    all_present,
    phrase_needs,
    phrase_requirements,
    runs,
    words_of,
)
from pressdesk.dates.holidays import Holiday, HolidayOffsets
from pressdesk.dates.patterns import absolute_patterns, month_slot, prefix
from pressdesk.dates.periods import SeasonDays, period_slots, period_sources
from pressdesk.dates.text import YEAR, alternation, fold, lower_same_length, phrase_regex, tense_view
from pressdesk.dates.text import B as _B
from pressdesk.dates.text import E as _E

__all__ = ["fold", "lower_same_length", "tense_view", "phrase_regex", "alternation"]

DATA_DIR = Path(
    os.environ.get("PRESSDESK_DATES_DATA", Path(__file__).resolve().parents[2] / "data" / "dates")
)


@dataclass
class Rule:
    """One relative/anaphoric expression from the data: phrases and how to resolve them."""

    unit: str = "day"
    offset: int = 0
    per_num: int = 0
    direction: str = "tense"
    anchor: str = "published"
    part: str = ""
    when: str = ""  # "future": only in future-tense sentences; "not_past": dropped in past-tense ones
    default: str = ""  # direction when the sentence tense is unknown (else past)


@dataclass
class Pattern:
    kind: str  # dmy | mdy | my | m | num | iso | year | drange | mrange | yrange | rel | holiday | wd | nth | weekof
    source: str  # the regex, compiled on first use (most patterns never meet a text with their words)
    rule: Rule | None = None
    holiday: Holiday | None = None
    needs: Needs = None  # words of which the text must hold one for the regex to be worth running
    also: tuple[frozenset[str], ...] = ()  # further word sets, one word of each must stand in the text too

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.source)


@dataclass
class LanguageSpec:
    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    day_words: dict[str, int]
    numeric_orders: list[str]
    capitalised: bool
    lowercase_names: set[str] = field(default_factory=set)  # capitalised languages: names fine in lower case
    weekday_abbrs: dict[str, int] = field(default_factory=dict)  # "mar", "mer.": only before a day number
    ordinals: dict[str, int] = field(
        default_factory=dict
    )  # "premier" 1, "ultima" -1 (nth weekday of a month)
    month_refs: dict[str, int] = field(default_factory=dict)  # "du mois prochain" +1
    week_units: set[str] = field(default_factory=set)  # "semaine": the nth week of a month, else the nth day
    patterns: list[Pattern] = field(default_factory=list)
    blockers: list[Pattern] = field(default_factory=list)  # durations, quantities, names: never dates
    past: re.Pattern[str] | None = None
    future: re.Pattern[str] | None = None
    modal: re.Pattern[str] | None = None  # weak future ("could", "ar putea"): void under an earlier past verb
    scheduled: re.Pattern[str] | None = None  # present-tense scheduling verb ("return", "vota"): weak future
    past_first: re.Pattern[str] | None = (
        None  # past that beats an overlapping future ("originally scheduled")
    )
    reporting: re.Pattern[str] | None = (
        None  # "said", "a-t-on appris": past, and after a comma a clause of its own
    )
    coordinators: re.Pattern[str] | None = None  # "and", "e": a reported clause ends there
    clause_breaks: re.Pattern[str] | None = None  # ", and", ", mais": the tense of one clause stops there
    since: re.Pattern[str] | None = None  # "since X" before a mention (or leading it): the past X
    upcoming: re.Pattern[str] | None = None  # "until/by/from X": the coming X unless the clause is past
    target: re.Pattern[str] | None = None  # "valid on X", "called for X": the coming X, whatever the clause
    target_day: re.Pattern[str] | None = None  # "pour X", "per X": a target before a day (not a month) only
    since_lead: re.Pattern[str] | None = None
    target_lead: re.Pattern[str] | None = None
    target_day_lead: re.Pattern[str] | None = None
    upcoming_lead: re.Pattern[str] | None = None
    modifiers: list[tuple[re.Pattern[str], int]] = field(default_factory=list)  # "on the eve of X": X - 1 day
    name_openers: re.Pattern[str] | None = None  # "The" in "The Sunday Times": weekday is part of a title
    holiday_gate: re.Pattern[str] | None = None  # any holiday name, else the holiday patterns are skipped
    relaxed_holidays: list[tuple[str, Holiday]] = field(default_factory=list)  # needs_prefix ones, prefix optional
    holiday_sources: list[tuple[str, Holiday]] = field(default_factory=list)
    holiday_by_name: dict[str, list[int]] = field(default_factory=dict)  # folded name -> its holiday_sources
    field_sources: list[tuple[str, str, Needs]] = field(default_factory=list)  # only as a whole field (field.py)
    relaxed_index: list[int] = field(default_factory=list)  # the [[holiday]] item of each relaxed_holidays entry
    holiday_qualifiers: dict[str, str] = field(default_factory=dict)  # "next" Easter: future, "scorso": past
    holiday_years: dict[str, int] = field(default_factory=dict)  # "MLK Day of last year": -1
    holiday_offsets: HolidayOffsets | None = None  # "the third Tuesday after Christmas"
    seasons: dict[str, str] = field(default_factory=dict)  # folded season name -> spring|summer|autumn|winter
    season_days: SeasonDays | None = None  # when each season starts (data/dates/seasons.toml)
    season_years: dict[str, int] = field(default_factory=dict)  # "de l'année dernière": -1
    decade_words: dict[str, int] = field(default_factory=dict)  # "novanta": 90, "duemila": 2000
    _field_patterns: list[Pattern] | None = None
    _holiday_patterns: list[Pattern] | None = None
    _by_word: dict[str, list[int]] | None = None

    def patterns_for(self, tokens: set[str]) -> list[Pattern]:
        """The patterns worth running on a text with these words, in data order."""
        if self._by_word is None:
            self._by_word = {}
            for i, pattern in enumerate(self.patterns):
                for word in pattern.needs if pattern.needs is not None else [""]:
                    self._by_word.setdefault(word, []).append(i)
        chosen = set(self._by_word.get("", []))
        for word in tokens.intersection(self._by_word):
            chosen.update(self._by_word[word])
        return [p for i in sorted(chosen) if all_present((p := self.patterns[i]).also, tokens)]

    def weekday_of(self, name: str) -> int:
        """0..6 for a weekday name or abbreviation ('mer.')."""
        word = fold(name).rstrip(".")
        return self.weekdays[word] if word in self.weekdays else self.weekday_abbrs[word]

    def field_patterns(self, tokens: set[str], named: set[str]) -> list[Pattern]:
        """Whole-field patterns (field.py) worth running on a field with these words, with the holidays relaxed (no
        preposition needed) among the named ones only; each compiled on first use."""
        if self._field_patterns is None:
            self._field_patterns = [
                Pattern(kind, body, Rule() if kind == "rel" else None, needs=needs)
                for kind, body, needs in self.field_sources
            ] + [Pattern("holiday", body, holiday=h) for body, h in self.relaxed_holidays]
        wanted = {i for name in named for i in self.holiday_by_name.get(name, [])}
        plain = len(self.field_sources)
        return [p for k, p in enumerate(self._field_patterns)
                if (self.relaxed_index[k - plain] in wanted if k >= plain else runs(p.needs, tokens))]

    def holiday_patterns(self, named: set[str]) -> list[Pattern]:
        """The patterns of the holidays whose names the gate found, compiled on first need (most texts name no
        holiday; compiling and running them all is slow)."""
        if self._holiday_patterns is None:
            self._holiday_patterns = [
                Pattern("holiday", body, holiday=h) for body, h in self.holiday_sources
            ]
        wanted = sorted({i for name in named for i in self.holiday_by_name.get(name, [])})
        return [self._holiday_patterns[i] for i in wanted]


def _name_table(groups: list[list[str]], start: int = 1) -> dict[str, int]:
    table: dict[str, int] = {}
    for index, names in enumerate(groups, start=start):
        for name in names:
            table[fold(name).rstrip(".")] = index
    return table


def _compile_rules(data: dict, slots: dict[str, str], slot_words: dict[str, Needs]) -> list[Pattern]:
    out = []
    for item in data.get("relative", []):
        rule = Rule(
            unit=item.get("unit", "day"),
            offset=item.get("offset", 0),
            per_num=item.get("per_num", 0),
            direction=item.get("dir", "tense"),
            anchor=item.get("anchor", "published"),
            part=item.get("part", ""),
            when=item.get("when", ""),
            default=item.get("default", ""),
        )
        final = r"(?!\s*[^\W\d_])" if item.get("final") else ""  # final: no word may follow the phrase
        for phrase in item["phrases"]:
            regex = rf"{_B}{phrase_regex(phrase, slots)}{_E}{final}"
            out.append(Pattern("rel", regex, rule, needs=phrase_needs(phrase, slot_words),
                               also=phrase_requirements(phrase, slot_words)))
    return out


def _holiday_sources(data: dict, relaxed: bool = False, offset: str = "") -> list[tuple[str, Holiday]]:
    """[[holiday]] items: names, optional leading prefixes (required with needs_prefix, unless a year follows or a
    qualifier leads: 'Halloween 2013', 'next Easter'), an optional year or year reference after ('of last year'). relaxed: only the needs_prefix items,
    prefix optional (a whole field)."""
    out = []
    prefixes = data.get("holiday_prefixes", [])
    quals = data.get("holiday_qualifiers", {})
    before_q = rf"(?:(?P<qual>{alternation(list(quals.get('before', {})))})\s+)?" if quals.get("before") else ""
    after_q = rf"(?:\s+(?P<qual2>{alternation(list(quals.get('after', {})))}){_E})?" if quals.get("after") else ""
    years = rf"(?:\s+(?P<yref>{alternation(list(quals.get('years', {})))}){_E})?" if quals.get("years") else ""
    for item in data.get("holiday", []):
        needs = bool(item.get("needs_prefix", False))
        if relaxed and not needs:
            continue
        holiday = Holiday.from_data(item)
        shared = data.get("holiday_not_after", []) if needs else []  # "bradul de Crăciun"
        before = "".join(f"(?<!{re.escape(fold(w))})" for w in item.get("not_after", []) + shared)
        after = rf"(?!\s+(?:{alternation(item['not_before'])}){_E})" if item.get("not_before") else ""
        names = alternation(item["names"])
        year = rf"\s*,?\s+{YEAR}"
        lead = prefix(prefixes, optional=True) if prefixes else ""
        if needs and not relaxed:  # a preposition, a qualifier or a year after makes the name a date
            required = prefix(prefixes, optional=False) if prefixes else r"(?!x)x"
            quals_any = alternation(list(quals.get("before", {})))
            after_any = rf"\s+(?:{alternation(list(quals.get('after', {})))}){_E}"
            any_year = r"\s*,?\s+(?:1[89]|20)\d\d(?!\d)"
            lead = rf"(?:{required}|(?=(?:{quals_any})\s)|(?=(?:{names}){_E}(?:{any_year}|{after_any})))"
        body = rf"{_B}{before}{offset}{lead}{before_q}(?P<holiday>{names}){_E}{after}{after_q}(?:{year})?{years}"
        out.append((body, holiday))
    return out


def _cue_regex(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(rf"(?:{p})" for p in patterns)) if patterns else None


def compile_spec(data: dict) -> LanguageSpec:
    """Build the compiled matcher for one language's parsed TOML data."""
    month, month_any = month_slot(data)
    numbers = {fold(k): int(v) for k, v in data.get("numbers", {}).items()}
    weekday_names = [n for names in data["weekdays"] for n in names]
    weekday_abbrs = [n.rstrip(".") for names in data.get("weekday_abbreviations", []) for n in names]
    weekday_any = alternation(weekday_names + weekday_abbrs)
    slots = {
        "num": rf"(?P<num>\d{{1,3}}|{alternation(list(numbers))})",
        "weekday": rf"(?P<weekday>{alternation(weekday_names)})",
        "month": rf"(?P<month>{month})",
        "year": YEAR,
    } | period_slots(data)
    spec = LanguageSpec(
        code=data["code"],
        months=_name_table(data["months"]) | _name_table(data.get("month_abbreviations", [])),
        weekdays=_name_table(data["weekdays"], start=0),
        weekday_abbrs=_name_table(data.get("weekday_abbreviations", []), start=0),
        lowercase_names={fold(n) for n in data.get("lowercase_names", [])}
        | ({fold(n) for h in data.get("holiday", []) for n in h["names"]} if data.get("lowercase_holidays") else set()),
        ordinals={fold(k): int(v) for k, v in data.get("ordinal_of_month", {}).get("ordinals", {}).items()},
        month_refs={
            fold(k): int(v) for k, v in data.get("ordinal_of_month", {}).get("month_refs", {}).items()
        },
        week_units={fold(w) for w in data.get("ordinal_of_month", {}).get("week", [])},
        numbers=numbers,
        day_words={fold(k): int(v) for k, v in data.get("day_words", {}).items()},
        numeric_orders=data.get("numeric_orders", ["dmy"]),
        capitalised=bool(data.get("names_capitalised", False)),
    )
    month_names = [n for names in data["months"] for n in names]
    slot_words: dict[str, Needs] = {
        "weekday": words_of(weekday_names),
        "month": words_of(month_names),
        "year": frozenset([YEARLIKE]),
        "num": words_of(list(numbers)) | {DIGIT},
    }
    abbreviations = [n for names in data.get("month_abbreviations", []) for n in names]
    by_kind: dict[str, Needs] = {
        "m": slot_words["month"],
        "wd": words_of(weekday_names + weekday_abbrs),
        "nth": words_of(list(data.get("ordinal_of_month", {}).get("ordinals", {}))),
        "dayref": words_of(list(data.get("ordinal_of_month", {}).get("month_refs", {}))),
        "qtr": frozenset([DIGIT]),
        "quarter": words_of(data.get("ordinal_of_month", {}).get("quarter", [])),
    }
    for kind in ("iso", "num", "numdm"):
        by_kind[kind] = frozenset([NUMERIC])
    for kind in ("year", "yrange"):
        by_kind[kind] = frozenset([YEARLIKE])
    for kind in ("dmy", "mdy", "my", "drange", "mrange", "weekof"):
        by_kind[kind] = words_of(month_names + abbreviations)
    spec.patterns = [
        Pattern(k, r, needs=by_kind.get(k))
        for k, r in absolute_patterns(data, month, month_any, alternation(weekday_names), weekday_any)
    ]
    spec.patterns += _compile_rules(data, slots, slot_words)
    spec.patterns += [Pattern(p.kind, p.source, Rule(direction=p.which), needs=p.needs, also=p.also)
                      for p in period_sources(data, slots, slot_words)]
    seasons = data.get("seasons", {})
    spec.seasons = {fold(n): key for key, names in seasons.get("names", {}).items() for n in names}
    spec.season_years = {fold(k): int(v) for k, v in seasons.get("years", {}).items()}
    spec.season_days = season_days() if spec.seasons else None
    spec.decade_words = {fold(k): int(v) for k, v in data.get("decades", {}).get("words", {}).items()}
    ordinals = [k for k, v in data.get("ordinal_of_month", {}).get("ordinals", {}).items() if int(v) > 0]
    offset = HolidayOffsets.regex(data, alternation(weekday_names), alternation(ordinals))
    spec.holiday_sources = _holiday_sources(data, offset=offset)
    if offset:
        units = {fold(k): v for k, v in data["holiday_offsets"].get("units", {}).items()}
        back = frozenset(fold(w) for w in data["holiday_offsets"].get("backward", []))
        spec.holiday_offsets = HolidayOffsets(units, back, numbers, spec.weekdays, spec.ordinals)
    spec.relaxed_holidays = _holiday_sources(data, relaxed=True)
    field_needs = {"rel": by_kind["wd"], "m": by_kind["dmy"], "dmy2": by_kind["dmy"], "mdy2": by_kind["dmy"],
                   "dom": words_of(list(data.get("day_words", {}))) | {DIGIT}, "num": frozenset([DIGIT]),
                   "mnum": frozenset([YEARLIKE])}
    spec.field_sources = [(k, body, field_needs.get(k)) for k, body in field_sources(data, month_any, weekday_any)]
    spec.relaxed_index = [i for i, item in enumerate(data.get("holiday", [])) if item.get("needs_prefix")]
    qualifiers = data.get("holiday_qualifiers", {})
    spec.holiday_qualifiers = {fold(k): v for side in ("before", "after") for k, v in qualifiers.get(side, {}).items()}
    spec.holiday_years = {fold(k): int(v) for k, v in qualifiers.get("years", {}).items()}
    holiday_names = [n for item in data.get("holiday", []) for n in item["names"]]
    if holiday_names:
        spec.holiday_gate = re.compile(rf"{_B}(?:{alternation(holiday_names)}){_E}")
    for index, item in enumerate(data.get("holiday", [])):
        for name in item["names"]:
            spec.holiday_by_name.setdefault(" ".join(fold(name).split()), []).append(index)
    names = data.get("names", {})
    spec.blockers = [
        Pattern("blocker", rf"{_B}(?:{phrase_regex(b, slots)}){_E}", needs=phrase_needs(b, slot_words),
                also=phrase_requirements(b, slot_words))
        for b in data.get("blockers", {}).get("phrases", []) + names.get("phrases", [])
    ]
    if names.get("openers"):
        spec.name_openers = re.compile(rf"{_B}(?:{alternation(names['openers'])})\s+\Z")
    tense = data.get("tense", {})
    spec.past = _cue_regex(tense.get("past", []))
    spec.future = _cue_regex(tense.get("future", []))
    spec.modal = _cue_regex(tense.get("modal", []))
    spec.scheduled = _cue_regex(tense.get("scheduled", []))
    spec.past_first = _cue_regex(tense.get("past_first", []))
    spec.reporting = _cue_regex(tense.get("reporting", []))
    spec.clause_breaks = _cue_regex(data.get("clauses", {}).get("breaks", []))
    spec.coordinators = _cue_regex(data.get("clauses", {}).get("coordinators", []))
    _compile_direction(spec, data.get("direction", {}), slots)
    mods = data.get("modifiers", {})
    for key, offset in (("day_before", -1), ("day_after", 1)):
        if mods.get(key):
            body = "|".join(phrase_regex(p, slots) for p in sorted(mods[key], key=len, reverse=True))
            spec.modifiers.append((re.compile(rf"{_B}(?:{body})\s*"), offset))
    return spec


def _compile_direction(spec: LanguageSpec, data: dict, slots: dict[str, str]) -> None:
    """[direction] since / upcoming / target / target_day word lists: before the mention (optionally "at least") or leading it."""
    hedge = "|".join(phrase_regex(p, slots) for p in data.get("hedges", []))
    hedge_opt = rf"(?:(?:{hedge})\s+)?" if hedge else ""
    for key in ("since", "upcoming", "target", "target_day"):
        if not data.get(key):
            continue
        words = "|".join(phrase_regex(p, slots) for p in sorted(data[key], key=len, reverse=True))
        setattr(spec, key, re.compile(rf"{_B}(?:{words})\s*{hedge_opt}\Z"))
        setattr(spec, f"{key}_lead", re.compile(rf"(?:{words})(?=\s|\Z)"))


def available_languages() -> list[str]:
    """Language codes with a data file (data/dates/seasons.toml is shared by all languages, no language)."""
    return sorted(p.stem for p in DATA_DIR.glob("*.toml") if re.fullmatch(r"[a-z]{2,3}", p.stem))


@lru_cache(maxsize=1)
def season_days() -> SeasonDays:
    """When the seasons start (data/dates/seasons.toml: northern-hemisphere astronomical, fixed days)."""
    with (DATA_DIR / "seasons.toml").open("rb") as fh:
        return SeasonDays.from_data(tomllib.load(fh))


@lru_cache(maxsize=64)
def load_language(code: str) -> LanguageSpec | None:
    """Compiled spec for a language code ('fr', 'pt-BR' -> 'pt'), or None when no data file exists."""
    base = code.lower().replace("_", "-").split("-")[0]
    path = DATA_DIR / f"{base}.toml"
    if not re.fullmatch(r"[a-z]{2,3}", base) or not path.exists():
        return None
    with path.open("rb") as fh:
        return compile_spec(tomllib.load(fh))
