"""Ask's rules for whose act it is, verbal acts, places and past acts, on text written for these tests and analysed
by the real pipeline (no part of ours mocked)."""
import pytest

from conftest import evidence_item as _item
from conftest import store_texts
from thucydides.pipeline import analyze
from thucydides.query.ask import ask, parse_question
from thucydides.storage import Store

TRUCE = """Kenya accepts truce plan as Uganda holds back

Published: 2025-06-10

NAIROBI — Kenya accepted a 30-day ceasefire with Uganda on Monday, officials in Nairobi said.

Uganda has not agreed to the ceasefire with Kenya, and its foreign minister said the plan needed more work.

The ministers of the African Union called on Uganda to accept the truce, warning that Kampala could face sanctions if it keeps delaying.

Kenyan officials accused Uganda of violating the spirit of the truce with Kenya.

Kenyan officials accused Uganda of overturning the truce agreement with Kenya.
"""

PLACE = """Turkey warns Greece over the islands

Published: 2025-06-12

ANKARA — Ankara is threatening retaliation against Athens if new sanctions are imposed, Turkish officials said on Thursday.

Separately, Turkish officials said that Ankara was threatening a new offensive in Syria against Kurdish fighters near the border.
"""

OLD = """Ghana and Togo

Published: 2023-01-10

ACCRA — Ghana struck rebel camps inside Togo on Monday, the Ghanaian army said.
"""

NEWER = """Ghana and Togo hold talks

Published: 2025-06-10

LOME — Ghana and Togo held talks on border security on Tuesday, their foreign ministers said.
"""


@pytest.fixture(scope="module")
def rules_db(tmp_path_factory):
    texts = {"truce": TRUCE, "place": PLACE, "old": OLD, "newer": NEWER, "attribution": ATTRIBUTION, "corridor": CORRIDOR}
    return store_texts(tmp_path_factory.mktemp("askrules"), texts, "rules.duckdb")



def test_the_other_sides_act_is_not_evidence_for_the_question_actor(rules_db):
    with Store(rules_db, read_only=True) as s:
        uganda = ask(s, "Has Uganda accepted the ceasefire with Kenya?", limit=50)
        kenya = ask(s, "Has Kenya accepted the ceasefire with Uganda?", limit=50)
    assert _item(uganda, "Kenya accepted a 30-day ceasefire")["stance"] == "neutral", uganda["evidence"]
    assert _item(uganda, "Uganda has not agreed")["stance"] == "against"
    assert uganda["verdict"] == "no", uganda["explanation"]
    assert _item(kenya, "Kenya accepted a 30-day ceasefire")["stance"] == "for", kenya["evidence"]
    # nor is the other side's refusal of an act each side does alone evidence against
    assert _item(kenya, "Uganda has not agreed")["stance"] == "neutral", kenya["evidence"]
    assert kenya["verdict"] == "yes", kenya["explanation"]
    with Store(rules_db, read_only=True) as s:
        alone = ask(s, "Has Uganda accepted the ceasefire?", limit=50)  # one actor: a third country acting is not it
    assert _item(alone, "Kenya accepted a 30-day ceasefire")["stance"] == "neutral", alone["evidence"]
    assert alone["verdict"] == "no", alone["explanation"]


def test_a_verbal_act_is_what_is_asked_and_a_warning_is_a_threat_whatever_its_modality(rules_db):
    q = parse_question("Is the African Union threatening Uganda with more sanctions?")
    assert q.relation.type == "THREATEN" and "SANCTION" not in (q.relation.type,), q.understood()
    assert parse_question("Did Mali accuse Algeria of air strikes?").relation.type == "ACCUSE"
    assert parse_question("Will the US impose sanctions on Iran over its threats?").relation.type == "SANCTION"
    with Store(rules_db, read_only=True) as s:
        brief = ask(s, "Is the African Union threatening Uganda with sanctions?", limit=50)
    warned = _item(brief, "warning that Kampala could face sanctions")
    assert warned["stance"] == "for", warned  # "called on ... to accept" governs the truce, not the warning
    assert brief["verdict"] == "yes", brief["explanation"]


