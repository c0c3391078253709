"""The actor registry across documents, kept in the store.

Once an article establishes who someone is ("Russian Foreign Minister Sergei Lavrov"),
later articles that say only "Lavrov" link to the same registry entry and inherit its
country and role, with the date of that evidence. Users list and correct entries; a
correction (``corrected``) wins over inference and survives re-ingestion.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Optional

from .model import Document

LINKED_TYPES = ("PERSON", "ORG", "MEDIA", "IGO", "REBEL", "PARTY")


class RegistryError(ValueError):
    pass


def _rid(name: str, typ: str) -> str:
    return "r" + hashlib.sha1(f"{typ}|{name.lower()}".encode("utf-8")).hexdigest()[:10]


def _final(store, rid: str) -> Optional[dict]:
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


def find(store, name: str, typ: str) -> Optional[dict]:
    """The registry entry for a name: exact (case-insensitive), else a unique surname match for people."""
    rows = store.query("SELECT registry_id FROM registry WHERE lower(name) = lower(?) AND type = ?", [name, typ])
    if rows:
        return _final(store, rows[0]["registry_id"])
    if typ == "PERSON" and len(name.split()) == 1:
        rows = store.query(
            "SELECT registry_id FROM registry WHERE type = 'PERSON' AND merged_into IS NULL "
            "AND lower(split_part(name, ' ', -1)) = lower(?) AND name LIKE '% %'", [name])
        if len(rows) == 1:
            return _final(store, rows[0]["registry_id"])
    return None


def discover(store, doc: Document) -> None:
    """Find people the registry knows but this text names only by surname ("Seitkali said ...").

    Title-case proper nouns outside every resolved mention are looked up by surname; a unique
    registry person becomes an actor of the document with those mentions.
    """
    # a lone unknown surname is often mistaken for an organisation by the tagger ("Seitkali said"):
    # such one-word, unknown "organisations" do not block the look-up
    from . import kb as kbmod

    forms = kbmod.load().forms
    weak = {a.id for a in doc.actors if a.type == "ORG" and " " not in a.name and a.name not in forms}
    taken = [(s, e) for a in doc.actors if a.id not in weak for s, e in a.mentions]
    cands: dict[str, list] = {}
    for s0, e0 in doc.meta.get("proper_nouns", ()):
        if not any(s <= s0 < e for s, e in taken):
            cands.setdefault(doc.text[s0:e0].lower(), []).append((s0, e0))
    if not cands:
        return
    rows = store.query("""SELECT lower(split_part(name, ' ', -1)) AS surname, list(registry_id) AS ids
                          FROM registry WHERE type = 'PERSON' AND merged_into IS NULL AND name LIKE '% %'
                          AND lower(split_part(name, ' ', -1)) IN (SELECT unnest(?)) GROUP BY 1""", [list(cands)])
    from .model import Actor

    for r in rows:
        if len(r["ids"]) != 1:
            continue  # two known people share the surname: not guessed
        row = _final(store, r["ids"][0])
        if row is None:
            continue
        existing = next((a for a in doc.actors if a.type == "PERSON" and a.name.lower() == row["name"].lower()), None)
        actor = existing or Actor(id=f"a{len(doc.actors) + 1}", name=row["name"], type="PERSON")
        if existing is None:
            doc.actors.append(actor)
        spans = set(cands[r["surname"]])
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
        doc.meta["mentions"] = [m for m in doc.meta.get("mentions", []) if (m[0], m[1]) not in spans] + \
            [(s, e, actor.id, "surname") for s, e in spans]
    doc.meta.get("mentions", []).sort()
    doc.actors = [a for a in doc.actors if a.mentions]


def link(store, doc: Document) -> None:
    """Give each person/organisation actor of ``doc`` its registry id; fill gaps from, and add evidence to, the registry."""
    discover(store, doc)
    date = doc.published
    for a in doc.actors:
        if a.type not in LINKED_TYPES:
            continue
        row = find(store, a.name, a.type)
        if row is None:
            rid = _rid(a.name, a.type)
            if not store.query("SELECT 1 FROM registry WHERE registry_id = ?", [rid]):
                store.con.execute(
                    "INSERT INTO registry (registry_id, name, type, country, sector, role, evidence_date, evidence_doc)"
                    " VALUES (?,?,?,?,?,?,?,?)", [rid, a.name, a.type, a.country, a.sector, a.role, date, doc.id])
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
        stated = a.id in doc.meta.get("described", ())
        newer = date and (row["evidence_date"] is None or str(row["evidence_date"]) <= date)
        if stated and (a.country or a.role) and (newer or not (row["country"] or row["role"])):
            store.con.execute("UPDATE registry SET country = ?, role = ?, sector = ?, evidence_date = ?, evidence_doc = ?"
                              " WHERE registry_id = ?",
                              [a.country, a.role, a.sector, date, doc.id, row["registry_id"]])


def list_actors(store, name: Optional[str] = None, limit: int = 100) -> list[dict]:
    sql = """SELECT r.registry_id, r.name, r.type, r.country, r.sector, r.role, r.evidence_date, r.corrected,
                    count(DISTINCT a.doc_key) AS documents
             FROM registry r LEFT JOIN actors a ON a.registry_id = r.registry_id
             WHERE r.merged_into IS NULL {where}
             GROUP BY ALL ORDER BY documents DESC, r.name LIMIT ?"""
    if name:
        from .search import contains

        return store.query(sql.format(where="AND r.name ILIKE ? ESCAPE '\\'"), [contains(name), limit])
    return store.query(sql.format(where=""), [limit])


def _require(store, rid: str) -> dict:
    row = _final(store, rid)
    if row is None:
        raise RegistryError(f"no actor with registry id {rid!r} (see 'thucydides actors')")
    return row


def _propagate(store, rid: str) -> None:
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
