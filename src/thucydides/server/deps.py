"""What routes share: the error type with an HTTP status, parameter checks, query-parameter factories, paging."""
from __future__ import annotations

import re
from typing import Optional

from fastapi import Query, Request

from ..errors import QueryError
from ..query import params

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
MAX_INGEST_DOCS = 200
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TYPE_RE = r"^[A-Z]{2,24}$"
BY_RE = r"^(day|week|month|quarter|year)$"


class ApiError(Exception):
    """An error with an HTTP status and a message safe to show to the client."""

    def __init__(self, status: int, message: str, headers: Optional[dict] = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def bad(message: str) -> ApiError:
    return ApiError(422, message)


def check_date(name: str, value: Optional[str]) -> Optional[str]:
    """A YYYY-MM-DD date (or None); anything else is a 422 (the check is the library's: query.params.date)."""
    try:
        return params.date(name, value)
    except QueryError as e:
        raise bad(str(e)) from None


def get_db(request: Request):
    """The app's :class:`~thucydides.server.database.Database` (a FastAPI dependency)."""
    return request.app.state.db


# Fresh Query objects per parameter (FastAPI binds each to one parameter name).
def Limit():
    return Query(50, ge=1, le=MAX_LIMIT, description=f"page size, 1..{MAX_LIMIT}")


def Offset():
    return Query(0, ge=0, le=MAX_OFFSET, description="rows to skip")


def Since():
    return Query(None, max_length=10, description="YYYY-MM-DD")


def Until():
    return Query(None, max_length=10, description="YYYY-MM-DD")


def Side():
    return Query(..., min_length=1, max_length=100, description="country code (RUS) or name (Russia), or an actor name")


def By():
    return Query("month", pattern=BY_RE, description="day, week, month, quarter or year")


def page(items: list, limit: int, offset: int, **extra) -> dict:
    return {**extra, "limit": limit, "offset": offset, "count": len(items),
            "next_offset": offset + limit if len(items) == limit else None, "items": items}
