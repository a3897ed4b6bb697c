"""find_dates: collect candidate matches, keep the longest non-overlapping ones, resolve them in order."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from pressdesk.dates.fallback import fallback_dates
from pressdesk.dates.holidays import resolve_holiday
from pressdesk.dates.lang import LanguageSpec, Pattern, fold, load_language, tense_view
from pressdesk.dates.model import TimeMention
from pressdesk.dates.resolve import resolve_absolute, resolve_relative

_BOUNDARY = re.compile(r"[.!?;]+[\s\"'»”“]+(?=[\"'«“„(\[A-ZÀ-Ý])|\n+|\|")
_NAME_GROUPS = ("month", "weekday", "holiday")
_TITLE_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÝĂÂÎȘȚŞŢ][\w'’-]* \Z")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    pattern: Pattern
    groups: dict[str, str | None]


def _names_capitalised_ok(text: str, match: re.Match[str]) -> bool:
    """In languages that capitalise month/day names (en, de), 'may'/'march' in lower case are not dates."""
    for name in _NAME_GROUPS:
        if name in match.re.groupindex and match.group(name) and not text[match.start(name)].isupper():
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


def _candidates(spec: LanguageSpec, text: str, folded: str) -> list[Candidate]:
    found = []
    patterns = spec.patterns
    if spec.holiday_gate is not None and spec.holiday_gate.search(folded):
        patterns = patterns + spec.holiday_patterns()
    for pattern in patterns:
        for match in pattern.regex.finditer(folded):
            if spec.capitalised and not _names_capitalised_ok(text, match):
                continue
            if _in_title(spec, text, folded, match):
                continue
            found.append(Candidate(match.start(), match.end(), pattern, match.groupdict()))
    return found


def _blocked(spec: LanguageSpec, folded: str) -> list[tuple[int, int]]:
    return [m.span() for b in spec.blockers for m in b.finditer(folded)]


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


def _cues(spec: LanguageSpec, text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Positions of past/future tense cues; future wins where both match the same words.

    Modal cues ("could", "may", "ar putea") mark the future only when no past cue comes before them in their
    sentence: "officials said it could meet on Friday" is reported speech and keeps the past reading.
    """
    view = tense_view(text)
    cues: list[tuple[int, int, str]] = []
    if spec.future:
        cues += [(m.start(), m.end(), "future") for m in spec.future.finditer(view) if m.end() > m.start()]
    if spec.past:
        for m in spec.past.finditer(view):
            if m.end() > m.start() and not any(_overlaps(m.span(), (c[0], c[1])) for c in cues):
                cues.append((m.start(), m.end(), "past"))
    if spec.modal:
        past = [c[0] for c in cues if c[2] == "past"]
        starts = [b[1] for b in bounds]
        for m in spec.modal.finditer(view):
            if m.end() == m.start() or any(_overlaps(m.span(), (c[0], c[1])) for c in cues):
                continue
            i = bisect.bisect_right(starts, m.start())
            sentence_start = starts[i - 1] if i > 0 else 0
            if not any(sentence_start <= p < m.start() for p in past):
                cues.append((m.start(), m.end(), "future"))
    return sorted(cues)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BOUNDARY.finditer(text)]


def tense_at(
    cues: list[tuple[int, int, str]], bounds: list[tuple[int, int]], start: int, end: int
) -> str | None:
    """Tense of the nearest cue in the same sentence as text[start:end], or None when there is none.

    A cue before the mention (the verb it modifies: 'will vote on Tuesday') beats one after it, which is
    often a trailing attribution ('... on Oct. 21, the commission said').
    """
    ends = [b[1] for b in bounds]
    i = bisect.bisect_right(ends, start)
    lo = ends[i - 1] if i > 0 else 0
    hi = next((b[0] for b in bounds[i:] if b[0] >= end), 10**9)
    best: tuple[int, int, str] | None = None
    for cue_start, cue_end, tense in cues:
        if cue_start < lo or cue_end > hi or (cue_start < end and start < cue_end):
            continue
        after = cue_end > start
        distance = cue_start - end if after else start - cue_end
        if best is None or (after, distance) < best[:2]:
            best = (after, distance, tense)
    return best[2] if best else None


def find_dates(text: str, language: str, published: date | None) -> list[TimeMention]:
    """All resolvable time expressions in text (an article or a sentence), sorted, non-overlapping."""
    spec = load_language(language or "")
    if spec is None:
        return fallback_dates(text, language, published)
    folded = fold(text)
    chosen = select(_candidates(spec, text, folded), _blocked(spec, folded))
    if not chosen:
        return []
    bounds = _sentence_bounds(text)
    cues = _cues(spec, text, bounds)
    mentions: list[TimeMention] = []
    previous: tuple[date, bool] | None = None
    for cand in chosen:
        tense = tense_at(cues, bounds, cand.start, cand.end)
        if cand.pattern.kind == "rel":
            span = resolve_relative(spec, cand.pattern, cand.groups, published, tense, previous)
        elif cand.pattern.holiday is not None:
            year = int(cand.groups["year"]) if cand.groups.get("year") else None
            span = resolve_holiday(cand.pattern.holiday, year, published, tense)
        else:
            span = resolve_absolute(spec, cand.pattern.kind, cand.groups, published, tense)
        if span is None:
            continue
        start, end, precision, year_known = span
        mentions.append(
            TimeMention(text[cand.start : cand.end], cand.start, cand.end, start, end, precision, year_known)
        )
        if precision == "day":
            previous = (start, year_known)
    return mentions
