"""Text zones and quotation spans: what part of an article can hold quotes, and where quoted words are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pressdesk.quotes.lexicon import attribution_config, quote_pairs
from pressdesk.sentences import Sentence

_TERMINAL = tuple(".!?…:;\"”»“’)«›'")
_BALANCED = re.compile(r"«[^«»\n]*»|“[^“”\n]*”|„[^„”“\"\n]*[”“\"]")  # '„…"' too: typed without the closing mark


@dataclass(frozen=True)
class Unit:
    """One or more sentences joined because a quotation runs across them."""

    start: int
    end: int
    sentence_idx: int


def body_end(text: str) -> int:
    """Offset where reader comments / related-article lists begin (end of text if none)."""
    markers = {m.lower() for m in attribution_config()["common"]["comment_markers"]}
    pos = 0
    for line in text.splitlines(keepends=True):
        head = line.strip().rstrip(":").strip().lower()
        head = re.sub(r"\s*\(\d+\)$", "", head)
        if head in markers:
            return pos
        pos += len(line)
    return len(text)


def skipped_line(line: str) -> bool:
    """Navigation, captions, headlines and bylines: lines that hold no attributable statement."""
    stripped = line.strip()
    if not stripped or stripped.startswith(("|", "©", "Source", "Sursa", "Fonte", "Photo", "Foto")):
        return True
    seps = attribution_config()["common"]["nav_separators"]
    if sum(_BALANCED.sub("", stripped).count(s) for s in seps[:2]) >= 2:  # '»' closing a quote is no separator
        return True
    words = stripped.split()
    if stripped.endswith(("”", "»", "“", '"', "«")) and stripped[:-1].rstrip()[-1:] not in ".!?…" and stripped[0] not in "«“„\"":
        return len(words) <= 30  # headline ending on a quoted phrase
    return not stripped.endswith(_TERMINAL) and len(words) <= 30


def _closes(text: str, k: int, mark: str) -> bool:
    if mark != '"':
        return True
    return k + 1 >= len(text) or not text[k + 1].isalnum()


def _opens(text: str, i: int, mark: str) -> bool:
    if i + 1 >= len(text) or text[i + 1].isspace() and mark == '"':
        return False
    return mark != '"' or i == 0 or not text[i - 1].isalnum()


def find_quote_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(open, close+1) offsets of quotations; a quote never runs past its paragraph."""
    closers: dict[str, set[str]] = {}
    for opener, closer in quote_pairs():
        closers.setdefault(opener, set()).add(closer)
    end = len(text) if limit is None else limit
    spans: list[tuple[int, int]] = []
    i = 0
    while i < end:
        c = text[i]
        if c in closers and _opens(text, i, c):
            para_end = text.find("\n", i)
            para_end = end if para_end < 0 else min(para_end, end)
            k = next((k for k in range(i + 1, para_end) if text[k] in closers[c] and _closes(text, k, text[k])), -1)
            if k > i + 1:
                spans.append((i, k + 1))
                i = k + 1
                continue
        i += 1
    return spans


# 'We did everything,' said X / ‘It is over.’: an opener at a word start, apostrophes inside words allowed, a
# closer after sentence punctuation or before it (so "workers' union" and "club's" are no quotes)
_SINGLE = re.compile(
    r"(?<![\w'‘’])['‘](?=[^\W\d_])((?:[^\n'‘’]|(?<=\w)['’](?=\w))*?)"
    r"(?:(?<=[,.!?…])['’](?![\w])|(?<=\w)['’](?=[,.;:!?]))")
_COORD_AFTER = re.compile(r",\s*(?:et|mais|and|but|e|ma|y|pero|și|şi|dar|und|aber|o|or|ou)\s", re.I)


