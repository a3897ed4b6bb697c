"""Seasons and decades: periods longer than a month that news names in words ("l'été dernier", "negli anni '90").

A season is a span of days at precision "season" (the days are in data/dates/seasons.toml), a decade ten whole
years at precision "decade", just as a month or a quarter is a span with its grain. Each language lists its season
names, the forms that place a season (with a year, "last", "next", "following"...) and its decade forms under
[seasons] and [decades] in data/dates/<lang>.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pressdesk.dates.gate import DIGIT, Needs, phrase_needs, phrase_requirements, words_of
from pressdesk.dates.model import PIVOT_YEAR
from pressdesk.dates.patterns import prefix
from pressdesk.dates.text import B, E, alternation, fold, phrase_regex

Span = tuple[date, date, str, bool]
# which occurrence a season form names: its year's, this one, the last, the next, the one after / before the
# previous mention, the one of the previous mention's year, the coming one, or by the sentence's tense
WHICH = ("year", "this", "last", "next", "following", "previous", "that", "future", "tense")
DECADE_DIGITS = r"(?:(?P<d4>(?:1[89]|20)\d0)|['’]?(?P<d2>\d0))(?!\d)"


@dataclass(frozen=True)
class SeasonDays:
    """When each season starts (month, day), in calendar order from spring; a season ends the day before the next."""

    starts: dict[str, tuple[int, int]]

    @classmethod
    def from_data(cls, data: dict) -> SeasonDays:
        table = {k: (int(v["start"][0]), int(v["start"][1])) for k, v in data.items() if isinstance(v, dict)}
        return cls(dict(sorted(table.items(), key=lambda kv: (kv[1][0] - 3) % 12)))

    def span(self, key: str, year: int) -> tuple[date, date]:
        """The season `key` that begins in `year` (a winter runs into the next year)."""
        keys = list(self.starts)
        month, day = self.starts[key]
        following = keys[(keys.index(key) + 1) % len(keys)]
        next_month, next_day = self.starts[following]
        next_year = year + (1 if (next_month, next_day) <= (month, day) else 0)
        return date(year, month, day), date(next_year, next_month, next_day) - timedelta(days=1)

    def around(self, key: str, when: date) -> list[tuple[date, date]]:
        """The occurrences of a season from two years before `when` to one year after, in order."""
        return [self.span(key, year) for year in range(when.year - 2, when.year + 2)]


@dataclass(frozen=True)
class PeriodSource:
    kind: str  # "season" | "decade"
    source: str
    which: str
    needs: Needs
    also: tuple[frozenset[str], ...] = ()


def _season_sources(data: dict, slots: dict[str, str], slot_words: dict[str, Needs]) -> list[PeriodSource]:
    spec = data.get("seasons")
    if not spec:
        return []
    pre_optional, pre_required = prefix(spec.get("prefixes", [])), prefix(spec.get("prefixes", []), optional=False)
    after = rf"(?!\s+(?:{alternation(spec['not_before'])}){E})" if spec.get("not_before") else ""
    before = "".join(f"(?<!{re.escape(fold(w))})" for w in spec.get("not_after", []))
    out = []
    for form in spec.get("forms", []):
        which = form.get("which", "tense")
        if which not in WHICH:
            raise ValueError(f"[seasons] form: unknown which = {which!r}")
        lead = pre_required if form.get("prefix") == "required" else pre_optional
        for phrase in form["phrases"]:
            body = phrase_regex(phrase, slots)
            out.append(PeriodSource("season", rf"{B}{before}{lead}{body}{E}{after}", which,
                                    phrase_needs(phrase, slot_words), phrase_requirements(phrase, slot_words)))
    return out


def _decade_sources(data: dict, slots: dict[str, str]) -> list[PeriodSource]:
    spec = data.get("decades")
    if not spec:
        return []
    out = []
    for phrase in spec.get("phrases", []):
        needs = frozenset([DIGIT]) if "{decade}" in phrase else words_of(list(spec.get("words", {})))
        also = phrase_requirements(phrase, {})
        out.append(PeriodSource("decade", rf"{B}{phrase_regex(phrase, slots)}{E}", "year", needs, also))
    return out


def period_slots(data: dict) -> dict[str, str]:
    """The regex slots the season and decade phrases use: {season}, {yref}, {decade}, {decade_word}."""
    seasons = data.get("seasons", {})
    names = [n for names in seasons.get("names", {}).values() for n in names]
    return {
        "season": rf"(?P<season>{alternation(names)})",
        "yref": rf"(?P<yref>{alternation(list(seasons.get('years', {})))})",
        "decade": DECADE_DIGITS,
        "decade_word": rf"(?P<dword>{alternation(list(data.get('decades', {}).get('words', {})))})",
    }


def period_sources(data: dict, slots: dict[str, str], slot_words: dict[str, Needs]) -> list[PeriodSource]:
    """The season and decade patterns of one language's data (slots: the language's, plus period_slots)."""
    seasons = data.get("seasons", {})
    names = [n for names in seasons.get("names", {}).values() for n in names]
    words = dict(slot_words, season=words_of(names), yref=words_of(list(seasons.get("years", {}))))
    return _season_sources(data, slots, words) + _decade_sources(data, slots)


def _nearest(options: list[tuple[date, date]], when: date, tense: str | None) -> tuple[date, date]:
    """The occurrence holding `when`, else the nearest (a wrong direction for the tense costs half a year)."""
    def cost(span: tuple[date, date]) -> int:
        if span[0] <= when <= span[1]:
            return 0
        ahead = span[0] > when
        gap = (span[0] - when).days if ahead else (when - span[1]).days
        return gap + (183 if (tense == "past" and ahead) or (tense == "future" and not ahead) else 0)

    return min(options, key=cost)


def resolve_season(
    seasons: dict[str, str],
    days: SeasonDays,
    years: dict[str, int],
    which: str,
    groups: dict[str, str | None],
    published: date | None,
    tense: str | None,
    anchor: tuple[date, date] | None,
) -> Span | None:
    """A season mention as a span of days. anchor: the previous mention's span ("the following spring")."""
    key = seasons.get(fold(groups.get("season") or ""))
    if key is None:
        return None
    if groups.get("year"):
        start, end = days.span(key, int(groups["year"] or 0))
        return start, end, "season", True
    if published is None:
        return None
    if groups.get("yref"):  # "l'été de l'année dernière"
        start, end = days.span(key, published.year + years.get(fold(groups["yref"] or ""), 0))
        return start, end, "season", True
    base = anchor or (published, published)
    options = days.around(key, base[1] if which == "following" else base[0])
    found: tuple[date, date] | None
    if which == "this":
        found = _nearest(options, published, tense)
    elif which == "last":
        found = max((o for o in options if o[1] < published), default=None)
    elif which == "next":
        found = min((o for o in options if o[0] > published), default=None)
    elif which == "following":
        found = min((o for o in options if o[0] > base[1]), default=None)
    elif which == "previous":
        found = max((o for o in options if o[1] < base[0]), default=None)
    elif which == "that":
        found = days.span(key, base[0].year)
    elif which == "future" or tense == "future":
        found = min((o for o in options if o[1] >= published), default=None)
    else:  # a past or unknown tense: the latest one begun by publication (the current one included)
        found = max((o for o in options if o[0] <= published), default=None)
    return (found[0], found[1], "season", True) if found else None


def resolve_decade(words: dict[str, int], groups: dict[str, str | None], published: date | None) -> Span | None:
    """'the 1990s', "negli anni '90", 'anni Novanta': ten years. A decade in two digits or words is the latest
    such decade that has begun by publication (anni '20 in 2024 are the 2020s, anni '30 the 1930s)."""
    if groups.get("d4"):
        first = int(groups["d4"] or 0)
    else:
        value = int(groups["d2"]) if groups.get("d2") else words.get(fold(groups.get("dword") or ""), -1)
        if value < 0:
            return None
        if value >= 100:
            first = value
        else:
            now = (published.year if published else PIVOT_YEAR) // 10 * 10
            first = 2000 + value if 2000 + value <= now else 1900 + value
    return date(first, 1, 1), date(first + 9, 12, 31), "decade", True
