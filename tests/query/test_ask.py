"""Relations and ask over a database built from the sample corpus and the VOA stories."""
import json

import pytest

from conftest import SAMPLE
from thucydides.cli import main
from thucydides.pipeline import analyze
from thucydides.query.ask import ask, parse_question
from thucydides.query.relations import RelationError, evidence, series
from thucydides.storage import Store


@pytest.fixture(scope="module")
def voa_db(tmp_path_factory, shared):
    db = tmp_path_factory.mktemp("askvoa") / "voa.duckdb"
    with Store(db) as s:
        s.ingest(analyze([SAMPLE, shared / "corpus" / "voa_stories.jsonl"]))
    return db


def traceable(store, brief):
    """Every piece of evidence is the exact text at its span in its document."""
    for ev in brief["evidence"]:
        rec = store.query("SELECT text FROM documents WHERE id = ?", [ev["doc_id"]])
        assert rec, ev
        s, e = ev["span"]
        assert rec[0]["text"][s:e] == ev["text"], ev


def test_alliance_question_rests_on_the_denial(sample_db):
    with Store(sample_db, read_only=True) as s:
        brief = ask(s, "Will Russia and China forge a military alliance?", limit=50)
        traceable(s, brief)
    assert [a["code"] for a in brief["actors"]] == ["RUS", "CHN"]
    assert brief["relation"]["name"] == "military alliance"
    denial = [e for e in brief["evidence"] if e["doc_id"] == "lavrov-alliance" and e["stance"] == "against"]
    assert denial, brief["evidence"]
    assert any("Neither Russia nor China" in e["text"] or "no plans for a military alliance" in e["text"] for e in denial)
    assert brief["verdict"] == "leans no"


QUESTIONS = [
    ("Will Russia and China forge a military alliance?", {"RUS", "CHN"}, "military alliance"),
    ("Will the United States impose sanctions on Iran?", {"USA", "IRN"}, "sanctions"),
    ("Will Russia and Ukraine agree to a ceasefire?", {"RUS", "UKR"}, "ceasefire"),
    ("Will India and Pakistan go to war?", {"IND", "PAK"}, "attack"),
    ("Will Israel attack Iran?", {"ISR", "IRN"}, "attack"),
    ("Will North Korea threaten South Korea?", {"PRK", "KOR"}, "threat"),
    ("Will China and Japan hold talks?", {"CHN", "JPN"}, "talks"),
    ("Will the EU impose sanctions on Russia?", {"EU", "RUS"}, "sanctions"),
    ("Will the United States and China agree on trade?", {"USA", "CHN"}, "cooperation"),
    ("Will Turkey attack Syria?", {"TUR", "SYR"}, "attack"),
    ("Will the United States send aid to Ukraine?", {"USA", "UKR"}, "aid"),
]


@pytest.mark.parametrize("question,codes,relation", QUESTIONS)
def test_briefs_with_evidence(voa_db, question, codes, relation):
    with Store(voa_db, read_only=True) as s:
        brief = ask(s, question, limit=20)
        traceable(s, brief)
    assert {a.get("code") for a in brief["actors"]} >= codes - {"EU"} and len(brief["actors"]) >= 2
    assert brief["relation"]["name"] == relation
    assert brief["verdict"] in ("leans yes", "leans no", "mixed")
    decisive = [e for e in brief["evidence"] if e["stance"] != "neutral"]
    assert decisive, f"no evidence for or against: {brief['evidence']}"
    for e in brief["evidence"]:
        assert e["kind"] in ("quote", "event") and e["doc_id"] and e["date"]


def test_unparseable_question_says_what_it_understood(sample_db):
    with Store(sample_db, read_only=True) as s:
        brief = ask(s, "What is the weather like?")
    assert brief["verdict"] == "insufficient evidence" and brief["evidence"] == []
    assert "understood" in brief["message"] and "two actors" in brief["message"]


def test_question_parsing():
    q = parse_question("Will Washington and Beijing sign a trade deal in 2025?")
    assert [a["code"] for a in q.actors] == ["USA", "CHN"]
    assert q.relation.name == "agreement" and (q.since, q.until) == ("2025-01-01", "2025-12-31")


def test_relations_series_and_evidence(sample_db):
    with Store(sample_db, read_only=True) as s:
        res = series(s, "RUS", "CHN", by="month")
        assert res["total"] >= 2
        point = max(res["points"], key=lambda p: p["events"])
        assert point["period"] == "2025-03-01"
        assert point["events"] == sum(point[k] for k in ("verbal_cooperation", "material_cooperation",
                                                         "verbal_conflict", "material_conflict"))
        ev = evidence(s, "RUS", "CHN", period=point["period"])
        assert len({e["event_key"] for e in ev["events"] if not (e["negated"] or e["hypothetical"])}) >= point["events"]
        # names work as well as codes; a wrong period unit is a clear error
        assert series(s, "Russia", "China")["total"] == res["total"]
        with pytest.raises(RelationError):
            series(s, "RUS", "CHN", by="fortnight")


def test_cli_relations_and_ask_json(sample_db, capsys):
    assert main(["relations", "RUS", "CHN", "--by", "month", "--db", str(sample_db)]) == 0
    assert "2025-03-01" in capsys.readouterr().out
    assert main(["ask", "Will Russia and China forge a military alliance?", "--json", "--db", str(sample_db)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"question", "actors", "relation", "verdict", "evidence"}
    assert set(out["evidence"][0]) == {"text", "kind", "stance", "speaker", "date", "doc_id", "span"}
