"""Dates as written in news, to ISO ``YYYY-MM-DD``; relative expressions against a reference date."""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from typing import Optional

MONTHS = {m: i for i, ms in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in ms}
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
MDY = re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+((?:19|20)\d\d)\b", re.I)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _mk(y, m, d) -> Optional[str]:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except (ValueError, TypeError):
        return None


def parse_date(s: Optional[str]) -> Optional[str]:
    """The first calendar date in ``s`` as ``YYYY-MM-DD``, or None."""
    if not s:
        return None
    s = str(s)
    m = ISO.search(s)
    if m:
        return _mk(*m.groups())
    m = MDY.search(s)
    if m:
        return _mk(m.group(3), month_number(m.group(1)), m.group(2))
    m = DMY.search(s)
    if m:
        return _mk(m.group(3), month_number(m.group(2)), m.group(1))
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def resolve_relative(expr: str, reference: Optional[str]) -> Optional[str]:
    """Resolve "on Wednesday", "yesterday", "last month" ... against the reference date (ISO).

    Weekdays refer to the most recent such day on or before the reference (news reports the past);
    "next <weekday>" looks forward. Months resolve to the first of the month.
    """
    absolute = parse_date(expr)
    if absolute:
        return absolute
    if not reference:
        return None
    try:
        ref = dt.date.fromisoformat(reference[:10])
    except ValueError:
        return None
    e = expr.lower()
    if "today" in e or "tonight" in e or "this morning" in e or "this afternoon" in e or "this evening" in e:
        return ref.isoformat()
    if "yesterday" in e or "last night" in e:
        return (ref - dt.timedelta(days=1)).isoformat()
    if "tomorrow" in e:
        return (ref + dt.timedelta(days=1)).isoformat()
    for i, day in enumerate(WEEKDAYS):
        if day in e:
            delta = (ref.weekday() - i) % 7
            if "next" in e:
                return (ref + dt.timedelta(days=(i - ref.weekday()) % 7 or 7)).isoformat()
            return (ref - dt.timedelta(days=delta)).isoformat()
    if "last week" in e:
        return (ref - dt.timedelta(days=7)).isoformat()
    if "last month" in e:
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1).isoformat()
    if "last year" in e:
        return dt.date(ref.year - 1, 1, 1).isoformat()
    m = re.search(r"\bin\s+" + _MON + r"\b", e)
    if m:
        month = month_number(m.group(1))
        year = ref.year if month <= ref.month else ref.year - 1
        return dt.date(year, month, 1).isoformat()
    return None