def single_quote_spans(text: str, limit: int, cue: re.Pattern[str], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations in single marks, kept only with a reporting cue right after them or a colon/cue before."""
    out = []
    for m in _SINGLE.finditer(text, 0, limit):
        s, e = m.start(), m.end()
        if len(m.group(1).split()) < 3 or any(a < e and s < b for a, b in taken):
            continue
        after = cue.search(text, e, min(limit, e + 60))
        before = text[max(0, s - 80) : s].rstrip()
        if after and not re.search(r"[.!?]", text[e + 1 : after.start()]) or before.endswith((":", ",")) and cue.search(before):
            out.append((s, e))
    return out


_DASH = re.compile(r"\s[-–—]\s+")
_ASIDE_END = re.compile(r"[.!?](?=\s)")
_MAX_ASIDE_SENTENCE = 16  # 'détaille Jean X, directeur général de la fabrication de billets à la Banque de France.'
_MAX_ASIDE_WORDS = 8  # words of an attribution set between dashes ('- ha affermato il sindaco di Napoli -')


def _dash_split(text: str, qs: int, qe: int, cue: re.Pattern[str]) -> list[tuple[int, int]] | None:
    """“A - ha affermato X - B” / « A – ricostruiscono i carabinieri – B »: an attribution set between two dashes
    inside the marks splits the quotation in two, the dashes acting as inner marks."""
    for d in _DASH.finditer(text, qs + 1, qe - 1):
        c = cue.match(text, d.end(), qe)
        if c is None or len(text[qs + 1 : d.start()].split()) < 1:
            continue
        close = _DASH.search(text, c.end(), qe - 1)
        if close is None or len(text[c.end() : close.start()].split()) > _MAX_ASIDE_WORDS:
            continue
        if len(text[close.end() : qe - 1].split()) < 2:
            continue
        dash = d.start() + 1
        return [(qs, dash + 1), (close.start() + 1, qe)]
    return None


def split_inner_attribution(text: str, spans: list[tuple[int, int]], cue: re.Pattern[str]) -> list[tuple[int, int]]:
    """« A, a assuré X, et B » / “A, said X, and B”: one pair of marks around a quote interrupted by its own
    attribution becomes two quotations (the commas act as the inner marks) with the attribution between them."""
    out = []
    for qs, qe in spans:
        dashed = _dash_split(text, qs, qe, cue)
        if dashed:
            out += dashed
            continue
        done = False
        for comma in (k for k in range(qs + 1, qe - 1) if text[k] == ","):
            look = comma + 1 + len(text[comma + 1 : qe]) - len(text[comma + 1 : qe].lstrip())
            c = cue.match(text, look, qe)
            if c is None or len(text[qs + 1 : comma].split()) < 2:
                continue
            window = text[c.end() : qe]
            coord = _COORD_AFTER.search(window)
            commas = [c.end() + i for i, ch in enumerate(window) if ch == ","]
            end = c.end() + coord.start() if coord else (commas[-1] if commas else -1)
            stop = _ASIDE_END.search(window)  # '« A, détaille X, directeur de Y. B »': the aside ends its sentence
            if stop and len(window[: stop.start()].split()) <= _MAX_ASIDE_SENTENCE and not (
                    coord and coord.start() < stop.start()) and len(window[stop.end() :].split()) >= 2:
                end = c.end() + stop.start()
            if end < 0 or len(text[c.end() : end].split()) > _MAX_ASIDE_SENTENCE or len(text[end + 1 : qe - 1].split()) < 2:
                continue
            out += [(qs, comma + 1), (end, qe)]
            done = True
            break
        if not done:
            out.append((qs, qe))
    return out


def make_units(text: str, sentences: list[Sentence], spans: list[tuple[int, int]], limit: int) -> list[Unit]:
    """Group sentences into units (merging across quotes), dropping skipped lines and the comment zone."""
    units: list[Unit] = []
    counts: dict[str, int] = {}
    for raw in text[:limit].splitlines():
        counts[raw.strip()] = counts.get(raw.strip(), 0) + 1
    for s in sentences:
        if s.start >= limit or s.role in ("title", "caption"):
            continue
        line_start = text.rfind("\n", 0, s.start) + 1
        line_end = text.find("\n", s.start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if skipped_line(line) or counts.get(line.strip(), 0) > 1:
            continue
        start, end = s.start, min(s.end, limit)
        for qs, qe in spans:
            if qs < end <= qe - 1 and qe > end:
                end = qe
        if units and start < units[-1].end:
            prev = units[-1]
            units[-1] = Unit(prev.start, max(prev.end, end), prev.sentence_idx)
            continue
        units.append(Unit(start, end, s.idx))
    return _extend_to_sentence(text, units)


def _extend_to_sentence(text: str, units: list[Unit]) -> list[Unit]:
    """A unit whose end was pushed to a closing quote keeps the rest of that sentence (', he said.')."""
    out = []
    for n, u in enumerate(units):
        end = u.end
        nxt = units[n + 1].start if n + 1 < len(units) else len(text)
        m = re.match(r"[^\n.!?]*[.!?]?", text[end:nxt])
        if m and text[end - 1 : end] in "\"”»“":
            end = min(nxt, end + m.end())
        out.append(Unit(u.start, end, u.sentence_idx))
    return out


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace quoted words (marks kept) by spaces so cues and names inside quotes are not seen."""
    chars = list(text)
    for s, e in spans:
        for k in range(s + 1, e - 1):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)
