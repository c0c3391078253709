"""Arguments: the actors of an event (source and target) from the parse and the actors stage."""
from __future__ import annotations

import bisect
from typing import Optional

from ..knowledge import lines, multi
from .lexicon import Rule

LOCATIVE = ("in", "at", "near", "outside", "inside", "into", "across", "along", "throughout")
ACTOR_PRONOUNS = ("it", "they", "its", "their", "we", "our", "them", "itself", "themselves", "us")


class Arguments:
    """Source and target actor ids of an event (mixed into the coder)."""

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
        relational = tok.lemma_.lower() in lines("relational_nouns.txt")
        while stack:
            t = stack.pop()
            for c in t.children:
                if relational and t is tok and c.dep_ == "poss" and (
                        self.tok_actor[c.i] is None or self.tok_actor[c.i] != self.tok_actor[tok.i]):
                    # "Russia's ally", "Israel's militia ally": the possessor is the other party of the relation
                    # (but "NATO allies", "its European Community partners" name the referent's own group)
                    continue
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
        if not out and not (relational and any(c.dep_ == "poss" for c in tok.children)):
            # "as Tehran rejected its offer": a possessive pronoun stands for the subject of the governing
            # clause; never for the previous sentence's subject (that "its" is mostly the clause's own subject)
            for c in tok.children:
                if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in ACTOR_PRONOUNS:
                    out = list(self.pronoun_actors(c, climb_only=True))
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

    def pronoun_actors(self, tok, climb_only: bool = False) -> list[str]:
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
        return [] if climb_only else list(self.last_subject)

    def launcher(self, n) -> list[str]:
        """Who carried out a nominal act: "an offensive launched by Somali forces", "the strike carried out by X"."""
        out: list[str] = []
        for c in n.children:
            if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD"):
                agent = self.passive_agent(c)
                if agent is not None:
                    out.extend(a for a in self.np_actors(agent) if a not in out)
        return out

    def own_event_subject(self, verb, type_: str):
        """The passive subject when it is the act's own noun ("sanctions ... were extended", "the offensive was
        launched"); else None."""
        n = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if n is None or n.pos_ != "NOUN" or self.tok_actor[n.i]:
            return None
        m = self.match_noun(n)
        return n if m is not None and m[0].type == type_ else None

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

    def noun_parties(self, tok, verb, type_: str):
        """(sources, targets) of a nominal act: its modifiers and by/between/from phrases, whoever launched it,
        the party a reaction comes from, or the subject of the clause that holds it."""
        sources: list[str] = []
        targets: list[str] = []
        sources.extend(self.claimers(tok))  # "X claimed responsibility for the attack"
        undergoer = tok.lemma_.lower() in self.lex.cls("PATIENT_NOUN")  # "Dodik's arrest": Dodik is arrested
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and self.tok_actor[c.i]:
                if undergoer and c.dep_ == "poss":
                    targets.extend(a for a in self.np_actors(c) if a not in targets)
                    continue
                sources.extend(a for a in self.np_actors(c) if a not in sources)
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "between", "among", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        sources.extend(a for a in self.np_actors(p) if a not in sources)
        sources.extend(a for a in self.launcher(tok) if a not in sources)
        h = tok.head
        if tok.dep_ == "dobj" and h.lemma_.lower() in self.lex.cls("REACTION_VERB") and h.pos_ == "VERB":
            # "the plan drew sharp criticism from Egypt", "Israel's raid sparked condemnation from Arab states":
            # the reaction comes from the "from" party and falls on the subject (or the subject's owner)
            if not sources:
                sources = [a for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)]
            s = self.subject(h)
            if s is not None:
                targets.extend(a for a in self.np_actors(s) if a not in sources and a not in targets)
        undergo = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else tok.head
        if self.lemma_in(undergo, "UNDERGO") and tok.dep_ in ("dobj", "pobj") \
                and undergo.pos_ in ("VERB", "AUX"):
            s = self.subject(verb)
            targets.extend(self.np_actors(s) if s is not None else [])
        elif tok.dep_ in ("nsubj", "attr", "dobj") and not sources:
            s = self.subject(verb) if tok.dep_ != "nsubj" else None
            sources = self.np_actors(s) if s is not None else []
        elif not sources and type_ == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in (
                "during", "on", "after", "following", "before", "ahead", "at") and tok.head.head.pos_ in ("VERB", "AUX"):
            # "X said during a visit to Beijing", "X spoke after talks with Y": the clause's subject took part
            s = self.subject(tok.head.head)
            sources = [a for a in (self.np_actors(s) if s is not None else []) if a not in targets]
        return sources, targets

    def passive_parties(self, verb):
        """(sources, targets) of a passive act: the "by" agent acts on the passive subject (or, for a participle
        with no subject of its own, on the main clause's subject)."""
        sources: list[str] = []
        agent = self.passive_agent(verb)
        if agent is not None and not (agent.pos_ == "NOUN" and not self.tok_actor[agent.i] and any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in agent.children)):
            # "were freed by their captors": "their" is the freed, not the clause's speaker
            sources = self.np_actors(agent)
        targets = [a for c in verb.children if c.dep_ == "nsubjpass" for a in self.np_actors(c)]
        if not targets and verb.dep_ == "conj" and self.is_passive(verb.head) and not any(
                c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            # "was detained by police and beaten", "were abducted and killed": the conjoined participle shares
            # the first verb's patient and, when it names none of its own, its agent
            sources, targets = sources or self.passive_parties(verb.head)[0], self.passive_parties(verb.head)[1]
        if not targets and not any(c.dep_ == "nsubjpass" for c in verb.children) and verb.dep_ in ("pcomp", "advcl"):
            # "thanked his supporters after being freed from prison": the main subject was freed
            g = verb.head.head if verb.dep_ == "pcomp" else verb.head
            s = self.subject(g) if g.pos_ in ("VERB", "AUX") else None
            targets = self.np_actors(s) if s is not None else []
        return sources, targets

    def args(self, tok, rule: Rule, obj, type_: str, mode: Optional[str], kind: str, merge: bool = True):
        """(source ids, target ids) for an event triggered at ``tok``: each construction below in turn, the first
        that names a party wins; the defaults (the actor's own state, the place) come last."""
        verb = tok if kind in ("verb", "light") else self.clause_verb(tok)
        if kind == "adj":
            verb = tok.head if tok.dep_ in ("acomp", "amod") else tok
        passive = kind in ("verb", "light") and self.is_passive(verb)
        if kind == "noun":
            sources, targets = self.noun_parties(tok, verb, type_)
        elif passive:
            sources, targets = self.passive_clause_parties(verb, rule, type_, mode)
        else:
            sources, targets = self.active_subject(tok, verb, kind), []
        if kind == "light" and obj is not None and not sources:
            sources = self.light_noun_owner(obj)  # "gave its backing": the owner of the act's noun
        if "swap" in rule.frames:
            giver = [a for h in (verb, obj) if h is not None for c in h.children  # "received aid from X",
                     if c.dep_ == "prep" and c.lower_ == "from"  # "received [aid from X]"
                     for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)]
            sources, targets = giver, sources
        holders = self.target_holders(tok, verb, obj, kind)
        if not targets and type_ == "PROTEST" and not passive:
            targets = self.purpose_actors(verb, sources)
        if not passive and not targets and kind in ("verb", "adj"):
            targets = self.object_targets(verb, obj, type_, sources)
        if type_ == "ASSAULT" and kind in ("verb", "light"):
            targets = self.attacked_party(verb, passive, sources, targets)
        if not targets and kind == "verb" and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
            # "donated and personally delivered goods to the school": the first of two verbs sharing one object
            # shares the recipient named after it
            holders += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                        and any(d.dep_ == "dobj" for d in c.children)]
        if not targets:
            targets = self.preposition_targets(holders, type_, mode, sources)
        if not targets and kind in ("light", "noun") and obj is not None:
            # the object of a nominalised act: "invasion of South Lebanon", "suspension of air links with Serbia"
            targets = [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                       for q in c.children if q.dep_ == "pobj" for a in self.np_actors(q) if a not in sources]
        targets = [a for a in targets if a not in sources]
        if targets and sources and not passive and "recip" not in rule.frames and self.own_organs(targets, sources):
            # "withdraw its troops from Lebanon", "mobilized reservists for a war against Iraq", "providing
            # intelligence to Macedonia": the source's own forces are the instrument; the other state is the target
            own = {self.country(a) for a in sources}
            other = [a for a in self.complement_actors(verb, holders, sources + targets)
                     if self.country(a) and self.country(a) not in own]
            if other:
                targets = other
        if not targets and not passive and "recip" not in rule.frames:
            # the recipient sits deeper in the complement: "refused to commit to assistance to the US-led war",
            # "ambushed a bus transporting a paramilitary force", "granted asylum to five Panamanian officers"
            targets = self.complement_actors(verb, holders, sources)
        if merge and "recip" in rule.frames and not (type_ == "CONSULT" and mode == "visit"):
            sources, targets = self.reciprocal_parties(tok, kind, holders, sources, targets)
        if not targets and (type_ in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT", "SANCTION", "CONCEDE")
                            and not (type_ == "PROTEST" and self.lex.type_row(type_, None).get("domestic") == "yes")
                            or (type_ == "CONSULT" and mode == "visit")):
            # "troops were deployed in Mali", "visited Beijing": the place where a material act happens
            for h in [verb] + [h for h in holders if h is not verb]:
                targets = [a for a in self.location_actors(h) if a not in sources]
                if targets:
                    break
        targets = [a for a in targets if a not in sources]
        if not targets and not passive and type_ in ("REJECT", "ACCUSE") and kind in ("verb", "light"):
            targets = self.relative_owner(verb, sources)
        if not targets and not passive and kind in ("verb", "light") and self.lex.quad(type_).endswith("conflict"):
            targets = self.reason_actors(verb, sources)
        if not targets and not passive and kind in ("verb", "light") and self.lex.quad(type_).startswith("material"):
            targets = self.purpose_targets(verb, sources)
        if not targets:
            targets = self.default_targets(tok, verb, obj, rule, type_, kind, sources)
        return sources, targets

    def attacked_party(self, verb, passive: bool, sources, targets) -> list[str]:
        """Whom an attack was on, when its victims are named only as people: the attack noun's own recipient
        ("Israeli strikes on Gaza killed 30 people"), else the other state where it happened ("civilians were
        killed in Turkish air strikes in northern Iraq"). Bare "people"/"civilians" take no side from the
        attacker's adjective: victims of the attacker's own nationality are not read into them."""
        victims = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        if targets and not all(self.bare_people(v) for v in victims):
            return targets
        own = {self.country(a) for a in sources if self.country(a)}
        if targets and not (own and all(self.country(a) in own for a in targets)):
            return targets  # "killed 30 Palestinians": the victims' own side
        subj = None if passive else self.subject(verb)
        named: list[str] = []
        if subj is not None and subj.pos_ == "NOUN" and self.violent_word(subj):
            named = [a for c in subj.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "in")
                     for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p) if a not in sources]
        if not named and own:
            # the place of the act, or of the weapon it was done with ("in air strikes in northern Iraq")
            weapons = [p for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during")
                       for p in c.children if p.dep_ == "pobj" and self.violent_word(p)]
            aimed = [a for w in weapons for c in w.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                     for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)]
            named = [a for a in aimed + [a for h in [verb] + weapons for a in self.location_actors(h)]
                     if self.country(a) and self.country(a) not in own]
        if not named and not targets and not passive:
            # "the airstrikes targeted the area and killed a militant leader": one attack, whose victim the
            # conjoined verb names
            for c in verb.children:
                m = self.match(c) if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
                    d.dep_ in ("nsubj", "nsubjpass") for d in c.children) else None
                if m is not None and m[0].type == "ASSAULT":
                    named = [a for a in self.object_targets(c, None, "ASSAULT", sources) if a not in sources]
                    if named:
                        break
        return named or targets

    def bare_people(self, n) -> bool:
        """A common noun for people with no nationality of its own in its phrase: "30 people", "ten civilians"."""
        n = self.see_through(n)
        if n is None or n.pos_ != "NOUN" or not (self.in_class(n, "@PEOPLE") or self.in_class(n, "@CROWD")):
            return False
        return not any(c.dep_ in ("amod", "compound", "poss", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in (
            "NORP", "GPE")) for c in n.children)

    def passive_clause_parties(self, verb, rule: Rule, type_: str, mode: Optional[str]):
        """(sources, targets) of a passive verb: a stated intention, the act's own noun as subject, or the
        "by" agent acting on the subject."""
        if "volition" in rule.frames or ("stative" in rule.frames and self.passive_agent(verb) is None):
            # "Ukraine is committed to ...", "Iraq is prepared to ...": the subject states the intention
            return [a for c in verb.children if c.dep_ == "nsubjpass" for a in self.np_actors(c)], []
        n = self.own_event_subject(verb, type_)
        if n is not None:
            # "the EU's sanctions on Belarus were extended": the act's own noun names its parties
            sources, targets = self.args(n, rule, n, type_, mode, "noun", merge=False)
            agent = self.passive_agent(verb)
            by = self.np_actors(agent) if agent is not None else []
            if by:  # "the drone attack on the airbase was carried out by Ukraine"
                sources, targets = by, [a for a in targets if a not in by]
            return sources, targets
        sources, targets = self.passive_parties(verb)
        if not sources and type_ in ("SANCTION", "COERCE") and self.passive_agent(verb) is None:
            # "was expelled from the ruling party", "were banned from Russia": the body or state one is put
            # out of did it
            sources = [a for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)
                       if self.actor_by_id[a].type != "PERSON" and a not in targets]
            if not sources:
                sources = self.custodian_state(verb, targets)
        return sources, targets

    def custodian_state(self, verb, targets) -> list[str]:
        """Who arrested, banned or sentenced someone when the passive names no agent: the state where it
        happened ("two Americans were detained in Iran", "a journalist was jailed in Moscow")."""
        return [a for a in self.location_actors(verb) if self.actor_by_id[a].type == "COUNTRY" and a not in targets][:1]

    def active_subject(self, tok, verb, kind: str) -> list[str]:
        """The actor of an active clause: its subject, or who carried out the violent act that is its subject
        ("the airstrike carried out by the Nigerian air force killed ...", "the attack on the convoy by
        separatists killed 12")."""
        subj = self.subject(tok) if kind == "adj" and verb is tok else self.subject(verb)
        if subj is None:
            return []
        sources = self.np_actors(subj)
        if not sources and subj.pos_ == "NOUN" and self.violent_word(subj):
            sources = self.perpetrators(subj)
        if not sources and subj.pos_ == "NOUN":
            sources = self.joint_parties(subj)
        return sources

    def joint_parties(self, subj) -> list[str]:
        """'Both leaders', 'the two sides' after "talks with X" in the same sentence: the party met with (the
        other side is the story's subject, named in another sentence)."""
        if not any(c.dep_ in ("det", "predet", "nummod") and c.lower_ in ("both", "two") for c in subj.children):
            return []
        out: list[str] = []
        for t in subj.sent:
            if t.dep_ == "prep" and t.lower_ in ("with", "between") and t.head.pos_ == "NOUN" and \
                    self.match_noun(t.head) is not None and self.match_noun(t.head)[0].type == "CONSULT":
                out.extend(a for p in t.children if p.dep_ == "pobj" for a in self.np_actors(p) if a not in out)
        return out

    def light_noun_owner(self, obj) -> list[str]:
        """The actor named on a light verb's noun: "gave Russian backing", "its support"."""
        out: list[str] = []
        for c in obj.children:
            if c.dep_ in ("amod", "compound", "poss") and self.tok_actor[c.i]:
                out.extend(self.np_actors(c))
        return out

    def target_holders(self, tok, verb, obj, kind: str) -> list:
        """The tokens whose prepositional phrases may name the recipient: the verb and its object, the noun (and
        the noun it reports on: "reports of attacks on X"), the conjuncts of the object."""
        if kind == "light":
            holders = [obj, verb]
        elif kind == "noun":
            holders = [tok, obj]
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
                holders.append(tok.head.head)  # "cases of rape against children", "reports of attacks on X"
        else:
            holders = [verb, obj if obj is not None else self.direct_object(verb)]
        holders = [h for h in dict.fromkeys(holders) if h is not None]
        holders += [c for h in holders[1:] for c in h.children if c.dep_ == "conj"]  # "photographs and intelligence to X"
        return holders

    def object_targets(self, verb, obj, type_: str, sources) -> list[str]:
        """The recipient as the direct object (or dative) of an active verb: the perpetrator of an act accused,
        the counterpart of a nominal act ("proposed talks with Russia"), the object's actors."""
        targets: list[str] = []
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
            dobj = self.see_through(dobj)
            nm = self.match_noun(dobj) if dobj.pos_ == "NOUN" else None
            targets = self.accused_of(dobj, type_, sources)
            if not targets and nm is not None:
                # "requested WTO consultations with the U.S.", "proposed talks with Russia", "an offensive
                # against X": the counterpart of the nominal act, not an organisation named in its compound
                # (but "a blockade ... with Albania's help" names a helper)
                counter = ("with", "against") if nm[0].type in ("CONSULT", "COOPERATE", "AGREE") else ("against",)
                targets = [a for c in dobj.children if c.dep_ == "prep" and c.lower_ in counter
                           for q in c.children if q.dep_ == "pobj" for a in self.np_actors(q) if a not in sources]
            if not targets:
                targets = self.np_actors(dobj)
            if not targets and self.violent_word(dobj):
                targets = [a for a in self.launcher(dobj) if a not in sources]  # "shot down drones launched by Russia"
        if not targets:
            dat = next((c for c in verb.children if c.dep_ == "dative"), None)
            if dat is not None and dat.pos_ == "ADP":
                # "granted asylum to four officers holed up in ...": a dative "to" whose object the parser lost
                dat = next((q for q in dat.children if q.dep_ == "pobj"), None) or self.dangling_object(dat)
            targets = self.np_actors(dat) if dat is not None else []
        return targets

    def preposition_targets(self, holders, type_: str, mode: Optional[str], sources) -> list[str]:
        """The recipient in the type's recipient prepositions ("to", "against", "on", ...; plover_types.tsv), in
        their order of preference, on the first holder that has one."""
        row = self.lex.type_row(type_, mode)
        preps = multi(row.get("target_preps", "")) or ["to", "with", "against", "on"]
        targets: list[str] = []
        for p in preps:
            for h in holders:
                for c in h.children:
                    if c.dep_ in ("prep", "agent") and c.lower_ == p:
                        for q in c.children:
                            if q.dep_ == "pobj" and not self.forum(h, q):
                                got = self.accused_of(q, type_, sources) or self.np_actors(q)
                                targets.extend(a for a in got if a not in targets)
                        if not any(q.dep_ in ("pobj", "pcomp") for q in c.children):
                            q = self.dangling_object(c)
                            if q is not None:
                                targets.extend(a for a in self.np_actors(q) if a not in targets)
                if targets:
                    return targets
        return targets

    def forum(self, holder, q) -> bool:
        """A court a verb takes its object before: "took the school to court", "brought the general before a
        tribunal": where the act happens, not whom it is against (the object is)."""
        ids = self.np_actors(q)
        return holder.pos_ == "VERB" and self.direct_object(holder) is not None and bool(ids) and all(
            (self.actor_by_id[a].code or "").endswith("JUD") for a in ids)

    def reciprocal_parties(self, tok, kind: str, holders, sources, targets):
        """A reciprocal act ("X clashed with Y", "talks between X and Y"): the subject (else the first party
        named) is the source and the other party the target, as a directed coder records it."""
        parties = sources + [a for a in targets if a not in sources]
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "among", "with"):
                    for q in c.children:
                        if q.dep_ == "pobj":
                            parties.extend(a for a in self.np_actors(q) if a not in parties)
        lead = sources or parties[:1]  # "Hungary and Romania agreed": one source list
        if kind == "noun" and len(parties) > 1 and any(
                c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children):
            lead = parties[:1]  # "fighting between the army and the RSF": the first named against the other
        return lead, [a for a in parties if a not in lead]

    def reason_actors(self, verb, sources) -> list[str]:
        """Whom a hostile act's stated reason blames: "raised the tariffs because Canada has been ripping off the
        United States", "expelled the diplomats because Moscow had ...": the subject of the because-clause."""
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "because" for m in c.children):
                subj = self.subject(c)
                if subj is not None:
                    got = [a for a in self.np_actors(subj) if a not in sources]
                    if got:
                        return got
        return []

    def purpose_targets(self, verb, sources) -> list[str]:
        """Whom a material act is aimed at through its stated purpose: "opened fire to disperse the
        demonstrators", "opened the bridge to allow deliveries to Afghanistan": the purpose clause's parties."""
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and self.subject(c) in (
                    None, self.subject(verb)):
                got = [a for a in self.complement_actors(c, [c], sources, skip=LOCATIVE) if a not in sources]
                if got:
                    return got
        return []

    def accused_of(self, n, type_: str, sources) -> list[str]:
        """An accusation or investigation of a violent or repressive act ("is investigating alleged war crimes by
        Croatian extremists against Serb civilians", "condemned the massacre carried out by the militia",
        "an investigation into crimes committed by X"): aimed at who committed it, not at its victims."""
        if type_ != "ACCUSE" or n is None or n.pos_ != "NOUN":
            return []
        m = self.match_noun(n)
        if not (self.violent_word(n) or (m is not None and m[0].type in ("ASSAULT", "COERCE"))):
            # "an investigation into abuses committed by X", "condemned the decision taken by X": whatever the
            # act, the one who did it is named by the participle's agent
            return [a for a in self.launcher(n) if a not in sources]
        return [a for a in self.perpetrators(n) if a not in sources]

    def perpetrators(self, n) -> list[str]:
        """Who committed the act a noun names: "crimes by X", "the attack carried out by X", "X's crackdown"."""
        out = [a for c in n.children if c.dep_ == "prep" and c.lower_ == "by"
               for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p)]
        out += [a for a in self.launcher(n) if a not in out]
        out += [a for c in n.children if c.dep_ == "poss" for a in self.np_actors(c) if a not in out]
        # the parser often hangs the agent on the victims or on the verb: "the massacre of villagers carried out
        # by X", "condemned the killings by X against refugees"
        out += [a for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj" for a in self.launcher(p) if a not in out]
        if n.dep_ == "dobj" and not self.is_passive(n.head):
            out += [a for c in n.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > n.i
                    for p in c.children if p.dep_ == "pobj" for a in self.np_actors(p) if a not in out]
        return out

    def dangling_object(self, prep):
        """The noun phrase right after a preposition the parser left without its object ("granted asylum to five
        Panamanian officers holed up in ...", parsed with the officers as the subject of "holed")."""
        if prep.i + 1 >= len(self.sdoc):
            return None
        nxt = self.sdoc[prep.i + 1]
        for t in [nxt] + list(nxt.ancestors):
            if t.i < prep.i or t.sent.start != prep.sent.start:
                return None
            if t.pos_ in ("NOUN", "PROPN") and t.left_edge.i == prep.i + 1:
                return t
            if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "DET", "ADV"):
                return None
        return None

    def relative_owner(self, verb, sources) -> list[str]:
        """The target of a rejection or criticism told in a relative clause on the thing rejected: whoever
        owns that thing ("Kenya's claim, which Somalia rejected") or, failing that, the subject of the clause
        the thing belongs to ("X accused Y of ..., a charge Y denied", "experts detailed ... in a report, which
        Moscow denied"): the one who made the charge or the report."""
        if verb.dep_ in ("advcl", "ccomp", "parataxis") and any(
                c.tag_ == "WDT" and c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            # "experts detailed the transfers in a report - which Moscow denied": a relative on the whole clause,
            # parsed as an adverbial clause: what was denied was said by the governing clause's subject (or, in
            # reported speech, by its speaker: "Amnesty said soldiers tortured detainees, which Abuja rejected")
            h = verb.head
            while h.dep_ in ("ccomp", "parataxis") and self.lemma_in(h.head, "SAY"):
                h = h.head
            subj = self.subject(h) if h.pos_ in ("VERB", "AUX") else None
            return [a for a in self.np_actors(subj) if a not in sources] if subj is not None else []
        if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
            return []
        n = verb.head
        out = [a for a in self.np_actors(n) if a not in sources]
        if out:
            return out
        h = n
        for _ in range(5):
            if h.pos_ in ("VERB", "AUX") or h.head is h:
                break
            h = h.head
        if h.pos_ not in ("VERB", "AUX"):
            return []
        subj = self.subject(h)
        return [a for a in self.np_actors(subj) if a not in sources] if subj is not None else []

    def default_targets(self, tok, verb, obj, rule: Rule, type_: str, kind: str, sources) -> list[str]:
        """The target when the text names none in the event's own arguments: the actor's own state, the one
        state of the sentence, or (protest, repression) the grievance, the place, the home state."""
        targets: list[str] = []
        if not targets and sources and kind in ("verb", "light", "adj") and "recip" not in rule.frames \
                and type_ not in ("ASSAULT", "SANCTION", "REQUEST", "THREATEN") and (
                    self.lex.quad(type_).endswith("conflict") or type_ in (
                    "RETREAT", "CONCEDE")) \
                and self.unnamed_object(verb, obj, people=self.lex.quad(type_).startswith("material")):
            # an act on a thing or person the text does not place elsewhere ("the Taliban banned her book",
            # "a court charged the journalist", "analysts question the decision") falls on the actor's own state;
            # but what is asked for or threatened ("urged restraint", "threatened retaliation") names the act,
            # not whom it is asked of
            targets = self.home_state(sources)
        if not targets and not sources and type_ in ("ASSAULT", "COERCE", "RETREAT", "SANCTION"):
            # "a journalist arrested in ...", "schoolgirls kidnapped ... were freed": an agentless act on unnamed
            # people falls on the one state that the sentence is about, if it names only one
            targets = self.sentence_state(tok)
        if not targets and self.lex.type_row(type_, None).get("domestic") == "yes":
            # a protest is aimed at whom its purpose names ("a hunger strike to protest Sweden's decision",
            # "rioted ... calling for the removal of President X"); else it is against, and repression falls
            # on, the country where it happens
            targets = self.purpose_actors(verb, sources)
            if not targets:
                targets = [a for a in self.location_actors(verb) if a not in sources]
            if not targets:
                targets = self.home_state(sources) if len(sources) else []
            if not targets:
                targets = [a for a in sources if (self.actor_by_id.get(a) and self.actor_by_id[a].type == "COUNTRY")]
        return targets

    def own_organs(self, targets, sources) -> bool:
        """Whether every target is a government or military body of a source's own country."""
        own = {self.country(a) for a in sources if self.country(a)}
        return bool(own) and all(self.country(a) in own and (self.actor_by_id[a].code or "")[3:] in ("MIL", "GOV")
                                 for a in targets)

    def purpose_actors(self, verb, sources) -> list[str]:
        """Whom a protest's purpose or grievance names, not its place: "blocked streets in Hong Kong in defiance
        of Chinese authorities", "a hunger strike to protest Sweden's decision"."""
        purpose = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "acl", "dobj") or (
            c.dep_ == "prep" and not (c.lower_ in LOCATIVE and self.names_place(c)))]
        return [a for a in self.complement_actors(verb, purpose, sources, depth=5, skip=LOCATIVE) if a not in sources]

    @staticmethod
    def names_place(prep) -> bool:
        """'in Lima', 'at the embassy in Kabul': a place; 'in defiance of X', 'in protest at X': not one."""
        for p in prep.children:
            if p.dep_ == "pobj":
                return p.pos_ == "PROPN" or p.ent_type_ in ("GPE", "LOC", "FAC") or not any(
                    c.dep_ == "prep" and c.lower_ in ("of", "against", "with", "at", "to") for c in p.children)
        return True

    def sentence_state(self, tok) -> list[str]:
        """The country actor of the only country that the actors of ``tok``'s sentence belong to."""
        ids = {self.tok_actor[t.i] for t in tok.sent if self.tok_actor[t.i]}
        own = {self.country(a) for a in ids}
        if len(own) != 1 or None in own:
            return []
        return [a.id for a in self.doc.actors if a.type == "COUNTRY" and a.country in own and a.id in self.actor_by_id][:1]

    def unnamed_object(self, verb, obj, people: bool = False) -> bool:
        """Whether the direct object of ``verb`` is a common noun phrase that names no actor."""
        o = obj if obj is not None and obj.dep_ in ("dobj", "nsubjpass") else (
            self.direct_object(verb) if verb is not None else None)
        if o is None or o.pos_ not in ("NOUN", "NUM") or (o.pos_ == "NUM" and not people):
            return False  # "arrested 12": a number of people
        if not people and (self.people(o) or self.in_class(o, "@AGENT_NOUN")):
            return False  # "accusing the junta of ...": a party the text does not place, not a thing of the actor's
        return not any(self.tok_actor[t.i] for t in o.subtree)

    def home_state(self, sources) -> list[str]:
        """The country actor of the sources' own state; when the text names no such country, a source that is a
        state, else one of that state's own bodies or people, stands for it ("Egyptian police arrested 12", "the
        Taliban banned her book": the act falls inside Egypt, Afghanistan)."""
        own = {self.country(a) for a in sources if self.country(a)}
        if len(own) != 1:
            return []
        states = [a.id for a in self.doc.actors if a.type == "COUNTRY" and a.country in own and a.id in self.actor_by_id]
        return states[:1] or [a for a in sources if self.actor_by_id[a].type == "COUNTRY"][:1] or [
            a for a in sources if self.country(a)][:1]

    COMPLEMENT_DEPS = ("dobj", "dative", "pobj", "prep", "xcomp", "acl", "conj", "attr", "oprd", "pcomp", "appos")

    def complement_actors(self, verb, holders, sources, depth: int = 4, skip=()) -> list[str]:
        """The nearest actors inside the complements of ``verb`` (objects, prepositional phrases, control
        clauses and participles on them, breadth first, at most four steps down); not subjects or adverbial
        clauses, which name other participants."""
        seen = {verb.i}
        frontier = [h for h in holders]
        for _ in range(depth):
            nxt = []
            for h in frontier:
                for c in h.children:
                    if c.i in seen or c.dep_ not in self.COMPLEMENT_DEPS or (
                            c.dep_ == "prep" and c.lower_ in skip and self.names_place(c)):
                        continue
                    if c.dep_ == "conj" and h is verb:
                        continue  # a coordinated verb is a separate event
                    if c.dep_ == "prep" and any(p.dep_ == "pobj" and self.forum(h, p) for p in c.children):
                        continue  # "took the school to court": the court is the forum
                    seen.add(c.i)
                    nxt.append(c)
            found = []
            for c in sorted(nxt, key=lambda t: t.i):
                if c.pos_ in ("NOUN", "PROPN", "PRON"):
                    found.extend(a for a in self.np_actors(c) if a not in sources and a not in found)
            if found:
                return found
            frontier = nxt
        return []

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

    def agentive(self, v) -> bool:
        """Whether the subject of ``v`` can be a political actor (a person, group or state), or is unstated."""
        s = self.subject(v) if not self.is_passive(v) else self.passive_agent(v)
        if s is None:
            return True
        s = self.see_through(s)
        if s.pos_ in ("PRON", "PROPN") or s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or self.np_actors(s):
            return True
        return any(self.in_class(s, c) for c in ("@PERSONNOUN", "@CROWD", "@ARMED", "@ORG_GROUP", "@DIPLOMATS",
                                                     "@OBSERVERS", "@FORCES", "@AGENT_NOUN"))

    def actor_head(self, v) -> bool:
        """Whether the subject of ``v`` is itself an actor (a state, a person, a body), not a thing named
        after one ("U.S. residential bills", "Chinese subsidies")."""
        s = self.subject(v) if not self.is_passive(v) else self.passive_agent(v)
        if s is None:
            return True
        s = self.see_through(s)
        return bool(self.tok_actor[s.i]) or s.pos_ in ("PROPN", "PRON") or any(
            self.in_class(s, c) for c in ("@AGENT_NOUN", "@PERSONNOUN", "@ARMED", "@FORCES", "@CROWD", "@DIPLOMATS",
                                          "@ORG_GROUP", "@OBSERVERS"))

    def claimers(self, n) -> list[str]:
        """Who claimed an attack: "X claimed responsibility for the attack", "attacks were claimed by X"."""
        h = n.head
        verb = None
        if n.dep_ == "pobj" and h.lower_ == "for" and h.head.lemma_.lower() == "responsibility":
            verb = h.head.head
        elif n.dep_ in ("nsubjpass", "dobj") and h.lemma_.lower() == "claim":
            verb = h
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        who = self.passive_agent(verb) if self.is_passive(verb) else self.subject(verb)
        return self.np_actors(who) if who is not None else []
