"""Issue #12, third round: error patterns of the held-out passages, each on text written for these tests.

International officials keep no country from the place of their mandate, while a country's representative to an
international body keeps that country; "Secretary of State" is a title, not an organisation; a short form of an
institution named before ("State") is that institution; criminal groups are not rebels; a bloc of states is its
own code; an organisation of no one country carries its Phoenix code; names the tagger misses after a title are
people; a pronoun with no one before it is the person named just after it."""
from conftest import actor_for
from conftest import analyse_article as analyse


def test_international_official_gets_no_country_from_the_mandate():
    doc = analyse("The U.N. envoy for Libya, Hanna Tetteh, said the talks in Tripoli had stalled. She urged calm.",
                  published="2025-04-02")
    envoy = actor_for(doc, "Hanna Tetteh")
    assert (envoy.country, envoy.sector) == (None, "igo")
    assert actor_for(doc, "She").id == envoy.id
    doc = analyse("U.N. special rapporteur on Myanmar Tom Andrews criticized the junta.", published="2024-03-01")
    rapporteur = actor_for(doc, "Tom Andrews")
    assert (rapporteur.country, rapporteur.sector, rapporteur.role) == (None, "igo", "special rapporteur")


def test_a_countrys_representative_to_an_international_body_keeps_the_country():
    doc = analyse('"This vote matters," Linda Grey, U.S. deputy U.N. ambassador, told reporters.', published="2024-03-01")
    rep = actor_for(doc, "Linda Grey")
    assert (rep.country, rep.sector) == ("USA", "government")
    doc = analyse("Britain's ambassador to the United Nations, Barbara Woodward, said the vote was close.",
                  published="2024-03-01")
    rep = actor_for(doc, "Barbara Woodward")
    assert (rep.country, rep.sector, rep.role) == ("GBR", "government", "ambassador")
    # the description before the comma is the same person, not a second, nameless one
    assert [a.name for a in doc.actors if a.type == "PERSON"] == ["Barbara Woodward"]


def test_a_local_commissioner_is_a_government_official_of_the_country():
    doc = analyse("District commissioner Omar Hassan said gunmen attacked the town overnight.",
                  published="2024-08-01", dateline="MOGADISHU")
    official = actor_for(doc, "Omar Hassan")
    assert (official.country, official.sector, official.code) == ("SOM", "government", "SOMGOV")


def test_secretary_of_state_is_a_title_and_state_after_the_department_is_the_department():
    doc = analyse("Secretary of State Marco Rubio met Sergei Lavrov in Riyadh.", published="2025-02-20")
    assert actor_for(doc, "Marco Rubio").role == "secretary of state"
    assert actor_for(doc, "State") is None and [a.type for a in doc.actors] == ["PERSON", "PERSON", "COUNTRY"]
    doc = analyse("The Justice Department opened an inquiry on Monday. Justice said it would publish the findings.",
                  published="2025-02-20")
    first, short = actor_for(doc, "Justice Department"), actor_for(doc, "Justice", 1)
    assert short is not None and short.id == first.id and short.type != "PERSON"


def test_cartels_and_gangs_are_criminal_groups_not_rebels():
    doc = analyse("Mexican cartels smuggle fentanyl across the border, officials said.", published="2025-02-01")
    cartels = actor_for(doc, "Mexican cartels")
    assert (cartels.type, cartels.country, cartels.sector, cartels.code) == ("GROUP", "MEX", "criminal", "MEXCRM")


def test_a_bloc_of_states_is_its_own_code():
    doc = analyse("European countries agreed on Friday to send more air defence systems to Ukraine.",
                  published="2025-02-01")
    assert actor_for(doc, "European countries").code == "EUR"


def test_an_organisation_of_no_country_carries_its_phoenix_code():
    doc = analyse("The Islamic State group claimed the bombing in a statement on Telegram.", published="2024-03-01")
    assert actor_for(doc, "Islamic State").code == "IMGMUSISI"


def test_a_name_the_tagger_misses_after_a_title_is_the_person():
    doc = analyse("He met French Minister of Armed Forces Florence Parly on Monday.", published="2020-01-27")
    parly = actor_for(doc, "Florence Parly")
    assert (parly.type, parly.name, parly.country) == ("PERSON", "Florence Parly", "FRA")
    assert not any(a.name == "French Minister" for a in doc.actors)


