"""Load a language's date data (data/dates/<lang>.toml) and compile it once into regexes."""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pressdesk.dates.holidays import Holiday

DATA_DIR = Path(
    os.environ.get("PRESSDESK_DATES_DATA", Path(__file__).resolve().parents[2] / "data" / "dates")
)

_B = r"(?<!\w)"  # start of word
_E = r"(?!\w)"  # end of word
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)(?![.,]\d)"
_DAY_NUM = r"0?[1-9]|[12]\d|3[01]"
_DAY_GUARD = r"(?<![\d.,:/-])"  # not inside a number, a time or a numeric date
_PLACEHOLDER = re.compile(r"\{(num|weekday|month|year)\}|\[([^\]]*)\]")


def _strip_table() -> dict[int, str]:
    """Map accented Latin letters to their base letter and curly apostrophes to ASCII, keeping length."""
    table: dict[int, str] = {0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x00B4: "'"}
    for cp in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base != chr(cp) and base.isascii():
            table[cp] = base
    return table


_STRIP = _strip_table()
_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț", "’": "'", "‘": "'"})


def lower_same_length(text: str) -> str:
    """Lowercase without changing length (a few characters expand under str.lower)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def fold(text: str) -> str:
    """Lowercase and drop diacritics, one output char per input char so offsets stay valid."""
    return lower_same_length(text).translate(_STRIP)


def tense_view(text: str) -> str:
    """Lowercase with diacritics kept (tense cues need them: French 'à' vs 'a'), cedillas unified."""
    return lower_same_length(text).translate(_CEDILLA)


def phrase_regex(phrase: str, slots: dict[str, str]) -> str:
    """Turn a readable data phrase like 'il y a {num} [semaines|sem.]' into a regex body.

    {slot} is a number/weekday/month/year; [a|b] lists alternatives ([|a] makes a word optional).
    """
    parts: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(phrase):
        parts.append(_literal(phrase[pos : m.start()]))
        if m.group(1):
            parts.append(slots[m.group(1)])
        else:
            parts.append("(?:" + "|".join(_literal(a) for a in m.group(2).split("|")) + ")")
        pos = m.end()
    parts.append(_literal(phrase[pos:]))
    return "".join(parts)


def _literal(chunk: str) -> str:
    return re.escape(fold(chunk)).replace(r"\ ", r"\s+")


def alternation(words: list[str]) -> str:
    """Longest-first alternation of folded literal words (so 'septembre' beats 'sept')."""
    folded = sorted({fold(w) for w in words if w}, key=len, reverse=True)
    return "|".join(_literal(w) for w in folded) or r"(?!x)x"


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
    kind: str  # dmy | mdy | my | m | num | iso | year | drange | mrange | yrange | rel | holiday
    regex: re.Pattern[str]
    rule: Rule | None = None
    holiday: Holiday | None = None


@dataclass
class LanguageSpec:
    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    day_words: dict[str, int]
    numeric_orders: list[str]
    capitalised: bool
    patterns: list[Pattern] = field(default_factory=list)
    blockers: list[re.Pattern[str]] = field(default_factory=list)
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
    holiday_sources: list[tuple[str, Holiday]] = field(default_factory=list)
    _holiday_patterns: list[Pattern] | None = None

    def holiday_patterns(self) -> list[Pattern]:
        """Holiday patterns, compiled on first need (most texts name no holiday; compiling them all is slow)."""
        if self._holiday_patterns is None:
            self._holiday_patterns = [
                Pattern("holiday", re.compile(body), holiday=h) for body, h in self.holiday_sources
            ]
        return self._holiday_patterns


def _name_table(groups: list[list[str]], start: int = 1) -> dict[str, int]:
    table: dict[str, int] = {}
    for index, names in enumerate(groups, start=start):
        for name in names:
            table[fold(name).rstrip(".")] = index
    return table


def _prefix(words: list[str], optional: bool = True) -> str:
    """Leading article/preposition kept inside the mention ('le', 'on'); "l'" and "mi-" glue to the next word."""
    spaced = [w for w in words if not w.endswith(("'", "’", "-"))]
    glued = [w for w in words if w.endswith(("'", "’", "-"))]
    return rf"(?:(?:{alternation(spaced)})\s+|(?:{alternation(glued)})){'?' if optional else ''}"


def _day(name: str, words: str, guard: bool = True) -> str:
    """A day of the month: 1..31 (not part of a longer number or time) or a day word ('premier', 'primo')."""
    return (_DAY_GUARD if guard else "") + rf"(?P<{name}>{_DAY_NUM}|(?:{words}){_E})"


def _not_counted(data: dict) -> str:
    """After a bare year: not a percentage, an amount or a counting noun ("remontant à 2016 soldats")."""
    nouns = alternation(data.get("year_not_before", []))
    joiner = alternation(data.get("count_joiners", []))  # Romanian "2019 de persoane"
    return rf"(?!\s*[%€$£°]|\s+(?:(?:{joiner})\s+)?(?:{nouns}){_E})"


def _weekday_lead(data: dict, weekday: str, prefixes: list[str]) -> str:
    """An optional weekday, then a prefix that is no direction word, or just any prefix: a direction word after a
    weekday starts a second mention ("from Thursday until 16 June")."""
    words = [
        fold(w)
        for w in data.get("direction", {}).get("since", []) + data.get("direction", {}).get("upcoming", [])
    ]
    plain = [p for p in prefixes if not any(fold(p) == w or fold(p).startswith(w + " ") for w in words)]
    return rf"(?:(?:{weekday})\s*,?\s+{_prefix(plain)}|{_prefix(prefixes)})"


def _absolute_patterns(data: dict, month: str, month_any: str, weekday: str) -> list[tuple[str, str]]:
    """Language-generic absolute forms, parameterised by the language's prefixes, joiners and orders."""
    ords = alternation(data.get("ordinal_suffixes", []))
    words = alternation(list(data.get("day_words", {})))
    day_pre, range_pre = (
        data.get("day_prefixes", []),
        data.get("range_prefixes", []) + data.get("day_prefixes", []),
    )
    pre = _weekday_lead(data, weekday, day_pre)  # "vendredi 1er novembre", but not "Thursday until 16 June"
    rpre = _weekday_lead(data, weekday, range_pre)
    join = rf"(?:\s*[-\u2013]\s*|\s+{_prefix(data.get('range_joiners', []), optional=False)})"
    again = _prefix(data.get("day_prefixes", []))  # "entre le 3 et le 5 mars"
    mpre_opt = _prefix(data.get("month_prefixes", []))
    mpre = _prefix(data.get("month_prefixes", []), optional=False)
    dm_join = alternation(data.get("day_month_joiners", []))
    my_join = alternation(data.get("month_year_joiners", []))
    ypre = _prefix(data.get("year_prefixes", []), optional=False)
    yrpre = _prefix(data.get("range_prefixes", []) + data.get("year_prefixes", []), optional=False)
    day = rf"{_day('day', words)}(?:{ords})?"
    day1 = rf"{_day('day1', words)}(?:{ords})?"
    year_tail = rf"(?:\s*,?\s+(?:(?:{my_join})\s+)?{YEAR})?"
    out = [
        ("iso", rf"{_B}{pre}(?P<y>\d{{4}})-(?P<a>\d{{2}})-(?P<b>\d{{2}}){_E}"),
        ("num", rf"{_B}{pre}(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}){_E}"),
        ("my", rf"{_B}{mpre_opt}(?P<month>{month})\s+(?:(?:{my_join})\s+)?{YEAR}"),
        ("m", rf"{_B}{mpre}(?P<month>{month}){_E}(?!\s*\d)"),
        ("year", rf"{_B}{ypre}{YEAR}"),
        ("yrange", rf"{_B}{yrpre}(?P<year1>(?:1[89]|20)\d\d)(?!\d){join}(?:{ypre})?{YEAR}"),
    ]
    if data.get("year_count_prefixes"):  # "pour 2016", "per il 2024", but not "pour 2016 soldats"
        ycpre = _prefix(data["year_count_prefixes"], optional=False)
        out.append(("year", rf"{_B}{ycpre}{YEAR}{_not_counted(data)}"))
    orders = data.get("named_orders", ["dm"])
    if "dm" in orders:
        body = rf"\s*(?:(?:{dm_join})\s+)?(?P<month>{month_any}){_E}{year_tail}"
        out.append(("dmy", rf"{_B}{pre}{day}{body}"))
        out.append(("drange", rf"{_B}{rpre}{day1}{join}{again}{_day('day', words, False)}(?:{ords})?{body}"))
    if "md" in orders:
        tail = rf"(?:\s*,?\s*{YEAR})?"
        out.append(("mdy", rf"{_B}{pre}(?P<month>{month_any}){_E}\s*{day}{_E}{tail}"))
        day2 = rf"{_day('day', words, False)}(?:{ords})?"
        out.append(("mrange", rf"{_B}{rpre}(?P<month>{month_any}){_E}\s*{day1}{join}{day2}{_E}{tail}"))
    return out


