"""Fast unit tests without a trained model: the event lexicon and the modality cues load and are well formed."""
import pytest  # noqa: F401

from thucydides.events.coder import lexicon as event_lexicon
from thucydides.knowledge import multi, table

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


# lexicons load and are well formed
def test_event_lexicon_types_are_plover_types():
    lex = event_lexicon()
    rules = [r for index in (lex.verbs, lex.nouns, lex.adjs) for rs in index.values() for r in rs]
    assert len(rules) > 300
    types = {r.type for r in rules} - {"-"}  # "-": a word sense that is no event ("a fire broke out")
    assert types == PLOVER_TYPES  # every type reachable, nothing else
    # every @class a trigger names exists
    for r in rules:
        for spec in (r.obj, r.subj):
            for part in filter(None, spec.replace("|", " ").split()):
                if part.lstrip("!").startswith("@") and part.lstrip("!") != "@ACTOR":  # @ACTOR: any actor
                    assert lex.cls(part), f"trigger {r.head!r} names unknown class {part}"


def test_event_lexicon_particles_tried_first():
    lex = event_lexicon()
    for head, rules in lex.verbs.items():
        with_p = [i for i, r in enumerate(rules) if r.particles]
        without = [i for i, r in enumerate(rules) if not r.particles]
        if with_p and without:
            assert max(with_p) < min(without), head


def test_modality_cues_are_known_kinds():
    rows = table("modality.tsv")
    assert {r["kind"] for r in rows} <= {"negation", "hypothetical", "future", "hypothetical+future", "obligation",
                                         "conditional", "realis", "habitual"}
    assert {r["where"] for r in rows} <= {"aux", "neg", "mark", "adv", "gov", "amod", "subj", "obj", "time"}
    mod = event_lexicon().modality
    assert mod["neg"]["not"] == "negation" and mod["mark"]["if"] == "hypothetical" and mod["aux"]["will"] == "future"
    assert mod["adv"]["routinely"] == "habitual"


def test_multi_cells():
    assert multi(" a | b ||c ") == ["a", "b", "c"]
    assert multi("") == []


