"""Issue #12, fifth round: "the 70-year-old" stands for a person named just before, on text written for these tests."""
import re
from functools import partial

from conftest import analyse_article
from thucydides.actors import actor_at

analyse = partial(analyse_article, published="2025-03-01")


def phrase(doc, w, occurrence=0):
    m = list(re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", doc.text))[occurrence]
    aid = actor_at(doc, m.start(), m.end())
    return doc.actor(aid) if aid else None


def test_an_age_description_is_the_one_person_named_before():
    doc = analyse("Former President Jair Bolsonaro was charged on Tuesday with plotting a coup. "
                  "The 70-year-old denies wrongdoing.")
    a = phrase(doc, "The 70-year-old")
    assert a is not None and a.name == "Jair Bolsonaro"


def test_an_age_description_with_a_person_noun_is_the_person_whose_age_the_text_wrote():
    doc = analyse("Police arrested Peter Okello, 34, after a complaint by Jane Adongo. "
                  "The 34-year-old man is accused of fraud.")
    a = phrase(doc, "The 34-year-old man")
    assert a is not None and a.name == "Peter Okello"


def test_an_age_description_with_two_people_and_no_age_written_is_no_one():
    doc = analyse("Judge Ann Kato sentenced Mark Dunn to five years in prison. The 45-year-old plans to appeal.")
    a = phrase(doc, "The 45-year-old")
    assert a is None or a.name not in ("Ann Kato", "Mark Dunn")


def test_an_indefinite_age_or_an_age_of_a_thing_is_no_one_named_before():
    doc = analyse("Mark Dunn was arrested on Monday. A 45-year-old man was also held. "
                  "The 50-year-old law was repealed.")
    for w in ("A 45-year-old man", "The 50-year-old law"):
        a = phrase(doc, w)
        assert a is None or a.name != "Mark Dunn", w


def test_an_age_description_at_the_end_of_a_text_does_not_break_the_analysis():
    doc = analyse("Mark Dunn spoke to the press. He thanked the")
    assert phrase(doc, "He").name == "Mark Dunn"
