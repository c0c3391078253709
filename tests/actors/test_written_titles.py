"""Issue #12, sixth round: the title written before a name says the person's office even when it is an
abbreviation ("Rep.", "Sen.", "Lt. Gen.", "Col."), a party-and-chamber title ("Republican Representative") or a
director general of a national body (data/roles.tsv). Text written for these tests."""
from functools import partial

from conftest import actor_for, analyse_article

analyse = partial(analyse_article, published="2025-06-01")


def test_abbreviated_legislative_titles_make_lawmakers():
    doc = analyse("The U.S. House voted on the farm bill on Thursday. Rep. Maria Delgado said she would vote no. "
                  "Sen. Paul Whitaker said the Senate would take it up next week.")
    for name, role in (("Maria Delgado", "lawmaker"), ("Paul Whitaker", "senator")):
        a = actor_for(doc, name)
        assert (a.role, a.sector, a.country) == (role, "legislature", "USA"), (name, a)


def test_abbreviated_military_ranks_make_officers():
    doc = analyse("Lt. Gen. Ibrahim Danjuma said troops had cleared the forest near Maiduguri. Col. Musa Bello "
                  "led the operation.")
    assert actor_for(doc, "Ibrahim Danjuma").sector == "military"
    assert actor_for(doc, "Musa Bello").sector == "military"


def test_a_party_and_chamber_title_makes_a_lawmaker():
    doc = analyse("Democratic Representative Ellen Marsh said the tariffs would hurt farmers in Iowa.")
    a = actor_for(doc, "Ellen Marsh")
    assert a.sector == "legislature" and a.country == "USA"


def test_a_national_director_general_is_a_state_official_and_an_international_one_stays_international():
    doc = analyse("Dr. Grace Mwangi, director general of health services, said the clinics in Nairobi had enough "
                  "vaccines.")
    mwangi = actor_for(doc, "Grace Mwangi")
    assert mwangi.sector == "government" and mwangi.country == "KEN"
    doc = analyse("The WHO director-general praised Kenya's response to the outbreak.")
    who = actor_for(doc, "WHO director-general")
    assert who.sector == "igo" and who.country is None


def test_an_official_talking_to_a_foreign_counterpart_is_not_of_the_counterparts_country():
    doc = analyse("Fighting in Gaza dominated the talks. The United States raised concern over the violence, with "
                  "National Security Adviser Tom Reyes speaking by phone with his Israeli counterpart Avi Cohen, "
                  "according to the White House. Israel said talks would continue.")
    assert actor_for(doc, "Avi Cohen").country == "ISR"
    assert actor_for(doc, "Tom Reyes").country != "ISR"


def test_two_holders_of_one_office_in_a_sentence_may_serve_one_country():
    doc = analyse("The Senate passed the defence bill on Friday. Senator Ann Kimura and Senator Bob Tate, both "
                  "members of the armed services committee, voted for it in Washington.")
    assert actor_for(doc, "Ann Kimura").country == actor_for(doc, "Bob Tate").country == "USA"


def test_the_group_noun_before_leader_says_what_kind_of_leader():
    doc = analyse("Thousands marched in Dhaka on Sunday. Student leader Nahid Rahman told the crowd the protests "
                  "would go on. In Sylhet, community leader Abdul Karim said the police had stayed away.")
    assert actor_for(doc, "Nahid Rahman").sector == "education"
    assert actor_for(doc, "Abdul Karim").sector == "civilians"
    # a state noun before it keeps a state office
    doc = analyse("Army chief Ahmed Khalil met officials in Khartoum on Monday.")
    assert actor_for(doc, "Ahmed Khalil").sector == "military"


def test_names_listed_after_members_of_a_body_take_its_country_and_sector():
    doc = analyse("Pressure grew on Serbia over the border dispute. In Washington, two members of the U.S. Senate — "
                  "Carla Jensen and Martin Ruiz — wrote to the secretary of state urging sanctions on Belgrade.")
    for name in ("Carla Jensen", "Martin Ruiz"):
        a = actor_for(doc, name)
        assert (a.country, a.sector) == ("USA", "legislature"), (name, a)


def test_a_list_after_a_plain_comma_clause_takes_nothing_from_it():
    doc = analyse("The court in Nairobi heard the case on Monday, Grace Wanjiru and Peter Otieno told reporters.")
    assert actor_for(doc, "Grace Wanjiru").sector != "legislature"


def test_a_body_named_after_its_leader_is_of_the_leaders_country():
    doc = analyse("Egypt rejected the proposal on Monday. The Biden administration said it would send envoys to "
                  "Cairo. Netanyahu's government did not comment.", published="2024-03-01")
    assert actor_for(doc, "administration").country == "USA"
    assert actor_for(doc, "government").country == "ISR"
