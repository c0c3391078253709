"""The actor registry across documents, kept in the store.

Once an article establishes who someone is ("Russian Foreign Minister Sergei Lavrov"),
later articles that say only "Lavrov" link to the same registry entry and inherit its
country and role, with the date of that evidence. Users list and correct entries; a
correction (``corrected``) wins over inference and survives re-ingestion.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
import unicodedata
from typing import Iterable, Iterator, Optional

from .. import kb as kbmod
from ..errors import RegistryError
from ..model import Actor, Document
from ..sql import contains

LINKED_TYPES = ("PERSON", "ORG", "MEDIA", "IGO", "REBEL", "PARTY", "GROUP")




def _rid(name: str, typ: str, country: Optional[str] = None) -> str:
    """A registry id: people by name; organisations by name and country (never pooled across countries)."""
    key = f"{typ}|{name.lower()}" if typ == "PERSON" or country is None else f"{typ}|{name.lower()}|{country}"
    return "r" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "prof"}
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "abu", "du", "dos", "del"}


def _norm_words(name: str) -> list[str]:
    """A person's name as comparable words: accents, apostrophes, hyphens and honorifics do not count
    ("António Guterres" = "Antonio Guterres", "al-Rufay’i" = "al-Rufay'i" = "al Rufayi")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`]", "", text)
    words = [w for w in re.split(r"[\s\-.]+", text) if w]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return words


def _variant_key(name: str) -> Optional[str]:
    """First and last name, particles left out: "Mohammed Shia al-Sudani" and "Mohammed al-Sudani" share it."""
    words = [w for w in _norm_words(name) if w not in PARTICLES]
    return f"{words[0]} {words[-1]}" if len(words) > 1 else None


def _final(store, rid: str) -> Optional[dict]:
    """The registry row for ``rid``, following merges (SQL; used by the user-facing commands)."""
    seen = set()
    while rid and rid not in seen:
        seen.add(rid)
        rows = store.query("SELECT * FROM registry WHERE registry_id = ?", [rid])
        if not rows:
            return None
        if rows[0]["merged_into"]:
            rid = rows[0]["merged_into"]
            continue
        return rows[0]
    return None


def _surname(name: str) -> Optional[str]:
    """The last word of a person's name; none for a person known only by a description ("Albanian prime
    minister": "minister" is no surname)."""
    parts = name.split()
    if len(parts) < 2 or parts[-1].lower() in kbmod.load().roles or name[:1].islower():
        return None
    return parts[-1].lower()


class Registry:
    """The registry in memory: look-ups without a query per actor. New and changed entries are kept
    as ``dirty`` until a store writes them in the same transaction as the documents that made them
    (``Store.add_many(docs, registry=...)``). ``Registry()`` is an empty one (``thucydides analyze``);
    ``Registry.from_store(store)`` reads a store's table."""

    COLUMNS = ("registry_id", "name", "type", "country", "sector", "role", "evidence_date", "evidence_doc",
               "corrected", "merged_into")

    def __init__(self, rows: Iterable[dict] = ()):
        self.rows: dict[str, dict] = {r["registry_id"]: r for r in rows}
        self.by_name: dict[tuple[str, str], str] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.by_variant: dict[str, set[str]] = {}  # a person's first + last name (normalised) -> ids
        for r in self.rows.values():
            self._index(r)
        self.dirty: set[str] = set()

    @classmethod
    def from_store(cls, store) -> "Registry":
        return cls(store.query(f"SELECT {', '.join(cls.COLUMNS)} FROM registry"))

    def _index(self, r: dict) -> None:
        if r["type"] == "PERSON":
            self.by_name.setdefault((r["name"].lower(), r["type"]), r["registry_id"])
        else:
            self.by_name.setdefault((r["name"].lower(), r["type"], r.get("country")), r["registry_id"])
        sn = _surname(r["name"]) if r["type"] == "PERSON" and not r["merged_into"] else None
        if sn:
            self.by_surname.setdefault(sn, set()).add(r["registry_id"])
            for w in {_norm_words(r["name"])[-1]} - {sn}:
                self.by_surname.setdefault(w, set()).add(r["registry_id"])
            v = _variant_key(r["name"])
            if v:
                self.by_variant.setdefault(v, set()).add(r["registry_id"])

    def final(self, rid: Optional[str]) -> Optional[dict]:
        seen = set()
        while rid and rid not in seen and rid in self.rows:
            seen.add(rid)
            r = self.rows[rid]
            if not r["merged_into"]:
                return r
            rid = r["merged_into"]
        return None

    def find(self, name: str, typ: str, country: Optional[str] = None) -> Optional[dict]:
        """People: the exact name (case-insensitive), else a unique entry with the same first and last name
        written another way ("Antonio Guterres", "Mohammed al-Sudani"), else, for a one-word name, a unique
        surname. Organisations: the same name and the same country (none = none): an organisation is never
        merged across countries."""
        if typ != "PERSON":
            rid = self.by_name.get((name.lower(), typ, country))
            return self.final(rid) if rid else None
        rid = self.by_name.get((name.lower(), typ))
        if rid:
            return self.final(rid)
        words = _norm_words(name)
        if len(words) > 1:
            ids = {i for i in self.by_variant.get(_variant_key(name) or "", set()) if self.final(i)}
            finals = {self.final(i)["registry_id"] for i in ids}
            if len(finals) == 1:
                return self.final(next(iter(finals)))
            return None
        if words:
            ids = self.by_surname.get(name.lower(), set()) | self.by_surname.get(words[-1], set())
            finals = {self.final(i)["registry_id"] for i in ids if self.final(i)}
            if len(finals) == 1:
                return self.final(next(iter(finals)))
        return None

    def surname_matches(self, surnames) -> dict[str, list[str]]:
        return {sn: sorted(self.by_surname[sn]) for sn in surnames if sn in self.by_surname}

    def put(self, row: dict) -> None:
        row = {c: row.get(c) for c in self.COLUMNS}
        row["corrected"] = bool(row["corrected"])
        self.rows[row["registry_id"]] = row
        self._index(row)
        self.dirty.add(row["registry_id"])

    def take_dirty(self) -> list[dict]:
        """The new and changed entries since the last call (for the store to write), in id order."""
        rows = [self.rows[rid] for rid in sorted(self.dirty)]
        self.dirty.clear()
        return rows


def _covered(spans: list[tuple[int, int]]):
    """A test whether an offset lies in one of ``spans`` (``s <= pos < e``): a bisect over the starts and the
    running furthest end, instead of a scan of every span per offset."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach, furthest = [], -1
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos)  # spans[:i] start at or before pos
        return i > 0 and reach[i - 1] > pos

    return inside


def discover(reg: Registry, doc: Document) -> None:
    """Find people the registry knows but this text names only by surname ("Seitkali said ...").

    Title-case proper nouns outside every resolved mention are looked up by surname; a unique
    registry person becomes an actor of the document with those mentions.
    """
    # a lone unknown surname is often mistaken for an organisation by the tagger ("Seitkali said"):
    # such one-word, unknown "organisations" do not block the look-up
    forms = kbmod.load().forms
    weak = {a.id for a in doc.actors if a.type == "ORG" and " " not in a.name and a.name not in forms}
    inside = _covered([(s, e) for a in doc.actors if a.id not in weak for s, e in a.mentions])
    cands: dict[str, list] = {}
    for s0, e0 in doc.state.proper_nouns:
        if not inside(s0):
            cands.setdefault(doc.text[s0:e0].lower(), []).append((s0, e0))
    if not cands:
        return
    for surname, ids in reg.surname_matches(cands).items():
        if len(ids) != 1:
            continue  # two known people share the surname: not guessed
        row = reg.final(ids[0])
        if row is None:
            continue
        existing = next((a for a in doc.actors if a.type == "PERSON" and a.name.lower() == row["name"].lower()), None)
        actor = existing or Actor(id=f"a{len(doc.actors) + 1}", name=row["name"], type="PERSON")
        if existing is None:
            doc.actors.append(actor)
        spans = set(cands[surname])
        for span in spans:
            actor.mentions.append(span)
        for a in doc.actors:
            if a.id in weak:
                a.mentions = [m for m in a.mentions if m not in spans]
                if not a.mentions:  # the "organisation" was this person: quotes and events follow
                    for q in doc.quotes:
                        q.speaker = actor.id if q.speaker == a.id else q.speaker
                    for ev in doc.events:
                        ev.source = [actor.id if x == a.id else x for x in ev.source]
                        ev.target = [actor.id if x == a.id else x for x in ev.target]
        doc.state.mentions = [m for m in doc.state.mentions if (m[0], m[1]) not in spans] + \
            [(s, e, actor.id, "surname") for s, e in spans]
    doc.state.mentions.sort()
    doc.actors = [a for a in doc.actors if a.mentions]


def link(reg: Registry, doc: Document) -> None:
    """Give each person/organisation actor of ``doc`` its registry id; fill gaps from, and add evidence to, the registry."""
    discover(reg, doc)
    date = doc.published
    for a in doc.actors:
        if a.type not in LINKED_TYPES:
            continue
        row = reg.find(a.name, a.type, a.country)
        if row is None:
            rid = _rid(a.name, a.type, a.country)
            if rid not in reg.rows:
                reg.put({"registry_id": rid, "name": a.name, "type": a.type, "country": a.country, "sector": a.sector,
                         "role": a.role, "evidence_date": date, "evidence_doc": doc.id})
            a.registry_id = rid
            continue
        a.registry_id = row["registry_id"]
        if row["corrected"]:
            a.name, a.country, a.role, a.sector = row["name"], row["country"], row["role"], row["sector"] or a.sector
            continue
        if len(a.name.split()) < len(row["name"].split()):
            a.name = row["name"]
        a.country = a.country or row["country"]
        a.role = a.role or row["role"]
        a.sector = a.sector or row["sector"]
        # only what this text states about the actor is evidence (not what was filled in from elsewhere)
        stated = a.id in doc.state.described
        newer = date and (row["evidence_date"] is None or str(row["evidence_date"]) <= date)
        if stated and (a.country or a.role) and (newer or not (row["country"] or row["role"])):
            reg.put({**row, "country": a.country, "role": a.role, "sector": a.sector, "evidence_date": date,
                     "evidence_doc": doc.id})
    for a in doc.actors:  # the code follows what the registry filled in
        if a.country and not (a.code or "").startswith(a.country) or a.code is None:
            a.code = kbmod.actor_code(a.country, a.sector, a.type, a.code if a.type in ("IGO", "REBEL") else None)


def link_all(items: Iterable, reg: Registry) -> Iterator:
    """The linking stage over a stream of analysed items: each Document is linked in turn (Failures pass)."""
    for item in items:
        if isinstance(item, Document):
            link(reg, item)
        yield item


def list_actors(store, name: Optional[str] = None, limit: int = 100, country: Optional[str] = None,
                role: Optional[str] = None, type: Optional[str] = None) -> list[dict]:
    """Registry entries (merged ones excluded), most documents first. Filters: words in the ``name``, a
    ``country`` code or name, words in the ``role``, an actor ``type``. ``first_seen``: the earliest
    publication date of a document naming the actor (``evidence_date`` is that of the latest evidence)."""
    from ..query import params as check

    name, role, type = check.text(name, "name"), check.text(role, "role"), check.text(type, "type")
    limit = check.limit(limit)
    where, params = [], []
    if name:
        where.append("r.name ILIKE ? ESCAPE '\\'")
        params.append(contains(name))
    if country is not None:
        code = check.country(country)
        if code:
            where.append("r.country = ?")
            params.append(code)
    if role:
        where.append("r.role ILIKE ? ESCAPE '\\'")
        params.append(contains(role))
    if type:
        where.append("r.type = ?")
        params.append(type.upper())
    sql = f"""SELECT r.registry_id, r.name, r.type, r.country, r.sector, r.role, r.evidence_date, r.corrected,
                     count(DISTINCT a.doc_key) AS documents, min(d.published) AS first_seen,
                     mode(a.code) AS code
              FROM registry r LEFT JOIN actors a ON a.registry_id = r.registry_id
                   LEFT JOIN documents d ON d.doc_key = a.doc_key
              WHERE r.merged_into IS NULL {''.join(' AND ' + w for w in where)}
              GROUP BY ALL ORDER BY documents DESC, r.name LIMIT ?"""
    rows = store.query(sql, params + [limit])
    for r in rows:  # the code follows the registry's country and sector (documents may have said otherwise)
        if r["country"] and not (r["code"] or "").startswith(r["country"]) or not r["sector"]:
            r["code"] = kbmod.actor_code(r["country"], r["sector"], r["type"], r["code"])
    return rows


def _require(store, rid: str) -> dict:
    row = _final(store, rid)
    if row is None:
        raise RegistryError(f"no actor with registry id {rid!r} (see 'thucydides actors')")
    return row


def _propagate(store, rid: str) -> None:
    store._registry = None  # a registry read before this correction no longer matches the table
    row = _require(store, rid)
    ids = [r["registry_id"] for r in store.query(
        "SELECT registry_id FROM registry WHERE registry_id = ? OR merged_into = ?", [rid, rid])]
    for old in ids:
        store.con.execute("UPDATE actors SET registry_id = ?, name = ?, country = ?, role = ?, sector = coalesce(?, sector)"
                          " WHERE registry_id = ?", [rid, row["name"], row["country"], row["role"], row["sector"], old])
    store.con.execute("""UPDATE quotes SET speaker_name = a.name, speaker_role = a.role, speaker_country = a.country
                         FROM actors a WHERE a.doc_key = quotes.doc_key AND a.actor_id = quotes.speaker
                         AND a.registry_id = ?""", [rid])


def merge(store, keep: str, other: str) -> dict:
    """Merge registry entry ``other`` into ``keep``; documents linked to ``other`` now point at ``keep``."""
    a, b = _require(store, keep), _require(store, other)
    if a["registry_id"] == b["registry_id"]:
        raise RegistryError(f"{keep} and {other} are already the same actor")
    store.con.execute("UPDATE registry SET merged_into = ? WHERE registry_id = ? OR merged_into = ?",
                      [a["registry_id"], b["registry_id"], b["registry_id"]])
    store.con.execute("UPDATE registry SET country = coalesce(country, ?), role = coalesce(role, ?), corrected = TRUE"
                      " WHERE registry_id = ?", [b["country"], b["role"], a["registry_id"]])
    _propagate(store, a["registry_id"])
    return _require(store, a["registry_id"])


def correct(store, rid: str, name: Optional[str] = None, country: Optional[str] = None,
            role: Optional[str] = None, sector: Optional[str] = None) -> dict:
    """Set fields of a registry entry by hand; the correction wins over inference from now on."""
    row = _require(store, rid)
    if country is not None and not (len(country) == 3 and country.isalpha()):
        raise RegistryError(f"country must be a 3-letter code such as RUS, got {country!r}")
    store.con.execute(
        "UPDATE registry SET name = coalesce(?, name), country = coalesce(?, country), role = coalesce(?, role),"
        " sector = coalesce(?, sector), corrected = TRUE, evidence_date = ? WHERE registry_id = ?",
        [name, country.upper() if country else None, role, sector, dt.date.today(), row["registry_id"]])
    _propagate(store, row["registry_id"])
    return _require(store, row["registry_id"])
