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

from ... import kb as kbmod
from ...knowledge import lines, multi, table
from ...sql import date_bounds
from .sentences import split as split_sentences
from .understand import CONSIDER, Actor, Question, _match, _phrases, _word_ok, expand, find_actors, stem

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


def _has_at(kind: str, text: str) -> Optional[tuple[str, int]]:
    """The first cue of ``kind`` in the text and where it is."""
    best = None
    for p in cues()[kind]:
        m = p.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (m.group(0), m.start())
    return best


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
    date_bounds("d.published", since, until, where, params)
    rows = store.query(f"""SELECT DISTINCT a.doc_key FROM actors a JOIN documents d USING (doc_key)
                           WHERE {' AND '.join(where)}""", params)
    keys = {r["doc_key"] for r in rows}
    if a.kind == "org":  # "UN Secretary-General Antonio Guterres": the organisation named in a title only
        names = org_names(a.code)
        p2: list = ["\\b(?:" + "|".join(re.escape(n) for n in names) + ")\\b"]
        where2 = ["regexp_matches(d.text, ?)"]
        date_bounds("d.published", since, until, where2, p2)  # the question's date bounds these documents too
        keys |= {r["doc_key"] for r in store.query(f"SELECT doc_key FROM documents d WHERE {' AND '.join(where2)}", p2)}
    return keys


@lru_cache(maxsize=64)
def org_names(code: str) -> tuple[str, ...]:
    row = next((r for r in table("organisations.tsv") if r["code"] == code), None)
    if not row:
        return (code,)
    return tuple(sorted({row["name"]} | {x for x in multi(row.get("aliases", "")) if not x.startswith("the ")}, key=len,
                        reverse=True))


@lru_cache(maxsize=1)
def _nonstate() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("ask_nonstate_sectors.txt"))


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
    if not docs:
        return []
    keys = sorted(docs)
    drows = store.query("""SELECT doc_key, id, title, source, published, text FROM documents
                           WHERE doc_key IN (SELECT unnest(?)) ORDER BY published DESC NULLS LAST LIMIT ?""",
                        [keys, MAX_DOCS])
    keys = [d["doc_key"] for d in drows]
    mentions = store.query("""SELECT m.doc_key, m.start_char, m.end_char, a.country, a.name, a.type, a.sector
                              FROM mentions m JOIN actors a ON a.doc_key = m.doc_key AND a.actor_id = m.actor_id
                              WHERE m.doc_key IN (SELECT unnest(?))""", [keys])
    quotes = store.query("""SELECT doc_key, quote_id, kind, content_start, content_end, speaker_start, speaker_end, speaker_name, speaker_role,
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
        sents = [_read(q, pair, d, text, s, e, got) for s, e in split_sentences(text)]
        titled = {a.key for a, _, _ in find_actors(d["title"] or "", cased=True, prefer=frozenset(p.key for p in pair))}
        about = _about(titled, sents)
        topical = any(x["topic_hits"] for x in sents)
        roots = [stem(w)[:4] for w in q.topic]  # "fisheries", "fishing": a loose match, for a gate only
        for n, it in enumerate(sents):
            it["doc_topic"] = topical
            # the question's topic in this sentence or the one before it ("a minerals deal ... that deal")
            it["near_topic"] = any(t.startswith(r) for x in sents[max(0, n - 1):n + 1] for t in x["toks"] for r in roots)
            it["titled"] = titled
            it["about"] = about
            if _concerns(q, pair, it, sents[max(0, n - 2):n], text):
                stance(q, it)
                if it.get("context") == "article" and it["stance"] == "neutral":
                    continue  # named apart from its pair and taking no side: not evidence
                items.append(it)
    return items


def _read(q: Question, pair: list[Actor], d: dict, text: str, s: int, e: int, got: dict) -> dict:
    """A sentence with the pair actors it names (and where), its quotation's speaker and its events."""
    sent = text[s:e]
    where: dict[str, list[int]] = {}
    for m in got["m"]:
        if m["start_char"] >= s and m["end_char"] <= e and (m["sector"] or "").lower() not in _nonstate():
            # a company, a newspaper or a university of a country does not stand for it ("DeepSeek" is not China)
            for a in pair:
                if _is(a, m["country"], m["name"]):
                    where.setdefault(a.key, []).append(m["start_char"] - s)
    others, third = set(), []
    for a, _, _ in find_actors(sent, cased=True, prefer=frozenset(p.key for p in pair)):
        if any(a.key == p.key for p in pair):
            where.setdefault(a.key, []).append(a.start)
        else:
            third.append((a.key, a.start))
            if a.kind == "country":
                others.add(a.key)
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
        if speaker_key is None and not quote["speaker_country"] and quote.get("speaker_start") is not None:
            lead = text[max(0, quote["speaker_start"] - 50):quote["speaker_end"] or quote["speaker_start"]]
            for a, _, _ in find_actors(lead, cased=True):
                if a.kind == "org" and any(a.key == p.key for p in pair):
                    speaker_key = a.key
        if speaker_key is None and not quote["speaker_country"] and quote.get("speaker_start") is not None:
            speaker_key = _body_named_before(pair, text, quote)
            if speaker_key and any(a.key == speaker_key and a.kind == "country" for a in pair):
                quote = {**quote, "speaker_country": speaker_key}  # the body's country speaks
    evs = [ev for ev in got["e"] if s <= (ev["trigger_start"] if ev["trigger_start"] is not None else ev["sentence_start"]) < e]
    coded = set()
    for ev in evs:
        for a in pair:
            if _in_code_list(a, ev["source_codes"]) or _in_code_list(a, ev["target_codes"]):
                coded.add(a.key)
    toks = [t.lower() for t in WORD.findall(sent)]
    when = next((ev["date"] for ev in evs if ev["date"]), None) or d["published"]
    return {
        "text": sent, "doc_id": d["id"], "doc_key": d["doc_key"], "span": [s, e], "title": d["title"],
        "source": d["source"], "date": when.isoformat() if isinstance(when, date) else None,
        "kind": "quote" if quote else ("event" if evs else "sentence"),
        "speaker": quote["speaker_name"] if quote else None, "role": quote["speaker_role"] if quote else None,
        "speaker_country": quote["speaker_country"] if quote else None, "speaker_is": speaker_key,
        "quote_span": (max(s, quote["content_start"]) - s, min(e, quote["content_end"]) - s) if quote else None,
        "events": [{"type": ev["type"], "mode": ev["mode"], "negated": ev["negated"], "hypothetical": ev["hypothetical"],
                    "at": ev["trigger_start"] - s if ev["trigger_start"] is not None else None,
                    "future": ev["future"], "source": ev["source_codes"], "target": ev["target_codes"],
                    "event_key": ev["event_key"]} for ev in evs],
        "where": where, "named": set(where) | coded, "others": others, "third": third, "toks": toks, "low": sent.lower(),
        "topic_hits": [w for w in q.topic if any(t.startswith(stem(w)) for t in toks)],
        "para": text.rfind("\n", 0, s),
    }


BODY_BEFORE = 400  # characters before a quotation's speaker read for the body "the ministry" refers back to


@lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in table("sector_words.tsv") if r.get("sector") == "government")


