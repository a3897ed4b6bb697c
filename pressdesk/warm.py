"""Imported once by the extraction pool's fork server: the extractor's language data is loaded and every date
pattern compiled there, so each worker forked from it starts warm instead of paying that on its first articles
(a worker is started for every batch of new articles the server extracts)."""

from __future__ import annotations

from datetime import date

import simplemma

from pressdesk import parallel
from pressdesk.dates.lang import load_language

LANGUAGES = ("en", "fr", "it", "ro")  # the languages with date and quote data


def warm() -> None:
    """Compile each language's date patterns and load its quote lexicon, gazetteer and lemma dictionary (simplemma
    decodes a language's dictionary on its first word: about 0.4 s of CPU each, which every worker paid)."""
    for code in LANGUAGES:
        spec = load_language(code)
        if spec is not None:
            for pattern in spec.patterns + spec.blockers:
                _ = pattern.regex
            spec.holiday_patterns(set(spec.holiday_by_name))
        parallel.extract_safely(parallel.ArticleInput("warm", "“…”", code, date(2000, 1, 1), ()))
        simplemma.lemmatize("warm", lang=code)


warm()