def test_a_place_asked_about_must_be_named_near_the_sentence(rules_db):
    with Store(rules_db, read_only=True) as s:
        brief = ask(s, "Is Ankara threatening a new offensive in Syria?", limit=50)
    texts = [e["text"] for e in brief["evidence"]]
    assert any("offensive in Syria" in t for t in texts), texts
    assert not any("against Athens" in t for t in texts), texts  # a threat against another country


def test_whether_a_thing_was_done_does_not_fade_with_age(rules_db):
    assert parse_question("Did Ghana strike Togo?").past
    assert not parse_question("Is Ghana striking Togo?").past
    with Store(rules_db, read_only=True) as s:
        did = ask(s, "Did Ghana strike Togo?", limit=50)
        doing = ask(s, "Is Ghana striking Togo?", limit=50)
    a, b = _item(did, "struck rebel camps"), _item(doing, "struck rebel camps")
    assert a["stance"] == "for" and a["age_days"] > 800
    assert a["weight"] > 4 * b["weight"], (a, b)  # two-year-old evidence counts in full only for "did it happen"
    assert did["verdict"] == "yes", did["explanation"]


def test_european_and_brussels_stand_for_the_eu():
    q = parse_question("Is Trump threatening tariffs on European wine?")
    assert [a.code for a in q.actors] == ["USA", "EU"], q.understood()
    from thucydides.query.ask.understand import find_actors
    text = "Moscow accused Brussels of prolonging the war."
    assert [a.key for a, _, _ in find_actors(text, cased=True)] == ["RUS", "BEL"]
    assert [a.key for a, _, _ in find_actors(text, cased=True, prefer=frozenset({"EU"}))] == ["RUS", "EU"]

ATTRIBUTION = """Peru blames Bolivia for border bombing

Published: 2025-06-11

LIMA — A bomb exploded at a border post in Tacna on Monday, killing three guards.

Peruvian officials accused Bolivia of sponsoring the militants behind the Tacna bombing.

Bolivia denied any involvement in the bombing.

Peru has blamed several recent attacks on smugglers operating from Chilean territory.
"""

CORRIDOR = """Chile and Argentina open talks on an Andes rail corridor

Published: 2025-06-12

SANTIAGO — Chile and Argentina opened talks on a new Andes rail corridor on Monday, their transport ministers said.

The ministers toured the border crossing at Los Libertadores.

Engineers from both countries inspected the old tunnel.

On Wednesday, Chile held further talks on the corridor's financing, officials in Santiago said.

Chile also signed a deal with Brazil on port fees.
"""


def test_who_is_behind_an_act_rests_on_attributions_to_it_and_its_denials(rules_db):
    with Store(rules_db, read_only=True) as s:
        brief = ask(s, "Is Bolivia behind the Tacna bombing?", limit=50)
    by = {e["text"]: e for e in brief["evidence"]}
    assert by["Peruvian officials accused Bolivia of sponsoring the militants behind the Tacna bombing."]["stance"] == "for"
    denial = by["Bolivia denied any involvement in the bombing."]
    assert denial["stance"] == "against", denial
    # the bombing itself, and blame laid on others, say nothing of who is behind it
    assert all(e["stance"] == "neutral" for t, e in by.items() if "bomb exploded" in t or "smugglers" in t), by
    assert brief["verdict"] == "mixed", brief["explanation"]


def test_one_side_in_an_article_about_the_pair(rules_db):
    """A sentence naming one side acting in the relation counts when the article is about the pair (its title and
    opening name both), after the sentences that name both; a deal with a third country is not about the pair."""
    with Store(rules_db, read_only=True) as s:
        brief = ask(s, "Did Chile and Argentina hold talks?", limit=50)
        single = ask(s, "Is Chile signing deals?", limit=50)
    texts = [e["text"] for e in brief["evidence"]]
    later = next(e for e in brief["evidence"] if e["text"].startswith("On Wednesday, Chile held further talks"))
    assert later["stance"] == "for" and "elsewhere in the article" in later["reason"], later
    assert texts.index(later["text"]) > texts.index(next(t for t in texts if t.startswith("Chile and Argentina opened")))
    assert not any("Brazil" in t for t in texts), texts
    # a question about one actor keeps only what it does in the relation asked about
    assert [e["text"] for e in single["evidence"]] == ["Chile also signed a deal with Brazil on port fees."]


