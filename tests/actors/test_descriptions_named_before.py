"""Issue #12, round 7: patterns from the VOA error list, each on text written for these tests.

A title that opens with an organisation's whole name is that organisation's person; a description no office
in the text fits is the one person named just before without a description; people the text calls by another
name are one person; a copular description says what a person is."""
from conftest import actor_for
from conftest import analyse_article as analyse
from thucydides.actors.resolver import mentions


def test_a_title_opening_with_an_organisation_name_gives_its_sector():
    doc = analyse("Islamic State emir Abu Bakr Hamdan was wounded in the raid. Later, Al-Shabaab commander "
                  "Ahmed Diriye denied the report.", published="2024-05-02")
    emir = actor_for(doc, "Abu Bakr Hamdan")
    assert (emir.sector, emir.role) == ("rebels", "emir")
    commander = actor_for(doc, "Ahmed Diriye")
    assert (commander.sector, commander.country) == ("rebels", "SOM")
    # a state's emir stays a head of state
    qatar = analyse("Qatar's emir, Sheikh Tamim bin Hamad Al Thani, received the envoy.", published="2024-05-02")
    assert actor_for(qatar, "Tamim bin Hamad Al Thani").sector == "government"


def test_a_caliph_is_a_leader_of_an_armed_group():
    doc = analyse("Officials said the group's deputy caliph Abu Omar Zaidi died in an airstrike.",
                  published="2023-07-01")
    caliph = actor_for(doc, "Abu Omar Zaidi")
    assert (caliph.sector, caliph.role) == ("rebels", "deputy caliph")


def test_a_description_after_an_undescribed_name_is_that_person():
    doc = analyse("PORT-AU-PRINCE, Haiti - Soldiers opened fire and Wendell Pierre was killed, the communications minister, Marie "
                  "Dorval, told reporters. Asked whether it was really the gang leader who died, Dorval said the "
                  "body had been identified. The gang leader's escape last year had shocked the country.",
                  published="2022-03-01")
    moise = actor_for(doc, "Wendell Pierre")
    assert actor_for(doc, "the gang leader").id == moise.id
    assert actor_for(doc, "The gang leader").id == moise.id
    assert (moise.role, moise.country) == ("gang leader", "HTI")
    assert actor_for(doc, "Dorval", 1).id != moise.id


def test_an_international_official_named_before_is_the_described_envoy():
    doc = analyse("Okafor urged the Taliban to lift the ban. He spoke a day after the Taliban barred him from "
                  "the country. Taliban spokesperson Zabihullah Mujahid announced the decision on Tuesday. He "
                  "accused the U.N. envoy of spreading propaganda.", published="2024-08-21")
    envoy = actor_for(doc, "the U.N. envoy")
    assert envoy.id == actor_for(doc, "Okafor").id
    assert (envoy.country, envoy.sector) == (None, "igo")


def test_no_link_when_two_undescribed_people_or_a_state_office():
    # two people named without a description: the journalist could be either, so neither
    doc = analyse("Tomas Varga met Ilse Brandt in Vienna on Monday. Hours later the journalist was detained.",
                  published="2024-02-01")
    journalist = actor_for(doc, "the journalist")
    assert journalist is None or journalist.id not in (actor_for(doc, "Tomas Varga").id, actor_for(doc, "Ilse Brandt").id)
    # a state office is a new participant: "the judge" is not the defendant named before
    court = analyse("NAIROBI, Kenya - Peter Kamau appeared in court on Monday. The judge ordered him held for "
                    "ten days.", published="2024-02-01")
    judge = actor_for(court, "The judge")
    assert judge is None or judge.id != actor_for(court, "Peter Kamau").id
    # the doer of an attack is not the victim named before
    attack = analyse("NAIROBI, Kenya - Peter Mwangi was shot dead outside his home on Monday. The gunman fled on a "
                     "motorcycle.", published="2024-03-18")
    gunman = actor_for(attack, "The gunman")
    assert gunman is None or gunman.id != actor_for(attack, "Peter Mwangi").id


