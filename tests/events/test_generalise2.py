"""Issue #11, fresh-news patterns (second round): aid given 'for' a beneficiary, and a speaker's judgement that
a measure runs counter to / goes against / contravenes something, on sentences written for this test (real
pipeline, no mocks)."""
import pytest

from conftest import asserted_types


# ------------------------------------------------------------------ "provided X to Y for Z" is aid, "provides for" is none
@pytest.mark.parametrize("text", [
    "The German government provided $10 million to Sudan for refugees.",
    "Germany provided food to Sudan for displaced families.",
])
def test_aid_with_a_beneficiary_is_aid(text):
    assert "AID" in asserted_types(text)


def test_a_law_that_provides_for_something_is_no_aid():
    assert asserted_types("The new constitution provides for elections within a year.") == []


# ------------------------------------------------------------------ judgement that a measure runs counter to something
@pytest.mark.parametrize("text", [
    "China said the sanctions run counter to the spirit of the trade agreement.",
    "The Indian minister said the new rules go against the treaty with Pakistan.",
    "Brazil said the tariffs contravene the rules of the World Trade Organization.",
])
def test_running_counter_to_a_rule_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


# ------------------------------------------------------------------ "strike": a state's or an army's is an attack
@pytest.mark.parametrize("text", [
    "The Russian strike on Kharkiv killed four people.",
    "A strike on the port destroyed two ships.",
    "The Israeli strike dealt a heavy blow to Hezbollah.",
])
def test_a_military_strike_is_assault_not_protest(text):
    types = asserted_types(text)
    assert "ASSAULT" in types and "PROTEST" not in types


def test_a_strike_by_workers_is_no_assault():
    assert "ASSAULT" not in asserted_types("The workers' strike closed the port for a week.")


# ------------------------------------------------------------------ back-references to an event already reported
def test_a_definite_event_noun_after_its_report_is_no_new_event():
    text = "Russian troops clashed with Ukrainian forces on Monday. The clashes continued on Tuesday."
    assert asserted_types(text) == ["ASSAULT"]


def test_the_same_noun_with_no_earlier_report_is_an_event():
    assert asserted_types("The clashes between Russian and Ukrainian forces continued on Tuesday.") == ["ASSAULT"]
    assert asserted_types("The fighting raged for hours near Kharkiv.") == ["ASSAULT"]


# ------------------------------------------------------------------ generic, habitual statements assert no one event
@pytest.mark.parametrize("text", [
    "Journalists are often harassed in Egypt.",
    "Critics are routinely jailed in Belarus.",
])
def test_a_habitual_present_is_no_asserted_event(text):
    assert asserted_types(text) == []


def test_a_dated_past_act_stays_asserted():
    assert "COERCE" in asserted_types("Police arrested protesters in Minsk on Monday.")


# ------------------------------------------------------------------ implicit criticism: a poor record, a good one denied
@pytest.mark.parametrize("text", [
    "The Ugandan government has a poor record on human rights, the American envoy said.",
    "The US envoy said Uganda does not have a good record of respecting human rights.",
])
def test_a_bad_record_said_of_an_actor_is_accuse(text):
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize("text", [
    "The US envoy said Uganda has a good record of respecting human rights.",
    "Kenya has a poor record on road safety.",
])
def test_praise_or_an_unsaid_record_is_no_accusation(text):
    assert "ACCUSE" not in asserted_types(text)


# ------------------------------------------------------------------ "is a breach of": the speaker's judgement
def test_a_breach_of_an_agreement_said_of_an_act_is_accuse():
    assert "ACCUSE" in asserted_types("Brazil said the Argentine decision was a breach of the trade agreement.")


def test_a_data_breach_is_no_accusation():
    assert "ACCUSE" not in asserted_types("The company said a data breach exposed customer records.")


# ------------------------------------------------------------------ an event noun as object: "drew protests"
def test_an_act_that_draws_protests_codes_both():
    types = asserted_types("The arrests of opposition leaders drew protests from Kenya.")
    assert "COERCE" in types and "PROTEST" in types


def test_protests_that_erupted_stay_an_event():
    assert asserted_types("Protests erupted in Nairobi after the election.") == ["PROTEST"]


# ------------------------------------------------------------------ an attack as subject criticises no one
@pytest.mark.parametrize("text", [
    "The Israeli strike dealt a heavy blow to Hezbollah.",
    "The Israeli raid dealt a heavy blow to Hamas.",
])
def test_an_attack_that_deals_a_blow_is_no_accusation(text):
    assert "ACCUSE" not in asserted_types(text)