def test_a_pronoun_with_no_one_before_it_is_the_person_named_next():
    doc = analyse('"We ran for hours," she says. Amina Yusuf says she lost two children in the raid.',
                  published="2021-06-01")
    assert actor_for(doc, "she").name == "Amina Yusuf"


def test_an_organisation_named_in_a_countrys_possessive_is_of_that_country():
    doc = analyse("Ghana's Ministry of Foreign Affairs rejected the claims made in Lome on Friday, and foreign "
                  "ministry spokesperson Kofi Mensah said the border would stay open.", published="2024-06-01",
                  dateline="LOME, Togo")
    ministry = actor_for(doc, "Ministry of Foreign Affairs")
    assert (ministry.country, ministry.sector) == ("GHA", "government")
    # the spokesperson of that ministry is of its country, not of the dateline
    assert actor_for(doc, "Kofi Mensah").country == "GHA"


def test_an_institution_in_a_city_is_of_that_citys_country():
    doc = analyse('"The pressure is real," said Sam Ortiz, a professor at Keio Gakuen University in Osaka.',
                  published="2024-06-01")
    assert actor_for(doc, "Keio Gakuen University").country == "JPN"


def test_a_state_body_takes_its_country_from_the_speaker_not_from_a_place_abroad():
    doc = analyse("Mexico's president Claudia Sheinbaum spoke on Monday. After the floods in Guatemala and Honduras, "
                  "the Foreign Ministry offered help.", published="2025-06-01")
    assert actor_for(doc, "Foreign Ministry").country == "MEX"


def test_the_court_with_no_court_named_is_the_countrys_courts():
    doc = analyse("Kenyan lawmakers voted on Tuesday at the National Assembly. The court suspended the vote a day later.",
                  published="2024-10-31")
    court = actor_for(doc, "court")
    assert (court.country, court.sector) == ("KEN", "judiciary")
    doc = analyse("The International Court of Justice ruled on Monday. The court said Kenya had not taken part.",
                  published="2021-10-12")
    assert actor_for(doc, "court").name == actor_for(doc, "International Court of Justice").name


def test_an_organisation_in_the_possessive_inside_a_description_is_still_mentioned():
    doc = analyse('"Children are dying," Maria Lopez, UNICEF\'s regional director, told reporters.', published="2025-03-01")
    assert actor_for(doc, "UNICEF").type == "IGO"
    assert actor_for(doc, "Maria Lopez").sector == "igo"


def test_a_country_or_organisation_named_in_a_title_is_still_mentioned_but_an_adjective_is_not():
    doc = analyse("Hamas spokesman Hazem Qassem said talks would resume, after talks with Qatar Prime Minister "
                  "Mohammed bin Abdulrahman Al Thani and Egyptian Foreign Minister Badr Abdelatty.", published="2025-03-01")
    assert actor_for(doc, "Hamas").type == "REBEL"
    assert actor_for(doc, "Hazem Qassem").sector == "rebels"
    assert (actor_for(doc, "Qatar").type, actor_for(doc, "Qatar").country) == ("COUNTRY", "QAT")
    assert actor_for(doc, "Egyptian") is None  # the adjective is part of the minister's title, no mention of its own


def test_a_role_description_no_one_named_fits_is_a_person_of_the_articles_country():
    doc = analyse('"Some passengers were lost," the chief minister said. Officials in Quetta said the train was freed.',
                  published="2025-03-14", dateline="QUETTA, Pakistan")
    minister = actor_for(doc, "the chief minister")
    assert (minister.type, minister.country, minister.sector) == ("PERSON", "PAK", "government")
    doc = analyse("Lawyers argued for hours, but the judge adjourned the case in Harare until Friday.",
                  published="2025-03-13", dateline="HARARE, Zimbabwe")
    judge = actor_for(doc, "the judge")
    assert (judge.type, judge.country, judge.sector) == ("PERSON", "ZWE", "judiciary")


def test_a_role_description_before_the_name_is_the_person_named_just_after():
    doc = analyse('"I think the president has decided to lift the freeze," the senator said. On Friday, U.S. President '
                  "Donald Trump said aid would resume.", published="2025-03-12")
    assert actor_for(doc, "the president").name == "Donald Trump"