def test_another_name_of_a_person_is_the_same_person():
    doc = analyse("Police said Musa Kanteh, also known as Abu Bilal, was arrested in Dakar. Abu Bilal had been "
                  "sought since 2019. Jean Claude Ibo, better known as Tiger, remains at large.", published="2024-01-05")
    musa = actor_for(doc, "Musa Kanteh")
    assert actor_for(doc, "Abu Bilal").id == musa.id
    assert actor_for(doc, "Abu Bilal", 1).id == musa.id
    # with no such phrase two names stay two people
    assert actor_for(doc, "Jean Claude Ibo").id != musa.id


def test_a_copular_description_says_what_the_person_is():
    doc = analyse("Florence Okoro is a lawyer in Lagos. She said the case would go on. Mary Adeyemi was the first "
                  "woman to win the seat.", published="2024-01-05")
    okoro = actor_for(doc, "Florence Okoro")
    assert (okoro.role, okoro.sector) == ("lawyer", "judiciary")
    # "the first woman to win" says nothing of an office
    assert actor_for(doc, "Mary Adeyemi").role is None


def test_the_possessive_group_names_the_kind_of_leader():
    doc = analyse("PORT-AU-PRINCE, Haiti - The gang's leader Wendell Pierre rejected the offer.", published="2024-01-05")
    assert actor_for(doc, "Wendell Pierre").sector == "criminal"


def test_a_name_after_a_news_outlet_noun_is_a_media_organisation():
    doc = analyse("The minister told Ghanaian broadcaster JoyNews on Monday that talks would resume. He later "
                  "spoke to the Nigerian newspaper Daily Trust, and the state TV channel Rossiya 24 showed the "
                  "meeting.", published="2024-06-03")
    joy = actor_for(doc, "JoyNews")
    assert (joy.type, joy.sector, joy.country) == ("MEDIA", "media", "GHA")
    trust = actor_for(doc, "Daily Trust")
    assert (trust.type, trust.country) == ("MEDIA", "NGA")
    assert actor_for(doc, "Rossiya 24").type == "MEDIA"
    # a person titled with the noun stays a person
    person = analyse("Veteran broadcaster David Attenborough spoke in London.", published="2024-06-03")
    assert actor_for(person, "David Attenborough").type == "PERSON"


def test_think_tank_and_university_titles_give_their_sector():
    doc = analyse('"It is not about that," said Mary Lee, a senior fellow at the Brookings Institution. Paul Kim, '
                  "an associate professor at Seoul National University, disagreed.", published="2024-10-04")
    assert actor_for(doc, "Mary Lee").sector == "ngo"
    kim = actor_for(doc, "Paul Kim")
    assert (kim.sector, kim.country) == ("education", "KOR")


def test_a_generic_office_at_a_named_non_state_body_is_no_government_office():
    doc = analyse("Paul Kim, director of the Asia Program at the Wilson Center, disagreed. John Ade, head of the "
                  "Lagos State Ministry of Health, agreed.", published="2024-10-04")
    # (the Wilson Center is a policy institute the lists know: its staff are of its sector, never a government's)
    assert actor_for(doc, "Paul Kim").sector in (None, "ngo")
    # the same office at a body named as the state's stays a government office
    assert actor_for(doc, "John Ade").sector == "government"


