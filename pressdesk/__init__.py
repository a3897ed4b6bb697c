"""PressDesk: multilingual press reading — ingestion, dates, quotes, translation. No Streamlit here."""

__version__ = "0.1.0"
