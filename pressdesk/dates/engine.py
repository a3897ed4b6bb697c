"""find_dates: collect candidate matches, keep the longest non-overlapping ones, resolve them in order."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pressdesk.dates.clauses import analyse, directed, direction_at, sentences_of, tense_at
from pressdesk.dates.dateline import find_dateline
from pressdesk.dates.fallback import fallback_dates
from pressdesk.dates.field import covers, field_bounds
from pressdesk.dates.gate import all_present, runs, text_tokens
from pressdesk.dates.holidays import resolve_holiday
from pressdesk.dates.lang import LanguageSpec, Pattern, fold, load_language
from pressdesk.dates.model import TimeMention, nearest_day_month, safe_date
from pressdesk.dates.periods import resolve_decade, resolve_season
from pressdesk.dates.resolve import resolve_absolute, resolve_relative
from pressdesk.dates.windows import Windows

_BOUNDARY = re.compile(r"[.!?;]+[\s\"'»”“]+(?=[\"'«“„(\[A-ZÀ-Ý])|\n+|\|")
_YEAR_KINDS = ("iso", "num", "year", "yrange", "my", "decade")
_NAME_GROUPS = ("month", "weekday", "holiday")
_TITLE_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÝĂÂÎȘȚŞŢ][\w'’-]* \Z")


def _agree_with_weekday(spec: LanguageSpec, surface: str, span: tuple, published: date) -> tuple:
    """'lundi 2 septembre' names its weekday: of the years around publication, take the nearest one in
    which that day falls on that weekday (a stronger clue than the sentence's tense)."""
    start, end, precision, year_known = span
    if precision != "day" or start != end:
        return span
    words = re.findall(r"[^\W\d_]+", fold(surface))
    named = {spec.weekdays.get(w, spec.weekday_abbrs.get(w)) for w in words if w in spec.weekdays or w in spec.weekday_abbrs}
    if len(named) != 1 or start.weekday() in named:
        return span
    weekday = named.pop()
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := safe_date(y, start.month, start.day)) and d.weekday() == weekday]
    if not options:
        return span
    best = min(options, key=lambda d: abs((d - published).days))
    return best, best, precision, year_known


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    pattern: Pattern
    groups: dict[str, str | None]
    shift: int = 0  # days added after resolution ("the eve of" = -1)
    cut: int = -1  # a range's first end stops here; the second starts after the joiner's spaces/dashes


_WITH_NUMBER = ("dmy", "mdy", "my", "drange", "mrange", "weekof", "nth")


def _names_capitalised_ok(spec: LanguageSpec, text: str, match: re.Match[str], kind: str) -> bool:
    """In languages that capitalise month/day names (en, de), 'may'/'march' in lower case are not dates; names
    that are no common word ('monday', 'october', listed in lowercase_names) and months next to a number
    ('march 3') pass in lower case too."""
    for name in _NAME_GROUPS:
        if name not in match.re.groupindex or not match.group(name) or text[match.start(name)].isupper():
            continue
        if (name == "month" and kind in _WITH_NUMBER) or fold(match.group(name) or "") in spec.lowercase_names:
            continue
        return False
    return True


def _in_title(spec: LanguageSpec, text: str, folded: str, match: re.Match[str]) -> bool:
    """A Title-cased weekday inside a name is no date: after a name opener ("The Sunday Times", "Il Venerdì di
    Repubblica"), or, where day names are lower case (fr, it, ro...), right after another Capitalised word
    ("La Tribune Dimanche"). Where day names are always capitalised (en), the next word must be capitalised too."""
    if "weekday" not in match.re.groupindex or not match.group("weekday"):
        return False
    start, end = match.span("weekday")
    if not (text[start].isupper() and text[start + 1 : start + 2].islower()):
        return False
    if spec.capitalised:
        following = text[end : end + 2]
        if not (len(following) == 2 and following[0] == " " and following[1].isupper()):
            return False
    elif _TITLE_WORD.search(text, max(0, start - 40), start):
        return True
    return (
        spec.name_openers is not None
        and spec.name_openers.search(folded, max(0, start - 40), start) is not None
    )