def _body_named_before(pair: list[Actor], text: str, quote: dict) -> Optional[str]:
    """The pair actor whose government body a speaker refers back to ("A spokesperson for the ministry said" after
    "North Korea's Foreign Ministry issued a statement"): the body's head word is named with the actor just before."""
    name = (quote["speaker_name"] or "").lower()
    heads = [w for w in WORD.findall(name) if w in _body_heads()]
    if not heads or not re.search(r"\bthe\s+(?:\w+\s+)?" + re.escape(heads[0]) + r"\b", name):
        return None
    window = text[max(0, quote["speaker_start"] - BODY_BEFORE):quote["speaker_start"]]
    found = []
    for m in re.finditer(r"\b" + re.escape(heads[0]) + r"\b", window, re.I):
        near = window[max(0, m.start() - 40):m.start()]
        found += [a.key for a, _, _ in find_actors(near, cased=True) if any(a.key == p.key for p in pair)]
    return found[-1] if found else None


def _concerns(q: Question, pair: list[Actor], it: dict, before: list[dict], text: str) -> bool:
    """Whether the sentence is about the pair: both in it, or one in it and the other in the sentences just
    before it in the same paragraph, when the sentence speaks of the relation (its subject carried over)."""
    have = it["named"] | ({it["speaker_is"]} if it["speaker_is"] else set())
    if q.kind == "say":
        spk = q.speaker[0]
        if it["speaker_is"] != spk.key and not _reports(it, spk.key):
            return False
        about = {a.key for a in q.about}
        # what it is about may be named in the sentence just before ("... India said. 'Pakistan has nothing to do
        # with it,' Asif told ...")
        prev = {k for b in before[-1:] for k in b["named"]}
        if about & (have | prev) or it["topic_hits"] or _asked(q, it):
            it["concerns"] = sorted({spk.key} | (about & (have | prev)))
            return True
        return False
    if len(pair) == 1 and not (it["topic_hits"] or _asked(q, it) or _direct(q, it)
                               or (q.attribution and (_has("claim", it["low"]) or _has("disclaim", it["low"])))):
        return False  # one actor asked about: only what it does in the relation or on the topic, not all it does
    need = {a.key for a in pair if not a.place} or {a.key for a in pair}
    if len(need) < len(pair) and need <= have and not (have & {a.key for a in pair if a.place}):
        # a place the question names ("a truce in Ukraine") need not be in a sentence that speaks of the relation,
        # but the article must be about it there: named in the title or the sentences just before
        if not (_asked(q, it) or _direct(q, it)):
            return False
        near = set(it.get("titled", ())) | {k for b in before for k in b["named"]}
        if not ({a.key for a in pair if a.place} & near):
            return False
    if not need <= have:
        context = set()
        for b in before[-1:]:
            if not it["others"]:
                context |= b["named"] | ({b["speaker_is"]} if b["speaker_is"] else set())
        if need <= have | context and (_asked(q, it) or _direct(q, it)):
            it["context"] = True
        elif have & need and need <= have | it["about"] and _coded_act(q, it, have & need) \
                and (_terms_at(q, it["toks"]) or _opposite(q, it)):
            # one side named, speaking of the relation, in an article about the pair ("Moscow has rejected any such
            # deployment" in a story on Russia and a French-British force)
            it["context"] = "article"
        else:
            return False
    it["concerns"] = sorted(need)
    return True


SAID = re.compile(r"[^.;:]{0,40}?\b(?:said|says|told|added|wrote|warned|stated|noted|urged|called|accused|condemned|"
                  r"appealed|described)\b")


