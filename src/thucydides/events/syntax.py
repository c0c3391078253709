"""Syntax helpers over a spaCy dependency parse: lemmas, subjects, objects, particles, passives."""
from __future__ import annotations


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


class Syntax:
    """Where a predicate's subject, objects and particles are (mixed into the coder)."""

    def lemmas(self, tok) -> list[str]:
        got = self._lemma_cache.get(tok.i)
        if got is None:
            got = self._lemma_cache[tok.i] = _lemma_guesses(tok)
        return got

    def lemma_in(self, tok, cls: str) -> bool:
        """One of ``tok``'s two likeliest lemmas is in the lexicon class ``cls`` ("KILL_VERB", "SAY", ...)."""
        members = self.lex.cls(cls)
        return any(lemma in members for lemma in self.lemmas(tok)[:2])

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
                if m.left_edge.i < m.i and any(x.text == "-" for x in self.sdoc[m.left_edge.i:m.i]):
                    # a hyphenated modifier: "gender-based violence", "cross-border raid"
                    out.append(f"{self.sdoc[m.left_edge.i:m.i + 1].text.lower()} {low}")
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
        if "|" in spec and "@" in spec:  # alternatives mixing classes and words: "@DECISION|legitimacy"
            return any(self.in_class(tok, part) for part in spec.split("|") if part.strip())
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

    @staticmethod
    def antecedent(tok):
        """A relative pronoun stands for the noun its clause modifies: "the decision, which was criticized"."""
        if tok is not None and tok.tag_ in ("WP", "WDT") and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and \
                tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            return tok.head.head
        return tok

    def see_through(self, tok):
        """'a series of bombs' -> bombs; 'this kind of union' -> union; '700 kg of medicine' -> medicine."""
        tok = self.antecedent(tok)
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

    def _once(self, key, compute, v):
        """``compute(v)``, kept under ``key``: every pattern and frame that tries a verb asks the same of it."""
        if key not in self._match_cache:
            self._match_cache[key] = compute(v)
        return self._match_cache[key]

    def is_passive(self, v) -> bool:
        # per sentence reading too, since it depends on ``main_acl``
        return self._once(("passive", v.i, self.main_acl), self._is_passive, v)

    def _is_passive(self, v) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return True
        if v.tag_ == "VBN" and v.dep_ in ("xcomp", "oprd", "acomp") and v.head.lemma_.lower() in (
                "stand", "remain", "get", "become", "go", "lie", "sit") and not any(c.dep_ == "dobj" for c in v.children):
            return True  # "stands accused of", "remained detained", "went missing": a participle of state
        if v.tag_ == "VBN" and v.dep_ == "conj" and not any(
                c.dep_ in ("aux", "nsubj", "dobj") for c in v.children) \
                and v.head.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in v.head.children):
            return True  # "was detained and beaten", "were arrested and charged": the participle continues the passive
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
        return self._once(("dobj", v.i, self.main_acl), self._direct_object, v)  # it reads is_passive

    def _direct_object(self, v):
        passive = self.is_passive(v)
        for c in v.children:
            if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass"):
                return self.see_through(c)
        if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "a report released this month by the OECD": the participle's noun is what it acts on
        return None

    def particles(self, v) -> frozenset:
        return self._once(("parts", v.i), self._particles, v)

    def _particles(self, v) -> frozenset:
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
        return frozenset(out)

    def subject(self, v, depth: int = 0):
        """The grammatical subject token of verb ``v`` (inherited through control and coordination)."""
        if v is None or depth > 6:
            return None
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.tag_ in ("WP", "WDT") and v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
                    return v.head  # "Ruto, who hosted the summit": the noun the relative pronoun stands for
                return c
        for c in v.children:
            if c.dep_ in ("aux", "auxpass"):
                for d in c.children:
                    if d.dep_ == "nsubj":
                        return d  # "Egypt and Qatar are mediating", parsed with the subject on "are"
        if v.i == self.main_acl:
            return v.sent.root
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in self.lex.cls("SAY") and not any(
                c.dep_ in ("mark", "nsubjpass", "expl") for c in v.children):
            # "a source said Ankara in the last few years imposed controls": the parser takes the clause's subject
            # for the object of "said"
            for c in v.head.children:
                if c.dep_ == "dobj" and c.i < v.i and c.pos_ in ("PROPN", "NOUN") and not any(
                        d.dep_ in ("dobj", "ccomp") and d.i > v.i for d in v.head.children):
                    return c
        if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"):
            return v.head  # "demonstrators protesting the results": the demonstrators protest
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            g = v.head.head
            if g.pos_ == "ADV" and g.dep_ in ("advmod", "prt"):
                g = g.head  # "stopped short of imposing"
            if g.pos_ == "VERB" and v.head.lower_ in ("of", "for") and v.tag_ == "VBG":
                obj = next((c for c in g.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN") and obj.i < v.i:
                    return obj  # "accused Moscow of targeting", "praised Kenya for sending": the object does it
            if g.pos_ in ("VERB", "ADJ"):
                return self.subject(g, depth + 1)  # "Turkey refrained from attacking"
        if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head is not v:
            g = v.head
            if v.dep_ == "advcl" and any(c.dep_ == "mark" for c in v.children):
                return None
            if v.dep_ == "xcomp" and self.lemma_in(g, "CALL_CUE"):
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
                    # "the minister was indicted and will resign": a conjoined verb with its own auxiliary or
                    # tense shares the passive subject as its actor; a bare participle ("was arrested and
                    # beaten") continues the passive and has none, and "-ed" may be either ("and resigned",
                    # "and charged"), so it is left without one
                    own_verb = v.tag_ in ("VBZ", "VBP") or any(d.dep_ == "aux" for d in v.children) or (
                        v.tag_ == "VBD" and not self.participle_form(v))
                    return c if v.dep_ != "conj" or (own_verb and not self.is_passive(v)) else None
            return self.subject(g, depth + 1)
        return None

    @staticmethod
    def participle_form(v) -> bool:
        """A past participle, or a past tense the tagger may have confused with one ("charged", "resigned")."""
        return v.tag_ == "VBN" or (v.tag_ == "VBD" and v.lower_.endswith("ed"))

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

    def plural_subject(self, v) -> bool:
        s = self.subject(v)
        return s is not None and (s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children))
