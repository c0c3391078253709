"""Triggers: which token is an event word of the lexicon, in which construction, with which object."""
from __future__ import annotations

from .lexicon import CONTROL_FRAMES, NOUN_POS


class Triggers:
    """Matching tokens against the lexicon's verb, noun and adjective patterns (mixed into the coder)."""

    def subj_ok(self, spec: str, v) -> bool:
        if not spec:
            return True
        neg = spec.startswith("!")
        s = self.subject(v)
        if s is None and self.is_passive(v):
            s = self.passive_agent(v)
        if s is None:
            return neg
        head = s
        s = self.see_through(s)
        inside = self.in_class(s, spec.lstrip("!"))
        if inside and self.tok_actor[s.i] and spec.lstrip("!") == "@CROWD":
            a = self.actor_by_id.get(self.tok_actor[s.i])
            inside = a is None or a.type not in ("COUNTRY", "PERSON", "IGO")
        if not inside and spec.lstrip("!") == "@CROWD" and head is not s and head.lower_ in (
                "tens", "hundreds", "thousands", "millions", "scores", "dozens"):
            inside = True  # "tens of thousands of Sudanese began protesting": a crowd
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
                if len(rules) > 1 and self.material_noun(n):
                    # "the Israeli strike", "a strike on the port": the material sense, not a walkout
                    hit = next((r for r in rules if r.type in ("ASSAULT", "COERCE")), None)
                    if hit is not None:
                        return hit, n
                if len(rules) > 1 and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in n.children):
                    # "a call for talks" is a request, "a call with X" a conversation
                    return next((r for r in rules if "request" in r.frames), rules[0]), n
                return rules[0], n
        return None

    def material_noun(self, n) -> bool:
        """A noun of several senses read as a material act: a state's or an army's ("the Israeli strike",
        "the army's raid"), with a military modifier (MATERIAL_NOUN_MOD: "air", "drone", "missile"), or aimed
        "on"/"against" a target that is no date. Workers or a union as modifier keep the labour sense."""
        mods = [c for c in n.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        if any(self.in_class(m, "@CROWD") for m in mods):
            return False
        if any(m.ent_type_ in ("NORP", "GPE") or m.lemma_.lower() in self.lex.cls("MATERIAL_NOUN_MOD")
               or self.in_class(m, "@FORCES") for m in mods):
            return True
        hurt = self.lex.cls("MATERIAL_NOUN_VERB")  # "the strikes killed 12 people", "strikes, which hit a market"
        if (n.dep_ == "nsubj" and any(l in hurt for l in self.lemmas(n.head)[:2])) or any(
                c.dep_ == "relcl" and any(l in hurt for l in self.lemmas(c)[:2]) for c in n.children):
            return True
        return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
            p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in c.children) for c in n.children)

    def match_adj(self, a):
        rules = self.lex.adjs.get(a.lemma_.lower()) or self.lex.adjs.get(a.lower_)
        if not rules:
            return None
        parts = {c.lower_ for c in a.children if c.dep_ in ("prep", "agent")}  # "concerned by": an agent's "by"
        for r in rules:
            if any(p not in parts for p in r.particles):
                continue
            obj = None
            if r.obj:
                objs = [self.see_through(p) for c in a.children if c.dep_ in ("prep", "agent") and (
                    not r.particles or c.lower_ in r.particles) for p in c.children if p.dep_ == "pobj"]
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
        if tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
                c.dep_ == "det" and c.lower_ in ("the", "those") for c in tok.children):
            pass  # "evacuated the wounded", "the detained": a participle used as a noun names people, not an act
        elif tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound"):
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
            if got is None and self.lex.use_cameo:
                cm = self.match_cameo(tok)  # the CAMEO verb patterns, where the hand lexicon has nothing
                if cm is not None:
                    got = (cm[0], cm[1], "verb")
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
            if cm is None and cand.pos_ == "VERB" and self.lemma_in(cand, "ASPECT"):
                inner = self.content_of(cand)
                if inner is not None:
                    cm = self.match(inner) if inner.pos_ in ("VERB", "ADJ") else self.match_noun(inner)
            if cm is not None and cm[0].frame not in ("negcue", "aspect"):
                return cm, cand
        return None

    def noun_event_position(self, n) -> bool:
        """Nouns code events only where they are the event: 'there was a clash', 'clashes erupted', 'plans for X'."""
        if any(c.dep_ == "relcl" and self.finite_relative(c) and self.match(c) is not None for c in n.children):
            return False  # "the strikes, which killed 12 people": the relative clause codes the attack
        if self.bare_nominal(n):
            return True
        h = n.head
        if n.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in h.children):
            nm = self.match_noun(n)
            if nm is None:
                return False
            # "there were clashes" is an event; "there is a growing consensus" is not, unless someone holds it
            rule = nm[0]
            return self.lex.quad(rule.type) == "material_conflict" or bool(self.args(n, rule, n, rule.type, rule.mode, "noun")[0])
        if n.dep_ == "nsubj" and h.pos_ == "VERB" and any(l in self.lex.cls("OCCUR") for l in self.lemmas(h)) and (
                self.match(h) is None or self.match(h)[0].origin != "hand"):
            return True  # "heavy fighting raged": the verb of occurring is no event of its own (a CAMEO pattern aside)
        if n.dep_ == "pobj" and h.dep_ == "prep":
            g = h.head
            if g.pos_ == "NOUN" and self.gov_kind(g) in ("hypothetical", "negation", "future", "hypothetical+future"):
                return True
            if g.pos_ == "VERB" and h.lower_ == "for" and self.lemma_in(g, "CALL_CUE"):
                return True
            if h.lower_ in ("to", "on") and self.match(g) is not None and self.match(g)[0].frame in CONTROL_FRAMES:
                return True  # "agreed to a ceasefire", "insisted on its demands"
        if n.dep_ in ("dobj", "attr"):
            m = self.match(h) if h.pos_ in ("VERB", "ADJ") else None
            if m is not None and m[0].frame in CONTROL_FRAMES and m[2] != "light":
                return True
        return False

    def specific_event_noun(self, n) -> bool:
        """A vague event noun made specific by its parties: a doer ("by police") or a victim named as people or
        an actor ("the killing of a protester", "torture of detainees"); an owner alone ("the group's
        operations") is not enough."""
        for c in n.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by", "against"):
                for p in c.children:
                    if p.dep_ == "pobj" and (self.np_actors(p) or any(self.in_class(p, k) for k in (
                            "@PEOPLE", "@CROWD", "@PERSONNOUN", "@ARMED", "@PRISONERS"))):
                        return True
        return False

    def bare_nominal(self, n) -> bool:
        """A named attack or condemnation that no other event governs: "Tuesday's attack marked ...", "claimed
        responsibility for the attack", "the arrest drew international condemnation", "attacks on police".
        A nominal event that is the object or reason of a coded event is not coded twice ("condemned the attack")."""
        if n.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"):
            return False
        nm = self.match_noun(n)
        if nm is None:
            return False
        rule = nm[0]
        lem = n.lemma_.lower()
        kind = "material" if rule.type == "ASSAULT" else "condemn" if lem in self.lex.cls("CONDEMN_NOUN") else None
        if kind == "condemn" and rule.type == "ACCUSE" and any(
                c.dep_ == "poss" and (self.tok_actor[c.i] or self.in_class(c, "@PERSONNOUN")) for c in n.children):
            kind = "owned"  # "China's condemnation of the visit", "the minister's criticism of the plan"
        if kind is None and rule.type == "ACCUSE" and lem in self.lex.cls("LEGAL_PROCEEDING") | {"charge", "charges"} and any(
                c.dep_ == "prep" and c.lower_ in ("of", "against", "into") and any(
                    p.dep_ == "pobj" and (self.np_actors(p) or self.in_class(p, "@PERSONNOUN") or self.in_class(p, "@PEOPLE"))
                    for p in c.children) for c in n.children):
            kind = "legal"  # "the indictment of the mayor", "charges against the journalist", "a probe into the minister"
        if kind is None and rule.type == "ACCUSE" and lem in self.lex.cls("LEGAL_PROCEEDING") and n.dep_ == "nsubj" and (
                self.lemma_in(n.head, "PROCEED") or any(
                    c.dep_ in ("acomp", "advmod") and c.lower_ in self.lex.cls("UNDERWAY") for c in n.head.children)):
            kind = "legal"  # "the trial opened on Monday", "his trial has been ongoing since December"
        if kind is None and rule.type in ("COERCE", "SANCTION", "RETREAT") and (any(
                c.dep_ == "poss" and (self.tok_actor[c.i] or (c.pos_ == "PRON" and self.np_actors(c)))
                for c in n.children) or any(
                c.dep_ == "prep" and c.lower_ in ("against", "on", "of") and any(
                    p.dep_ == "pobj" and (self.np_actors(p) or self.in_class(p, "@CROWD") or self.in_class(p, "@PEOPLE")
                                          or self.in_class(p, "@PERSONNOUN"))
                    for p in c.children) for c in n.children)):
            kind = "material"  # "Iran's crackdown on protesters", "the arrest of two journalists", "his release"
        if kind is None and rule.type == "MOBILIZE" and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    p.dep_ == "pobj" and (self.in_class(p, "@FORCES") or self.in_class(p, "@WEAPONS")) for p in c.children)
                for c in n.children):
            kind = "material"  # "the deployment of 2,000 troops to Poland", "the deployment of the reserve brigade"
        if kind is None and rule.type == "CONSULT" and lem in self.lex.cls("MEETING_NOUN") and (any(
                c.dep_ in ("poss", "compound", "amod", "nmod") and self.tok_actor[c.i] for c in n.children) or any(
                c.dep_ == "poss" and c.lower_ == "their" for c in n.children) or any(  # "their summit": two parties met
                c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "to") and any(
                    p.dep_ == "pobj" and self.np_actors(p) for p in c.children) for c in n.children)):
            kind = "meeting"  # "talks with the Mauritian prime minister", "the G7 talks", "a visit to South Africa"
        if kind is None and rule.type in ("THREATEN", "REQUEST", "AGREE", "REJECT", "ACCUSE") and any(
                c.dep_ == "poss" and (self.tok_actor[c.i] or self.in_class(c, "@PERSONNOUN")) for c in n.children):
            kind = "owned"  # "the minister's threat to expel ...", "Iran's demand for ..."
        if kind is None and rule.type == "PROTEST" and n.dep_ == "dobj" and self.lemma_in(n.head, "PROVOKE_VERB"):
            kind = "condemn"  # "the killing sparked riots", "the verdict triggered demonstrations"
        if kind is None:
            return False
        if rule.head in self.lex.cls("VAGUE_EVENT_NOUN") and not self.specific_event_noun(n):
            return False  # "war", "the killing"; but "sexual violence", "the killing of a protester by police"
        if any(c.dep_ == "det" and c.lower_ in ("no", "any", "every", "each") for c in n.children):
            return False
        # walk up to the predicate: no event word may govern the noun on the way, and no background
        # preposition ("after an offensive", "since last month's invasion") may frame it
        h, steps = n, 0
        while h.head.i != h.i and steps < 6:
            h = h.head
            steps += 1
            if (h.dep_ == "prep" or h.tag_ == "VBG") and h.lower_ in self.lex.cls("BACKGROUND_PREP") and not (
                    kind == "meeting" and h.lower_ in ("after", "following", "during")):
                return False  # but "following talks with X, both leaders ...": the talks are the news
            if h.pos_ in ("NOUN", "PROPN") and self.match_noun(h) is not None and h.lemma_.lower() not in (
                    "responsibility",):
                return False
            if h.pos_ in ("VERB", "AUX", "ADJ"):
                break
        if h.pos_ in ("VERB", "AUX", "ADJ"):
            if self.match(h) is not None:
                return False
            lems = self.lemmas(h)[:2]
            if n.dep_ not in ("nsubj", "nsubjpass") and any(l in self.lex.cls("NOMINAL_BLOCK") for l in lems):
                return False  # "foiled an attack", "feared attacks", "warned of attacks"
            if kind == "condemn" and not any(l in self.lex.cls("DRAW_VERB") for l in lems):
                return False  # only "drew / sparked / faced condemnation"
        elif kind == "condemn":
            return False
        return True
