"""Evidence for a question: the sentences of the stored articles that concern the pair, with a stance each.

A sentence concerns the pair when both actors are in it: named (the analysis' mentions, pronouns resolved,
or the names as written), as the speaker of the quotation it belongs to, or as the actor or recipient of an
event coded in it. One actor: that actor. "What did X say about Y": X speaks it, Y (or the topic) is in it.
Each sentence is one item, whatever events and quotes it holds; the same sentence in syndicated copies is one
item with several sources. Its stance comes from its events' types (the relation's types for, the opposite
polarity against), their negation and modality, and the cues of ``data/ask_cues.tsv`` around the relation's words.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Optional

from ...knowledge import table
from ..relations import quads
from . import sentences
from .understand import Actor, Question, _match, _phrases, find_actors, stem

MAX_DOCS = 400  # most recent candidate articles read for one question
WORD = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=1)
def cues() -> dict[str, list[re.Pattern]]:
    out: dict[str, list[re.Pattern]] = {}
    for r in table("ask_cues.tsv"):
        out.setdefault(r["kind"], []).append(re.compile(r["pattern"]))
    return out


def _has(kind: str, text: str) -> Optional[str]:
    for p in cues()[kind]:
        m = p.search(text)
        if m:
            return m.group(0)
    return None


def _actor_sql(a: Actor, alias: str, params: list) -> str:
    if a.kind == "country":
        params.append(a.code)
        return f"{alias}.country = ?"
    if a.kind == "org":
        params.append(a.name)
        return f"{alias}.name ILIKE ?"
    params.append("%" + (a.name or a.label).split()[-1] + "%")
    return f"{alias}.name ILIKE ?"


def _docs_with(store, a: Actor, since: Optional[str], until: Optional[str]) -> set[str]:
    params: list = []
    cond = _actor_sql(a, "a", params)
    where = [cond]
    if since:
        where.append("d.published >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("d.published <= CAST(? AS DATE)")
        params.append(until)
    rows = store.query(f"""SELECT DISTINCT a.doc_key FROM actors a JOIN documents d USING (doc_key)
                           WHERE {' AND '.join(where)}""", params)
    return {r["doc_key"] for r in rows}


def _is(a: Actor, country: Optional[str], name: Optional[str]) -> bool:
    if a.kind == "country":
        return bool(country) and country == a.code
    if a.kind == "org":
        return bool(name) and name.lower() == (a.name or "").lower()
    return bool(name) and (a.name or a.label).split()[-1].lower() in name.lower()


def _in_code_list(a: Actor, codes) -> bool:
    return a.kind == "country" and a.code in (codes or [])


def gather(store, q: Question) -> list[dict]:
    """All sentences that concern the question's actors, each with its events, speaker and stance."""
    if q.kind == "say":
        if not q.speaker:
            return []
        docs = _docs_with(store, q.speaker[0], q.since, None)
    else:
        if not q.actors:
            return []
        docs = _docs_with(store, q.actors[0], q.since, None)
        for a in q.actors[1:2]:
            docs &= _docs_with(store, a, q.since, None)
    if q.until:
        docs = {d for d in docs}  # dates of sentences are checked per item below
    if not docs:
        return []
    keys = sorted(docs)
    drows = store.query("""SELECT doc_key, id, title, source, published, text FROM documents
                           WHERE doc_key IN (SELECT unnest(?)) ORDER BY published DESC NULLS LAST LIMIT ?""",
                        [keys, MAX_DOCS])
    keys = [d["doc_key"] for d in drows]
    mentions = store.query("""SELECT m.doc_key, m.start_char, m.end_char, a.country, a.name, a.type
                              FROM mentions m JOIN actors a ON a.doc_key = m.doc_key AND a.actor_id = m.actor_id
                              WHERE m.doc_key IN (SELECT unnest(?))""", [keys])
    quotes = store.query("""SELECT doc_key, quote_id, kind, content_start, content_end, speaker_name, speaker_role,
                                   speaker_country FROM quotes WHERE doc_key IN (SELECT unnest(?))""", [keys])
    events = store.query("""SELECT doc_key, event_id, type, mode, context, source_codes, target_codes, negated,
                                   hypothetical, future, trigger_start, sentence_start, date, quote_id, event_key
                            FROM events WHERE doc_key IN (SELECT unnest(?))""", [keys])
    by_doc: dict[str, dict[str, list]] = {k: {"m": [], "q": [], "e": []} for k in keys}
    for m in mentions:
        by_doc[m["doc_key"]]["m"].append(m)
    for r in quotes:
        by_doc[r["doc_key"]]["q"].append(r)
    for e in events:
        by_doc[e["doc_key"]]["e"].append(e)
    items = []
    pair = q.actors[:2] if q.kind != "say" else q.speaker + q.about
    for d in drows:
        text = d["text"] or ""
        got = by_doc[d["doc_key"]]
        for s, e in sentences.split(text):
            item = _sentence(q, pair, d, text, s, e, got)
            if item:
                items.append(item)
    return items


