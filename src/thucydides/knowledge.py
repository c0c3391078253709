"""Access to the knowledge files shipped under ``thucydides/data``."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


def path(name: str):
    return resources.files("thucydides") / "data" / name


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file."""
    text = path(name).read_text(encoding="utf-8")
    return tuple(l.strip() for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#"))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated data file with a header line; '#' lines are comments."""
    text = path(name).read_text(encoding="utf-8")
    rows = [l for l in text.splitlines() if l.strip() and not l.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in r.items() if k} for r in reader)


def multi(value: str) -> list[str]:
    """A ``|``-separated cell as a list."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]