def _reports(it: dict, key: str) -> bool:
    """Whether the sentence reports what ``key`` said ("Guterres said he was shocked"), with no quotation of it."""
    return any(SAID.match(it["low"], o) for o in it["where"].get(key, []))


LEAD = 3  # sentences of an article's opening that say what it is about
ABOUT_MENTIONS = 3  # an actor named in this many sentences is one the article is about


def _about(titled: set, sents: list[dict]) -> set:
    """The pair actors an article is about: named in its title, or in its opening and in several of its sentences."""
    count: dict[str, int] = {}
    for it in sents:
        for k in it["named"] | ({it["speaker_is"]} if it["speaker_is"] else set()):
            count[k] = count.get(k, 0) + 1
    lead = {k for it in sents[:LEAD] for k in it["named"]}
    return set(titled) | (lead & {k for k, c in count.items() if c >= ABOUT_MENTIONS})


def _opposite(q: Question, it: dict) -> list[dict]:
    if q.relation is None:
        return []
    opp = {t for typ in q.relation.types for t in OPPOSITE.get(typ, ())}
    return [ev for ev in it["events"] if ev["type"] in opp]


def _coded_act(q: Question, it: dict, named: set) -> bool:
    """Whether an event of the relation (or its opposite) in the sentence has the named side as its source and is
    not coded as falling on someone else: its recipient, when coded, is the other side ("U.S. officials held talks
    with Russian officials" is no evidence of talks with Ukraine; "Afghan officials accused the Taliban", its side
    named twice, is an act within one side, not one on the United States)."""
    for ev in _direct(q, it) + _opposite(q, it):
        src, tgt = ev["source"] or [], ev["target"] or []
        me = [a for a in q.actors if a.key in named and a.code in src]
        if not me:
            continue
        others = {a.code for a in q.actors if a not in me and a.code}
        if set(tgt) <= set(src) and len(set(it["where"].get(me[0].key, []))) < 2:
            tgt = []  # the actor's own side as recipient, named once: a default, not a recipient the text names
        if tgt and not (others & set(tgt)):
            continue
        return True
    return False


def _acts(q: Question, it: dict) -> bool:
    """Whether the sentence names the relation's act itself (a phrase of its type, its events, or two of the
    question's words), not only its topic."""
    return bool(_direct(q, it) or _opposite(q, it) or _terms_at(q, it["toks"]) or len(_asked(q, it)) >= 2)


def _asked(q: Question, it: dict) -> list[str]:
    """The question's own words (relation phrases, topic and their synonyms) found in the sentence."""
    if q.relation is None:
        return it["topic_hits"]
    found = []
    for w in q.relation.asked:
        ws = w.split()
        if (len(ws) > 1 and _match(ws, it["toks"]) is not None) or (len(ws) == 1 and any(_word_ok(ws[0], t) for t in it["toks"])):
            found.append(w)
    return found


def _direct(q: Question, it: dict) -> list[dict]:
    if q.relation is None:
        return []
    return [ev for ev in it["events"] if ev["type"] in q.relation.types]


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


def _cue_governs(kind: str, clause: str, rel_words: list[str], reach: int = 4) -> Optional[str]:
    """A cue of ``kind`` followed within ``reach`` words by one of the relation's words: the cue governs that act
    ("seeking to finalize a deal"), not another one further on ("hopes to resolve the pause ... during talks")."""
    for p in cues()[kind]:
        for m in p.finditer(clause):
            after = WORD.findall(clause[m.end():])[:reach]
            if any(_word_ok(r, t) for r in rel_words for t in after):
                return m.group(0)
            # the act named before a passive cue: "sanctions ... were extended"
            head = WORD.findall(clause[:m.start()])
            if head and head[-1] in ("was", "were", "been", "be", "is", "are") and \
                    any(_word_ok(r, t) or t.startswith(r) for r in rel_words for t in head[-reach - 1:]):
                return m.group(0)
    return None


def _cue_follows(kind: str, clause: str, rel_words: list[str], reach: int = 4) -> Optional[str]:
    """A cue of ``kind`` within ``reach`` words after one of the relation's words ("talks with Peru next week"), not
    after something else ("a report to be released next month")."""
    for p in cues()[kind]:
        for m in p.finditer(clause):
            head = WORD.findall(clause[:m.start()])[-reach:]
            if any(_word_ok(r, t) for r in rel_words for t in head):
                return m.group(0)
    return None


def _cue(kind: str, window: str, rel_words: list[str]) -> Optional[str]:
    """A cue of ``kind`` in ``window`` that is not itself one of the relation's words ("suspend" asked about)."""
    for p in cues()[kind]:
        for m in p.finditer(window):
            word = m.group(0)
            if any(word.startswith(r[:5]) or r.startswith(word[:5]) for r in rel_words if len(r) >= 4):
                continue
            if kind == "cancel" and window[max(0, m.start() - 3):m.start()] == "to ":
                continue  # "agreed to halt attacks": what is agreed, not a cancellation
            return word
    return None


def _agent(q: Question, it: dict, pos: int) -> Optional[str]:
    """The pair actor named last before the relation's words (its subject, by position), or the speaker."""
    best, at = None, -1
    for key, offs in it["where"].items():
        for o in offs:
            if at < o < pos:
                best, at = key, o
    return best or it["speaker_is"]


