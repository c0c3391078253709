"""Ask's stance rules from the failure patterns of questions written over unseen stories (issue 13, round 6), on
text written for these tests and analysed by the real pipeline: a call asked about is the act itself; "we consider
X a good step" is an opinion, not a possibility; defying demands and a refusal to give in deny the concession;
agreements named as made ("recent agreements between") count; inflected "-ies" forms ("bullies"); travels for a visit; a threat's
"would" content is still a threat; a condition for an act asked as done says it has not been done."""
import pytest

from conftest import evidence_item as _item
from conftest import store_texts
from thucydides.query.ask import ask, parse_question
from thucydides.storage import Store

PAMPAS = """Argentina presses Uruguay over jailed editor

Published: 2025-07-02

BUENOS AIRES — Argentina urged the immediate release of the jailed editor Tomas Ruiz, whom Uruguay has held since May.

Uruguay has defied repeated demands by Argentina to free the editor.

“We consider the withdrawal of Uruguayan troops from the border a good step,” Argentine Foreign Minister Lucia Vera said.

Argentina would impose sanctions on Uruguay only if the editor is convicted, officials in Buenos Aires said.

Uruguay's foreign minister said his travels next month will include meetings with Argentina's president.
"""

CHACO = """Paraguay and Bolivia settle river dispute

Published: 2025-07-03

ASUNCION — Recent agreements between Paraguay and Bolivia have ended a long quarrel over the Pilcomayo river.

Bolivia bullies Paraguay over fishing rights, a Paraguayan senator said.

Bolivia warned Paraguay on Tuesday that it would close the border if the river dredging resumed.
"""


@pytest.fixture(scope="module")
def r6_db(tmp_path_factory):
    return store_texts(tmp_path_factory.mktemp("askr6"), {"pampas": PAMPAS, "chaco": CHACO}, "r6.duckdb")


def test_new_phrasings_are_understood():
    assert parse_question("Has Uruguay complied with Argentina's demands?").relation.type == "CONCEDE"
    assert parse_question("Did Argentina take punitive measures against Uruguay?").relation.type == "COERCE"
    assert parse_question("Will the United States disengage from Europe?").relation.type == "RETREAT"
    assert parse_question("Did Kenya launch an operation against Somalia?").relation.type == "ASSAULT"


def test_a_call_asked_about_is_the_act_itself(r6_db):
    with Store(r6_db, read_only=True) as s:
        brief = ask(s, "Did Argentina call for the release of the editor held by Uruguay?", limit=50)
    assert brief["relation"]["type"] == "REQUEST", brief["understood"]
    assert _item(brief, "urged the immediate release")["stance"] == "for", brief["evidence"]
    assert brief["verdict"] == "yes", brief["explanation"]


def test_defying_demands_denies_giving_in(r6_db):
    with Store(r6_db, read_only=True) as s:
        brief = ask(s, "Has Uruguay complied with Argentina's demands?", limit=50)
    assert _item(brief, "defied repeated demands")["stance"] == "against", brief["evidence"]


def test_considering_an_act_a_good_step_is_no_mere_possibility(r6_db):
    with Store(r6_db, read_only=True) as s:
        brief = ask(s, "Did Argentina welcome the withdrawal of Uruguayan troops?", limit=50)
    good = _item(brief, "a good step")
    assert "possibility" not in good["reason"] and good["stance"] != "against", brief["evidence"]


def test_an_act_only_on_a_condition_has_not_been_done(r6_db):
    with Store(r6_db, read_only=True) as s:
        brief = ask(s, "Has Argentina imposed sanctions on Uruguay?", limit=50)
        will = ask(s, "Will Argentina impose sanctions on Uruguay?", limit=50)
    assert _item(brief, "only if the editor")["stance"] == "against", brief["evidence"]
    assert _item(will, "only if the editor")["stance"] != "against", will["evidence"]  # a prospect, not a refusal


def test_agreements_named_as_made_inflections_and_threats(r6_db):
    with Store(r6_db, read_only=True) as s:
        agreed = ask(s, "Did Paraguay and Bolivia reach an agreement?", limit=50)
        bully = ask(s, "Is Bolivia bullying Paraguay?", limit=50)
        threat = ask(s, "Did Bolivia threaten to close the border with Paraguay?", limit=50)
    assert _item(agreed, "Recent agreements between")["stance"] == "for", agreed["evidence"]
    assert _item(bully, "bullies Paraguay")["stance"] == "for", bully["evidence"]
    assert _item(threat, "would close the border")["stance"] == "for", threat["evidence"]
    assert threat["verdict"] == "yes", threat["explanation"]


def test_travels_speak_of_a_visit(r6_db):
    with Store(r6_db, read_only=True) as s:
        brief = ask(s, "Will Uruguay visit Argentina?", limit=50)
    assert _item(brief, "his travels next month")["stance"] == "for", brief["evidence"]
