"""Issue #11, unseen-news patterns (fourth round), on sentences written for this test (real pipeline, no mocks):
criticism without a criticism verb (an appraisal as an abuse or a blatant wrong, a measure's harmful effect),
people hurt "in" an attack, force met by protesters; and the word senses that are no event."""
import pytest

from conftest import asserted_types


# ------------------------------------------------------------------ a measure's harm judged by a speaker
@pytest.mark.parametrize("text", [
    "Opposition leaders said Hungary's new media law has had a chilling effect on journalists.",
    "Farmers said the government's tariff decision has had a devastating impact on exports.",
    "Exporters say Beijing's ban on Australian wine has had a crippling effect on vineyards.",
    "The union said the ministry's wage freeze has had serious consequences for nurses.",
    "Rights groups say Egypt's protest law has had a corrosive effect on civil society.",
])
def test_a_measure_said_to_have_a_harmful_effect_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "Officials said the drought has had a devastating effect on harvests.",  # no one's act
    "The minister said the reform has had no negative impact on growth.",  # harm denied
    "The new coach has had a positive effect on the team, the captain said.",  # praise, not harm
    "Economists say rising oil prices have had a serious impact on inflation.",  # a market, not an act
    "The storm had a devastating effect on coastal towns, the governor said.",
])
def test_harm_from_no_ones_act_or_denied_harm_is_no_accusation(text):
    assert "ACCUSE" not in asserted_types(text)


# ------------------------------------------------------------------ appraisals as an abuse, a blatant wrong
@pytest.mark.parametrize("text", [
    "The White House called the plan a flagrant abuse of power.",
    "Activists called the court's decision a blatant case of judicial weaponization.",
    "The senator described the raid on the newspaper as an abuse of authority.",
    "Kenya's opposition called the arrests a shameless injustice.",
    "The prime minister called the sanctions a humiliation for the country.",
])
def test_an_appraisal_as_an_abuse_or_a_blatant_wrong_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The museum called the painting a blatant copy of a Monet.",  # a thing, not an act, judged
    "Scientists called the comet a spectacular sight.",
    "Investors called the merger a natural fit.",
])
def test_an_appraisal_of_no_act_is_no_accusation(text):
    assert "ACCUSE" not in asserted_types(text)


# ------------------------------------------------------------------ hurt in an attack
@pytest.mark.parametrize("text", [
    "Twelve soldiers were injured in the attack on the base.",
    "Five villagers were injured in the Russian attack on Kharkiv.",
    "Four passengers were hurt in the bombing of the station, police said.",
    "Two guards were wounded in the ambush near the border.",
    "Dozens of people were injured in Israeli airstrikes on Rafah.",
])
def test_people_hurt_in_an_attack_is_assault(text):
    assert "ASSAULT" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "Two children were injured in the flood in Kerala.",
    "The striker was injured in the match against Brazil.",
    "Three workers were hurt in the fire at the factory.",
    "Six people were injured in a bus crash near Lagos.",
    "She was hurt in a fall at her home.",
])
def test_people_hurt_in_an_accident_or_a_game_is_no_assault(text):
    assert "ASSAULT" not in asserted_types(text)


# ------------------------------------------------------------------ force met by protesters
@pytest.mark.parametrize("text", [
    "Peaceful protesters in Tehran were met with brutality by the Iranian police.",
    "Belarusian police met the marchers with tear gas and batons.",
    "The students were met with live ammunition by soldiers in Dhaka.",
    "Riot police met the crowd with water cannon outside parliament.",
    "Demonstrators in Nairobi were met with excessive force by the police.",
])
def test_protesters_met_with_force_is_assault(text):
    assert "ASSAULT" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The proposal was met with skepticism in Brussels.",
    "The minister met with the protesters' leaders on Monday.",
    "The decision was met with force of argument by the defence lawyers.",
    "The film was met with applause in Cannes.",
])
def test_met_with_no_force_is_no_assault(text):
    assert "ASSAULT" not in asserted_types(text)


