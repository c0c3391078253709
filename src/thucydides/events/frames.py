"""Frame rules: how a matched trigger in its construction becomes an event (control, request, commitment,
joint action, destination), and the statements a speaker makes (relations, accusations)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Optional

from ..model import Event
from .lexicon import CONTROL_FRAMES, Rule
from .scope import Scope


@dataclass
class Coding:
    """One trigger's event while the frame rules refine it."""

    sent: Any
    tok: Any
    rule: Rule
    obj: Any
    kind: str  # verb | light | adj | noun
    scope: Scope
    cues: dict
    type_: str
    mode: Optional[str]
    frame: str
    anchor: Any = None
    flags: dict = field(default_factory=dict)
    sources: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    content: Any = None
    content_rule: Optional[Rule] = None
    content_tok: Any = None


class Frames:
    """Frame rules (mixed into the coder)."""

    def event_at(self, sent, tok, rule: Rule, obj, kind: str, scope: Scope, cues: dict) -> Optional[Event]:
        """Code the event of a matched trigger: each frame rule below refines or drops the coding in turn."""
        c = Coding(sent=sent, tok=tok, rule=rule, obj=obj, kind=kind, scope=scope, cues=cues, type_=rule.type,
                   mode=rule.mode, frame=rule.frame if kind != "light" else "-", anchor=tok)
        for step in (self.rule_senses, self.rule_scope, self.rule_control_content, self.rule_arguments,
                     self.rule_request, self.rule_light_request_target, self.rule_conditional_threat,
                     self.rule_fixed_and_refusal, self.rule_volition, self.rule_commitment, self.rule_absorbed,
                     self.rule_destination, self.rule_joint, self.rule_keep):
            if step(c) is False:
                return None
        return self.emit(c)

    def rule_senses(self, c: "Coding") -> bool:
        """Word senses and readings by the arguments' kind (senses.py)."""
        if c.frame in ("negcue", "aspect") and c.type_ in ("", "-"):
            return False
        if c.kind == "verb" and (self.natural_cause(c.tok) or self.unperpetrated_death(c.sent, c.tok, c.rule)):
            return False  # "the cyclone slammed into ...", "homes destroyed by floods", "five people were killed"
        if c.kind == "verb" and c.type_ == "CONSULT" and c.mode == "visit" and c.tok.lemma_.lower() in (
                "fly", "travel", "head", "take", "bring", "send") and self.direct_object(c.tok) is not None:
            return False  # "flying them instead to Louisiana": carrying people somewhere, not a visit
        if c.kind == "verb" and c.type_ == "ASSAULT" and (self.animal_patient(c.tok) or self.in_class(
                self.subject(c.tok) if not self.is_passive(c.tok) else None, "@ANIMAL")):
            return False  # "dogs are slaughtered", "hunters killed elephants": no political violence
        if c.kind == "verb" and self.verbal_attack(c.sent, c.tok, c.rule, c.obj):
            c.type_, c.mode = "ACCUSE", "disapprove"  # "attacked the senator": criticism
        noun = c.tok if c.kind == "noun" else c.obj if c.obj is not None and c.obj.pos_ == "NOUN" else None
        if c.type_ == "ASSAULT" and noun is not None and noun.lemma_.lower() in ("war", "wars", "battle", "fight") and any(
                m.dep_ in ("compound", "amod") and m.lemma_.lower() in self.lex.cls("FIGURATIVE_WAR") for m in noun.children):
            return False  # "we launched a drug war, not a trade war": no fighting
        if self.natural_noun(c.tok, c.kind):
            return False  # "a fire broke out at the factory"
        if self.appraisal(c.tok) is not None or (c.tok.dep_ == "dobj" and self.appraisal(c.tok.head) is not None):
            return False  # "called the attack unacceptable": an appraisal (appraisal_statement), not the act
        if c.kind == "verb" and self.endangered_value(c.tok, c.type_):
            return False  # "the militia threatens the territorial integrity of Libya": a danger, not a threat
        if c.kind == "verb" and self.weapons_test(c.tok, c.type_):
            c.type_, c.mode = "MOBILIZE", "weapons"  # "test-fired a missile", "fired a missile into the sea"
        if self.idle_subject(c.tok, c.kind, c.type_):
            return False  # "the internet helps them": no actor acts
        if c.kind == "verb" and self.nonviolent_targeting(c.tok, c.type_):
            return False  # "the policy targets obesity", "the campaign targets young voters"
        if c.kind == "verb" and self.private_transfer(c.tok, c.type_):
            return False  # "wired money to his family", "the farm supplies eggs to the region": no aid
        if c.kind == "verb" and self.standing_place(c.tok, c.type_):
            return False  # "the jail houses 2,000 inmates", "the camp shelters refugees": a standing state
        if c.kind == "verb" and self.idiom_sense(c.tok, c.type_):
            return False  # "when it comes to trade", "calls him a close friend", "the ship is heading to Iran"
        if c.kind in ("verb", "noun") and self.not_an_act(c.tok, c.kind, c.type_):
            return False  # "analysts agree", "committed abuses", "the constitution guarantees", "seeking employment"
        if c.kind == "verb" and (self.weather_strike(c.sent, c.tok, c.type_) or self.abstract_occupation(c.tok, c.type_)):
            return False  # "Malawi was struck by Chido" (a cyclone), "occupied a gray area"
        if c.kind == "verb" and self.celebration(c.tok, c.type_):
            return False  # "marched through Nairobi to celebrate the victory"
        if c.kind in ("verb", "light") and self.sport_reading(c.sent, c.tok, c.type_):
            return False  # "Japan crushed China 7-0 in the football tournament": a game, not a war
        if self.civil_operation(c.tok, c.kind, c.type_):
            return False  # "relief operations", "a search operation"
        retaliation = self.economic_retaliation(c.tok, c.type_) if c.kind == "verb" else ""
        if retaliation == "drop":
            return False  # "retaliated by announcing tariffs on U.S. exports": the tariffs are the event
        if retaliation == "sanction":
            c.type_, c.mode = "SANCTION", None  # "hit back with tariffs on U.S. goods"
        if c.kind == "noun" and c.type_ == "ASSAULT" and self.animal_agent(c.tok):
            return False  # "attacks from wild elephants"
        return True

    def rule_scope(self, c: "Coding") -> bool:
        """Negation and modality of the trigger, its clause (for a noun) and its light verb's noun."""
        cues = c.cues
        if c.kind == "noun":
            c.anchor = self.clause_verb(c.tok)
            if c.anchor is not c.tok and c.tok.dep_ in ("nsubj", "nsubjpass", "attr", "dobj"):
                # "there could be clashes", "talks may resume": the clause's cues are the noun's
                vc = self.local_cues(c.anchor)
                cues = c.cues = {k: cues[k] or vc[k] for k in cues}
        c.flags = self.resolve_flags(c.scope, cues, c.anchor if c.kind != "noun" else None)
        if c.kind == "light" and c.obj is not None:
            nc = self.noun_cues(c.obj)
            c.flags["neg"] = c.flags["neg"] or nc["neg"]
            c.flags["hyp"] = c.flags["hyp"] or nc["hyp"]
        return True

    def rule_control_content(self, c: "Coding") -> bool:
        """A control word's content ("agreed to X"); a light control noun needs one ("issued a demand that ...")."""
        tok, obj = c.tok, c.obj
        if c.kind == "light" and obj is not None and c.rule.frame in CONTROL_FRAMES:
            if self.content_match(self.content_of(obj)) is None and self.content_match(
                    next((x for x in tok.children if x.dep_ == "ccomp"), None)) is None and not any(
                    self.np_actors(p) for x in obj.children if x.dep_ == "prep" and x.lower_ in ("to", "with", "on", "from")
                    for p in x.children if p.dep_ == "pobj"):
                return False
        if c.frame in CONTROL_FRAMES:
            c.content = self.content_of(tok)
            cmatch = self.content_match(c.content)
            if cmatch is not None:
                c.content_rule, c.content_tok = cmatch[0][0], cmatch[1]
        return True

    def rule_arguments(self, c: "Coding") -> bool:
        """Source and target; CAMEO rows need their actors; the attacker named by the weapon's adjective."""
        c.sources, c.targets = self.args(c.tok, c.rule, c.obj, c.type_, c.mode, c.kind)
        if "cswap" in c.rule.frames:
            c.sources, c.targets = c.targets, c.sources  # CAMEO [:B]: the object acts on the subject
        if c.rule.origin == "cameo-verb" and not (c.sources and c.targets):
            return False  # a bare CAMEO verb codes only between two actors
        if c.rule.origin == "cameo-verb" and c.kind == "verb" and not self.actor_head(c.tok):
            return False  # "U.S. residential bills would increase": a thing named after a state does not act
        if c.rule.origin == "cameo-pattern" and not c.sources:
            return False
        if c.type_ == "ASSAULT" and c.kind == "verb" and self.is_passive(c.tok) and self.passive_agent(c.tok) is None:
            by_weapon = self.instrument_agents(c.tok)  # "killed in Turkish air strikes": Turkey attacked
            if by_weapon:
                c.sources = by_weapon
                c.targets = self.attacked_party(c.tok, True, by_weapon, [a for a in c.targets if a not in by_weapon])
        return True

    def rule_request(self, c: "Coding") -> bool:
        """Whom a request is made of, and what it really is: an order to repress, an accusation, support."""
        content, content_rule, tok = c.content, c.content_rule, c.tok
        if content is None:
            return True
        ctargets = self.content_targets(c.content_tok or content, content_rule, c.sources)
        if c.frame == "request":
            addressee = c.targets
            if not addressee and content.pos_ == "VERB":
                cs = self.subject(content)
                addressee = [a for a in (self.np_actors(cs) if cs is not None else []) if a not in c.sources]
            third = [a for a in ctargets if a not in addressee and a not in c.sources]
            ctype = content_rule.type if content_rule is not None else None
            cquad = self.lex.quad(ctype) if ctype else ""
            if ctype and self.lemma_in(tok, "ORDER") and cquad == "material_conflict":
                c.type_, c.mode = content_rule.type, content_rule.mode  # an order to repress is repression
                c.targets = addressee or ctargets
            elif ctype and third and cquad.endswith("conflict") and ctype not in ("REQUEST", "REJECT"):
                c.type_, c.mode, c.targets = "ACCUSE", "disapprove", third  # "called for sanctions against X"
            elif ctype in ("SUPPORT", "AID") and third and addressee:
                c.type_, c.mode, c.targets = "SUPPORT", None, third  # "urged the EU to support X"
            else:
                c.targets = addressee or ctargets
            if not third and ctype not in ("ASSAULT", "COERCE", "PROTEST", "SANCTION", "ACCUSE", "THREATEN", "REJECT") \
                    and self.public_addressee(tok):
                return False  # "urged people to seek medical attention": advice to the public, no political demand
        elif not c.targets:
            if c.type_ == "ACCUSE" and content.pos_ in ("VERB", "AUX"):
                # "the report alleged that the army supplied the rebels": the army is accused, not the rebels
                who = self.passive_agent(content) if self.is_passive(content) else self.subject(content)
                doers = [a for a in (self.np_actors(who) if who is not None else []) if a not in c.sources]
                if who is None and self.is_passive(content):
                    ctargets = []  # "alleged that women are being persecuted": the persecuted are not accused
                ctargets = doers or ctargets
            c.targets = ctargets
        return True

    def rule_light_request_target(self, c: "Coding") -> bool:
        """"issued a declaration demanding that the government ...": the demand is made of the clause's subject."""
        tok, obj = c.tok, c.obj
        if c.kind == "light" and c.rule.frame == "request" and not c.targets and obj is not None:
            clause = self.content_of(obj) or next((x for x in tok.children if x.dep_ == "ccomp"), None)
            for _ in range(2):
                if clause is None or clause.pos_ not in ("VERB", "AUX"):
                    break
                subj = self.subject(clause)
                got = [a for a in (self.np_actors(subj) if subj is not None and subj.i != obj.i else []) if a not in c.sources]
                if got:
                    c.targets = got
                    break
                clause = self.content_of(clause)
        return True

    def rule_conditional_threat(self, c: "Coding") -> bool:
        """A conditional threat is aimed at the party whose act is the condition: "... unless Israel rescinds"."""
        if c.type_ == "THREATEN" and not c.targets:
            for h in (c.content, c.tok):
                cond = next((x for x in (h.children if h is not None else ()) if x.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in x.children)), None)
                if cond is not None:
                    subj = self.subject(cond)
                    c.targets = [a for a in (self.np_actors(subj) if subj is not None else []) if a not in c.sources]
                    if c.targets:
                        break
        return True

    def rule_fixed_and_refusal(self, c: "Coding") -> bool:
        """The mode of a threat from its content; refusals that refuse nothing political."""
        content, content_rule = c.content, c.content_rule
        if c.frame == "fixed" and c.type_ == "THREATEN" and content_rule is not None:
            t2, m2, _ = self.commit(content_rule.type, content_rule.mode, False)
            if t2 == "THREATEN":
                c.mode = m2 or c.mode
        if "coop" in c.rule.frames and content_rule is not None and self.lex.quad(content_rule.type).endswith("conflict"):
            return False  # "failed to capture the town": no refusal; the capture did not happen (content negated)
        if "coop" in c.rule.frames and content_rule is None and content is not None and content.pos_ in ("VERB", "AUX"):
            return False  # "Kabul was failing to rein in separatists": a failing, not a refusal of anyone's demand
        if c.frame == "refuse" and content_rule is not None and (
                content_rule.type == "REJECT" or content_rule.frame == "negcue"):
            return False  # "refused to rule out X" keeps X open: no rejection
        if c.frame == "refuse" and content is not None and content.pos_ == "VERB" and content_rule is None and \
                self.lemma_in(content, "SAY"):
            return False  # "declined to comment" is no political refusal
        return True

    def rule_volition(self, c: "Coding") -> bool:
        """"is ready to X", "vowed to X": the type is the intention's (a promise, a threat, a refusal)."""
        if c.frame != "volition":
            return True
        content_rule = c.content_rule
        if content_rule is not None and self.commit(content_rule.type, content_rule.mode, False)[0] in ("-", ""):
            return False  # "plans to urge X": the request is yet to be made
        if content_rule is not None:
            ctok = c.content_tok or c.content
            content_neg = any(x.dep_ == "neg" for x in ctok.children)
            ctype, cmode = content_rule.type, content_rule.mode
            if "dest" in content_rule.frames and self.destination(ctok):
                ctype, cmode = "AID", None  # "ready to send troops to Lithuania" promises aid
            c.type_, c.mode, still_neg = self.commit(ctype, cmode, content_neg)
            c.flags["neg"] = c.flags["neg"] or still_neg
        elif c.kind == "adj" and c.content is None:
            return False
        return True

    def rule_commitment(self, c: "Coding") -> bool:
        """A stated future act is a commitment: a promise (AGREE), a threat (THREATEN) or a refusal (REJECT)."""
        scope, cues, flags = c.scope, c.cues, c.flags
        explicit = cues.get("fut") or cues.get("would") or scope.fut or scope.would or scope.volition
        if not scope.absorbed and c.frame != "volition" and (flags["fut"] or scope.volition) and not flags["hyp"] \
                and "member" not in c.rule.frames:  # "would not join an alliance": a negated AGREE, kept as evidence
            if c.kind == "noun" and not c.sources:
                flags["hyp"] = True  # "there will be an arrest": a forecast, nobody commits to it
            elif not flags["neg"] or explicit:
                committed = self.commit(c.type_, c.mode, flags["neg"])
                if committed[0] == "-":
                    flags["hyp"] = True  # "X will demand ...": not yet made
                else:
                    if "recip" in c.rule.frames and committed[0] != c.type_:
                        # "they would meet the U.N. mediator": a promise to the mediator
                        c.sources, c.targets = self.args(c.tok, c.rule, c.obj, c.type_, c.mode, c.kind, merge=False)
                    c.type_, c.mode, flags["neg"] = committed
                    if committed[0] == "REJECT" and self.hostile_object(c.tok):
                        # "we will not allow violent disturbances", "will not tolerate any attack": a warning
                        c.type_, c.mode = "THREATEN", None
                        # aimed at whoever the hostile act names ("rallies by the Kifaya group"), else at home
                        obj = self.direct_object(c.tok)
                        named = [a for t in obj.subtree for a in [self.tok_actor[t.i]] if a and a not in c.sources]
                        c.targets = list(dict.fromkeys(named)) or [a for a in self.home_state(c.sources)
                                                                   if a not in c.sources]
        return True

    def rule_absorbed(self, c: "Coding") -> bool:
        """The content of a governing event, and a protest's demands, are evidence, not events."""
        if c.scope.absorbed and not c.flags["neg"]:
            c.flags["hyp"] = True
        if c.scope.protest and c.type_ in ("REQUEST", "ACCUSE"):
            c.flags["hyp"] = True  # the demand of a protest is its topic
        return True

    def rule_destination(self, c: "Coding") -> bool:
        """Forces sent to a named state are military assistance; sent to a border or region, a deployment."""
        if "dest" in c.rule.frames:
            dest = self.destination(c.tok)
            if dest:
                c.type_, c.mode = "AID", None
                c.targets = dest
        return True

    def rule_joint(self, c: "Coding") -> bool:
        """"joint exercises", drills with a partner: cooperation among all parties."""
        if "joint" in c.rule.frames:
            # the parties are the doers and a "with" partner; a state the drills are held near or off is their
            # target, no partner ("China held drills near Taiwan" is a mobilisation)
            countries = {self.country(a) for a in c.sources if self.country(a)}
            heads = [h for h in (c.tok, c.anchor, c.obj if c.kind == "light" else None) if h is not None]
            with_partner = any(x.dep_ == "prep" and x.lower_ in ("with", "alongside") for h in heads
                               for x in h.children)  # "held a joint exercise with India": the light verb's noun too
            if any(x.lower_ == "joint" for h in heads for x in h.children) or len(countries) >= 2 or with_partner:
                c.type_, c.mode = "COOPERATE", None
                c.sources, c.targets = c.sources + [a for a in c.targets if a not in c.sources], []
        return True

    def rule_keep(self, c: "Coding") -> bool:
        """Last checks: something refused, asked or agreed; not a duplicate; parties and a maker present."""
        tok, kind = c.tok, c.kind
        if c.frame == "refuse" and kind == "verb" and c.content is None and c.obj is None and self.direct_object(tok) is None:
            return False  # "the population continues to decline": no refusal without something refused
        if c.type_ == "AGREE" and kind == "verb" and any(x.dep_ in ("ccomp", "parataxis") and x.i < tok.i for x in tok.children):
            return False  # '"The danger is not passed," agreed X': a way of saying, no agreement
        if c.frame == "request" and kind == "verb" and c.content is None and not c.targets and c.obj is None and not any(
                x.dep_ in ("prep", "dobj", "ccomp", "xcomp", "dative") for x in tok.children):
            return False  # "Bugajski asked.": a question, not a request
        subj = self.subject(tok) if kind == "verb" and not self.is_passive(tok) else None
        if c.rule.type == "CONSULT" and subj is not None and self.in_class(subj, "@PRIVATE_TRAVELLER"):
            return False  # "80,000 foreigners have traveled to Vietnam", "hunters will not be coming": private travel
        civil = {self.country(a) for a in c.sources if (self.actor_by_id[a].code or "").endswith("CVL")}
        if c.type_ == "CONSULT" and civil and all((self.actor_by_id[a].code or "").endswith("CVL") or (
                self.actor_by_id[a].type == "COUNTRY" and self.country(a) in civil) for a in c.sources):
            return False  # "Chinese tourists visited Vietnam": private travel, no consultation
        if c.type_ == "CONSULT" and c.sources and all(self.actor_by_id[a].type == "MEDIA" or (
                self.actor_by_id[a].code or "")[3:] == "MED" for a in c.sources):
            return False  # "VOA spoke with experts", "told Reuters in an interview": reporting, not consultation
        if self.duplicate_of_governor(c.anchor if kind != "light" else tok, c.type_, c.flags, c.mode):
            return False
        if "needs2" in c.rule.frames and len(set(c.sources) | set(c.targets)) < 2 and not self.plural_subject(tok):
            return False  # "the cabinet met": an internal meeting, not a consultation
        if kind == "verb" and not c.targets and tok.dep_ in ("xcomp", "oprd", "acomp") and self.is_passive(tok) and not any(
                x.dep_ == "nsubjpass" for x in tok.children):
            held = self.subject(tok.head)  # "the former president stands accused of bribery": he is the accused
            c.targets = [a for a in (self.np_actors(held) if held is not None else []) if a not in c.sources]
        if self.lex.quad(c.type_).startswith("verbal") and kind == "verb" and not (c.sources or c.targets) and \
                self.is_passive(tok) and self.passive_agent(tok) is None and not any(
                    x.dep_ == "nsubjpass" and self.people(x) for x in tok.children):
            return False  # "the vote was pushed to Friday": nobody asks anybody
        if self.lex.quad(c.type_).startswith("verbal") and not c.sources and kind in ("verb", "adj") and \
                not self.agentive(tok):
            return False  # "the document fails to reflect ...": statements and decisions need someone to make them
        return True

    def emit(self, c: "Coding") -> Optional[Event]:
        """The Event, with its trigger span, quote, CAMEO code and confidence; a speaker's accusation beside it."""
        tok, obj, kind, rule = c.tok, c.obj, c.kind, c.rule
        span = None
        if kind == "light" and obj is not None:
            span = (min(tok.idx, obj.idx), max(tok.idx + len(tok.text), obj.idx + len(obj.text)))
        elif rule.particles and kind == "verb":
            parts = [x for x in tok.children if x.lower_ in rule.particles and x.dep_ in ("prt", "prep", "advmod")
                     and 0 < x.i - tok.i <= 2]
            if parts:
                span = (tok.idx, max(max(p.idx + len(p.text) for p in parts), tok.idx + len(tok.text)))
        ev_tok = obj if kind == "light" and obj is not None else tok
        speakers, q = self.speaker_of(c.scope, tok)
        if not c.sources and speakers:
            # a statement in a quote with no agent of its own, or made by "we"/"I", is the speaker's:
            # "'We have urged the authorities to ...,' the minister said", "'... requesting Mr. X to ...,' Y told"
            verb = tok if kind in ("verb", "light", "adj") else None
            subj = self.subject(verb) if verb is not None and not self.is_passive(verb) else None
            first = subj is not None and subj.lower_ in ("i", "we")
            strike_subject = c.type_ == "ASSAULT" and kind == "verb" and subj is not None and subj.pos_ == "NOUN" \
                and not self.tok_actor[subj.i] and self.in_class(subj, "@STATE_STRIKE") and not any(
                    m.dep_ in ("amod", "compound", "poss") and (self.tok_actor[m.i] or m.lemma_.lower() in self.lex.cls(
                        "ATTACKER")) for m in subj.children)
            armed = [a for a in speakers if self.armed_body(a)] \
                if (a_passive_kill(self, c) and self.state_strike(c.tok)) or strike_subject else []
            victim = next((x for x in tok.children if x.dep_ == "nsubjpass"), None) if armed else None
            if victim is not None and self.in_class(victim, "@FORCES") and not any(
                    w.lemma_.lower() in self.lex.cls("MILITANT") for w in [victim] + list(victim.children)) and \
                    any(self.country(t) in {self.country(a) for a in armed} for t in c.targets):
                armed = []  # "the army said four soldiers were killed in ...": its own losses, not its strike
            if first or (subj is None and self.lex.quad(c.type_).startswith("verbal")):
                c.sources = [a for a in speakers if a not in c.targets]
            elif armed:
                # "special forces said the commander was killed in an airstrike", "the army said the airstrikes
                # killed 20 militants": the forces report their own strike
                c.sources = [a for a in armed if a not in c.targets]
            elif self.custody_report(c):
                # "police said 12 protesters were arrested", "the army said all hostages were rescued": the state
                # body that reports an arrest or rescue with no agent of its own made it
                c.sources = [a for a in speakers if self.security_organ(a) and a not in c.targets]
        evidence = rule.origin if rule.origin != "hand" else kind
        ev = self.make(c.sent, ev_tok, c.type_, c.mode, rule.context, c.sources, c.targets, c.flags,
                       anchor=tok if kind in ("light", "verb", "adj") else c.anchor, trigger_span=span, quote=q,
                       evidence=evidence)
        if ev is not None:
            ev.cameo = self.cameo_code(tok, rule, ev.type) if kind in ("verb", "adj") else None
            self.by_token.setdefault(tok.i, ev)
            if c.scope.reported and not c.scope.absorbed:
                self.accusation(c.sent, tok, ev, c.scope)
        return ev

    def custody_report(self, c: "Coding") -> bool:
        return custody_report(self, c) and any(self.security_organ(a) for a in self.speaker_of(c.scope, c.tok)[0])

    def armed_body(self, aid: str) -> bool:
        """A state's armed, police or intelligence body ("the army", "NISA"): who carries out its strikes."""
        a = self.actor_by_id.get(aid)
        return a is not None and ((a.code or "")[3:6] in ("MIL", "COP", "SPY") or a.sector in (
            "military", "police", "intelligence"))

    def security_organ(self, aid: str) -> bool:
        """A state's own security or judicial body with a country (who arrests and sentences); not a ministry,
        which as often reports its own citizens detained abroad."""
        a = self.actor_by_id.get(aid)
        return a is not None and bool(a.country) and (a.code or "")[3:6] in ("MIL", "COP", "JUD", "SPY")

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

    def duplicate_of_governor(self, tok, type_: str, flags: dict, mode: Optional[str] = None) -> bool:
        """'summoned the ambassador to complain', 'shelled Juba, killing 20': one event, not two."""
        h, steps = tok, 0
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("advcl", "conj") and any(
                c.dep_ in ("nsubj", "nsubjpass") and self.tok_actor[c.i] and not self.violent_word(c) for c in tok.children):
            return False  # "shelled Kurdish positions after a bombing killed six": a second act with its own doer
        gov = self.by_token.get(tok.head.i) if tok.dep_ == "conj" else None
        if gov is not None and gov.type == type_ and mode and gov.mode and gov.mode != mode and \
                self.direct_object(tok) is not None:
            return False  # "arrested the opposition leader and banned all demonstrations": two kinds of act
        while steps < 3 and h.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "dobj", "pobj") and h.head is not h:
            h = h.head
            steps += 1
            ev = self.by_token.get(h.i)
            if ev is not None and ev.type == type_ and ev.negated == flags["neg"] and ev.hypothetical == flags["hyp"]:
                return True
        return False

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

    def evaluation_statement(self, sent, v, scope: Scope) -> None:
        """A speaker calling something unacceptable, unfair, a crime or a deep concern: ACCUSE (disapprove);
        calling it positive, a good step, or being grateful or encouraged: SUPPORT."""
        lem = v.lemma_.lower()
        hedged = lem in ("amount", "constitute")  # "may amount to war crimes": a hedged charge is still one
        if lem not in ("be", "remain", "seem", "become", "look", "sound", "feel") and not hedged:
            return
        if hedged:
            pred = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None) or next(
                (p for c in v.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                 if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
        else:
            pred = next((c for c in v.children if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN", "VERB")), None)
        if pred is not None and any(c.dep_ == "expl" for c in v.children):
            self.existential_concern(sent, v, pred, scope)
            return
        if pred is None:
            return
        bad = self.lex.cls("DISAPPROVE_ADJ")
        words = {pred.lower_, pred.lemma_.lower()}
        if pred.pos_ == "NOUN":
            words |= set(self.forms(pred))  # "an act of aggression", "a blatant violation"
        good = words & self.lex.cls("APPROVE_ADJ") or (pred.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in self.lex.cls("APPROVE_ADJ") for c in pred.children))
        denied_good = self.local_cues(v)["neg"] and not hedged and (
            words | {c.lower_ for c in pred.children if c.dep_ == "amod"}) & self.lex.cls("DENIABLE_GOOD")
        if denied_good:
            bad = bad | denied_good  # "it wasn't good", "the elections were not free or fair": a judgement against
            words = words | denied_good
        elif good:
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
            if subj is not None and subj.pos_ == "NOUN" and not (
                    self.tok_actor[subj.i] or any(c.dep_ == "poss" and self.np_actors(c) for c in subj.children)
                    or self.match_noun(subj) is not None or any(
                        self.in_class(subj, c) for c in ("@AGENT_NOUN", "@DECISION", "@DOCUMENT", "@PERSONNOUN",
                                                         "@CONDUCT", "@PROPOSAL", "@AGREEMENT", "@RELATIONS"))):
                return  # "public sentiment is positive", "the outlook is good": no one's act is approved
            self.approval(sent, v, pred, scope)
            return
        if pred.pos_ == "NOUN":
            if not (words & self.lex.cls("CONCERN_NOUN")) and not any(
                    c.dep_ == "amod" and c.lower_ in bad for c in pred.children):
                return
        elif not (words & bad) and not any(c.dep_ == "conj" and c.lower_ in bad for c in pred.children):
            return
        if pred.lower_ == "motivated" and not any(c.lower_ == "politically" for c in pred.children):
            return
        speakers, q = self.speaker_of(scope, v)
        if not speakers and scope.say is None and q is None:
            return  # only a speaker's judgement is an accusation
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None and subj.lower_ in ("i", "we"):
            return  # "we are concerned": the speaker's own state
        if subj is not None and subj.pos_ != "PRON" and not (
                self.np_actors(subj) or self.match_noun(subj) is not None or subj.dep_ == "csubj" or any(
                    self.in_class(subj, c) for c in ("@AGENT_NOUN", "@DECISION", "@DOCUMENT", "@PERSONNOUN", "@CONDUCT"))):
            return  # "the weather is unacceptable": no conduct judged
        cues = self.local_cues(v)
        if denied_good:
            cues = {**cues, "neg": False}  # the denial of the good is the asserted judgement
        flags = self.resolve_flags(scope, {**cues, "hyp": False} if hedged else cues)
        own = self.speaker_country(speakers)
        state_speaker = any((self.actor_by_id[a].code or "")[3:6] in ("GOV", "MIL") or self.actor_by_id[a].type == "COUNTRY"
                            for a in speakers)
        targets = [a for a in (self.np_actors(subj) if subj is not None else []) if a not in speakers and (
            self.country(a) is None or self.country(a) not in own or (not state_speaker and (
                self.actor_by_id[a].type == "COUNTRY" or (self.actor_by_id[a].code or "")[3:6] in ("GOV", "MIL"))))]
        self.make(sent, v, "ACCUSE", "disapprove", (), list(speakers), targets, flags, anchor=v, quote=q,
                  trigger_span=(pred.idx, pred.idx + len(pred.text)))

    def reproach_statement(self, sent, v, scope: Scope) -> None:
        """"Russia should never have invaded", "the raid on the paper should not have happened", "the government
        should have acted sooner", said by someone: a reproach of a past act (ACCUSE disapprove) of its doer; the
        act itself stays unasserted. Only a named doer counts ("the match should have been cancelled" is none)."""
        if v.pos_ != "VERB" or v.tag_ != "VBN" or self.is_passive(v):
            return
        aux = [c for c in v.children if c.dep_ == "aux"]
        modal = next((c for c in aux if c.lower_ in ("should", "shouldn't", "ought")), None)
        if modal is None or not any(c.lower_ == "have" for c in aux):
            return
        subj = self.subject(v)
        if subj is None or subj.lower_ in ("i", "we", "you"):
            return  # the speaker's own regret, or advice
        if v.lemma_.lower() in ("happen", "occur"):
            targets = self.np_actors(subj) or [a for t in subj.subtree for a in [self.tok_actor[t.i]] if a]
        else:
            targets = self.np_actors(subj)
        speakers, q = self.speaker_of(scope, v)
        if not speakers and q is None:
            return
        own = self.speaker_country(speakers)
        targets = list(dict.fromkeys(a for a in targets if a not in speakers and (
            self.country(a) is None or self.country(a) not in own or self.actor_by_id[a].type != "COUNTRY")))
        if not targets:
            return
        flags = self.resolve_flags(scope, {**self.local_cues(v), "neg": False, "hyp": False, "oblig": False})
        self.make(sent, v, "ACCUSE", "disapprove", (), list(speakers), targets, flags, anchor=v, quote=q,
                  trigger_span=(modal.idx, v.idx + len(v.text)))

    def existential_concern(self, sent, v, pred, scope: Scope) -> None:
        """"There are serious concerns about Hungary's media law", said by someone: the speaker's disapproval
        (ACCUSE) of whoever the "about"/"over" phrase names ("there are concerns that ..." alone is a mood)."""
        if pred.pos_ != "NOUN" or not set(self.forms(pred)) & self.lex.cls("DISAPPROVAL_NOUN"):
            return
        about = [p for c in pred.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "regarding", "at")
                 for p in c.children if p.dep_ == "pobj"]
        if any(c.dep_ == "det" and c.lower_ in ("no", "little") for c in pred.children):
            return  # "there were no concerns about ...": none held
        targets = [a for p in about for a in self.np_actors(p)] or [
            a for p in about for t in p.subtree for a in [self.tok_actor[t.i]] if a]
        speakers, q = self.speaker_of(scope, v)
        if not speakers:
            return  # nobody holds the concern
        own = self.speaker_country(speakers)
        targets = list(dict.fromkeys(a for a in targets if a not in speakers and (
            self.country(a) is None or self.country(a) not in own)))
        if not targets:
            return
        cues = self.local_cues(v)
        if cues["neg"] or cues["hyp"]:
            return
        flags = self.resolve_flags(scope, cues)
        self.make(sent, v, "ACCUSE", "disapprove", (), list(speakers), targets, flags, anchor=v, quote=q,
                  trigger_span=(pred.idx, pred.idx + len(pred.text)))

    def allegation_statement(self, sent, v, scope: Scope) -> None:
        """"X allegedly did Y", "cut ties with X for allegedly meddling": an accusation (ACCUSE allege) of X by
        the speaker, or by the subject of the act that gives the allegation as its reason; Y itself stays unasserted."""
        adv = next((c for c in v.children if c.dep_ == "advmod" and c.lower_ in self.lex.cls("ALLEGE_ADV")), None)
        if adv is None:
            return
        speakers, q = self.speaker_of(scope, v)
        sources = list(speakers)
        if not sources:
            h, steps = v, 0
            while h.dep_ in ("pcomp", "pobj", "prep", "advcl", "xcomp") and h.head is not h and steps < 4:
                h = h.head
                steps += 1
                if h.pos_ == "VERB":
                    hs = self.subject(h)
                    sources = self.np_actors(hs) if hs is not None else []
                    break
        subj = self.subject(v) if not self.is_passive(v) else self.passive_agent(v)
        targets = self.np_actors(subj) if subj is not None else []
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and v.dep_ in ("pcomp", "advcl"):
            g = v.head.head if v.head.dep_ == "prep" else v.head
            gev = self.by_token.get(g.i)
            if gev is not None:
                targets = list(gev.target)  # "cut ties with Kenya for allegedly meddling": whom the act is aimed at
        targets = [a for a in targets if a not in sources]
        if not (sources or targets):
            return
        cues = self.local_cues(v)
        flags = self.resolve_flags(scope, {**cues, "hyp": False})
        self.make(sent, v, "ACCUSE", "allege", (), sources, targets, flags, anchor=v, quote=q,
                  trigger_span=(adv.idx, adv.idx + len(adv.text)))

    def appraisal(self, v):
        """"called the attack unacceptable", "described the incursion as an act of aggression", "called the deal a
        positive step": (polarity, judged object, judgement word) of an appraisal verb, or None."""
        if v.pos_ != "VERB" or v.lemma_.lower() not in self.lex.cls("APPRAISE_VERB"):
            return None
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        preds = []
        if obj is None:
            # parsed "called [the strikes]oprd [a violation]dobj-of-strikes"
            obj = next((c for c in v.children if c.dep_ == "oprd" and c.pos_ == "NOUN"), None)
            if obj is None:
                return None
            preds = [c for c in obj.children if c.dep_ in ("dobj", "appos", "npadvmod") and c.pos_ == "NOUN"]
        preds += [c for c in v.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN")
                  and c is not obj]
        last = max(t.i for t in obj.subtree)  # a judgement parsed onto the object's last noun: "the seizure of
        preds += [c for c in obj.subtree if c.i > c.head.i and c.pos_ in ("ADJ", "NOUN")  # the tanker unacceptable"
                  and max(t.i for t in c.subtree) == last and c is not obj and (
                      c.dep_ in ("amod", "appos") or (c.dep_ == "dobj" and any(  # "the decision to jail the editor
                          d.dep_ == "dobj" and d.i < c.i for d in c.head.children)))]  # a blatant case of ...": a 2nd object
        preds += [p for h in (v, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ == "pobj"]
        if obj.tag_ in ("WP", "WDT") or self.is_passive(v):
            return None  # "what officials described as ...": a label, not a judgement of an act
        bad, good = self.lex.cls("DISAPPROVE_ADJ"), self.lex.cls("APPROVE_ADJ")
        def forms(ws):
            return {f for w in ws for f in (w.lower_, w.lemma_.lower())}
        for pred in preds:
            mods = [c for c in pred.children if c.dep_ in ("amod", "conj")]
            heads = [pred] + [c for c in pred.children if c.dep_ == "conj"] + [
                p for c in pred.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if forms([pred] + mods) & good:
                return 1, obj, pred  # "a positive step", "constructive"
            act = pred.lemma_.lower() in ("act", "move", "step", "decision", "action") or self.match_noun(pred) is not None
            concern = bad | self.lex.cls("CONCERN_NOUN")
            if forms(heads) & concern or set(self.forms(pred)) & concern or (forms(mods) & bad and act):
                return -1, obj, pred  # "unacceptable", "an act of aggression", "an illegal move"
        return None

    def record_statement(self, sent, v, scope: Scope) -> None:
        """"X has a poor record on rights", "X does not have a good record of ...", said by someone: an
        implicit criticism of X (RECORD_NOUN judged by DISAPPROVE_ADJ / POOR_ADJ, or a GOOD_ADJ one denied)."""
        if v.lemma_.lower() != "have":
            return
        obj = self.direct_object(v)
        if obj is None:
            return
        effect = obj.lemma_.lower() in self.lex.cls("EFFECT_NOUN")
        if not effect and obj.lemma_.lower() not in self.lex.cls("RECORD_NOUN"):
            return
        mods = {c.lower_ for c in obj.children if c.dep_ in ("amod", "compound")}
        negated = self.local_cues(v)["neg"]
        bad = mods & (self.lex.cls("DISAPPROVE_ADJ") | self.lex.cls("POOR_ADJ"))
        if effect:
            # "the law has had a chilling effect on the press": a speaker's judgement of a measure's harm;
            # only asserted harm counts ("has had no negative impact" is no accusation)
            bad = mods & (self.lex.cls("DISAPPROVE_ADJ") | self.lex.cls("EFFECT_ADJ"))
            if not bad or negated or any(c.dep_ == "det" and c.lower_ in ("no", "little") for c in obj.children):
                return
        elif not ((bad and not negated) or (negated and mods & (self.lex.cls("APPROVE_ADJ") | self.lex.cls("GOOD_ADJ")))):
            return
        speakers = list(self.speaker_of(scope, v)[0])
        subj = self.subject(v)
        targets = [a for a in (self.np_actors(subj) if subj is not None else []) if a not in speakers]
        judged_act = effect and subj is not None and subj.pos_ == "NOUN" and (any(
            self.in_class(subj, c) for c in ("@DECISION", "@MEASURE", "@CONDUCT", "@BLOCKADE", "@RESTRICTION")) or any(
            c.dep_ == "poss" and self.in_class(c, "@AGENT_NOUN") for c in subj.children))  # "the ministry's freeze"
        said = bool(speakers) or (effect and scope.say is not None)  # "the opposition said ...": a speaker unnamed
        if not said or not (targets or judged_act):
            return  # "the drought had a devastating effect": no one's act judged
        flags = self.resolve_flags(scope, dict(self.local_cues(v), neg=False))
        self.make(sent, v, "ACCUSE", "disapprove", (), speakers, targets, flags, anchor=v,
                  trigger_span=(v.idx, obj.idx + len(obj.text)))

    def appraisal_statement(self, sent, v, scope: Scope) -> None:
        """An appraisal ("X called the raid unacceptable") is X's ACCUSE (or SUPPORT) of whoever the judged
        object names; the judged act itself is its object, not a separate event."""
        got = self.appraisal(v)
        if got is None:
            return
        polarity, obj, pred = got
        gov = self.by_token.get(v.head.i) if v.dep_ in ("advcl", "conj", "xcomp") else None
        if obj.pos_ == "PRON" and gov is not None and gov.type in ("REJECT", "ACCUSE"):
            return  # "pushed back on the report, calling it false": the same act, said again
        if polarity < 0 and self.in_class(obj, "@ALLEGATION"):
            polarity = 0  # "called the allegations baseless": a denial (REJECT) of whoever made them
        subj = self.subject(v)
        sources = self.np_actors(subj) if subj is not None else []
        if not sources:
            sources = list(self.speaker_of(scope, v)[0])
        targets = [a for t in obj.subtree for a in [self.tok_actor[t.i]] if a and a not in sources]
        own = {self.country(a) for a in sources if self.country(a)}
        targets = list(dict.fromkeys(a for a in targets if self.country(a) is None or self.country(a) not in own))
        flags = self.resolve_flags(scope, self.local_cues(v))
        type_, mode = ("SUPPORT", None) if polarity > 0 else ("ACCUSE", "disapprove") if polarity < 0 else ("REJECT", None)
        self.make(sent, v, type_, mode, (), sources, targets, flags, anchor=v,
                  trigger_span=(v.idx, pred.idx + len(pred.text)))

    def approval(self, sent, v, pred, scope: Scope) -> None:
        """"It's positive that ...", "a good step", "I'm encouraged the parties ...": SUPPORT from the speaker."""
        speakers, q = self.speaker_of(scope, v)
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
        first_person = subj is not None and subj.lower_ in ("i", "we")
        if not speakers and scope.say is None and q is None and not first_person:
            return
        if first_person and pred.lower_ not in self.lex.cls("GRATEFUL_ADJ"):
            return  # "we are ready": the speaker's state, not a judgement
        if first_person and not any(c.dep_ in ("ccomp", "prep", "xcomp") for c in list(pred.children) + list(v.children)):
            return  # "I am delighted, but my health is weak": a feeling about nobody's act
        cues = self.local_cues(v)
        flags = self.resolve_flags(scope, cues)
        about = next((c for c in pred.children if c.dep_ in ("ccomp", "prep")), None) or \
            next((c for c in v.children if c.dep_ == "ccomp"), None)
        targets: list[str] = []
        if about is not None:
            s = self.subject(about) if about.pos_ in ("VERB", "AUX") else None
            targets = self.np_actors(s) if s is not None else [a for p in about.children if p.dep_ == "pobj"
                                                                 for a in self.np_actors(p)]
        if not targets and subj is not None and not first_person:
            targets = self.np_actors(subj)
        if not (about is not None or targets or first_person or (subj is not None and (
                self.match_noun(subj) is not None or self.in_class(subj, "@DECISION")))):
            return  # "public sentiment is positive": a mood, not approval of someone's act
        own = self.speaker_country(speakers)
        targets = [a for a in targets if a not in speakers and (self.country(a) is None or self.country(a) not in own)]
        self.make(sent, v, "SUPPORT", None, (), list(speakers), targets, flags, anchor=v, quote=q,
                  trigger_span=(pred.idx, pred.idx + len(pred.text)))

    def misconduct_statement(self, sent, say, content, speakers, scope: Scope) -> None:
        """A speaker stating that someone misbehaves ("the opposition said the election was rigged by the ruling
        party", "a rights group said the authorities failed to protect refugees") accuses them (ACCUSE disapprove).
        Misconduct is a verb of MISCONDUCT_VERB or "committed" a crime; a report of violence is not by itself an
        accusation (the gold sets code the violence only)."""
        cues = self.local_cues(content)
        if not speakers or content.pos_ not in ("VERB", "AUX") or cues["neg"]:
            return
        harm = self.harm_to_values(content)
        if not harm and (cues["hyp"] or cues["would"] or cues["fut"] or any(c.tag_ == "MD" for c in content.children)):
            return  # "a blockade would violate international law": a forecast, not a charge
        # but "the law will chill free speech": the speaker's judgement of a measure, an accusation now
        said = self.by_token.get(say.i)
        if said is not None and said.type == "ACCUSE":
            if not said.target:  # "Kenya complained that Uganda was blocking trade": Uganda is accused
                who = self.passive_agent(content) if self.is_passive(content) else self.subject(content)
                said.target = [a for a in (self.np_actors(who) if who is not None else []) if a not in said.source]
            return
        lem = content.lemma_.lower()
        obj = self.direct_object(content)
        misconduct = harm or self.reported_abuse(say, content) or lem in self.lex.cls("MISCONDUCT_VERB") or any(
            f"{lem} {p}" in self.lex.cls("MISCONDUCT_VERB") for p in self.particles(content)) or (
            lem == "commit" and obj is not None and self.in_class(obj, "@CONCERN_NOUN|abuse|abuses|fraud|atrocities"))
        if not misconduct:
            return
        who = self.passive_agent(content) if self.is_passive(content) else self.subject(content)
        accused = [a for a in (self.np_actors(who) if who is not None else []) if a not in speakers]
        if who is not None and who.pos_ == "PRON" and not accused:
            return  # "we failed": the speaker's own conduct
        own = self.speaker_country(speakers)
        state_speaker = all((self.actor_by_id[a].code or "")[3:6] in ("GOV", "MIL", "COP", "")
                            for a in speakers if self.actor_by_id[a].type != "COUNTRY")
        accused = [a for a in accused if self.country(a) is None or self.country(a) not in own or
                   (self.actor_by_id[a].code or "")[3:6] in ("GOV", "MIL", "COP", "PTY") or not state_speaker]
        flags = self.resolve_flags(scope, self.local_cues(say))
        _, q = self.speaker_of(scope, say)
        self.make(sent, say, "ACCUSE", "disapprove", (), list(speakers), accused, flags, anchor=say, quote=q)

    def need_statement(self, sent, v, scope: Scope) -> None:
        """A speaker saying a change or an act "is needed" / "is necessary" / "is urgent", or that "it is time
        for X" / "time to X": a REQUEST of the speaker (the manual's demands for change, CAMEO 10); whom it is
        addressed to is the "for" party ("it is time for Russia to withdraw"), if any."""
        if scope.background or scope.question:
            return
        need = self.lex.cls("NEED_PRED")
        lem = v.lemma_.lower()
        wanted, addressee = None, None
        if v.pos_ == "VERB" and lem in need and self.is_passive(v):
            wanted = next((c for c in v.children if c.dep_ == "nsubjpass"), None)  # "reform is needed"
        elif v.pos_ == "ADJ" and lem in need and any(c.dep_ in ("aux", "auxpass", "cop") and c.lemma_ == "be"
                                                     for c in v.children):
            wanted = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # parsed onto the adjective
        elif v.pos_ in ("VERB", "AUX") and (lem in need or lem == "have") and any(c.dep_ == "expl" for c in v.children):
            be = next((c for c in v.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)  # "there needs to be"
            wanted = next((c for c in be.children if c.dep_ == "attr"), None) if be is not None else None
            if wanted is not None:  # "there has to be a guarantee from Moscow": whom it is asked of
                addressee = next((p for c in wanted.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                                  for p in c.children if p.dep_ == "pobj"), None)
        elif lem == "be" and any(c.dep_ == "expl" for c in v.children):
            if any(c.dep_ == "aux" and c.lower_ in self.lex.cls("NEED_AUX") for c in v.children):
                wanted = next((c for c in v.children if c.dep_ == "attr"), None)  # "there should be a ceasefire"
        elif lem == "be":
            pred = next((c for c in v.children if c.dep_ in ("acomp", "attr")), None)
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
            now = any(c.dep_ == "advmod" and c.lower_ in ("now", "today") for c in v.children)
            if pred is None and now and subj is not None and subj.lower_ in self.lex.cls("TIME_FOR"):
                pred, subj = subj, None  # "now is the time for a ceasefire", parsed with "time" as subject
            if pred is None:
                return
            if pred.lower_ in need and subj is not None and subj.lower_ == "it":
                wanted = next((c for c in pred.children if c.dep_ in ("ccomp", "xcomp")), None) or next(
                    (c for c in v.children if c.dep_ in ("ccomp", "xcomp")), None)  # "it is important that X withdraws"
                if wanted is not None and self.subject(wanted) is not None:
                    addressee = self.subject(wanted)
                if wanted is None:
                    return
            if pred.lower_ in self.lex.cls("TIME_FOR") and (now or (subj is not None and subj.lower_ == "it")):
                for c in pred.children:  # "it is time for a truce", "it is time for Russia to withdraw"
                    if c.dep_ == "prep" and c.lower_ == "for":
                        wanted = next((p for p in c.children if p.dep_ == "pobj"), None)
                        inner = next((p for p in c.children if p.dep_ == "pcomp"), None)
                        if wanted is not None and any(d.dep_ in ("acl", "relcl") for d in wanted.children):
                            addressee = wanted  # "time for Russia to withdraw"
                        wanted = wanted if wanted is not None else inner
                    elif c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ == "VERB":
                        wanted = c  # "it is time to end the war"
                        addressee = next((d for d in c.children if d.dep_ == "nsubj"), None)  # "for Russia to agree"
            elif pred.lower_ in need and wanted is None:
                wanted = subj
        if wanted is None:
            return
        if wanted.pos_ not in ("VERB", "AUX") and not (
                self.match_noun(wanted) is not None or self.in_class(wanted, "@MEASURE") or
                self.in_class(wanted, "@CHANGE_NOUN")):
            return  # "more money is needed for the school": not a demand on anyone
        obj = self.direct_object(wanted) if wanted.pos_ in ("VERB", "AUX") else None
        acts_on_event = obj is not None and (self.match_noun(obj) is not None or self.in_class(obj, "@CONFLICT") or
                                             self.in_class(obj, "@CHANGE_NOUN"))  # "time to end the war"
        if wanted.pos_ in ("VERB", "AUX") and (wanted.lemma_.lower() in ("be", "have") or (
                self.match(wanted) is None and not acts_on_event)):
            return  # "how important it is that Syria comes together": a wish, not a demand of an act
        speakers, q = self.speaker_of(scope, v)
        if not speakers and q is None:
            return
        cues = self.local_cues(v)
        if cues["neg"] or cues["hyp"]:
            return
        targets = [a for a in (self.np_actors(addressee) if addressee is not None else []) if a not in speakers]
        flags = self.resolve_flags(scope, {**cues, "oblig": False})
        self.make(sent, v, "REQUEST", None, (), list(speakers), targets, flags, anchor=v, quote=q)

    def reported_abuse(self, say, content) -> bool:
        """"A State Department report said Cuban authorities detained hundreds of protesters", "the findings show
        that the army shelled villages": a report or an inquiry stating a material conflict act charges its doer
        (ACCUSE allege, the manual's accusation by a document)."""
        subj = self.subject(say)
        if subj is None or not self.in_class(self.see_through(subj), "@DOCUMENT"):
            return False
        m = self.match(content) if content.pos_ == "VERB" else None
        return m is not None and self.lex.quad(m[0].type) == "material_conflict"

    def harm_to_values(self, content) -> bool:
        """"will chill free speech", "erodes the rule of law": a misconduct verb whose object is a value (VALUES),
        said of a measure or an agent; a judgement of its author even when put as a forecast."""
        if content.lemma_.lower() not in self.lex.cls("MISCONDUCT_VERB") or self.is_passive(content):
            return False
        obj = self.direct_object(content)
        if obj is None or not self.in_class(obj, "@VALUES"):
            return False
        subj = self.subject(content)
        return subj is not None and subj.lower_ not in ("i", "we") and (
            bool(self.np_actors(subj)) or any(self.in_class(subj, c) for c in (
                "@AGENT_NOUN", "@DECISION", "@DOCUMENT", "@CONDUCT", "@PERSONNOUN", "@MEASURE")) or subj.lower_ == "it")

    def warning_statement(self, sent, say, content, speakers, scope: Scope) -> None:
        """"X warned (that) it would respond / could strike": a warning of the speaker's own future act is a
        THREATEN of the speaker (the manual's "warn"), also when the act has no trigger of its own. A warning
        of someone else's act ("NATO warned Russia could attack") or of a cooperative act is none."""
        if say.lemma_.lower() not in self.lex.cls("WARN_VERB") or scope.background or content.pos_ not in ("VERB", "AUX"):
            return
        cues = self.local_cues(content)
        if cues["neg"] or not (cues["would"] or cues["fut"] or cues["hyp"] or any(
                c.tag_ == "MD" for c in content.children)):
            return
        lo, hi = content.left_edge.idx, content.right_edge.idx + len(content.right_edge.text)
        if any(e.trigger is not None and lo <= e.trigger[0] < hi and not e.hypothetical for e in self.events):
            return  # an act in the warning is coded already (a committed threat)
        m = self.match(content)
        if (m is not None and self.lex.quad(m[0].type).endswith("cooperation")) or self.lemma_in(content, "COOP_VERB"):
            return  # "warned it would cut aid" is coded by its own rule; "would help" is no threat
        if not self.speaks_for(content, replace(scope, speaker=tuple(speakers))):
            return
        subj = self.subject(content)
        if subj is not None and (self.in_class(subj, "@CROWD") or self.in_class(subj, "@PEOPLE")):
            return  # "aid agencies warned that thousands of people could go hungry": a danger, not a threat
        if any(c.dep_ == "advcl" and (any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark") or (
                c.i < content.i and any(a.dep_ == "aux" and a.i < c.i and a.lower_ in ("should", "were", "had")
                                        for a in c.children))) for c in content.children):
            return  # a conditional warning ("should the talks fail, Israel could resume strikes") stays unasserted
        flags = self.resolve_flags(scope, {**self.local_cues(say)})
        _, q = self.speaker_of(scope, say)
        obj = self.direct_object(content)
        targets = [a for a in (self.np_actors(obj) if obj is not None else []) if a not in speakers]
        self.make(sent, say, "THREATEN", None, (), list(speakers), targets, flags, anchor=say, quote=q)

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
        if others and all((self.actor_by_id[a].code or "").endswith("CVL") or not self.country(a) for a in others):
            return  # "experts stressed that Africans should get tested": advice to the public, no political demand
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


def custody_report(coder, c) -> bool:
    """An arrest, deportation, sentence or rescue told in the passive with no agent ("12 protesters were
    arrested"); not a measure such as a curfew or a state of siege, which the reporter may only relay."""
    custody = (c.type_ == "COERCE" and c.mode in ("arrest", "deport")) or (
        c.type_ == "SANCTION" and c.mode == "convict") or c.type_ == "AID"
    return custody and c.kind == "verb" and coder.is_passive(c.tok) and coder.passive_agent(c.tok) is None


def a_passive_kill(coder, c) -> bool:
    """An ASSAULT told in the passive with no agent and no weapon's owner ("X was killed in an airstrike")."""
    return c.type_ == "ASSAULT" and c.kind == "verb" and coder.is_passive(c.tok) and coder.passive_agent(c.tok) is None
