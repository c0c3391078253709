"""Ask's rules from questions written in shapes the dev sets do not use (issue 13, round 5), on text written for
these tests and analysed by the real pipeline: analyst verbs for the PLOVER types (rebuke, ink, send a delegation,
sanctions relief, pressure, arming, apologise, snub); acts sought or still to come as evidence against "has it
been done"; a request for an act is no act; a deal on another topic does not answer a question about a named deal;
an act of one side on a third party, in an article about the pair, is not evidence about the pair; the words naming
a speaker ("Chile's foreign ministry") are not what its statement must be about."""
import pytest

from conftest import evidence_item as _item
from conftest import store_texts
from thucydides.query.ask import ask, parse_question
from thucydides.storage import Store

FISHERIES = """Peru and Chile edge toward a fisheries deal

Published: 2025-07-02

LIMA — Peru is seeking to finalize a deal with Chile on fishing rights in the Pacific, officials said on Tuesday.

However, neither Peru nor Chile has confirmed any details, and the agreement is yet to be finalized.

Peru and Chile reached an agreement on a border crossing last year.

Peruvian officials held talks with Bolivian officials in La Paz on Monday.

Chile hopes to settle a dispute over tariffs during talks with Peru next week.
"""

RELIEF = """Ecuador turns down Colombia on sanctions

Published: 2025-07-03

QUITO — Colombian President Mateo Ruiz asked Ecuadorian President Ana Vera for sanctions relief at a summit in May.

Ecuador refused the request, officials in Quito said.
"""

BRIEFING = """Chile's foreign ministry briefs reporters

Published: 2025-07-04

SANTIAGO — Chilean Foreign Ministry spokesperson Rosa Lagos said on Friday that the copper harvest had been the
largest in a decade.

Foreign Ministry spokesperson Rosa Lagos also said that Peru must respect the maritime border.
"""

STATEMENT = """Peru protests Chilean naval drills

Published: 2025-07-05

LIMA — Chile began naval drills off its northern coast on Monday.

Shortly before the drills began, Peru's Foreign Ministry issued a statement. A spokesperson for the ministry said:

"These naval drills near our waters are a provocation that could trigger a clash at sea."
"""

KEEPS = """Bolivia holds firm on Paraguay

Published: 2025-07-06

LA PAZ — Bolivia on Monday extended its sanctions on Paraguay for another six months.

Argentina warned that Bolivia could face sanctions of its own if it keeps stalling on talks with Paraguay.
"""

VISIT = """Uruguay reaches out to Paraguay

Published: 2025-07-07

MONTEVIDEO — Uruguay sent a trade delegation to Paraguay on Tuesday, officials in Montevideo said.
"""