def stance(q: Question, it: dict) -> None:
    """Set the item's stance (for / against / neutral), weight (directness) and reason, in place."""
    _stance(q, it)
    if it.get("formal_only") and it["stance"] == "against":
        # "no plans for a military alliance" refuses a formal tie, not the cooperation asked about
        it.update(stance="neutral", weight=0.0, reason=f"no {it['formal_only']}, which is not what is asked")
    if q.topic and not it["topic_hits"] and not it.get("doc_topic") and it["weight"]:
        it["weight"] = round(it["weight"] * TOPIC_MISSED, 3)  # not about what the question names ("energy infrastructure")
        it["reason"] += "; not about " + " ".join(q.topic)
    if it.get("context") == "article":
        it["weight"] = round(it["weight"] * 0.7, 3)
        it["reason"] += "; the other side named elsewhere in the article"
    elif it.get("context"):
        it["weight"] = round(it["weight"] * 0.8, 3)
        it["reason"] += "; the pair named in the sentence before"


CONDITION_AFTER = re.compile(r"\b(?:only if|unless|provided that|on condition that|on the condition that)\b")
DONE_Q = re.compile(r"\s*(?:did|has|have|had)\b", re.I)  # "Did X ...?", "Has X ...?": whether it was done at all


def _done_asked(q: Question) -> bool:
    """"Did X impose ...?", "Has X lifted ...?": whether one side did the act at all, so that its mere possibility,
    a condition for it or a hypothesis of it says it has not been done. Not when the act asked about is itself a
    promise, an offer, an agreement or a call ("Did Trump promise to secure ..."), nor for joint acts."""
    low = q.text.lower()
    return bool(DONE_Q.match(q.text)) and not q.joint and not _has("intent", low) and not _has("request", low) \
        and not re.search(r"\b(?:agree|threat|offer|propos|warn|consider)", low)


TOPIC_MISSED = 0.5  # weight of an item that does not name the question's topic words
SPEECH_ACTS = ("ACCUSE", "THREATEN", "REQUEST")  # verbal acts: the recipient's rejection confirms the act
VERBAL = SPEECH_ACTS + ("PROTEST",)
JOINT = ("CONSULT", "COOPERATE", "AID")  # acts that take both sides (a giver and a taker): either side's refusal or
# denial is evidence against
CLAUSE = re.compile(r",?\s+but\s+|;\s+|:\s+|,\s+(?:while|although|though|whereas)\s+|\s+—\s+|,?\s+(?:after|when|because|before)\s+")


NAME_RUN = re.compile(r"(?:[A-Z][\w’'-]*\s+)+(?:(?:of|for|and|the)\s+)*(?:[A-Z][\w’'-]*)")


def _only_in_names(word: str, text: str) -> bool:
    """Whether every occurrence of ``word`` in the sentence is inside a capitalised name, not at its end ("the
    Countering America's Adversaries Through Sanctions Act", "North Atlantic Treaty Organization"): the name of
    something else is not the act."""
    if " " in word:
        return False
    names = [(m.start(), m.end()) for m in NAME_RUN.finditer(text) if m.start() > 0 and len(m.group(0).split()) >= 3]
    occ = [m for m in re.finditer(r"\b" + re.escape(word) + r"[\w’'-]*", text, re.I)]
    # the word is inside the name and not its last word (its head): "Sanctions Act" is an act, "Indus Waters Treaty"
    # a treaty
    return bool(occ) and all(any(a <= m.start() and m.end() < b for a, b in names) for m in occ)


def _hits(words: list[str], toks: list[str]) -> int:
    n = 0
    for w in words:
        ws = w.split()
        if (len(ws) > 1 and _match(ws, toks) is not None) or (len(ws) == 1 and any(_word_ok(ws[0], t) for t in toks)):
            n += 1
    return n


def _clause_agent(it: dict, a: int, b: int, words: list[str]) -> Optional[str]:
    """The pair actor that opens a clause (named before the relation's words in it): who acts, by position."""
    low = it["low"][a:b]
    pos = [m.start() for w in words for m in re.finditer(r"\b" + re.escape(w.split()[0]), low)]
    first = min(pos, default=len(low))
    best, at = None, None
    for key, offs in it["where"].items():
        for o in offs:
            if a <= o < a + first and (at is None or o < at):
                best, at = key, o
    if best is None and it.get("speaker_is") and re.search(r"\b(?:we|our|us)\b", low[:first]):
        best = it["speaker_is"]
    return best


def _say_weight(q: Question, it: dict) -> None:
    """"What did X say about Y": no side taken; the speaker's own words naming what is asked about first, reported
    speech and words whose subject is only named in the sentence before come after."""
    w = 1.0 if {a.key for a in q.about} & it["named"] or not q.about else 0.8
    if q.speaker and it["speaker_is"] == q.speaker[0].key:
        it.update(weight=w, reason="what the speaker said")
    else:
        it.update(weight=w * 0.7, reason="what the speaker said, reported")


