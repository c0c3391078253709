import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "src" / "thucydides" / "sample"
sys.path.insert(0, str(REPO / "tools"))  # development tooling (harden) lives outside the package


def _shared():
    for cand in (os.environ.get("THUCYDIDES_SHARED"), REPO.parent / "shared"):
        if cand and (Path(cand) / "eval" / "score.py").exists():
            return Path(cand)
    return None


SHARED = _shared()
def analyse_article(text, published=None, dateline=None, id="t"):
    """One article of ``text`` through the whole analysis (``published``/``dateline`` as a reader would give them)."""
    from thucydides.model import Document
    from thucydides.pipeline import analyze_documents

    doc = Document(id=id, input=id, raw=text, title="Test", published=published, dateline=dateline)
    [out] = list(analyze_documents([doc]))
    return out


def asserted_types(text):
    """The types of the asserted (not negated, not hypothetical) events coded in ``text``, sorted."""
    from thucydides.pipeline import analyze_text

    doc = analyze_text(text, title="test", published="2025-06-12")
    return sorted(e.type for e in doc.events if not e.negated and not e.hypothetical)


def analyse_sentence(text, published="2025-06-12"):
    """``text`` analysed as one short article (title "test") published on ``published``."""
    from thucydides.pipeline import analyze_text

    return analyze_text(text, title="test", published=published)


def asserted_of_type(doc, type_):
    """The asserted (not negated, not hypothetical) events of ``type_`` in ``doc``."""
    return [e for e in doc.events if e.type == type_ and not e.negated and not e.hypothetical]


def side_codes(doc, ids):
    """The three-letter country (or code) of each actor id in ``ids`` that ``doc`` resolves, as a set."""
    by_id = {a.id: a for a in doc.actors}
    return {(by_id[i].country or by_id[i].code or "")[:3] for i in ids if i in by_id}


def store_texts(folder, texts, db_name="texts.duckdb"):
    """A database of the articles ``texts`` ({name: text}), written as .txt files in ``folder``, analysed and ingested."""
    from thucydides.pipeline import analyze
    from thucydides.storage import Store

    files = []
    for name, text in texts.items():
        f = folder / f"{name}.txt"
        f.write_text(text, encoding="utf-8")
        files.append(str(f))
    db = folder / db_name
    with Store(db) as s:
        s.ingest(analyze(files, registry=s.registry()))
    return db


def evidence_item(brief, words):
    """The evidence item of an ask ``brief`` whose text holds ``words``."""
    return next(e for e in brief["evidence"] if words in e["text"])


def actor_for(doc, surface, occurrence=0):
    """The actor resolved at the ``occurrence``-th place ``surface`` stands in ``doc``'s text (None: no actor)."""
    from thucydides.actors import actor_at

    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.find(surface, start + 1)
        assert start >= 0, f"{surface!r} (occurrence {occurrence}) not in text"
    aid = actor_at(doc, start, start + len(surface))
    return doc.actor(aid) if aid else None


needs_shared = pytest.mark.skipif(SHARED is None, reason="../shared (gold sets and VOA corpus) is not present beside the repository")


@pytest.fixture(scope="session")
def shared():
    if SHARED is None:
        pytest.skip("../shared (gold sets and VOA corpus) is not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def analyze_text():
    """Analyse one plain-text article through the real pipeline (spaCy model included)."""
    from thucydides.pipeline import analyze_text

    return analyze_text


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    """The sample corpus analysed and stored once per session; tests only read it (copy it to write)."""
    from thucydides.pipeline import analyze
    from thucydides.storage import Store

    path = tmp_path_factory.getbasetemp() / "sample-db" / "sample.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        report = store.ingest(analyze([str(SAMPLE)], registry=store.registry()))
    assert report.stored > 20, f"sample corpus did not store: {report.failed[:3]}"
    return path