def _month_slot(data: dict) -> tuple[str, str]:
    """Regex for full month names, and for full names or abbreviations (abbreviations only next to a day)."""
    full = [n for names in data["months"] for n in names]
    abbr = [n.rstrip(".") for names in data.get("month_abbreviations", []) for n in names]
    return alternation(full), rf"{alternation(full)}|(?:{alternation(abbr)})\.?"


def _compile_rules(data: dict, slots: dict[str, str]) -> list[Pattern]:
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
        for phrase in item["phrases"]:
            out.append(Pattern("rel", re.compile(rf"{_B}{phrase_regex(phrase, slots)}{_E}"), rule))
    return out


def _holiday_sources(data: dict) -> list[tuple[str, Holiday]]:
    """[[holiday]] items: names, optional leading prefixes (required with needs_prefix), an optional year after."""
    out = []
    prefixes = data.get("holiday_prefixes", [])
    for item in data.get("holiday", []):
        holiday = Holiday.from_data(item)
        shared = data.get("holiday_not_after", []) if item.get("needs_prefix") else []  # "bradul de Crăciun"
        before = "".join(f"(?<!{re.escape(fold(w))})" for w in item.get("not_after", []) + shared)
        after = rf"(?!\s+(?:{alternation(item['not_before'])}){_E})" if item.get("not_before") else ""
        prefix = _prefix(prefixes, optional=not item.get("needs_prefix", False)) if prefixes else ""
        names = alternation(item["names"])
        body = rf"{_B}{before}{prefix}(?P<holiday>{names}){_E}{after}(?:\s*,?\s+{YEAR})?"
        out.append((body, holiday))
    return out


