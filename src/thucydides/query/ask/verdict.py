"""Weighing the evidence: one item per sentence (syndicated copies merged), weights for directness, recency,
independent sources and speaker authority, a verdict with a confidence and an explanation citing the items."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .understand import Question

HALF_LIFE_DAYS = 180  # evidence this much older than the question's date (or the newest evidence) counts half
SOURCE_BONUS, SOURCE_CAP = 0.25, 1.5  # each further independent source adds a quarter, at most half again
AUTHORITY = 1.25  # an official of one of the pair speaking
ENOUGH = 0.4  # less weight than this on both sides together: insufficient
UNFOCUSED = 0.4  # an item not naming the question's topic when others do
MIXED_RATIO = 0.6  # the weaker side at least this share of the stronger: mixed


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def merge(items: list[dict]) -> list[dict]:
    """One item per distinct sentence: copies (the same words in other articles) become its further sources."""
    out: dict[str, dict] = {}
    for it in items:
        key = _norm(it["text"])
        if key in out:
            first = out[key]
            if it["doc_id"] not in first["copies"] and it["doc_id"] != first["doc_id"]:
                first["copies"].append(it["doc_id"])
                if it.get("source") and it["source"] not in first["outlets"]:
                    first["outlets"].append(it["source"])
            continue
        it["copies"] = []
        it["outlets"] = [it["source"]] if it.get("source") else []
        out[key] = it
    return list(out.values())


def weigh(q: Question, items: list[dict]) -> tuple[list[dict], Optional[str]]:
    """Final weights in place; items dated after the question's date are left out. Returns (items, reference date)."""
    if q.as_of:
        items = [it for it in items if not it["date"] or it["date"] <= q.as_of]
    if q.until:
        items = [it for it in items if not it["date"] or it["date"] <= q.until]
    # when some evidence names what the question is about ("energy infrastructure"), evidence that does not is
    # about something else and counts for less again (unless its article names the topic: "the bombing" there)
    specific = bool(q.topic) and any(it["stance"] != "neutral" and it["topic_hits"] for it in items)
    topical = {it["doc_key"] for it in items if it["topic_hits"]}
    dates = [it["date"] for it in items if it["date"]]
    ref = q.as_of or (max(dates) if dates else None)
    for it in items:
        w = it["weight"]
        age = (date.fromisoformat(ref) - date.fromisoformat(it["date"])).days if ref and it["date"] else 0
        # whether something was done once ("Did Israel strike Iran?") does not fade; a state or an intention does
        recency = 1.0 if q.past else 0.5 ** (max(age, 0) / HALF_LIFE_DAYS)
        sources = min(SOURCE_CAP, 1 + SOURCE_BONUS * len(it.get("copies", [])))
        authority = AUTHORITY if it.get("speaker_is") and it.get("role") else 1.0
        focus = UNFOCUSED if specific and not it["topic_hits"] and it["doc_key"] not in topical else 1.0
        it["weight"] = round(w * recency * sources * authority * focus, 3)
        it["age_days"] = age
    return items, ref


def order(items: list[dict]) -> list[dict]:
    """Decisive items first (heaviest first), then the rest by date, newest first; numbered for citation."""
    # an item whose other side is only named elsewhere in its article comes after those that name the pair
    decisive = sorted((it for it in items if it["stance"] != "neutral"),
                      key=lambda x: (x.get("context") == "article", -x["weight"], x["doc_id"]))
    rest = sorted((it for it in items if it["stance"] == "neutral"), key=lambda x: x["date"] or "", reverse=True)
    # weight orders the neutral items only where it varies ("what did X say about Y": X's words naming Y first)
    rest.sort(key=lambda x: (-x["weight"], -(len(x.get("terms") or []) + len(x["topic_hits"])),
                             bool(x.get("context"))))
    # those that name the pair and speak of the relation, even without taking a side, come before them
    near = [it for it in decisive if it.get("context") != "article"]
    far = [it for it in decisive if it.get("context") == "article"]
    touching = [it for it in rest if it.get("terms")]
    out = near + touching + far + [it for it in rest if not it.get("terms")]
    for n, it in enumerate(out, 1):
        it["n"] = n
    return out


