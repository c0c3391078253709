"""The quote stage's array pre-filter keeps exactly the tokens its per-token cue tests can act on."""
from conftest import SAMPLE
from thucydides.pipeline import analyze, analyze_text
from thucydides.quotes.extractor import VERBAL_DEPS, _Extractor

TEXT = ("The minister said on Monday that talks would resume. According to the Kremlin, Putin will not attend. "
        "\u201cWe will not accept this,\u201d he told reporters, before he pointed out the risks. "
        "Officials, speaking on condition of anonymity, state the plan is dead. Asked about it, Peskov declined "
        "to comment. The group\u2019s statement warned of reprisals, the agency reported.")


def brute_force(ex: _Extractor) -> list[int]:
    """The tokens ``run`` looks at one by one: a verb tag or POS, a cue form in a verbal position, a source word."""
    return [t.i for t in ex.sdoc
            if t.tag_.startswith("VB") or t.pos_ in ("VERB", "AUX")
            or (t.dep_ in VERBAL_DEPS and t.lower_ in ex.lex.forms) or t.lower_ in ex.source_words]


def test_candidates_equal_the_per_token_tests():
    docs = [analyze_text(TEXT)] + [d for d in analyze([SAMPLE]) if hasattr(d, "doc")]
    checked = 0
    for doc in docs:
        ex = _Extractor(doc)
        got = ex.cue_candidates()
        assert got == brute_force(ex), doc.input
        checked += len(got)
    assert checked > 100
    # cue forms the tagger took for nouns, in a verbal position ("state" as ccomp): kept, although the arrays
    # hold such dependency labels as spaCy symbol ids rather than string hashes
    nouny = [(i, t.i) for i, doc in enumerate(docs) for t in doc.doc
             if t.dep_ in VERBAL_DEPS and t.dep_ != "ROOT" and t.lower_ in _Extractor(doc).lex.forms
             and not (t.tag_.startswith("VB") or t.pos_ in ("VERB", "AUX"))]
    assert nouny
    assert all(j in _Extractor(docs[i]).cue_candidates() for i, j in nouny)
