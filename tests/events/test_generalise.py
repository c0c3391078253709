"""Issue #11, fresh-news patterns: judgements without a criticism verb, adjectival criticism, tariff
concessions and impositions, shows of force around a place, requests put as a need, on sentences written
for this test (real pipeline, no mocks)."""
import pytest

from conftest import asserted_types
from thucydides.pipeline import analyze_text


# ------------------------------------------------------------------ criticism with no criticism verb
@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister called the arrest of the journalists indefensible.",
    "A Chilean minister said the decision was deeply misguided.",
    "Canada's prime minister said the new law will chill free speech in Hong Kong.",
    "The Danish government said the ban would erode press freedom in Georgia.",
    "The Brazilian president has been openly critical of Venezuela's election.",
    "Norway's foreign minister was scathing about Russia's treatment of dissidents.",
])
def test_judgements_and_adjectival_criticism_are_accuse(text):
    assert "ACCUSE" in asserted_types(text)


def test_a_forecast_of_harm_by_nature_is_no_accusation():
    assert "ACCUSE" not in asserted_types("Analysts said the drought will damage the harvest in Kenya.")


# ------------------------------------------------------------------ tariffs: imposed is SANCTION, put off is CONCEDE
@pytest.mark.parametrize("text", [
    "The United States imposed a 25% tariff on Mexican steel.",
    "Washington slapped new tariffs on Chinese solar panels on Friday.",
])
def test_tariffs_imposed_are_sanction(text):
    types = asserted_types(text)
    assert "SANCTION" in types and "COERCE" not in types


@pytest.mark.parametrize("text", [
    "The Canadian government postponed the digital services levy.",
    "India suspended the new duties on American almonds.",
])
def test_tariffs_put_off_are_concessions(text):
    assert "CONCEDE" in asserted_types(text)


# ------------------------------------------------------------------ forces around a place
def test_police_surrounding_a_house_is_a_show_of_force():
    assert "MOBILIZE" in asserted_types("Police surrounded the opposition leader's house in Kampala on Monday.")


def test_fans_surrounding_a_stadium_is_not():
    assert "MOBILIZE" not in asserted_types("Thousands of fans surrounded the stadium in Lagos on Monday.")


# ------------------------------------------------------------------ requests put as a need
@pytest.mark.parametrize("text", [
    "It is time for a truce in Sudan, the Egyptian foreign minister said.",
    "Reform of the electoral commission is needed, Kenya's opposition leader said.",
    "The Ghanaian president said dialogue was urgent.",
])
def test_a_need_stated_by_a_speaker_is_a_request(text):
    assert "REQUEST" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "More money is needed for the new school in Accra.",
    "It is time for lunch, the chef said.",
])
def test_a_need_of_no_act_is_no_request(text):
    assert "REQUEST" not in asserted_types(text)


# ------------------------------------------------------------------ word-sense traps: AID and ASSAULT need the right doer or object
@pytest.mark.parametrize("text", [
    "The new policy targets obesity among schoolchildren in Chile.",
    "The advertising campaign targets young voters in Texas.",
    "He wired money to his family in Nigeria last week.",
    "The farm supplies eggs to supermarkets across the region.",
    "The company provides accounting software to hospitals in Kenya.",
    "The jail houses more than 2,000 inmates.",
    "The camp shelters 20,000 refugees near the border.",
    "Farmers in Kenya face attacks from wild elephants.",
])
def test_word_sense_traps_are_no_event(text):
    types = asserted_types(text)
    assert "ASSAULT" not in types and "AID" not in types and "COERCE" not in types, types


@pytest.mark.parametrize("text, expected", [
    ("Israeli jets targeted Hamas commanders in Gaza on Monday.", "ASSAULT"),
    ("Germany supplies tanks to Ukraine.", "AID"),
    ("The UN refugee agency shelters thousands of Sudanese refugees in Chad.", "AID"),
])
def test_the_material_readings_stay(text, expected):
    assert expected in asserted_types(text)