def _cue_regex(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(rf"(?:{p})" for p in patterns)) if patterns else None


def compile_spec(data: dict) -> LanguageSpec:
    """Build the compiled matcher for one language's parsed TOML data."""
    month, month_any = _month_slot(data)
    numbers = {fold(k): int(v) for k, v in data.get("numbers", {}).items()}
    weekday_names = [n for names in data["weekdays"] for n in names]
    slots = {
        "num": rf"(?P<num>\d{{1,3}}|{alternation(list(numbers))})",
        "weekday": rf"(?P<weekday>{alternation(weekday_names)})",
        "month": rf"(?P<month>{month})",
        "year": YEAR,
    }
    spec = LanguageSpec(
        code=data["code"],
        months=_name_table(data["months"]) | _name_table(data.get("month_abbreviations", [])),
        weekdays=_name_table(data["weekdays"], start=0),
        numbers=numbers,
        day_words={fold(k): int(v) for k, v in data.get("day_words", {}).items()},
        numeric_orders=data.get("numeric_orders", ["dmy"]),
        capitalised=bool(data.get("names_capitalised", False)),
    )
    spec.patterns = [
        Pattern(k, re.compile(r))
        for k, r in _absolute_patterns(data, month, month_any, alternation(weekday_names))
    ]
    spec.patterns += _compile_rules(data, slots)
    spec.holiday_sources = _holiday_sources(data)
    holiday_names = [n for item in data.get("holiday", []) for n in item["names"]]
    if holiday_names:
        spec.holiday_gate = re.compile(rf"{_B}(?:{alternation(holiday_names)}){_E}")
    names = data.get("names", {})
    spec.blockers = [
        re.compile(rf"{_B}(?:{phrase_regex(b, slots)}){_E}")
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
    return sorted(p.stem for p in DATA_DIR.glob("*.toml"))


@lru_cache(maxsize=64)
def load_language(code: str) -> LanguageSpec | None:
    """Compiled spec for a language code ('fr', 'pt-BR' -> 'pt'), or None when no data file exists."""
    base = code.lower().replace("_", "-").split("-")[0]
    path = DATA_DIR / f"{base}.toml"
    if not path.exists():
        return None
    with path.open("rb") as fh:
        return compile_spec(tomllib.load(fh))
