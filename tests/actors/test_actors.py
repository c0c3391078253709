"""Actors: countries, officials with roles, organisations, coreference; the registry across documents."""
import pytest

from conftest import SAMPLE, actor_for
from thucydides.pipeline import analyze


def test_lavrov_is_one_actor_with_all_mentions():
    [doc] = list(analyze([SAMPLE / "lavrov-alliance.txt"]))
    lavrov = actor_for(doc, "Sergei Lavrov")
    assert (lavrov.name, lavrov.type, lavrov.country, lavrov.sector, lavrov.role) == \
        ("Sergei Lavrov", "PERSON", "RUS", "government", "foreign minister")
    for surface, occ in [("Lavrov", 1), ("the foreign minister", 0), ("He", 0), ("the minister", 0),
                         ("The Russian chancellor", 0)]:
        assert actor_for(doc, surface, occ) is lavrov, surface
    assert len(lavrov.mentions) >= 6
    west = actor_for(doc, "Western countries")
    assert (west.type, west.country) == ("GROUP", "WST")
    media = actor_for(doc, "Rossia 24")
    assert (media.type, media.sector) == ("MEDIA", "media")
    # the channel is not the speaker: Lavrov and Rossia 24 are different actors
    assert media is not lavrov
    assert actor_for(doc, "the Kremlin").country == "RUS"
    assert actor_for(doc, "Beijing").country == "CHN"


def test_fsb_is_intelligence_of_russia(analyze_text):
    doc = analyze_text("FSB detains suspect\n\nThe Russian Federal Security Service (FSB) said on Monday it had "
                       "detained a man suspected of planning an attack in Moscow.")
    fsb = actor_for(doc, "Federal Security Service")
    assert (fsb.country, fsb.sector) == ("RUS", "intelligence")
    assert actor_for(doc, "FSB") is fsb


@pytest.mark.parametrize("text,name,country,role", [
    ("Wang Yi, China's foreign minister, met his counterpart in Jakarta on Tuesday.", "Wang Yi", "CHN", "foreign minister"),
    ("China's top diplomat Wang Yi said the talks were constructive.", "Wang Yi", "CHN", "top diplomat"),
    ("Indonesian Deputy Trade Minister Ratna Kusumawati signed the memorandum in Canberra.", "Ratna Kusumawati", "IDN", None),
    ("Kazakh Deputy Foreign Minister Daniyar Seitkali arrived in Tokyo for consultations.", "Daniyar Seitkali", "KAZ", "deputy foreign minister"),
    ("Kremlin spokesman Dmitry Peskov declined to comment.", "Dmitry Peskov", "RUS", "spokesman"),
    ("Tomas Novak, the Czech deputy defense minister, visited the base.", "Tomas Novak", "CZE", None),
])
def test_titles_and_appositions(analyze_text, text, name, country, role):
    doc = analyze_text(text, title="Test")
    a = actor_for(doc, name)
    assert a is not None and a.name == name and a.country == country
    if role:
        assert a.role == role
    else:
        assert a.role  # some role was read


def test_surname_role_and_pronoun_references(analyze_text):
    text = ("Ankara talks\n\nTurkish Defense Minister Yasar Guler met Swedish Foreign Minister Maria Malmer Stenergard "
            "in Ankara on Tuesday. Guler said the two countries would expand defense industry cooperation. "
            "She said Sweden valued Turkey's support. The defense minister added that more talks were planned, "
            "and he thanked Stockholm for its approach.")
    doc = analyze_text(text)
    guler = actor_for(doc, "Yasar Guler")
    stenergard = actor_for(doc, "Maria Malmer Stenergard")
    assert guler.country == "TUR" and stenergard.country == "SWE"
    assert actor_for(doc, "Guler", 1) is guler
    assert actor_for(doc, "She") is stenergard
    assert actor_for(doc, "The defense minister") is guler
    assert actor_for(doc, "he", 0) is not stenergard