def _candidates(spec: LanguageSpec, text: str, folded: str, tokens: set[str]) -> list[Candidate]:
    found = []
    patterns = spec.patterns_for(tokens)
    named: set[str] = set()
    if spec.holiday_gate is not None:  # only the holidays whose names stand in the text
        named = {" ".join(m.group(0).split()) for m in spec.holiday_gate.finditer(folded)}
        if named:
            patterns = patterns + spec.holiday_patterns(named)
    windows = Windows(folded)
    for pattern in patterns:
        for match in windows.finditer(pattern.regex, pattern.needs):
            if spec.capitalised and not _names_capitalised_ok(spec, text, match, pattern.kind):
                continue
            if _in_title(spec, text, folded, match):
                continue
            cut = match.start("cut") if "cut" in match.re.groupindex else -1
            found.append(Candidate(match.start(), match.end(), pattern, match.groupdict(), cut=cut))
    bounds = field_bounds(folded)
    if bounds is not None:  # the text is one short phrase: ambiguous names and bare numbers read as a date
        for pattern in spec.field_patterns(tokens, named):
            match = pattern.regex.search(folded)
            if match is not None and covers(match, bounds):
                found.append(Candidate(match.start(), match.end(), pattern, match.groupdict()))
    return found


def _blocked(spec: LanguageSpec, folded: str, tokens: set[str]) -> list[tuple[int, int]]:
    return [
        m.span()
        for b in spec.blockers
        if runs(b.needs, tokens) and all_present(b.also, tokens)
        for m in b.regex.finditer(folded)
    ]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def select(candidates: list[Candidate], blocked: list[tuple[int, int]]) -> list[Candidate]:
    """Longest candidates win; anything touching a blocker (durations, 'mai multe') is dropped,
    unless the candidate covers the whole blocked phrase (a listed 'heute Morgen' beats the blocker 'heute morgen')."""
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        span = (cand.start, cand.end)
        if any(_overlaps(span, b) and not _contains(span, b) for b in blocked):
            continue
        if any(_overlaps(span, (k.start, k.end)) for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BOUNDARY.finditer(text)]


def _names_modifier(folded: str, cand: Candidate, modifier_end: int) -> bool:
    """The candidate's own words include the modifier: a relative phrase ("the day after tomorrow") or a holiday
    whose name says it ("vigilia di Natale"), as opposed to a holiday prefix ("on the eve of Christmas")."""
    if cand.pattern.kind == "rel":
        return True
    name = cand.groups.get("holiday")
    return bool(name) and folded.find(name or "", cand.start) < modifier_end


def _apply_modifiers(spec: LanguageSpec, folded: str, chosen: list[Candidate]) -> list[Candidate]:
    """'on the eve of X', 'au lendemain du 14 juillet': the mention X grows to include the modifier and will be
    shifted by a day. A phrase that is itself a relative expression ('the day after tomorrow') is left alone,
    and a bare modifier ('the day after', anaphoric) stays what it was."""
    out = list(chosen)
    for regex, offset in spec.modifiers:
        for m in regex.finditer(folded):
            target = next((c for c in out if m.start() <= c.start <= m.end() < c.end), None)
            if target is None or (target.start < m.end() and _names_modifier(folded, target, m.end())):
                continue
            out = [c for c in out if c is target or c.end <= m.start() or c.start >= target.end]
            out[out.index(target)] = replace(target, start=m.start(), shift=offset)
    return out


def _range_ends(text: str, cand: Candidate, start: date, end: date, precision: str, known: bool) -> list[TimeMention]:
    """The two ends of a range ('between 1994 and 2011', 'du 12 au 14 juillet'), each at the range's precision."""
    second = cand.cut + len(text[cand.cut : cand.end]) - len(text[cand.cut : cand.end].lstrip(" \t\n-\u2013"))
    first_end = start if precision == "day" else date(start.year, 12, 31)
    last_start = end if precision == "day" else date(end.year, 1, 1)
    return [
        TimeMention(text[cand.start : cand.cut], cand.start, cand.cut, start, first_end, precision, known),
        TimeMention(text[second : cand.end], second, cand.end, last_start, end, precision, known),
    ]


