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
    leader_offices: dict[str, list[tuple[str, str, Entry]]] = field(default_factory=dict)  # name -> (since, until, entry)
    orgs: dict[str, Entry] = field(default_factory=dict)  # code -> entry
    org_forms: dict[str, list[str]] = field(default_factory=dict)  # code -> the aliases the list gives it
    org_before: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # code -> (type, sector, until date)
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
    """A form as written, and for "the X" also "The X" and (when X has several words) bare "X"; for "al-X" (the
    Arabic article) also "Al-X", as it is written at the start of a sentence."""
    out = [v]
    if v.startswith(("al-", "al ")):
        out.append("A" + v[1:])
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
        before = multi(r.get("before") or "")
        if len(before) == 3:
            kb.org_before[r["code"]] = (before[0], before[1], before[2])
        kb.org_forms[r["code"]] = multi(r.get("aliases", ""))
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
        kb.leader_offices.setdefault(r["name"], []).append((r.get("since") or "", r.get("until") or "", e))
        for v in [r["name"]] + multi(r.get("aliases", "")):
            kb.leaders.setdefault(v, e)
    return kb


def leader_as_of(entry: Entry, date: Optional[str]) -> Entry:
    """A person of leaders.tsv in the office he or she held on ``date`` (rows with ``since``/``until``): Mark
    Rutte is the Dutch prime minister in 2019 and NATO's secretary-general in 2025. Without a date, or with no
    row covering it, the first row (the current office) stands; before a person's first dated office, the
    country alone."""
    offices = load().leader_offices.get(entry.name, [])
    if not date or len(offices) < 2 and not (offices and offices[0][0]):
        return entry
    date = str(date)[:10]
    for since, until, e in offices:
        if (not since or since <= date) and (not until or date < until):
            return e
    earliest = min((since for since, _, _ in offices if since), default="")
    if earliest and date < earliest:
        first = min(offices, key=lambda o: o[0] or "9999")[2]
        return Entry("leader", entry.name, entry.name, "PERSON", None, first.country, None, entry.gender)
    return entry


# ------------------------------------------------------------------ Phoenix / PETRARCH-2 (lazily built)
#
# data/phoenix_actors.tsv and data/phoenix_agents.tsv (tools/kb/convert_phoenix.py; Open Event Data Alliance,
# MIT licence) are indexed on first use only, so runs that never miss the project's own lists pay nothing.
# The project's lists win: they are looked up first, and for articles after PHOENIX_END (when the Phoenix
# files stop) an office the Phoenix files give with an open end is not taken as current.

PHOENIX_END = "2014-12-31"
_PHOENIX = {"enabled": None}


def phoenix_enabled() -> bool:
    if _PHOENIX["enabled"] is None:
        from .settings import load as load_settings

        _PHOENIX["enabled"] = bool(load_settings().phoenix)
    return bool(_PHOENIX["enabled"])


def set_phoenix(enabled: bool) -> None:
    """Use the Phoenix knowledge base (True) or only the project's lists (False), for this process."""
    _PHOENIX["enabled"] = bool(enabled)


@dataclass
class Phoenix:
    actors: dict[str, list[tuple]]  # lower-cased form -> rows (form, canonical, code, country, sector, start, end, kind)
    agents: dict[str, tuple[str, str]]  # noun (lower case) -> (project sector or "", CAMEO code)
    max_words: int = 1


@lru_cache(maxsize=1)
def sectors() -> dict[str, tuple[str, Optional[str]]]:
    """Sector word -> (CAMEO code element, project sector or None), from data/sectors.tsv."""
    return {r["sector"]: (r["code"], r.get("project") or None) for r in table("sectors.tsv")}


def project_sector(sector: Optional[str]) -> Optional[str]:
    """A Phoenix sector in the project's words ("armed" -> "rebels", "elite" -> None)."""
    if not sector:
        return None
    return sectors().get(sector, (None, sector))[1]


def _data_lines(name: str):
    from .knowledge import path

    header = None
    with path(name).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            if header is None:
                header = c
                continue
            yield c


@lru_cache(maxsize=1)
def phoenix() -> Phoenix:
    """The Phoenix index, built once (plain tuples, repeated cells interned: see tools/kb/README.md)."""
    import sys

    intern = sys.intern
    index: dict[str, list[tuple]] = {}
    longest = 1
    for c in _data_lines("phoenix_actors.tsv"):
        c += [""] * (8 - len(c))
        row = (c[0], intern(c[1]), intern(c[2]), intern(c[3]), intern(c[4]), intern(c[5]), intern(c[6]), intern(c[7]))
        index.setdefault(c[0].lower(), []).append(row)
        longest = max(longest, c[0].count(" ") + 1)
    agents = dict(project_agents())
    for c in _data_lines("phoenix_agents.tsv"):
        noun, sector, code = c[0].lower(), c[1], c[2]
        agents.setdefault(noun, (project_sector(sector) or "", intern(code)))
    return Phoenix(index, agents, longest)


@lru_cache(maxsize=1)
def project_agents() -> dict[str, tuple[str, str]]:
    """The project's own generic agent nouns (data/agents.tsv): noun -> (sector, CAMEO code)."""
    return {r["noun"].lower(): (project_sector(r["sector"]) or "", r["code"]) for r in table("agents.tsv")}


def _covers(row: tuple, date: str) -> bool:
    return bool(row[5] or row[6]) and (not row[5] or row[5] <= date) and (not row[6] or date <= row[6])


def phoenix_rows(form: str, kinds=("person",)) -> list[tuple]:
    """Phoenix rows for a form as written (one-word forms must be capitalised in the text)."""
    if not phoenix_enabled() or not form:
        return []
    rows = phoenix().actors.get(form.lower(), [])
    if " " not in form and not form[:1].isupper():
        return []
    if len(form) <= 3 and form.isupper():
        rows = [r for r in rows if r[0].isupper()]
    return [r for r in rows if r[7] in kinds]


