"""Issue #11, unseen-news patterns (third round), on sentences written for this test (real pipeline, no mocks):
acts stated in passing by a relative clause, owned and legal event nouns, sanctions announced or raised, aid
sent, and word senses that are no event (a release from hospital, an attack on a problem, deaths by disease)."""
import pytest

from conftest import asserted_types


# ------------------------------------------------------------------ a past act told in a relative clause
@pytest.mark.parametrize("text, kind", [
    ("The decision, which was criticized by rights groups, takes effect next month.", "ACCUSE"),
    ("The law, which Amnesty International condemned, was passed on Tuesday.", "ACCUSE"),
    ("The general, who was arrested last week, appeared in court.", "COERCE"),
    ("Trump, who has repeatedly attacked the Federal Reserve, said rates should fall.", "ACCUSE"),
    ("The court freed a Ugandan opposition leader who criticized President Museveni.", "ACCUSE"),
])
def test_a_past_act_in_a_relative_clause_is_coded(text, kind):
    assert kind in asserted_types(text)


@pytest.mark.parametrize("text", [
    "Groups that attack civilians will face sanctions, the minister warned.",  # a habit, in the present
    "The state of emergency that was imposed in March is still in force.",  # background, no doer named
])
def test_a_present_or_doerless_relative_clause_asserts_no_event(text):
    types = asserted_types(text)
    assert "ASSAULT" not in types and "COERCE" not in types


def test_an_attack_noun_and_its_relative_clause_are_one_attack():
    assert asserted_types("The strikes, which killed 12 people, hit a market in Idlib.") == ["ASSAULT"]


# ------------------------------------------------------------------ owned criticism and legal proceedings
@pytest.mark.parametrize("text", [
    "China's condemnation of the visit was swift.",
    "The minister's criticism of the plan surprised many.",
    "The indictment of the mayor shocked the city.",
    "The investigation into the minister is continuing.",
])
def test_an_owned_criticism_or_a_proceeding_against_someone_is_accuse(text):
    assert asserted_types(text) == ["ACCUSE"]


def test_criticism_with_no_owner_and_no_target_is_no_event():
    assert asserted_types("Criticism of the plan has grown.") == []


# ------------------------------------------------------------------ sanctions approved / tariffs raised, aid sent
@pytest.mark.parametrize("text", [
    "The European Union approved new sanctions on Russia.",
    "Washington announced sanctions against three Iranian officials.",
    "Trump raised tariffs on Canadian steel to 50%.",
    "The government hiked duties on Chinese cars.",
])
def test_sanctions_announced_or_tariffs_raised_are_sanction(text):
    assert "SANCTION" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The United States sent humanitarian aid to Sudan.",
    "Egypt sent an aid convoy to Gaza.",
])
def test_aid_sent_is_aid_not_an_investigation(text):
    assert asserted_types(text) == ["AID"]


def test_inspectors_sent_are_an_investigation():
    assert asserted_types("The U.N. sent inspectors to the plant.") == ["ACCUSE"]


# ------------------------------------------------------------------ word senses that are no event
@pytest.mark.parametrize("text", [
    "He was released from hospital on Friday.",
    "Apple released a new phone.",
    "The company attacked the problem with new software.",
    "The virus killed thousands of people in 2020.",
    "Cholera killed 40 people in Sudan last month.",
])
def test_word_senses_that_are_no_event(text):
    assert asserted_types(text) == []


def test_the_political_senses_still_code():
    assert asserted_types("Russia released two American prisoners.") == ["RETREAT"]
    assert asserted_types("Gunmen attacked a police station in Kano.") == ["ASSAULT"]


def test_a_relative_clause_on_a_kind_of_people_is_no_act():
    assert "REJECT" not in asserted_types("The draft speaks of Syrians who resisted the regime.")


# ------------------------------------------------------------------ ground taken, attacks repelled, retaliation in kind
@pytest.mark.parametrize("text, kind", [
    ("Russian troops have pushed Ukrainian forces out of most of the Kursk region.", "ASSAULT"),
    ("Sudan's army regained control of the presidential palace in Khartoum.", "ASSAULT"),
    ("Nigerian troops repelled Boko Haram fighters in Borno state.", "ASSAULT"),
    ("Canada retaliated with tariffs on $20 billion of U.S. goods.", "SANCTION"),
    ("China announced countermeasures against the United States.", "SANCTION"),
    ("Russia designated the radio station an undesirable organization.", "SANCTION"),
    ("The United States designated the Houthis as a terrorist organization.", "SANCTION"),
])
def test_military_and_economic_acts_in_other_words(text, kind):
    assert kind in asserted_types(text)


