"""Gender evidence for a speaker's name (data/gender.toml): an honorific before it, else a listed given name."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from pressdesk.entities import DATA


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    conf = tomllib.loads((DATA / "gender.toml").read_text(encoding="utf-8"))
    honorifics = {h.lower(): g for g, forms in conf.get("honorifics", {}).items() for h in forms}
    given = {n.lower(): g for g, names in conf.get("given_names", {}).items() for n in names}
    return honorifics, given


def gender_of(surface: str) -> str | None:
    """'Mme Durand' -> 'f', 'Nadia Ferraro' -> 'f', 'Stefan Lindqvist' -> 'm'; no evidence -> None."""
    honorifics, given = _tables()
    words = surface.split()
    for n, word in enumerate(words[:3]):
        low = word.lower()
        if low in honorifics:
            return honorifics[low]
        if low in given and n + 1 < len(words):  # a given name before a family name, never a name alone
            return given[low]
    return None
