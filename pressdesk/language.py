"""Language identification with lingua (accurate on short, news-length text, offline, no model download)."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SAMPLE_CHARS = 400  # two or three sentences: lingua agrees with its 3,000-char verdict on news, at twice the speed


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().with_minimum_relative_distance(0.05).build()


def _code(language: Language | None) -> str | None:
    return language.iso_code_639_1.name.lower() if language else None


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when lingua cannot tell."""
    sample = text[:SAMPLE_CHARS]
    return _code(detector().detect_language_of(sample)) if sample.strip() else None


def detect_many(texts: list[str]) -> list[str | None]:
    """Batch detection: lingua spreads the work over all cores."""
    samples = [t[:SAMPLE_CHARS] for t in texts]
    return [_code(lang) for lang in detector().detect_languages_in_parallel_of(samples)]
