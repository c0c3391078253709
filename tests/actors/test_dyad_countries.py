"""Countries that break event dyads (issue 12, for the type+dyad figure of issue 11).

1. The people an attack hits never take the attacker's country: a nationality written on the attack or its weapons
   ("Israeli strikes", "Turkish air strikes", "Russian shelling") names the attacker; the victims' country comes from
   where it happened ("in northern Iraq", "residents of Kharkiv") or stays unknown, and "in Turkish air strikes" is no
   place. People hit where no attacker is named keep the article's country.
2. A person's country comes from evidence about him: the office he serves ("an adviser to the Czech president"),
   the international body he belongs to ("Judge X of the International Court of Justice": none), not a country
   merely named in his sentence. All texts are written for these tests."""
from functools import partial

import pytest

from conftest import actor_for, analyse_article

analyse = partial(analyse_article, published="2024-03-01")


@pytest.mark.parametrize("text, victims", [
    ("Israeli strikes on the town killed 30 people, health officials said.", "people"),
    ("Russian missiles killed three people overnight, the governor said.", "people"),
    ("Turkish drones killed four civilians on Tuesday, a monitoring group said.", "civilians"),
    ("American air strikes killed 12 people, a local official said.", "people"),
])
def test_the_attackers_nationality_is_not_the_victims(text, victims):
    doc = analyse(text)
    hit = actor_for(doc, victims)
    assert hit is not None and hit.sector == "civilians"
    assert hit.country is None


@pytest.mark.parametrize("text, victims, country", [
    ("Ten civilians died in Turkish air strikes in northern Iraq on Sunday.", "civilians", "IRQ"),
    ("Russian shelling killed four residents of Kharkiv overnight.", "residents", "UKR"),
    ("Saudi-led air strikes killed 20 civilians in Yemen.", "civilians", "YEM"),
    ("American drones killed five people in Somalia, a local elder said.", "people", "SOM"),
    ("Two people died in Israeli strikes in southern Lebanon, the health ministry said.", "people", "LBN"),
])
def test_the_victims_country_is_where_the_attack_happened(text, victims, country):
    assert actor_for(analyse(text), victims).country == country


def test_people_hit_with_no_attacker_nationality_keep_the_articles_country():
    doc = analyse("Floods killed 30 people in Kenya this week.")
    assert actor_for(doc, "people").country == "KEN"
    doc = analyse("Kenyan police arrested 30 people after the protest, officials said.")
    assert actor_for(doc, "people").country == "KEN"  # the police are no attack: the story stays Kenyan


@pytest.mark.parametrize("text, person, country", [
    ("Peter Novak, an adviser to the Czech president, met officials from Poland on Monday.", "Peter Novak", "CZE"),
    ("Lina Haddad, an aide to the Jordanian king, said Syria had closed the border.", "Lina Haddad", "JOR"),
    ("Mohammed Ali, a spokesman for the Somali government, said troops would stay until Ethiopia withdrew its "
     "forces.", "Mohammed Ali", "SOM"),
    ("Maria Lopez, a spokeswoman for the Spanish foreign ministry, said Madrid would not recognise Venezuela's vote.",
     "Maria Lopez", "ESP"),
    ("King Mohammed VI of Morocco welcomed the Palestinian delegation in Rabat.", "Mohammed VI", "MAR"),
])
def test_the_office_a_person_serves_gives_his_country(text, person, country):
    assert actor_for(analyse(text), person).country == country


@pytest.mark.parametrize("text, person, sector", [
    ("Judge Hanna Berg of the International Court of Justice said Israel must allow aid into Gaza.", "Hanna Berg",
     "judiciary"),
    ("Spokesman Jens Olsen of the World Health Organization said Sudan needed vaccines.", "Jens Olsen", "igo"),
])
def test_a_titled_person_of_an_international_body_takes_no_country_from_the_case(text, person, sector):
    actor = actor_for(analyse(text), person)
    assert actor.country is None and actor.sector == sector


def test_a_titled_person_of_an_organisation_takes_its_country():
    doc = analyse("Commander Ali Musa of Hamas said Israel had broken the truce.")
    assert actor_for(doc, "Ali Musa").country == "PSE"


# 3. An ethnic group is a community of the country it lives in, not its kin state: "ethnic X" takes the place the
#    text puts it in ("in Romania", "in southern Kyrgyzstan"), "the X of <country>" that country, an agent written
#    "ethnic X" ("ethnic Armenian fighters") where it operates; with no place it stays unknown. A people at home or a
#    plain plural demonym keeps its country.
@pytest.mark.parametrize("text, group, country", [
    ("Thousands of ethnic Hungarians rallied in Romania on Sunday to demand more schools in their language.",
     "Hungarians", "ROU"),
    ("The Hungarians of northern Serbia voted for the regional assembly.", "Hungarians", "SRB"),
    ("Ethnic Russians in Latvia protested against the new language law.", "Russians", "LVA"),
    ("Police arrested five ethnic Uzbeks after clashes in southern Kyrgyzstan.", "Uzbeks", "KGZ"),
    ("Ethnic Armenian fighters operating in Azerbaijan laid down their arms.", "fighters", "AZE"),
    ("Ethnic Serbs blocked roads to protest against the arrests, officials said.", "Serbs", None),
])
def test_an_ethnic_group_is_of_the_country_it_lives_in(text, group, country):
    actor = actor_for(analyse(text), group)
    assert actor is not None and actor.country == country