# ------------------------------------------------------------------ criticism echoed
@pytest.mark.parametrize("text", [
    "The Thai rights group echoed their concerns about the deportations.",
    "Germany echoed French criticism of the Israeli settlement plan.",
    "Several senators echoed the governor's complaints about the new tariffs.",
    "The bishops echoed the union's condemnation of the police raid.",
    "Opposition parties echoed fears that the vote would be rigged.",
])
def test_echoed_criticism_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The chorus echoed the melody of the opening song.",
    "His words echoed through the empty hall.",
    "The new design echoes the style of the 1960s.",
])
def test_echo_of_no_criticism_is_no_event(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ told someone in a call
@pytest.mark.parametrize("text", [
    "Macron told Putin in a phone conversation that the strikes must end.",
    "Sheinbaum told Trump in a phone call that Mexico would act.",
    "Modi told the Japanese prime minister in a telephone call that India valued the partnership.",
    "The Kenyan president told Ruto's rival in a meeting that the vote would be fair.",
    "Scholz told Zelenskyy in a video call that more air defence was coming.",
])
def test_telling_someone_in_a_call_or_meeting_is_consult(text):
    assert "CONSULT" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "She told her mother in a letter that she was safe.",
    "He told the story in a book published last year.",
])
def test_telling_in_writing_is_no_consult(text):
    assert "CONSULT" not in asserted_types(text)


# ------------------------------------------------------------------ agreeing with a proposal is an endorsement
@pytest.mark.parametrize("text", [
    "Japan said it agrees with the American proposal for a ceasefire.",
    "Germany agreed with France's position on the tariffs.",
    "The Arab League agreed with Egypt's plan for Gaza.",
    "Seoul agrees with Washington's approach to North Korea, the minister said.",
    "Brazil's president said he agreed with Colombia's stance on Venezuela.",
])
def test_agreeing_with_a_proposal_or_position_is_support(text):
    assert "SUPPORT" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "Analysts agree with the government's decision to cut rates.",
    "Most economists agree with the view that inflation will fall.",
    "Hamas agreed to the Egyptian proposal.",
])
def test_observers_agreeing_or_accepting_a_proposal_is_no_support(text):
    assert "SUPPORT" not in asserted_types(text)


# ------------------------------------------------------------------ demands phrased as judgements of need
@pytest.mark.parametrize("text", [
    "Ruto said now is the time for Russia to withdraw its troops.",
    "Now is the time for a ceasefire in Gaza, the Egyptian foreign minister said.",
    "Germany said there has to be a guarantee from Moscow that it will not attack again.",
    "There has to be accountability for the killings, the UN rights chief said.",
    "Macron said there has to be a truce before the talks.",
])
def test_a_need_stated_by_a_speaker_is_request(text):
    assert "REQUEST" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The coach said now is the time for the team to prove itself.",
    "Now is the time to buy shares, the analyst said.",
    "There has to be a better way to cook rice, she said.",
    "There has to be a reason for the delay, the passenger said.",
])
def test_a_need_of_no_political_act_is_no_request(text):
    assert "REQUEST" not in asserted_types(text)


# ------------------------------------------------------------------ aid received is the giver's AID; jets scrambled
@pytest.mark.parametrize("text", [
    "Ukraine received military aid from Germany.",
    "Kenya received a loan of $500 million from the IMF.",
    "Jordan received humanitarian aid from Saudi Arabia last week.",
    "Moldova received emergency funding from the European Union.",
    "Lebanon received weapons from Iran, the report said.",
])
def test_aid_received_from_a_giver_is_aid_not_access(text):
    types = asserted_types(text)
    assert "AID" in types and "RETREAT" not in types


