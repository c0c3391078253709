"""Events stage (issue #5): PLOVER coding. Placeholder until the event coder lands."""
from __future__ import annotations

from .model import Document


def code(doc: Document) -> None:
    """Code PLOVER events in ``doc`` and append them to ``doc.events``."""
    return None