def decide(q: Question, items: list[dict]) -> dict:
    pro = sum(it["weight"] for it in items if it["stance"] == "for")
    con = sum(it["weight"] for it in items if it["stance"] == "against")
    if q.kind == "say":
        verdict = "yes" if items else "insufficient"
        conf = min(1.0, len(items) / 3) if items else 0.0
    elif pro + con < ENOUGH:
        verdict, conf = "insufficient", 0.0
    elif min(pro, con) >= MIXED_RATIO * max(pro, con):
        verdict, conf = "mixed", min(pro, con) / max(pro, con) * min(1.0, (pro + con) / 3)
    else:
        verdict = "yes" if pro > con else "no"
        conf = abs(pro - con) / (pro + con) * min(1.0, (pro + con) / 2)
    conf = round(conf, 2)
    label = "high" if conf >= 0.6 else "medium" if conf >= 0.3 else "low"
    return {"verdict": verdict, "confidence": conf, "confidence_label": label,
            "weights": {"for": round(pro, 2), "against": round(con, 2)}}


def _short(text: str, n: int = 110) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


def _cite(it: dict) -> str:
    who = f"{it['speaker']}, " if it.get("speaker") else ""
    return f"[{it['n']}] “{_short(it['text'])}” ({who}{it['doc_id']}, {it['date'] or 'undated'})"


def explain(q: Question, items: list[dict], res: dict, ref: Optional[str]) -> str:
    names = " and ".join(a.label for a in q.actors[:2]) or "the actors"
    v = res["verdict"]
    docs = {it["doc_id"] for it in items} | {c for it in items for c in it.get("copies", [])}
    if q.kind == "say":
        spk = q.speaker[0].label if q.speaker else "the speaker"
        about = (", ".join(a.label for a in q.about) or " ".join(q.topic)
                 or " ".join(q.relation.terms if q.relation else []) or "it")
        if not items:
            return f"No statement by {spk} about {about} is stored. Nothing can be cited."
        top = items[:3]
        return (f"{spk} spoke about {about} in {len(items)} sentence(s) from {len(docs)} article(s). "
                + " ".join(_cite(it) for it in top[:2]) + ("" if len(items) <= 2 else f" and {len(items) - 2} more."))
    rel = q.relation.name if q.relation else "the relation"
    pro = [it for it in items if it["stance"] == "for"]
    con = [it for it in items if it["stance"] == "against"]
    if v == "insufficient":
        touched = len(items)
        return (f"The stored articles have {touched} sentence(s) concerning {names}, but none bears on {rel} "
                f"for or against. The verdict is insufficient evidence." if touched else
                f"No stored sentence concerns {names} together. The verdict is insufficient evidence.")
    head = {"yes": "Yes", "no": "No", "mixed": "Mixed"}[v]
    s1 = (f"{head} ({res['confidence_label']} confidence): {len(pro)} item(s) for and {len(con)} against {rel} "
          f"between {names}, from {len(docs)} article(s)" + (f", weighed as of {ref}." if ref else "."))
    parts = [s1]
    if pro:
        parts.append("For: " + "; ".join(_cite(it) for it in pro[:2]) + ".")
    if con:
        parts.append("Against: " + "; ".join(_cite(it) + f" – {it['reason']}" for it in con[:2]) + ".")
    old = [it for it in pro + con if it.get("age_days", 0) > HALF_LIFE_DAYS and not q.past]
    if old:
        parts.append(f"{len(old)} of these are more than {HALF_LIFE_DAYS} days older than {ref} and count for less.")
    return " ".join(parts[:4])
