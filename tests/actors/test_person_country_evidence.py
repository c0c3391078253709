"""A person's country comes from evidence about that person, not from a country merely named where he acts.

Events measured wrong dyads from people no list knows taking the country of the other side of the sentence
("Bush threatened Russia" -> RUS). A person's country is the one written on him (a nationality adjective, his
organisation, the place of his office or institution in his own noun phrase), else where the story is set (the
dateline, its cities and regions), else the country the text names most among those it also names away from
him; with none of these it stays empty. A state office with no country written ("President X", "opposition
leader X") is an agent of a state and takes the country of its context. All texts are written for these tests."""
from functools import partial

from conftest import actor_for, analyse_article

analyse = partial(analyse_article, published="2024-03-01")


def test_the_country_a_person_acts_on_is_not_his():
    doc = analyse("Retired bishop Thabo Nkosi on Sunday called for sanctions against Nigeria.")
    assert actor_for(doc, "Thabo Nkosi").country is None
    assert actor_for(doc, "Nigeria").country == "NGA"
    doc = analyse("Marla Quint, a historian, said Friday that recent agreements between Syria's authorities and an "
                  "armed group are a positive reminder of how much Syria needs unity.")
    assert actor_for(doc, "Marla Quint").country is None
    assert actor_for(doc, "Syria").country == "SYR"


def test_a_state_office_with_no_country_written_is_a_state_agent_of_its_context():
    # "President X" is an agent of a state: the country of its context, in the agents' order
    doc = analyse("President Karim Bensalem threatened to impose a curfew in Algiers after days of unrest.")
    assert actor_for(doc, "Karim Bensalem").country == "DZA"
    doc = analyse("Opposition leader Ana Quispe accused Peru of fraud.")
    assert actor_for(doc, "Ana Quispe").country == "PER"


def test_a_country_written_on_the_person_is_his():
    doc = analyse("Peruvian Navy spokesperson Rosa Quispe said the boat had been stopped by Chilean ships.")
    assert actor_for(doc, "Rosa Quispe").country == "PER"
    doc = analyse("Dr. Lerato Dlamini, a researcher from the University of Cape Town in South Africa, said obesity "
                  "is rising in Ghana and Kenya.")
    assert actor_for(doc, "Lerato Dlamini").country == "ZAF"
    doc = analyse("The governor of Kandahar province, Omar Rahimi, said 5,000 migrants had returned from Pakistan.")
    assert actor_for(doc, "Omar Rahimi").country == "AFG"


def test_where_the_story_is_set_still_speaks_for_a_person():
    # the country the rest of the text is about
    doc = analyse("Kenya's parliament passed the finance bill on Tuesday. Protesters gathered outside. "
                  "Lydia Wanjiru said the vote ignored them, unlike the last one in Uganda.")
    assert actor_for(doc, "Lydia Wanjiru").country == "KEN"
    # the dateline
    doc = analyse("Tunde Bakare criticized Ghana on Monday.", dateline="LAGOS")
    assert actor_for(doc, "Bakare").country == "NGA"


def test_an_armed_group_written_with_a_capital_arabic_article_is_the_group_not_a_person():
    # "al-Shabab" opens a sentence as "Al-Shabab": still the Somali armed group, never a person of no country
    doc = analyse("Al-Shabab claimed responsibility for the bombing of a market on Tuesday.")
    group = actor_for(doc, "Al-Shabab")
    assert (group.type, group.country, group.sector) == ("REBEL", "SOM", "rebels")


def test_an_unknown_organisation_whose_name_spans_countries_takes_no_country_from_the_article():
    doc = analyse("The Global Fisheries Council urged Norway to cut its quotas.")
    council = actor_for(doc, "Global Fisheries Council")
    assert council.country is None and council.sector in ("ngo", "igo")
    doc = analyse("The International Maritime Office demanded that Panama inspect its ships.")
    office = actor_for(doc, "International Maritime Office")
    assert office.country is None
    # a national body keeps the country of its context
    doc = analyse("The Kenya Human Rights Commission criticized police in Nairobi.")
    assert actor_for(doc, "Kenya Human Rights Commission").country == "KEN"


def test_the_former_names_of_the_european_union_are_the_union_not_a_country_of_the_sentence():
    doc = analyse("The European Economic Community imposed quotas on steel from Brazil.", published="1985-05-02")
    eec = actor_for(doc, "European Economic Community")
    assert (eec.type, eec.country, eec.sector) == ("IGO", None, "igo")


def test_what_the_text_says_a_person_is_gives_his_country():
    doc = analyse("Marco Reyes praised the deal with Brazil. He is a Chilean engineer.")
    assert actor_for(doc, "Marco Reyes").country == "CHL"
    # a relative clause about the people he is one of says where they went, not who they are
    doc = analyse("Moving to Canada was a first step, he told reporters. Wei is not alone. He is one of thousands of "
                  "Chinese nationals who have relocated to Canada.")
    assert actor_for(doc, "Wei").country == "CHN"


def test_the_junta_and_the_administration_are_the_government_of_their_context():
    doc = analyse("The Guinean junta dissolved the electoral commission.")
    junta = actor_for(doc, "Guinean junta")
    assert (junta.type, junta.country, junta.sector) == ("ORG", "GIN", "government")
    doc = analyse("The junta jailed dozens of activists in Mandalay.")
    assert (actor_for(doc, "junta").country, actor_for(doc, "junta").sector) == ("MMR", "government")
    doc = analyse("Farmers in Iowa said the aid promised by the administration had not arrived.", dateline="WASHINGTON")
    administration = actor_for(doc, "administration")
    assert (administration.country, administration.sector) == ("USA", "government")
