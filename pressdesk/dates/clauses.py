"""Clause-scoped tense: which verb governs a date mention, and direction words that override it.

A sentence is cut into clauses at semicolons, at the language's clause breaks (", and", ", mais", " aber ")
and before a trailing attribution (", the ministry said", ", a-t-on appris", ", comunicato"). The tense of
a mention comes from the cue nearest it in its own clause (one before it preferred: that is the verb it
modifies); a clause without any cue inherits the nearest cue of the clauses before it, or, when the next
clause is an attribution, that attribution's tense. Cue kinds:

  future, past   - tense cues from the data;
  original       - a strong past ("originally scheduled", "programată inițial"): past, beats every direction word;
  report         - reporting verbs (said, a annoncé, kündigte an): past, but they do not date the event;
  modal          - a weak future ("could", "ar putea") after a real past verb in its clause ("had said it could"):
                   past. Under a reporting verb alone it stays future: "said fares would rise in March" is the
                   coming March. A present-tense scheduling verb ("return", "votează") is future on the same
                   terms, and no cue at all after a past verb ("did not return on Wednesday").

Direction words next to the mention then override a weak reading: "since X" is always the past X;
"until/by/from X" is the coming X unless the governing verb is a real past ("lasted until Sunday");
target words ("valid on", "called for", "per venerdì", "valabil joi") name the date something is set for:
always the coming X, even after a past participle ("proclamato per venerdì").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from pressdesk.dates.lang import LanguageSpec, tense_view

Cue = tuple[int, int, str]  # start, end, kind
Break = tuple[int, int, bool]  # start, end, opens an attribution clause
_SEMICOLON = re.compile(r";")
_ATTRIBUTION_GAP = re.compile(r",[\s\"'»”“«-]*(?:[^\s,.;:!?]+\s+){0,4}\Z")


class _Taken:
    """Disjoint spans already taken, sorted: whether a new span overlaps one is a bisection, not a scan (an article
    holds hundreds of cues)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.ends = [b for _, b in ordered]

    def overlaps(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self.starts, span[1]) - 1  # the last taken span starting before this one ends
        return i >= 0 and self.ends[i] > span[0]


Regions = list[tuple[int, int]] | None  # the sentences to read (None: the whole text)


def _scan(regex: re.Pattern[str], view: str, regions: Regions) -> Iterator[re.Match[str]]:
    """Matches in the sentences read: a cue or break never runs past the end of its sentence."""
    if regions is None:
        yield from regex.finditer(view)
        return
    for lo, hi in regions:
        yield from regex.finditer(view, lo, hi)


def _add(cues: list[Cue], regex: re.Pattern[str] | None, view: str, kind: str, regions: Regions = None) -> None:
    """Add regex matches of one kind, skipping any that overlaps a cue already taken (earlier kinds win)."""
    if regex is None:
        return
    taken = _Taken([(c[0], c[1]) for c in cues])
    for m in _scan(regex, view, regions):
        if m.end() > m.start() and not taken.overlaps(m.span()):
            cues.append((m.start(), m.end(), kind))


def _clause_start(break_ends: list[int], lo: int, pos: int) -> int:
    """Start of the clause holding pos: the last break ending at or before it (break_ends sorted), or lo."""
    i = bisect.bisect_right(break_ends, pos)
    return max(break_ends[i - 1], lo) if i else lo


def analyse(
    spec: LanguageSpec, text: str, bounds: list[tuple[int, int]], regions: Regions = None
) -> tuple[list[Cue], list[Break]]:
    """Tense cues and clause breaks of a text (of the sentences in `regions` only: the tense of a mention is read
    in its own sentence, so an article's other sentences need no reading). Strong past ("originally scheduled")
    beats future, future beats an overlapping reporting or past cue; a modal counts as future only with no real
    past verb before it in its clause (a reporting verb does not count: the reported event follows the saying)."""
    view = tense_view(text)
    cues: list[Cue] = []
    _add(cues, spec.past_first, view, "original", regions)
    _add(cues, spec.future, view, "future", regions)
    _add(cues, spec.reporting, view, "report", regions)
    _add(cues, spec.past, view, "past", regions)
    breaks: list[Break] = [(m.start(), m.end(), False) for m in _scan(_SEMICOLON, view, regions)]
    if spec.clause_breaks is not None:
        breaks += [(m.start(), m.end(), False) for m in _scan(spec.clause_breaks, view, regions)]
    starts = [b[1] for b in bounds]
    for start, _end, kind in cues:
        if kind != "report":
            continue
        i = bisect.bisect_right(starts, start)
        sentence_start = starts[i - 1] if i > 0 else 0
        gap = _ATTRIBUTION_GAP.search(view, max(sentence_start, start - 60), start)
        if gap:  # ", the electoral commission said": the attribution is a clause of its own
            breaks.append((gap.start(), gap.start() + 1, True))
    breaks.sort()
    break_ends = sorted(b[1] for b in breaks)
    pasts = sorted(c[0] for c in cues if c[2] in ("past", "original"))  # a reporting verb alone does not void
    for regex, voided_kind in ((spec.modal, "modal"), (spec.scheduled, None)):
        taken = _Taken([(c[0], c[1]) for c in cues])
        for m in _scan(regex, view, regions) if regex is not None else ():
            if m.end() == m.start() or taken.overlaps(m.span()):
                continue
            i = bisect.bisect_right(starts, m.start())
            lo = _clause_start(break_ends, starts[i - 1] if i > 0 else 0, m.start())
            if bisect.bisect_left(pasts, lo) == bisect.bisect_left(pasts, m.start()):  # no real past verb in between
                cues.append((m.start(), m.end(), "future"))
            elif voided_kind is not None:
                cues.append((m.start(), m.end(), voided_kind))
    return sorted(cues), breaks