def test_countries_demonyms_capitals_and_groups(analyze_text):
    doc = analyze_text("Seoul and Tokyo\n\nSouth Korean and Japanese officials met in Seoul as Washington "
                       "urged closer ties. Western countries welcomed the step, the White House said.")
    assert actor_for(doc, "South Korean").country == "KOR"
    assert actor_for(doc, "Japanese").country == "JPN"
    assert actor_for(doc, "Washington").country == "USA"
    assert actor_for(doc, "White House").country == "USA"
    assert actor_for(doc, "Western countries").country == "WST"


def test_unresolvable_role_stays_unresolved(analyze_text):
    doc = analyze_text("Protest\n\nThe minister said the protest would go ahead.")
    assert actor_for(doc, "The minister") is None


def test_registry_links_surname_across_documents(tmp_path):
    from thucydides.linking import registry
    from thucydides.storage import Store

    a = tmp_path / "a.jsonl"
    # an official no built-in list knows: only the first article says who he is
    a.write_text('{"id": "first", "published": "2025-03-01", "text": "Kazakh Deputy Foreign Minister Daniyar Seitkali met '
                 'Chinese officials in Beijing on Friday."}\n'
                 '{"id": "second", "published": "2025-03-05", "text": "Seitkali said on Tuesday that the talks had been useful."}\n',
                 encoding="utf-8")
    db = tmp_path / "r.duckdb"
    with Store(db) as s:
        s.ingest(analyze([a], registry=s.registry()))
        rows = s.query("SELECT d.id, a.name, a.country, a.role, a.registry_id FROM actors a JOIN documents d USING (doc_key) "
                       "WHERE a.type = 'PERSON' ORDER BY d.id")
        assert [(r["id"], r["name"], r["country"], r["role"]) for r in rows] == [
            ("first", "Daniyar Seitkali", "KAZ", "deputy foreign minister"),
            ("second", "Daniyar Seitkali", "KAZ", "deputy foreign minister")]
        assert rows[0]["registry_id"] == rows[1]["registry_id"]
        rid = rows[0]["registry_id"]
        entry = [r for r in registry.list_actors(s, name="Seitkali")][0]
        assert entry["documents"] == 2 and str(entry["evidence_date"]) == "2025-03-01"
        # a user's correction wins and survives re-ingestion of new articles
        registry.correct(s, rid, role="chief diplomat")
    b = tmp_path / "b.jsonl"
    b.write_text('{"id": "third", "published": "2025-04-01", "text": "Kazakh Deputy Foreign Minister Daniyar Seitkali '
                 'arrived in Ankara on Monday."}\n', encoding="utf-8")
    with Store(db) as s:
        s.ingest(analyze([b], registry=s.registry()))
        roles = {r["id"]: r["role"] for r in s.query(
            "SELECT d.id, a.role FROM actors a JOIN documents d USING (doc_key) WHERE a.registry_id = ?", [rid])}
    assert roles == {"first": "chief diplomat", "second": "chief diplomat", "third": "chief diplomat"}


def test_registry_merge(tmp_path):
    from thucydides.linking import registry
    from thucydides.storage import Store

    a = tmp_path / "a.jsonl"
    a.write_text('{"id": "x", "text": "Volodymyr Zelensky spoke in Kyiv on Monday."}\n'
                 '{"id": "y", "text": "Ukrainian President Volodymyr Zelenskyy spoke in Brussels on Tuesday."}\n',
                 encoding="utf-8")
    with Store(tmp_path / "m.duckdb") as s:
        s.ingest(analyze([a], registry=s.registry()))
        ids = {r["name"]: r["registry_id"] for r in registry.list_actors(s, name="Zelensk")}
        if len(ids) == 2:
            kept = registry.merge(s, ids["Volodymyr Zelenskyy"], ids["Volodymyr Zelensky"])
            assert kept["name"] == "Volodymyr Zelenskyy"
        rows = s.query("SELECT DISTINCT registry_id FROM actors WHERE name ILIKE '%zelensk%'")
        assert len(rows) == 1
        with pytest.raises(registry.RegistryError):
            registry.correct(s, "r-does-not-exist", role="x")
