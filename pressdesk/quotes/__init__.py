"""Who said what: multilingual quote extraction with speaker attribution (see extract.py)."""

from pressdesk.quotes.extract import Quote, extract_quotes

__all__ = ["Quote", "extract_quotes"]
