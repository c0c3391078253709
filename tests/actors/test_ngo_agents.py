"""Generic NGO agents: "rights groups", "aid groups" are non-governmental organisations of their country's context
(data/agents.tsv), not civilians or nobody."""
from conftest import actor_for, analyse_article


def test_rights_and_aid_groups_are_ngos():
    doc = analyse_article(
        "Police in Bangkok detained three activists on Monday. Human rights groups say the men could face torture. "
        "Aid groups said food was running short in the camps.",
        dateline="BANGKOK, Thailand")
    for surface in ("Human rights groups", "Aid groups"):
        actor = actor_for(doc, surface)
        assert actor is not None, surface
        assert actor.sector == "ngo", (surface, actor.sector)