def _attribution_stance(q: Question, it: dict) -> None:
    """Who is behind it ("Is X behind ...?"): the accusations are evidence for, the denials against. Only
    attributions to the actor asked about and its own denials count; the act reported without saying who is behind
    it is no evidence either way."""
    low = it["low"]
    me = q.actors[0].key if q.actors else None
    # named by name (not a pronoun resolved to it) and not as the one who makes the claim ("allegations by X")
    offs = [o for o in it["where"].get(me, []) if it["text"][o:o + 1].isupper()
            and not re.match(r"(?:he|she|it|they|we|i)\b", it["low"][o:]) and not it["low"][:o].endswith("by ")]
    dis, claim = _has_at("disclaim", low), _has_at("claim", low)
    if dis and (claim or re.search(r"\b(?:involvement|role|claims?|charges?|allegations?)\b", low)) \
            and (it["speaker_is"] == me or any(o < dis[1] for o in offs)):
        it.update(stance="against", weight=0.6, reason=f"denied ('{dis[0]}')")
        return
    if claim and any(o > claim[1] for o in offs):
        it.update(stance="for", weight=0.6, reason=f"said to be behind it ('{claim[0]}')")
        return
    it.update(reason="does not say that it is behind it")


def _stance(q: Question, it: dict) -> None:
    rel = q.relation
    it.update(stance="neutral", weight=0.0, reason="names the pair but not the relation")
    if q.kind == "say":
        _say_weight(q, it)
        return
    if rel is None:
        return
    low = it["low"]
    if q.attribution:
        _attribution_stance(q, it)
        return
    terms = _terms_at(q, it["toks"])
    asked = [w for w in _asked(q, it) if not _only_in_names(w, it["text"])]
    it["terms"] = sorted(set(asked) | set(terms))
    if not asked and not terms and not _direct(q, it):
        return
    words = asked + [t for t in terms if t not in asked]
    formal = _formal(rel.asked) if rel.type in FORMING and _formal(WORD.findall(q.text.lower())) else []
    if formal:  # a specific formal relation asked (an alliance, a treaty, a deal): only its words and act speak of it
        acts = [w for w in (rel.main or "").split() if w not in formal]
        said = [w for w in asked if w in formal or any(_word_ok(w, a) or _word_ok(a, w) for a in acts)]
        if not said:
            it.update(reason=f"general {rel.type.lower()}, not the {formal[0]} asked about")
            return
        # the question names which tie ("a minerals deal", "the Chagos deal"): another deal of the pair, with nothing
        # of that topic in the sentence or the one before it, is no evidence for it (a refusal of any deal still is)
        it["off_topic"] = bool(q.topic) and not it.get("near_topic", True)
        words = said
    elif rel.type in FORMING and words and len(_formal(words)) == len(words):
        it["formal_only"] = _formal(words)[0]  # only a formal tie named, general cooperation asked (see _stance)
    # the clause that speaks of what was asked decides ("agreed to halt attacks ..., but did not accept a ceasefire")
    bounds, pos = [], 0
    for m in CLAUSE.finditer(low):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(low)))
    main = [rel.main] if rel.main else []
    scored = [(_hits(main, WORD.findall(low[a:b])) * 10 + _hits(asked, WORD.findall(low[a:b])) * 2
               + _hits(terms, WORD.findall(low[a:b])), a, b) for a, b in bounds]
    best = max(x[0] for x in scored)
    tied = [(a, b) for sc, a, b in scored if sc == best]
    first_actor = q.actors[0].key if q.actors else None
    agents = {(a, b): _clause_agent(it, a, b, words) for sc, a, b in scored}
    mine = [c for c in tied if agents[c] == first_actor]
    if not mine and not q.joint and best > 0 and any(agents[c] in {a.key for a in q.actors[1:]} for c in tied):
        # the other side acts in the best clause, the question's actor in a weaker one ("..., after X raised duties")
        mine = [(a, b) for sc, a, b in sorted(scored, key=lambda x: -x[0]) if sc > 0 and agents[(a, b)] == first_actor][:1]
    ca, cb = mine[0] if mine else tied[-1 if best > 0 else 0]
    clause = low[ca:cb]
    rel_words = [w for t in words for w in t.split()]
    positions = [m.start() for w in rel_words for m in re.finditer(r"\b" + re.escape(w), clause)]
    first = min(positions, default=0)
    head = clause[:first]
    before = " ".join(head.split()[-12:])
    cond = _cue("condition", head, rel_words)
    if not cond:  # a restricting condition after the act: "would impose sanctions only if the editor is convicted"
        # within the act's own phrase (up to a comma), and an act still to come ("would", "will"), not one reported
        after = CONDITION_AFTER.search(re.split(r"[,;]", clause[first:], maxsplit=1)[0])
        cond = after.group(0) if after and re.search(r"\b(?:would|will|could|might|may|can|to)\s+(?:\w+\s+)?$",
                                                     before + " ") else None
    modal = _cue("modal", head, rel_words)
    intent = _cue("intent", head, rel_words)
    # a request governs the act it is followed by, not one after a comma ("called on X to accept ..., warning ...")
    request = _cue("request", before.rsplit(",", 1)[-1], rel_words)
    pending = _cue("pending", clause, rel_words) or _cue_follows("later", clause, rel_words)
    denial = _cue("denial", before, rel_words)
    if rel.type in SPEECH_ACTS and denial and not re.search(r"\b(?:not|never|n't)\s+\w*$", before):
        denial = None  # rejecting an accusation, a warning or a demand confirms it was made
    cancel = _cue("cancel", before + " " + clause[first:first + 60], rel_words)  # "talks between A and B broke down"
    reluct = _cue("reluctance", clause, rel_words)
    unconfirmed = _cue("unconfirmed", before, rel_words)
    undone = _cue_governs("undone", clause, rel_words)  # "is seeking to finalize", "the deal is yet to be finalized"
    said = [m.start() for t in terms for m in re.finditer(r"\b" + re.escape(t.split()[0]), clause)]
    if rel.type in VERBAL and said:
        # a verbal act (a warning, an accusation) was made whatever its content's modality: "warning that Moscow
        # could face further sanctions if ..." is a threat; only its own negation or a request for it counts
        vhead = clause[:min(said)]
        vbefore = " ".join(vhead.split()[-12:])
        cond = modal = pending = intent = cancel = reluct = unconfirmed = undone = None
        request = _cue("request", vbefore.rsplit(",", 1)[-1], rel_words)
        denial = _cue("denial", vbefore, rel_words)
        if denial and not re.search(r"\b(?:not|never|n't)\s+\w*$", vbefore):
            denial = None
    if modal and modal.startswith("consider") and _has("judgement", clause):
        modal = None  # "we consider the withdrawal a good step": an opinion of the act, not its mere possibility
    if rel.type == "REQUEST":
        request = None  # a call, an appeal, a demand is itself the act asked about, not a sign it is still to come
    direct = [ev for ev in _direct(q, it) if ev.get("at") is None or ca <= ev["at"] < cb] or _direct(q, it)
    opposite = [ev for ev in it["events"] if ev["type"] in OPPOSITE.get(rel.type, ())
                and (ev.get("at") is None or ca <= ev["at"] < cb)]
    w = 1.0 if asked else 0.45
    done = not q.future
    if q.actors and not q.joint:
        at = next((ev["at"] for ev in direct if ev.get("at") is not None and ca <= ev["at"] < cb), None)
        if at is None and opposite and opposite[0].get("at") is not None:
            at = opposite[0]["at"]
        doer = _doer(q, it, (direct or opposite or [None])[0], ca, ca + first if at is None else at)
        if rel.type in SPEECH_ACTS and _has("disclaim", clause):
            doer = None  # the recipient rejecting a warning or an accusation: the act is still the speaker's
        if doer is not None:
            _judge(q, it, rel, asked, terms, main, clause, ca, cb, direct, opposite, w, done, request, cond, denial, modal,
                   cancel, pending, reluct, intent, rel_words, words, unconfirmed, undone)
            # the other side's act is no evidence that the question's actor did it, nor is its refusal, unless the
            # act takes both sides (talks, cooperation: "Pyongyang has not responded to offers of talks")
            partner = doer in {a.key for a in q.actors[1:]}
            if it["stance"] == "for" or (it["stance"] == "against" and not (partner and rel.type in JOINT)):
                who = next((a.label for a in q.actors if a.key == doer), None) or kbmod.load().country_name(doer) or doer
                it.update(stance="neutral", weight=0.0, reason=f"the act of {who}, not of {q.actors[0].label}")
            return
    _judge(q, it, rel, asked, terms, main, clause, ca, cb, direct, opposite, w, done, request, cond, denial, modal,
           cancel, pending, reluct, intent, rel_words, words, unconfirmed, undone)