def as_of(rows: list[tuple], date: Optional[str]) -> Optional[tuple]:
    """The row that applies on ``date`` (PETRARCH's rule: a dated row covering the date, else the undated
    fallback). After PHOENIX_END an open-ended office is not taken as current (the files stop in 2014), and
    without a date the latest office is taken."""
    if not rows:
        return None
    canon = rows[0][1]
    mine = [r for r in rows if r[1] == canon] if len({r[1] for r in rows}) > 1 else rows
    if date:
        date = date[:10]
        cover = [r for r in mine if _covers(r, date) and not (date > PHOENIX_END and not r[6])]
        if cover:
            return max(cover, key=lambda r: r[5] or "")
    else:
        dated = [r for r in mine if r[5] or r[6]]
        if dated:
            return max(dated, key=lambda r: (not r[6], r[6], r[5]))
    fallback = [r for r in mine if not (r[5] or r[6])]
    if fallback:
        return fallback[0]
    # only dated rows, none covering: the person's country (the latest row that names one), no office
    with_country = [r for r in mine if r[3]] or mine
    r = max(with_country, key=lambda r: r[6] or "9999")
    return (r[0], r[1], r[3], r[3], "", "", "", r[7])


def phoenix_person(name: str, date: Optional[str]) -> Optional[Entry]:
    """A named person known to the Phoenix files, with country and sector as of ``date``."""
    rows = phoenix_rows(name, ("person",))
    if not rows or len(name.split()) < 2:
        return None
    r = as_of(rows, date)
    if r is None:
        return None
    canonical = r[1]
    words = canonical.split()
    roles = load().roles
    for k in range(len(words) - 1, 0, -1):  # "Secretary-general Ban Ki-moon": the name without the title
        if " ".join(words[:k]).lower() in roles:
            canonical = " ".join(words[k:])
            break
    return Entry("leader", canonical, canonical, "PERSON", project_sector(r[4]), r[3] or None, None, None)


def phoenix_org(name: str, date: Optional[str]) -> Optional[Entry]:
    """A state body, international organisation or armed or other group known to the Phoenix files."""
    rows = phoenix_rows(name, ("body", "group"))
    r = as_of(rows, date) if rows else None
    if r is None:
        return None
    code, sector = r[2], project_sector(r[4])
    typ = ("IGO" if code.startswith("IGO") else "REBEL" if sector == "rebels"
           else "MEDIA" if sector == "media" else "PARTY" if code[3:6] == "PTY" else "ORG")
    return Entry("org", code, r[1], typ, sector, r[3] or None)


def phoenix_org_code(names: list[str]) -> Optional[str]:
    """The Phoenix code of an organisation of no one country (IGOUNO, IMGMUSISI, NGOHLHMSF, MNC...) under the
    first of its names that the Phoenix files list with such a code, whatever the date (the code is what the
    organisation is, not an office). Names of three letters or fewer are too ambiguous to look up."""
    for name in names:
        if len(name) <= 3:
            continue
        for r in phoenix_rows(name, ("body", "group")):
            if r[2].startswith(("IGO", "IMG", "NGO", "MNC")):
                return r[2]
    return None


def phoenix_place(name: str) -> Optional[str]:
    """The country of a place the Phoenix Countries file names (cities, provinces: "Quetta" -> PAK)."""
    rows = phoenix_rows(name, ("country",))
    return rows[0][3] or None if rows else None


def agent(noun: str) -> Optional[tuple[str, str]]:
    """A generic agent noun ("police", "prosecutors", "government forces") -> (sector, CAMEO code)."""
    if not phoenix_enabled():
        return project_agents().get(noun.lower())
    return phoenix().agents.get(noun.lower())


@lru_cache(maxsize=1)
def agents_abroad() -> frozenset[str]:
    """Agent nouns for people who serve in other countries (data/agents.tsv, abroad = yes)."""
    return frozenset(r["noun"].lower() for r in table("agents.tsv") if r.get("abroad") == "yes")


def agent_nouns() -> list[str]:
    """Every generic agent noun in use (the project's, and the Phoenix files' when enabled)."""
    return list(phoenix().agents) if phoenix_enabled() else list(project_agents())


def actor_code(country: Optional[str], sector: Optional[str], typ: str, org_code: Optional[str] = None) -> Optional[str]:
    """ICEWS/Phoenix-style code: country + sector element (RUSGOV, USAMIL, PAKCOP); IGO codes for IGOs."""
    if org_code and org_code.startswith(("IGO", "NGO", "MNC", "IMG")):
        return org_code
    if typ == "GROUP" and org_code and org_code == country:
        return country  # a bloc of states ("European countries": EUR), not one government
    element = sectors().get(sector or "", (None,))[0]
    if typ == "IGO" or sector == "igo":
        return (country or "") + "IGO" if country else "IGO"
    if typ == "COUNTRY" or (typ == "GROUP" and not element):
        return country
    if country:
        return country + (element or "")
    if sector == "ngo":
        return "NGO"
    if sector == "business":
        return "MNC"
    return element


def org_as_of(entry: Entry, date: Optional[str]) -> Entry:
    """An organisation of the project's list as it was at the article's date ("before" in organisations.tsv):
    the Taliban are an armed group in 2020 and Afghanistan's government in 2024."""
    if entry.kind != "org" or not date:
        return entry
    before = load().org_before.get(entry.code)
    if before is None or str(date)[:10] >= before[2]:
        return entry
    return Entry(entry.kind, entry.code, entry.name, before[0], before[1], entry.country, entry.role, entry.gender)
