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