def test_an_institution_noun_is_not_a_person_description():
    doc = analyse("The High Court ordered the school to readmit the girl in Blantyre.", published="2020-01-23",
                  dateline="BLANTYRE, Malawi")
    school = actor_for(doc, "the school")
    assert school is None or school.type != "PERSON"


def test_a_known_person_holds_the_office_of_the_articles_date():
    text = "Mark Rutte met Jens Stoltenberg in Brussels on Tuesday."
    early, late = analyse(text, published="2019-03-01"), analyse(text, published="2025-03-01")
    rutte_2019, rutte_2025 = actor_for(early, "Mark Rutte"), actor_for(late, "Mark Rutte")
    assert (rutte_2019.country, rutte_2019.role, rutte_2019.code) == ("NLD", "prime minister", "NLDGOV")
    assert (rutte_2025.country, rutte_2025.sector, rutte_2025.role) == (None, "igo", "secretary-general")
    assert (actor_for(early, "Jens Stoltenberg").sector, actor_for(late, "Jens Stoltenberg").country) == ("igo", "NOR")
    doc = analyse("Donald Trump said he would run again, and Antony Blinken met Christopher Wray.", published="2022-11-15")
    trump, blinken, wray = (actor_for(doc, n) for n in ("Donald Trump", "Antony Blinken", "Christopher Wray"))
    assert (trump.country, trump.role) == ("USA", "former president")
    assert (blinken.country, blinken.role, wray.country) == ("USA", "foreign minister", "USA")


def test_an_agent_acting_through_its_vehicle_and_troops_as_people():
    doc = analyse("Hours later a police helicopter hovered over the camp near Garissa, and four army troops were hurt.",
                  published="2020-02-17", dateline="GARISSA, Kenya")
    police = actor_for(doc, "police")
    assert (police.country, police.sector) == ("KEN", "police")
    troops = actor_for(doc, "troops")
    assert (troops.type, troops.country, troops.sector) == ("GROUP", "KEN", "military")


def test_authorities_are_an_institution():
    doc = analyse("Syrian authorities said the curfew would be lifted.", published="2025-03-14")
    authorities = actor_for(doc, "Syrian authorities")
    assert (authorities.type, authorities.country, authorities.code) == ("ORG", "SYR", "SYRGOV")


def test_storms_and_places_listed_or_reached_are_not_actors():
    doc = analyse("Hurricane Milton slammed into Florida on Wednesday, and Tropical Storm Sara flooded Honduras. "
                  "Typhoon Yagi hit Vietnam.", published="2024-10-10")
    for name in ("Hurricane Milton", "Storm Sara", "Typhoon Yagi"):
        assert actor_for(doc, name) is None, name
    doc = analyse("The outbreak spread from Goma to Bukavu, and protesters marched to the Nile Corniche.",
                  published="2024-08-10")
    assert actor_for(doc, "Bukavu") is None and actor_for(doc, "Nile Corniche") is None
    doc = analyse("Israeli strikes hit Khan Younis and Rafah overnight, and fighting went on around Pokrovsk and "
                  "Kurakhove.", published="2024-11-10")
    assert actor_for(doc, "Khan Younis") is None and actor_for(doc, "Kurakhove") is None


def test_a_dateline_with_a_news_agency_gives_the_articles_country():
    doc = analyse("Prosecutors said a grand jury indicted the former congressman on Tuesday.", published="2024-10-10",
                  dateline="NEW YORK (AP) —")
    prosecutors = actor_for(doc, "Prosecutors")
    assert (prosecutors.country, prosecutors.sector) == ("USA", "judiciary")
    congressman = actor_for(doc, "the former congressman")
    assert (congressman.type, congressman.country, congressman.role) == ("PERSON", "USA", "former congressman")


def test_a_former_office_in_the_title_is_written_as_former():
    doc = analyse("Former FBI Director James Comey declined to comment.", published="2023-08-10")
    assert actor_for(doc, "James Comey").role == "former director"