def find_dates(text: str, language: str, published: date | None) -> list[TimeMention]:
    """All resolvable time expressions in text (an article or a sentence), sorted, non-overlapping."""
    spec = load_language(language or "")
    if spec is None:
        return fallback_dates(text, language, published)
    folded = fold(text)
    tokens = text_tokens(folded)
    chosen = select(_candidates(spec, text, folded, tokens), _blocked(spec, folded, tokens))
    field = field_bounds(folded) is not None
    line = find_dateline(spec, text)
    yearless = False  # anchored on a wire line without a year: what it resolves keeps year_known=False
    if line is not None:  # metadata, not an event; the anchor when no publication date is given
        chosen = [c for c in chosen if c.end <= line.start or c.start >= line.end]
        if published is None:
            published, yearless = line.day, not line.year_known
        elif not line.year_known:  # a yearless wire line takes the year a known publication date gives it
            found = nearest_day_month(published, line.day.month, line.day.day, "past")
            line = replace(line, day=found or line.day, year_known=found is not None)
    mentions: list[TimeMention] = []
    if line is not None:
        mentions.append(TimeMention(text[line.start : line.end], line.start, line.end, line.day, line.day, "day",
                                    line.year_known, dateline=True))
    if not chosen:
        return mentions
    if spec.modifiers:
        chosen = _apply_modifiers(spec, folded, chosen)
    bounds = _sentence_bounds(text)
    cues, breaks = analyse(spec, text, bounds, sentences_of(bounds, [(c.start, c.end) for c in chosen], len(text)))
    coords = [m.start() for m in spec.coordinators.finditer(folded)] if spec.coordinators else []
    previous: tuple[date, bool] | None = None  # the last day mention (anchor of "the next day")
    last: tuple[date, bool, str] | None = None  # the last mention of any precision (anchor of "the previous year")
    last_span: tuple[date, date] | None = None  # ... and its whole span (anchor of "the following spring")
    for cand in chosen:
        possessive = text[cand.end : cand.end + 2] in ("'s", "’s")
        kind = tense_at(cues, bounds, breaks, (cand.start, cand.end), possessive, coords)
        day = bool(cand.groups.get("weekday") or cand.groups.get("day") or cand.pattern.holiday)
        tense = directed(kind, direction_at(spec, folded, cand.start, cand.end, day))
        qualifier = cand.groups.get("qual") or cand.groups.get("qual2")
        if qualifier:  # "next Easter", "Natale scorso"
            tense = spec.holiday_qualifiers.get(fold(qualifier), tense)
        if yearless and cand.groups.get("weekday") and not cand.groups.get("day"):
            continue  # a weekday cannot be placed from a day whose year (so weekday) is unknown
        if cand.pattern.kind == "rel":
            span = resolve_relative(spec, cand.pattern, cand.groups, published, tense, previous, last, field)
        elif cand.pattern.kind == "season" and spec.season_days is not None:
            which = cand.pattern.rule.direction if cand.pattern.rule else "tense"
            span = resolve_season(spec.seasons, spec.season_days, spec.season_years, which, cand.groups, published,
                                  tense, last_span)
        elif cand.pattern.kind == "decade":
            span = resolve_decade(spec.decade_words, cand.groups, published)
        elif cand.pattern.holiday is not None:
            year = int(cand.groups["year"]) if cand.groups.get("year") else None
            if cand.groups.get("yref") and published is not None:  # "Black Friday of this year"
                year = published.year + spec.holiday_years[fold(cand.groups["yref"] or "")]
            span = resolve_holiday(cand.pattern.holiday, year, published, tense)
            if span is not None and cand.groups.get("hdir") and spec.holiday_offsets is not None:
                span = spec.holiday_offsets.shift(span, cand.groups)  # "three days after Easter"
        else:
            span = resolve_absolute(spec, cand.pattern.kind, cand.groups, published, tense)
            if span is not None and not cand.groups.get("year") and published is not None and not yearless:
                span = _agree_with_weekday(spec, text[cand.start : cand.end], span, published)
        if span is None:
            continue
        start, end, precision, year_known = span
        if yearless and not cand.groups.get("year") and cand.pattern.kind not in _YEAR_KINDS:
            year_known = False
        if cand.shift and precision == "day":
            start, end = start + timedelta(days=cand.shift), end + timedelta(days=cand.shift)
        if cand.cut > 0 and end > start:  # "dal 2020 al 2022": both ends, each its own mention
            mentions += _range_ends(text, cand, start, end, precision, year_known)
            start = end if precision == "day" else date(end.year, 1, 1)
        else:
            mentions.append(
                TimeMention(text[cand.start : cand.end], cand.start, cand.end, start, end, precision, year_known)
            )
        last, last_span = (start, year_known, precision), (start, end)
        if precision == "day":
            previous = (start, year_known)
    return sorted(mentions, key=lambda m: m.start)