def _sentence(q: Question, pair: list[Actor], d: dict, text: str, s: int, e: int, got: dict) -> Optional[dict]:
    sent = text[s:e]
    named: set[str] = set()
    for m in got["m"]:
        if m["start_char"] >= s and m["end_char"] <= e:
            for a in pair:
                if _is(a, m["country"], m["name"]):
                    named.add(a.key)
    for a, _, _ in find_actors(sent, cased=True):
        if any(a.key == p.key for p in pair):
            named.add(a.key)
    quote = None
    for r in got["q"]:
        if r["content_start"] < e and r["content_end"] > s and (r["content_end"] - max(s, r["content_start"])) > 10:
            quote = r
            break
    speaker_key = None
    if quote:
        for a in pair:
            if _is(a, quote["speaker_country"], quote["speaker_name"]):
                speaker_key = a.key
                break
    evs = [ev for ev in got["e"] if s <= (ev["trigger_start"] if ev["trigger_start"] is not None else ev["sentence_start"]) < e]
    for ev in evs:
        for a in pair:
            if _in_code_list(a, ev["source_codes"]) or _in_code_list(a, ev["target_codes"]):
                named.add(a.key)
    low = sent.lower()
    toks = [t.lower() for t in WORD.findall(sent)]
    topic_hits = [w for w in q.topic if any(stem(t) == stem(w) or t.startswith(stem(w)) for t in toks)]
    if q.kind == "say":
        spk = q.speaker[0]
        if speaker_key != spk.key:
            return None
        about = {a.key for a in q.about}
        if not (about & named) and not topic_hits:
            return None
        concerns = sorted(({spk.key} | (about & named)))
    else:
        need = {a.key for a in pair}
        have = named | ({speaker_key} if speaker_key else set())
        if not need <= have:
            return None
        concerns = sorted(need)
    when = None
    for ev in evs:
        if ev["date"]:
            when = ev["date"]
            break
    when = when or d["published"]
    item = {
        "text": sent, "doc_id": d["id"], "doc_key": d["doc_key"], "span": [s, e], "title": d["title"],
        "source": d["source"], "date": when.isoformat() if isinstance(when, date) else None,
        "published": d["published"].isoformat() if d["published"] else None,
        "kind": "quote" if quote else ("event" if evs else "sentence"),
        "speaker": quote["speaker_name"] if quote else None, "role": quote["speaker_role"] if quote else None,
        "speaker_country": quote["speaker_country"] if quote else None, "speaker_is": speaker_key,
        "events": [{"type": ev["type"], "mode": ev["mode"], "negated": ev["negated"], "hypothetical": ev["hypothetical"],
                    "future": ev["future"], "source": ev["source_codes"], "target": ev["target_codes"],
                    "event_key": ev["event_key"]} for ev in evs],
        "concerns": concerns, "topic_hits": topic_hits,
    }
    stance(q, item, low, toks)
    return item


