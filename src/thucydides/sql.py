"""Small pure helpers for the SQL the storage and query layers write."""
from __future__ import annotations


def contains(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its own % and _ taken literally (use with ESCAPE '\\\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
