"""Readings of a trigger by its arguments: word senses that are no event, verbal vs material attacks,
deaths with no perpetrator, and the attacker named only by an adjective ("killed in Turkish air strikes").

Each rule is a named method of :class:`Senses` (mixed into the coder); the word lists are data
(``plover_classes.tsv``: NONVIOLENT, VERBAL_ATTACK, VERBAL_TARGET, WEAPONS, KILL_VERB).
"""
from __future__ import annotations

from typing import Optional

MATERIAL_TYPES = ("ASSAULT", "COERCE")


class Senses:
    """Rules that read a matched trigger by the kind of its subject and object (mixed into the coder)."""

    def natural(self, tok) -> bool:
        """A flood, a disease, a crash: the token or one of its modifiers names a natural cause."""
        if tok is None:
            return False
        members = self.lex.cls("NONVIOLENT")
        words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod")]
        if self.in_class(tok, "@ANIMAL"):
            return True  # "killed by an elephant": no one attacked
        return any(w.lemma_.lower() in members or w.lower_ in members for w in words) or \
            any(f in members for f in self.forms(tok))

    def natural_cause(self, v) -> bool:
        """The doer of ``v`` is a natural cause: its subject, its passive agent, or a "killed in a flood" phrase."""
        s = self.subject(v) if not self.is_passive(v) else self.passive_agent(v)
        if s is not None and self.natural(self.see_through(s)):
            return True
        for c in v.children:  # "destroyed or submerged by floods": the agent of a coordinated verb
            if c.dep_ == "conj" and c.pos_ == "VERB" and self.natural(self.passive_agent(c)):
                return True
        for c in v.children:  # "an emergency was declared at the hospital": a medical emergency
            if c.dep_ == "prep" and c.lower_ in ("at", "in") and any(
                    p.dep_ == "pobj" and self.in_class(p, "@FACILITY") for p in c.children) and any(
                    self.in_class(o, "@EMERGENCY") for o in [self.direct_object(v)] if o is not None):
                return True
        h = v.head
        if v.dep_ in ("advcl", "conj", "xcomp") and h is not v and self.lemma_in(h, "ACCIDENT_VERB") and not any(
                self.violent_word(t) for t in h.subtree if t.pos_ == "NOUN") and self.lemma_in(v, "KILL_VERB"):
            return True  # "a bus crashed in India, killing 20 people": an accident kills
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "after") for m in c.children):
                cs = next((d for d in c.children if d.dep_ in ("nsubj", "nsubjpass")), None)
                if cs is not None and self.natural(cs):
                    return True  # "killed when a flood swept through the village"
                if self.lemma_in(v, "KILL_VERB") and self.lemma_in(c, "ACCIDENT_VERB") and not any(
                        self.violent_word(t) for t in c.subtree if t.pos_ == "NOUN"):
                    return True  # "killed when a building collapsed", "died when their boat capsized"
            if c.dep_ == "prep" and c.lower_ in ("in", "by", "from", "during", "after", "amid"):
                for p in c.children:
                    if p.dep_ == "pobj" and self.natural(p) and not self.violent_word(p):
                        return True
        return False

    def violent_word(self, tok) -> bool:
        """An attack noun of the lexicon or a weapon."""
        m = self.match_noun(tok) if tok.pos_ == "NOUN" else None
        if m is not None and m[0].type == "ASSAULT":
            return True
        return self.in_class(tok, "@WEAPONS")

    def violent_context(self, sent, skip: Optional[int] = None) -> bool:
        """The sentence names an attack or a weapon (other than the trigger itself)."""
        for t in sent:
            if t.i == skip or t.pos_ != "NOUN":
                continue
            if self.violent_word(t) or t.lemma_.lower() in self.lex.cls("ATTACKER"):
                return True
        return False

    def unperpetrated_death(self, sent, tok, rule) -> bool:
        """"Five people were killed", "two died in the flood": a death with no doer and no attack named."""
        if rule.type != "ASSAULT" or not self.lemma_in(tok, "KILL_VERB"):
            return False
        if self.natural_cause(tok):
            return True
        if not self.is_passive(tok) or self.passive_agent(tok) is not None or self.subject(tok) is None:
            return False
        # "seven people were killed": an attack only where this sentence or the ones before it name one
        if self.violent_context(sent, skip=tok.i):
            return False
        before = [s for s in self.sdoc.sents if s.end <= sent.start][-3:]
        return not any(self.violent_context(s) for s in before)

    def verbal_attack(self, sent, tok, rule, obj) -> bool:
        """"attacked the senator", "took aim at the newspaper": criticism, not violence."""
        if rule.type != "ASSAULT" or not self.lemma_in(tok, "VERBAL_ATTACK"):
            return False
        target = obj if obj is not None else self.direct_object(tok)
        if target is None:
            return False
        if any(c.dep_ == "prep" and c.lower_ == "as" and any(p.dep_ in ("pobj", "amod", "acomp") and p.pos_ in (
                "ADJ", "NOUN") for p in c.children) for c in list(tok.children) + list(target.children)) and not \
                self.violent_context(sent, skip=tok.i):
            return True  # "attacked the budget as reckless": an appraisal, so criticism
        target = self.see_through(target)
        aid = self.tok_actor[target.i]
        actor = self.actor_by_id.get(aid) if aid else None
        person = actor is not None and actor.type in ("PERSON", "MEDIA") or (
            actor is not None and actor.type == "ORG" and actor.sector in ("media", "legislative", "judicial", "business"))
        subj = self.subject(tok)
        politician = subj is not None and not self.in_class(subj, "@ARMED") and not self.in_class(subj, "@ATTACKER") and (
            self.in_class(subj, "@PERSONNOUN") or subj.ent_type_ == "PERSON")
        over_words = any(c.dep_ == "prep" and c.lower_ in ("over", "for") and any(
            p.dep_ == "pobj" and self.in_class(p, "@DECISION|@PROPOSAL|@DOCUMENT|@VERBAL_TARGET|remarks|comments|"
                                               "handling|stance|position|record|rules|policy|policies")
            for p in c.children) for c in tok.children)
        institution = actor is not None and actor.type not in ("COUNTRY", "PERSON") and actor.sector not in (
            "military", "police", "rebels", "armed", "criminal", "intelligence")  # "attacked the Federal Reserve"
        if not (person or self.in_class(target, "@VERBAL_TARGET") or (
                politician and (self.in_class(target, "@PERSONNOUN") or over_words or institution))):
            return False  # "Senator Warren attacked the Treasury secretary over the new rules": criticism
        if self.in_class(target, "@ARMED") or self.in_class(target, "@FORCES"):
            return False
        return not self.violent_context(sent, skip=tok.i)

    def idle_subject(self, tok, kind: str, type_: str) -> bool:
        """A subject that is neither an actor nor an event ("the internet helps", "foreign capital helps")."""
        if kind not in ("verb", "adj") or type_ in MATERIAL_TYPES:
            return False
        v = tok if kind == "verb" else (tok.head if tok.dep_ in ("acomp", "amod") else tok)
        s = self.subject(v) if not self.is_passive(v) else self.passive_agent(v)
        if s is None:
            return False
        s = self.see_through(s)
        if s.pos_ == "PRON" and s.lower_ in ("this", "that", "which", "these", "those") and not self.tok_actor[s.i]:
            return True  # "this will allow the U.S. to ...": a thing, not an actor, acts
        if s.pos_ != "NOUN" or self.match_noun(s) is not None or self.in_class(s, "@AGENT_NOUN"):
            return False
        return not self.agentive(v)

    def instrument_agents(self, v) -> list[str]:
        """"killed in Turkish air strikes", "hit by an Israeli drone": the attacker named by the weapon's adjective."""
        out: list[str] = []
        for c in v.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during", "from"):
                for p in c.children:
                    if p.dep_ != "pobj" or not self.violent_word(p):
                        continue
                    for m in p.children:
                        if m.dep_ in ("amod", "compound", "poss", "nmod") and self.tok_actor[m.i]:
                            out.extend(a for a in self.np_actors(m) if a not in out)
                        if m.dep_ in ("prep", "agent") and m.lower_ in ("by", "from"):
                            for q in m.children:
                                if q.dep_ == "pobj":
                                    out.extend(a for a in self.np_actors(q) if a not in out)
        return out

    def natural_noun(self, n, kind: str) -> bool:
        """"a fire broke out": a noun that names a natural event unless a light verb makes it an act ("opened fire")."""
        return kind == "noun" and n.lemma_.lower() in self.lex.cls("NONVIOLENT") and not any(
            c.dep_ in ("amod", "compound", "poss") and self.tok_actor[c.i] for c in n.children)

    def caption(self, sent) -> bool:
        """A photo caption: "Senator X arrives for a hearing", "The minister speaks during a news conference"."""
        root = sent.root
        if root.tag_ not in ("VBZ", "VBP") or not self.lemma_in(root, "CAPTION_VERB"):
            return False
        if any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children) or self.quote_at(root.idx) is not None:
            return False
        if any(c.dep_ in ("xcomp", "acomp", "oprd", "ccomp") and c.tag_ == "VBN" for c in root.children):
            return False  # "stands accused of", "sits detained": a state told of someone, not a photo
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN") or sent.text.rstrip().endswith(("?", '"', "”")):
            return False
        if self.lemma_in(root, "CAPTION_POSE"):
            return True  # "the minister gestures as she speaks": only a photo shows a pose
        # a verb that can also report news ("Trump meets Putin in Alaska") is a caption when it is dated like one
        # ("..., in Jeddah, Saudi Arabia, March 11, 2025") or filed as one ("FILE - ...")
        return sent.text.lstrip().upper().startswith("FILE") or any(
            t.ent_type_ == "DATE" and any(ch.isdigit() for ch in t.text) for t in sent[-6:])

    def endangered_value(self, tok, type_: str) -> bool:
        """"threatening the territorial integrity of the country", "threatens peace": a thing in danger, with no
        threat made to anyone (no "to ..." content, no actor as object)."""
        if type_ != "THREATEN" or tok.lemma_.lower() != "threaten":
            return False
        if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return False
        obj = self.direct_object(tok)
        if obj is None and self.is_passive(tok):
            obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        return obj is not None and self.in_class(obj, "@VALUES") and not self.tok_actor[obj.i]

    def weapons_test(self, tok, type_: str) -> bool:
        """A launch that hits no one: "test-fired a missile", "fired two missiles into the sea"."""
        if type_ != "ASSAULT" or tok.lemma_.lower() not in ("fire", "launch"):
            return False
        if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "test":
            return True
        obj = self.direct_object(tok)
        if obj is None or not self.in_class(obj, "@WEAPONS"):
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("into", "toward", "towards", "over") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in ("sea", "ocean", "water", "waters") for p in c.children)
            for h in (tok, obj) for c in h.children)

    def hostile_object(self, tok) -> bool:
        """The object of "will not allow / tolerate" is a hostile act ("violent disturbances", "any attack")."""
        obj = self.direct_object(tok)
        if obj is None:
            return False
        if self.violent_word(obj) or self.in_class(obj, "@ATTACK|@PROTEST|disturbance|disturbances|interference|provocation|"
                                                   "provocations|aggression|violation|violations|threat|threats|chaos|"
                                                   "unrest|riot|riots|violence|terrorism|meddling"):
            return True
        if obj.lemma_.lower() in ("attempt", "effort", "move", "plot", "bid", "act", "action") and any(
                c.dep_ in ("acl", "relcl") and self.lemma_in(c, "HOSTILE_AIM")
                for c in obj.children):
            return True  # "will not tolerate any attempt to destabilize the country"
        m = self.match_noun(obj) if obj.pos_ == "NOUN" else None
        return m is not None and self.lex.quad(m[0].type).endswith("conflict")

    def state_strike(self, v) -> bool:
        """"killed in an airstrike", "killed in a security operation": a weapon or operation of the state's forces,
        not an ambush or a militant attack (whose victims the forces report)."""
        for c in v.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during"):
                for p in c.children:
                    if p.dep_ == "pobj" and self.in_class(p, "@STATE_STRIKE") and not any(
                            m.dep_ in ("amod", "compound") and m.lemma_.lower() in self.lex.cls("ATTACKER") for m in p.children):
                        return True
        return False

    def animal_patient(self, v) -> bool:
        """The one killed or hurt is an animal: "thousands of dogs are slaughtered", "poachers killed two rhinos"."""
        pat = next((c for c in v.children if c.dep_ == ("nsubjpass" if self.is_passive(v) else "dobj")), None)
        if pat is None:
            return False
        heads = [pat] + [p for c in pat.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                         if p.dep_ == "pobj"]  # "thousands of dogs"
        return any(self.in_class(h, "@ANIMAL") for h in heads)

    def public_addressee(self, v) -> bool:
        """The one asked is the general public ("urged people to ...", "advised residents to ..."), not a party."""
        obj = next((c for c in v.children if c.dep_ in ("dobj", "dative")), None)
        if obj is None:
            return False
        aid = self.tok_actor[obj.i]
        if aid is not None:
            return (self.actor_by_id[aid].code or "").endswith("CVL") and self.in_class(obj, "@PUBLIC")
        return self.in_class(obj, "@PUBLIC")

    def nonviolent_targeting(self, tok, type_: str) -> bool:
        """"the policy targets obesity", "the campaign targets young voters": aiming a measure, an advert or a
        drug at someone is no attack; an attack needs an armed or political doer (TARGETER: non-agents)."""
        if type_ != "ASSAULT" or not self.lemma_in(tok, "AIM_VERB"):
            return False
        s = self.subject(tok) if not self.is_passive(tok) else self.passive_agent(tok)
        obj = self.direct_object(tok) if not self.is_passive(tok) else next(
            (c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if s is not None and not self.tok_actor[s.i] and (
                self.in_class(self.see_through(s), "@TARGETER") or self.in_class(self.see_through(s), "@MEASURE")):
            return True
        return obj is not None and self.in_class(self.see_through(obj), "@NONVIOLENT_AIM")

    def private_transfer(self, tok, type_: str) -> bool:
        """AID needs a giver or a gift of the right kind: money sent to one's family, or goods a firm or a farm
        supplies to its customers, is commerce or private life, not aid (PRIVATE_RECIPIENT; AID_GOODS)."""
        if type_ != "AID" or self.is_passive(tok) or not self.lemma_in(tok, "TRANSFER_VERB"):
            return False
        to = [p for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
              for p in c.children if p.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        if any(self.in_class(self.see_through(p), "@PRIVATE_RECIPIENT") and not self.tok_actor[p.i] for p in to):
            return True
        obj = self.direct_object(tok)
        if obj is None:
            return False
        obj = self.see_through(obj)
        if any(self.in_class(obj, k) for k in ("@AID", "@WEAPONS", "@FORCES", "@PEACEKEEPERS", "@OBSERVERS",
                                               "@ASYLUM", "@UTILITY", "@AID_GOODS")):
            return False
        s = self.subject(tok)
        if s is None:
            return False
        aid = self.tok_actor[self.see_through(s).i]
        actor = self.actor_by_id.get(aid) if aid else None
        code = actor.code or "" if actor is not None else ""
        political = actor is not None and (actor.type in ("COUNTRY", "IGO") or code.startswith("IGO") or (
            code[3:6] not in ("BUS", "CVL") and not (actor.type == "PERSON" and code[3:6] == "")))
        return not political  # "the company provides software to hospitals": a sale

    def standing_place(self, tok, type_: str) -> bool:
        """"the jail houses 2,000 inmates", "the camp shelters refugees": a place as the subject of a present-tense
        verb states what it is, not an act."""
        if type_ not in ("AID", "COERCE", "ASSAULT") or tok.tag_ not in ("VBZ", "VBP"):
            return False
        if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return False
        s = self.subject(tok)
        return s is not None and not self.tok_actor[s.i] and (
            self.in_class(self.see_through(s), "@FACILITY") or self.in_class(self.see_through(s), "@PLACE_HOLDER"))

    def animal_agent(self, n) -> bool:
        """"attacks from wild elephants", "a shark attack": an attack by animals."""
        if any(c.dep_ in ("compound", "amod") and self.in_class(c, "@ANIMAL") for c in n.children):
            return True
        return any(c.dep_ == "prep" and c.lower_ in ("from", "by") and any(
            p.dep_ == "pobj" and self.in_class(p, "@ANIMAL") for p in c.children) for c in n.children)

    def idiom_sense(self, tok, type_: str) -> bool:
        """Constructions whose verb reports no act: "when it comes to trade" (an empty "it" comes), "it helps if
        voters know ..." (an empty "it" helps), "calls the governor a close friend" (call naming someone, not a
        phone call), "the cargo ship is heading to Rotterdam" (a craft, not a delegation, travels)."""
        lem = tok.lemma_.lower()
        s = self.subject(tok)
        empty_it = s is not None and s.lower_ == "it"
        if lem == "come" and empty_it and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "where") for c in tok.children):
            return True
        if empty_it and type_ not in MATERIAL_TYPES and self.direct_object(tok) is None \
                and not any(c.dep_ in ("xcomp", "ccomp", "dative") for c in tok.children) and any(c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "when", "that") for m in c.children) for c in tok.children):
            return True
        if lem == "stand" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                p.lower_ == "reason" for p in c.children) for c in tok.children):
            return True  # "it stands to reason that ..."
        if type_ == "SUPPORT" and lem in ("recognize", "recognise"):
            obj = self.direct_object(tok)
            if obj is not None and obj.pos_ == "PRON" and obj.lower_ in ("him", "her", "them", "me", "us", "you") and \
                    not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                return True  # "an officer recognized her": knew her face, no recognition of a state or claim
        if tok.tag_ == "VBG" and tok.dep_ == "csubj" and type_ not in MATERIAL_TYPES:
            return True  # "allowing them to finish school is one way to ...": an act talked of, not done
        if type_ in ("CONCEDE", "SUPPORT", "RETREAT") and lem in ("improve", "ease", "worsen", "deteriorate", "change"):
            if s is not None and not self.tok_actor[s.i] and self.see_through(s).lemma_.lower() in (
                    "condition", "conditions", "situation", "climate", "atmosphere", "environment", "weather",
                    "security", "economy", "outlook", "prospects", "health", "access"):
                return True  # "conditions for journalists have improved": a state of affairs
        if type_ == "CONSULT" and lem == "call" and any(c.dep_ == "oprd" for c in tok.children):
            return True
        return type_ == "CONSULT" and s is not None and not self.is_passive(tok) and self.in_class(
            self.see_through(s), "@CRAFT")

    def not_an_act(self, tok, kind: str, type_: str) -> bool:
        """Readings that state opinions, rules or private life, not a political act: "analysts agree", "a
        consensus among experts" (commentators, not parties, agree); "committed grave abuses" (commit a crime is
        no commitment); "the constitution guarantees the right" (a text, not an actor, allows); "ended up in
        Houston" (end up); "women seeking employment" (a job or a way, not a demand on anyone)."""
        lem = tok.lemma_.lower()
        if type_ == "AGREE":
            if tok.lemma_.lower() in ("resolve", "determination", "commitment") and tok.dep_ in (
                    "dobj", "pobj") and tok.head.lemma_.lower() in ("show", "demonstrate", "display", "signal", "test",
                                                                  "prove", "underscore", "of"):
                return True  # "would demonstrate resolve": firmness shown, nothing agreed
            if kind == "noun":
                if any(c.dep_ == "prep" and c.lower_ in ("among", "between", "of") and any(
                        p.dep_ == "pobj" and self.in_class(p, "@COMMENTATOR") for p in c.children) for c in tok.children):
                    return True
            else:
                s = self.subject(tok)
                if s is not None and self.in_class(self.see_through(s), "@COMMENTATOR"):
                    return True
            if lem == "commit":
                obj = self.direct_object(tok)
                if obj is not None and (self.in_class(self.see_through(obj), "@CRIME") or self.violent_word(obj)):
                    return True
        if kind == "verb" and type_ in ("AGREE", "CONCEDE", "SUPPORT", "AID") and not self.is_passive(tok):
            s = self.subject(tok)
            if s is not None and not self.tok_actor[s.i] and self.in_class(self.see_through(s), "@LEGAL_TEXT"):
                return True
            if s is not None and s.pos_ == "PROPN" and s.lower_ in self.lex.cls("LEGAL_TEXT") and any(
                    c.dep_ == "compound" for c in s.children):
                return True  # "the Chinese Exclusion Act allowed ..."
        if kind == "verb" and lem == "end" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            return True
        if type_ == "SANCTION" and lem in ("end", "conclude", "finish", "wrap", "cut"):
            obj = self.direct_object(tok)
            if obj is not None and self.in_class(self.see_through(obj), "@TALKS|trip|trips|tour|tours|stay|career|"
                                                 "season|speech|term|journey|holiday|vacation|short"):
                return True  # "ended his visit to Russia": a visit over, no ties cut
        if type_ == "REQUEST" and lem == "seek":
            obj = self.direct_object(tok)
            if obj is not None and self.in_class(self.see_through(obj), "@SEEK_PRIVATE"):
                return True
        return False

    def weather_strike(self, sent, tok, type_: str) -> bool:
        """"Malawi was struck by Chido", "the coast was battered by Freddy": a named storm that the sentence or the
        ones before it call a cyclone or a flood, with no attack named, strikes no one."""
        if type_ != "ASSAULT" or tok.lemma_.lower() not in ("strike", "hit", "batter", "pound", "lash", "ravage",
                                                            "devastate", "slam", "sweep", "wreck", "destroy"):
            return False
        s = self.passive_agent(tok) if self.is_passive(tok) else self.subject(tok)
        if s is None:
            return False
        s = self.see_through(s)
        if self.in_class(s, "@WEATHER"):
            return True
        if s.pos_ != "PROPN" or s.ent_type_ in ("GPE", "NORP", "ORG") or self.violent_context(sent, skip=tok.i):
            return False
        aid = self.tok_actor[s.i]
        if aid is not None and self.actor_by_id.get(aid) is not None and self.actor_by_id[aid].type != "PERSON":
            return False
        before = [x for x in self.sdoc.sents if x.end <= sent.start][-4:] + [sent]
        return any(self.in_class(t, "@WEATHER") for x in before for t in x if t.pos_ in ("NOUN", "PROPN")) and not any(
            self.violent_context(x) for x in before)

    def civil_operation(self, tok, kind: str, type_: str) -> bool:
        """"relief operations", "a search operation", "vaccination campaign": an operation that is no attack."""
        if type_ != "ASSAULT":
            return False
        n = tok if kind == "noun" else self.direct_object(tok) if kind in ("light", "verb") else None
        if n is None or n.lemma_.lower() not in ("operation", "campaign", "mission", "drive", "effort"):
            return False
        return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in self.lex.cls("CIVIL_OPERATION")
                   for c in n.children)

    def economic_retaliation(self, tok, type_: str) -> str:
        """"retaliated by announcing tariffs", "hit back with duties on U.S. goods": tariffs or sanctions, no
        violence. "by": the clause codes the sanction itself ("drop"); "with": the retaliation is it ("sanction")."""
        if type_ != "ASSAULT" or tok.lemma_.lower() not in ("retaliate", "respond", "strike", "hit"):
            return ""
        if tok.lemma_.lower() in ("strike", "hit") and not any(c.dep_ == "prt" and c.lower_ == "back" for c in tok.children):
            return ""
        for c in tok.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "with", "through"):
                words = [t for t in c.subtree]
                if any(self.in_class(t, "@BLOCKADE") for t in words) and not any(
                        t.pos_ == "NOUN" and self.violent_word(t) for t in words):
                    return "drop" if c.lower_ == "by" else "sanction"
        return ""

    def abstract_occupation(self, tok, type_: str) -> bool:
        """"occupied a gray area", "occupies the top spot", "took up the post": a position, not land seized."""
        if type_ not in ("COERCE", "ASSAULT") or tok.lemma_.lower() not in ("occupy", "hold", "seize", "take", "capture"):
            return False
        obj = self.direct_object(tok)
        return obj is not None and not self.tok_actor[obj.i] and self.in_class(self.see_through(obj), "@POSITION")

    def sport_reading(self, sent, tok, type_: str) -> bool:
        """"Japan crushed China 7-0 in the football tournament", "the bowlers attacked the batsmen": a contest in
        sport, told with the words of war, where no weapon, attack noun, armed body or attacker is named."""
        if type_ not in MATERIAL_TYPES:
            return False
        nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN")]
        if not any(self.in_class(t, "@SPORT") for t in nouns if t.pos_ == "NOUN" or t.lower_ in (
                "olympics", "world cup", "grand prix")):
            return False
        if self.violent_context(sent, skip=tok.i):
            return False
        subj = self.subject(tok) if not self.is_passive(tok) else self.passive_agent(tok)
        if subj is not None:
            subj = self.see_through(subj)
            aid = self.tok_actor[subj.i]
            code = (self.actor_by_id[aid].code or "") if aid and aid in self.actor_by_id else ""
            if code[3:6] in ("GOV", "MIL", "COP", "JUD", "SPY") or self.in_class(
                    subj, "authorities|authority|government|police|court|courts|regime|junta|judge|prosecutors"):
                return False  # "authorities jailed 52 members for playing in a football tournament": a state act
        return not any(self.in_class(t, "@ARMED") or self.in_class(t, "@FORCES") or self.in_class(t, "@ATTACKER")
                       for t in nouns)

    def celebration(self, tok, type_: str) -> bool:
        """"marched through Nairobi to celebrate the victory", "rallied to mark the anniversary": a crowd that
        celebrates or commemorates protests against no one."""
        if type_ != "PROTEST":
            return False
        return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in (
            "celebrate", "commemorate", "mark", "honor", "honour", "welcome", "cheer", "greet", "remember")
            for c in tok.children)