def _terms_at(q: Question, toks: list[str]) -> list[str]:
    """The relation's phrases (its types') found in a sentence's words."""
    if q.relation is None:
        return []
    types = set(q.relation.types)
    found = []
    for phrase, typ, _, _ in _phrases():
        if typ in types and len(phrase[0]) > 2 and _match(phrase, toks) is not None:
            found.append(" ".join(phrase))
    return found


def stance(q: Question, item: dict, low: str, toks: list[str]) -> None:
    """Set the item's stance (for / against / neutral), weight (directness) and the reason, in place."""
    rel = q.relation
    item.update(stance="neutral", weight=0.0, reason="names the pair but not the relation")
    if q.kind == "say":
        item.update(stance="neutral", weight=1.0, reason="what the speaker said")
        return
    if rel is None:
        return
    terms = _terms_at(q, toks)
    item["terms"] = terms
    on_topic = bool(item["topic_hits"]) or not q.topic
    direct = [ev for ev in item["events"] if ev["type"] in rel.types]
    opposite = [ev for ev in item["events"]
                if (quads().get(ev["type"]) or ("", 0))[1] == -rel.polarity and ev["type"] not in rel.types]
    # the clause before the relation's words: denial, cancellation, condition
    first = min((low.find(t.split()[0]) for t in terms if low.find(t.split()[0]) >= 0), default=-1)
    clause = low[max(0, first - 90):first + 30] if first >= 0 else low
    clause = re.split(r"[;:]|, (?:but|while|and) ", clause)[-1] if first >= 0 else clause
    denial, cancel = _has("denial", clause), _has("cancel", clause)
    reluct, cond, intent = _has("reluctance", low), _has("condition", clause), _has("intent", clause)
    if direct:
        ev = sorted(direct, key=lambda x: (x["type"] != rel.type, x["negated"], x["hypothetical"]))[0]
        w = 1.0 if (on_topic or terms) else 0.7
        if ev["negated"] or (denial and terms):
            item.update(stance="against", weight=w, reason=f"{ev['type']} negated" + (f" ('{denial}')" if denial else ""))
        elif cancel and terms:
            item.update(stance="against", weight=w * 0.9, reason=f"{ev['type']} called off ('{cancel}')")
        elif ev["hypothetical"] or (cond and not intent):
            if q.future and (intent or ev["future"]):
                item.update(stance="for", weight=w * 0.6, reason=f"{ev['type']} stated as an intention")
            else:
                item.update(stance="neutral", weight=0.0, reason=f"{ev['type']} only hypothetical")
        elif reluct:
            item.update(stance="against", weight=0.5, reason=f"reluctance ('{reluct}')")
        else:
            item.update(stance="for", weight=w, reason=f"{ev['type']} reported" + (f" ({ev['mode']})" if ev["mode"] else ""))
        return
    if opposite and (terms or item["topic_hits"]):
        ev = opposite[0]
        if not ev["negated"] and not ev["hypothetical"]:
            item.update(stance="against", weight=0.6, reason=f"{ev['type']}: the opposite of {rel.type}")
            return
    if terms and on_topic or (terms and len(terms) > 1):
        if denial:
            item.update(stance="against", weight=0.7, reason=f"denied ('{denial}')")
        elif cancel:
            item.update(stance="against", weight=0.6, reason=f"called off ('{cancel}')")
        elif reluct:
            item.update(stance="against", weight=0.5, reason=f"reluctance ('{reluct}')")
        elif cond and not (q.future and intent):
            item.update(stance="neutral", weight=0.0, reason=f"a possibility only ('{cond}')")
        else:
            item.update(stance="for", weight=0.6, reason=f"names the relation ('{terms[0]}')")
        return
    if terms or item["topic_hits"]:
        item.update(stance="neutral", weight=0.0, reason="touches the relation without taking a side")
