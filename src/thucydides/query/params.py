"""The one place that checks query parameters: dates, PLOVER types, country/group codes, sides, limits.

The command line, the REST API and the web page all pass what the user typed through these
functions (the query functions call them too), so a bad value gets the same one-line
:class:`~thucydides.errors.QueryError` everywhere, naming the parameter and the reason, instead
of a database message or a silently empty answer.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from .. import kb as kbmod
from ..errors import QueryError
from ..knowledge import table

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE_RE = re.compile(r"^[A-Z]{2,6}$")
MAX_TEXT = 200


def date(name: str, value: Optional[str]) -> Optional[str]:
    """A YYYY-MM-DD calendar date, or None for an empty value."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip()
    if not DATE_RE.match(v):
        raise QueryError(f"'{name}' must be a date written YYYY-MM-DD, got {v[:40]!r}")
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        raise QueryError(f"'{name}' is not a valid calendar date: {v!r}") from None
    return v


@lru_cache(maxsize=1)
def plover_types() -> tuple[str, ...]:
    """The PLOVER event types (from data/plover_types.tsv)."""
    return tuple(sorted({r["type"] for r in table("plover_types.tsv") if r.get("type")}))


def event_type(value: Optional[str], name: str = "type") -> Optional[str]:
    """A PLOVER event type in any case (``assault`` -> ``ASSAULT``), or None for an empty value."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip().upper()
    if v not in plover_types():
        raise QueryError(f"'{name}': unknown PLOVER type {str(value).strip()[:40]!r} "
                         f"(one of {', '.join(plover_types())})")
    return v


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """Country codes (ISO alpha-3) and organisation/group codes the knowledge base knows."""
    kb = kbmod.load()
    return frozenset(kb.countries) | frozenset(kb.orgs)


def looks_like_code(value: str) -> bool:
    return bool(CODE_RE.match(value.strip()))


def code(value: Optional[str], name: str = "country") -> Optional[str]:
    """A country or group code the knowledge base knows (``rus`` -> ``RUS``), or None for an empty value."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip().upper()
    if v not in known_codes():
        raise QueryError(f"'{name}': unknown country or group code {str(value).strip()[:40]!r} "
                         f"(write a code such as RUS or a name such as Russia)")
    return v


def country(value: Optional[str], name: str = "country") -> Optional[str]:
    """A country or group given by code (``RUS``, ``rus``) or name (``Russia``, ``Russian``) -> its code."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip()
    if v.upper() in known_codes() and (len(v) <= 3 or v.isupper()):
        return v.upper()
    kb = kbmod.load()
    found = kb.country_of(v) or kb.country_of(v.title())
    if found:
        return found
    raise QueryError(f"'{name}': no country or group known as {v[:40]!r} (write a code such as RUS or a name such as Russia)")


def side(value: Optional[str], name: str = "actor") -> Optional[str]:
    """One side of an event or relation: a code, a country name, or an actor's name.

    A value written as a code (two to six capital letters, e.g. ``XYZZY``) must be a code the
    knowledge base knows: otherwise it would match nothing and the answer would be a silent zero.
    """
    if value is None:
        return None
    v = str(value).strip()
    if not v:
        raise QueryError(f"'{name}' is empty")
    if len(v) > MAX_TEXT:
        raise QueryError(f"'{name}' is longer than {MAX_TEXT} characters")
    if looks_like_code(v) and v not in known_codes():
        kb = kbmod.load()
        if not (kb.country_of(v) or kb.country_of(v.title()) or kb.forms.get(v)):
            raise QueryError(f"'{name}': unknown country or group code {v!r} "
                             f"(write a code such as RUS, a name such as Russia, or an actor's name)")
    return v


def known_side(store, value: Optional[str], name: str = "actor") -> Optional[str]:
    """:func:`side`, and a name that is no country or group must name an actor the store holds
    (``thucydides relations RUS Narnia`` is refused instead of answering "0 events"). The command line
    asks this of what a user typed; the API answers an unknown name with an empty list, as REST does."""
    v = side(value, name)
    if v is None:
        return None
    kb = kbmod.load()
    if v in known_codes() or kb.country_of(v) or kb.country_of(v.title()) or kb.lower_forms.get(v.lower()):
        return v
    from ..sql import contains

    if not store.query("SELECT 1 FROM actors WHERE name ILIKE ? ESCAPE '\\' LIMIT 1", [contains(v)]):
        raise QueryError(f"'{name}': no country, group or stored actor matches {v!r}")
    return v


def limit(value, name: str = "limit", maximum: int = 1_000_000_000) -> int:
    """A positive number of rows."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise QueryError(f"'{name}' must be a whole number, got {value!r}") from None
    if n < 1:
        raise QueryError(f"'{name}' must be at least 1, got {n}")
    if n > maximum:
        raise QueryError(f"'{name}' must be at most {maximum:,}, got {n:,}")
    return n


def offset(value, name: str = "offset") -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise QueryError(f"'{name}' must be a whole number, got {value!r}") from None
    if n < 0:
        raise QueryError(f"'{name}' must be 0 or more, got {n}")
    return n


def text(value: Optional[str], name: str) -> Optional[str]:
    """A free-text filter (name, words): stripped, None when empty, bounded in length."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip()
    if len(v) > MAX_TEXT:
        raise QueryError(f"'{name}' is longer than {MAX_TEXT} characters")
    return v