# ------------------------------------------------------------------ a deployment named as a noun
def test_a_deployment_of_troops_named_as_a_noun_is_mobilize():
    assert "MOBILIZE" in asserted_types("The deployment of 2,000 American troops to Poland was announced on Monday.")


# ------------------------------------------------------------------ idioms of criticism
@pytest.mark.parametrize("text", [
    "Kenya's president took issue with Uganda's new trade rules.",
    "The Polish prime minister poured scorn on Hungary's stance.",
    "The German chancellor called out China for its support of Russia.",
    "Japan's prime minister pointed the finger at North Korea for the cyberattack.",
    "The Nigerian minister came under criticism from lawmakers over the fuel shortage.",
])
def test_idioms_of_criticism_are_accuse(text):
    assert "ACCUSE" in asserted_types(text)


def test_coming_under_attack_stays_material():
    types = asserted_types("Nigerian troops came under attack from militants near Maiduguri on Sunday.")
    assert "ASSAULT" in types and "ACCUSE" not in types


# ------------------------------------------------------------------ a report stating abuse accuses the doer
def test_a_report_stating_abuse_is_an_accusation():
    doc = analyze_text("Amnesty International's report says Egyptian police tortured detainees.", title="test",
                       published="2025-06-12")
    assert any(e.type == "ACCUSE" and e.target for e in doc.events)


def test_a_report_of_economic_figures_is_no_accusation():
    assert asserted_types("The report said the Kenyan economy grew by 3% last year.") == []


# ------------------------------------------------------------------ more needs: "there needs to be", "it is important that"
@pytest.mark.parametrize("text", [
    "There needs to be a ceasefire in Gaza, the French foreign minister said.",
    "There should be an investigation into the shooting, Mexico's interior minister said.",
    "Ghana's president said it was time to end the conflict in Sudan.",
])
def test_needs_with_there_and_time_to_are_requests(text):
    assert "REQUEST" in asserted_types(text)


def test_it_is_important_that_x_acts_is_a_request_of_x_and_the_act_is_not_asserted():
    doc = analyze_text("It is important that Russia withdraws its troops, the German chancellor said.", title="test",
                       published="2025-06-12")
    assert [e.type for e in doc.events if not e.hypothetical and not e.negated] == ["REQUEST"]


def test_a_wish_about_no_act_is_no_request():
    assert "REQUEST" not in asserted_types("The Kenyan president said it is important that families come together.")


# ------------------------------------------------------------------ judgement nouns
@pytest.mark.parametrize("text", [
    "The sentencing is a sham, the Swedish government said.",
    "The Indian foreign ministry said the move was a betrayal of the agreement.",
])
def test_judgement_nouns_are_accuse(text):
    assert "ACCUSE" in asserted_types(text)


# ------------------------------------------------------------------ legal standing told with a participle of state
@pytest.mark.parametrize("text", [
    "The former Peruvian president stands accused of taking bribes from a construction firm.",
    "Two Ugandan opposition politicians remain charged with treason.",
    "Three opposition leaders are being prosecuted in Ankara for insulting the president.",
])
def test_legal_standing_is_an_accusation_of_the_subject(text):
    doc = analyze_text(text, title="test", published="2025-06-12")
    got = [e for e in doc.events if e.type == "ACCUSE" and not e.negated and not e.hypothetical]
    assert got and got[0].target, [(e.type, e.target) for e in doc.events]


# ------------------------------------------------------------------ nominal events as the subject of a verb of occurring
@pytest.mark.parametrize("text", [
    "Heavy fighting between Sudan's army and the RSF raged in Khartoum.",
    "The bombing of the market killed 15 people in northern Syria.",
    "The ambush on a military convoy in Mali left ten soldiers dead.",
])
def test_nominal_attacks_that_occur_are_assault(text):
    assert "ASSAULT" in asserted_types(text)