def _judge(q: Question, it: dict, rel, asked, terms, main, clause, ca, cb, direct, opposite, w, done, request, cond,
           denial, modal, cancel, pending, reluct, intent, rel_words, words, unconfirmed=None, undone=None) -> None:
    """The stance from the clause's cues and events (see ``_stance``)."""
    label = uncommitted = None
    keep = _cue_governs("maintain", clause, rel_words + words) if rel.type == "CONCEDE" else None
    if keep and asked:
        it.update(stance="against", weight=0.6, reason=f"kept up, not eased ('{keep}')")
        return
    if direct:
        ev = sorted(direct, key=lambda x: (x["type"] != rel.type, x["negated"], x["hypothetical"]))[0]
        label = ev["type"] + (f" ({ev['mode']})" if ev["mode"] else "")
        negated, hypo = ev["negated"], ev["hypothetical"] or ev["future"]
        if hypo and not negated and _committed(it, ev, ca, cb):
            hypo = False
        if hypo and _has("judgement", clause):
            hypo = False  # "we consider the withdrawal a good step": the act judged, not a hypothesis of it
        if hypo and not negated and ev["type"] == "THREATEN" and rel.type == "THREATEN" and not (modal or cond):
            hypo = False  # a threat names what is still to come ("would hold Iran responsible"); it is made all the same  # "agreed to halt attacks": the events stage marks what is agreed to as not (yet) done
    else:
        negated = hypo = False
        if opposite and asked and not opposite[0]["negated"] and not opposite[0]["hypothetical"]:
            it.update(stance="against", weight=0.6, reason=f"{opposite[0]['type']}: the opposite of {rel.type}")
            return
        # the act must be named: two of the question's words, not all of them its topic ("electric vehicles")
        cw = WORD.findall(clause)
        topical = set(expand(q.topic)) - set(expand(rel.terms))  # the topic's words and their synonyms
        acts = [a for a in asked if a not in topical
                and not any(a.startswith(stem(t)) or stem(t).startswith(a) for t in q.topic)]
        in_clause = _hits(terms + main, cw) + (_hits(asked, cw) >= 2 and _hits(acts, cw) >= 1)
        if rel.type == "REQUEST" and not in_clause and _has("prescribe", clause):
            in_clause = 1  # "says immigration should stop": a call, though no word of calling is used
        if not asked or not in_clause:
            # the question's topic without the act itself ("force" in a question about ruling out force)
            it.update(reason="touches the relation without taking a side")
            return
        if rel.type in JOINT and _with_third_party(q, it):
            # the sentence's coded acts tie one side to a third country and none ties the pair: the talks or the
            # cooperation named are most likely with that country ("Ukraine said it was ready to accept a U.S.
            # proposal ..., after eight hours of talks")
            it.update(reason=f"'{asked[0]}' named, but the sentence's acts are with a third country")
            return
        verbs = [t for t in cw if not t.endswith(("ment", "ments"))]  # "agreement" names the deal, not agreeing
        if rel.type in COMMITMENTS and main and not _hits(main + list(lines("ask_commitments.txt")), verbs) \
                and not _has("concluded", clause):  # "recent agreements between A and B" were made
            uncommitted = asked[0]
        w = 0.6
    what = label or f"'{asked[0] if asked else words[0]}'"
    first_at = min((m.start() for w in rel_words for m in re.finditer(r"\b" + re.escape(w), clause)), default=0)
    if request and re.search(r"\b(?:end|stop|halt|cessation)\b", clause[:first_at]):
        # "called for an end to the killing": asked to stop, so it is going on; not evidence that it was not done
        it.update(reason=f"{what}: an end to it asked for ('{request}')")
    elif q.past and (negated or denial) and (intent or modal or cond):
        # "the strikes would stop as soon as ...": a stop to come says nothing against what was done
        it.update(reason=f"{what}: a stop or refusal still to come ('{intent or modal or cond}')")
    elif request and not negated:
        if done:
            it.update(stance="against", weight=w * 0.6, reason=f"{what} asked for, so not yet done ('{request}')")
        else:
            it.update(reason=f"{what} asked for ('{request}')")
    elif cond and done and not negated and _done_asked(q):  # "would impose ... only if": not done either
        # "Has X imposed sanctions?": "sanctions would only be imposed if ..." says they have not been, yet
        it.update(stance="against", weight=w * 0.4, reason=f"{what} only on a condition, so not done ('{cond}')")
    elif cond and (not intent or cond == "whether"):  # "asked whether they intend to": a question, not a plan
        it.update(reason=f"{what} only on a condition ('{cond}')")
    elif undone and not negated:  # sought, attempted, still to come: intended but not done
        if done:
            it.update(stance="against", weight=w * 0.8, reason=f"{what} sought or still to come, not done ('{undone}')")
        else:
            it.update(stance="for", weight=w * 0.5, reason=f"{what} sought or intended ('{undone}')")
    elif unconfirmed:  # "has not confirmed the deployment": no one says it did not happen
        it.update(reason=f"{what} not confirmed, not denied ('{unconfirmed}')")
    elif negated or denial:
        it.update(stance="against", weight=w, reason=f"{what} negated" + (f" ('{denial}')" if denial else ""))
    elif modal and not intent and CONSIDER.search(q.text):
        it.update(stance="for", weight=w * 0.7, reason=f"{what} considered, as asked ('{modal}')")
    elif modal and not intent:
        it.update(reason=f"{what} only as a possibility ('{modal}')")
    elif cancel:
        it.update(stance="against", weight=w * 0.9, reason=f"{what} called off ('{cancel}')")
    elif pending:
        it.update(stance="against" if done else "for", weight=w * 0.5, reason=f"{what} pending, not done ('{pending}')")
    elif reluct:
        it.update(stance="against", weight=w * 0.5, reason=f"reluctance ('{reluct}')")
    elif intent:
        it.update(stance="for", weight=w * 0.7, reason=f"{what} stated as an intention ('{intent}')")
    elif hypo:
        if done and _done_asked(q):
            it.update(stance="against", weight=w * 0.4, reason=f"{what} only hypothetical, so not done")
        elif done:
            it.update(reason=f"{what} only hypothetical")
        else:
            it.update(stance="for", weight=w * 0.5, reason=f"{what} in prospect")
    else:
        it.update(stance="for", weight=w, reason=f"{what} reported")
    if rel.type == "CONCEDE" and it["stance"] == "for":
        # lifting or easing is about its object: "lift sanctions" is not answered by "lift its pause on aid"
        objects = [w for t in rel.terms for w in t.split()[1:]] + list(q.topic)
        if objects and not any(re.search(r"\b" + re.escape(stem(o)), clause) for o in objects):
            it.update(stance="neutral", weight=0.0, reason=f"eases something other than the {objects[0]} asked about")
            return
    if it.get("off_topic") and it["stance"] == "for":
        it.update(stance="neutral", weight=0.0, reason=f"{it['reason']}, but not on the {q.topic[0]} asked about")
        return
    if not direct and uncommitted and it["stance"] == "for":
        # a commitment is the act of agreeing, accepting or signing; the deal or the truce named is only what it
        # would be about ("overturning the ceasefire agreement" is no acceptance of it); its refusal still counts
        it.update(stance="neutral", weight=0.0, reason="names what would be agreed, but not that it was agreed, "
                                                          "accepted or signed")


