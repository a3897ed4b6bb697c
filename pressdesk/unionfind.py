"""Union-find over string ids where a set is named by its smallest member, so event clusters keep the name a full
clustering gives them whichever order their members arrive in."""

from __future__ import annotations

from collections.abc import Iterable


class SmallestRoot:
    """Disjoint sets of ids; find(x) is the smallest id in x's set (an unseen id is a set of its own)."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self.parent = {x: x for x in ids}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
