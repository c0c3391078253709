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


def test_members_from_the_opposition_are_opposition():
    """'members of parliament from the opposition': the side they belong to gives the sector (data/agents.tsv
    lists 'opposition'), while plain lawmakers stay the legislature."""
    doc = analyse_article(
        "Several members of parliament from the opposition walked out of the chamber on Tuesday. "
        "Lawmakers approved the budget later that day.",
        dateline="KAMPALA, Uganda")
    members = actor_for(doc, "members of parliament")
    assert members is not None and members.sector == "opposition" and members.country == "UGA"
    lawmakers = actor_for(doc, "Lawmakers")
    assert lawmakers is not None and lawmakers.sector == "legislature"


def test_institution_opening_with_a_country_name_is_one_org():
    """'the Botswana High Court', which the tagger leaves unlabelled, is the court of that country, not the country."""
    doc = analyse_article("On Monday the Botswana High Court ruled against the ministry.", published="2025-03-01")
    court = actor_for(doc, "Botswana High Court")
    assert court is not None and court.type == "ORG"
    assert court.country == "BWA" and court.sector == "judiciary"