@pytest.mark.parametrize("text", [
    "South Korea scrambled warplanes after Chinese bombers entered its air defense zone.",
    "Japan scrambled jets 600 times last year in response to Chinese aircraft.",
    "Russia scrambled fighter jets on Monday.",
    "Poland scrambled aircraft as Russia attacked western Ukraine.",
    "Taiwan scrambled fighters to warn off the Chinese planes.",
])
def test_scrambling_jets_is_mobilize(text):
    assert "MOBILIZE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "Shoppers scrambled to buy bread before the storm.",
    "The company scrambled to fix the software bug.",
    "The chef scrambled eggs for the guests.",
])
def test_scrambling_of_no_forces_is_no_event(text):
    assert asserted_types(text) == []


# ------------------------------------------------------------------ "there are concerns about X's act", said by someone
@pytest.mark.parametrize("text", [
    "The EU said there are serious concerns about Hungary's media law.",
    "Washington said there is deep concern about Russia's troop movements near Ukraine.",
    "Berlin said there was great concern over Turkey's detention of journalists.",
    "The UN said there is alarm about Myanmar's air strikes on villages.",
    "Canada said there were concerns about China's treatment of the two men.",
])
def test_a_stated_concern_about_an_actors_act_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "There are concerns about the weather, the organisers said.",
    "There is concern that prices will rise, economists said.",
    "There were no concerns about Germany's plan, the French minister said.",
])
def test_a_concern_about_no_one_or_denied_is_no_accusation(text):
    assert "ACCUSE" not in asserted_types(text)


# ------------------------------------------------------------------ an appraisal after a long judged object
@pytest.mark.parametrize("text", [
    "Romeu called the decision to jail the editor a blatant case of judicial weaponization.",
    "The group called the arrest of the editor a blatant abuse of power.",
    "Amnesty called the sentencing of the three activists a travesty of justice.",
    "The senator called the dismissal of the election officials an abuse of authority.",
    "Kyiv called the deportation of the children to Russia a war crime.",
])
def test_an_appraisal_after_a_long_object_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "Fans called the return of the striker a dream come true.",
    "The mayor called the opening of the bridge a proud day for the city.",
    "Critics called the second season of the show a masterpiece.",
])
def test_a_long_object_with_no_negative_appraisal_is_no_accusation(text):
    assert "ACCUSE" not in asserted_types(text)


# ------------------------------------------------------------------ a joint exercise held with partners
@pytest.mark.parametrize("text", [
    "Japan held a joint maritime exercise with India and Australia.",
    "India held the Vajra Prahar exercise with American troops.",
    "Egypt staged naval drills with Greece in the Mediterranean.",
    "The Philippines held a joint exercise with the United States on Monday.",
    "Russia conducted air drills with Belarus near the Polish border.",
])
def test_an_exercise_with_partners_is_cooperate(text):
    types = asserted_types(text)
    assert "COOPERATE" in types and "MOBILIZE" not in types


@pytest.mark.parametrize("text", [
    "China held military drills near Taiwan on Monday.",
    "Russia staged naval exercises in the Baltic Sea.",
])
def test_an_exercise_by_one_state_is_mobilize(text):
    assert "MOBILIZE" in asserted_types(text)


# ------------------------------------------------------------------ a reproach of a past act: "should never have"
@pytest.mark.parametrize("text", [
    "Zelenskyy said Russia should never have invaded Ukraine.",
    "The minister said the raid on the Turkish newspaper should never have happened.",
    "The EU said Hungary should not have vetoed the aid package.",
    "Beijing said Washington should never have sold the weapons to Taiwan.",
    "Macron said Iran should not have detained the French tourists.",
])
def test_a_reproach_of_a_past_act_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "I should have called my mother, he said.",
    "The match should have been cancelled, fans said.",
    "She said the storm should have hit the coast on Monday.",
    "The train should have arrived at noon, the conductor said.",
])
def test_own_regret_or_an_expectation_is_no_accusation(text):
    assert "ACCUSE" not in asserted_types(text)