def _with_third_party(q: Question, it: dict) -> bool:
    """Whether the sentence's coded events tie a side of the pair to a third country, and none ties the two sides."""
    codes = {a.code for a in q.actors[:2] if a.code}
    if len(codes) < 2:
        return False
    third = False
    for ev in it["events"]:
        parties = set(ev["source"] or []) | set(ev["target"] or [])
        if codes <= parties:
            return False
        if parties & codes and parties - codes:
            third = True
    return third


PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:\w+ly\s+)?$")


OBJECT_BEFORE = re.compile(r"\b(?:on|to|with|against|from|of|for|at|in|into|by|over|toward|towards|about|stop|"
                           r"prevent|help|urge[ds]?|urging|ask(?:ed|s)?|press(?:ed|es)?)\s+(?:the\s+)?$")
REQUESTED = re.compile(r"\b(?:urge[ds]?|urging|call(?:ed|s|ing)? on|press(?:ed|es|ing)?|ask(?:ed|s|ing)?)\s+(?:the\s+)?$")


def _doer(q: Question, it: dict, ev: Optional[dict], ca: int, pos: int) -> Optional[str]:
    """The other side, when it alone is named as the subject of the act at ``pos`` (offset in the sentence): named
    before the act in its clause (or, when the clause names no one, in the sentence before it: "Putin agreed to ...
    but did not accept ...") and not as an object ("on Ukraine", "urged Kyiv"), the question's actor not named
    there as a subject, the verb not passive ("was hit by"), and the question's actor neither the speaker of a verbal
    act nor coded as the event's source. For a one-actor question a third country acting counts too. None otherwise
    (the act may be the question's actor's)."""
    me = q.actors[0]
    src = (ev or {}).get("source") or []
    qs = it.get("quote_span")
    if it.get("speaker_is") == me.key and q.relation and q.relation.type in VERBAL and (not qs or qs[0] <= pos < qs[1]):
        return None  # the question's actor says it: its warning, its accusation
    if me.code in src:
        # coded as the question's actor's act: only the other side opening the clause as its plain subject, with
        # the question's actor not named before the act, says otherwise ("Pyongyang routinely condemns ...")
        lead = re.match(r"\W*(?:\w+\W+){0,2}?", it["low"][ca:pos])
        opener = [k for k in (a.key for a in q.actors[1:]) for o in it["where"].get(k, [])
                  if ca <= o <= ca + (lead.end() if lead else 0)]
        mine = [o for o in it["where"].get(me.key, []) if ca <= o < pos]
        if not (opener and not mine):
            return None
        return opener[0]
    head = it["low"][ca:pos]
    if PASSIVE.search(head.rstrip()) or re.search(r"\bby\b", head):
        return None
    others = {a.key for a in q.actors[1:]}
    if q.relation and q.relation.type not in VERBAL:
        # the one urged or called on to do the act is the one who would do it ("called on Uganda to accept ...")
        for k in others:
            for o in it["where"].get(k, []):
                if ca <= o < pos and REQUESTED.search(it["low"][ca:o]) and re.search(r"\bto\b", it["low"][o:pos]):
                    return k
    cands = [(o, k) for k, offs in it["where"].items() for o in offs]
    if len(q.actors) == 1:
        cands += [(o, k) for k, o in it.get("third", []) if len(k) == 3 and k.isupper()]

    def subjects(lo: int) -> list[tuple[int, str]]:
        return sorted((o, k) for o, k in cands if lo <= o < pos and not OBJECT_BEFORE.search(it["low"][lo:o]))

    named = subjects(ca) or subjects(0)[:1]
    if not named:
        return None
    if any(k == me.key for _, k in named):
        # the question's actor named before the act too: the other side acts only if it opens the clause and the
        # event is coded as its act ("Taiwan's president described China as a hostile force")
        o, k = named[0]
        if k in others and any(a.key == k and a.code in src for a in q.actors[1:]):
            return k
        return None
    return named[-1][1] if named[-1][1] in others or len(q.actors) == 1 else None