def test_countermeasures_vowed_are_a_threat():
    assert asserted_types("China vowed countermeasures against the new U.S. tariffs.") == ["THREATEN"]


# ------------------------------------------------------------------ foreign forces seen near a state, military backing
@pytest.mark.parametrize("text", [
    "Taiwan's defense ministry said it detected 25 Chinese military aircraft around the island.",
    "Japan's coast guard spotted four Chinese ships near the Senkaku Islands.",
])
def test_forces_detected_are_the_other_states_mobilisation(text):
    assert asserted_types(text) == ["MOBILIZE"]


@pytest.mark.parametrize("text", [
    "Somali forces, backed by U.S. airstrikes, recaptured the town from al-Shabab.",
    "The offensive was backed by U.S. airstrikes.",
])
def test_backing_by_airstrikes_is_military_aid(text):
    assert "AID" in asserted_types(text)


@pytest.mark.parametrize("text, expected", [
    ("The company regained control of its website after a hack.", []),
    ("Police tracked the stolen car to a garage.", []),
    ("Scientists detected a new virus in bats.", []),
    ("The teacher designated a student as class leader.", []),
    ("The team drove out of the stadium.", []),
    ("The proposal was backed by most lawmakers.", ["SUPPORT"]),
])
def test_the_same_words_in_other_senses(text, expected):
    assert asserted_types(text) == expected


# ------------------------------------------------------------------ reports of wrongdoing are accusations
@pytest.mark.parametrize("text", [
    "Human Rights Watch documented abuses by the security forces.",
    "U.N. experts detailed prohibited transfers of weapons from North Korea to Russia.",
    "The report found widespread torture in Syrian prisons.",
    "The investigators uncovered corruption in the defense ministry.",
    "The mission recorded 300 violations of the ceasefire.",
])
def test_a_report_of_wrongdoing_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The report found that exports grew by 5%.",
    "The study identified three new species.",
    "The company reported record profits.",
    "The singer recorded a new album in Lagos.",
])
def test_reporting_verbs_with_no_wrongdoing_are_no_event(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ concern and dismay at an act or an actor
@pytest.mark.parametrize("text", [
    "The State Department said it was deeply concerned by the arrests.",
    "The EU is concerned about the crackdown on protesters.",
])
def test_concern_about_an_act_is_accuse(text):
    assert asserted_types(text) == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Farmers are worried about the weather.",
    "The minister said he was concerned about rising prices.",
    "Investors are concerned by the slowdown.",
    "Residents are worried about their safety.",
])
def test_concern_about_conditions_is_no_event(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ a speaker's noun judgement, solidarity, warnings
@pytest.mark.parametrize("text", [
    '"This is an act of aggression against our country," the Venezuelan foreign minister told reporters.',
    "The spokesman said the strike was a war crime.",
    '"These arrests are a clear violation of human rights," the group said.',
])
def test_calling_an_act_a_crime_or_aggression_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


def test_calling_a_visit_an_act_of_friendship_is_no_accusation():
    assert "ACCUSE" not in asserted_types("The minister said the visit was an act of friendship.")


def test_standing_with_a_state_is_support():
    assert asserted_types('"The United States stands with Ukraine," Rubio said on Wednesday.') == ["SUPPORT"]


def test_standing_with_a_relative_is_no_event():
    assert asserted_types("She stood with her husband at the ceremony.") == []


@pytest.mark.parametrize("text", [
    'He said the government "will not tolerate" any attempt to destabilize the country.',
    "China will not allow any attempt to split Taiwan from the motherland.",
])
def test_refusing_to_tolerate_a_hostile_attempt_is_a_threat(text):
    assert asserted_types(text) == ["THREATEN"]


def test_refusing_to_allow_cheating_is_no_threat():
    assert asserted_types("The school will not allow any attempt to cheat on exams.") == []


# ------------------------------------------------------------------ more idioms of criticism and blame
@pytest.mark.parametrize("text", [
    "Trump took a swipe at Canada.",
    "Trump ripped into the Fed chair on Friday.",
    "Republicans bashed the president's plan.",
    "The minister lamented the decision by Washington.",
    "Beijing scoffed at the accusations.",
])
def test_idioms_of_criticism_are_accuse(text):
    assert asserted_types(text) == ["ACCUSE"]


def test_holding_a_state_responsible_is_accuse_and_the_attack_stays_its_content():
    assert asserted_types("Germany held China responsible for the attack.") == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "He held the baby in his arms.",
    "The company holds the patent.",
    "He lamented the loss of his father.",
])
def test_the_same_verbs_with_no_target_of_criticism_are_no_event(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ drills near a state are a mobilisation
@pytest.mark.parametrize("text, kind", [
    ("China held military drills near Taiwan on Monday.", "MOBILIZE"),
    ("Russia staged naval exercises off the coast of Japan.", "MOBILIZE"),
    ("North Korea conducted artillery drills near the border with South Korea.", "MOBILIZE"),
    ("China and Russia held joint naval drills in the Sea of Japan.", "COOPERATE"),
    ("The U.S. Navy held exercises with the Philippine navy.", "COOPERATE"),
    ("India and France held naval exercises in the Indian Ocean.", "COOPERATE"),
])
def test_drills_are_cooperation_only_with_a_partner(text, kind):
    assert asserted_types(text) == [kind]


@pytest.mark.parametrize("text", [
    "Germany offered condolences to Kenya.",
    "Officials offered little explanation for the delay.",
])
def test_offering_words_or_sympathy_is_no_agreement(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ warnings of consequences, punishment, locking up
@pytest.mark.parametrize("text", [
    "Germany warned of consequences for Kenya.",
    "Iran warned of a harsh response if attacked.",
])
def test_warning_of_consequences_is_a_threat(text):
    assert "THREATEN" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "Doctors warned of a measles outbreak.",
    "Economists warned of a recession.",
])
def test_warning_of_a_danger_is_no_threat(text):
    assert asserted_types(text) == []