def test_candidates_state_media_ruling_and_opposition_parties():
    doc = analyse("The Republican nominee told supporters in Ohio that the media had lied about him.",
                  published="2024-10-10", dateline="COLUMBUS, Ohio")
    nominee = actor_for(doc, "The Republican nominee")
    assert (nominee.type, nominee.country, nominee.sector) == ("PERSON", "USA", "party")
    doc = analyse("Russian state media reported the strike on Friday.", published="2024-10-10")
    media = actor_for(doc, "Russian state media")
    assert (media.type, media.country, media.code) == ("MEDIA", "RUS", "RUSMED")
    doc = analyse("Opposition lawmakers walked out of parliament, while the ruling party said the bill would pass.",
                  published="2024-08-10", dateline="NAIROBI, Kenya")
    assert actor_for(doc, "Opposition lawmakers").code == "KENOPP"
    assert (actor_for(doc, "ruling party").type, actor_for(doc, "ruling party").code) == ("PARTY", "KENPTY")


def test_an_organisations_people_and_descriptions_are_the_organisation():
    doc = analyse("Hezbollah fired rockets at Israel. The Iran-backed group said it targeted a base. "
                  "The militants later claimed a second attack.", published="2024-10-10")
    hezbollah = actor_for(doc, "Hezbollah")
    assert actor_for(doc, "Iran-backed group").id == hezbollah.id
    assert actor_for(doc, "militants").id == hezbollah.id
    assert actor_for(doc, "Iran").country == "IRN"  # the backer inside the description stays Iran
    doc = analyse("The World Health Organization warned of cholera. WHO officials said teams would go.",
                  published="2024-10-10")
    assert actor_for(doc, "officials").id == actor_for(doc, "World Health Organization").id


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb():
    doc = analyse("Prime Minister Anwar Ibrahim met Chinese Premier Li Qiang. Anwar told him that trade mattered.",
                  published="2024-10-22")
    assert actor_for(doc, "him that").name == "Li Qiang"  # ("him" alone is found inside "Ibrahim")


def test_a_description_before_a_comma_and_a_military_rank_is_the_named_person():
    doc = analyse("Pakistan's army chief, Gen. Asim Munir, met officials in Kabul.", published="2024-10-10")
    munir = actor_for(doc, "Asim Munir")
    assert (munir.country, munir.sector) == ("PAK", "military")
    assert [a.name for a in doc.actors if a.type == "PERSON"] == ["Asim Munir"]


def test_a_person_the_text_does_not_place_is_of_where_the_story_is_set():
    doc = analyse("Russia and Iran were named in the indictment. Jurors in New York heard Ms. Petra Lindqvist describe "
                  "the plot, and Russia denied it. Iran called the trial a farce.", published="2025-03-12")
    assert actor_for(doc, "Petra Lindqvist").country == "USA"


def test_a_part_of_an_organisation_named_in_its_possessive_is_of_its_kind():
    doc = analyse('"We cannot comment," an official told VOA\'s Mandarin Service reporter Li Yan in Beijing.',
                  published="2024-10-10")
    service = actor_for(doc, "Mandarin Service")
    assert (service.type, service.country, service.sector) == ("MEDIA", "USA", "media")
    reporter = actor_for(doc, "Li Yan")
    assert (reporter.country, reporter.sector) == ("USA", "media")


def test_a_state_agent_noun_before_a_role_gives_its_sector_and_a_units_nationality_the_agents():
    doc = analyse("The Pakistani army spokesperson said the attack was repelled.", published="2025-03-12")
    spokesperson = actor_for(doc, "Pakistani army spokesperson")
    assert (spokesperson.country, spokesperson.sector, spokesperson.code) == ("PAK", "military", "PAKMIL")
    doc = analyse("An Indian navy contingent took part in the parade in Port Louis.", published="2025-03-12")
    navy = actor_for(doc, "Indian navy")
    assert (navy.type, navy.country, navy.sector) == ("ORG", "IND", "military")


def test_an_opposition_leader_is_of_the_opposition():
    doc = analyse("The leader of the opposition in Zambia called for calm.", published="2023-01-10")
    assert actor_for(doc, "leader of the opposition").sector == "opposition"


def test_the_group_a_person_leads_gives_the_sector_of_a_generic_leader():
    doc = analyse("Jean Baptiste, the leader of the Grand Ravine gang, was arrested near Gonaives in Haiti.",
                  published="2021-02-27")
    leader = actor_for(doc, "Jean Baptiste")
    assert (leader.country, leader.sector, leader.code) == ("HTI", "criminal", "HTICRM")


