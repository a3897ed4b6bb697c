"""A generated corpus built from the sample articles: names, dates and sentence order varied, deterministic."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from pressdesk.clean import clean_text

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"
NAMES = [("Lavrov", "Ivanov"), ("Peskov", "Petrov"), ("Blinken", "Miller"), ("Zelensky", "Shmyhal"),
         ("Choe Son Hui", "Ri Son Gwon"), ("Austin", "Hegseth"), ("Rutte", "Stoltenberg"), ("Nebenzia", "Polyanskiy")]
MONTHS = {"fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
          "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
          "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
          "en": "January February March April May June July August September October November December"}


def generate(n: int, seed: int = 7) -> Iterator[dict]:
    """Yield n records {text, published, source}: a sample with swapped names, shuffled paragraphs, new dates."""
    rng = random.Random(seed)
    samples = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(SAMPLES.glob("*.txt"))]
    for i in range(n):
        text = samples[i % len(samples)]
        for old, new in NAMES:
            if rng.random() < 0.5:
                text = text.replace(old, new)
        paragraphs = [p for p in text.split("\n") if p.strip()]
        head, body = paragraphs[:1], paragraphs[1:]
        rng.shuffle(body)
        day = rng.randint(1, 28)
        text = "\n".join(head + body) + "\n\nComment (0)\nA reader: page furniture the cleaner must drop"
        text = re.sub(r"\b(\d{1,2})( (?:octobre|septembre|novembre|noiembrie|ottobre|novembre))",
                      lambda m, day=day: f"{day}{m.group(2)}", text)
        published = date(2022, 1, 1) + timedelta(days=rng.randint(0, 1000))
        yield {"text": f"Ref {i}-{rng.random():.8f}\n{text}", "published": published.isoformat(),
               "source": f"generated/{i}"}
