"""Ask's rules from the fresh question set's failure patterns, on text written for these tests and analysed by the
real pipeline: persons the stored articles name (not in the knowledge base) understood in questions; relation
words for standoffs, warships, moving closer and barring from; hedged prospects and broken-down talks as evidence
against."""
import pytest

from conftest import evidence_item as _item
from conftest import store_texts
from thucydides.query.ask import ask, parse_question
from thucydides.storage import Store

ANDES = """Bolivia moves closer to Lima as Peru bars an investigator

Published: 2025-06-10

LA PAZ — Bolivian President Marco Quispe has moved closer to Lima, signing three trade deals with Peru this year.

Peru barred UN investigator Elena Ochoa from entering the country on Monday, officials in Lima said.

“Peru’s decision to keep me out is a step backwards for human rights,” Ochoa said.

Peru has been locked in a border standoff with Bolivia for almost a year.

Quechuas in Bolivia welcomed the trade deals with Peru.

According to a confidential report seen by reporters, Bolivia has been continuing to develop its nuclear and ballistic missile programs.
"""

TALKS = """Ecuador and Colombia talks remain frozen

Published: 2025-06-11

QUITO — Border talks between Ecuador and Colombia broke down in October and remain deadlocked.

Experts think there is little chance that Ecuador and Colombia will meet again this year.
"""

CHILE = """Chile weighs easing sanctions on Peru

Published: 2025-06-12

SANTIAGO — Chilean officials are hinting at lifting the sanctions Chile imposed on Peru last year.

Chile said it would lift its pause on fishing licences for Peru next month.
"""

RIVERS = """Investigator speaks on rivers

Published: 2025-06-20

GENEVA — Peru and Bolivia share the basin of Lake Titicaca, the largest lake in South America.

Several glaciers feeding the lake have shrunk by half since 1990, a study found this year.

“The decision to dam the rivers of the Andes is a mistake,” UN investigator Elena Ochoa said on Friday.
"""


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory):
    texts = {"andes": ANDES, "talks": TALKS, "chile": CHILE, "rivers": RIVERS}
    return store_texts(tmp_path_factory.mktemp("askfresh"), texts, "fresh.duckdb")



def test_relation_words_for_standoffs_warships_moving_closer_and_barring():
    assert parse_question("Are Peru and Bolivia locked in a border standoff?").relation.type == "MOBILIZE"
    assert parse_question("Are Chilean warships challenging Peru?").relation.type == "MOBILIZE"
    assert parse_question("Is Bolivia moving closer to Lima?").relation.type == "SUPPORT"
    q = parse_question("Did Peru bar the UN investigator from the country?")
    assert q.relation.type == "COERCE" and q.relation.mode == "restrict", q.understood()


def test_a_person_the_articles_name_stands_for_the_government_or_speaks(fresh_db):
    with Store(fresh_db, read_only=True) as s:
        closer = ask(s, "Is Quispe moving closer to Lima?", limit=50)
        said = ask(s, "What did Ochoa say about Peru?", limit=50)
        unknown = ask(s, "What did Zzyzx say about Peru?", limit=50)
    # a president named in the articles stands for his country, as a knowledge-base leader does
    assert [a["code"] for a in closer["actors"]] == ["BOL", "PER"], closer["understood"]
    assert _item(closer, "moved closer to Lima")["stance"] == "for", closer["evidence"]
    assert closer["verdict"] == "yes", closer["explanation"]
    # an investigator with no government post is the person herself: her quote is what she said
    assert said["parsed"]["speaker"][0]["kind"] == "person", said["understood"]
    assert any("step backwards" in e["text"] for e in said["evidence"]), said["evidence"]
    assert said["verdict"] == "yes", said["explanation"]
    assert unknown["message"] and "who spoke" in unknown["message"]  # a name nobody in the articles has
    # a people named by one plural word is no person standing for a government
    with Store(fresh_db, read_only=True) as s:  # the actors stage types "Quechuas" a PERSON in this text
        assert [a["code"] for a in ask(s, "Did Peru sanction Quechuas?")["actors"]] == ["PER"]


def test_barring_and_a_standoff_are_found_in_the_evidence(fresh_db):
    with Store(fresh_db, read_only=True) as s:
        barred = ask(s, "Did Peru bar the UN investigator from the country?", limit=50)
        standoff = ask(s, "Are Peru and Bolivia locked in a border standoff?", limit=50)
    assert _item(barred, "barred UN investigator")["stance"] == "for", barred["evidence"]
    assert barred["verdict"] == "yes", barred["explanation"]
    assert _item(standoff, "border standoff")["stance"] == "for", standoff["evidence"]
    assert standoff["verdict"] == "yes", standoff["explanation"]


def test_broken_down_talks_and_little_chance_of_a_meeting_are_evidence_against(fresh_db):
    with Store(fresh_db, read_only=True) as s:
        brief = ask(s, "Are Ecuador and Colombia still negotiating on the border?", limit=50)
        meet = ask(s, "Will Ecuador and Colombia meet again this year?", limit=50)
    assert _item(brief, "broke down")["stance"] == "against", brief["evidence"]
    assert brief["verdict"] != "yes", brief["explanation"]  # one called-off item alone may weigh too little for "no"
    assert _item(meet, "little chance")["stance"] == "against", meet["evidence"]
    assert meet["verdict"] == "no", meet["explanation"]


def test_a_possibility_answers_is_it_considering_and_lifting_is_about_its_object(fresh_db):
    with Store(fresh_db, read_only=True) as s:
        considering = ask(s, "Is Chile considering lifting sanctions on Peru?", limit=50)
        lifted = ask(s, "Has Chile lifted its sanctions on Peru?", limit=50)
    hint = _item(considering, "hinting at lifting")
    assert hint["stance"] == "for", hint  # the possibility is what is asked about
    assert considering["verdict"] == "yes", considering["explanation"]
    assert _item(lifted, "hinting at lifting")["stance"] != "for", lifted["evidence"]  # hinted is not done
    # lifting a pause on fishing licences is no lifting of sanctions
    assert _item(lifted, "pause on fishing")["stance"] == "neutral", lifted["evidence"]
    assert lifted["verdict"] != "yes", lifted["explanation"]


def test_developing_weapons_is_a_build_up(fresh_db):
    q = parse_question("Is Bolivia still developing nuclear missiles?")
    assert q.relation.type == "MOBILIZE" and q.relation.mode == "weapons", q.understood()
    with Store(fresh_db, read_only=True) as s:
        brief = ask(s, "Is Bolivia still developing nuclear missiles?", limit=50)
    assert _item(brief, "continuing to develop")["stance"] == "for", brief["evidence"]
    assert brief["verdict"] == "yes", brief["explanation"]


def test_what_a_speaker_said_naming_whom_it_is_about_comes_first(fresh_db):
    with Store(fresh_db, read_only=True) as s:
        said = ask(s, "What did Ochoa say about Peru's decision?", limit=50)
    texts = [e["text"] for e in said["evidence"]]
    # her newer words on a decision to dam rivers name no Peru: they come after those about Peru, whatever their date
    assert any("dam the rivers" in t for t in texts), texts
    assert "step backwards" in texts[0], texts
