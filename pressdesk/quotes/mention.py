"""One candidate speaker in a text (a Mention), and the claimed ranges that keep mentions from overlapping."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # entity | name | role | inst | pron | rel | agency | noun
    surface: str
    canonical: str | None = None
    etype: str = "unnamed"  # person | organisation | country | place | unnamed
    role: str | None = None  # English role ("Kremlin spokesperson")
    role_kind: str | None = None  # person | spokesperson | generic | group
    country: str | None = None
    org: str | None = None
    gender: str | None = None
    definite: bool = False  # 'the official', 'le responsable', 'edilul': may point back to a named person
    latest: bool = False  # 'ce dernier', "quest'ultimo", 'the latter': the one named last, not the most salient


class Taken(list):
    """Claimed (start, end) ranges with an O(1) per-character overlap test (a list for the old callers)."""

    def __init__(self, size: int, spans: list[tuple[int, int]] | None = None) -> None:
        super().__init__()
        self.mask = bytearray(size + 1)
        for sp in spans or []:
            self.append(sp)

    def append(self, span: tuple[int, int]) -> None:  # type: ignore[override]
        super().append(span)
        s, e = span
        self.mask[s:e] = b"\x01" * (e - s)


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    if isinstance(spans, Taken):
        return a[1] > a[0] and spans.mask.find(1, a[0], a[1]) >= 0
    return any(a[0] < e and s < a[1] for s, e in spans)
