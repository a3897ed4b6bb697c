"""Extraction cost against input size, on the worst shape: one paragraph with no full stop (a paste of run-on text).

`python benchmarks/linear.py` prints, per sample article, the seconds to extract dates, events, quotes and story
features from a 3 KB and a 25 KB paragraph built from its text (sentence ends turned into commas), and the ratio:
linear work gives about 8x for 8.3x the text.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressdesk import parallel  # noqa: E402
from pressdesk.sentences import split_sentences  # noqa: E402

LANGS = {"000": "ro", "001": "it", "002": "en", "003": "fr", "004": "fr"}
SIZES = (3_000, 25_000)


def paragraph(text: str, size: int) -> str:
    """`size` characters of the text, repeated as needed, as one paragraph without a full stop."""
    flat = re.sub(r"[.!?]+(\s|$)", r",\1", " ".join(text.split()))
    return (flat * (size // len(flat) + 1))[:size]


def seconds(text: str, language: str, repeat: int = 5) -> float:
    """Best of `repeat` runs of what a worker does with one article."""
    item = parallel.ArticleInput("bench", text, language, date(2024, 11, 1), tuple(split_sentences(text, language)))
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = parallel.extract_safely(item)
        best = min(best, time.perf_counter() - started)
        if result.error:
            raise SystemExit(f"extraction failed: {result.error}")
    return best


def main() -> None:
    seconds("Warm up, said the minister on Monday.", "en", 1)
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        language = LANGS.get(path.name[:3], "en")
        text = path.read_text(encoding="utf-8")
        small, large = (seconds(paragraph(text, n), language) for n in SIZES)
        print(f"{path.name[:3]} ({language}): {SIZES[0] // 1000} KB {small:.3f} s, {SIZES[1] // 1000} KB {large:.3f} s,"
              f" ratio {large / small:.1f}x for {SIZES[1] / SIZES[0]:.1f}x the text")


if __name__ == "__main__":
    main()