@lru_cache(maxsize=1)
def _formal_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in lines("ask_formal.txt"))


def _formal(asked: list[str]) -> list[str]:
    """The words that name a specific formal relation (``data/ask_formal.txt``)."""
    return [w for w in asked if any(x.startswith(f) for x in w.split() for f in _formal_words())]


FORMING = ("AGREE", "COOPERATE")  # relations a formal tie is formed by (not a treaty suspended: SANCTION)
COMMITMENTS = ("AGREE",)  # acts whose complement is taken on, not merely possible ("agreed to halt attacks")


def _committed(it: dict, ev: dict, ca: int, cb: int) -> bool:
    """Whether a reported, non-negated commitment (AGREE) governs ``ev`` in the clause: it comes just before it."""
    at = ev.get("at")
    if at is None:
        return False
    for other in it["events"]:
        o = other.get("at")
        if (other is not ev and other["type"] in COMMITMENTS and o is not None and ca <= o < at < cb
                and not other["negated"] and not other["hypothetical"] and not other["future"]
                and re.fullmatch(r"\S+(?:\s+\S+){0,4}\s+to\s+", it["low"][o:at]) is not None):
            return True
    return False


@lru_cache(maxsize=1)
def _opposites() -> dict[str, tuple[str, ...]]:
    return {r["type"]: tuple(multi(r["opposites"])) for r in table("ask_opposites.tsv")}


class _Opp(dict):
    def get(self, k, default=()):  # noqa: D401 - lazily loaded mapping
        return _opposites().get(k, default)


OPPOSITE = _Opp()
