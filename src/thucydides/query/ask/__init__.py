"""Answer a question from the stored evidence, cited to the sentence.

``ask(store, "Will Russia and China forge a military alliance?")`` understands the question (``understand``:
actors, PLOVER relation, kind, time), gathers the sentences that concern the pair with a stance each
(``evidence``), weighs them and gives a verdict with a confidence and an explanation citing the items
(``verdict``), and adds the pair's trend. The CLI, the API and the page pass the same parameters.
"""
from __future__ import annotations

from typing import Optional

from ...errors import ThucydidesError
from ..relations import PERIODS, series
from . import evidence as evmod
from . import verdict as vmod
from .understand import Actor, Question, parse_question

VERDICTS = ("yes", "no", "mixed", "insufficient")
STANCES = ("for", "against", "neutral")
KINDS = ("event", "quote", "sentence")

__all__ = ["ask", "format_brief", "parse_question", "Question", "VERDICTS", "AskError"]


class AskError(ThucydidesError):
    """A parameter of ask is not valid."""


def _check(by: str, stance: Optional[str], kind: Optional[str], limit: int, offset: int) -> None:
    if by not in PERIODS:
        raise AskError(f"'by' must be one of {', '.join(PERIODS)}, got {by!r}")
    if stance and stance not in STANCES:
        raise AskError(f"'stance' must be one of {', '.join(STANCES)}, got {stance!r}")
    if kind and kind not in KINDS:
        raise AskError(f"'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    if limit < 1 or offset < 0:
        raise AskError("'limit' must be at least 1 and 'offset' at least 0")


def ask(store, question: str, limit: int = 10, offset: int = 0, as_of: Optional[str] = None,
        since: Optional[str] = None, until: Optional[str] = None, by: str = "month",
        stance: Optional[str] = None, kind: Optional[str] = None) -> dict:
    """A brief answering ``question``: verdict, confidence, explanation, a page of the evidence, the trend."""
    _check(by, stance, kind, limit, offset)
    try:
        q = parse_question(question, as_of=as_of, people=lambda name: person(store, name))
    except ValueError as e:
        raise AskError(f"as_of: {as_of!r} is not a date YYYY-MM-DD ({e})") from None
    q.since = since or q.since
    q.until = until or q.until
    out = {"question": question, "understood": q.understood(), "parsed": q.as_dict(),
           "actors": [a.as_dict() for a in q.actors], "relation": q.relation.as_dict() if q.relation else None,
           "kind": q.kind, "verdict": "insufficient", "confidence": 0.0, "confidence_label": "low",
           "weights": {"for": 0.0, "against": 0.0}, "explanation": "", "evidence": [], "total": 0,
           "counts": {"for": 0, "against": 0, "neutral": 0}, "offset": offset, "limit": limit,
           "filters": {"as_of": q.as_of, "since": q.since, "until": q.until, "by": by, "stance": stance, "kind": kind},
           "trend": None, "message": None}
    missing = []
    if q.kind == "say" and not q.speaker:
        missing.append("who spoke (a country, organisation or person I know)")
    if q.kind != "say" and not q.actors:
        missing.append("one or two actors (countries, organisations or leaders I know)")
    if q.kind != "say" and q.relation is None:
        missing.append("a relation (an attack, sanctions, talks, an agreement, aid, a threat, ...)")
    if missing:
        out["message"] = f"I understood {q.understood()}. To answer I need {' and '.join(missing)}."
        out["explanation"] = out["message"]
        return out
    items = evmod.gather(store, q)
    items = vmod.merge(items)
    items, ref = vmod.weigh(q, items)
    items = vmod.order(items)
    out.update(vmod.decide(q, items))
    out["reference_date"] = ref
    out["explanation"] = vmod.explain(q, items, out, ref)
    out["counts"] = {s: sum(it["stance"] == s for it in items) for s in STANCES}
    shown = [it for it in items if (not stance or it["stance"] == stance) and (not kind or it["kind"] == kind)]
    out["total"] = len(shown)
    out["evidence"] = [_public(it) for it in shown[offset:offset + limit]]
    if len(q.actors) >= 2 and q.kind != "say":
        a, b = (x.code or x.name for x in q.actors[:2])
        trend = series(store, a, b, by=by, since=q.since, until=q.until or q.as_of)
        pts = [p for p in trend["points"]]
        scores = [p["mean_score"] for p in pts if p["mean_score"] is not None]
        out["trend"] = {"by": by, "points": pts, "direction": _direction(scores, len(pts))}
    return out


def person(store, name: str) -> Optional[Actor]:
    """A person the stored articles name, by full name or surname ("Duterte", "Richard Bennett").

    One who holds a government post stands for the country (as leaders of the knowledge base do); anyone else is
    the person, matched by surname in evidence. Several persons of that surname and none in government: the surname.
    """
    words = name.split()
    if not words or (len(words) == 1 and len(name) < 4):
        return None
    rows = store.query("""SELECT r.name, r.country, r.sector, count(DISTINCT a.doc_key) AS docs
                          FROM registry r JOIN actors a USING (registry_id)
                          WHERE r.type = 'PERSON' AND r.merged_into IS NULL
                            AND (lower(r.name) = lower(?) OR lower(r.name) LIKE '% ' || lower(?))
                          GROUP BY ALL ORDER BY docs DESC, r.name""", [name, words[-1]])
    # a person has a given name and a surname: a one-word "person" is most often a group ("Uyghurs")
    rows = [r for r in rows if len(r["name"].split()) >= 2]
    if len(words) > 1:
        rows = [r for r in rows if r["name"].lower() == name.lower()] or \
               [r for r in rows if r["name"].split()[0].lower() == words[0].lower()]
    if not rows:
        return None
    gov = [r for r in rows if r["country"] and r["sector"] == "government"]
    if gov:
        from ... import kb as kbmod

        r = gov[0]
        return Actor(kbmod.load().country_name(r["country"]) or r["country"], code=r["country"], kind="country",
                     via=r["name"])
    if len(rows) == 1:
        return Actor(rows[0]["name"], name=rows[0]["name"], kind="person")
    return Actor(words[-1], name=words[-1], kind="person")


def _public(it: dict) -> dict:
    keep = ("n", "text", "kind", "stance", "weight", "reason", "doc_id", "doc_key", "span", "date", "source", "title",
            "speaker", "role", "speaker_country", "events", "copies", "concerns", "terms", "age_days")
    return {k: it.get(k) for k in keep}


def _direction(scores: list[float], periods: int) -> str:
    if len(scores) < 3:
        return "too few periods with events to tell"
    half = len(scores) // 2
    early, late = sum(scores[:half]) / half, sum(scores[half:]) / (len(scores) - half)
    delta = late - early
    return "improving" if delta > 1.0 else "worsening" if delta < -1.0 else "steady"


def quoted(text: str) -> str:
    """Text between quotation marks, once: text that carries quotation marks of its own is shown as it is."""
    flat = " ".join((text or "").split())
    return flat if any(m in flat for m in "\"“”«»„") else f"\"{flat}\""


def format_brief(brief: dict) -> str:
    """The brief as text for the terminal."""
    out = [f"Q: {brief['question']}", f"Understood: {brief['understood']}"]
    if brief.get("message"):
        out.append(brief["message"])
        return "\n".join(out)
    out.append(f"Verdict: {brief['verdict'].upper()}  (confidence {brief['confidence']:.2f}, {brief['confidence_label']}; "
               f"weight for {brief['weights']['for']}, against {brief['weights']['against']})")
    out.append(f"Why: {brief['explanation']}")
    c = brief["counts"]
    out.append(f"Evidence ({brief['total']} items: {c['for']} for, {c['against']} against, {c['neutral']} neutral; "
               f"showing {brief['offset'] + 1 if brief['evidence'] else 0}-{brief['offset'] + len(brief['evidence'])}):")
    for ev in brief["evidence"]:
        who = ", ".join(x for x in (ev.get("speaker"), ev.get("role")) if x)
        tags = "/".join(sorted({e["type"] + ("(neg)" if e["negated"] else "(hyp)" if e["hypothetical"] else "")
                                for e in ev.get("events") or []}))
        copies = f" +{len(ev['copies'])} copies" if ev.get("copies") else ""
        out.append(f"  [{ev['n']}] {ev['stance']:>7}  {ev['date'] or '-'}  {ev['kind']}{' ' + tags if tags else ''}"
                   f"  {who + ': ' if who else ''}{quoted(ev['text'])}")
        out.append(f"        ({ev['doc_id']} [{ev['span'][0]}:{ev['span'][1]}]{copies}; {ev['reason']})")
    t = brief.get("trend")
    if t and t["points"]:
        pts = ", ".join(f"{p['period']}: {p['events']} ev, {p['mean_score'] if p['mean_score'] is not None else '-'}"
                        for p in t["points"][-6:])
        out.append(f"Trend by {t['by']} ({t['direction']}): {pts}")
    return "\n".join(out)