def _nearest(
    cues: list[Cue], lo: int, hi: int, span: tuple[int, int], possessive: bool, coords: list[int]
) -> str | None:
    """Kind of the cue in [lo, hi) nearest the mention, one before it preferred. A reporting verb that does not
    date the saying itself ("insisted Monday's easing would go ahead", "warned the vote on Monday would...") opens a
    reported clause: a future cue after the mention in it wins ("said on Friday that it could" stays the saying),
    unless a coordinator comes first ("reported on Tuesday and will return")."""
    start, end = span
    before: tuple[int, int, str] | None = None
    after: tuple[int, int, str] | None = None
    for cue in cues:
        cue_start, cue_end, _kind = cue
        if cue_start < lo or cue_end > hi or (cue_start < end and start < cue_end):
            continue
        if cue_end <= start:
            before = cue if before is None or cue_end > before[1] else before
        elif after is None or cue_start < after[0]:
            after = cue
    if before is None:
        return after[2] if after else None
    if before[2] == "report" and after is not None and after[2] == "future":
        coordinated = any(end <= c < after[0] for c in coords)
        if (possessive or start - before[1] > 1) and not coordinated:
            return "future"
    return before[2]


def _sentence(bounds: list[tuple[int, int]], ends: list[int], span: tuple[int, int], last: int) -> tuple[int, int]:
    """The sentence holding a span: from the end of the boundary before it to the start of the next one (or last)."""
    i = bisect.bisect_right(ends, span[0])
    return ends[i - 1] if i > 0 else 0, next((b[0] for b in bounds[i:] if b[0] >= span[1]), last)


def sentences_of(bounds: list[tuple[int, int]], spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The sentences (between `bounds`, as tense_at reads them) holding these spans, merged, in order."""
    ends = [b[1] for b in bounds]
    out: list[tuple[int, int]] = []
    for span in sorted(spans):
        lo, hi = _sentence(bounds, ends, span, length)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def tense_at(
    cues: list[Cue],
    bounds: list[tuple[int, int]],
    breaks: list[Break],
    span: tuple[int, int],
    possessive: bool = False,
    coords: list[int] | None = None,
) -> str | None:
    """Cue kind governing text[start:end]: its clause's, else an earlier clause's, else a trailing attribution's."""
    start, end = span
    lo, hi = _sentence(bounds, [b[1] for b in bounds], span, 10**9)
    clause_lo = _clause_start(sorted(b[1] for b in breaks), lo, start)
    following = next((b for b in breaks if b[0] >= end and b[0] < hi), None)
    clause_hi = following[0] if following else hi
    kind = _nearest(cues, clause_lo, clause_hi, span, possessive, coords or [])
    if kind is not None:
        return kind
    before = [c for c in cues if lo <= c[0] and c[1] <= clause_lo]
    if before:
        return before[-1][2]
    if following is not None and following[2]:
        after = [c for c in cues if following[0] <= c[0] < hi]
        return after[0][2] if after and after[0][2] == "report" else None
    return None


def direction_at(spec: LanguageSpec, folded: str, start: int, end: int, day: bool = False) -> str | None:
    """'since', 'target' or 'upcoming' when a direction word leads the mention ("until Sunday", "depuis janvier").
    A bare "for" preposition ("pentru joi", "per venerdì") is a target only before a day: "inflația pentru luna
    martie" is a statistic's period, not a date set ahead."""
    window = max(0, start - 40)
    day_target = (spec.target_day, spec.target_day_lead) if day else (None, None)
    for kind, before, lead in (
        ("since", spec.since, spec.since_lead),
        ("target", spec.target, spec.target_lead),
        ("target", *day_target),
        ("upcoming", spec.upcoming, spec.upcoming_lead),
    ):
        if before is not None and before.search(folded, window, start):
            return kind
        if lead is not None and lead.match(folded, start, end):
            return kind
    return None


def directed(kind: str | None, direction: str | None) -> str | None:
    """The tense used to resolve a mention: a direction word beats a weak or missing cue."""
    if direction == "since":
        return "past"
    if kind == "original":  # "originally scheduled for Wednesday": the past date, whatever the direction word
        return "past"
    if direction == "target" or (direction == "upcoming" and kind != "past"):
        return "future"
    return "past" if kind in ("report", "modal") else kind
