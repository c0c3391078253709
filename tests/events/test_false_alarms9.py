"""Issue #11, false alarms on unseen news (round 9), on sentences written for this test (real pipeline, no
mocks): idioms and word senses that report no act -- "when it comes to", an empty "it helps if", "call X a
friend", a ship or train that travels, commentators who agree, a crime committed, a text that guarantees, "end
up", "ended his visit", seeking a job -- each beside a control where the same word does report an act."""
import pytest

from conftest import asserted_types


@pytest.mark.parametrize("text", [
    "When it comes to trade, Chile and Peru have little in common.",
    "A Turkish cargo ship is heading to Egypt with a load of grain.",
    "The Italian freight train was traveling north from Milan when it derailed.",
    'Brazil\'s president calls the Argentine leader a "close friend" of his country.',
    'The Mexican magazine called the Spanish singer a "national treasure" in its cover story.',
    "It helps if Kenya and Ethiopia share data on the drought.",
    "Most analysts agree that Turkey's economy will slow next year.",
    "There is a growing consensus among economists that Brazil will cut interest rates.",
    "Kenya's constitution guarantees the right to peaceful assembly.",
    "After years of travel, the Italian chef ended up in Buenos Aires.",
    "Many young Nigerians are seeking employment abroad.",
    "Chinese President Xi Jinping ended his visit to Russia on Friday.",
])
def test_an_idiom_or_non_act_sense_asserts_no_event(text):
    assert asserted_types(text) == []


def test_a_crime_committed_is_no_commitment():
    assert "AGREE" not in asserted_types("Rights groups say Ethiopian troops committed serious abuses in Tigray.")


@pytest.mark.parametrize("text, kind", [
    ("The Brazilian foreign minister called his Argentine counterpart on Tuesday.", "CONSULT"),
    ("The Chilean president is heading to Peru for talks with his counterpart.", "CONSULT"),
    ("Russia called Ukraine's president a criminal.", "ACCUSE"),
    ("Ukraine is seeking more air defence systems from Germany.", "REQUEST"),
    ("Iran committed to allowing inspectors back into its nuclear sites.", "AGREE"),
    ("Japan and South Korea agreed to resume military talks.", "AGREE"),
])
def test_the_same_words_still_code_the_act(text, kind):
    assert kind in asserted_types(text)


# ------------------------------------------------------------------ material readings that are no attack
@pytest.mark.parametrize("text", [
    "Cyclone Freddy made landfall on Saturday. Mozambique was struck by Freddy again on Monday, officials said.",
    "Aid agencies and the government of Mozambique began relief operations in the flooded areas.",
    "Indonesian rescuers launched a search operation for the missing fishermen.",
    "Italian immigrants occupied a gray area in the city's social order.",
])
def test_a_storm_a_relief_operation_or_a_position_is_no_attack(text):
    types = asserted_types(text)
    assert "ASSAULT" not in types and "COERCE" not in types


def test_retaliation_by_tariffs_is_a_sanction_not_an_attack():
    assert asserted_types("Canada retaliated by announcing tariffs on American steel.") == ["SANCTION"]


@pytest.mark.parametrize("text, kind", [
    ("Russian forces retaliated by shelling Ukrainian positions near Kharkiv.", "ASSAULT"),
    ("Russian troops occupied the Ukrainian town of Kherson in March.", "COERCE"),
    ("The Kenyan army launched a military operation against al-Shabab militants.", "ASSAULT"),
    ("Nigerian troops struck a militant camp in Borno state on Friday.", "ASSAULT"),
])
def test_violent_retaliation_occupation_and_strikes_still_code(text, kind):
    assert kind in asserted_types(text)


# ------------------------------------------------------------------ sport told with the words of war
@pytest.mark.parametrize("text", [
    "The French team beat Germany in the final of the handball championship.",
    "Japan crushed China 7-0 in the women's football tournament.",
    "India's bowlers attacked the Australian batsmen early in the match.",
    "The Nigerian striker shot past the goalkeeper to win the cup.",
])
def test_a_game_is_no_attack(text):
    types = asserted_types(text)
    assert "ASSAULT" not in types and "COERCE" not in types


@pytest.mark.parametrize("text, kind", [
    ("Gunmen attacked fans outside the stadium after the football match in Lagos.", "ASSAULT"),
    ("Police fired tear gas at fans after the cup final in Cairo.", "ASSAULT"),
    ("Egyptian authorities jailed twenty fans for chanting at a football tournament in Cairo.", "COERCE"),
])
def test_violence_and_arrests_at_sport_events_still_code(text, kind):
    assert kind in asserted_types(text)


def test_resolve_shown_is_no_agreement():
    assert "AGREE" not in asserted_types("Sanctions would demonstrate resolve to the Kremlin, the senator argued.")


# ------------------------------------------------------------------ accidents, celebrations, criticism "as"
@pytest.mark.parametrize("text", [
    "A bus carrying pilgrims crashed in northern India, killing 20 people.",
    "A ferry capsized off the coast of Tanzania, killing 14 passengers.",
])
def test_an_accident_that_kills_is_no_attack(text):
    assert "ASSAULT" not in asserted_types(text)


def test_a_bomb_that_kills_is_still_an_attack():
    assert "ASSAULT" in asserted_types("A truck bomb exploded near a checkpoint in Mogadishu, killing 9 soldiers.")


def test_a_celebration_march_is_no_protest():
    assert "PROTEST" not in asserted_types(
        "Thousands of Kenyans marched through Nairobi to celebrate the national team's victory.")
    assert "PROTEST" in asserted_types("Thousands of Kenyans marched through Nairobi to protest against new taxes.")


def test_attacking_a_plan_as_reckless_is_criticism():
    types = asserted_types("The senator attacked the president's budget as reckless.")
    assert "ASSAULT" not in types and "ACCUSE" in types
    assert "ASSAULT" in asserted_types("Russian jets attacked the Ukrainian port of Odesa overnight.")


# ------------------------------------------------------------------ acts talked of, states of affairs, idioms
@pytest.mark.parametrize("text", [
    "Allowing foreign banks into Vietnam would not change the government's policy, the economist said.",
    "Conditions for refugees in Greece have improved since the spring, the charity said.",
    "A Kenyan policeman recognized her at the border and let her pass.",
    "It stands to reason that Chile would seek a trade deal with India.",
])
def test_an_act_talked_of_or_a_state_of_affairs_is_no_event(text):
    assert asserted_types(text) == []


@pytest.mark.parametrize("text, kind", [
    ("Spain recognized Palestine as a state in May.", "SUPPORT"),
    ("Israel allowed aid trucks into Gaza on Sunday.", "CONCEDE"),
])
def test_recognition_and_permission_by_states_still_code(text, kind):
    assert kind in asserted_types(text)
