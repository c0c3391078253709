"""CAMEO verb patterns beside the hand-written triggers (``data/cameo_verbs.tsv``, see ``tools/kb/CAMEO.md``).

Used as ``tools/kb/CAMEO.md`` recommends: the hand lexicon wins wherever it matches; a CAMEO ``pattern``
row must fill every slot (object head, prepositions, subject) and beats the verb's bare default; a matching
``null`` pattern blocks the verb ("beat the candidate"); a bare verb default codes only for a lemma the hand
lexicon lacks, with a code specific enough to stand alone (class CAMEO_BARE_CODES), and only between two
actors (checked where the event is made). Every event also gets the CAMEO code of the pattern that coded
it, or of the closest CAMEO reading of its verb with the same PLOVER type.
"""
from __future__ import annotations

from typing import Optional

from .lexicon import CameoPattern, Rule

ANY = ("<any>", "<source>", "<target>", "<both>", "^")


class Cameo:
    """Matching verbs against the CAMEO patterns (mixed into the coder)."""

    def cameo_slot(self, tok, slot: str) -> bool:
        """Whether the noun ``tok`` fills a pattern slot: a word, an a_b phrase (head last), &class or any."""
        if tok is None:
            return False
        if slot in ANY:
            return True
        forms = {tok.lemma_.lower(), tok.lower_}
        if slot.startswith("&"):
            members = self.lex.cameo_classes.get(slot, frozenset())
            return bool(forms & members) or any(f in members for f in self.forms(tok))
        words = slot.split("_")
        if words[-1].startswith("&"):
            if not self.cameo_slot(tok, words[-1]):
                return False
        elif words[-1] not in forms:
            return False
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")} | \
            {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        return all(w in mods or (w.startswith("&") and any(self.cameo_slot(c, w) for c in tok.children))
                   for w in words[:-1] if w not in ("a", "an", "the"))

    def cameo_pattern_fits(self, v, pat: CameoPattern) -> bool:
        parts = self.particles(v)
        if any(p not in parts for p in pat.particles):
            return False
        obj = self.direct_object(v)
        if pat.obj is not None:
            if obj is None and pat.obj not in ANY:
                return False
            if obj is not None and not self.cameo_slot(obj, pat.obj):
                return False
            if obj is None:
                return False
        holders = [v] + ([obj] if obj is not None else [])
        for prep, slot in pat.preps:
            ok = False
            for h in holders:
                for c in h.children:
                    if prep and not (c.dep_ in ("prep", "agent") and c.lower_ == prep):
                        continue
                    if not prep and c.dep_ not in ("conj", "compound", "dobj"):
                        continue
                    targets = [p for p in c.children if p.dep_ == "pobj"] if prep else [c]
                    if any(self.cameo_slot(self.see_through(p), slot) for p in targets):
                        ok = True
            if not ok:
                return False
        if pat.subj:
            s = self.subject(v) if not self.is_passive(v) else self.passive_agent(v)
            if s is None or not self.cameo_slot(self.see_through(s), pat.subj[-1]):
                return False
        return True

    def cameo_bare_ok(self, code: str) -> bool:
        allowed = self.lex.cls("CAMEO_BARE_CODES")
        return code in allowed or code[:3] in allowed

    def match_cameo(self, v) -> Optional[tuple]:
        """(rule, object) from a CAMEO pattern of verb ``v``, or None (also when a null pattern blocks it)."""
        pats = None
        for lem in self.lemmas(v)[:2]:
            pats = self.lex.cameo.get(lem)
            if pats:
                break
        if not pats:
            return None
        if any(l in self.lex.cls(c) for l in self.lemmas(v)[:2] for c in ("ASPECT",)):
            return None  # "continued their effort": aspect verbs govern another event, the hand frames read them
        in_hand = any(l in self.lex.verbs for l in self.lemmas(v)[:2])
        for pat in pats:
            if pat.quality == "verb":
                if in_hand or not pat.type or pat.type == "-" or not self.cameo_bare_ok(pat.code) or pat.roles != "-":
                    continue
                if self.direct_object(v) is None and not self.is_passive(v):
                    continue
                return self.cameo_rule(pat, "cameo-verb"), self.direct_object(v)
            if pat.slots == 0 or all(s in ANY for s in (pat.obj,) if s) and not pat.preps and not pat.subj:
                continue  # "* <any>" is as vague as a bare verb
            if not self.cameo_pattern_fits(v, pat):
                continue
            if pat.type in ("", "-"):
                return None  # a null pattern or a CAMEO 01 statement: no event
            if self.lex.quad(pat.type) == "verbal_conflict" and self.material_subject(v):
                return None  # "the strike dealt a heavy blow to X": an attack's effect, no one's criticism
            return self.cameo_rule(pat, "cameo-pattern"), self.direct_object(v)
        return None

    def material_subject(self, v) -> bool:
        """Whether the verb's subject is an event noun of material conflict ("the strike", "the raid")."""
        s = self.subject(v)
        nm = self.match_noun(s) if s is not None and s.pos_ in ("NOUN", "PROPN") else None
        return nm is not None and self.lex.quad(nm[0].type) == "material_conflict"

    @staticmethod
    def cameo_rule(pat: CameoPattern, origin: str) -> Rule:
        frames = {"-"}
        if pat.roles == "recip":
            frames = {"recip"}
        elif pat.roles == "swap":
            frames = {"cswap"}
        return Rule(pos="V", head=pat.lemma, particles=pat.particles, obj="", subj="", type=pat.type, mode=pat.mode,
                    context=pat.context, frames=frozenset(frames), cameo=pat.code, origin=origin)

    def cameo_code(self, tok, rule: Rule, type_: str) -> Optional[str]:
        """The CAMEO code of a hand-coded event: the verb's fitting pattern, else its default, of the same type."""
        if rule.cameo:
            return rule.cameo if type_ == rule.type else None
        if tok.pos_ != "VERB":
            return None
        pats = None
        for lem in self.lemmas(tok)[:2]:
            pats = self.lex.cameo.get(lem)
            if pats:
                break
        for pat in pats or ():
            if pat.type != type_ or any(p not in rule.particles for p in pat.particles if rule.particles):
                continue
            if pat.quality == "verb" or self.cameo_pattern_fits(tok, pat):
                return pat.code
        return None
