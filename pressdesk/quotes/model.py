"""Data shared by the quote extraction steps: the Quote record, cues and the per-article context."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from pressdesk.quotes.lexicon import Lexicon
from pressdesk.quotes.mentions import Mention
from pressdesk.quotes.speakers import Discourse


@dataclass
class Quote:
    sentence_idx: int
    start_char: int
    end_char: int
    speaker: str | None
    speaker_surface: str | None
    speaker_role: str | None
    speaker_type: str  # person | organisation | country | unnamed
    kind: str  # direct | indirect | mixed
    cue: str
    text: str
    said_on: date | None
    via: str | None
    language: str


@dataclass
class Cue:
    start: int
    end: int
    surface: str
    tense: str  # participle | finite | gerund
    kind: str  # speech | announce | accuse | call_on | request | praise | write | relay | aside (only after a quote)
    used: bool = False
    pron: str | None = None  # gender of an inverted subject clitic ('a-t-elle ajouté', 'ajoute-t-il')
    lemma: str = ""  # the cue's entry in data/cues ('riferire'), folded


@dataclass
class Ctx:
    """One article being processed: raw and masked text, lexicon, candidate speakers, quotation spans."""

    text: str
    masked: str
    lex: Lexicon
    mentions: list[Mention]
    spans: list[tuple[int, int]]
    disc: Discourse
    language: str
    published: date | None
    starts: list[int] = field(default_factory=list)  # mention starts, for bisect
    span_starts: list[int] = field(default_factory=list)
    dates: dict[tuple[int, ...], date | None] = field(default_factory=dict)  # (unit, statement) -> date
    date_spans: list[tuple[int, int]] | None = None  # where a reading of the whole article found dates, if given
    last_direct: Quote | None = None  # latest attributed direct quote (split quotes continue it)
    last_end: int = -1  # end of the latest quote of any kind
    prev_spoke: bool = False  # the previous unit held an attributed statement
    unit_start: int = 0  # start of the unit being read
    line_end: int = 0  # end of the transcript line being read ('PESKOV: …'): its sentences are its speaker's words

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]
        self.span_starts = [s for s, _ in self.spans]

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_left(self.span_starts, pos) - 1
        return i >= 0 and self.spans[i][0] < pos < self.spans[i][1] - 1

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Mentions wholly inside [start, end) and outside quotations, in text order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end and not self.in_quote(m.start)]

    def mention_at(self, pos: int, slack: int = 1) -> Mention | None:
        """The first mention starting at pos (or up to `slack` characters later)."""
        i = bisect.bisect_left(self.starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].start <= pos + slack else None

    def quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.span_starts, start)
        hi = bisect.bisect_right(self.span_starts, end)
        return [q for q in self.spans[lo:hi] if q[1] <= end]
