"""Sentences of a stored document's text, as a reader would cut them (quotation marks kept with their sentence)."""
from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge import lines

BOUNDARY = re.compile(r"(?<=[.!?])([\"”’']*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(lines("ask_abbreviations.txt"))


def split(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of ``text``; paragraphs (line breaks) always end a sentence."""
    out: list[tuple[int, int]] = []
    abbr = _abbreviations()
    for para in re.finditer(r"[^\n]+", text):
        base, chunk = para.start(), para.group(0)
        start = 0
        for m in BOUNDARY.finditer(chunk):
            before = chunk[start:m.start()].rstrip("\"”’'")
            last = before.split()[-1] if before.split() else ""
            word = last.rstrip(".!?")
            if last.endswith(".") and (word in abbr or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word)):
                continue
            end = m.start() + len(m.group(1))
            _add(out, base, chunk, start, end)
            start = m.end()
        _add(out, base, chunk, start, len(chunk))
    return out


def _add(out: list, base: int, chunk: str, s: int, e: int) -> None:
    while s < e and chunk[s].isspace():
        s += 1
    while e > s and chunk[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((base + s, base + e))