def test_a_person_noun_after_an_organisation_is_a_person_of_it():
    doc = analyse("NATO Secretary General Mark Rutte met Ukrainian officials in Kyiv on Monday. The NATO chief said "
                  "support would continue. Later the IMF chief spoke. Hamas official Basem Naim said the Hamas "
                  "official would not comment, and the Hamas leader was not there.", published="2025-01-10")
    rutte = actor_for(doc, "Mark Rutte")
    assert actor_for(doc, "The NATO chief").id == rutte.id
    imf = actor_for(doc, "the IMF chief")
    assert (imf.type, imf.country, imf.sector) == ("PERSON", None, "igo") and imf.id != rutte.id
    assert actor_for(doc, "the Hamas official").id == actor_for(doc, "Basem Naim").id
    leader = actor_for(doc, "the Hamas leader")
    assert (leader.type, leader.sector, leader.country) == ("PERSON", "rebels", "PSE")
    # the organisation is still mentioned inside the description
    assert any(doc.actor(a).name == "International Monetary Fund" for _, _, a, _ in mentions(doc))


def test_a_description_of_a_kind_of_office_fits_the_office_named_before():
    doc = analyse("Chilean Deputy Foreign Minister Gloria Vera said on Monday that Santiago would sign the pact. "
                  "The diplomat said talks went well. Peruvian Deputy Energy Minister Luis Quispe also spoke. The "
                  "deputy minister said prices would fall.", published="2024-03-01")
    assert actor_for(doc, "The diplomat").name == "Gloria Vera"
    assert actor_for(doc, "deputy minister", 0).name == "Luis Quispe"
    # the president is not the vice president named before
    other = analyse("Vice President Ana Ortiz met farmers in Lima. The president said nothing.", published="2024-03-01")
    president = actor_for(other, "The president")
    assert president is None or president.name != "Ana Ortiz"


def test_a_name_a_noun_before_it_calls_a_thing_or_place_is_no_actor():
    doc = analyse("The tanker Sounion burned in the Red Sea on Friday. Residents of Kherson fled the shelling. The "
                  "ferry Sirius sank near the coast.", published="2024-08-02")
    for name in ("Sounion", "Kherson", "Sirius"):
        actor = actor_for(doc, name)
        assert actor is None or actor.type in ("COUNTRY", "GROUP"), name


def test_a_place_on_the_streets_of_a_city_sets_the_story_there():
    doc = analyse('"They were hired by the government of Iran," Harlow said. "Nadia Farahani was almost killed on the '
                  'streets of New York City by a hitman they sent."', published="2025-03-12")
    # the people the story quotes, with nothing else said of them, are of the country it is set in
    assert actor_for(doc, "Harlow").country == "USA"
    assert actor_for(doc, "Nadia Farahani").country == "USA"


def test_a_description_before_the_name_with_the_body_the_person_speaks_for():
    doc = analyse("A spokesperson for China's Taiwan Affairs Office, Zhu Fenglian, said the patrols were lawful. A "
                  "spokesperson for the Taiwan Affairs Office, Chen Binhua, agreed. The spokesperson for Kenya's "
                  "ministry of health, Mary Muthoni, spoke later.", published="2024-03-05")
    zhu = actor_for(doc, "Zhu Fenglian")
    assert (zhu.role, zhu.sector, zhu.country) == ("spokesperson", "government", "CHN")
    # the body's country, not a word of its name
    assert actor_for(doc, "Chen Binhua").country == "CHN"
    muthoni = actor_for(doc, "Mary Muthoni")
    assert (muthoni.role, muthoni.country) == ("spokesperson", "KEN")
    # the description is the title of the name after it, not the spokesperson named before
    described = actor_for(doc, "The spokesperson")
    assert described is None or described.id == muthoni.id


def test_agents_in_what_a_state_body_says_and_the_institution_again():
    doc = analyse("DENPASAR, Indonesia - Police arrested two Australian men on Monday. Australia's foreign ministry "
                  "said consular officials were helping them. The ministry declined to comment further. The Kenyan "
                  "army said it had repelled an attack near the border, and the army also said two soldiers died.",
                  published="2024-06-05")
    assert actor_for(doc, "officials").country == "AUS"
    ministry = actor_for(doc, "foreign ministry")
    assert actor_for(doc, "The ministry").id == ministry.id and ministry.country == "AUS"
    assert actor_for(doc, "soldiers").country == "KEN"
    # an agent outside anyone's words keeps the dateline's country
    assert actor_for(doc, "Police").country == "IDN"


