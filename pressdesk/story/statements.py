"""One statement reported in several languages and outlets is one story: group quotes by the same canonical speaker,
close dates and shared evidence, and say why they were grouped."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pressdesk.story.evidence import WORD_MATCH, Evidence, evidence, matched_words

WINDOW_DAYS = 3  # reports of one statement are dated within a few days of each other
SAME_TEXT_SHARE = 0.6  # share of the shorter report's content words found in the other (same language)
SUPPORTED_SHARE = 0.4  # ... enough when the two also share an entity or a number
COGNATE_SHARE = 0.25  # across languages without a translation, cognates ("contatti" ~ "contacte") are rarer
COGNATE_MIN = 3  # cognate pairs needed across languages (4 without another sign)
MAX_FOLLOWING = 32  # a report is compared with at most this many later reports of its speaker in the window:
# single linkage still chains a statement reported hundreds of times, and a busy speaker costs linear time
COGNATE_MATCH = 70.0  # rapidfuzz ratio for two words in two languages to count as cognates ("servizi" ~ "serviciile")


@dataclass(frozen=True)
class Report:
    """One quote as a report of a statement: who, when, in which language, and the text to compare."""

    quote_id: str
    article_id: str
    speaker: str
    language: str | None
    text: str
    day: date | None = None  # said_on, else the article's publication date
    context: str = ""  # the sentence(s) around the quote: the names it is said among
    pivot: str | None = None  # the quote in the pivot language (a cached translation, or itself)
    pivot_lang: str | None = None
    evidence: Evidence | None = None  # as stored at extraction (the speaker not yet left out), else read here


@dataclass(frozen=True)
class Membership:
    """A quote's statement group, and why it joined it (None for a statement reported once)."""

    quote_id: str
    group_id: str
    reason: str | None


@dataclass(frozen=True)
class _Prepared:
    report: Report
    own: Evidence
    pivot: Evidence | None


def _prepare(report: Report) -> _Prepared:
    own = report.evidence or evidence(report.text, report.language, report.context)
    own = own.without(report.speaker)
    pivot = None
    if report.pivot and report.pivot_lang:
        pivot = own if report.pivot_lang == report.language else evidence(report.pivot, report.pivot_lang)
    return _Prepared(report, own, pivot)


def _when(a: date | None, b: date | None) -> tuple[bool, str]:
    """Whether two dates can belong to one statement, and how to say it."""
    if a is None or b is None:
        return True, "date of one report unknown" if a or b else "dates unknown"
    gap = abs((a - b).days)
    if gap > WINDOW_DAYS:
        return False, f"{gap} days apart"
    return True, "same day" if gap == 0 else f"{gap} day{'s' if gap > 1 else ''} apart"


def _share(pairs: list, a: frozenset, b: frozenset) -> float:
    return len(pairs) / max(1, min(len(a), len(b)))


def link_reason(a: Report, b: Report) -> str | None:
    """Why two reports are one statement, or None when they are not: same speaker, close dates, and enough of the
    same words (or of their translation, or cognates across languages), entities and numbers."""
    found = _link(a, b, _prepare(a), _prepare(b))
    return found[1] if found else None


class _Matches:
    """matched_words remembered for the word sets already compared: the copies of one quote (an agency's, reprinted)
    compare the same sets again and again."""

    LIMIT = 1 << 16  # pairs remembered before starting over, so memory stays bounded on a full regroup

    def __init__(self) -> None:
        self.seen: dict[tuple[frozenset[str], frozenset[str], float], list[tuple[str, str]]] = {}

    def __call__(self, a: frozenset[str], b: frozenset[str], threshold: float = WORD_MATCH) -> list[tuple[str, str]]:
        key = (a, b, threshold)
        found = self.seen.get(key)
        if found is None:
            if len(self.seen) >= self.LIMIT:
                self.seen.clear()
            found = self.seen[key] = matched_words(a, b, threshold)
        return found


def _link(a: Report, b: Report, pa: _Prepared, pb: _Prepared, match=matched_words) -> tuple[int, str] | None:
    """(strength, reason) of the link between two reports, or None (`match` pairs the words of two sets)."""
    if not a.speaker or a.speaker != b.speaker:
        return None
    close, when = _when(a.day, b.day)
    if not close:
        return None
    names = sorted(pa.own.entities & pb.own.entities)
    numbers = sorted(pa.own.numbers & pb.own.numbers)
    support = bool(names or numbers)
    if a.language == b.language or (pa.pivot and pb.pivot):
        same = a.language == b.language
        left, right = (pa.own, pb.own) if same else (pa.pivot, pb.pivot)
        pairs = match(left.words, right.words)
        share = _share(pairs, left.words, right.words)
        ok = len(pairs) >= 2 and (share >= SAME_TEXT_SHARE or support and share >= SUPPORTED_SHARE)
        how = "same words" if same else f"translated ({a.pivot_lang})"
    else:
        pairs = match(pa.own.words, pb.own.words, COGNATE_MATCH)
        share = _share(pairs, pa.own.words, pb.own.words)
        ok = len(pairs) >= COGNATE_MIN and share >= COGNATE_SHARE and (support or a.day and b.day
                                                                         or len(pairs) > COGNATE_MIN)
        how = f"similar words ({a.language or '?'}/{b.language or '?'})"
    if not ok:
        return None
    words = ", ".join(x if x == y else f"{x}~{y}" for x, y in pairs[:5])
    parts = [f"same speaker {a.speaker}", when, f"{how}: {words}"]
    if names:
        parts.append("shared: " + ", ".join(names[:4]))
    if numbers:
        parts.append("numbers: " + ", ".join(numbers[:3]))
    return len(pairs) + len(names) + len(numbers), " · ".join(parts)


