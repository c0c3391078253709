"""Events stage (issue #5, rebuilt in #11): PLOVER event coding that knows "not", "if" and "will".

``code(doc)`` walks each sentence's dependency tree once, top-down, carrying the scope of
negation, modality and reported speech downward, and codes an :class:`~thucydides.model.Event`
wherever a trigger of the lexicon stands in its construction. The parts, one job each:

* :mod:`.lexicon`: loading and validating the data files;
* :mod:`.scope`: negation, modality, reported speech;
* :mod:`.syntax`: subjects, objects, particles over the parse;
* :mod:`.triggers`: which tokens are event words, in which construction;
* :mod:`.cameo`: the CAMEO verb patterns beside the hand-written triggers;
* :mod:`.arguments`: source and target actors;
* :mod:`.frames`: the frame rules that turn a trigger into an event;
* :mod:`.senses`: readings by the arguments' kind (verbal vs material, natural causes, word senses);
* :mod:`.attributes`: date, location, score and the Event record.

Events under negation or a hypothetical are kept as evidence with ``negated`` / ``hypothetical`` set.
"""
from __future__ import annotations

from dataclasses import replace

from ..errors import StageError
from ..model import Document, Event
from .arguments import Arguments
from .attributes import Attributes, resolve_date
from .cameo import Cameo
from .frames import Frames
from .lexicon import CONTROL_FRAMES, NOUN_POS, lexicon
from .scope import NO_CUES, Scope, ScopeRules
from .senses import Senses
from .syntax import Syntax
from .triggers import Triggers

QUOTE_CHARS = "\"'“”‘’«»`"

__all__ = ["code", "resolve_date"]