def test_products_operations_and_weapons_are_no_actors():
    doc = analyse("A Boeing 737 MAX crashed near Addis Ababa. India launched Operation Sindoor on Wednesday, and "
                  "Russia fired Kh-101 missiles at Kyiv. In 2023 Mwangi said the plan had failed. Boeing said it "
                  "would cooperate.", published="2025-05-08")
    for name in ("MAX", "Operation Sindoor", "Kh-101 missiles"):
        actor = actor_for(doc, name)
        assert actor is None or actor.type in ("COUNTRY", "GROUP"), name
    assert actor_for(doc, "Boeing") is None  # the maker in the product's name does not act
    assert actor_for(doc, "Boeing", 1).type == "ORG"  # the maker acting is still an actor
    assert actor_for(doc, "Mwangi").type == "PERSON"  # a year before a name is no model number


def test_ethnic_and_religious_communities_are_groups_of_civilians():
    doc = analyse("Thailand deported 40 Uyghurs to China last month. Fighting forced thousands of Rohingya to flee "
                  "to Bangladesh. Kurds in northern Syria protested, and the Alawite minority stayed home. Karen "
                  "Bass, the mayor, spoke later.", published="2025-03-11")
    for name, country in (("Uyghurs", "CHN"), ("Rohingya", "MMR"), ("Kurds", "SYR"), ("Alawite", "SYR")):
        group = actor_for(doc, name)
        assert (group.type, group.sector, group.country) == ("GROUP", "civilians", country), name
    # a given name that is also a people's name stays a person
    assert actor_for(doc, "Karen Bass").type == "PERSON"


def test_the_undescribed_person_rule_keeps_to_the_person_the_sentence_names():
    # the description is of the person its own sentence names (in any role), not of one named before
    doc = analyse("Martin Hale, who worked with Lai for decades, said the trial was unfair. Apple Daily founder "
                  "Jimmy Lai's lawyers have raised concern about the conditions in which the publisher is held.",
                  published="2024-12-04")
    publisher = actor_for(doc, "the publisher")
    assert publisher is None or publisher.id != actor_for(doc, "Martin Hale").id
    # a person a description gave an organisation keeps it when the description comes again
    doc = analyse('"We urge that the agreement be implemented," said Mawlawi Hibatullah Akhundzada. The Taliban chief '
                  "was referring to the 2020 deal. A spokesman for Afghan President Ashraf Ghani rejected the "
                  "statement by the Taliban chief.", published="2021-05-09")
    chief = actor_for(doc, "Mawlawi Hibatullah Akhundzada")
    assert actor_for(doc, "The Taliban chief").id == chief.id
    assert actor_for(doc, "the Taliban chief").id == chief.id
    # "the fighter jet" is no person
    jets = analyse("Trump blocked the sale over concerns the fighter jet's technology could leak. Erdogan objected.",
                   published="2019-07-20")
    assert actor_for(jets, "fighter") is None or actor_for(jets, "fighter").type != "PERSON"


def test_a_day_after_a_news_outlet_noun_is_no_outlet():
    doc = analyse("The minister told the newspaper Tuesday that talks would resume.", published="2024-06-03")
    day = actor_for(doc, "Tuesday")
    assert day is None or day.type != "MEDIA"


def test_an_organisation_role_before_another_noun_is_no_person():
    doc = analyse("The EU envoy office in Kabul closed on Monday. Florence Okoro is a lawyer, and President "
                  "William Ruto is a critic of the plan.", published="2024-06-03")
    office = actor_for(doc, "The EU envoy office")
    assert office is None or office.type != "PERSON"
    # a copular description only describes someone the text had not described
    assert actor_for(doc, "William Ruto").role == "president"
