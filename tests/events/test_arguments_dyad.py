"""Issue #11: who is source and target of an event, on sentences written for these tests (real pipeline)."""
import pytest

from conftest import analyse_sentence as one
from conftest import asserted_of_type as events_of
from conftest import side_codes as codes


# ------------------------------------------------------------------ a rejection told in a relative clause
@pytest.mark.parametrize("text, source, target", [
    ("Colombian officials accused Venezuela of sheltering the guerrillas, a charge that Caracas promptly denied.", "VEN", "COL"),
    ("Greek ministers published a report on the airspace violations in May, which Ankara rejected.", "TUR", "GRC"),
    ("Ethiopia's claim, which Egypt rejected on Tuesday, is before the mediators.", "EGY", "ETH"),
])
def test_rejection_in_relative_clause_targets_who_made_the_claim(text, source, target):
    doc = one(text)
    rej = events_of(doc, "REJECT")
    assert rej, text
    assert source in codes(doc, rej[0].source)
    assert target in codes(doc, rej[0].target)


# ------------------------------------------------------------------ recipients in prepositional phrases
@pytest.mark.parametrize("text, source, target", [
    # the parser leaves "to" without its object and makes the officers the subject of "holed"
    ("Chile has granted diplomatic asylum to four Bolivian army officers holed up in its embassy since the coup.", "CHL", "BOL"),
    # two verbs sharing one object share the recipient named after it
    ("Volunteers from two Canadian charities donated and delivered blankets to the Ukrainian Red Cross.", "CAN", "UKR"),
])
def test_recipient_after_preposition(text, source, target):
    doc = one(text)
    aid = events_of(doc, "AID")
    assert aid, text
    assert source in codes(doc, aid[0].source)
    assert target in codes(doc, aid[0].target)


# ------------------------------------------------------------------ a charge of violence falls on the perpetrator
@pytest.mark.parametrize("text, source, target, victims", [
    ("Kenya condemned the massacre of villagers carried out by Somali militants.", "KEN", "SOM", None),
    ("Rwanda condemned the killings by Burundian militants against Congolese refugees.", "RWA", "BDI", "COD"),
])
def test_accusation_of_violence_targets_the_perpetrator(text, source, target, victims):
    doc = one(text)
    acc = events_of(doc, "ACCUSE")
    assert acc, text
    assert source in codes(doc, acc[0].source)
    assert target in codes(doc, acc[0].target)
    if victims:
        assert victims not in codes(doc, acc[0].target)


# ------------------------------------------------------------------ the reason given names the target
@pytest.mark.parametrize("text, type_, source, target", [
    ("The White House said Trump was doubling the tariffs on aluminum because Mexico has been cheating American "
     "workers for years.", "SANCTION", "USA", "MEX"),
    ("Germany expelled two diplomats because Russia had spied on its parliament.", "SANCTION", "DEU", "RUS"),
])
def test_hostile_act_targets_whom_its_reason_blames(text, type_, source, target):
    doc = one(text)
    evs = events_of(doc, type_)
    assert evs, text
    assert source in codes(doc, evs[0].source)
    assert target in codes(doc, evs[0].target)


# ------------------------------------------------------------------ a reported clause's subject taken for the object
@pytest.mark.parametrize("text, source, target", [
    ("A Western diplomat said Beijing in the past two years imposed heavy restrictions on Australian exports.",
     "CHN", "AUS"),
    ("Analysts said Caracas over the past decade imposed harsh controls on Colombian traders.", "VEN", "COL"),
])
def test_reported_clause_subject_parsed_as_object_of_said(text, source, target):
    doc = one(text)
    evs = events_of(doc, "COERCE")
    assert evs, text
    assert source in codes(doc, evs[0].source)
    assert target in codes(doc, evs[0].target)


# ------------------------------------------------------------------ agentless expulsion: the body one is put out of
@pytest.mark.parametrize("text, source, target", [
    ("Four Canadian journalists were expelled from China on Tuesday.", "CHN", "CAN"),
    ("The dissident lawmaker was expelled from the African National Congress last week.", "ZAF", "ZAF"),
])
def test_agentless_expulsion_source_is_the_body_left(text, source, target):
    doc = one(text)
    evs = events_of(doc, "SANCTION")
    assert evs, text
    by_id = {a.id: a for a in doc.actors}
    assert source in codes(doc, evs[0].source)
    assert target in codes(doc, evs[0].target)
    assert all(by_id[i].type != "PERSON" for i in evs[0].source)
