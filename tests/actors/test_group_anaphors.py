"""Issue #12, fifth round: "the rebels", "the militants", "the terrorists" after a named armed group are that group
(data/anaphors.tsv), on text written for these tests; with no group named they stay generic agents."""
import re
from functools import partial

from conftest import analyse_article
from thucydides.actors import actor_at

analyse = partial(analyse_article, published="2025-06-01")


def phrase(doc, w, occurrence=0):
    m = list(re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", doc.text))[occurrence]
    aid = actor_at(doc, m.start(), m.end())
    return doc.actor(aid) if aid else None


def test_the_militants_after_a_named_group_are_that_group():
    doc = analyse("Al-Shabab claimed the bombing in Mogadishu. Police said the militants had used a car bomb.")
    assert phrase(doc, "the militants") is phrase(doc, "Al-Shabab")
    doc = analyse("Government troops retook the town from M23 rebels on Monday. The army said the rebels had withdrawn.")
    assert phrase(doc, "the rebels") is phrase(doc, "M23")


def test_the_militants_with_no_group_named_are_no_named_group():
    doc = analyse("Militants attacked a police post in Khyber Pakhtunkhwa overnight. The militants fled after a gunfight.")
    a = phrase(doc, "The militants")
    assert a is None or a.type != "PERSON" and "Army" not in a.name