def test_a_vow_to_punish_is_a_threat_and_locking_up_is_coercion():
    assert asserted_types("Germany vowed to punish Kenya.") == ["THREATEN"]
    assert asserted_types("The regime locked up dozens of dissidents.") == ["COERCE"]


# ------------------------------------------------------------------ vague event nouns made specific by their parties
@pytest.mark.parametrize("text, expected", [
    ("The killing of a protester by police angered residents.", ["ASSAULT"]),
    ("The killings of three journalists by gunmen drew condemnation.", ["ACCUSE", "ASSAULT"]),
    ("Torture of detainees is common in the prison, the report said.", ["ASSAULT"]),
    ("The killing sparked riots in Nairobi.", ["PROTEST"]),
    ("The arrest of the opposition leader sparked protests.", ["COERCE", "PROTEST"]),
])
def test_a_vague_event_noun_with_its_victim_or_doer_is_an_event(text, expected):
    assert asserted_types(text) == expected


@pytest.mark.parametrize("text", [
    "The war has changed the region.",
    "The killing shocked the nation.",
    "Officials said he played a key role in the group's external operations.",
])
def test_a_vague_event_noun_alone_is_no_event(text):
    assert asserted_types(text) == []


def test_an_event_noun_after_following_is_background():
    assert "ASSAULT" not in asserted_types("Settlers set fire to the offices following the killing of an Israeli man.")


# ------------------------------------------------------------------ military moves short of force
@pytest.mark.parametrize("text", [
    "ECOWAS activated its standby force.",
    "Russian warplanes flew over the Baltic Sea.",
    "Chinese warships sailed through the Taiwan Strait.",
    "U.S. bombers flew near the Korean Peninsula.",
    "Foreign military helicopters landed near the crash site.",
    "Armed men patrolled the streets of the town.",
    "The navy dispatched two destroyers to the Red Sea.",
    "Iran unveiled a new hypersonic missile.",
])
def test_military_moves_are_mobilize(text):
    assert asserted_types(text) == ["MOBILIZE"]