class _Coder(Frames, Senses, Cameo, Triggers, Arguments, Attributes, ScopeRules, Syntax):
    """One document's coding run: the walk over each sentence; the parts are mixed in."""

    def __init__(self, doc: Document):
        self.evidence: dict[int, tuple[str, str]] = {}  # id(event) -> (trigger kind, actors found)
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

    def code_sentence(self, sent) -> None:
        question = sent.text.strip().rstrip(QUOTE_CHARS + " )").endswith("?")
        root = sent.root
        if self.caption(sent):
            return  # a photo caption reports no event
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

    @staticmethod
    def finite_relative(c) -> bool:
        """An object relative clause with a finite verb and a named subject of its own ("a charge New Delhi
        rejected", "which Moscow denied"): the subject's act on the noun, stated in passing."""
        if c.dep_ != "relcl" or c.pos_ != "VERB":
            return False
        if c.tag_ in ("VBD", "VBZ", "VBP") and any(d.dep_ == "nsubj" and d.pos_ in ("PROPN", "NOUN") for d in c.children):
            return True
        # "a politician who criticized the president", "the decision, which was criticized by rights groups",
        # "a general who has been arrested": a past act stated in passing by a relative pronoun's clause (the
        # present "groups that attack civilians" is a habit, not an event)
        past = c.tag_ == "VBD" or (c.tag_ == "VBN" and any(
            d.dep_ in ("aux", "auxpass") and d.lower_ in ("has", "have", "had", "was", "were") for d in c.children))
        if not past:
            return False
        n = c.head
        if n.pos_ not in ("NOUN", "PROPN"):
            return False  # a relative clause parsed onto a verb: its antecedent is unknown
        if n.tag_ in ("NNS", "NNPS") and not any(d.dep_ in ("det", "poss", "nummod") for d in n.children):
            return False  # "Syrians who resisted the regime": a kind of people, not an act told in passing
        if any(d.dep_ == "nsubj" and d.tag_ in ("WP", "WDT") for d in c.children):
            return True
        # a passive one only with its doer named ("which was criticized by rights groups"); "a curfew that was
        # imposed six months ago" is background to the news
        return any(d.dep_ == "nsubjpass" and (d.tag_ == "WP" or (d.tag_ == "WDT" and any(
            a.dep_ == "agent" for a in c.children))) for d in c.children)  # "who was arrested" is news

    def people(self, h) -> bool:
        """Whether a noun names people or a political actor ("a journalist", "schoolgirls", "Kenya")."""
        return h.ent_type_ == "PERSON" or bool(self.tok_actor[h.i]) or any(
            self.in_class(h, k) for k in ("@CROWD", "@PEOPLE", "@PERSONNOUN", "@ARMED", "@PRISONERS"))

    def participle_act(self, c) -> bool:
        """A past participle after its noun that names a material act done to it, with a when or where:
        "a journalist arrested over his interviews", "students kidnapped in Zamfara state"."""
        if c.dep_ == "acl" and c.tag_ == "VBG" and self.match(c) is not None and self.people(c.head):
            return True  # "demonstrators protesting the results", "leaders calling for their release": their act
        if c.dep_ != "acl" or c.tag_ != "VBN" or not any(d.dep_ in ("prep", "agent", "npadvmod") for d in c.children):
            return False
        if not self.people(c.head):  # done to people ("a journalist arrested"), not to things ("a curfew imposed")
            return False
        m = self.match(c)
        if m is not None and m[2] == "verb" and self.lex.quad(m[0].type).startswith("material") and any(
                d.dep_ == "agent" and any(self.np_actors(p) for p in d.children if p.dep_ == "pobj") for d in c.children):
            return True  # "Somali forces, backed by U.S. airstrikes", "prisoners freed by Israel": the doer named
        return m is not None and m[2] == "verb" and self.lex.quad(m[0].type) == "material_conflict"

    def back_reference(self, sent, tok, type_: str) -> bool:
        """A definite event noun ("the raid", "this attack") with no actor or target of its own, in a sentence
        after one that already reported an event of its type, refers back to that event."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return False
        if any(c.dep_ in ("poss", "amod", "compound", "nmod", "prep") and (
                self.tok_actor[c.i] or c.ent_type_ in ("NORP", "GPE", "ORG") or c.dep_ == "prep")
               for c in tok.children):
            return False
        return any(e.type == type_ and e.sentence is not None and e.sentence[0] < sent.start_char
                   for e in self.events)

    def visit(self, sent, tok, scope: Scope, depth: int) -> None:
        if depth > 60:
            return
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
                if nm is not None and self.back_reference(sent, tok, nm[0].type):
                    nm = None  # "after the raid, police found ...": the raid reported before, not a new one
                if nm is not None:
                    rule = nm[0]
                    ev = self.event_at(sent, tok, rule, tok, "noun", scope, cues)
            if tok.pos_ in ("VERB", "AUX"):
                self.relation_statement(sent, tok, scope)
                self.evaluation_statement(sent, tok, scope)
                self.appraisal_statement(sent, tok, scope)
                self.record_statement(sent, tok, scope)
                self.reproach_statement(sent, tok, scope)
                self.allegation_statement(sent, tok, scope)
            if tok.pos_ in ("VERB", "AUX", "ADJ"):
                self.need_statement(sent, tok, scope)
        frame = rule.frame if rule is not None else "-"
        own = self.resolve_flags(scope, cues)
        is_say = frame == "-" and pos == "VERB" and self.lemma_in(tok, "SAY")
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
                # background of a noun; but a sentence parsed as "NOUN <acl verb> ..." is a clause misparsed,
                # and a finite relative clause with its own subject states an act ("a charge X rejected",
                # "a politician who criticized the president")
                if self.finite_relative(c):
                    # the narrator states it in passing, whatever governs the noun: "accusing it of X, a charge
                    # New Delhi rejected" (not part of the allegation), "violence that began in the region, where
                    # security forces clashed with fighters" (not background of the violence)
                    cs = Scope(question=scope.question, speaker=scope.speaker, say=scope.say, protest=scope.protest)
                elif not self.participle_act(c):
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
                if c.lower_ in ("instead", "rather") or (tok.lower_ in ("instead", "rather") and c.lower_ in ("of", "than")):
                    neg_p = True
                if neg_p or hyp_p:
                    cs = replace(scope, neg=scope.neg or neg_p, hyp=scope.hyp or hyp_p)
            elif dep == "pobj" and tok.dep_ == "prep" and tok.lower_ in ("without",):
                cs = replace(scope, neg=True)
            if dep == "pcomp" and tok.dep_ == "prep" and tok.head.pos_ == "NOUN" and not self.gov_kind(tok.head) \
                    and not self.match_noun(tok.head):
                cs = replace(cs, background=True)  # "support for Ukraine in defending its territory"
            if dep in ("pcomp", "pobj") and tok.dep_ == "prep" and any(
                    d.dep_ == "advmod" and d.lower_ in ("instead", "rather") for d in tok.children):
                cs = replace(cs, neg=True)  # "instead of calling for X": X was not called for
            if under_protest and dep != "conj":
                cs = replace(cs, protest=True)
            self.visit(sent, c, cs, depth + 1)
        if not scope.background and pos == "VERB" and (is_say or (ev is not None and ev.type == "ACCUSE" and
                                                                   ev.mode == "disapprove")):
            self.reported_content(sent, tok, speakers if is_say else tuple(ev.source), scope, is_say)
        if according_to and not is_say and tok.pos_ in ("VERB", "AUX") and not scope.background:
            self.statement_events(sent, tok, scope)

    def reported_content(self, sent, tok, speakers, scope: Scope, is_say: bool) -> None:
        """What a speaker says ("X said Y must ...", "X complained that Y ..."): demands and charges of misconduct;
        the content may also govern the cue ('"X are failing to protect refugees," a rights group protested')."""
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis")), None)
        if comp is None and tok.dep_ in ("parataxis", "ccomp") and tok.head.pos_ in ("VERB", "AUX") and (
                is_say or not any(lem in self.lex.cls("SAY") for lem in self.lemmas(tok.head)[:2])):
            self.misconduct_statement(sent, tok, tok.head, speakers, scope)
        if comp is not None:
            if is_say:
                self.statement_events(sent, comp, replace(scope, speaker=speakers, say=tok.i))
                self.warning_statement(sent, tok, comp, speakers, scope)
            self.misconduct_statement(sent, tok, comp, speakers, scope)


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
