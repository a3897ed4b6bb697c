"""Translation throughput against the loopback fake (never the internet): parallelism and cache look-ups.

    .venv/bin/python benchmarks/translate.py [--texts 200] [--latency 0.02]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_provider import FakeLibre  # noqa: E402

from pressdesk import store  # noqa: E402
from pressdesk.translate import TranslatorConfig, cached_translations, translate_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.02, help="simulated provider latency (s)")
    args = parser.parse_args()
    texts = [f"Phrase numéro {i} de l'article sur la réforme des retraites." for i in range(args.texts)]
    with FakeLibre() as server:
        server.delay = args.latency
        for workers in (1, 4, 8):
            con = store.connect(":memory:")
            config = TranslatorConfig(provider="libre", libre_url=server.url, workers=workers, timeout=5)
            started = time.perf_counter()
            result = translate_texts(con, texts, "fr", "en", config)
            elapsed = time.perf_counter() - started
            assert result.translated == len(texts), result.summary()
            print(f"workers={workers}: {len(texts)} texts in {elapsed:.2f}s ({len(texts) / elapsed:.0f}/s)")
            started = time.perf_counter()
            again = translate_texts(con, texts, "fr", "en", config)
            print(f"  second run (cache only): {time.perf_counter() - started:.3f}s, cached {again.cached}")
            started = time.perf_counter()
            shown = cached_translations(con, texts, "fr", "en", provider="libre")
            print(f"  display look-up of {len(shown)} texts: {time.perf_counter() - started:.3f}s")
            con.close()


if __name__ == "__main__":
    main()