def test_an_attribution_pronoun_is_the_last_speaker_not_the_person_spoken_about():
    doc = analyse('Zelenskyy said Putin was lying. "We will hold the line," he told reporters.', published="2024-10-22")
    assert actor_for(doc, "he told").name == "Volodymyr Zelenskyy"


def test_a_subject_pronoun_is_not_the_named_object_of_its_verb_and_a_counterpart_shares_the_office():
    doc = analyse("Defense Minister Andrei Belousov met Chinese counterpart Dong Jun. He told Belousov that ties were "
                  "strong.", published="2024-10-22")
    dong = actor_for(doc, "Dong Jun")
    assert (dong.name, dong.country, dong.role) == ("Dong Jun", "CHN", "defense minister")
    assert actor_for(doc, "He told").id == dong.id


def test_a_lawyer_is_of_the_judiciary():
    doc = analyse("The court sentenced the former minister, his lawyer Naeem Panjutha said.", published="2025-01-17",
                  dateline="ISLAMABAD")
    lawyer = actor_for(doc, "Naeem Panjutha")
    assert (lawyer.country, lawyer.sector) == ("PAK", "judiciary")


def test_a_name_in_a_chain_of_modifiers_of_a_place_word_is_a_place():
    doc = analyse("The prison break from the Croix des Bouquets civilian jail on Thursday shocked Haitians.",
                  published="2021-02-27")
    croix = actor_for(doc, "Croix")
    assert croix is None or croix.type in ("COUNTRY", "GROUP")


def test_an_acronym_in_brackets_and_a_repeated_one_word_name_are_the_same_actor():
    doc = analyse("The body would resemble the Joint Planning Council (JPC) that Seoul set up. The JPC met in April.",
                  published="2024-10-04")
    council = actor_for(doc, "Joint Planning Council")
    assert actor_for(doc, "JPC").id == council.id and actor_for(doc, "JPC", 1).id == council.id
    doc = analyse("Robert Wood, the deputy ambassador, said it. The vote failed. Wood spoke ahead of a meeting. "
                  "Okonjo said the talks failed. But Okonjo told reporters that more were planned.", published="2024-10-04")
    assert actor_for(doc, "Wood", 1).name == "Robert Wood"
    assert actor_for(doc, "Okonjo", 1) is not None and actor_for(doc, "Okonjo", 1).id == actor_for(doc, "Okonjo").id


def test_countries_inside_a_hyphenated_word_are_mentioned():
    doc = analyse("The U.S.-ROK approach helps, but a U.S.-Russian rapprochement is unlikely.", published="2024-10-04")
    assert actor_for(doc, "ROK").country == "KOR"
    assert actor_for(doc, "Russian").country == "RUS"
    assert actor_for(doc, "U.S.", 1).country == "USA"


def test_a_former_office_described_later_does_not_replace_the_office_held_now():
    doc = analyse("NATO Secretary General Mark Rutte praised the deal. Rutte, a former Dutch prime minister, said allies "
                  "were stepping up.", published="2025-03-13")
    rutte = actor_for(doc, "Mark Rutte")
    assert (rutte.country, rutte.sector, rutte.role) == (None, "igo", "secretary general")


def test_a_title_of_another_named_person_inside_a_description_does_not_describe_this_one():
    doc = analyse("A court jailed Istanbul Mayor Ekrem Imamoglu, President Recep Tayyip Erdogan's main rival, on Sunday.",
                  published="2025-03-23")
    assert actor_for(doc, "Ekrem Imamoglu").role == "mayor"
    assert actor_for(doc, "Recep Tayyip Erdogan").role == "president"


def test_a_title_after_to_is_the_named_persons_own_not_a_mandate():
    doc = analyse("The delegation was headed by Andriy Yermak, chief of staff to President Volodymyr Zelenskyy.",
                  published="2025-03-11")
    assert actor_for(doc, "Volodymyr Zelenskyy").role == "president"
    assert actor_for(doc, "Andriy Yermak").role == "chief of staff"


def test_diseases_and_power_plants_are_not_actors():
    doc = analyse("Mpox spread quickly in Goma, and the Zaporizhzhia Nuclear Power Plant lost power again.",
                  published="2024-10-10")
    assert actor_for(doc, "Mpox") is None
    assert actor_for(doc, "Zaporizhzhia Nuclear Power Plant") is None
