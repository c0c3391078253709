"""Quotes stage (issue #4): who said what. Placeholder until the quote extractor lands."""
from __future__ import annotations

from .model import Document


def extract(doc: Document) -> None:
    """Find attributed statements in ``doc`` and append them to ``doc.quotes``."""
    return None
