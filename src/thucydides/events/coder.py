"""Events stage (issue #5): PLOVER event coding that knows "not", "if" and "will".

``code(doc)`` walks each sentence's dependency tree once, top-down, carrying the scope of
negation, modality and reported speech downward, and codes an :class:`~thucydides.model.Event`
wherever a trigger of the lexicon (``data/plover_triggers.tsv``) stands in its construction:

* a verb with its particle and object class ("lifted the curfew" -> CONCEDE, "imposed a curfew" -> COERCE);
* a noun as the object of a light verb ("held talks", "staged a protest"), after "there was", or as the
  subject of "erupted";
* a control construction: "agreed to X" (AGREE), "threatened to X" (THREATEN, mode from X), "refused to X"
  (REJECT, X negated), "urged Y to X" (REQUEST of Y), "is ready to X" (the intention: promised cooperation
  is AGREE, announced conflict THREATEN, ``plover_types.tsv``);
* statements: "Y must X" said by a speaker is a REQUEST of Y; praise of a relation ("relations ... have
  never been better") is SUPPORT, and a speaker's description of a third party's standing conduct
  ("Western countries refuse to cooperate") is ACCUSE, each from the speaker (the quote's speaker or the
  subject of the reporting verb) and linked to the quote it came from.

Negation ("not", "no plans for", "neither ... nor", "denied", "ruled out", "refused to"), hypotheticals
("if", "could", "may", "would", "is expected to", questions) and the future ("will", "next week") come from
``data/modality.tsv``. Events under them are kept as evidence with ``negated`` / ``hypothetical`` set, so
that nothing that did not happen is counted as having happened. A stated future act is what PLOVER codes
it as: a promise (AGREE), a threat (THREATEN) or a refusal ("will not accept": REJECT).

Events in relative clauses and noun complements ("the curfew imposed in 2019", "a plan to hold talks")
describe the background of the reported event and are not coded. Source and target are actor ids from
the actors stage; the date is the event's date expression resolved against the publication date.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from ..errors import StageError
from ..input.dates import month_number, parse_date, resolve_relative
from ..knowledge import multi, table
from ..model import Document, Event

QUOTE_CHARS = "\"'“”‘’«»`"
CONTROL_FRAMES = ("fixed", "refuse", "volition", "request")
NOUN_POS = ("NOUN",)
ACTOR_PRONOUNS = ("it", "they", "its", "their", "we", "our", "them", "itself", "themselves", "us")


# --------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class Rule:
    pos: str  # V | N | A
    head: str  # first word (lemma) or the whole noun phrase
    particles: tuple[str, ...]
    obj: str
    subj: str
    type: str
    mode: Optional[str]
    context: tuple[str, ...]
    frames: frozenset

    @property
    def frame(self) -> str:
        for f in ("fixed", "refuse", "volition", "request", "light", "aspect", "negcue"):
            if f in self.frames:
                return f
        return "-"


@dataclass
class Lexicon:
    verbs: dict = field(default_factory=dict)  # lemma -> [Rule]
    nouns: dict = field(default_factory=dict)  # phrase -> [Rule]
    adjs: dict = field(default_factory=dict)  # lemma -> [Rule]
    classes: dict = field(default_factory=dict)  # name -> frozenset
    types: dict = field(default_factory=dict)  # (type, mode) -> row
    modality: dict = field(default_factory=dict)  # where -> {cue: kind}
    modes: list = field(default_factory=list)  # (type, mode, compiled regex)
    contexts: list = field(default_factory=list)  # (context, compiled regex)

    def cls(self, name: str) -> frozenset:
        return self.classes.get(name.lstrip("@!"), frozenset())

    def type_row(self, type_: str, mode: Optional[str]) -> dict:
        return self.types.get((type_, mode or "")) or self.types.get((type_, ""), {})

    def quad(self, type_: str) -> str:
        return self.type_row(type_, None).get("quad", "")


def _words_regex(words: list[str]):
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for r in table("plover_classes.tsv"):
        lex.classes[r["class"]] = frozenset(w.lower() for w in multi(r["members"]))
    for r in table("plover_types.tsv"):
        lex.types[(r["type"], r.get("mode", ""))] = r
    for r in table("plover_triggers.tsv"):
        words = r["head"].lower().split()
        pos = r["pos"]
        rule = Rule(pos=pos, head=" ".join(words) if pos == "N" else words[0],
                    particles=tuple(words[1:]) if pos != "N" else (), obj=r.get("obj", ""), subj=r.get("subj", ""),
                    type=r["type"], mode=r.get("mode") or None, context=tuple(multi(r.get("context", ""))),
                    frames=frozenset((r.get("frame") or "-").split("+")))
        index = {"V": lex.verbs, "N": lex.nouns, "A": lex.adjs}[pos]
        index.setdefault(rule.head, []).append(rule)
    for index in (lex.verbs, lex.adjs):  # a particle makes a pattern more specific: try those first
        for head, rules in index.items():
            rules.sort(key=lambda r: 0 if r.particles else 1)
    for r in table("modality.tsv"):
        lex.modality.setdefault(r["where"], {})[r["cue"].lower()] = r["kind"]
    for r in table("plover_modes.tsv"):
        lex.modes.append((r["type"], r["mode"], _words_regex(multi(r["words"]))))
    for r in table("plover_contexts.tsv"):
        lex.contexts.append((r["context"], _words_regex(multi(r["words"]))))
    return lex


# --------------------------------------------------------------------------- scope
@dataclass(frozen=True)
class Scope:
    """What governs a clause: negation, modality, reported speech, absorption by a governing event."""

    neg: bool = False
    hyp: bool = False
    fut: bool = False
    would: bool = False
    oblig: bool = False
    volition: bool = False  # content of a stated intention ("ready to X")
    speaker: tuple = ()  # actor ids of the reporting speaker
    say: Optional[int] = None  # token index of the reporting verb
    absorbed: bool = False  # content of a governing event (agreed to X, refused to X): evidence only
    question: bool = False
    background: bool = False  # relative clause / noun complement: not coded
    protest: bool = False  # under a protest: its demands are its topic, not separate events

    @property
    def reported(self) -> bool:
        return self.say is not None or bool(self.speaker)


NO_CUES = {"neg": False, "hyp": False, "fut": False, "would": False, "oblig": False, "never": False}


def _lemma_guesses(tok) -> list[str]:
    """The token's lemma, and guesses for the lemmatizer's misses ("staged" -> stag)."""
    lem, low = tok.lemma_.lower(), tok.lower_
    out = [lem, low]
    for suf, rep in (("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if low.endswith(suf) and len(low) > len(suf) + 2:
            out.append(low[: -len(suf)] + rep)
    if low.endswith(("ped", "ted", "ged", "ned", "led", "red", "ped")) and len(low) > 5 and low[-3] == low[-4]:
        out.append(low[:-3])  # "stopped" -> stop
    return out


# --------------------------------------------------------------------------- the coder
class _Coder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.sdoc = doc.doc
        self.lex = lexicon()
        self.events: list[Event] = []
        self.seen: set = set()
        self.by_token: dict[int, Event] = {}
        self.actor_by_id = {a.id: a for a in doc.actors}
        self.tok_actor = self._token_actors()
        self.last_subject: list[str] = []
        self.quotes = sorted(doc.quotes or [], key=lambda q: q.content[0])
        self._match_cache: dict = {}
        self._lemma_cache: dict = {}
        self._sent_cache: dict = {}
        self.main_acl = -1

    def lemmas(self, tok) -> list[str]:
        got = self._lemma_cache.get(tok.i)
        if got is None:
            got = self._lemma_cache[tok.i] = _lemma_guesses(tok)
        return got

    # ------------------------------------------------------------ actors
    def _token_actors(self) -> list:
        from ..actors.resolver import mentions

        ms = sorted(mentions(self.doc))
        if not ms:
            ms = sorted((s, e, a.id, "") for a in self.doc.actors for s, e in a.mentions)
        out: list = [None] * len(self.sdoc)
        if not ms:
            return out
        starts = [m[0] for m in ms]
        for t in self.sdoc:
            s, e = t.idx, t.idx + len(t.text)
            i = bisect.bisect_right(starts, s) - 1
            for j in range(max(0, i - 3), min(len(ms), i + 4)):
                ms_, me, aid, _ = ms[j]
                if ms_ < e and me > s and aid in self.actor_by_id:
                    out[t.i] = aid
                    break
        return out

    def country(self, aid: str) -> Optional[str]:
        a = self.actor_by_id.get(aid)
        return a.country if a else None

    def np_actors(self, tok, depth: int = 0) -> list[str]:
        """Actors named by the noun phrase headed by ``tok`` (with its coordinated phrases)."""
        if tok is None or depth > 4:
            return []
        out: list[str] = []
        core, appos = [tok], []
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod", "det", "nummod", "npadvmod", "case", "preconj") or (
                        c.dep_ == "conj" and t is not tok):
                    core.append(c)
                    stack.append(c)
                elif c.dep_ == "appos":
                    appos.append(c)
        for t in sorted(core, key=lambda t: t.i):
            aid = self.tok_actor[t.i]
            if aid and aid not in out:
                out.append(aid)
        if not out and tok.pos_ == "PRON" and tok.lower_ in ACTOR_PRONOUNS:
            out = list(self.pronoun_actors(tok))
        stateless = not out or all(self.actor_by_id[a].type == "PERSON" and not self.country(a) for a in out)
        if stateless:
            # "Mohammed Mamoun, a member of the Syrian parliament": the apposition gives the country
            for a in appos:
                out.extend(x for x in self.np_actors(a, depth + 1) if x not in out)
        if not out or all(self.actor_by_id[a].type == "PERSON" and not self.country(a) for a in out):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "for", "at", "with", "throughout", "across", "inside"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out.extend(a for a in self.np_actors(p, depth + 1) if a not in out)
                    if out:
                        break
        for c in tok.children:
            if c.dep_ == "conj":
                out.extend(a for a in self.np_actors(c, depth + 1) if a not in out)
        return out

    def pronoun_actors(self, tok) -> list[str]:
        """'it'/'they' in a reported clause: the reporting subject; else the previous sentence's subject."""
        h = tok.head
        for _ in range(6):
            if h.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                g = h.head
                for c in g.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and c.pos_ != "PRON":
                        got = self.np_actors(c, 3)
                        if got:
                            return got
                h = g
            elif h.head is not h:
                h = h.head
            else:
                break
        return list(self.last_subject)

    # ------------------------------------------------------------ word classes
    def forms(self, tok) -> list[str]:
        """Phrases a noun can be looked up as: "hunger strike", "state of emergency", "strike"."""
        key = ("forms", tok.i)
        got = self._match_cache.get(key)
        if got is not None:
            return got
        lem, low = tok.lemma_.lower(), tok.lower_
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        out = []
        if mods:
            start = min(m.i for m in mods)
            out.append(self.sdoc[start:tok.i + 1].text.lower())
            for m in mods:
                out.append(f"{m.lower_} {low}")
                out.append(f"{m.lower_} {lem}")
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.append(f"{lem} of {p.lower_}")
                        out.append(f"{lem} of {p.lemma_.lower()}")
        out.extend([low, lem])
        self._match_cache[key] = out
        return out

    def in_class(self, tok, spec: str) -> bool:
        if tok is None:
            return False
        if spec == "@ACTOR":
            return bool(self.np_actors(tok))
        if spec.startswith("@"):
            if spec == "@PERSONNOUN" and self.tok_actor[tok.i]:
                a = self.actor_by_id.get(self.tok_actor[tok.i])
                if a is not None and a.type == "PERSON":
                    return True
            members = self.lex.cls(spec)
            return any(f in members for f in self.forms(tok))
        words = set(w.strip().lower() for w in spec.split("|"))
        return any(f in words for f in self.forms(tok))

    def see_through(self, tok):
        """'a series of bombs' -> bombs; 'this kind of union' -> union; '700 kg of medicine' -> medicine."""
        for _ in range(3):
            if tok is not None and (tok.lemma_.lower() in self.lex.cls("QUANTITY") or tok.lower_ in self.lex.cls("QUANTITY")):
                pobj = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj"), None)
                if pobj is None:
                    break
                tok = pobj
            else:
                break
        return tok

    # ------------------------------------------------------------ syntax helpers
    def is_passive(self, v) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return True
        # "..., killed in an air strike": a bare past participle modifying its patient
        return v.tag_ == "VBN" and v.dep_ in ("advcl", "acl") and v.i != self.main_acl and \
            not any(c.dep_ in ("aux", "nsubj", "dobj") for c in v.children)

    def objects(self, v, particles: tuple = ()) -> list:
        """Object candidates for a pattern's object class: the direct object (or passive subject); the
        objects of the pattern's own particles ("pull out of X"); other prepositional objects only when
        there is no direct object ("agreed to a ceasefire")."""
        objs = []
        passive = self.is_passive(v)
        for c in v.children:
            if c.dep_ in ("dobj", "dative", "oprd", "attr") or (passive and c.dep_ == "nsubjpass"):
                objs.append(self.see_through(c))
                objs.extend(self.see_through(cc) for cc in c.children if cc.dep_ == "conj")
        direct = bool(objs)
        for c in v.children:
            if c.dep_ in ("prep", "prt", "agent") or (c.dep_ == "advmod" and c.pos_ == "ADP"):
                if direct and c.lower_ not in particles:
                    continue
                for p in c.children:
                    if p.dep_ in ("pcomp", "pobj"):
                        objs.append(self.see_through(p))
        return objs

    def direct_object(self, v):
        passive = self.is_passive(v)
        for c in v.children:
            if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass"):
                return self.see_through(c)
        return None

    def particles(self, v) -> set:
        out = set()
        for c in v.children:
            if c.dep_ in ("prt", "prep", "agent", "acomp", "oprd") or (c.dep_ == "advmod" and c.pos_ in ("ADP", "ADV")):
                if c.dep_ == "prep" and any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children):
                    continue  # "on Sunday" is not the particle of "fire on"
                out.add(c.lower_)
            elif c.dep_ in ("advcl", "ccomp", "xcomp"):
                if c.dep_ == "xcomp" or any(d.dep_ == "aux" and d.lower_ == "to" for d in c.children):
                    out.add("_to")  # "pressed Iran to ...", "called for Russia to ..."
                for m in c.children:
                    if m.dep_ == "mark" and m.i < c.i:
                        out.add(m.lower_)  # "called for Russia to reciprocate"
        return out

    def subject(self, v, depth: int = 0):
        """The grammatical subject token of verb ``v`` (inherited through control and coordination)."""
        if v is None or depth > 6:
            return None
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
        for c in v.children:
            if c.dep_ in ("aux", "auxpass"):
                for d in c.children:
                    if d.dep_ == "nsubj":
                        return d  # "Egypt and Qatar are mediating", parsed with the subject on "are"
        if v.i == self.main_acl:
            return v.sent.root
        if v.dep_ == "relcl":
            return v.head
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            g = v.head.head
            if g.pos_ == "ADV" and g.dep_ in ("advmod", "prt"):
                g = g.head  # "stopped short of imposing"
            if g.pos_ in ("VERB", "ADJ"):
                return self.subject(g, depth + 1)  # "Turkey refrained from attacking"
        if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head is not v:
            g = v.head
            if v.dep_ == "advcl" and any(c.dep_ == "mark" for c in v.children):
                return None
            if v.dep_ == "xcomp" and any(l in self.lex.cls("CALL_CUE") for l in self.lemmas(g)[:2]):
                # object control: "urged Iran to ...", "called on Arabs to ..."
                for c in g.children:
                    if c.dep_ == "dobj":
                        return c
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return p
            for c in g.children:
                if c.dep_ in ("nsubj", "csubj"):
                    return c
                if c.dep_ == "nsubjpass":
                    return None if v.dep_ == "conj" else c
            return self.subject(g, depth + 1)
        return None

    def passive_agent(self, v):
        for c in v.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        return None

    def clause_verb(self, tok):
        """The verb that a noun's clause hangs on."""
        h = tok
        for _ in range(6):
            if h.pos_ in ("VERB", "AUX") or h.head is h:
                return h
            h = h.head
        return h

    # ------------------------------------------------------------ cues
    def local_cues(self, tok) -> dict:
        """Negation / modality cues attached to this predicate."""
        lex = self.lex
        cues = dict(NO_CUES)
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "advmod" and low == "never") or (c.dep_ == "det" and low == "no") or (
                    c.dep_ == "dobj" and lex.modality.get("obj", {}).get(low) == "negation"):
                cues["neg"] = True
                if low == "never":
                    cues["never"] = True
            elif c.dep_ in ("aux", "auxpass"):
                kind = lex.modality.get("aux", {}).get(low)
                if kind == "future":
                    cues["fut"] = True
                elif kind == "conditional":
                    cues["would"] = True
                elif kind == "hypothetical":
                    cues["hyp"] = True
                elif kind == "obligation":
                    cues["oblig"] = True
            elif c.dep_ == "mark":
                kind = lex.modality.get("mark", {}).get(low)
                if kind == "hypothetical":
                    cues["hyp"] = True
                elif kind == "future":
                    cues["fut"] = True
            elif c.dep_ == "advmod" and lex.modality.get("adv", {}).get(low) == "hypothetical":
                cues["hyp"] = True
            elif c.dep_ in ("nsubj", "nsubjpass"):
                if lex.modality.get("subj", {}).get(low) == "negation":
                    cues["neg"] = True
                for d in c.children:
                    if d.dep_ in ("det", "preconj", "cc") and d.lower_ in ("no", "neither"):
                        cues["neg"] = True
            if c.dep_ in ("npadvmod", "advmod", "prep") and low in lex.modality.get("time", {}):
                cues["fut"] = True
        if tok.dep_ == "advcl":
            # inverted conditional: "Had the envoy come, ...", "Should talks fail, ...", "Were Russia to attack, ..."
            first = min((c for c in tok.children), key=lambda c: c.i, default=None)
            if first is not None and first.dep_ in ("aux", "auxpass", "ROOT") and first.lower_ in ("had", "should", "were") \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in tok.children):
                cues["hyp"] = True
        if tok.lower_ in ("had", "should", "were") and tok.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in tok.children):
            cues["hyp"] = True
        return cues

    def noun_cues(self, tok) -> dict:
        cues = dict(NO_CUES)
        amods = self.lex.modality.get("amod", {})
        for c in tok.children:
            if c.dep_ in ("det", "neg") and c.lower_ in ("no", "neither", "not"):
                cues["neg"] = True
            elif c.dep_ in ("amod", "compound") and c.lower_ in amods:
                cues["fut" if amods[c.lower_] == "future" else "hyp"] = True
        return cues

    def gov_kind(self, tok) -> Optional[str]:
        g = self.lex.modality.get("gov", {})
        for c in tok.children:
            if c.dep_ in ("prt", "advmod", "acomp"):
                kind = g.get(f"{tok.lemma_.lower()} {c.lower_}")  # "rule out", "stop short"
                if kind:
                    return kind
        if tok.dep_ in ("prt", "advmod", "acomp") and tok.head is not tok:
            kind = g.get(f"{tok.head.lemma_.lower()} {tok.lower_}")  # "stopped short of X": the cue on "short"
            if kind:
                return kind
        return g.get(tok.lemma_.lower()) or g.get(tok.lower_)

    # ------------------------------------------------------------ matching
    def subj_ok(self, spec: str, v) -> bool:
        if not spec:
            return True
        neg = spec.startswith("!")
        s = self.subject(v)
        if s is None and self.is_passive(v):
            s = self.passive_agent(v)
        if s is None:
            return neg
        s = self.see_through(s)
        inside = self.in_class(s, spec.lstrip("!"))
        if inside and self.tok_actor[s.i] and spec.lstrip("!") == "@CROWD":
            a = self.actor_by_id.get(self.tok_actor[s.i])
            inside = a is None or a.type not in ("COUNTRY", "PERSON", "IGO")
        return (not inside) if neg else inside

    def match_verb(self, v):
        rules = None
        for lem in self.lemmas(v):
            rules = self.lex.verbs.get(lem)
            if rules:
                break
        if not rules:
            return None
        parts = self.particles(v)
        objs = {}
        passive = self.is_passive(v)
        for r in rules:
            if "passive" in r.frames and not passive:
                continue
            if "active" in r.frames and passive:
                continue
            if any(p not in parts for p in r.particles):
                continue
            obj = None
            if r.obj == "-":
                if self.direct_object(v) is not None:
                    continue
            elif r.obj:
                if r.particles not in objs:
                    objs[r.particles] = self.objects(v, r.particles)
                obj = next((o for o in objs[r.particles] if self.in_class(o, r.obj)), None)
                if obj is None:
                    continue
            if not self.subj_ok(r.subj, v):
                continue
            return r, obj
        return None

    def match_noun(self, n):
        if n is None or n.pos_ not in NOUN_POS or n.ent_type_ in ("DATE", "TIME", "PERSON", "GPE", "ORG", "NORP"):
            return None
        for f in self.forms(n):
            rules = self.lex.nouns.get(f)
            if rules:
                return rules[0], n
        return None

    def match_adj(self, a):
        rules = self.lex.adjs.get(a.lemma_.lower()) or self.lex.adjs.get(a.lower_)
        if not rules:
            return None
        parts = {c.lower_ for c in a.children if c.dep_ == "prep"}
        for r in rules:
            if any(p not in parts for p in r.particles):
                continue
            obj = None
            if r.obj:
                objs = [self.see_through(p) for c in a.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
                obj = next((o for o in objs if self.in_class(o, r.obj)), None)
                if obj is None:
                    continue
            return r, obj
        return None

    def light_noun(self, v):
        """The event noun a light verb carries ("held talks", "imposed a curfew")."""
        cands = [self.see_through(c) for c in v.children if c.dep_ in ("dobj", "attr")]
        if self.is_passive(v):
            cands += [self.see_through(c) for c in v.children if c.dep_ == "nsubjpass"]
        cands += [self.see_through(p) for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "on")
                  for p in c.children if p.dep_ == "pobj"]
        for n in cands:
            m = self.match_noun(n)
            if m:
                return m
        return None

    def match(self, tok):
        """(rule, object token, kind) for a trigger token, or None. kind: verb | light | adj."""
        key = ("m", tok.i)
        if key in self._match_cache:
            return self._match_cache[key]
        got = None
        if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound"):
            m = self.match_verb(tok)
            if m is not None:
                r, obj = m
                got = (r, obj, "verb")
                if r.frame == "light":
                    ln = self.light_noun(tok)
                    got = (ln[0], ln[1], "light") if ln is not None else got
            elif any(l in self.lex.cls("LIGHT") for l in self.lemmas(tok)):
                ln = self.light_noun(tok)
                if ln is not None:
                    got = (ln[0], ln[1], "light")
        elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "xcomp", "ROOT", "advcl", "conj", "oprd", "amod"):
            if tok.dep_ != "amod" or tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                m = self.match_adj(tok)
                if m is not None and (tok.dep_ != "amod" or any(c.dep_ in ("xcomp", "prep") for c in tok.children)):
                    got = (m[0], m[1], "adj")
        self._match_cache[key] = got
        return got

    def content_of(self, tok):
        """The clause or noun that a control word governs: "agreed to X", "ready to X", "demanded that X"."""
        if tok is None:
            return None
        for dep in ("xcomp", "ccomp") if tok.pos_ != "NOUN" else ("xcomp", "ccomp", "acl"):
            for c in tok.children:
                if c.dep_ == dep:
                    return c
        for c in tok.children:
            # "pushing for the US to support ...", "called for Russia to reciprocate"
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("for", "that") for m in c.children):
                return c
        for c in tok.children:
            if c.dep_ == "advcl" and c.tag_ == "VB" and any(d.dep_ == "aux" and d.lower_ == "to" for d in c.children):
                return c
        preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
        for word in ("to", "for", "on", "upon", "against", "of"):
            c = preps.get(word)
            if c is not None:
                for p in c.children:
                    if p.dep_ in ("pcomp", "pobj") and p.ent_type_ not in ("DATE", "TIME"):
                        return self.see_through(p)
        for c in tok.children:
            if c.dep_ in ("dobj", "attr"):
                return self.see_through(c)
        return None

    def content_match(self, content):
        """The rule of a control word's content, looking through "continue to", "begin" and their conjuncts."""
        if content is None:
            return None
        cands = [content] + [c for c in content.children if c.dep_ == "conj"]
        for cand in cands:
            cm = self.match(cand) if cand.pos_ in ("VERB", "ADJ") else self.match_noun(cand)
            if cm is None and cand.pos_ == "VERB" and any(l in self.lex.cls("ASPECT") for l in self.lemmas(cand)[:2]):
                inner = self.content_of(cand)
                if inner is not None:
                    cm = self.match(inner) if inner.pos_ in ("VERB", "ADJ") else self.match_noun(inner)
            if cm is not None and cm[0].frame not in ("negcue", "aspect"):
                return cm, cand
        return None

    # ------------------------------------------------------------ date, place, quote
    def date_for(self, anchor, sent, fut: bool) -> tuple[Optional[str], bool]:
        """The date of the event: a date expression attached to its predicate (or to the reporting verb
        above it), resolved against the publication date."""
        attached, fallback = [], []
        for ent in self.sentence_info(sent)["dates"]:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            h, steps, verb = ent.root, 0, None
            while steps < 10:
                if h.i == anchor.i:
                    attached.append((steps, ent))
                    break
                if h.head is h:
                    break
                h = h.head
                steps += 1
                if h.pos_ == "VERB" and h.i != anchor.i:
                    verb = h
                    break
            if verb is not None and any(l in self.lex.cls("SAY") for l in self.lemmas(verb)[:2]) and \
                    verb.left_edge.i <= anchor.i <= verb.right_edge.i:
                fallback.append((steps, ent))
        for _, ent in sorted(attached, key=lambda x: x[0]) + sorted(fallback, key=lambda x: x[0]):
            expr = ent.text
            head = ent.root.head
            if head.dep_ == "prep" and head.i == ent.start - 1:
                expr = f"{head.text} {expr}"  # "in May", "on Friday"
            got = resolve_date(expr, self.doc.published, fut)
            if got:
                return got, bool(re.search(r"\b(next|tomorrow|coming|later)\b", expr, re.I))
        return None, False

    def sentence_info(self, sent) -> dict:
        got = self._sent_cache.get(sent.start)
        if got is None:
            text = sent.text
            got = self._sent_cache[sent.start] = {
                "text": text,
                "contexts": [c for c, rx in self.lex.contexts if rx.search(text)],
                "dates": [e for e in sent.ents if e.label_ in ("DATE", "TIME")],
            }
        return got

    def location_for(self, anchor) -> Optional[str]:
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "inside", "into", "across"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = next((e for e in p.sent.ents if e.start <= p.i < e.end), None)
                        return ent.text if ent is not None else p.text
        return None

    def location_actors(self, anchor) -> list[str]:
        out = []
        if anchor is None:
            return out
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "inside", "into", "across", "along", "throughout"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(a for a in self.np_actors(p) if a not in out)
        return out

    def quote_at(self, pos: int):
        for q in self.quotes:
            if q.content[0] <= pos < q.content[1]:
                return q
            if q.content[0] > pos:
                break
        return None

    # ------------------------------------------------------------ arguments
    def args(self, tok, rule: Rule, obj, type_: str, mode: Optional[str], kind: str, merge: bool = True):
        """(source ids, target ids) for an event triggered at ``tok``."""
        verb = tok if kind in ("verb", "light") else self.clause_verb(tok)
        if kind == "adj":
            verb = tok.head if tok.dep_ in ("acomp", "amod") else tok
        passive = kind in ("verb", "light") and self.is_passive(verb)
        sources: list[str] = []
        targets: list[str] = []
        subj = None
        if kind == "noun":
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and self.tok_actor[c.i]:
                    sources.extend(a for a in self.np_actors(c) if a not in sources)
                if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "between", "among", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            sources.extend(a for a in self.np_actors(p) if a not in sources)
            if any(l in self.lex.cls("UNDERGO") for l in self.lemmas(tok.head)[:2]) and tok.dep_ in ("dobj", "pobj"):
                s = self.subject(verb)
                targets.extend(self.np_actors(s) if s is not None else [])
            elif tok.dep_ in ("nsubj", "attr", "dobj") and not sources:
                s = self.subject(verb) if tok.dep_ != "nsubj" else None
                sources = self.np_actors(s) if s is not None else []
        elif passive and ("volition" in rule.frames or ("stative" in rule.frames and self.passive_agent(verb) is None)):
            # "Ukraine is committed to ...", "Iraq is prepared to ...": the subject states the intention
            sources = [a for c in verb.children if c.dep_ == "nsubjpass" for a in self.np_actors(c)]
        elif passive:
            agent = self.passive_agent(verb)
            if agent is not None:
                sources = self.np_actors(agent)
            targets = [a for c in verb.children if c.dep_ == "nsubjpass" for a in self.np_actors(c)]
        else:
            subj = self.subject(verb)
            if kind == "adj" and verb is tok:
                subj = self.subject(tok)
            if subj is not None:
                sources = self.np_actors(subj)
        if kind == "light" and obj is not None and not sources:
            for c in obj.children:
                if c.dep_ in ("amod", "compound", "poss") and self.tok_actor[c.i]:
                    sources.extend(self.np_actors(c))
        if "swap" in rule.frames:
            giver = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                     for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)]
            sources, targets = giver, sources
        row = self.lex.type_row(type_, mode)
        preps = multi(row.get("target_preps", "")) or ["to", "with", "against", "on"]
        if kind == "light":
            holders = [obj, verb]
        elif kind == "noun":
            holders = [tok, obj]
        else:
            holders = [verb, obj if obj is not None else self.direct_object(verb)]
        holders = [h for h in dict.fromkeys(holders) if h is not None]
        holders += [c for h in holders[1:] for c in h.children if c.dep_ == "conj"]  # "photographs and intelligence to X"
        if not passive and not targets and kind in ("verb", "adj"):
            dobj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None and obj.dep_ in ("dobj", "dative", "attr", "oprd"):
                dobj = obj
            if dobj is None:
                # "kidnapped up to 16 Russian advisers": the object sits under a particle
                dobj = next((p for c in verb.children if c.dep_ == "prt" for pr in c.children if pr.dep_ == "prep"
                             for p in pr.children if p.dep_ == "pobj"), None) or next(
                    (p for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 2 and verb.nbor(1).dep_ == "prt"
                     for p in c.children if p.dep_ == "pobj"), None)
            if dobj is not None:
                targets = self.np_actors(self.see_through(dobj))
            if not targets:
                dat = next((c for c in verb.children if c.dep_ == "dative"), None)
                targets = self.np_actors(dat) if dat is not None else []
        if not targets:
            for p in preps:
                for h in holders:
                    for c in h.children:
                        if c.dep_ in ("prep", "agent") and c.lower_ == p:
                            for q in c.children:
                                if q.dep_ == "pobj":
                                    targets.extend(a for a in self.np_actors(q) if a not in targets)
                    if targets:
                        break
                if targets:
                    break
        if not targets and kind in ("light", "noun") and obj is not None:
            # the object of a nominalised act: "invasion of South Lebanon", "suspension of air links with Serbia"
            targets = [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                       for q in c.children if q.dep_ == "pobj" for a in self.np_actors(q) if a not in sources]
        if merge and "recip" in rule.frames and not (type_ == "CONSULT" and mode == "visit"):
            sources = sources + [a for a in targets if a not in sources]
            targets = []
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in ("between", "among", "with"):
                        for q in c.children:
                            if q.dep_ == "pobj":
                                sources.extend(a for a in self.np_actors(q) if a not in sources)
        if not targets and (type_ in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT", "SANCTION", "CONCEDE")
                            or (type_ == "CONSULT" and mode == "visit")):
            for h in [verb] + [h for h in holders if h is not verb]:
                targets = [a for a in self.location_actors(h) if a not in sources]
                if targets:
                    break
        targets = [a for a in targets if a not in sources]
        if not targets and self.lex.type_row(type_, None).get("domestic") == "yes":
            # a protest is against, and repression falls on, the country where it happens
            targets = [a for a in sources if (self.actor_by_id.get(a) and self.actor_by_id[a].type == "COUNTRY")]
        return sources, targets

    # ------------------------------------------------------------ event creation
    def make(self, sent, tok, type_: str, mode: Optional[str], context, sources, targets, flags: dict,
             anchor=None, trigger_span=None, quote=None) -> Optional[Event]:
        if not type_ or type_ == "-":
            return None
        key = (tok.i, type_)
        dyad = (sent.start, type_, frozenset(sources), frozenset(targets), bool(flags.get("neg")), bool(flags.get("hyp")))
        if key in self.seen or (dyad in self.seen and (sources or targets)):
            return None
        self.seen.add(key)
        self.seen.add(dyad)
        anchor = anchor if anchor is not None else tok
        date, fut_time = self.date_for(anchor, sent, bool(flags.get("fut")))
        ctx = list(dict.fromkeys(list(context) + self.sentence_info(sent)["contexts"]))
        if type_ in ("ASSAULT", "PROTEST") and (not mode or mode in ("firearms", "heavy-weapons", "explosives", "aerial")):
            # the weapon named in the sentence says more than the verb ("fired water cannon", "killed in an air strike")
            mode = self.mode_from_words(type_, self.sentence_info(sent)["text"]) or mode
        row = self.lex.type_row(type_, mode)
        try:
            score = float(row["score"]) if row.get("score") not in (None, "") else None
        except ValueError:
            score = None
        historical = False
        if date and self.doc.published:
            try:
                historical = dt.date.fromisoformat(date) < dt.date.fromisoformat(self.doc.published[:10]) - dt.timedelta(days=365)
            except ValueError:
                historical = False
        span = trigger_span or (tok.idx, tok.idx + len(tok.text))
        q = quote if quote is not None else self.quote_at(span[0])
        ev = Event(id=f"e{len(self.events) + 1}", type=type_, mode=mode, context=ctx,
                   source=list(dict.fromkeys(sources)), target=list(dict.fromkeys(targets)),
                   negated=bool(flags.get("neg")), hypothetical=bool(flags.get("hyp")),
                   future=bool(flags.get("fut") or fut_time), historical=historical,
                   sentence=(sent.start_char, sent.end_char), trigger=span, date=date,
                   location=self.location_for(anchor), score=score, quote=q.id if q is not None else None)
        self.events.append(ev)
        self.by_token.setdefault(tok.i, ev)
        if anchor is not tok:
            self.by_token.setdefault(anchor.i, ev)
        return ev

    def mode_from_words(self, type_: str, text: str) -> Optional[str]:
        for t, m, rx in self.lex.modes:
            if t == type_ and rx.search(text):
                return m
        return None

    def commit(self, type_: str, mode: Optional[str], negated: bool):
        """How a stated intention to do ``type_`` is coded (plover_types.tsv future_as / negfuture_as)."""
        row = self.lex.type_row(type_, mode)
        target = (row.get("negfuture_as") if negated else row.get("future_as")) or ""
        if target == "-":
            return "-", mode, negated
        if not target:
            return type_, mode, negated
        t, _, m = target.partition(":")
        if t == type_:
            return t, (m or mode), False
        return t, (m or None), False

    def resolve_flags(self, scope: Scope, cues: dict, verb=None) -> dict:
        neg = scope.neg or cues["neg"]
        hyp = scope.hyp or cues["hyp"] or scope.question
        fut = scope.fut or cues["fut"]
        if cues["would"] or scope.would:
            # "X said it would ..." is X's commitment; "analysts said an attack would ..." is conjecture
            if scope.volition or (scope.reported and (verb is None or self.speaks_for(verb, scope))):
                fut = True
            else:
                hyp = True
        if cues["oblig"] or scope.oblig:
            hyp = True
        return {"neg": neg, "hyp": hyp, "fut": fut}

    def speaks_for(self, verb, scope: Scope) -> bool:
        """Whether the subject of ``verb`` is the reporting speaker (or the speaker's country)."""
        subj = self.subject(verb)
        if subj is None:
            return False
        if subj.pos_ == "PRON" and subj.lower_ in ("we", "i"):
            return True
        speakers, _ = self.speaker_of(scope, verb)
        actors = set(self.np_actors(subj))
        if not actors or not speakers:
            return False
        if actors & set(speakers):
            return True
        own = self.speaker_country(speakers)
        return bool(own & {self.country(a) for a in actors if self.country(a)})

    def duplicate_of_governor(self, tok, type_: str, flags: dict) -> bool:
        """'summoned the ambassador to complain', 'shelled Juba, killing 20': one event, not two."""
        h, steps = tok, 0
        while steps < 3 and h.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "dobj", "pobj") and h.head is not h:
            h = h.head
            steps += 1
            ev = self.by_token.get(h.i)
            if ev is not None and ev.type == type_ and ev.negated == flags["neg"] and ev.hypothetical == flags["hyp"]:
                return True
        return False

    # ------------------------------------------------------------ speaker statements
    def speaker_of(self, scope: Scope, tok) -> tuple:
        q = self.quote_at(tok.idx)
        if q is not None and q.speaker:
            return (q.speaker,), q
        return scope.speaker, q

    def speaker_country(self, speakers) -> set:
        return {self.country(a) for a in speakers if self.country(a)}

    def relation_statement(self, sent, v, scope: Scope) -> None:
        """'relations between X and Y have never been better' -> SUPPORT; '... are strained' -> ACCUSE."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in self.lex.cls("RELATION_NOUN"):
            return
        pred = next((c for c in v.children if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN")), None)
        adjs = [pred] if pred is not None and pred.pos_ == "ADJ" else \
            [c for c in pred.children if c.dep_ == "amod"] if pred is not None else []
        lem = v.lemma_.lower()
        if adjs:
            words = {a.lower_ for a in adjs} | {a.lemma_.lower() for a in adjs}
            if words & self.lex.cls("POSITIVE_ADJ"):
                polarity = 1
            elif words & self.lex.cls("NEGATIVE_ADJ"):
                polarity = -1
            else:
                return
        elif lem in self.lex.cls("RELATION_UP"):
            polarity = 1
        elif lem in self.lex.cls("RELATION_DOWN"):
            polarity = -1
        else:
            return
        speakers, q = self.speaker_of(scope, v)
        if not speakers:
            return
        cues = self.local_cues(v)
        flags = self.resolve_flags(scope, cues)
        if cues["never"] and any(a.tag_ in ("JJR", "JJS", "RBR", "RBS") for a in adjs):
            flags["neg"] = False  # "have never been better" is praise
        parties = []
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "of"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        parties.extend(a for a in self.np_actors(p) if a not in parties)
            elif c.dep_ in ("poss", "compound", "amod", "nmod"):
                parties.extend(a for a in self.np_actors(c) if a not in parties)
        own = self.speaker_country(speakers)
        targets = [a for a in parties if a not in speakers and (self.country(a) is None or self.country(a) not in own)]
        type_, mode = ("SUPPORT", None) if polarity > 0 else ("ACCUSE", "disapprove")
        self.make(sent, v, type_, mode, ("diplomatic",), list(speakers), targets, flags, quote=q)

    def statement_events(self, sent, content, scope: Scope) -> None:
        """"Y must X", said by a speaker, is a REQUEST of Y."""
        speakers, q = self.speaker_of(scope, content)
        if scope.background:
            return
        cues = self.local_cues(content)
        subjunctive = content.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in content.children) and \
            any(c.dep_ == "nsubj" for c in content.children)
        if not (cues["oblig"] or subjunctive) or cues["neg"]:
            return
        subj = self.subject(content)
        if subj is None or not self.agentive(content):
            return
        others = [a for a in self.np_actors(subj) if a not in speakers]
        if subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("we", "i", "us"):
            return
        flags = self.resolve_flags(replace(scope, oblig=False), {**cues, "oblig": False})
        self.make(sent, content, "REQUEST", None, (), list(speakers), others, flags, quote=q)

    def accusation(self, sent, tok, ev: Event, scope: Scope) -> None:
        """A speaker describing a third party's standing conduct ("Western countries refuse to cooperate"): ACCUSE."""
        if ev.negated or ev.hypothetical or ev.type in ("ACCUSE", "REQUEST"):
            return
        if self.lex.quad(ev.type).endswith("cooperation"):
            return
        verb = tok if tok.pos_ == "VERB" else self.clause_verb(tok)
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if auxes or verb.tag_ not in ("VBP", "VBZ"):
            return
        speakers, q = self.speaker_of(scope, tok)
        if not speakers:
            return
        own = self.speaker_country(speakers)
        accused = [a for a in ev.source if a not in speakers and (self.country(a) is None or self.country(a) not in own)]
        if not accused:
            return
        made = self.make(sent, verb, "ACCUSE", "disapprove", (), list(speakers), accused, {"neg": False, "hyp": False, "fut": False},
                         anchor=verb, quote=q)
        if made is not None:
            ev.hypothetical = True  # the conduct is the speaker's characterisation, kept as evidence

    # ------------------------------------------------------------ the walk
    def code_sentence(self, sent) -> None:
        question = sent.text.strip().rstrip(QUOTE_CHARS + " )").endswith("?")
        root = sent.root
        self.main_acl = -1
        if root.pos_ in ("NOUN", "PROPN"):
            # a sentence parsed as "NOUN <acl verb> ...": the first participle is its predicate
            first = next((t for t in sent if t.dep_ in ("acl", "relcl") and t.tag_ in ("VBD", "VBN", "VBZ", "VBP")
                          and not any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)), None)
            if first is not None:
                self.main_acl = first.i
        self.visit(sent, root, Scope(question=question), 0)
        subj = self.subject(root)
        if subj is not None:
            got = self.np_actors(subj)
            if got:
                self.last_subject = got

    def visit(self, sent, tok, scope: Scope, depth: int) -> None:
        if depth > 60:
            return
        lex = self.lex
        pos = tok.pos_
        is_noun = pos in ("NOUN", "PROPN", "PRON", "NUM")
        content_word = pos in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "ADP")
        according_to = self.according_to(tok) if pos in ("VERB", "AUX", "ADJ") else ()
        if according_to:
            # "According to X, ..." - X speaks the clause this phrase modifies
            scope = replace(scope, speaker=according_to, say=tok.i)
        if not content_word:
            cues = NO_CUES
        else:
            cues = self.noun_cues(tok) if is_noun else self.local_cues(tok)
        rule, ev = None, None
        if not scope.background and content_word:
            m = self.match(tok)
            if m is not None:
                rule = m[0]
                ev = self.event_at(sent, tok, m[0], m[1], m[2], scope, cues)
            elif tok.pos_ in NOUN_POS and self.noun_event_position(tok):
                nm = self.match_noun(tok)
                if nm is not None:
                    rule = nm[0]
                    ev = self.event_at(sent, tok, rule, tok, "noun", scope, cues)
            if tok.pos_ in ("VERB", "AUX"):
                self.relation_statement(sent, tok, scope)
        frame = rule.frame if rule is not None else "-"
        own = self.resolve_flags(scope, cues)
        is_say = frame == "-" and pos == "VERB" and any(l in lex.cls("SAY") for l in self.lemmas(tok)[:2])
        gov = self.gov_kind(tok) if frame in ("-", "light", "aspect") and (content_word or pos == "ADV") else None
        speakers = scope.speaker
        if is_say:
            s = self.subject(tok)
            got = tuple(self.np_actors(s)) if s is not None else ()
            speakers = got or scope.speaker
        under_protest = ev is not None and ev.type == "PROTEST"
        for c in tok.children:
            dep = c.dep_
            cs = scope
            if dep == "conj":
                if not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children):
                    # coordinated predicates share the first one's auxiliaries: "will meet and sign"
                    cs = replace(scope, neg=scope.neg or (cues["neg"] and not cues["never"] and not is_noun),
                                 hyp=scope.hyp or (cues["hyp"] and not is_noun), fut=scope.fut or cues["fut"],
                                 would=scope.would or cues["would"])
            elif (dep in ("relcl", "acl") or (dep == "ccomp" and is_noun)) and c.i != self.main_acl:
                # background of a noun; but a sentence parsed as "NOUN <acl verb> ..." is a clause misparsed
                cs = replace(scope, background=True)
            elif dep in ("xcomp", "ccomp", "advcl", "pcomp", "acomp", "parataxis", "csubj") or (
                    dep in ("dobj", "pobj", "attr", "prep", "oprd") and frame in CONTROL_FRAMES + ("negcue",)):
                cs = self.child_scope(tok, c, scope, own, frame, gov, is_say, speakers)
            elif dep == "prep":
                neg_p = gov == "negation" or c.lower_ in ("without",)
                hyp_p = gov in ("hypothetical", "hypothetical+future")
                if is_noun or tok.pos_ in ("VERB", "AUX"):
                    # "no plans for X"; "no decision was taken on deploying troops"
                    neg_p = neg_p or (cues["neg"] and not cues["never"]) or (not is_noun and own["neg"] and not scope.neg)
                    hyp_p = hyp_p or cues["hyp"] or (not is_noun and own["hyp"] and not scope.hyp)
                if c.lower_ in ("instead", "rather"):
                    neg_p = True
                if neg_p or hyp_p:
                    cs = replace(scope, neg=scope.neg or neg_p, hyp=scope.hyp or hyp_p)
            elif dep == "pobj" and tok.dep_ == "prep" and tok.lower_ in ("without",):
                cs = replace(scope, neg=True)
            if dep == "pcomp" and tok.dep_ == "prep" and tok.head.pos_ == "NOUN" and not self.gov_kind(tok.head) \
                    and not self.match_noun(tok.head):
                cs = replace(cs, background=True)  # "support for Ukraine in defending its territory"
            if under_protest and dep != "conj":
                cs = replace(cs, protest=True)
            self.visit(sent, c, cs, depth + 1)
        if is_say and not scope.background:
            comp = next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis")), None)
            if comp is not None:
                self.statement_events(sent, comp, replace(scope, speaker=speakers, say=tok.i))
        elif according_to and tok.pos_ in ("VERB", "AUX") and not scope.background:
            self.statement_events(sent, tok, scope)

    def according_to(self, tok) -> tuple:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for p in c.children:
                    if p.dep_ == "prep":
                        for q in p.children:
                            if q.dep_ == "pobj":
                                return tuple(self.np_actors(q))
        return ()

    def child_scope(self, tok, c, scope: Scope, own: dict, frame: str, gov: Optional[str], is_say: bool,
                    speakers: tuple) -> Scope:
        dep = c.dep_
        if is_say and dep in ("ccomp", "parataxis", "xcomp"):
            # reported content keeps its own tense and polarity; the speaker is known
            return Scope(hyp=scope.hyp, question=scope.question, speaker=speakers, say=tok.i,
                         background=scope.background, protest=scope.protest)
        infinitive = c.tag_ == "VB" and any(d.dep_ == "aux" and d.lower_ == "to" for d in c.children)
        marked = any(d.dep_ == "mark" for d in c.children)
        base = replace(scope, neg=own["neg"], hyp=own["hyp"], fut=own["fut"], would=False, oblig=False)
        if frame in CONTROL_FRAMES + ("negcue",):
            content = self.content_of(tok)
            is_content = dep in ("xcomp", "ccomp") or c is content or (content is not None and content.head is c) or (
                dep == "prep" and c.lower_ in ("to", "on", "upon", "for", "against", "of"))
            if is_content or dep in ("dobj", "attr", "oprd"):
                if frame == "refuse":
                    return replace(base, absorbed=True, neg=True)
                if frame == "negcue":
                    return replace(base, neg=True)
                return replace(base, absorbed=True, hyp=True, volition=frame == "volition")
            if not (dep == "advcl" and any(l in self.lex.cls("SAY") for l in self.lemmas(c)[:2])):
                # everything else hangs on the governed act ("... before they demobilize"); a participial
                # "saying ..." is the speaker's own statement
                if frame == "refuse":
                    return replace(base, absorbed=True, neg=True)
                if frame == "negcue":
                    return replace(base, neg=True)
                return replace(base, absorbed=True, hyp=True, volition=frame == "volition")
        if dep == "advcl":
            if marked:
                # "after", "as", "when" clauses share the main clause's modality but not its negation;
                # "if"/"unless" are read from the clause itself
                return replace(scope, neg=False, hyp=scope.hyp or own["hyp"], fut=scope.fut or own["fut"])
            if infinitive:
                return replace(scope, hyp=True)  # purpose: "sent troops to protect" (not yet done)
            return replace(scope, neg=False)
        if dep == "xcomp" and any(d.dep_ == "advmod" and d.lower_ == "yet" for d in tok.children):
            return replace(base, neg=True)  # "has yet to agree"
        aspect = frame == "aspect" or any(l in self.lex.cls("ASPECT") for l in self.lemmas(tok)[:2])
        if aspect and dep in ("xcomp", "ccomp", "pcomp"):
            return base
        if gov == "negation":
            return replace(base, neg=True)
        if gov == "hypothetical":
            return replace(base, hyp=True)
        if gov == "hypothetical+future":
            return replace(base, hyp=True, fut=True)
        if gov == "future":
            return replace(base, fut=True)
        if gov == "obligation":
            return replace(base, oblig=True)
        if gov == "realis":
            return base
        if dep == "xcomp" and infinitive:
            return replace(base, hyp=True)  # irrealis complement of an unlisted verb ("wants to", "prefers to")
        if dep in ("ccomp", "csubj"):
            return replace(scope, hyp=scope.hyp or own["hyp"])
        return base

    def noun_event_position(self, n) -> bool:
        """Nouns code events only where they are the event: 'there was a clash', 'clashes erupted', 'plans for X'."""
        h = n.head
        if n.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in h.children):
            nm = self.match_noun(n)
            if nm is None:
                return False
            # "there were clashes" is an event; "there is a growing consensus" is not, unless someone holds it
            rule = nm[0]
            return self.lex.quad(rule.type) == "material_conflict" or bool(self.args(n, rule, n, rule.type, rule.mode, "noun")[0])
        if n.dep_ == "nsubj" and any(l in self.lex.cls("OCCUR") for l in self.lemmas(h)[:2]) and self.match(h) is None:
            return True
        if n.dep_ == "pobj" and h.dep_ == "prep":
            g = h.head
            if g.pos_ == "NOUN" and self.gov_kind(g) in ("hypothetical", "negation", "future", "hypothetical+future"):
                return True
            if g.pos_ == "VERB" and h.lower_ == "for" and any(l in self.lex.cls("CALL_CUE") for l in self.lemmas(g)[:2]):
                return True
            if h.lower_ in ("to", "on") and self.match(g) is not None and self.match(g)[0].frame in CONTROL_FRAMES:
                return True  # "agreed to a ceasefire", "insisted on its demands"
        if n.dep_ in ("dobj", "attr"):
            m = self.match(h) if h.pos_ in ("VERB", "ADJ") else None
            if m is not None and m[0].frame in CONTROL_FRAMES and m[2] != "light":
                return True
        return False

    def event_at(self, sent, tok, rule: Rule, obj, kind: str, scope: Scope, cues: dict) -> Optional[Event]:
        """Code the event of a matched trigger."""
        type_, mode = rule.type, rule.mode
        frame = rule.frame if kind != "light" else "-"
        if frame == "negcue" or (frame == "aspect" and type_ in ("", "-")):
            return None
        anchor = tok
        if kind == "noun":
            anchor = self.clause_verb(tok)
            if anchor is not tok and tok.dep_ in ("nsubj", "nsubjpass", "attr", "dobj"):
                # "there could be clashes", "talks may resume": the clause's cues are the noun's
                vc = self.local_cues(anchor)
                cues = {k: cues[k] or vc[k] for k in cues}
        flags = self.resolve_flags(scope, cues, anchor if kind != "noun" else None)
        if kind == "light" and obj is not None:
            nc = self.noun_cues(obj)
            flags["neg"] = flags["neg"] or nc["neg"]
            flags["hyp"] = flags["hyp"] or nc["hyp"]
        content, content_rule, content_tok = None, None, None
        if kind == "light" and obj is not None and rule.frame in CONTROL_FRAMES:
            # "issued a demand that ...", "made a commitment to withdraw": the noun needs its content
            if self.content_match(self.content_of(obj)) is None and self.content_match(
                    next((c for c in tok.children if c.dep_ == "ccomp"), None)) is None and not any(
                    self.np_actors(p) for c in obj.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "on", "from")
                    for p in c.children if p.dep_ == "pobj"):
                return None
        if frame in CONTROL_FRAMES:
            content = self.content_of(tok)
            cmatch = self.content_match(content)
            if cmatch is not None:
                content_rule, content_tok = cmatch[0][0], cmatch[1]
        sources, targets = self.args(tok, rule, obj, type_, mode, kind)
        if content is not None:
            ctargets = self.content_targets(content_tok or content, content_rule, sources)
            if frame == "request":
                addressee = targets
                if not addressee and content.pos_ == "VERB":
                    cs = self.subject(content)
                    addressee = [a for a in (self.np_actors(cs) if cs is not None else []) if a not in sources]
                third = [a for a in ctargets if a not in addressee and a not in sources]
                ctype = content_rule.type if content_rule is not None else None
                cquad = self.lex.quad(ctype) if ctype else ""
                if ctype and any(l in self.lex.cls("ORDER") for l in self.lemmas(tok)[:2]) and cquad == "material_conflict":
                    type_, mode = content_rule.type, content_rule.mode  # an order to repress is repression
                    targets = addressee or ctargets
                elif ctype and third and cquad.endswith("conflict") and ctype not in ("REQUEST", "REJECT"):
                    type_, mode, targets = "ACCUSE", "disapprove", third  # "called for sanctions against X"
                elif ctype in ("SUPPORT", "AID") and third and addressee:
                    type_, mode, targets = "SUPPORT", None, third  # "urged the EU to support X"
                else:
                    targets = addressee or ctargets
            elif not targets:
                targets = ctargets
        if kind == "light" and rule.frame == "request" and not targets and obj is not None:
            # "issued a declaration demanding that the government ...", "reiterated its demand that Israel ..."
            clause = self.content_of(obj) or next((c for c in tok.children if c.dep_ == "ccomp"), None)
            for _ in range(2):
                if clause is None or clause.pos_ not in ("VERB", "AUX"):
                    break
                subj = self.subject(clause)
                got = [a for a in (self.np_actors(subj) if subj is not None and subj.i != obj.i else []) if a not in sources]
                if got:
                    targets = got
                    break
                clause = self.content_of(clause)
        if type_ == "THREATEN" and not targets:
            # a conditional threat is aimed at the party whose act is the condition: "... unless Israel rescinds"
            for h in (content, tok):
                cond = next((c for c in (h.children if h is not None else ()) if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)), None)
                if cond is not None:
                    subj = self.subject(cond)
                    targets = [a for a in (self.np_actors(subj) if subj is not None else []) if a not in sources]
                    if targets:
                        break
        if frame == "fixed" and type_ == "THREATEN" and content_rule is not None:
            t2, m2, _ = self.commit(content_rule.type, content_rule.mode, False)
            if t2 == "THREATEN":
                mode = m2 or mode
        if "coop" in rule.frames and content_rule is not None and self.lex.quad(content_rule.type).endswith("conflict"):
            return None  # "failed to capture the town": no refusal; the capture did not happen (content negated)
        if frame == "refuse" and content_rule is not None and (content_rule.type == "REJECT" or content_rule.frame == "negcue"):
            return None  # "refused to rule out X" keeps X open: no rejection
        if frame == "refuse" and content is not None and content.pos_ == "VERB" and content_rule is None and \
                any(l in self.lex.cls("SAY") for l in self.lemmas(content)[:2]):
            return None  # "declined to comment" is no political refusal
        if frame == "volition":
            if content_rule is not None and self.commit(content_rule.type, content_rule.mode, False)[0] in ("-", ""):
                return None  # "plans to urge X": the request is yet to be made
            if content_rule is not None:
                ctok = content_tok or content
                content_neg = any(c.dep_ == "neg" for c in ctok.children)
                ctype, cmode = content_rule.type, content_rule.mode
                if "dest" in content_rule.frames and self.destination(ctok):
                    ctype, cmode = "AID", None  # "ready to send troops to Lithuania" promises aid
                type_, mode, still_neg = self.commit(ctype, cmode, content_neg)
                flags["neg"] = flags["neg"] or still_neg
            elif kind == "adj" and content is None:
                return None
        # a stated future act is a commitment: a promise (AGREE), a threat (THREATEN) or a refusal (REJECT)
        explicit = cues.get("fut") or cues.get("would") or scope.fut or scope.would or scope.volition
        if not scope.absorbed and frame != "volition" and (flags["fut"] or scope.volition) and not flags["hyp"]:
            if not flags["neg"] or explicit:
                committed = self.commit(type_, mode, flags["neg"])
                if committed[0] == "-":
                    flags["hyp"] = True  # "X will demand ...": not yet made
                else:
                    if "recip" in rule.frames and committed[0] != type_:
                        # "they would meet the U.N. mediator": a promise to the mediator
                        sources, targets = self.args(tok, rule, obj, type_, mode, kind, merge=False)
                    type_, mode, flags["neg"] = committed
        if scope.absorbed:
            if not flags["neg"]:
                flags["hyp"] = True
        if scope.protest and type_ in ("REQUEST", "ACCUSE"):
            flags["hyp"] = True  # the demand of a protest is its topic
        if "dest" in rule.frames:
            # forces sent to a named state are military assistance; sent to a border or region, a deployment
            dest = self.destination(tok)
            if dest:
                type_, mode = "AID", None
                targets = dest
        if "joint" in rule.frames:
            countries = {self.country(a) for a in sources + targets if self.country(a)}
            with_partner = any(c.dep_ == "prep" and c.lower_ == "with" for h in (tok, anchor) for c in h.children)
            if any(c.lower_ == "joint" for c in tok.children) or len(countries) >= 2 or with_partner:
                type_, mode = "COOPERATE", None
                sources, targets = sources + [a for a in targets if a not in sources], []
        if self.duplicate_of_governor(anchor if kind != "light" else tok, type_, flags):
            return None
        if "needs2" in rule.frames and len(set(sources) | set(targets)) < 2 and not self.plural_subject(tok):
            return None  # "the cabinet met": an internal meeting, not a consultation
        if self.lex.quad(type_).startswith("verbal") and not sources and kind in ("verb", "adj") and not self.agentive(tok):
            return None  # "the document fails to reflect ...": statements and decisions need someone to make them
        span = None
        if kind == "light" and obj is not None:
            span = (min(tok.idx, obj.idx), max(tok.idx + len(tok.text), obj.idx + len(obj.text)))
        elif rule.particles and kind == "verb":
            parts = [c for c in tok.children if c.lower_ in rule.particles and c.dep_ in ("prt", "prep", "advmod")
                     and 0 < c.i - tok.i <= 2]
            if parts:
                span = (tok.idx, max(max(p.idx + len(p.text) for p in parts), tok.idx + len(tok.text)))
        ev_tok = obj if kind == "light" and obj is not None else tok
        _, q = self.speaker_of(scope, tok)
        ev = self.make(sent, ev_tok, type_, mode, rule.context, sources, targets, flags,
                       anchor=tok if kind in ("light", "verb", "adj") else anchor, trigger_span=span, quote=q)
        if ev is not None:
            self.by_token.setdefault(tok.i, ev)
            if scope.reported and not scope.absorbed:
                self.accusation(sent, tok, ev, scope)
        return ev

    def agentive(self, v) -> bool:
        """Whether the subject of ``v`` can be a political actor (a person, group or state), or is unstated."""
        s = self.subject(v) if not self.is_passive(v) else self.passive_agent(v)
        if s is None:
            return True
        s = self.see_through(s)
        if s.pos_ in ("PRON", "PROPN") or s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or self.np_actors(s):
            return True
        return any(self.in_class(s, c) for c in ("@PERSONNOUN", "@CROWD", "@ARMED", "@ORG_GROUP", "@DIPLOMATS",
                                                     "@OBSERVERS", "@FORCES"))

    def destination(self, v) -> list[str]:
        """States that forces are sent "to": military assistance rather than a deployment."""
        dest = []
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "into"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        # the place itself must be the state ("to Lithuania"), not "to the border with Ukraine"
                        for t in [p] + [x for x in p.children if x.dep_ == "conj"]:
                            aid = self.tok_actor[t.i]
                            if aid and aid not in dest:
                                dest.append(aid)
        return dest if any(self.actor_by_id[a].type in ("COUNTRY", "IGO") for a in dest) else []

    def plural_subject(self, v) -> bool:
        s = self.subject(v)
        return s is not None and (s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children))

    def content_targets(self, content, content_rule, sources) -> list[str]:
        if content is None:
            return []
        if content.pos_ in ("NOUN", "PROPN"):
            out = []
            for c in content.children:
                if c.dep_ in ("poss", "compound", "amod") or (
                        c.dep_ == "prep" and c.lower_ in ("of", "by", "from", "to", "against", "with", "on", "for")):
                    toks = [c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"]
                    for t in toks:
                        out.extend(a for a in self.np_actors(t) if a not in out and a not in sources)
            return out
        rule = content_rule or Rule("V", "", (), "", "", "AGREE", None, (), frozenset(["-"]))
        m = self.match(content)
        kind = m[2] if m is not None else "verb"
        obj = m[1] if m is not None else None
        _, t = self.args(content, rule, obj, rule.type, rule.mode, kind if kind != "noun" else "verb", merge=False)
        return [a for a in t if a not in sources]


def resolve_date(expr: str, published: Optional[str], future: bool = False) -> Optional[str]:
    """A date expression ("on Wednesday", "last month", "in May", "February 2022") as ISO, or None."""
    e = expr.strip()
    m = re.search(r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                  r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d\d)\b", e, re.I)
    if m and not parse_date(e):
        return dt.date(int(m.group(2)), month_number(m.group(1)), 1).isoformat()
    y = re.fullmatch(r"(?:in\s+)?((?:19|20)\d\d)", e, re.I)
    if y:
        return y.group(1) + "-01-01"
    got = resolve_relative(e, published)
    if got and future and published:
        # "in May", "on Friday" said of a future act point forward, not back
        try:
            ref = dt.date.fromisoformat(published[:10])
            d = dt.date.fromisoformat(got)
        except ValueError:
            return got
        if d < ref and not re.search(r"\b(last|ago|yesterday|past|earlier)\b", e, re.I) and not re.search(r"(19|20)\d\d", e):
            if re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", e, re.I):
                d = d + dt.timedelta(days=7)
            else:
                try:
                    d = d.replace(year=d.year + 1)
                except ValueError:
                    pass
            got = d.isoformat()
    return got


def code(doc: Document) -> None:
    """Code PLOVER events in ``doc`` and append them to ``doc.events``."""
    if doc.doc is None:
        raise StageError(f"{doc.input}: the events stage needs a parsed document (run the parse stage first)")
    coder = _Coder(doc)
    for sent in doc.doc.sents:
        coder.code_sentence(sent)
    start = len(doc.events)
    for i, ev in enumerate(coder.events, start + 1):
        ev.id = f"e{i}"
    doc.events.extend(coder.events)
