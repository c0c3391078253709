"""The knowledge base: countries, organisations, roles and leaders, loaded from ``data/*.tsv``.

Everything here is data read from files under the package; this module only indexes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .knowledge import multi, table


@dataclass(frozen=True)
class Entry:
    """One surface form's meaning."""

    kind: str  # country | adjective | capital | seat | org | leader
    code: str  # ISO alpha-3 for countries; organisation code; leader name
    name: str  # canonical name
    type: str = "COUNTRY"  # actor type
    sector: Optional[str] = None
    country: Optional[str] = None
    role: Optional[str] = None
    gender: Optional[str] = None


@dataclass
class KB:
    countries: dict[str, dict] = field(default_factory=dict)  # code -> row
    forms: dict[str, list[Entry]] = field(default_factory=dict)  # surface (as written) -> entries
    lower_forms: dict[str, list[Entry]] = field(default_factory=dict)  # lower-case surface for groups
    roles: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # phrase -> (role, sector, rank)
    leaders: dict[str, Entry] = field(default_factory=dict)  # full name or alias -> entry
    orgs: dict[str, Entry] = field(default_factory=dict)  # code -> entry
    role_names: set[str] = field(default_factory=set)

    def country_name(self, code: Optional[str]) -> Optional[str]:
        row = self.countries.get(code or "")
        return row["name"] if row else None

    def country_of(self, surface: str) -> Optional[str]:
        """Country code for a country name, adjective, capital or seat as written (also with 's)."""
        s = surface.strip()
        for cand in (s, s[:-2] if s.endswith(("'s", "’s")) else None, s[4:] if s.lower().startswith("the ") else None):
            if cand:
                for e in self.forms.get(cand, ()):
                    if e.kind in ("country", "adjective", "capital", "seat"):
                        return e.code
        return None


def _variants(v: str) -> list[str]:
    """A form as written, and for "the X" also "The X" and (when X has several words) bare "X"."""
    out = [v]
    if v.startswith(("the ", "The ")):
        rest = v[4:]
        out.append(("The " if v[0] == "t" else "the ") + rest)
        if len(rest.split()) > 1:
            out.append(rest)
    return out


def _add(index: dict, surface: str, entry: Entry) -> None:
    if surface:
        lst = index.setdefault(surface, [])
        if entry not in lst:
            lst.append(entry)


@lru_cache(maxsize=1)
def load() -> KB:
    kb = KB()
    for r in table("countries.tsv"):
        code, name = r["code"], r["name"]
        kb.countries[code] = r
        for kind, values in (("country", [name] + multi(r.get("aliases", ""))),
                             ("adjective", multi(r.get("adjectives", ""))),
                             ("capital", multi(r.get("capitals", ""))),
                             ("seat", multi(r.get("seats", "")))):
            sector = "government" if kind in ("capital", "seat") else None
            for v in values:
                e = Entry(kind, code, name, "COUNTRY", sector, code)
                for form in _variants(v):
                    _add(kb.forms, form, e)
    for r in table("organisations.tsv"):
        typ = r.get("type") or "ORG"
        e = Entry("org", r["code"], r["name"], typ, r.get("sector") or None, r.get("country") or None)
        kb.orgs[r["code"]] = e
        for v in [r["name"]] + multi(r.get("aliases", "")):
            for form in _variants(v):
                _add(kb.forms, form, e)
            # collective references ("Western countries") match in any case, but only multi-word ones
            # that do not start with "the" ("the West" must stay capitalised: "the west of Kharkiv")
            if typ == "GROUP" and len(v.split()) > 1 and not v.lower().startswith("the "):
                _add(kb.lower_forms, v.lower(), e)
    for r in table("roles.tsv"):
        try:
            rank = int(r.get("rank") or 1)
        except ValueError:
            rank = 1
        kb.roles[r["phrase"].lower()] = (r["role"], r.get("sector") or "government", rank)
        kb.role_names.add(r["role"])
    for r in table("leaders.tsv"):
        e = Entry("leader", r["name"], r["name"], "PERSON", r.get("sector") or "government",
                  r.get("country") or None, r.get("role") or None, r.get("gender") or None)
        for v in [r["name"]] + multi(r.get("aliases", "")):
            kb.leaders.setdefault(v, e)
    return kb
