"""Multilingual date finding and normalisation; language knowledge lives in data/dates/<lang>.toml."""

from pressdesk.dates.engine import find_dates
from pressdesk.dates.lang import available_languages
from pressdesk.dates.model import TimeMention, iso_value

__all__ = ["TimeMention", "available_languages", "find_dates", "iso_value"]
