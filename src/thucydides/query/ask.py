"""Answer a question about two actors with the evidence, cited to the sentence.

``ask(store, "Will Russia and China forge a military alliance?")`` parses the question
(actors; the relation, mapped to PLOVER types and context by ``data/ask_relations.tsv``;
a time frame), retrieves the events and quotes that bear on it — negated and hypothetical
ones included, since a denial is evidence — classifies each as for, against or neutral,
and returns a brief: a verdict, the strongest evidence, and the pair's recent trend.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .. import kb as kbmod
from ..knowledge import lines, multi, table
from ..query.relations import pair_sql, quads, series

INDIRECT_WEIGHT = 0.3  # weight of an event that bears on the relation only through the pair's other dealings
INDIRECT_CAP = 0.9  # the most that indirect evidence adds to either side
MIXED_RATIO = 0.75  # the weaker side at least this share of the stronger: "mixed"
CONTEXT_CHARS = 300  # countries named this close to a quote count as what it is about
VERDICTS = ("leans yes", "leans no", "mixed", "insufficient evidence")


@dataclass
class Relation:
    name: str
    types: list[str]
    context: Optional[str]
    polarity: int
    words: list[str] = field(default_factory=list)
    evidence_words: list[str] = field(default_factory=list)

    def named_in(self, text: str) -> bool:
        low = (text or "").lower()
        return any(re.search(r"\b" + re.escape(w), low) for w in self.words + self.evidence_words)


@dataclass
class Question:
    text: str
    actors: list[dict]  # {"code" or "name", "label"}
    relation: Optional[Relation]
    since: Optional[str] = None
    until: Optional[str] = None

    def understood(self) -> str:
        who = ", ".join(a["label"] for a in self.actors) or "no actors"
        rel = (f"{self.relation.name} ({'/'.join(self.relation.types)}"
               f"{', ' + self.relation.context if self.relation.context else ''})") if self.relation else "no relation I know"
        when = f", from {self.since}" if self.since else ""
        when += f" until {self.until}" if self.until else ""
        return f"actors: {who}; relation: {rel}{when}"


@lru_cache(maxsize=1)
def relations() -> list[Relation]:
    return [Relation(r["name"], multi(r["types"]), r.get("context") or None, int(r["polarity"]), multi(r["words"]),
                     multi(r.get("evidence_words", "")))
            for r in table("ask_relations.tsv")]


@lru_cache(maxsize=1)
def denial_cues() -> tuple[str, ...]:
    return lines("ask_denials.txt")


def _find_actors(text: str) -> list[dict]:
    kb = kbmod.load()
    tokens = re.findall(r"[\w.'’-]+", text)
    found, seen = [], set()
    i = 0
    while i < len(tokens):
        hit = None
        for j in range(min(len(tokens), i + 5), i, -1):
            surface = " ".join(tokens[i:j]).rstrip("?.,")
            for cand in (surface, surface.rstrip("'s").rstrip("’s") if surface.endswith(("'s", "’s")) else None):
                if not cand:
                    continue
                code = kb.country_of(cand)
                if code:
                    hit = ({"code": code, "label": kb.country_name(code) or code}, j)
                    break
                for e in kb.lower_forms.get(cand.lower(), ()) or kb.forms.get(cand, ()):
                    if e.kind == "org":
                        hit = ({"code": e.country if e.type == "GROUP" else None, "name": e.name, "label": e.name}, j)
                        break
                if hit is None and cand in kb.leaders:
                    e = kb.leaders[cand]
                    hit = ({"name": e.name.split()[-1], "label": e.name}, j)
                if hit:
                    break
            if hit:
                break
        if hit:
            key = hit[0].get("code") or hit[0]["name"]
            if key not in seen:
                seen.add(key)
                found.append(hit[0])
            i = hit[1]
        else:
            i += 1
    return found


def parse_question(text: str) -> Question:
    low = text.lower()
    rel = None
    for r in relations():
        if any(re.search(r"\b" + re.escape(w), low) for w in r.words):
            rel = r
            break
    since = until = None
    m = re.search(r"\b(?:in|during)\s+((?:19|20)\d\d)\b", low)
    if m:
        since, until = f"{m.group(1)}-01-01", f"{m.group(1)}-12-31"
    m = re.search(r"\bsince\s+((?:19|20)\d\d)\b", low)
    if m:
        since = f"{m.group(1)}-01-01"
    return Question(text, _find_actors(text), rel, since, until)


def _actor_value(a: dict) -> str:
    return a.get("code") or a["name"]


def _event_stance(e: dict, rel: Optional[Relation], pair: set[str]) -> tuple[str, float]:
    """Stance of an event towards the relation asked about, and its weight.

    The relation's first type with its context is direct evidence (1.0), its other types 0.6,
    other events of the same polarity 0.3 and of the opposite polarity 0.3 against; the two
    acting together is alignment (0.3 for). A denial is evidence against; a hypothetical is
    neutral. Statements by the pair's own officials about their intentions weigh double.
    """
    quad = quads().get(e["type"])
    polarity = quad[1] if quad else 0
    if e["hypothetical"] and not e["negated"]:
        return "neutral", 0.0
    want = rel.polarity if rel else 1
    context_ok = rel is not None and (rel.context is None or rel.context in (e.get("context") or [])
                                      or rel.named_in(e.get("sentence")))
    own = bool(e.get("speaker_country")) and e["speaker_country"] in pair
    if rel is not None and e["type"] in rel.types:
        weight = 1.0 if (e["type"] == rel.types[0] and context_ok) else 0.6 if context_ok else 0.3
        weight *= 2.0 if own and context_ok else 1.0
        return ("against", weight) if e["negated"] else ("for", weight)
    if e["negated"] or polarity == 0:
        return "neutral", 0.0
    joint = pair <= set(e.get("source_codes") or [])
    if joint:
        return ("for", INDIRECT_WEIGHT) if want > 0 else ("against", INDIRECT_WEIGHT)
    return ("for", INDIRECT_WEIGHT) if polarity == want else ("against", INDIRECT_WEIGHT)


def _quote_stance(content: str, rel: Optional[Relation]) -> tuple[str, float]:
    """A quote speaking of the relation is for it, unless a denial stands shortly before the word (same clause)."""
    if rel is None:
        return "neutral", 0.0
    low = content.lower()
    hits = [m.start() for w in rel.words + rel.evidence_words for m in re.finditer(r"\b" + re.escape(w), low)]
    if not hits:
        return "neutral", 0.0
    for pos in hits:
        window = re.split(r"[.;!?]", low[max(0, pos - 80):pos])[-1]
        if any(re.search(c, window) for c in denial_cues()):
            return "against", 0.8
    clause = re.split(r"[.;!?]", low[max(0, hits[0] - 120):hits[0]])[-1]
    if re.search(r"\b(if|unless|would|could|might|may)\b", clause):
        return "neutral", 0.0  # a condition or a possibility is not evidence either way
    return "for", 0.5


def ask(store, question: str, limit: int = 10) -> dict:
    """A brief answering ``question`` from the store, with cited evidence."""
    q = parse_question(question)
    out = {"question": question, "actors": q.actors,
           "relation": q.relation.__dict__ if q.relation else None, "understood": q.understood(),
           "verdict": "insufficient evidence", "evidence": [], "trend": None}
    if len(q.actors) < 2 or q.relation is None:
        missing = []
        if len(q.actors) < 2:
            missing.append("two actors (countries, groups or people I know)")
        if q.relation is None:
            missing.append("a relation I know (alliance, attack, sanctions, talks, agreement, aid, ceasefire, ...)")
        out["message"] = f"I understood {q.understood()}. To answer I need {' and '.join(missing)}."
        if len(q.actors) < 2:
            return out
    a, b = (_actor_value(x) for x in q.actors[:2])
    params: list = []
    where = [pair_sql(a, b, params)]
    if q.since:
        where.append("e.date >= CAST(? AS DATE)")
        params.append(q.since)
    if q.until:
        where.append("e.date <= CAST(? AS DATE)")
        params.append(q.until)
    events = store.query(f"""
        SELECT e.*, d.id AS doc_id, d.title, d.source AS outlet, d.published
        FROM events e JOIN documents d USING (doc_key) WHERE {' AND '.join(where)}""", params)
    keys = sorted({e["doc_key"] for e in events if e["quote_id"]})
    speakers = {(r["doc_key"], r["quote_id"]): r for r in store.query(
        "SELECT doc_key, quote_id, speaker_name, speaker_role, speaker_country FROM quotes "
        "WHERE doc_key IN (SELECT unnest(?))", [keys])} if keys else {}
    pair = {x.get("code") for x in q.actors[:2] if x.get("code")}
    # one sentence, or one event reported by several articles, is one piece of evidence: its strongest reading
    strongest: dict = {}
    for e in events:
        sp = speakers.get((e["doc_key"], e["quote_id"])) if e["quote_id"] else None
        e["speaker_country"] = sp["speaker_country"] if sp else None
        stance, weight = _event_stance(e, q.relation, pair)
        key = (e["doc_key"], e["sentence_start"])
        if key not in strongest or weight > strongest[key][1]:
            strongest[key] = (e, weight, stance, sp)
    evidence, seen_events, linked_quotes = [], set(), set()
    for e, weight, stance, sp in sorted(strongest.values(), key=lambda x: -x[1]):
        ekey = (e["event_key"], e["negated"], e["hypothetical"])
        if ekey in seen_events:
            continue
        seen_events.add(ekey)
        if e["quote_id"]:
            linked_quotes.add((e["doc_key"], e["quote_id"]))
        flags = [f for f in ("negated", "hypothetical", "future") if e[f]]
        evidence.append({
            "text": e["sentence"], "kind": "event", "stance": stance, "weight": weight,
            "type": e["type"], "mode": e["mode"], "flags": flags,
            "speaker": sp["speaker_name"] if sp else None, "role": sp["speaker_role"] if sp else None,
            "date": (e["date"] or e["published"]).isoformat() if (e["date"] or e["published"]) else None,
            "doc_id": e["doc_id"], "doc_key": e["doc_key"], "source": e["outlet"], "span": [e["sentence_start"], e["sentence_end"]],
        })
    # quotes: full-text search on the relation's words and the actors' names, kept when they concern the pair
    if q.relation is not None:
        terms = " ".join(q.relation.words[:6] + [x["label"] for x in q.actors[:2]])
        hits = store.search_passages(terms, kind="quote", limit=200)
        codes = {x.get("code") for x in q.actors[:2] if x.get("code")}
        for h in hits:
            key = (h["doc_key"], h["ref"])
            if key in linked_quotes:
                continue
            row = store.query("""SELECT q.*, d.id AS doc_id, d.source AS outlet FROM quotes q JOIN documents d USING (doc_key)
                                 WHERE q.doc_key = ? AND q.quote_id = ?""", list(key))
            if not row:
                continue
            r = row[0]
            mentioned = {m["country"] for m in store.query(
                """SELECT DISTINCT a.country FROM mentions m JOIN actors a ON a.doc_key = m.doc_key AND a.actor_id = m.actor_id
                   WHERE m.doc_key = ? AND m.start_char >= ? AND m.end_char <= ?""",
                [r["doc_key"], r["content_start"] - CONTEXT_CHARS, r["content_end"] + CONTEXT_CHARS])}
            # the quote must concern both: each is its speaker's country or named in or near it
            concerned = mentioned | ({r["speaker_country"]} if r["speaker_country"] else set())
            if not codes <= concerned:
                continue
            stance, weight = _quote_stance(r["content"], q.relation)
            evidence.append({
                "text": r["content"], "kind": "quote", "stance": stance, "weight": weight, "flags": [],
                "speaker": r["speaker_name"], "role": r["speaker_role"],
                "date": r["published"].isoformat() if r["published"] else None,
                "doc_id": r["doc_id"], "doc_key": r["doc_key"], "source": r["outlet"], "span": [r["content_start"], r["content_end"]],
            })
    pro, con = _side_weight(evidence, "for"), _side_weight(evidence, "against")
    out["weights"] = {"for": round(pro, 2), "against": round(con, 2)}
    if q.relation is not None:
        if pro + con < 1.0:
            out["verdict"] = "insufficient evidence"
        elif min(pro, con) >= MIXED_RATIO * max(pro, con):
            out["verdict"] = "mixed"
        else:
            out["verdict"] = "leans yes" if pro > con else "leans no"
    evidence.sort(key=lambda x: (-x["weight"], x["stance"] == "neutral", x["date"] or ""), reverse=False)
    out["evidence"] = evidence[:limit]
    out["counts"] = {"for": sum(x["stance"] == "for" for x in evidence), "against": sum(x["stance"] == "against" for x in evidence),
                     "neutral": sum(x["stance"] == "neutral" for x in evidence)}
    trend = series(store, a, b, by="month")
    pts = trend["points"][-6:]
    out["trend"] = {"by": "month", "points": pts,
                    "direction": _direction([p["mean_score"] for p in pts if p["mean_score"] is not None])}
    return out


def _side_weight(evidence: list[dict], stance: str) -> float:
    """Direct evidence counts in full; indirect evidence (the pair's other dealings) at most INDIRECT_CAP."""
    direct = sum(x["weight"] for x in evidence if x["stance"] == stance and x["weight"] > INDIRECT_WEIGHT)
    indirect = sum(x["weight"] for x in evidence if x["stance"] == stance and x["weight"] <= INDIRECT_WEIGHT)
    return direct + min(indirect, INDIRECT_CAP)


def _direction(scores: list[float]) -> str:
    if len(scores) < 2:
        return "too few points"
    delta = scores[-1] - scores[0]
    return "improving" if delta > 0.5 else "worsening" if delta < -0.5 else "steady"


def format_brief(brief: dict) -> str:
    lines_ = [f"Q: {brief['question']}", f"Understood: {brief['understood']}"]
    if brief.get("message"):
        lines_.append(brief["message"])
    lines_.append(f"Verdict: {brief['verdict']}" + (f"  (for {brief['counts']['for']}, against {brief['counts']['against']}, "
                                                     f"neutral {brief['counts']['neutral']})" if brief.get("counts") else ""))
    for ev in brief["evidence"]:
        who = ", ".join(x for x in (ev.get("speaker"), ev.get("role")) if x)
        flags = f" [{', '.join(ev['flags'])}]" if ev.get("flags") else ""
        tag = f"{ev['kind']} {ev.get('type') or ''}".strip()
        lines_.append(f"  {ev['stance']:>7}  {ev['date'] or '-'}  {tag}{flags}  {who + ': ' if who else ''}\"{ev['text']}\""
                      f"  ({ev['doc_id']} [{ev['span'][0]}:{ev['span'][1]}]{', ' + ev['source'] if ev.get('source') else ''})")
    t = brief.get("trend")
    if t and t["points"]:
        pts = ", ".join(f"{p['period'][:7]}: {p['events']} events, score {p['mean_score']}" for p in t["points"])
        lines_.append(f"Trend ({t['direction']}): {pts}")
    return "\n".join(lines_)