def _candidates(items: Sequence[_Prepared], fresh: set[int] | None = None) -> Iterable[tuple[int, int]]:
    """Pairs worth comparing: dated reports within the window of each other, and every undated report; only pairs
    with a `fresh` member when given (reports already grouped were compared before), found without walking the
    pairs of two old reports."""
    dated = sorted((i for i, p in enumerate(items) if p.report.day), key=lambda i: items[i].report.day)
    undated = [i for i, p in enumerate(items) if not p.report.day]
    every = fresh is None
    fresh = fresh or set()
    fresh_at = list(range(len(dated))) if every else [pos for pos, i in enumerate(dated) if i in fresh]
    starts = fresh_at if every else sorted({p for f in fresh_at for p in range(max(0, f - MAX_FOLLOWING), f + 1)})
    for pos in starts:
        i = dated[pos]
        if every or i in fresh:
            following = range(pos + 1, min(pos + 1 + MAX_FOLLOWING, len(dated)))
        else:  # an old report pairs only with the fresh ones among the next MAX_FOLLOWING
            following = fresh_at[bisect_right(fresh_at, pos):bisect_right(fresh_at, pos + MAX_FOLLOWING)]
        for at in following:
            j = dated[at]
            if (items[j].report.day - items[i].report.day).days > WINDOW_DAYS:
                break
            yield i, j
    fresh_dated = [dated[pos] for pos in fresh_at]
    for pos, i in enumerate(undated):
        later = undated[pos + 1:]
        others = dated + later if every or i in fresh else fresh_dated + [j for j in later if j in fresh]
        for j in others:
            yield i, j


@dataclass(frozen=True)
class Link:
    """Two reports of one statement, how strongly, and why."""

    a: str
    b: str
    strength: int
    reason: str


def links_to_new(new: Iterable[Report], old: Iterable[Report]) -> list[Link]:
    """Every link between a new report and another report (new or old) of the same speaker: adding reports to a
    grouped corpus compares only them, so its cost follows what was added, not the corpus."""
    by_speaker: dict[str, tuple[list[_Prepared], set[int]]] = {}
    for fresh, reports in ((True, new), (False, old)):
        for report in reports:
            items, fresh_ids = by_speaker.setdefault(report.speaker, ([], set()))
            if fresh:
                fresh_ids.add(len(items))
            items.append(_prepare(report))
    out = []
    match = _Matches()
    for items, fresh_ids in by_speaker.values():
        for i, j in _candidates(items, fresh_ids):
            found = _link(items[i].report, items[j].report, items[i], items[j], match)
            if found:
                out.append(Link(items[i].report.quote_id, items[j].report.quote_id, *found))
    return out


def group_reports(reports: Iterable[Report]) -> list[Membership]:
    """Every report's statement group (single linkage within one speaker), each member with the reason of its
    strongest link. A group is named by its smallest quote id, as an event cluster is: a big group keeps its name
    when small ones join it, so an add seldom renames its members (by its earliest report, 50k rows were renamed)."""
    by_speaker: dict[str, list[_Prepared]] = {}
    out: list[Membership] = []
    for report in reports:
        if report.speaker:
            by_speaker.setdefault(report.speaker, []).append(_prepare(report))
        else:
            out.append(Membership(report.quote_id, report.quote_id, None))
    match = _Matches()
    for items in by_speaker.values():
        out += _group_one_speaker(items, match)
    return out


def _group_one_speaker(items: list[_Prepared], match=matched_words) -> list[Membership]:
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[int, tuple[int, str]] = {}  # member -> (strength, reason) of its strongest link
    for i, j in _candidates(items):
        found = _link(items[i].report, items[j].report, items[i], items[j], match)
        if found is None:
            continue
        parent[find(i)] = find(j)
        strength, reason = found
        for k in (i, j):
            if k not in best or strength > best[k][0]:
                best[k] = (strength, reason)
    groups: dict[int, list[int]] = {}
    for k in range(len(items)):
        groups.setdefault(find(k), []).append(k)
    out = []
    for members in groups.values():
        name = min(items[k].report.quote_id for k in members)
        for k in members:
            reason = best[k][1] if k in best and len(members) > 1 else None
            out.append(Membership(items[k].report.quote_id, name, reason))
    return out
