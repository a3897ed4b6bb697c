"""Evaluation against hand-annotated gold files: `python -m pressdesk.evaluate dates|quotes ...`."""