WATER = """Chile and Bolivia settle water dispute

Published: 2025-07-08

SANTIAGO — Chile accepted a Bolivian proposal on the Silala river after eight hours of talks in La Paz, a deal that Peru welcomed.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return store_texts(tmp_path_factory.mktemp("askpara"), {"fisheries": FISHERIES, "relief": RELIEF,
                                                             "briefing": BRIEFING, "statement": STATEMENT,
                                                             "keeps": KEEPS, "visit": VISIT, "water": WATER},
                        "para.duckdb")


@pytest.mark.parametrize("question, rtype, mode", [
    ("Did France rebuke Italy over migrants?", "ACCUSE", "disapprove"),
    ("Did India and the UAE ink a trade deal?", "AGREE", None),
    ("Did the White House send a delegation to Taiwan?", "CONSULT", "visit"),
    ("Did Trump grant North Korea sanctions relief?", "CONCEDE", None),
    ("Is Iran arming the Houthis?", "AID", "military"),
    ("Did Ethiopia apologise to Eritrea?", "CONCEDE", None),
    ("Did China snub the summit?", "REJECT", "meet"),
    ("Did Saudi Arabia broker the talks?", "CONSULT", "third-party"),
    ("Is Beijing at odds with Kuala Lumpur over the South China Sea?", "ACCUSE", "disapprove"),
    ("Did China's UN mission oppose Malaysia's submission?", "ACCUSE", "disapprove"),
    ("Has Turkey bought the S-400 from Russia?", "COOPERATE", None),
])
def test_analyst_verbs_reach_their_plover_type(question, rtype, mode):
    r = parse_question(question).relation
    assert r is not None and (r.type, r.mode) == (rtype, mode), (question, r and r.as_dict())


def test_pressure_is_coercion_or_a_threat():
    r = parse_question("Is Washington stepping up pressure on Caracas?").relation
    assert {r.type, *r.related} >= {"COERCE", "THREATEN"}, r.as_dict()


def test_a_deal_sought_or_yet_to_be_finalised_is_not_done(db):
    with Store(db, read_only=True) as s:
        done = ask(s, "Has Peru finalised the fisheries deal with Chile?", limit=50)
        will = ask(s, "Will Peru finalise a fisheries deal with Chile?", limit=50)
    assert _item(done, "seeking to finalize")["stance"] == "against", done["evidence"]
    assert _item(done, "yet to be finalized")["stance"] == "against", done["evidence"]
    assert done["verdict"] == "no", done["explanation"]
    # for a question about what is to come, seeking it is evidence for
    assert _item(will, "seeking to finalize")["stance"] == "for", will["evidence"]


def test_a_deal_on_another_topic_does_not_answer_a_named_deal(db):
    with Store(db, read_only=True) as s:
        brief = ask(s, "Did Peru and Chile ink a fisheries deal?", limit=50)
    other = [e for e in brief["evidence"] if "border crossing" in e["text"]]
    assert not other or other[0]["stance"] == "neutral", other


def test_a_hope_for_one_act_does_not_govern_another(db):
    with Store(db, read_only=True) as s:
        brief = ask(s, "Will Chile and Peru hold talks?", limit=50)
    # "hopes to settle a dispute during talks": the hope is for a settlement; the talks are planned
    assert _item(brief, "hopes to settle")["stance"] == "for", brief["evidence"]


def test_talks_with_a_third_country_are_not_evidence_about_the_pair(db):
    with Store(db, read_only=True) as s:
        brief = ask(s, "Did Peru hold talks with Chile?", limit=50)
    third = [e for e in brief["evidence"] if "Bolivian officials" in e["text"]]
    assert not third or third[0]["stance"] == "neutral", third


def test_asking_for_relief_is_no_relief_and_refusing_a_request_is_a_rejection(db):
    with Store(db, read_only=True) as s:
        granted = ask(s, "Did Ecuador grant Colombia sanctions relief?", limit=50)
        rejected = ask(s, "Did Ecuador reject Colombia's request for sanctions relief?", limit=50)
    assert _item(granted, "asked Ecuadorian President")["stance"] != "for", granted["evidence"]
    assert granted["verdict"] != "yes", granted["explanation"]
    assert _item(rejected, "refused the request")["stance"] == "for", rejected["evidence"]
    assert rejected["verdict"] == "yes", rejected["explanation"]


def test_the_words_naming_the_speaker_are_not_the_topic(db):
    q = parse_question("What did Chile's foreign ministry say about Peru?")
    assert "ministry" not in q.topic and "foreign" not in q.topic, q.topic
    with Store(db, read_only=True) as s:
        said = ask(s, "What did Chile's foreign ministry say about Peru?", limit=50)
    texts = [e["text"] for e in said["evidence"]]
    assert any("maritime border" in t for t in texts), texts
    assert not any("copper harvest" in t for t in texts), texts  # the ministry on something else


@pytest.mark.parametrize("question, rtype, mode", [
    ("Is Hamas holding hostages?", "ASSAULT", "abduct"),
    ("Has the US cut military aid to Ukraine?", "SANCTION", "discontinue"),
    ("Did Kenya send police to Haiti?", "AID", "military"),
    ("Is the EU lifting sanctions on Syria?", "CONCEDE", None),
])
def test_a_verb_phrase_heads_the_words_it_governs(question, rtype, mode):
    # "military aid" inside "cut military aid", "hostage" inside "holding hostages": the longer phrase decides
    r = parse_question(question).relation
    assert (r.type, r.mode) == (rtype, mode), (question, r.as_dict())


def test_a_month_bounds_the_question_and_is_no_topic_or_relation():
    q = parse_question("did russia attack ukraine's energy grid in march?", as_of="2025-03-20")
    assert (q.since, q.until) == ("2025-03-01", "2025-03-31"), q.understood()
    assert q.relation.type == "ASSAULT" and "march" not in q.topic, q.as_dict()
    q = parse_question("Did Washington and Beijing hold trade talks in December 2024?")
    assert (q.since, q.until) == ("2024-12-01", "2024-12-31") and "2024" not in q.topic, q.as_dict()
    q = parse_question("Did Colombia march troops into Ecuador in January?", as_of="2025-03-01")
    assert q.since == "2025-01-01" and q.until == "2025-01-31", q.understood()
    # a month after the question's date is last year's
    assert parse_question("Did Chile and Peru meet in November?", as_of="2025-03-01").since == "2024-11-01"
    # no year and no date to place it: no bound rather than a wrong one
    assert parse_question("Did Chile and Peru meet in November?").since is None


def test_the_role_after_a_possessive_is_not_the_topic():
    for question in ("Did Britain's foreign secretary visit China?", "Did the EU's foreign policy chief condemn Russia?",
                     "Did the US sanction Albania's former prime minister?"):
        q = parse_question(question)
        assert not {"foreign", "secretary", "policy", "chief", "minister", "prime"} & set(q.topic), (question, q.topic)
    # a thing after a possessive stays the topic
    assert "grid" in parse_question("Did Russia attack Ukraine's energy grid?").topic


def test_welcoming_is_support():
    assert parse_question("Did Erdogan welcome the Damascus deal?").relation.type == "SUPPORT"


def test_a_spokesperson_for_the_ministry_speaks_for_the_ministry_named_before(db):
    with Store(db, read_only=True) as s:
        said = ask(s, "What did Lima say about the naval drills?", limit=50)
    item = _item(said, "are a provocation")
    assert item["speaker_country"] == "PER", item
    assert said["verdict"] == "yes", said["explanation"]


def test_keeping_up_counts_against_easing_only_when_it_governs_the_sanctions(db):
    with Store(db, read_only=True) as s:
        brief = ask(s, "Is Bolivia easing its sanctions on Paraguay?", limit=50)
    assert _item(brief, "extended its sanctions")["stance"] == "against", brief["evidence"]
    stalling = [e for e in brief["evidence"] if "keeps stalling" in e["text"]]
    assert not stalling or stalling[0]["stance"] != "against", stalling  # "keeps" governs the stalling


def test_an_irregular_past_matches_its_verb(db):
    with Store(db, read_only=True) as s:
        brief = ask(s, "Did Uruguay send a delegation to Paraguay?", limit=50)
    assert _item(brief, "sent a trade delegation")["stance"] == "for", brief["evidence"]
    assert brief["verdict"] == "yes", brief["explanation"]


def test_talks_tied_by_the_sentences_acts_to_a_third_country_are_not_the_pairs(db):
    with Store(db, read_only=True) as s:
        brief = ask(s, "Did Chile and Peru hold talks?", limit=50)
    water = [e for e in brief["evidence"] if "Silala" in e["text"]]
    assert not water or water[0]["stance"] != "for", water


def test_talks_next_week_are_not_yet_held(db):
    with Store(db, read_only=True) as s:
        held = ask(s, "Did Chile and Peru hold talks?", limit=50)
        will = ask(s, "Will Chile and Peru hold talks?", limit=50)
    assert _item(held, "talks with Peru next week")["stance"] == "against", held["evidence"]
    assert _item(will, "talks with Peru next week")["stance"] == "for", will["evidence"]
