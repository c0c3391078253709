"""The linking stage runs before storage: the stored record is the analysed record, and the registry
links a surname in one article to the person another article named in full."""
import json

from conftest import SAMPLE
from thucydides.linking import Registry, link
from thucydides.pipeline import analyze, analyze_text
from thucydides.storage import Store, doc_key


def _comparable(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k != "analyser"}


def test_analyze_and_the_stored_record_agree(sample_db):
    analysed = {doc_key(d.text): d.to_dict() for d in analyze([str(SAMPLE)]) if hasattr(d, "text")}
    with Store(sample_db, read_only=True) as store:
        stored = {r["doc_key"]: json.loads(r["record"]) for r in store.query("SELECT doc_key, record FROM documents")}
    assert len(stored) > 20
    assert set(stored) <= set(analysed)
    differ = [k for k in stored if _comparable(stored[k]) != _comparable(analysed[k])]
    assert not differ, f"{len(differ)} stored records differ from the analysis, e.g. {stored[differ[0]]['id']}"


def test_registry_links_a_surname_across_documents():
    reg = Registry()
    first = analyze_text("Kazakh Foreign Minister Murat Nurtleu met his Chinese counterpart in Astana on Monday. "
                         "The two discussed trade.", id="first", published="2025-03-10")
    link(reg, first)
    person = next(a for a in first.actors if a.name == "Murat Nurtleu")
    assert person.registry_id and person.country == "KAZ"
    second = analyze_text("Nurtleu said the talks had gone well and that more meetings would follow.",
                          id="second", published="2025-03-12")
    link(reg, second)
    linked = [a for a in second.actors if a.registry_id == person.registry_id]
    assert linked, [(a.name, a.type, a.registry_id) for a in second.actors]
    assert linked[0].country == "KAZ" and linked[0].name == "Murat Nurtleu"
    # the registry kept the entry for the store to write, once
    dirty = reg.take_dirty()
    assert person.registry_id in {r["registry_id"] for r in dirty}
    assert reg.take_dirty() == []