def test_prepositions_are_not_the_topic():
    q = parse_question("Is China staging military drills near Taiwan?")
    assert "near" not in q.topic, q.topic


UNCONFIRMED = """Laos and Cambodia keep quiet on troops

Published: 2025-06-13

VIENTIANE — Neither Laos nor Cambodia has officially confirmed the deployment of Laotian troops to Cambodia.

Laos has not sent troops to Cambodia, its defence ministry said on Friday.
"""


def test_not_confirmed_is_not_denied(tmp_path):
    src = tmp_path / "laos.txt"
    src.write_text(UNCONFIRMED, encoding="utf-8")
    with Store(tmp_path / "laos.duckdb") as s:
        s.ingest(analyze([str(src)], registry=s.registry()))
    with Store(tmp_path / "laos.duckdb", read_only=True) as s:
        brief = ask(s, "Has Laos sent troops to Cambodia?", limit=50)
    quiet = _item(brief, "officially confirmed")
    assert quiet["stance"] == "neutral" and "not confirmed" in quiet["reason"], quiet
    assert _item(brief, "Laos has not sent troops")["stance"] == "against"


@pytest.mark.parametrize("question,rtype", [
    ("Is Turkey trying to reset relations with Armenia?", "SUPPORT"),
    ("Will Serbia and Kosovo repair ties?", "SUPPORT"),
    ("Did Jordan call the raid a violation of the truce?", "ACCUSE"),
    ("Is Washington threatening to hold Caracas accountable?", "THREATEN"),
])
def test_more_phrasings_of_relations(question, rtype):
    q = parse_question(question)
    assert q.relation is not None and q.relation.type == rtype, q.understood()


def test_a_rejection_heading_the_question_is_what_is_asked_and_more_sanction_phrasings():
    assert parse_question("Did Iran reject talks with the United States?").relation.type == "REJECT"
    assert parse_question("Did Pakistan close its airspace to Indian airlines?").relation.type == "SANCTION"
    assert parse_question("Will Canada impose visa restrictions on Chinese officials?").relation.type == "SANCTION"
    say = parse_question("What did Zelenskyy say about the ceasefire?")
    assert say.kind == "say" and "ceasefire" in say.understood(), say.understood()


TOPIC = """Uruguay weighs duties on Brazilian cars

Published: 2025-06-14

MONTEVIDEO — Many Uruguayan drivers choose Brazilian electric vehicles, dealers said.

Uruguay imposed tariffs on Brazilian electric vehicles on Friday, the trade ministry said.
"""


def test_the_topic_alone_is_not_the_act(tmp_path):
    src = tmp_path / "uruguay.txt"
    src.write_text(TOPIC, encoding="utf-8")
    with Store(tmp_path / "uy.duckdb") as s:
        s.ingest(analyze([str(src)], registry=s.registry()))
    with Store(tmp_path / "uy.duckdb", read_only=True) as s:
        brief = ask(s, "Did Uruguay impose tariffs on Brazilian electric vehicles?", limit=50)
    assert _item(brief, "drivers choose")["stance"] == "neutral", brief["evidence"]
    assert _item(brief, "imposed tariffs")["stance"] == "for"


def test_naming_the_truce_is_not_accepting_it(rules_db):
    """'accused Kampala of breaking the truce' names the truce; only agreeing, accepting, signing is the act."""
    with Store(rules_db, read_only=True) as s:
        brief = ask(s, "Has Uganda accepted the truce with Kenya?", limit=50)
    called = _item(brief, "called on Uganda to accept the truce")
    assert called["stance"] == "against", called  # asked for, so not yet done
    assert all(e["stance"] != "for" for e in brief["evidence"]), brief["evidence"]


