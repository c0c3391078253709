"""Scope of a clause: negation, modality (hypothetical, future, obligation) and reported speech.

``Scope`` is what a governing clause passes down the tree; :class:`ScopeRules` reads the cues attached
to one predicate (``data/modality.tsv``) and decides what a child clause inherits.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from .lexicon import CONTROL_FRAMES

NO_CUES = {"neg": False, "hyp": False, "fut": False, "would": False, "oblig": False, "never": False}


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


class ScopeRules:
    """Negation, modality and speaker rules (mixed into the coder)."""

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
            elif c.dep_ == "advmod" and lex.modality.get("adv", {}).get(low) == "habitual" and (
                    tok.tag_ in ("VBZ", "VBP") or any(d.dep_ in ("aux", "auxpass") and d.tag_ in ("VBZ", "VBP")
                                                      for d in tok.children)):
                cues["hyp"] = True  # "critics are routinely jailed": a generic state of affairs, no one event
            elif c.dep_ == "advmod" and lex.modality.get("adv", {}).get(low) == "negation":
                cues["neg"] = True  # "seldom criticized", "rarely meets"
            elif c.dep_ == "advmod" and low in ("longer", "more") and any(
                    d.dep_ == "neg" and d.lower_ == "no" for d in c.children):
                cues["neg"] = True  # "will no longer tolerate"
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
                if c.dep_ == "acomp" and tok.lemma_.lower() == "be" and g.get(c.lower_) and any(
                        d.dep_ == "ccomp" for d in tok.children) and not any(d.dep_ == "xcomp" for d in c.children):
                    return g[c.lower_]  # "it is unlikely that X will ...": the cue sits on the copula's adjective
        if tok.dep_ in ("prt", "advmod", "acomp") and tok.head is not tok:
            kind = g.get(f"{tok.head.lemma_.lower()} {tok.lower_}")  # "stopped short of X": the cue on "short"
            if kind:
                return kind
        return g.get(tok.lemma_.lower()) or g.get(tok.lower_)

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

    def speaker_of(self, scope: Scope, tok) -> tuple:
        q = self.quote_at(tok.idx)
        if q is not None and q.speaker:
            return (q.speaker,), q
        return scope.speaker, q

    def speaker_country(self, speakers) -> set:
        return {self.country(a) for a in speakers if self.country(a)}

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
            if not (dep == "advcl" and self.lemma_in(c, "SAY")):
                # everything else hangs on the governed act ("... before they demobilize"); a participial
                # "saying ..." is the speaker's own statement
                if frame == "refuse":
                    return replace(base, absorbed=True, neg=True)
                if frame == "negcue":
                    return replace(base, neg=True)
                return replace(base, absorbed=True, hyp=True, volition=frame == "volition")
        if dep == "advcl":
            if infinitive:
                return replace(scope, hyp=True)  # purpose or "it is for Russia to accept it": not done
            if marked:
                # "after", "as", "when" clauses share the main clause's modality but not its negation;
                # "if"/"unless" are read from the clause itself
                return replace(scope, neg=False, hyp=scope.hyp or own["hyp"], fut=scope.fut or own["fut"])
            if infinitive:
                return replace(scope, hyp=True)  # purpose: "sent troops to protect" (not yet done)
            return replace(scope, neg=False)
        if dep == "xcomp" and any(d.dep_ == "advmod" and d.lower_ == "yet" for d in tok.children):
            return replace(base, neg=True)  # "has yet to agree"
        aspect = frame == "aspect" or self.lemma_in(tok, "ASPECT")
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