@pytest.mark.parametrize("text, group, country", [
    ("Albanians voted on Sunday in a general election.", "Albanians", "ALB"),
    ("Americans in Iraq were told to leave the country.", "Americans", "USA"),
    ("Hungarian officials said the talks would continue.", "officials", "HUN"),
])
def test_a_people_at_home_keeps_its_country(text, group, country):
    assert actor_for(analyse(text), group).country == country


# 4. A place name several countries share ("Tripoli", "Hyderabad") is in the country the text names with it
#    ("Tripoli, Lebanon") or elsewhere, when the text does not name the lists' country; else the lists' country.
@pytest.mark.parametrize("text, surface, country", [
    ("Clashes broke out in Tripoli, Lebanon, between rival militias on Monday.", "Tripoli", "LBN"),
    ("Militias fought in Tripoli as shells hit the north Lebanese port.", "Tripoli", "LBN"),
    ("The Libyan government in Tripoli rejected the plan.", "Tripoli", "LBY"),
    ("Rival militias clashed in Tripoli overnight, residents said.", "Tripoli", "LBY"),
    ("Police in Hyderabad, Pakistan, arrested three men.", "Police", "PAK"),
    ("Police in Hyderabad arrested three men, Pakistani media said.", "Police", "PAK"),
    ("Police in Hyderabad arrested three men, Indian media said.", "Police", "IND"),
])
def test_a_shared_place_name_is_in_the_country_the_text_names(text, surface, country):
    assert actor_for(analyse(text), surface).country == country


@pytest.mark.parametrize("text, victims, country", [
    ("Israeli strikes on Gaza killed 30 people on Tuesday.", "people", "PSE"),
    ("Six people were killed in Russian drone attacks on Ukraine.", "people", "UKR"),
    ("Saudi air strikes on Yemen killed 14 people, a local official said.", "people", "YEM"),
])
def test_the_victims_of_an_attack_on_a_place_are_of_that_place(text, victims, country):
    assert actor_for(analyse(text), victims).country == country


# 5. A surname with its title the lists know as one ("President Bush", "Chancellor Kohl") is that person, of his
#    country, not of the country he acts on.
@pytest.mark.parametrize("text, person, country", [
    ("President Bush has threatened further action against Russia in a television program.", "Bush", "USA"),
    ("Chancellor Kohl met French officials in Bonn on Monday to discuss Poland.", "Kohl", "DEU"),
])
def test_a_titled_surname_the_lists_know(text, person, country):
    assert actor_for(analyse_article(text), person).country == country


# 6. A body whose name begins with an international organisation's is part of it: no country from the places
#    around it.
@pytest.mark.parametrize("text, body", [
    ("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded that parties to the conflict in Iraq "
     "allow aid.", "United Nations Emergency Relief Coordinator"),
    ("The UN Refugee Agency Regional Office in Nairobi said Sudan had closed the border.",
     "UN Refugee Agency Regional Office"),
])
def test_a_body_of_an_international_organisation_has_no_country(text, body):
    actor = actor_for(analyse(text), body)
    assert actor.type == "IGO" and actor.country is None


# 7. Two heads of state or government in one sentence lead two countries: the country written on one ("South African
#    leader Y") is not the other's; a deputy or a minister beside his own head keeps the head's country.
@pytest.mark.parametrize("text, person, country", [
    ("President Marc Delorme gave a warm welcome on Thursday to South African leader Pieter Botha.", "Marc Delorme",
     None),
    ("President Ana Ruiz received Chilean President Pedro Soto on Monday.", "Ana Ruiz", None),
    ("President Ana Ruiz received Chilean President Pedro Soto in Lima.", "Ana Ruiz", "PER"),
    ("Kenyan Deputy President Rigobert Kamau and President Samuel Otieno visited Mombasa.", "Samuel Otieno", "KEN"),
])
def test_a_head_of_state_is_not_of_the_other_heads_country(text, person, country):
    assert actor_for(analyse(text), person).country == country


# 8. A place the lists know written before a generic agent gives its country ("Darfur rebels", "Quetta police"),
#    before any country merely named elsewhere in the sentence.
@pytest.mark.parametrize("text, agent, country", [
    ("The Sudanese government has accused Darfur rebels of violating a ceasefire, a member of the Chadian team "
     "said.", "rebels", "SDN"),
    ("Quetta police arrested two men, Afghan officials said.", "police", "PAK"),
])
def test_a_place_before_an_agent_gives_its_country(text, agent, country):
    assert actor_for(analyse(text), agent).country == country


# 9. "on X soil", "on X territory" places what it says is there (only before a place word: "sanctions on X" does not).
@pytest.mark.parametrize("text, agent, country", [
    ("Islamabad has blamed several recent attacks on militants present on Afghan soil.", "militants", "AFG"),
    ("Gunmen hiding on Syrian territory fired rockets into the valley, Lebanese officials said.", "Gunmen", "SYR"),
])
def test_on_a_countrys_soil_places_an_agent(text, agent, country):
    assert actor_for(analyse(text), agent).country == country


def test_the_place_of_a_people_is_the_head_of_its_of_phrase():
    # the place of the of-phrase is its head noun, not an adjective on it ("Israeli-occupied")
    doc = analyse("Palestinians of the Israeli-occupied West Bank shunned work on Monday.")
    assert actor_for(doc, "Palestinians").country == "PSE"


@pytest.mark.parametrize("text, person, country", [
    ("King Hamid of Morocco was quoted as saying he would host a meeting between Israeli and Palestinian "
     "officials.", "Hamid", "MAR"),
    ("President Ana Duarte of Portugal met Spanish officials in Madrid.", "Ana Duarte", "PRT"),
])
def test_a_titled_person_of_a_country(text, person, country):
    assert actor_for(analyse(text), person).country == country
