"""Small pure helpers for the SQL the storage and query layers write."""
from __future__ import annotations


def contains(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its own % and _ taken literally (use with ESCAPE '\\\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def date_bounds(column: str, since: str | None, until: str | None, where: list[str], params: list) -> None:
    """Append ``column`` >= ``since`` and <= ``until`` (ISO dates; either may be None) to a WHERE list and its parameters."""
    if since:
        where.append(f"{column} >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append(f"{column} <= CAST(? AS DATE)")
        params.append(until)
