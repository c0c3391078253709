"""Issue #12, fifth round: descriptions of a past office and of a rank, each on text written for these tests.

News names a person with the present office and describes him or her after by a past one ("Mark Rutte, the NATO
secretary-general ... The former Dutch prime minister"); "the general" after "Gen. Asim Munir", the army chief, is
that general, not a nameless Pakistani general."""
import re
from functools import partial

from conftest import analyse_article
from thucydides.actors import actor_at

analyse = partial(analyse_article, published="2025-03-01")


def phrase(doc, w, occurrence=0):
    m = list(re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", doc.text))[occurrence]
    aid = actor_at(doc, m.start(), m.end())
    return doc.actor(aid) if aid else None


def test_a_former_office_describes_the_person_named_with_another_office():
    doc = analyse("Mark Rutte, the NATO secretary-general, visited Kyiv. He promised more support. "
                  "The former Dutch prime minister also met soldiers.")
    a = phrase(doc, "The former Dutch prime minister")
    assert a is not None and a.name == "Mark Rutte"


def test_a_former_office_gives_an_unknown_person_its_nationality():
    doc = analyse("Ilse Varga, the head of the regional development bank, opened the summit in Vienna. "
                  "The former Hungarian finance minister warned against new tariffs.")
    a = phrase(doc, "The former Hungarian finance minister")
    assert a is not None and a.name == "Ilse Varga"
    assert a.country == "HUN"


def test_a_former_office_is_not_a_person_of_another_country():
    doc = analyse("Brazilian President Luiz Inacio Lula da Silva hosted the summit. "
                  "The former Chilean foreign minister said the talks had failed.")
    a = phrase(doc, "The former Chilean foreign minister")
    assert a is None or "Lula" not in a.name


def test_a_former_office_with_two_people_who_could_have_held_it_is_no_one_of_them():
    doc = analyse("Anna Berg met Klara Holm in Oslo on Monday. The former minister said the talks were useful.")
    a = phrase(doc, "The former minister")
    assert a is None or a.name not in ("Anna Berg", "Klara Holm")


def test_the_knowledge_base_decides_whether_a_known_person_held_the_past_office():
    # Macron's offices are dated in the knowledge base: he was never foreign minister
    doc = analyse("French President Emmanuel Macron addressed the nation on Sunday. "
                  "The former French foreign minister criticised the speech on Monday.")
    a = phrase(doc, "The former French foreign minister")
    assert a is None or a.name != "Emmanuel Macron"


def test_the_general_is_the_army_chief_named_with_the_rank_before():
    doc = analyse("Pakistan's army chief, Gen. Asim Munir, visited Washington. The general met senior officials.")
    a = phrase(doc, "The general")
    assert a is not None and a.name == "Asim Munir"