@pytest.mark.parametrize("text", [
    "A plane carrying 60 passengers landed in Kabul.",
    "The ship sailed from Rotterdam to Lagos.",
    "The helicopter landed on the roof of the hospital.",
    "The company unveiled a new phone.",
])
def test_civilian_craft_and_products_are_no_mobilisation(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ announced force is a threat
@pytest.mark.parametrize("text", [
    '"We will respond with force," the minister said.',
    "Iran said it would react with missile strikes to any attack.",
    "Ethiopia's prime minister said the rebels will be crushed by Ethiopian troops.",
])
def test_announced_force_is_a_threat(text):
    assert "THREATEN" in asserted_types(text)


def test_responding_with_words_is_no_threat():
    assert asserted_types("The ministry said it would respond with a statement.") == []


# ------------------------------------------------------------------ coups, weapons tests, activations, overtures, designations
@pytest.mark.parametrize("text, kind", [
    ("Rebels seized power in the capital in 2013.", "ASSAULT"),
    ("The military took power in a coup in July.", "ASSAULT"),
    ("North Korea conducted two missile tests this week.", "MOBILIZE"),
    ("The activation of the standby force was announced by ECOWAS.", "MOBILIZE"),
    ("The leaders concluded a two-day summit in Brussels.", "CONSULT"),
    ("The Treasury made several designations of Iranian entities.", "SANCTION"),
])
def test_more_nouns_and_light_verbs(text, kind):
    assert kind in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The party took power after the election.",
    "The hospital conducted tests on the patients.",
    "He made a speech in parliament.",
])
def test_power_won_by_vote_tests_and_speeches_are_no_event(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ approval needs someone's act or party to approve
@pytest.mark.parametrize("text", [
    "Tourists say the mood in Lisbon toward visitors is positive.",
    "Analysts say the economic outlook is good.",
])
def test_a_good_mood_or_outlook_is_no_support(text):
    assert asserted_types(text) == []


@pytest.mark.parametrize("text", [
    "The minister said the agreement was positive.",
    "Blinken said the talks were constructive.",
    "Trump said Putin's response was positive.",
])
def test_approving_an_act_or_a_partys_response_is_support(text):
    assert asserted_types(text) == ["SUPPORT"]


# ------------------------------------------------------------------ a speaker stating misconduct accuses its doer
@pytest.mark.parametrize("text", [
    "Hong Kong prosecutors said Lai had conspired to collude with foreign forces.",
    "Pakistan says Afghanistan harbors militants who attack Pakistani targets.",
    "White House officials said Canada has been ripping off American farmers.",
    "Beijing said Washington was weaponizing trade.",
    "Kyiv said Moscow was stoking tensions in the region.",
])
def test_stated_misconduct_is_accuse(text):
    assert asserted_types(text) == ["ACCUSE"]


def test_denying_ones_own_misconduct_is_no_accusation():
    assert asserted_types('"We have never lied to our partners," the minister said.') == []


# ------------------------------------------------------------------ captions: a pose, or a news verb dated like a photo
@pytest.mark.parametrize("text", [
    "Secretary of State Marco Rubio meets Saudi Crown Prince Mohammed bin Salman in Jeddah, Saudi Arabia, March 11, 2025.",
    "Ukrainian President Volodymyr Zelenskyy gestures as he speaks in Kyiv.",
])
def test_captions_are_no_event(text):
    assert asserted_types(text) == []


def test_a_headline_style_present_with_no_photo_date_is_news():
    assert asserted_types("Trump meets Putin in Alaska.") == ["CONSULT"]


# ------------------------------------------------------------------ aid secured from a donor; labels of political abuse
@pytest.mark.parametrize("text", [
    "Pakistan secured a $7 billion loan from the International Monetary Fund.",
    "Egypt obtained new funding from the World Bank.",
])
def test_aid_secured_from_a_donor_is_the_donors_aid(text):
    assert asserted_types(text) == ["AID"]


@pytest.mark.parametrize("text", [
    "The team won a grant from the foundation.",
    "He got a loan from the bank to buy a house.",
])
def test_private_loans_and_grants_are_no_event(text):
    assert asserted_types(text) == []


@pytest.mark.parametrize("text", [
    "The Serbian president called the verdict a political attack on his country.",
    "Trump called the investigation a witch hunt.",
    "Beijing described the sanctions as economic coercion.",
])
def test_labelling_an_act_as_political_abuse_is_accuse(text):
    assert asserted_types(text) == ["ACCUSE"]


# ------------------------------------------------------------------ deaths by accident or by animals
@pytest.mark.parametrize("text", [
    "Ten people were killed when a building collapsed in Lagos.",
    "Twelve migrants died when their boat capsized off Libya.",
    "Two children were killed by an elephant in Botswana.",
])
def test_deaths_by_accident_or_animals_are_no_attack(text):
    assert asserted_types(text) == []


@pytest.mark.parametrize("text", [
    "Three soldiers were killed when their vehicle hit a landmine.",
    "Two people were killed when the building collapsed after an Israeli airstrike.",
])
def test_deaths_by_a_weapon_stay_attacks(text):
    assert "ASSAULT" in asserted_types(text)


# ------------------------------------------------------------------ word-sense traps of conflict verbs
@pytest.mark.parametrize("text", [
    "The two sides struck a balance between growth and stability.",
    "The government is battling high inflation.",
    "He suffered a heart attack in 2019.",
    "The director shot the film in Morocco.",
    "The government seized the opportunity to reform the economy.",
    "The student was expelled from school for cheating.",
    "He protested his innocence.",
    "The central bank moved to support the currency.",
    "Prices exploded after the announcement.",
])
def test_figurative_and_economic_senses_are_no_event(text):
    assert asserted_types(text) == []


@pytest.mark.parametrize("text, kind", [
    ("Government troops battled rebels near the airport.", "ASSAULT"),
    ("Soldiers shot three protesters in the capital.", "ASSAULT"),
    ("Rebels seized the town on Monday.", "ASSAULT"),
    ("A bomb exploded near the police station.", "ASSAULT"),
    ("France expelled two Russian diplomats.", "SANCTION"),
])
def test_the_conflict_senses_still_code(text, kind):
    assert kind in asserted_types(text)


# ------------------------------------------------------------------ press events, festivals and releases are no meeting
@pytest.mark.parametrize("text", [
    "The city hosted a music festival in June.",
    "The ministry issued a press release on Monday.",
    "The team held a press conference after the match.",
])
def test_public_events_and_press_work_are_no_event(text):
    assert asserted_types(text) == []


@pytest.mark.parametrize("text, kind", [
    ("Kenya hosted talks between the two sides.", "CONSULT"),
    ("Macron hosted the German chancellor in Paris.", "CONSULT"),
    ("Thousands of people held a rally in the capital.", "PROTEST"),
    ("The two leaders held talks in Beijing.", "CONSULT"),
])
def test_hosting_and_holding_political_events_still_code(text, kind):
    assert asserted_types(text) == [kind]


# ------------------------------------------------------------------ second events: caused acts and acts done by a named doer
@pytest.mark.parametrize("text, expected", [
    ("North Korea fired a missile over Japan, prompting Tokyo to lodge a protest.", "ACCUSE"),
    ("The shelling prompted France to recall its ambassador.", "SANCTION"),
    ("Hamas released three hostages in exchange for 90 Palestinian prisoners freed by Israel.", "RETREAT"),
])
def test_a_caused_act_or_an_act_by_a_named_doer_is_a_second_event(text, expected):
    assert expected in asserted_types(text)


def test_a_possible_cause_asserts_nothing():
    assert asserted_types("The crisis could prompt Japan to impose sanctions.") == []


def test_released_and_freed_are_two_releases():
    assert asserted_types("Hamas released three hostages in exchange for 90 Palestinian prisoners freed by Israel.") == [
        "RETREAT", "RETREAT"]


# ------------------------------------------------------------------ a warning of one's own future act is a threat
@pytest.mark.parametrize("text", [
    "North Korea warned it would respond to the drills.",
    "Iran warned that it could strike U.S. bases in the region.",
    "China warned it would take countermeasures against the United States.",
])
def test_a_warning_of_the_speakers_own_act_is_a_threat(text):
    assert asserted_types(text) == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "NATO warned that Russia could attack the Baltic states.",
    "Economists warned that the economy would slow.",
    "The minister warned that prices would rise.",
    "Germany warned it would help Ukraine.",
])
def test_a_warning_of_others_acts_or_of_help_is_no_threat(text):
    assert asserted_types(text) == []