STRIKES = """Ghana strikes rebel camps in Togo

Published: 2025-06-15

ACCRA — Ghana launched airstrikes on rebel camps in Togo on Saturday, the army said.

Ghana's defence minister said Ghana would not strike Togo again.

Togo's president called for an end to Ghana's airstrikes on Togolese villages.
"""


def test_a_stop_to_come_or_asked_for_is_not_evidence_that_it_was_not_done(tmp_path):
    src = tmp_path / "strikes.txt"
    src.write_text(STRIKES, encoding="utf-8")
    with Store(tmp_path / "strikes.duckdb") as s:
        s.ingest(analyze([str(src)], registry=s.registry()))
    with Store(tmp_path / "strikes.duckdb", read_only=True) as s:
        brief = ask(s, "Did Ghana launch airstrikes on Togo?", limit=50)
    assert _item(brief, "launched airstrikes")["stance"] == "for"
    assert _item(brief, "would not strike Togo again")["stance"] != "against", brief["evidence"]
    assert _item(brief, "called for an end")["stance"] != "against", brief["evidence"]
    assert brief["verdict"] == "yes", brief["explanation"]


COOPERATION = """Peru and Chile step up cooperation

Published: 2025-06-16

LIMA — Peru and Chile agreed on Monday to deepen cooperation on border policing and trade.

Peru's foreign minister said there were no plans for a military alliance with Chile.
"""


def test_refusing_a_formal_tie_is_not_refusing_cooperation(tmp_path):
    src = tmp_path / "coop.txt"
    src.write_text(COOPERATION, encoding="utf-8")
    with Store(tmp_path / "coop.duckdb") as s:
        s.ingest(analyze([str(src)], registry=s.registry()))
    with Store(tmp_path / "coop.duckdb", read_only=True) as s:
        general = ask(s, "Are Peru and Chile cooperating?", limit=50)
        formal = ask(s, "Will Peru and Chile form a military alliance?", limit=50)
    assert _item(general, "no plans for a military alliance")["stance"] == "neutral", general["evidence"]
    assert general["verdict"] == "yes", general["explanation"]
    assert _item(formal, "no plans for a military alliance")["stance"] == "against", formal["evidence"]
    assert parse_question("Did India and Pakistan exchange fire?").relation.type == "ASSAULT"


SAID = """Guterres alarmed by fighting in Sudan

Published: 2025-06-17

NEW YORK — UN Secretary-General Antonio Guterres said he was alarmed by the fighting in Sudan.

Guterres described the siege of El Fasher in Sudan as a catastrophe.

Aid agencies have left the city of El Fasher.
"""


def test_what_a_person_said_reported_without_quotation_marks(tmp_path):
    src = tmp_path / "said.txt"
    src.write_text(SAID, encoding="utf-8")
    with Store(tmp_path / "said.duckdb") as s:
        s.ingest(analyze([str(src)], registry=s.registry()))
    with Store(tmp_path / "said.duckdb", read_only=True) as s:
        brief = ask(s, "What did Guterres say about Sudan?", limit=50)
    assert brief["verdict"] == "yes", brief["explanation"]
    assert _item(brief, "said he was alarmed")
    described = _item(brief, "described the siege")  # no quotation: reported speech
    assert "reported" in described["reason"], described
    assert not any("Aid agencies" in e["text"] for e in brief["evidence"])


CONDEMN = """Chile and Argentina hold naval drills

Published: 2025-06-18

SANTIAGO — Peru routinely condemns such drills as provocations, while Chile and Argentina say they are defensive.
"""


def test_the_other_side_condemning_in_a_sentence_quoting_the_asked_actor(tmp_path):
    src = tmp_path / "condemn.txt"
    src.write_text(CONDEMN, encoding="utf-8")
    with Store(tmp_path / "condemn.duckdb") as s:
        s.ingest(analyze([str(src)], registry=s.registry()))
    with Store(tmp_path / "condemn.duckdb", read_only=True) as s:
        brief = ask(s, "Did Chile condemn Peru?", limit=50)
    assert all(e["stance"] != "for" for e in brief["evidence"]), brief["evidence"]
    assert brief["verdict"] != "yes", brief["explanation"]
